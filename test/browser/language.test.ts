import {expect, fixture, html} from '@open-wc/testing';
import '../../src/index.js';
import type {MiliaInfo} from '../../src/milia-info.js';
import type {MiliaFaq} from '../../src/milia-faq.js';
import {openIds, recordWarnings, structuredDataSettled, render, shadow, showAll, titles, toggles} from './helpers.js';

const innerLang = (el: Element) => shadow(el).querySelector('.root')!.getAttribute('lang');
const footerText = (el: Element) => shadow(el).querySelector('[part~="footer"]')!.textContent!;

/** Appends an element under `parent` and waits for its final render (language file included). */
async function mount<T extends MiliaInfo | MiliaFaq>(parent: Node, tag: string, attributes: Record<string, string> = {}) {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.appendChild(el);
  await el.updateComplete;
  return el;
}

describe('languages', () => {
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => warnings.restore());

  it('<milia-info lang="es"> shows Spanish text, labels and dates, and marks the content as Spanish', async () => {
    const el = await render<MiliaInfo>(html`<milia-info lang="es"></milia-info>`);
    expect(titles(el)[0]).to.equal('¿Qué son los milios?');
    expect(toggles(el)).to.have.length(6);
    expect(showAll(el)!.textContent!.trim()).to.equal('Mostrar todas las secciones');
    // The dates come from the shipped Spanish strings, so a content review needs no test edit.
    const spanish = (await import('milia-content/es')).default;
    expect(spanish.strings.reviewedOn).to.match(/^Comprobado con sus fuentes el \d{1,2} de \p{L}+ de \d{4}\.$/u);
    expect(spanish.strings.nextReviewDue).to.match(/ de \d{4}\.$/);
    expect(footerText(el)).to.include(spanish.strings.reviewedOn);
    expect(footerText(el)).to.include(spanish.strings.nextReviewDue);
    expect(footerText(el)).to.match(/no un diagnóstico/);
    expect(innerLang(el)).to.equal('es');
    expect(shadow(el).querySelector('.root')!.getAttribute('dir')).to.equal('ltr');
    expect(warnings.messages).to.deep.equal([]);
  });

  it('<milia-faq lang="es"> shows the Spanish questions with the same ids', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq lang="es" questions="contagious pop" expanded="pop"></milia-faq>`);
    expect(titles(el)).to.deep.equal(['¿Los milios son contagiosos?', titles(el)[1]]);
    expect(titles(el)[1]).to.match(/^¿/);
    expect(openIds(el)).to.deep.equal(['pop']);
    expect(showAll(el)!.textContent!.trim()).to.equal('Mostrar todas las respuestas');
  });

  it('maps region tags: es-MX and ES-es to Spanish, en-US to English, without warnings', async () => {
    for (const [tag, first] of [
      ['es-MX', '¿Qué son los milios?'],
      ['ES-es', '¿Qué son los milios?'],
      ['en-US', 'What are milia?'],
    ]) {
      const el = await render<MiliaInfo>(html`<milia-info lang=${tag}></milia-info>`);
      expect(titles(el)[0], tag).to.equal(first);
    }
    expect(warnings.messages).to.deep.equal([]);
  });

  it('inherits the nearest ancestor lang', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es-ES">
        <section><p>Hola</p></section>
      </div>`
    );
    const el = await mount<MiliaInfo>(wrapper.querySelector('section')!, 'milia-info');
    expect(titles(el)[0]).to.equal('¿Qué son los milios?');
    expect(innerLang(el)).to.equal('es');
  });

  it('inherits lang across the shadow root of a host component', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    const root = host.attachShadow({mode: 'open'});
    const el = await mount<MiliaInfo>(root, 'milia-info');
    expect(titles(el)[0]).to.equal('¿Qué son los milios?');
  });

  it('falls back to the document language, then English', async () => {
    const before = document.documentElement.getAttribute('lang');
    try {
      document.documentElement.setAttribute('lang', 'es-ES');
      const spanish = await render<MiliaInfo>(html`<milia-info></milia-info>`);
      expect(titles(spanish)[0]).to.equal('¿Qué son los milios?');
      document.documentElement.removeAttribute('lang');
      const english = await render<MiliaInfo>(html`<milia-info></milia-info>`);
      expect(titles(english)[0]).to.equal('What are milia?');
    } finally {
      if (before === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', before);
    }
  });

  it('an unsupported lang on the element: English and one warning naming it and the valid ones', async () => {
    const el = await render<MiliaInfo>(html`<milia-info lang="fr"></milia-info>`);
    expect(titles(el)[0]).to.equal('What are milia?');
    expect(innerLang(el), 'content marked as English inside a French-tagged element').to.equal('en');
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/lang="fr": not valid: "fr"; showing English\. Valid: "en", "es"/);
  });

  it('an unsupported language inherited from the page: English, silently', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr-FR"></div>`);
    const el = await mount<MiliaInfo>(wrapper, 'milia-info');
    expect(titles(el)[0]).to.equal('What are milia?');
    expect(innerLang(el)).to.equal('en');
    expect(warnings.messages).to.deep.equal([]);
  });

  it('re-renders when lang changes at run time, keeping open sections', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded="causes"></milia-info>`);
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(titles(el)[2]).to.equal('¿Qué causa los milios?');
    expect(openIds(el)).to.deep.equal(['causes']);
    el.lang = 'en';
    await el.updateComplete;
    expect(titles(el)[2]).to.equal('What causes milia?');
    el.removeAttribute('lang');
    await el.updateComplete;
    expect(titles(el)[2]).to.equal('What causes milia?');
  });

  it("writes structured data in the first asking element's language", async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-faq lang="es" structured-data questions="contagious"></milia-faq>
        <milia-faq structured-data questions="eyes"></milia-faq>
      </div>`
    );
    const [es, en] = wrapper.querySelectorAll('milia-faq');
    await es.updateComplete;
    await structuredDataSettled(es, en);
    const script = document.head.querySelector<HTMLScriptElement>('script[type="application/ld+json"]')!;
    const data = JSON.parse(script.text);
    expect(data.inLanguage).to.equal('es');
    expect(data.mainEntity).to.have.length(2);
    expect(data.mainEntity[0].name).to.equal('¿Los milios son contagiosos?');
    expect(data.mainEntity[1].name).to.match(/^¿/);
    wrapper.remove();
  });

  it('is accessible (axe) in Spanish', async () => {
    const el = await render<MiliaInfo>(html`<milia-info lang="es" expanded></milia-info>`);
    await expect(el).to.be.accessible();
    const faq = await render<MiliaFaq>(html`<milia-faq lang="es" expanded></milia-faq>`);
    await expect(faq).to.be.accessible();
  });
});
