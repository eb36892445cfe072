import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {AccordionElement} from '../../../src/internal/accordion-element.js';

/** Every JSON-LD script on the page (ours and any the page had), in document order. */
export const jsonLdScripts = (doc: Document = document) => [
  ...doc.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]'),
];

/** The JSON-LD scripts whose top-level `@type` is `type`. */
export const jsonLdOfType = (type: string, doc: Document = document) =>
  jsonLdScripts(doc).filter((script) => JSON.parse(script.text)['@type'] === type);

/** Removes every JSON-LD script from the page (ours are re-added by the next write that needs them). */
export const removeJsonLd = () => jsonLdScripts().forEach((script) => script.remove());

export interface SchemaCheck {
  /** A schema.org type that schema-dts exports: `MedicalWebPage`, `FAQPage`... */
  type: string;
  /** The JSON-LD text, as the page holds it. */
  json: string;
}

/**
 * Type-checks JSON-LD texts against schema.org's vocabulary (schema-dts) with the TypeScript
 * compiler in the test server (test/runner/schema-check-plugin.mjs). Returns the compiler's
 * messages for each text, in order: an empty list means it fits.
 */
export async function schemaDiagnostics(...checks: SchemaCheck[]): Promise<string[][]> {
  type Answer = {diagnostics: string[][]; job?: undefined} | {job: number};
  let answer = await executeServerCommand<Answer, {checks: SchemaCheck[]}>('schema-check', {checks});
  // A check that takes longer than a command may (a busy machine) answers with a job to ask about again.
  while (answer!.job !== undefined)
    answer = await executeServerCommand<Answer, {job: number}>('schema-check', {job: answer!.job});
  return (answer as {diagnostics: string[][]}).diagnostics;
}

/** Starts the schema checker in the test server, so it has read schema.org's declarations by the first check. */
export const warmUpSchemaCheck = () => executeServerCommand('schema-check', {checks: []});

/** `YYYY-MM-DD` plus `days`, as a time in milliseconds at `hour` o'clock UTC. */
export const dayAfter = (isoDay: string, days: number, hour = 12) =>
  Date.parse(`${isoDay}T00:00:00Z`) + days * 86400000 + hour * 3600000;

/**
 * Sets the page clock to `at` (milliseconds since the epoch) and lets it run from there:
 * `Date.now()`, `new Date()` and `Date()` all read the moved clock; dates built from a value
 * stay what they are. Returns a function that puts the real clock back.
 *
 * (sinon's fake timers are in node_modules only as a dependency of @types/sinon, as CommonJS
 * the test server does not convert; the elements read the clock only through Date, so this
 * is all the mocking they need, and timers keep running for Lit and the test runner.)
 */
export function setClock(at: number): () => void {
  const RealDate = Date;
  const offset = at - RealDate.now();
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });
  return () => {
    globalThis.Date = RealDate;
  };
}

/** Polls `condition` every 20 ms until it holds or `ms` pass; returns whether it held. */
export async function waitFor(condition: () => boolean, ms = 5000): Promise<boolean> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > ms) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/**
 * Loads `pages/<name>` (a page that runs the BUILT module) in an iframe of its own and waits
 * until its `<milia-info>` and `<milia-faq>` are defined and have rendered. `seen` adds what
 * the page recorded to the message when they never get defined.
 */
export async function loadBuiltPage(name: string, seen: (win: Window) => unknown = () => undefined) {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/freshness/pages/${name}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  const defined = await waitFor(() => ['milia-info', 'milia-faq'].every((tag) => win.customElements.get(tag)), 8000);
  expect(defined, `the elements are defined; the page saw ${JSON.stringify(seen(win))}`).to.be.true;
  const elements = [...doc.querySelectorAll<AccordionElement>('milia-info, milia-faq')];
  await Promise.all(elements.map((el) => el.updateComplete));
  expect(
    elements.map((el) => !!el.shadowRoot?.querySelector('button[aria-controls]')),
    'both rendered'
  ).to.deep.equal([true, true]);
  return {frame, win, doc};
}
