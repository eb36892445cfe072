/**
 * Host pages for the lifecycle tests (test/runner/lifecycle/pages.mjs) in an iframe: a fresh
 * document each time, so its language file, its page-wide state and its registrations start
 * from nothing, with the page's real headers and the BUILT bundles (dist/). The tests drive
 * the elements of the frame from here: same origin, so its DOM and objects are reachable.
 */
import type {MiliaInfo} from '../../../src/milia-info.js';
import type {MiliaFaq} from '../../../src/milia-faq.js';

/** What test/runner/pages/probe-early.js and test/runner/lifecycle/early.js record from the start. */
export interface HostWindow extends Window {
  __early: {errors: string[]; violations: string[]};
  __lifecycle: {warnings: string[]; toggles: HostFrame['toggles']; scrolls: number[]};
}

export interface HostFrame {
  frame: HTMLIFrameElement;
  win: HostWindow;
  doc: Document;
  /** The page's milia-toggle events since it started, heard at its document (they bubble and are composed). */
  toggles: {section: string; expanded: boolean; trigger: string; lang: string}[];
  /** Warnings since the page started. */
  warnings: () => string[];
  /** Creates an element of the frame's document with these attributes (not yet inserted). */
  create: <T extends MiliaInfo | MiliaFaq>(tag: string, attributes?: Record<string, string>) => T;
  close: () => void;
}

let loads = 0;

/** Polls `condition` every 20 ms; fails with `message` after `timeout` ms. */
export async function waitFor(condition: () => unknown, message: string, timeout = 5000) {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeout) throw new Error(`waited ${timeout} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Loads /test/runner/pages/<name>.html (with `hash`) in an iframe of `width` x `height` and
 * waits until `defined` tags are registered in it.
 */
export async function openHostPage(
  name: string,
  {hash = '', width = 800, height = 600, defined = ['milia-info', 'milia-faq']} = {}
): Promise<HostFrame> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  // A query of its own: the test runner lets browsers cache every file, and each request for
  // a lifecycle page names new addresses for its files (see test/runner/lifecycle/pages.mjs).
  frame.src = `/test/runner/pages/${name}.html?load=${++loads}-${Math.random().toString(36).slice(2)}${hash}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  const doc = frame.contentDocument!;
  await waitFor(() => defined.every((tag) => win.customElements.get(tag)), `${name}: ${defined.join(', ')} defined`, 10000);
  return {
    frame,
    win,
    doc,
    toggles: win.__lifecycle.toggles,
    warnings: () => [...win.__lifecycle.warnings],
    create: <T extends MiliaInfo | MiliaFaq>(tag: string, attributes: Record<string, string> = {}) => {
      const el = doc.createElement(tag) as T;
      for (const [attribute, value] of Object.entries(attributes)) el.setAttribute(attribute, value);
      return el;
    },
    close: () => frame.remove(),
  };
}
