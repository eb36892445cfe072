import {expect, html} from '@open-wc/testing';
import english from 'milia-content/en';
import '../../../src/index.js';
import type {AccordionElement} from '../../../src/internal/accordion-element.js';
import {panels, recordWarnings, render, shadow} from '../helpers.js';
import {PRINT, emulationNote, underMedia} from '../media.js';

/**
 * The `print` attribute (design.md): `all` (the default) prints every panel, `open` only the
 * open ones; the printed footer spells out each source's URL and shows the review dates.
 * Chromium prints for real (emulated print media); Firefox and WebKit cannot switch media
 * from a test, so there the element's own `@media print` rules are applied on screen
 * (see ../media.ts), and the test title says so.
 */
const sections = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="section"]')];
const footer = (el: Element) => shadow(el).querySelector<HTMLElement>('[part~="footer"]')!;
const sourceLinks = (el: Element) => [...footer(el).querySelectorAll<HTMLAnchorElement>('a[href]')];
const prints = (box: HTMLElement) => getComputedStyle(box).display !== 'none' && box.getBoundingClientRect().height > 20;

/** The ids of the sections whose text is on paper. */
const printedIds = (el: Element) =>
  sections(el)
    .filter((section) => prints(section) && prints(section.querySelector<HTMLElement>('[part~="panel"]')!))
    .map((section) => section.id.replace(/^section-/, ''));

/** Runs `check` while `el` is under print media; puts the screen back after. */
async function whilePrinting(el: Element, check: () => void | Promise<void>) {
  const restore = await underMedia(el, PRINT);
  try {
    await check();
  } finally {
    await restore();
  }
}

/** Total width of an inline element's boxes (a link may wrap over several lines). */
const inlineWidth = (element: Element) => [...element.getClientRects()].reduce((sum, rect) => sum + rect.width, 0);

/** The width `text` takes in `element`'s font. */
function textWidth(element: Element, text: string) {
  const context = document.createElement('canvas').getContext('2d')!;
  const style = getComputedStyle(element);
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return context.measureText(text).width;
}

describe('the print attribute', () => {
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => warnings.restore());

  it(`absent or "all": every section prints, open or not${emulationNote}`, async () => {
    for (const template of [
      html`<milia-info expanded="types"></milia-info>`,
      html`<milia-info print="all" expanded="types"></milia-info>`,
    ]) {
      const el = await render<AccordionElement>(template);
      await whilePrinting(el, () => {
        expect(printedIds(el)).to.deep.equal(english.info.map((item) => item.id));
      });
    }
    expect(warnings.messages).to.deep.equal([]);
  });

  it(`"open": only the sections the reader opened print, the collapsed ones not at all${emulationNote}`, async () => {
    const el = await render<AccordionElement>(html`<milia-info print="open" expanded="causes"></milia-info>`);
    el.toggle('home-care', true);
    await el.updateComplete;
    await whilePrinting(el, () => {
      expect(printedIds(el)).to.deep.equal(['causes', 'home-care']);
      for (const section of sections(el)) {
        if (!['section-causes', 'section-home-care'].includes(section.id))
          expect(getComputedStyle(section).display, section.id).to.equal('none');
      }
    });
    // On screen the collapsed sections are still there to open.
    expect(sections(el).every((section) => getComputedStyle(section).display !== 'none')).to.be.true;
    expect(warnings.messages).to.deep.equal([]);
  });

  it(`"open" on <milia-faq> too, any letter case, and set as a property only (reflected for the stylesheet)${emulationNote}`, async () => {
    const faq = await render<AccordionElement>(html`<milia-faq print="OPEN" expanded="pop eyes"></milia-faq>`);
    await whilePrinting(faq, () => {
      expect(printedIds(faq)).to.deep.equal(english.faq.map((item) => item.id).filter((id) => id === 'pop' || id === 'eyes'));
    });
    const info = await render<AccordionElement>(html`<milia-info expanded="overview"></milia-info>`);
    info.print = 'open';
    await info.updateComplete;
    expect(info.getAttribute('print')).to.equal('open');
    await whilePrinting(info, () => {
      expect(printedIds(info)).to.deep.equal(['overview']);
    });
    info.print = 'all';
    await info.updateComplete;
    expect(info.getAttribute('print')).to.equal('all');
    await whilePrinting(info, () => {
      expect(printedIds(info)).to.have.length(english.info.length);
    });
    expect(warnings.messages).to.deep.equal([]);
  });

  it(`an invalid value prints every section and warns once, naming the value and the valid ones${emulationNote}`, async () => {
    const el = await render<AccordionElement>(html`<milia-info print="opened"></milia-info>`);
    el.toggle('types');
    el.requestUpdate();
    await el.updateComplete;
    expect(warnings.messages, warnings.messages.join('\n')).to.have.length(1);
    expect(warnings.messages[0]).to.include('print="opened"');
    expect(warnings.messages[0]).to.match(/"all".*"open"|"open".*"all"/);
    await whilePrinting(el, () => {
      expect(printedIds(el)).to.have.length(english.info.length);
    });
  });

  it(`the printed footer spells out every source's URL and shows the review dates, in "open" mode too${emulationNote}`, async () => {
    const el = await render<AccordionElement>(
      html`<milia-info print="open" sections="overview see-a-doctor" expanded="overview"></milia-info>`
    );
    // Every source of the sections the element lists, not only of the open one.
    const shown = english.info.filter((item) => ['overview', 'see-a-doctor'].includes(item.id));
    const cited = english.sources.filter((_, index) => shown.some((item) => item.sources.includes(index)));
    const links = sourceLinks(el);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(cited.map((source) => source.url));
    const onScreen = links.map(inlineWidth);
    await whilePrinting(el, () => {
      expect(prints(footer(el)), 'the footer prints').to.be.true;
      const text = footer(el).innerText;
      expect(text).to.include(english.strings.reviewedOn);
      expect(text).to.include(english.strings.nextReviewDue);
      const checked = new Intl.DateTimeFormat('en', {dateStyle: 'long', timeZone: 'UTC'}).format(
        new Date(`${english.checked}T00:00:00Z`)
      );
      expect(english.strings.reviewedOn, 'the checked date, as the footer writes it').to.include(checked);
      links.forEach((a, index) => {
        const after = getComputedStyle(a, '::after').content;
        expect(after, `${a.href}: ::after`).to.match(/attr\(href\)|https:/);
        // What the ::after adds on paper is the URL in brackets: the link grows by that much.
        const added = inlineWidth(a) - onScreen[index];
        const expected = textWidth(a, ` (${a.getAttribute('href')})`);
        expect(added, `${a.getAttribute('href')} is printed after its title`).to.be.closeTo(
          expected,
          Math.max(4, expected * 0.05)
        );
      });
    });
    expect(links.map(inlineWidth), 'on screen the URLs are not spelled out').to.deep.equal(onScreen);
  });

  it(`print="open" with nothing open prints no section, and still the footer${emulationNote}`, async () => {
    const el = await render<AccordionElement>(html`<milia-info print="open"></milia-info>`);
    await whilePrinting(el, () => {
      expect(printedIds(el)).to.deep.equal([]);
      expect(panels(el).every((panel) => panel.getBoundingClientRect().height === 0)).to.be.true;
      expect(prints(footer(el))).to.be.true;
    });
  });
});
