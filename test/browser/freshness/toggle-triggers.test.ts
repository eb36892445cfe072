import {expect, fixture, html} from '@open-wc/testing';
import {resetMouse, sendKeys, sendMouse} from '@web/test-runner-commands';
import english from 'milia-content/en';
import '../../../src/index.js';
import type {AccordionElement, MiliaToggleDetail} from '../../../src/internal/accordion-element.js';
import {openIds, panels, recordToggles, recordWarnings, render, settle, showAll, toggles} from '../helpers.js';

/**
 * `milia-toggle` detail `{section, expanded, trigger, lang}` (design.md): one event per item
 * whose state changed, and `trigger` says what changed it: `click` (mouse, Enter or Space),
 * `show-all`, `find`, `link`, `api` or `single`; `lang` is the content language shown.
 * Every trigger is tested on both elements; ids come from the compiled content.
 */
const KINDS = [
  {tag: 'milia-info', list: 'sections', ids: english.info.map((item) => item.id)},
  {tag: 'milia-faq', list: 'questions', ids: english.faq.map((item) => item.id)},
] as const;

/** Replaces the hash without firing hashchange (as if the page had loaded with it). */
const setHashSilently = (hash: string) => history.replaceState(null, '', hash || location.pathname + location.search);

const event = (section: string, expanded: boolean, trigger: MiliaToggleDetail['trigger'], lang = 'en'): MiliaToggleDetail => ({
  section,
  expanded,
  trigger,
  lang,
});

/** Creates `<tag>` with `attributes` in a fixture and waits for its final render. */
async function mount(tag: string, attributes: Record<string, string> = {}) {
  const el = document.createElement(tag) as AccordionElement;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Clicks the middle of `target` with the real mouse (the browser's own input, not element.click()). */
async function mouseClick(target: Element) {
  target.scrollIntoView({block: 'center'});
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const {x, y, width, height} = target.getBoundingClientRect();
  await sendMouse({type: 'click', position: [Math.round(x + width / 2), Math.round(y + height / 2)]});
}

for (const {tag, list, ids} of KINDS) {
  describe(`<${tag}> milia-toggle triggers`, () => {
    let log: ReturnType<typeof recordToggles>;
    beforeEach(() => (log = recordToggles()));
    afterEach(() => log.stop());

    it('click: a real mouse click opens then closes, one event each, heard on the document', async () => {
      const el = await mount(tag);
      const button = toggles(el)[1];
      try {
        await mouseClick(button);
        await el.updateComplete;
        await mouseClick(button);
        await el.updateComplete;
      } finally {
        await resetMouse();
      }
      expect(log.events).to.deep.equal([event(ids[1], true, 'click'), event(ids[1], false, 'click')]);
    });

    it('click: Enter and Space on a focused button', async () => {
      const el = await mount(tag);
      toggles(el)[2].focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      await sendKeys({press: ' '});
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[2], true, 'click'), event(ids[2], false, 'click')]);
    });

    it('show-all: one event per item that changed (an already open item stays silent), then each open item closing', async () => {
      const el = await mount(tag, {[list]: ids.slice(0, 3).join(' '), expanded: ids[1]});
      expect(log.events, 'none for what expanded sets at first render').to.deep.equal([]);
      showAll(el)!.click();
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[0], true, 'show-all'), event(ids[2], true, 'show-all')]);
      log.events.length = 0;
      showAll(el)!.click();
      await el.updateComplete;
      expect(log.events).to.deep.equal(ids.slice(0, 3).map((id) => event(id, false, 'show-all')));
    });

    it('find: beforematch on a collapsed panel opens it', async () => {
      const el = await mount(tag);
      const panel = panels(el)[3];
      expect(panel.getAttribute('hidden')).to.equal('until-found');
      panel.dispatchEvent(new Event('beforematch', {bubbles: true}));
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[3], true, 'find')]);
      expect(openIds(el)).to.deep.equal([ids[3]]);
    });

    it('api: expandAll, collapseAll, toggle (with and without force), none when nothing changes', async () => {
      const el = await mount(tag, {[list]: ids.slice(0, 3).join(' ')});
      el.toggle(ids[1]);
      el.toggle(ids[1], true); // already open: no event
      el.toggle(ids[1]);
      el.toggle(ids[2], false); // already closed: no event
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[1], true, 'api'), event(ids[1], false, 'api')]);
      log.events.length = 0;
      el.toggle(ids[0], true);
      el.expandAll();
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[0], true, 'api'), event(ids[1], true, 'api'), event(ids[2], true, 'api')]);
      log.events.length = 0;
      el.collapseAll();
      el.collapseAll();
      await el.updateComplete;
      expect(log.events).to.deep.equal(ids.slice(0, 3).map((id) => event(id, false, 'api')));
    });

    it('api: a changed expanded attribute or property (none for the first render)', async () => {
      const el = await mount(tag, {[list]: ids.slice(0, 4).join(' '), expanded: ids[0]});
      expect(log.events, 'none at first render').to.deep.equal([]);
      el.setAttribute('expanded', `${ids[2]} ${ids[0]} ${ids[1]}`);
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[1], true, 'api'), event(ids[2], true, 'api')]);
      log.events.length = 0;
      el.setAttribute('expanded', ids[2]);
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[0], false, 'api'), event(ids[1], false, 'api')]);
      log.events.length = 0;
      el.expanded = true;
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[0], true, 'api'), event(ids[1], true, 'api'), event(ids[3], true, 'api')]);
      log.events.length = 0;
      el.setAttribute('expanded', 'none');
      await el.updateComplete;
      expect(log.events).to.deep.equal(ids.slice(0, 4).map((id) => event(id, false, 'api')));
    });

    it('api: setting expanded to the ids it already holds (a new array, as frameworks pass on every render) changes nothing', async () => {
      const el = await mount(tag);
      el.expanded = [ids[0]];
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[0], true, 'api')]);
      // The reader opens another item; the app renders again with an equal array.
      toggles(el)[2].click();
      await el.updateComplete;
      el.expanded = [ids[0]];
      await el.updateComplete;
      expect(openIds(el), 'what the reader opened stays open').to.deep.equal([ids[0], ids[2]]);
      expect(log.events).to.deep.equal([event(ids[0], true, 'api'), event(ids[2], true, 'click')]);
    });

    it('single: the item another opening closes says single, the opened one says what opened it (click, api, find)', async () => {
      const el = await mount(tag, {single: '', expanded: ids[0]});
      toggles(el)[1].click();
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[0], false, 'single'), event(ids[1], true, 'click')]);
      log.events.length = 0;
      el.toggle(ids[3]);
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[1], false, 'single'), event(ids[3], true, 'api')]);
      log.events.length = 0;
      panels(el)[2].dispatchEvent(new Event('beforematch', {bubbles: true}));
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[2], true, 'find'), event(ids[3], false, 'single')]);
    });

    it('single: expandAll() opens the first item; the open item that makes way for it says single', async () => {
      const el = await mount(tag, {single: '', expanded: ids[3]});
      el.expandAll();
      await el.updateComplete;
      expect(openIds(el)).to.deep.equal([ids[0]]);
      expect(log.events).to.deep.equal([event(ids[0], true, 'api'), event(ids[3], false, 'single')]);
    });

    it('single: turned on with several items open, the first open one stays and each other closes with single', async () => {
      const el = await mount(tag, {expanded: `${ids[4]} ${ids[1]} ${ids[3]}`});
      expect(log.events).to.deep.equal([]);
      el.setAttribute('single', '');
      await el.updateComplete;
      expect(openIds(el)).to.deep.equal([ids[1]]);
      expect(log.events).to.deep.equal([event(ids[3], false, 'single'), event(ids[4], false, 'single')]);
      log.events.length = 0;
      // As a property too (frameworks), after opening two again.
      el.single = false;
      el.toggle(ids[0], true);
      el.toggle(ids[2], true);
      await el.updateComplete;
      log.events.length = 0;
      el.single = true;
      await el.updateComplete;
      expect(log.events).to.deep.equal([event(ids[1], false, 'single'), event(ids[2], false, 'single')]);
    });

    describe('link', () => {
      afterEach(() => setHashSilently(''));

      it('a #milia-<id> link at load opens the item with trigger link', async () => {
        setHashSilently(`#milia-${ids[4]}`);
        const el = await mount(tag);
        await settle(el);
        expect(log.events).to.deep.equal([event(ids[4], true, 'link')]);
      });

      it('a later hashchange opens it; in single mode the open item closes with single; an open item stays silent', async () => {
        const el = await mount(tag, {single: '', expanded: ids[0]});
        await settle(el);
        location.hash = `#milia-${ids[5]}`;
        await new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
        await settle(el);
        expect(log.events).to.deep.equal([event(ids[0], false, 'single'), event(ids[5], true, 'link')]);
        log.events.length = 0;
        location.hash = '#elsewhere';
        await new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
        location.hash = `#milia-${ids[5]}`;
        await new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
        await settle(el);
        expect(log.events, 'already open').to.deep.equal([]);
      });

      it('going back to a #milia-<id> entry (popstate, as SPA routers navigate) opens the item with trigger link', async () => {
        const el = await mount(tag);
        await settle(el);
        history.pushState(null, '', `#milia-${ids[2]}`);
        await settle(el);
        // Where the Navigation API reports pushState (Chromium) the item opened just now; start closed.
        el.collapseAll();
        await el.updateComplete;
        history.pushState(null, '', '#elsewhere');
        await settle(el);
        log.events.length = 0;
        const back = new Promise((resolve) => addEventListener('popstate', resolve, {once: true}));
        history.back();
        await back;
        await settle(el);
        expect(log.events).to.deep.equal([event(ids[2], true, 'link')]);
      });
    });
  });
}

describe('milia-toggle across elements and languages', () => {
  let log: ReturnType<typeof recordToggles>;
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => {
    log = recordToggles();
    warnings = recordWarnings();
  });
  afterEach(() => {
    log.stop();
    warnings.restore();
    setHashSilently('');
  });

  it('a link opens the id in every element that shows it: one event per element, in document order, each with its language', async () => {
    const shared = english.info.map((item) => item.id).find((id) => english.faq.some((item) => item.id === id))!;
    expect(shared, 'an id both elements show').to.be.a('string');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <milia-faq lang="es-MX"></milia-faq>
        <milia-info sections="overview"></milia-info>
        <milia-info></milia-info>
      </div>`
    );
    const elements = [...wrapper.querySelectorAll<AccordionElement>('milia-info, milia-faq')];
    await Promise.all(elements.map((el) => el.updateComplete));
    location.hash = `#milia-${shared}`;
    await new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
    await settle(elements[0]);
    await settle(elements[2]);
    expect(log.events).to.deep.equal([event(shared, true, 'link', 'es'), event(shared, true, 'link', 'en')]);
  });

  it('lang is es for lang="es-MX", with every trigger', async () => {
    const el = await render<AccordionElement>(html`<milia-info lang="es-MX" sections="overview types"></milia-info>`);
    toggles(el)[0].click();
    showAll(el)!.click();
    el.collapseAll();
    await el.updateComplete;
    expect(log.events.map((e) => e.lang)).to.deep.equal(['es', 'es', 'es', 'es']);
    expect(log.events.map((e) => e.trigger)).to.deep.equal(['click', 'show-all', 'api', 'api']);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('lang is en on fallback: lang="fr" on the element (one warning) and a French page (silent)', async () => {
    const own = await render<AccordionElement>(html`<milia-faq lang="fr" questions="pop"></milia-faq>`);
    own.toggle('pop');
    await own.updateComplete;
    expect(warnings.messages, 'the element asked for French').to.have.length(1);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr-CA"><milia-info sections="overview"></milia-info></div>`);
    const inherited = wrapper.querySelector<AccordionElement>('milia-info')!;
    await inherited.updateComplete;
    toggles(inherited)[0].click();
    await inherited.updateComplete;
    expect(log.events).to.deep.equal([event('pop', true, 'api', 'en'), event('overview', true, 'click', 'en')]);
    expect(warnings.messages, 'the page is French, the site owner asked for nothing').to.have.length(1);
  });

  it('lang follows a change of language', async () => {
    const el = await render<AccordionElement>(html`<milia-info sections="overview"></milia-info>`);
    el.toggle('overview');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    el.toggle('overview');
    await el.updateComplete;
    expect(log.events).to.deep.equal([event('overview', true, 'api', 'en'), event('overview', false, 'api', 'es')]);
  });
});
