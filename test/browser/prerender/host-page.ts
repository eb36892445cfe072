import {executeServerCommand} from '@web/test-runner-commands';

/**
 * A host page with one prerendered snippet (test/runner/prerender/prerender-pages.mjs), in an
 * iframe of the test page: its own document, headers (strict CSP) and scripts. The built
 * files sit beside the page, so the snippet is pasted byte for byte. Shared by the
 * prerender tests.
 */

export type Widget = HTMLElement & {updateComplete: Promise<boolean>; toggle(id: string, force?: boolean): boolean};

/** What test/runner/prerender/early.js records in the page from its first line on. */
export interface PageRecord {
  errors: string[];
  violations: string[];
  layoutShift: {
    supported: boolean;
    total: number;
    entries: {value: number; hadRecentInput: boolean; time: number; sources: {node: string; from: number[]; to: number[]}[]}[];
  };
  /** Each change of what the widgets' shadow roots hold, by animation frame. */
  frames: {frame: number; time: number; state: string}[];
  framesSeen: number;
}

export interface PageOptions {
  /** A dist/html file, e.g. `milia-info.en`; or `cli`: the arguments after `milia-widgets render`. */
  snippet?: string;
  cli?: string[];
  script?: 'module' | 'classic' | 'none';
  /** Files held back until `release()`: e.g. `milia-widgets.js` keeps the prerendered state on screen. */
  hold?: string[];
  csp?: boolean;
  wrap?: 'p';
  /** Leave the snippet out of the HTML (the test inserts it with script). */
  insert?: boolean;
  lang?: string;
  spacer?: boolean;
  /** milia-widgets.css linked in the page's <head> as well (a render-blocking stylesheet there). */
  headCss?: boolean;
  hash?: string;
  /** The iframe's sandbox attribute (e.g. `allow-same-origin`: no script runs in the page). */
  sandbox?: string;
  width?: number;
  height?: number;
}

export type Engine = 'chromium' | 'firefox' | 'webkit';
export const engine: Engine = navigator.userAgent.includes('Chrome/')
  ? 'chromium'
  : navigator.userAgent.includes('Firefox/')
    ? 'firefox'
    : 'webkit';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until<T>(check: () => T, what: string, timeout = 10000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeout) throw new Error(`timed out (${timeout} ms) waiting for ${what}`);
    await sleep(20);
  }
}

let count = 0;
const open: HostPage[] = [];

/** Removes every page opened so far (call from afterEach). */
export function closePages() {
  for (const page of open.splice(0)) page.frame.remove();
}

export class HostPage {
  readonly key = `p${Date.now().toString(36)}${(count++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  readonly frame = document.createElement('iframe');
  readonly url: string;

  constructor(readonly options: PageOptions) {
    const query = new URLSearchParams();
    if (options.snippet) query.set('snippet', options.snippet);
    if (options.cli) query.set('cli', JSON.stringify(options.cli));
    if (options.script) query.set('script', options.script);
    if (options.hold?.length) query.set('hold', options.hold.join(','));
    if (options.csp) query.set('csp', '1');
    if (options.wrap) query.set('wrap', options.wrap);
    if (options.insert) query.set('insert', '1');
    if (options.lang) query.set('lang', options.lang);
    if (options.spacer) query.set('spacer', '1');
    if (options.headCss) query.set('headcss', '1');
    this.url = `/test/runner/prerender/k/${this.key}/page.html?${query}${options.hash ?? ''}`;
  }

  get win() {
    return this.frame.contentWindow as Window & typeof globalThis & {__prerender?: PageRecord};
  }
  get doc() {
    return this.frame.contentDocument!;
  }
  get widget() {
    return this.doc.querySelector<Widget>('milia-info, milia-faq')!;
  }
  get root() {
    return this.widget.shadowRoot!;
  }
  get record() {
    return this.win.__prerender!;
  }
  /** The page has the URL we asked for (not the iframe's initial about:blank). */
  get loaded() {
    try {
      return this.frame.contentWindow?.location.pathname.includes(this.key) ?? false;
    } catch {
      return false;
    }
  }

  /** Opens the page in an iframe at the top left of the test page. */
  start() {
    const {width = 960, height = 900, sandbox} = this.options;
    Object.assign(this.frame.style, {
      position: 'fixed',
      top: '0',
      left: '0',
      width: `${width}px`,
      height: `${height}px`,
      border: '0',
      background: '#fff',
    });
    if (sandbox !== undefined) this.frame.setAttribute('sandbox', sandbox);
    this.frame.src = this.url;
    open.push(this);
    document.body.append(this.frame);
    return this;
  }

  /** Waits until the page's HTML is parsed and the prerendered widget is styled and painted. */
  async prerendered() {
    await until(() => this.loaded && this.doc.getElementById('after'), 'the page to be parsed');
    const link = await until(() => this.widget?.shadowRoot?.querySelector('link'), 'the prerendered shadow root');
    await until(() => link.sheet, 'the prerendered stylesheet');
    await this.frames(2);
  }

  /** Waits until the element has upgraded and rendered its own content. */
  async upgraded(given?: Widget) {
    const widget = given ?? (await until(() => this.loaded && this.widget, 'the widget'));
    await until(() => widget.matches(':defined'), `<${widget.localName}> to be defined`, 15000);
    await widget.updateComplete;
    await until(() => widget.shadowRoot?.querySelector('button.toggle'), 'the live buttons');
    await this.frames(2);
  }

  /** Two of the page's own animation frames: what was rendered is painted. */
  async frames(n = 2) {
    for (let i = 0; i < n; i++) await new Promise((resolve) => this.win.requestAnimationFrame(resolve));
  }

  /** Lets a held file go (see PageOptions.hold); says whether the browser was waiting for it. */
  async release(file: string) {
    return executeServerCommand<{waiting: boolean}, {key: string; file: string}>('prerender-release', {key: this.key, file});
  }

  /** The files beside the page that the browser asked for, in order. */
  async requests() {
    return executeServerCommand<string[], {key: string}>('prerender-requests', {key: this.key});
  }

  /** Waits until the browser asks for `file` (held files are then waiting for release). */
  async requested(file: string) {
    const started = Date.now();
    while (!(await this.requests()).includes(file)) {
      if (Date.now() - started > 10000) throw new Error(`the page never asked for ${file}`);
      await sleep(50);
    }
  }

  /** A screenshot of the iframe, kept by name in the test runner for `compareShots`. */
  async shot(name: string) {
    const r = this.frame.getBoundingClientRect();
    const clip = {x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height)};
    return executeServerCommand('prerender-shot', {name: `${this.key}-${name}`, clip});
  }

  async compareShots(a: string, b: string, name: string) {
    return executeServerCommand<ShotComparison, {a: string; b: string; name: string}>('prerender-compare', {
      a: `${this.key}-${a}`,
      b: `${this.key}-${b}`,
      name,
    });
  }

  /** The point at the middle of an element inside the page, in the test page's coordinates. */
  pointOf(el: Element): [number, number] {
    const frame = this.frame.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return [Math.round(frame.left + r.left + r.width / 2), Math.round(frame.top + r.top + r.height / 2)];
  }
}

export interface ShotComparison {
  sameSize: boolean;
  sizes?: string[];
  width: number;
  height: number;
  differing: number;
  box: {left: number; top: number; right: number; bottom: number} | null;
  files?: string[];
}

/** Opens a host page; `await page.prerendered()` or `page.upgraded()` next. */
export const openPage = (options: PageOptions) => new HostPage(options).start();

/**
 * The shadow root as comparable lines: each element with its tag, sorted attributes and
 * merged, whitespace-collapsed text; comments (Lit's markers) skipped. The controls are the
 * only allowed difference between the prerendered HTML and the live element, so both forms
 * become one line: `control.toggle#button-x expanded=… part=…` (an inert span with
 * data-expanded, or a button with aria-expanded and aria-controls naming its panel, which is
 * checked here). The prerendered `<link rel=stylesheet>` is left out.
 *
 * `unwrapBodies`: a panel whose only child is an attribute-less <div> is read as that div's
 * children (the live element wraps each body in one; see the test that compares them).
 */
export function structure(root: ParentNode, {unwrapBodies = false} = {}): string[] {
  const lines: string[] = [];
  const walk = (parent: ParentNode, depth: number) => {
    let text = '';
    const flush = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (t) lines.push(`${'  '.repeat(depth)}"${t}"`);
      text = '';
    };
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        text += node.textContent;
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      flush();
      const el = node as Element;
      if (el.localName === 'link' && el.getAttribute('rel') === 'stylesheet') continue;
      lines.push(`${'  '.repeat(depth)}${describe(el)}`);
      const only = el.children.length === 1 && el.firstElementChild!;
      const wrapper =
        unwrapBodies && el.classList.contains('panel') && only && only.localName === 'div' && !only.attributes.length;
      walk(wrapper ? only : el, depth + 1);
    }
    flush();
  };
  walk(root, 0);
  return lines;
}

function describe(el: Element): string {
  const isControl = el.classList.contains('toggle') || el.classList.contains('show-all');
  const attributes: string[] = [];
  let tag = el.localName;
  if (isControl) {
    tag = 'control';
    const live = el.localName === 'button';
    const expanded = live ? el.getAttribute('aria-expanded') : el.getAttribute('data-expanded');
    attributes.push(`expanded=${expanded}`);
    if (live && el.classList.contains('toggle')) {
      const controls = el.getAttribute('aria-controls');
      if (controls !== `panel-${el.id.replace(/^button-/, '')}`) attributes.push(`aria-controls-elsewhere=${controls}`);
    }
    if (!['span', 'button'].includes(el.localName)) attributes.push(`unexpected-tag=${el.localName}`);
  }
  const skip = new Set(['aria-expanded', 'aria-controls', 'data-expanded']);
  for (const {name, value} of [...el.attributes].sort((a, b) => a.name.localeCompare(b.name))) {
    if (isControl && skip.has(name)) continue;
    attributes.push(`${name}=${JSON.stringify(value)}`);
  }
  return [tag, ...attributes].join(' ');
}
