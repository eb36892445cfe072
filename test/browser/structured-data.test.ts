import {expect, fixture, html} from '@open-wc/testing';
import '../../src/index.js';
import type {MiliaFaq} from '../../src/milia-faq.js';
import {faqPage as faqPageData, toJson} from '../../src/internal/structured-data-writer.js';
import type {LocaleContent} from '../../src/internal/content-types.js';
import {recordWarnings, structuredDataSettled} from './helpers.js';

const ours = () => [...document.head.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];
const faqPage = () => {
  const scripts = ours();
  expect(scripts, 'exactly one JSON-LD script').to.have.length(1);
  return JSON.parse(scripts[0].text);
};
const questionNames = () => faqPage().mainEntity.map((q: {name: string}) => q.name);
const written = structuredDataSettled;

describe('FAQPage structured data', () => {
  afterEach(() => {
    for (const script of document.querySelectorAll('script[type="application/ld+json"]')) script.remove();
  });

  it('adds one FAQPage for the shown questions, answers as plain text', async () => {
    const el = await fixture<MiliaFaq>(html`<milia-faq structured-data questions="contagious pop"></milia-faq>`);
    await written(el);
    const data = faqPage();
    expect(data['@context']).to.equal('https://schema.org');
    expect(data['@type']).to.equal('FAQPage');
    expect(data.inLanguage).to.equal('en');
    expect(questionNames()).to.deep.equal(['Are milia contagious?', 'Can I squeeze or pop milia at home?']);
    const answer = data.mainEntity[0].acceptedAnswer;
    expect(answer['@type']).to.equal('Answer');
    expect(answer.text).to.match(/^No\b/);
    expect(answer.text).not.to.match(/[<>*]/);
  });

  it('adds nothing without the attribute', async () => {
    const el = await fixture<MiliaFaq>(html`<milia-faq></milia-faq>`);
    await written(el);
    expect(ours()).to.have.length(0);
  });

  it('shares one script among several elements: their questions in document order, no duplicates', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-faq structured-data questions="eyes pop"></milia-faq>
        <milia-faq questions="babies"></milia-faq>
        <milia-faq structured-data questions="pop contagious"></milia-faq>
      </div>`
    );
    const elements = [...wrapper.querySelectorAll('milia-faq')];
    await written(...elements);
    expect(questionNames()).to.deep.equal([
      'What about milia around the eyes?',
      'Can I squeeze or pop milia at home?',
      'Are milia contagious?',
    ]);

    elements[2].questions = 'retinoids';
    await written(...elements);
    expect(questionNames()).to.deep.equal([
      'What about milia around the eyes?',
      'Can I squeeze or pop milia at home?',
      'Can creams like retinoids help?',
    ]);

    elements[0].remove();
    await written(elements[2]);
    expect(questionNames()).to.deep.equal(['Can creams like retinoids help?']);

    elements[2].structuredData = false;
    await written(elements[2]);
    expect(ours(), 'removed when the last asking element stops asking').to.have.length(0);
  });

  it('is removed when the last asking element leaves the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-faq structured-data questions="eyes"></milia-faq>
        <milia-faq structured-data questions="pop"></milia-faq>
      </div>`
    );
    const [a, b] = wrapper.querySelectorAll('milia-faq');
    await written(a, b);
    a.remove();
    await structuredDataSettled();
    expect(ours()).to.have.length(1);
    b.remove();
    await structuredDataSettled();
    expect(ours()).to.have.length(0);
  });

  it('adds nothing and warns once when the page already has a FAQPage it did not make', async () => {
    const foreign = document.createElement('script');
    foreign.type = 'application/ld+json';
    foreign.text = JSON.stringify({'@context': 'https://schema.org', '@graph': [{'@type': 'FAQPage', mainEntity: []}]});
    document.head.append(foreign);
    const warnings = recordWarnings();
    try {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <milia-faq structured-data questions="eyes"></milia-faq>
          <milia-faq structured-data questions="pop"></milia-faq>
        </div>`
      );
      await written(...wrapper.querySelectorAll('milia-faq'));
      expect(ours()).to.deep.equal([foreign]);
      expect(warnings.messages.filter((m) => m.includes('FAQPage'))).to.have.length(1);
    } finally {
      warnings.restore();
      foreign.remove();
    }
  });

  it('escapes < so no content can close the script early', () => {
    const locale = {
      lang: 'en',
      faq: [{id: 'x', title: 'Is </script><script>alert(1)</script> safe?', sources: [], body: [{p: ['A <!-- comment']}]}],
    } as unknown as LocaleContent;
    const json = toJson(faqPageData(locale, ['x']));
    expect(json).not.to.include('<');
    expect(JSON.parse(json).mainEntity[0].name).to.equal('Is </script><script>alert(1)</script> safe?');
    expect(JSON.parse(json).mainEntity[0].acceptedAnswer.text).to.equal('A <!-- comment');
  });
});
