/**
 * The demo page's configurator (demo/index.html, demo/configurator.js) loaded as a reader gets
 * it: in an iframe, with the BUILT bundle from dist/ and the page's own strict
 * Content-Security-Policy. Shared by configurator.test.ts and snippets.test.ts.
 */

export type Widget = HTMLElement & {updateComplete: Promise<boolean>};
export type DemoWindow = Window & typeof globalThis & {axe?: {run: (context: Node, options: object) => Promise<AxeResults>}};
export interface AxeResults {
  violations: {id: string; help: string; nodes: {target: string[]}[]}[];
}

export interface Demo {
  frame: HTMLIFrameElement;
  win: DemoWindow;
  doc: Document;
  /** CSP violations reported in the page (where the engine reports them). */
  violations: string[];
  byId: <T extends HTMLElement = HTMLElement>(id: string) => T;
  widget: () => Widget;
  /** The HTML snippet to copy, exactly as the output box holds it. */
  html: () => string;
}

const frames: HTMLIFrameElement[] = [];
/** Removes every demo frame loaded so far (call it from afterEach). */
export function removeDemos() {
  for (const frame of frames.splice(0)) frame.remove();
}

export async function until<T>(check: () => T, what: string, timeout = 8000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Loads the demo page at a given width and waits until the configurator is ready. */
export async function loadDemo(width = 1280): Promise<Demo> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '900px';
  frame.src = '/demo/index.html';
  frames.push(frame);
  document.body.append(frame);
  const win = await until(
    () => {
      const w = frame.contentWindow as DemoWindow | null;
      return (
        w?.location.pathname === '/demo/index.html' && w.document.getElementById('configurator')?.dataset.ready === 'true' && w
      );
    },
    'the configurator to be ready',
    15000
  );
  const doc = win.document;
  const violations: string[] = [];
  doc.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
  // Reports from before this point, where the engine keeps them (Chromium).
  const Observer = (
    win as unknown as {
      ReportingObserver?: new (
        cb: (reports: {body: {effectiveDirective?: string}}[]) => void,
        options: object
      ) => {observe(): void};
    }
  ).ReportingObserver;
  if (Observer) {
    new Observer((reports) => violations.push(...reports.map((r) => `report: ${r.body.effectiveDirective}`)), {
      types: ['csp-violation'],
      buffered: true,
    }).observe();
  }
  const byId = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  const widget = () => byId('cfg-preview').firstElementChild as Widget;
  const html = () => byId<HTMLTextAreaElement>('cfg-html').value;
  await widget().updateComplete;
  return {frame, win, doc, violations, byId, widget, html};
}

/** Sets a control's value the way a person does: the value, then `input` and `change`. */
export function set(control: HTMLInputElement | HTMLSelectElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('input', {bubbles: true}));
  control.dispatchEvent(new Event('change', {bubbles: true}));
}

/** The script and element of a generated HTML snippet, parsed the way the site's page will parse it. */
export function parseSnippet(snippet: string) {
  const parsed = new DOMParser().parseFromString(snippet, 'text/html');
  return {script: parsed.querySelector('script')!, element: parsed.querySelector('milia-info, milia-faq')!};
}
