import {expect, fixture, html} from '@open-wc/testing';
import '../../src/index.js';
import type {MiliaInfo} from '../../src/milia-info.js';
import {openIds, recordToggles, render, settle, shadow} from './helpers.js';

/** Replaces the hash without firing hashchange (as if the page had loaded with it). */
const setHashSilently = (hash: string) => history.replaceState(null, '', hash || location.pathname + location.search);

/** Runs `test` with 3000px of page above the fixture, so scrolling to an item is visible. */
async function withSpaceAbove(test: () => Promise<void>) {
  const spacer = document.createElement('div');
  spacer.style.height = '3000px';
  document.body.prepend(spacer);
  try {
    await test();
  } finally {
    spacer.remove();
    scrollTo(0, 0);
  }
}

describe('deep links (#milia-<id>)', () => {
  afterEach(() => setHashSilently(''));

  it('opens the linked section at load and scrolls it into view', async () => {
    setHashSilently('#milia-removal');
    await withSpaceAbove(async () => {
      const log = recordToggles();
      const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
      await settle(el);
      log.stop();
      expect(openIds(el)).to.deep.equal(['removal']);
      expect(log.events).to.deep.equal([{section: 'removal', expanded: true, trigger: 'link', lang: 'en'}]);
      const top = shadow(el).getElementById('section-removal')!.getBoundingClientRect().top;
      expect(Math.abs(top), 'scrolled to the top of the viewport').to.be.lessThan(5);
    });
  });

  it('opens the section in every element that shows it on hashchange, and scrolls to the first', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-info id="a" sections="overview types"></milia-info>
        <div style="height: 2000px"></div>
        <milia-info id="b" sections="types causes"></milia-info>
        <milia-info id="c" sections="overview"></milia-info>
      </div>`
    );
    const [a, b, c] = ['#a', '#b', '#c'].map((s) => wrapper.querySelector<MiliaInfo>(s)!);
    await Promise.all([a, b, c].map((el) => el.updateComplete));
    scrollTo(0, 5000);
    const log = recordToggles();
    location.hash = '#milia-types';
    await new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
    await settle(a);
    log.stop();
    expect(openIds(a)).to.deep.equal(['types']);
    expect(openIds(b)).to.deep.equal(['types']);
    expect(openIds(c)).to.deep.equal([]);
    expect(log.events).to.have.length(2);
    const top = shadow(a).getElementById('section-types')!.getBoundingClientRect().top;
    expect(Math.abs(top), 'the first element in document order is scrolled to').to.be.lessThan(5);
    scrollTo(0, 0);
  });

  it('honours --milia-scroll-margin for sticky headers', async () => {
    setHashSilently('#milia-see-a-doctor');
    await withSpaceAbove(async () => {
      const el = await render<MiliaInfo>(html`<milia-info style="--milia-scroll-margin: 80px"></milia-info>`);
      await settle(el);
      const top = shadow(el).getElementById('section-see-a-doctor')!.getBoundingClientRect().top;
      expect(top).to.be.closeTo(80, 5);
    });
  });

  it('ignores hashes that are not ours or name an id the element does not show', async () => {
    setHashSilently('#milia-nonsense');
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    await settle(el);
    expect(openIds(el)).to.deep.equal([]);
    setHashSilently('#overview');
    const other = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    await settle(other);
    expect(openIds(other)).to.deep.equal([]);
  });
});
