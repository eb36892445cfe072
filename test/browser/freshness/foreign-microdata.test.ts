import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/index.js';
import {recordWarnings, structuredDataSettled} from '../helpers.js';
import {jsonLdScripts, removeJsonLd} from './freshness.js';

/**
 * The foreign-page rule (design.md): if the page already has a FAQPage or a MedicalWebPage
 * that we did not make, we add none of that kind and warn once. A page can say so in
 * microdata as well as in JSON-LD (themes and FAQ blocks write `itemscope itemtype=...`), and
 * search engines read both: two FAQPages are a duplicate either way. (Its own file: the
 * warning is once per page and kind, and the JSON-LD case of each kind has its page.)
 */
describe('a FAQPage or MedicalWebPage the page declares in microdata', () => {
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => {
    warnings.restore();
    removeJsonLd();
  });

  it('itemtype="https://schema.org/MedicalWebPage" on the page: no MedicalWebPage added, one warning', async () => {
    const page = await fixture<HTMLElement>(
      html`<article itemscope itemtype="https://schema.org/MedicalWebPage">
        <h1 itemprop="name">Milia</h1>
        <milia-info structured-data sections="overview"></milia-info>
        <milia-info structured-data sections="types"></milia-info>
      </article>`
    );
    await structuredDataSettled(...page.querySelectorAll('milia-info'));
    expect(jsonLdScripts().map((script) => script.text)).to.deep.equal([]);
    expect(warnings.messages.filter((m) => m.includes('MedicalWebPage'))).to.have.length(1);
  });

  it('itemtype="https://schema.org/FAQPage" on the page: no FAQPage added, one warning', async () => {
    const page = await fixture<HTMLElement>(
      html`<section itemscope itemtype="https://schema.org/FAQPage">
        <div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
          <h2 itemprop="name">Do you treat milia?</h2>
          <div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer"><p itemprop="text">Yes.</p></div>
        </div>
        <milia-faq structured-data questions="pop"></milia-faq>
      </section>`
    );
    await structuredDataSettled(...page.querySelectorAll('milia-faq'));
    expect(jsonLdScripts().map((script) => script.text)).to.deep.equal([]);
    expect(warnings.messages.filter((m) => m.includes('FAQPage'))).to.have.length(1);
  });
});
