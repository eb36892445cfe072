import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/index.js';
import type {MiliaFaq} from '../../../src/milia-faq.js';
import {structuredDataSettled} from '../helpers.js';
import {jsonLdOfType, removeJsonLd, schemaDiagnostics, warmUpSchemaCheck} from './freshness.js';

/** The FAQPage of `<milia-faq structured-data>` against schema.org's vocabulary (schema-dts). */
const faqPageText = () => {
  const scripts = jsonLdOfType('FAQPage');
  expect(scripts, 'exactly one FAQPage').to.have.length(1);
  return scripts[0].text;
};

describe('FAQPage structured data against schema.org', function () {
  // The schema check compiles in the test server: seconds each when three engines ask at once.
  this.timeout(60000);
  before(warmUpSchemaCheck);
  afterEach(removeJsonLd);

  it('every question, in English and in Spanish, type-checks as a FAQPage', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><milia-faq structured-data></milia-faq></div>`);
    const el = wrapper.querySelector<MiliaFaq>('milia-faq')!;
    await structuredDataSettled(el);
    const en = faqPageText();
    el.lang = 'es';
    await structuredDataSettled(el);
    const es = faqPageText();
    expect(JSON.parse(es).inLanguage).to.equal('es');
    expect(JSON.parse(en).mainEntity).to.have.length(JSON.parse(es).mainEntity.length);
    expect(await schemaDiagnostics({type: 'FAQPage', json: en}, {type: 'FAQPage', json: es})).to.deep.equal([[], []]);
  });

  it('the check fails on an unknown property, a wrong @type at either level, and an answer that is not an Answer', async () => {
    const el = await fixture<MiliaFaq>(html`<milia-faq structured-data questions="pop eyes"></milia-faq>`);
    await structuredDataSettled(el);
    const good = JSON.parse(faqPageText());
    const variant = (change: (data: typeof good) => void) => {
      const data = structuredClone(good);
      change(data);
      return {type: 'FAQPage', json: JSON.stringify(data)};
    };
    const [answerProperty, pageType, questionType, answerType] = await schemaDiagnostics(
      variant((data) => (data.mainEntity[0].answer = data.mainEntity[0].acceptedAnswer)),
      variant((data) => (data['@type'] = 'FAQ')),
      variant((data) => (data.mainEntity[1]['@type'] = 'Questoin')),
      variant((data) => (data.mainEntity[1].acceptedAnswer['@type'] = 'Reply'))
    );
    expect(answerProperty.join('\n')).to.match(/'"answer"' does not exist in type 'QuestionLeaf'/);
    expect(pageType.join('\n')).to.match(/"FAQ"' is not assignable/);
    expect(questionType.join('\n')).to.match(/"Questoin"/);
    expect(answerType.join('\n')).to.match(/"Reply"/);
  });
});
