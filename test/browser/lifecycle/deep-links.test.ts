import {expect, nextFrame} from '@open-wc/testing';
import '../../../src/index.js';
import type {MiliaInfo} from '../../../src/milia-info.js';
import {byDocumentOrder} from '../../../src/internal/document-order.js';
import {pageMembers} from '../../../src/internal/page.js';
import {openIds, recordToggles, settle, shadow} from '../helpers.js';
import {openHostPage, waitFor, type HostFrame} from './host-frame.js';

/** Replaces the hash without any event (as if the page had loaded with it). */
const setHashSilently = (hash: string) => history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
const sectionTop = (el: Element, id: string) => shadow(el).getElementById(`section-${id}`)!.getBoundingClientRect().top;

/** A host component: its children are put in its open shadow root (as a framework's component renders them). */
function component(...children: Node[]): HTMLElement {
  const host = document.createElement('div');
  host.className = 'component';
  host.attachShadow({mode: 'open'}).append(...children);
  return host;
}
const spacer = (px = 2000) => Object.assign(document.createElement('div'), {style: `height: ${px}px`});
const info = (id: string, attributes: Record<string, string> = {}) => {
  const el = Object.assign(document.createElement('milia-info'), {id});
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
};

/** The page the test builds; removed afterwards, with the hash and the scroll position. */
let view: HTMLElement | undefined;
function mount(...children: Node[]): HTMLElement {
  view = document.createElement('div');
  view.append(...children);
  document.body.append(view);
  return view;
}

async function hashChange(hash: string) {
  const changed = new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
  location.hash = hash;
  await changed;
}

/** Whether this engine reports pushState/replaceState (the Navigation API's navigate event), said in test titles. */
const navigationApi = 'navigation' in window;
const engineSupport = navigationApi ? 'this engine has the Navigation API' : 'no Navigation API in this engine';

describe('deep links inside applications', function () {
  this.timeout(20000);
  const start = location.href;
  afterEach(() => {
    view?.remove();
    view = undefined;
    history.replaceState(null, '', start);
    scrollTo(0, 0);
  });

  describe('document order across shadow trees', () => {
    it('byDocumentOrder sorts elements of the document and of nested shadow roots in shadow-including tree order', () => {
      // document: a, host1 { b, host2 { c }, d }, e, host3 { f }
      const [a, b, c, d, e, f] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => info(id));
      const host2 = component(c);
      const host1 = component(b, host2, d);
      const host3 = component(f);
      mount(a, host1, e, host3);
      const expected = [a, host1, b, host2, c, d, e, host3, f];
      // Every order of input, reversed and rotated, sorts the same way.
      for (let shift = 0; shift < expected.length; shift++) {
        const input = [...expected.slice(shift), ...expected.slice(0, shift)].reverse();
        expect(input.sort(byDocumentOrder).map((el) => el.id || el.className)).to.deep.equal(
          expected.map((el) => el.id || el.className)
        );
      }
    });

    for (const first of ['in a component', 'in the page'] as const) {
      it(`a hash change scrolls to the first element in document order, the first one ${first}`, async () => {
        const inComponent = info('in-component');
        const inPage = info('in-page');
        // The component's element sits two shadow roots deep.
        const nested = component(spacer(10), component(inComponent));
        mount(...(first === 'in a component' ? [nested, spacer(), inPage] : [inPage, spacer(), nested]), spacer());
        await Promise.all([inComponent.updateComplete, inPage.updateComplete]);
        const log = recordToggles();
        await hashChange('#milia-causes');
        await settle(inComponent);
        log.stop();
        const [target, other] = first === 'in a component' ? [inComponent, inPage] : [inPage, inComponent];
        expect(openIds(inComponent)).to.deep.equal(['causes']);
        expect(openIds(inPage)).to.deep.equal(['causes']);
        expect(Math.abs(sectionTop(target, 'causes')), 'the first in document order is at the top').to.be.lessThan(5);
        expect(sectionTop(other, 'causes')).to.be.greaterThan(1000);
        expect(log.events.map((event) => event.trigger)).to.deep.equal(['link', 'link']);
      });
    }
  });

  describe('SPA navigation', () => {
    it(`history.pushState and replaceState to #milia-<id> open the item without scrolling (${engineSupport})`, async () => {
      const el = info('el');
      mount(spacer(3000), el, spacer());
      await el.updateComplete;
      scrollTo(0, 0);
      const log = recordToggles();
      history.pushState(null, '', '#milia-causes');
      await settle(el);
      if (!navigationApi) {
        // Nothing reports pushState here; routers that announce it with a popstate are followed (next test).
        expect(openIds(el)).to.deep.equal([]);
        log.stop();
        return;
      }
      expect(openIds(el)).to.deep.equal(['causes']);
      history.replaceState(null, '', '#milia-types');
      await settle(el);
      log.stop();
      expect(openIds(el)).to.deep.equal(['types', 'causes']);
      expect(log.events).to.deep.equal([
        {section: 'causes', expanded: true, trigger: 'link', lang: 'en'},
        {section: 'types', expanded: true, trigger: 'link', lang: 'en'},
      ]);
      expect(scrollY, 'scrolling is left to the router').to.equal(0);
    });

    it('a router that announces pushState with a popstate event: the item opens, no scroll', async () => {
      const el = info('el');
      mount(spacer(3000), el, spacer());
      await el.updateComplete;
      scrollTo(0, 0);
      history.pushState(null, '', '#milia-see-a-doctor');
      dispatchEvent(new PopStateEvent('popstate', {state: null}));
      await settle(el);
      expect(openIds(el)).to.deep.equal(['see-a-doctor']);
      expect(scrollY).to.equal(0);
    });

    it('back to an entry whose URL holds #milia-<id> (popstate alone, no hashchange) opens the item', async () => {
      expect(pageMembers(), 'no element from an earlier test').to.equal(0);
      const base = `${location.pathname}${location.search}`;
      // Two SPA routes, made before any widget was on the page: /article#milia-removal, then /home.
      history.pushState(null, '', `${base}&route=article#milia-removal`);
      history.pushState(null, '', `${base}&route=home`);
      const el = info('el');
      mount(el);
      await el.updateComplete;
      expect(openIds(el)).to.deep.equal([]);
      let hashChanges = 0;
      const countHashChange = () => hashChanges++;
      addEventListener('hashchange', countHashChange);
      const log = recordToggles();
      const popped = new Promise((resolve) => addEventListener('popstate', resolve, {once: true}));
      history.back();
      await popped;
      await settle(el);
      log.stop();
      removeEventListener('hashchange', countHashChange);
      expect(hashChanges, 'the path changed too, so only popstate reports it').to.equal(0);
      expect(openIds(el)).to.deep.equal(['removal']);
      expect(log.events).to.deep.equal([{section: 'removal', expanded: true, trigger: 'link', lang: 'en'}]);
    });

    it('an element that arrives after the link was followed opens the item but does not take the scroll', async () => {
      // A hash no other test here used: the link is followed (and scrolled to) once per hash.
      setHashSilently('#milia-home-care');
      const first = info('first');
      mount(spacer(1500), first, spacer(3000));
      await first.updateComplete;
      await settle(first);
      expect(Math.abs(sectionTop(first, 'home-care'))).to.be.lessThan(5);
      const reading = scrollY;
      // The SPA shows another widget further down, later.
      const later = info('later');
      view!.append(later, spacer());
      await later.updateComplete;
      await settle(later);
      await nextFrame();
      expect(openIds(later)).to.deep.equal(['home-care']);
      expect(scrollY, 'the reader stays where the link took them').to.equal(reading);
    });
  });
});

describe('deep links at load with a late language file (built ES module)', function () {
  this.timeout(20000);
  let page: HostFrame | undefined;
  afterEach(() => {
    page?.close();
    page = undefined;
  });

  it('a Spanish element above an English one is scrolled to, though its file arrives later; never the English one first', async () => {
    page = await openHostPage('lifecycle-links-es-slow', {hash: '#milia-causes'});
    const es = page.doc.getElementById('es') as MiliaInfo;
    const en = page.doc.getElementById('en') as MiliaInfo;
    await Promise.all([es.updateComplete, en.updateComplete]);
    await waitFor(() => page!.toggles.length === 2, 'both elements open the linked section');
    await waitFor(() => page!.win.__lifecycle.scrolls.length, 'the page scrolled');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(page.toggles).to.deep.equal([
      {section: 'causes', expanded: true, trigger: 'link', lang: 'es'},
      {section: 'causes', expanded: true, trigger: 'link', lang: 'en'},
    ]);
    expect(Math.abs(sectionTop(es, 'causes')), 'the Spanish section is at the top').to.be.lessThan(5);
    const {scrolls} = page.win.__lifecycle;
    expect(Math.max(...scrolls), `scroll positions taken: ${scrolls.join(', ')}`).to.be.at.most(page.win.scrollY + 5);
  });

  it('an element added after that, in the same page, opens the section and leaves the scroll alone', async () => {
    page = await openHostPage('lifecycle-links-es-slow', {hash: '#milia-causes'});
    await waitFor(() => page!.toggles.length === 2 && page!.win.__lifecycle.scrolls.length, 'the link followed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reading = page.win.scrollY;
    const late = page.create<MiliaInfo>('milia-info', {lang: 'es', sections: 'overview causes'});
    page.doc.querySelector('main')!.append(late);
    await late.updateComplete;
    await waitFor(() => page!.toggles.length === 3, 'the late element opens the linked section');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openIds(late)).to.deep.equal(['causes']);
    expect(page.win.scrollY).to.equal(reading);
  });
});
