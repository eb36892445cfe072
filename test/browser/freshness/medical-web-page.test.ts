import {expect, fixture, html} from '@open-wc/testing';
import english from 'milia-content/en';
import '../../../src/index.js';
import type {MiliaInfo} from '../../../src/milia-info.js';
import type {MiliaFaq} from '../../../src/milia-faq.js';
import type {LocaleContent} from '../../../src/internal/content-types.js';
import {structuredDataAskers} from '../../../src/internal/structured-data-writer.js';
import {recordWarnings, shadow, structuredDataSettled} from '../helpers.js';
import {jsonLdOfType, jsonLdScripts, removeJsonLd, schemaDiagnostics, warmUpSchemaCheck} from './freshness.js';

/**
 * `<milia-info structured-data>`: one MedicalWebPage per page (design.md, "Structured data for
 * <milia-info> and the content record"), beside the FAQPage of `<milia-faq structured-data>`.
 * Expected titles and dates are read from the compiled content, never written here.
 */

/** The contract's section -> schema.org health aspect, as full URLs. */
const ASPECTS: Record<string, string> = {
  overview: 'https://schema.org/OverviewHealthAspect',
  types: 'https://schema.org/TypesHealthAspect',
  causes: 'https://schema.org/CausesHealthAspect',
  removal: 'https://schema.org/TreatmentsHealthAspect',
  'home-care': 'https://schema.org/SelfCareHealthAspect',
  'see-a-doctor': 'https://schema.org/SeeDoctorHealthAspect',
};

const spanish = async () => (await import('milia-content/es')).default as LocaleContent;

interface Part {
  '@type': string;
  name: string;
  hasHealthAspect: string;
}

/** The page's one MedicalWebPage, parsed, with its script. */
function medicalWebPage() {
  const scripts = jsonLdOfType('MedicalWebPage');
  expect(scripts, 'exactly one MedicalWebPage').to.have.length(1);
  return {script: scripts[0], data: JSON.parse(scripts[0].text)};
}

/** What `hasPart` should be for these section ids in this language. */
const partsFor = (locale: LocaleContent, ids: string[]): Part[] =>
  ids.map((id) => ({
    '@type': 'HealthTopicContent',
    name: locale.info.find((item) => item.id === id)!.title,
    hasHealthAspect: ASPECTS[id],
  }));

/** The footer's dates, as Intl.DateTimeFormat writes `isoDay` for the language (design.md: long, UTC). */
const longDate = (lang: string, isoDay: string) =>
  new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'}).format(new Date(`${isoDay}T00:00:00Z`));

describe('MedicalWebPage structured data (<milia-info structured-data>)', function () {
  // The schema check compiles in the test server: seconds each when three engines ask at once.
  this.timeout(60000);
  before(warmUpSchemaCheck);
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => {
    warnings.restore();
    removeJsonLd();
  });

  it('adds one MedicalWebPage: about Milia (milium), inLanguage, lastReviewed, one HealthTopicContent per shown section', async () => {
    const el = await fixture<MiliaInfo>(html`<milia-info structured-data sections="causes overview see-a-doctor"></milia-info>`);
    await structuredDataSettled(el);
    expect(jsonLdScripts(), 'nothing else added').to.have.length(1);
    const {script, data} = medicalWebPage();
    expect(script.parentNode, 'in the head').to.equal(document.head);
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('MedicalWebPage');
    expect(data.about).to.deep.equal({'@type': 'MedicalCondition', name: 'Milia', alternateName: 'milium'});
    expect(data.inLanguage).to.equal('en');
    expect(data.lastReviewed).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.lastReviewed).to.equal(english.checked);
    expect(data.hasPart, 'in the order the element shows them').to.deep.equal(
      partsFor(english, ['causes', 'overview', 'see-a-doctor'])
    );
    expect(warnings.messages).to.deep.equal([]);
  });

  it('names no reviewer anywhere (no clinician reviewed the text)', async () => {
    const el = await fixture<MiliaInfo>(html`<milia-info structured-data></milia-info>`);
    await structuredDataSettled(el);
    const {script} = medicalWebPage();
    expect(script.text).not.to.match(/reviewedBy|"Person"|"Physician"|"MedicalOrganization"/);
  });

  it('maps every section to its schema.org health aspect as a full URL', async () => {
    const el = await fixture<MiliaInfo>(html`<milia-info structured-data></milia-info>`);
    await structuredDataSettled(el);
    const {data} = medicalWebPage();
    const ids = english.info.map((item) => item.id);
    expect(ids, 'the contract lists every section there is').to.have.members(Object.keys(ASPECTS));
    expect(data.hasPart).to.deep.equal(partsFor(english, ids));
  });

  it('lastReviewed is the checked date the footer shows, in the shown language (lang="es-MX")', async () => {
    const el = await fixture<MiliaInfo>(html`<milia-info structured-data lang="es-MX" sections="overview removal"></milia-info>`);
    await structuredDataSettled(el);
    const es = await spanish();
    const {data} = medicalWebPage();
    expect(data.inLanguage).to.equal('es');
    expect(data.lastReviewed).to.equal(es.checked);
    expect(data.hasPart).to.deep.equal(partsFor(es, ['overview', 'removal']));
    const footer = shadow(el).querySelector('[part~="footer"]')!.textContent!;
    expect(footer, 'the footer shows the same day').to.include(longDate('es', data.lastReviewed));
  });

  it('type-checks against schema.org (schema-dts), in English and in Spanish', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><milia-info structured-data></milia-info></div>`);
    const el = wrapper.querySelector('milia-info')!;
    await structuredDataSettled(el);
    const en = medicalWebPage().script.text;
    el.setAttribute('lang', 'es');
    await structuredDataSettled(el);
    const es = medicalWebPage().script.text;
    expect(JSON.parse(es).inLanguage).to.equal('es');
    expect(await schemaDiagnostics({type: 'MedicalWebPage', json: en}, {type: 'MedicalWebPage', json: es})).to.deep.equal([
      [],
      [],
    ]);
  });

  it('the schema check fails on an unknown property, a wrong @type and a misspelt health aspect', async () => {
    const el = await fixture<MiliaInfo>(html`<milia-info structured-data sections="overview causes"></milia-info>`);
    await structuredDataSettled(el);
    const good = medicalWebPage().data;
    const variant = (change: (data: typeof good) => void) => {
      const data = structuredClone(good);
      change(data);
      return {type: 'MedicalWebPage', json: JSON.stringify(data)};
    };
    const [unknownTop, unknownNested, wrongType, wrongNestedType, misspeltAspect, shortPath] = await schemaDiagnostics(
      variant((data) => (data.lastReviewd = data.lastReviewed)),
      variant((data) => (data.about.colour = 'white')),
      variant((data) => (data['@type'] = 'MedicalWebpage')),
      variant((data) => (data.hasPart[0]['@type'] = 'HealthTopic')),
      variant((data) => (data.hasPart[1].hasHealthAspect = 'https://schema.org/CauseHealthAspect')),
      variant((data) => (data.hasPart[1].hasHealthAspect = 'https://schema.org/Causes'))
    );
    expect(unknownTop.join('\n')).to.match(/lastReviewd.*does not exist/);
    expect(unknownNested.join('\n')).to.match(/colour.*does not exist in type 'MedicalConditionLeaf'/);
    expect(wrongType.join('\n')).to.match(/"MedicalWebpage"' is not assignable/);
    expect(wrongNestedType.join('\n')).to.match(/"HealthTopic"/);
    expect(misspeltAspect.join('\n')).to.match(/"https:\/\/schema.org\/CauseHealthAspect"' is not assignable/);
    expect(shortPath).not.to.deep.equal([]);
  });

  it("one MedicalWebPage for several asking elements: their sections in document order, once each, in the first asker's language", async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-info structured-data lang="es" sections="removal overview"></milia-info>
        <milia-info sections="types"></milia-info>
        <milia-info structured-data sections="overview see-a-doctor removal"></milia-info>
      </div>`
    );
    const elements = [...wrapper.querySelectorAll('milia-info')];
    await structuredDataSettled(...elements);
    const es = await spanish();
    let {data} = medicalWebPage();
    expect(data.inLanguage).to.equal('es');
    expect(data.lastReviewed).to.equal(es.checked);
    expect(data.hasPart, 'types is not asked for').to.deep.equal(partsFor(es, ['removal', 'overview', 'see-a-doctor']));

    // A new first asker in document order sets the language.
    const first = document.createElement('milia-info');
    first.setAttribute('structured-data', '');
    first.setAttribute('sections', 'home-care');
    wrapper.prepend(first);
    await structuredDataSettled(first, ...elements);
    ({data} = medicalWebPage());
    expect(data.inLanguage).to.equal('en');
    expect(data.lastReviewed).to.equal(english.checked);
    expect(data.hasPart).to.deep.equal(partsFor(english, ['home-care', 'removal', 'overview', 'see-a-doctor']));

    // An asker's sections change: the union follows.
    elements[2].sections = 'causes';
    await structuredDataSettled(first, ...elements);
    expect(medicalWebPage().data.hasPart).to.deep.equal(partsFor(english, ['home-care', 'removal', 'overview', 'causes']));
  });

  it('is removed with the last asker (removed, or structured-data turned off), and the page keeps no askers', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-info structured-data sections="overview"></milia-info>
        <milia-info structured-data sections="types"></milia-info>
      </div>`
    );
    const [a, b] = wrapper.querySelectorAll('milia-info');
    await structuredDataSettled(a, b);
    a.remove();
    await structuredDataSettled(b);
    expect(medicalWebPage().data.hasPart).to.deep.equal(partsFor(english, ['types']));
    b.removeAttribute('structured-data');
    await structuredDataSettled(b);
    expect(jsonLdScripts()).to.deep.equal([]);
    b.setAttribute('structured-data', '');
    await structuredDataSettled(b);
    expect(jsonLdOfType('MedicalWebPage')).to.have.length(1);
    b.remove();
    await structuredDataSettled();
    expect(jsonLdScripts()).to.deep.equal([]);
    expect(structuredDataAskers()).to.equal(0);
  });

  it('coexists with the FAQPage: one of each with both elements asking, both type-check, each removed with its own askers', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-faq structured-data questions="contagious pop"></milia-faq>
        <milia-info structured-data sections="overview removal"></milia-info>
        <milia-faq structured-data questions="eyes"></milia-faq>
        <milia-info structured-data sections="see-a-doctor"></milia-info>
      </div>`
    );
    const faqs = [...wrapper.querySelectorAll<MiliaFaq>('milia-faq')];
    const infos = [...wrapper.querySelectorAll<MiliaInfo>('milia-info')];
    await structuredDataSettled(...faqs, ...infos);
    const scripts = jsonLdScripts();
    expect(scripts.map((script) => JSON.parse(script.text)['@type']).sort()).to.deep.equal(['FAQPage', 'MedicalWebPage']);
    const faq = jsonLdOfType('FAQPage')[0];
    const page = medicalWebPage();
    expect(JSON.parse(faq.text).mainEntity.map((q: {name: string}) => q.name)).to.deep.equal(
      ['contagious', 'pop', 'eyes'].map((id) => english.faq.find((item) => item.id === id)!.title)
    );
    expect(page.data.hasPart).to.deep.equal(partsFor(english, ['overview', 'removal', 'see-a-doctor']));
    expect(
      await schemaDiagnostics({type: 'FAQPage', json: faq.text}, {type: 'MedicalWebPage', json: page.script.text})
    ).to.deep.equal([[], []]);

    for (const info of infos) info.remove();
    await structuredDataSettled(...faqs);
    expect(jsonLdScripts(), 'the FAQPage stays').to.deep.equal([faq]);
    for (const info of infos) wrapper.append(info);
    await structuredDataSettled(...faqs, ...infos);
    for (const el of faqs) el.remove();
    await structuredDataSettled(...infos);
    expect(jsonLdScripts().map((script) => JSON.parse(script.text)['@type'])).to.deep.equal(['MedicalWebPage']);
    expect(warnings.messages, 'neither kind takes the other for a foreign one').to.deep.equal([]);
  });

  it('a foreign FAQPage stops only our FAQPage: the MedicalWebPage is still added', async () => {
    const foreign = Object.assign(document.createElement('script'), {
      type: 'application/ld+json',
      text: JSON.stringify({'@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: []}),
    });
    document.head.append(foreign);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><milia-faq structured-data></milia-faq><milia-info structured-data></milia-info></div>`
    );
    await structuredDataSettled(...wrapper.children);
    expect(jsonLdOfType('FAQPage')).to.deep.equal([foreign]);
    expect(jsonLdOfType('MedicalWebPage')).to.have.length(1);
    expect(warnings.messages.filter((m) => m.includes('MedicalWebPage'))).to.deep.equal([]);
  });

  it('adds no MedicalWebPage and warns once when the page has one it did not make (the FAQPage is still added)', async () => {
    // What an SEO plugin writes: the page's own MedicalWebPage inside a @graph.
    const foreign = Object.assign(document.createElement('script'), {
      type: 'application/ld+json',
      text: JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          {'@type': 'WebSite', name: 'A clinic'},
          {'@type': 'MedicalWebPage', name: 'Milia'},
        ],
      }),
    });
    document.head.append(foreign);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-info structured-data sections="overview"></milia-info>
        <milia-faq structured-data questions="pop"></milia-faq>
        <milia-info structured-data sections="types"></milia-info>
      </div>`
    );
    const elements = [...wrapper.children];
    await structuredDataSettled(...elements);
    (elements[2] as MiliaInfo).sections = 'causes';
    await structuredDataSettled(...elements);
    expect(jsonLdScripts().filter((script) => script.text.includes('MedicalWebPage'))).to.deep.equal([foreign]);
    expect(jsonLdOfType('FAQPage'), 'the FAQPage is not affected').to.have.length(1);
    const aboutIt = warnings.messages.filter((m) => m.includes('MedicalWebPage'));
    expect(aboutIt, 'one warning, naming the type').to.have.length(1);
  });
});
