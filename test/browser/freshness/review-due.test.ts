import {expect, fixture, html} from '@open-wc/testing';
import english from 'milia-content/en';
import '../../../src/index.js';
import type {AccordionElement} from '../../../src/internal/accordion-element.js';
import type {LocaleContent} from '../../../src/internal/content-types.js';
import {loadOnDemand} from '../../../src/internal/page.js';
import {recordWarnings, shadow} from '../helpers.js';
import {dayAfter, setClock} from './freshness.js';

/**
 * Review due (design.md): when the page clock is past the bundled content's next-review date,
 * one console.warn per page, however many elements, names that date (YYYY-MM-DD) and where to
 * get a newer version. The date is read from the compiled content, never written here; the
 * clock is moved before the elements first render and put back after.
 *
 * The warning is once per page, and this file is one page: the tests run in the order written,
 * the one that expects silence first.
 */
const nextReview = english.nextReview;

/** Renders every element of `template` (Spanish language file included) under the moved clock. */
async function renderAt(at: number, template: ReturnType<typeof html>) {
  const restoreClock = setClock(at);
  try {
    const wrapper = await fixture<HTMLDivElement>(template);
    const elements = [...wrapper.querySelectorAll<AccordionElement>('milia-info, milia-faq')];
    await Promise.all(elements.map((el) => el.updateComplete));
    // The warning's words come with the on-demand file: once it has loaded, a task later
    // every element's warning has been logged (or not).
    await loadOnDemand();
    await new Promise((resolve) => setTimeout(resolve));
    expect(
      elements.every((el) => shadow(el).querySelector('button[aria-controls]')),
      'every element rendered'
    ).to.be.true;
    return elements;
  } finally {
    restoreClock();
  }
}

const manyElements = html`<div>
  <milia-info></milia-info>
  <milia-faq></milia-faq>
  <milia-info lang="es-MX" sections="overview"></milia-info>
  <milia-faq lang="es" questions="pop"></milia-faq>
  <milia-info sections="removal"></milia-info>
</div>`;

describe('review due: one warning per page once the bundled content is past its next-review date', () => {
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => warnings.restore());

  it('the clock moves: Date.now(), new Date() and Date() read it, and it is put back', () => {
    const at = dayAfter(nextReview, 1);
    const restore = setClock(at);
    try {
      expect(Date.now() - at).to.be.within(0, 1000);
      expect(new Date().getTime() - at).to.be.within(0, 1000);
      expect(Date()).to.equal(new Date(Date.now()).toString());
      expect(new Date('2020-01-01T00:00:00Z').toISOString(), 'a date built from a value is unchanged').to.equal(
        '2020-01-01T00:00:00.000Z'
      );
    } finally {
      restore();
    }
    expect(Math.abs(Date.now() - performance.timeOrigin - performance.now())).to.be.lessThan(1000);
  });

  it('no warning the day before the next-review date, whatever the elements and languages', async () => {
    expect(nextReview).to.match(/^\d{4}-\d{2}-\d{2}$/);
    await renderAt(dayAfter(nextReview, -1), manyElements);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('a day after it: exactly one warning for the page, naming the date (YYYY-MM-DD) and where to get a newer version', async () => {
    const spanish = (await import('milia-content/es')).default as LocaleContent;
    const elements = await renderAt(dayAfter(nextReview, 1), manyElements);
    expect(warnings.messages, warnings.messages.join('\n')).to.have.length(1);
    const [warning] = warnings.messages;
    expect(warning).to.match(/^milia-widgets\b/);
    expect(warning).to.include(nextReview);
    expect(spanish.nextReview, 'Spanish is due the same day (else the page would need one date to name)').to.equal(nextReview);
    expect(warning, 'where to get a newer version').to.match(/newer version.*(npmjs\.com\/package\/milia-widgets|https:\/\/)/);
    // The footer already shows the date, as the reader's language writes it.
    const long = new Intl.DateTimeFormat('en', {dateStyle: 'long', timeZone: 'UTC'}).format(new Date(`${nextReview}T00:00:00Z`));
    expect(shadow(elements[0]).querySelector('[part~="footer"]')!.textContent).to.include(long);
  });

  it('elements added later on the same page add no second warning', async () => {
    await renderAt(dayAfter(nextReview, 30), manyElements);
    expect(warnings.messages).to.deep.equal([]);
  });
});
