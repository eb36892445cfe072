import {expect, nextFrame} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import '../../../src/index.js';
import type {MiliaInfo} from '../../../src/milia-info.js';
import type {MiliaFaq} from '../../../src/milia-faq.js';
import {pageMembers} from '../../../src/internal/page.js';
import {structuredDataAskers} from '../../../src/internal/structured-data-writer.js';
import {settle, structuredDataSettled, toggles} from '../helpers.js';

// 200 cycles of create / connect / toggle / move / disconnect in one page, as an SPA does
// over a long session, with a widget that stays in the layout throughout. Afterwards every
// page-wide set, listener and observer must be back where it started, and (in Chromium,
// through the DevTools protocol) no element of a finished cycle may still be on the heap.

const CYCLES = 200;
const WARM_UP = 10;

type Widget = MiliaInfo | MiliaFaq;

/**
 * Counts what our code hangs on the page: listeners for hashchange/popstate on window and
 * navigate on the Navigation API, and MutationObservers that observe something. Every
 * engine; installed before the first element connects.
 */
function instrumentPage() {
  const listeners = new Map<string, Set<unknown>>();
  const watched = new Set<MutationObserver>();
  const {addEventListener: add, removeEventListener: remove} = EventTarget.prototype;
  const {observe, disconnect} = MutationObserver.prototype;
  const navigation = (window as {navigation?: EventTarget}).navigation;
  const key = (target: EventTarget, type: string) =>
    (target === window && /^(hashchange|popstate)$/.test(type)) || (target === navigation && type === 'navigate') ? type : null;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    const name = key(this, type);
    if (name) (listeners.get(name) ?? listeners.set(name, new Set()).get(name)!).add(listener);
    return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    listeners.get(key(this, type) ?? '')?.delete(listener);
    return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
  };
  MutationObserver.prototype.observe = function (this: MutationObserver, ...args: Parameters<MutationObserver['observe']>) {
    watched.add(this);
    return observe.apply(this, args);
  };
  MutationObserver.prototype.disconnect = function (this: MutationObserver) {
    watched.delete(this);
    return disconnect.apply(this);
  };
  return {
    counts: () => ({
      hashchange: listeners.get('hashchange')?.size ?? 0,
      popstate: listeners.get('popstate')?.size ?? 0,
      navigate: listeners.get('navigate')?.size ?? 0,
      observers: watched.size,
    }),
    restore: () => {
      Object.assign(EventTarget.prototype, {addEventListener: add, removeEventListener: remove});
      Object.assign(MutationObserver.prototype, {observe, disconnect});
    },
  };
}

interface Heap {
  usedSize: number;
  /** Elements of each tag in memory, attached or detached. */
  elements: Record<'milia-info' | 'milia-faq', number>;
  detached: number;
  topDetached: [string, number][];
}
/** Chromium only (false elsewhere): JS heap in use after garbage collection, and element counts from a heap snapshot. */
const heap = () => executeServerCommand<Heap | false, {tags: string[]}>('lifecycle-heap', {tags: ['milia-info', 'milia-faq']});

const div = (lang?: string) => Object.assign(document.createElement('div'), lang ? {lang} : {});
function component(lang?: string) {
  const host = div(lang);
  host.attachShadow({mode: 'open'});
  return host;
}

let hashChanges = 0;
/** Follows a new #milia- link (each one differs from the last, or no hashchange would fire). */
async function hashChange() {
  const hash = ['#milia-causes', '#milia-pop', '#milia-overview'][hashChanges++ % 3];
  if (location.hash === hash) return hashChange();
  let listener!: () => void;
  const changed = new Promise<void>((resolve) => addEventListener('hashchange', (listener = resolve)));
  location.hash = hash;
  await changed;
  removeEventListener('hashchange', listener);
  await settle();
}

/** One SPA view's life: a widget created, shown in one layout, used, moved to another, and gone. */
async function cycle(stage: HTMLElement, i: number) {
  const el = document.createElement(i % 2 ? 'milia-faq' : 'milia-info') as Widget;
  if (i % 3 === 0) el.setAttribute('lang', 'es');
  if (i % 4 === 0) el.setAttribute('structured-data', '');
  if (i % 5 === 0) el.single = true;
  const first = i % 2 ? component(i % 3 === 2 ? 'es' : undefined) : div();
  const second = i % 3 === 1 ? component('es-MX') : div('en');
  stage.append(first, second);
  (first.shadowRoot ?? first).append(el);
  await el.updateComplete;
  toggles(el)[0].click();
  el.toggle(toggles(el)[1].id.slice(7));
  el.expandAll();
  await el.updateComplete;
  (second.shadowRoot ?? second).append(el); // moved: its inherited language may change
  await el.updateComplete;
  if (i % 20 === 0) await hashChange();
  el.collapseAll();
  first.remove();
  second.remove();
  // Now and then a widget shown and hidden again in one task (a state flip before paint).
  if (i % 7 === 0) {
    const ghost = document.createElement('milia-info');
    stage.append(ghost);
    ghost.remove();
  }
}

describe('soak: 200 SPA cycles in one page', function () {
  this.timeout(600000);

  it(`create / connect / toggle / move / disconnect ${CYCLES} times: page-wide state back to its start, nothing retained`, async () => {
    const page = instrumentPage();
    try {
      const start = {members: pageMembers(), ...page.counts()};
      expect(start, 'nothing of ours on the page yet').to.deep.equal({
        members: 0,
        hashchange: 0,
        popstate: 0,
        navigate: 0,
        observers: 0,
      });
      const stage = document.createElement('div');
      document.body.append(stage);
      // A widget in the site's layout that stays all along (so the page-wide state never empties).
      const resident = document.createElement('milia-info');
      document.body.append(resident);
      await resident.updateComplete;
      for (let i = 0; i < WARM_UP; i++) await cycle(stage, CYCLES + i); // languages, on-demand file, caches
      await structuredDataSettled();
      const before = {members: pageMembers(), askers: structuredDataAskers(), ...page.counts()};
      const heapBefore = await heap();

      const started = performance.now();
      for (let i = 0; i < CYCLES; i++) {
        await cycle(stage, i);
        if (i % 50 === 49) expect(pageMembers(), `members after cycle ${i + 1}`).to.equal(before.members);
      }
      await structuredDataSettled();
      await nextFrame();
      const after = {members: pageMembers(), askers: structuredDataAskers(), ...page.counts()};
      const took = performance.now() - started;
      const heapAfter = await heap();
      stage.remove();
      history.replaceState(null, '', location.pathname + location.search);

      console.log(
        `soak: ${CYCLES} cycles in ${Math.round(took)} ms; page-wide state before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`
      );
      expect(after, 'page-wide sets, listeners and observers').to.deep.equal(before);
      expect(before.members, 'the resident widget').to.equal(1);
      if (heapBefore && heapAfter) {
        const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
        console.log(
          `soak heap (Chromium, after GC): JS heap before ${mb(heapBefore.usedSize)}, after ${mb(heapAfter.usedSize)}; ` +
            `elements in memory before ${JSON.stringify(heapBefore.elements)}, after ${JSON.stringify(heapAfter.elements)}; ` +
            `detached DOM nodes before ${heapBefore.detached}, after ${heapAfter.detached} (most: ${JSON.stringify(heapAfter.topDetached)})`
        );
        expect(heapBefore.elements, 'before: the resident widget only').to.deep.equal({'milia-info': 1, 'milia-faq': 0});
        expect(heapAfter.elements, `widgets in memory after ${CYCLES} cycles`).to.deep.equal(heapBefore.elements);
        expect(heapAfter.detached - heapBefore.detached, 'detached DOM nodes gained').to.be.below(CYCLES / 4);
        expect(heapAfter.usedSize - heapBefore.usedSize, 'JS heap gained').to.be.below(1048576);
      } else {
        console.log('soak heap: no DevTools protocol in this engine; page-wide counts only');
      }

      // The resident widget leaves too: nothing of ours stays on the page.
      resident.remove();
      expect({members: pageMembers(), askers: structuredDataAskers(), ...page.counts()}).to.deep.equal({...start, askers: 0});
    } finally {
      page.restore();
    }
  });
});
