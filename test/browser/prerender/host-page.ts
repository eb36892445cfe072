import {executeServerCommand} from '@web/test-runner-commands';
import {engine, type Engine} from '../helpers.js';

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
  /**
   * Each change, by animation frame, of what the widgets' shadow roots hold (`state`) or of
   * where things are (`boxes`: name -> [left, top in the page, width, height]).
   */
  frames: Frame[];
  framesSeen: number;
  toggles: {section: string; expanded: boolean; trigger: string; lang: string}[];
}

export interface Frame {
  frame: number;
  time: number;
  state: string;
  boxes: Record<string, [number, number, number, number]>;
  /** innerWidth, innerHeight, scrollY */
  viewport: [number, number, number];
}

export interface PageOptions {
  /** A dist/html file, e.g. `milia-info.en`; or `cli`: the arguments after `milia-widgets render`. */
  snippet?: string;
  cli?: string[];
  script?: 'module' | 'classic' | 'classic-footer' | 'none';
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
  /** Content of the site's own after the widget (#host-bits), with common class names. */
  hostBits?: boolean;
  hash?: string;
  /** The iframe's sandbox attribute (e.g. `allow-same-origin`: no script runs in the page). */
  sandbox?: string;
  width?: number;
  height?: number;
}

export {engine, type Engine};

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

/**
 * Sizes the test page's viewport so a whole page iframe (960x900 at the top left) is on
 * screen: screenshots and layout shift need it. Call in `describe`.
 */
export function useViewport() {
  before(async () => {
    await executeServerCommand('viewport', {width: 980, height: 920});
  });
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
    if (options.hostBits) query.set('hostbits', '1');
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

  /** The page's snippet as text, for inserting it with script. */
  async snippet() {
    const response = await fetch(this.url.replace('/page.html?', '/snippet.html?'), {cache: 'no-store'});
    if (!response.ok) throw new Error(`snippet: ${response.status} ${await response.text()}`);
    return response.text();
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

  /** Removes the page (pages share the top left corner: the newest covers the others). */
  close() {
    this.frame.remove();
    open.splice(open.indexOf(this), 1);
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

  /**
   * A screenshot of the iframe, kept by name in the test runner for `compareShots`. The
   * rightmost 16 px (the page's scrollbar) are left out: WebKitGTK shows its overlay
   * scrollbar for a moment when the document changes, whatever changed.
   */
  async shot(name: string) {
    const r = this.frame.getBoundingClientRect();
    const clip = {x: Math.round(r.left), y: Math.round(r.top), width: Math.round(r.width) - 16, height: Math.round(r.height)};
    return executeServerCommand('prerender-shot', {name: `${this.key}-${name}`, clip});
  }

  /**
   * Compares two shots of this page. Pixels count as differing when a colour channel moves
   * by more than TOLERANCE levels: WebKitGTK antialiases the same chevron a level or two
   * apart inside a <span> and a <button>, which no reader can see.
   */
  async compareShots(a: string, b: string, name: string) {
    return executeServerCommand<ShotComparison, object>('prerender-compare', {
      a: `${this.key}-${a}`,
      b: `${this.key}-${b}`,
      name,
      tolerance: TOLERANCE,
    });
  }

  /** The point at the middle of an element inside the page, in the test page's coordinates. */
  pointOf(el: Element): [number, number] {
    const frame = this.frame.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return [Math.round(frame.left + r.left + r.width / 2), Math.round(frame.top + r.top + r.height / 2)];
  }
}

/** Colour levels (of 255) a pixel may move by and still count as the same. */
export const TOLERANCE = 2;

export interface ShotComparison {
  sameSize: boolean;
  sizes?: string[];
  width: number;
  height: number;
  /** Pixels that moved by more than the tolerance. */
  differing: number;
  /** Pixels that moved at all, and by how much at most. */
  anyDiffering: number;
  maxDelta: number;
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

/**
 * The layout shift a reader saw between recorded frames, estimated as the Layout Instability
 * spec scores it, from boxes (Firefox and WebKit report no layout-shift entries): for each
 * pair of frames, the boxes whose start moved, impact fraction (their old and new boxes,
 * united, over the viewport) times distance fraction (the largest move over the viewport's
 * larger side). Boxes are matched by name, so an item the element re-creates with the same
 * id still counts as moved (the layout-shift API would not count it: new nodes do not shift).
 */
export function estimatedShift(frames: Frame[]): {score: number; shifts: string[]} {
  let score = 0;
  const shifts: string[] = [];
  for (let i = 1; i < frames.length; i++) {
    const [prev, next] = [frames[i - 1], frames[i]];
    const [vw, vh] = next.viewport;
    const moved: {name: string; from: number[]; to: number[]; distance: number}[] = [];
    for (const [name, to] of Object.entries(next.boxes)) {
      const from = prev.boxes[name];
      if (!from || !from[2] || !from[3] || !to[2] || !to[3]) continue;
      const distance = Math.max(Math.abs(to[0] - from[0]), Math.abs(to[1] - from[1]));
      if (distance >= 0.5) moved.push({name, from, to, distance});
    }
    if (!moved.length) continue;
    // Union of the old and new boxes in viewport coordinates, on a 2px grid.
    const cell = 2;
    const [cols, rows] = [Math.ceil(vw / cell), Math.ceil(vh / cell)];
    const grid = new Uint8Array(cols * rows);
    const paint = ([x, y, w, h]: number[], scrollY: number) => {
      const [top, bottom] = [Math.max(0, y - scrollY), Math.min(vh, y - scrollY + h)];
      const [left, right] = [Math.max(0, x), Math.min(vw, x + w)];
      for (let r = Math.floor(top / cell); r < Math.ceil(bottom / cell); r++) {
        for (let c = Math.floor(left / cell); c < Math.ceil(right / cell); c++) grid[r * cols + c] = 1;
      }
    };
    for (const {from, to} of moved) {
      paint(from, prev.viewport[2]);
      paint(to, next.viewport[2]);
    }
    const impact = grid.reduce((sum, on) => sum + on, 0) / (cols * rows);
    const distance = Math.max(...moved.map((m) => m.distance)) / Math.max(vw, vh);
    score += impact * distance;
    shifts.push(
      `frame ${next.frame}: ${moved.map((m) => `${m.name} ${m.from[1]}->${m.to[1]}`).join(', ')} (${(impact * distance).toFixed(4)})`
    );
  }
  return {score, shifts};
}

/** A comparison's outcome in words, for assertion messages. */
export const describeDiff = (diff: ShotComparison) =>
  diff.sameSize
    ? `${diff.differing} of ${diff.width}x${diff.height} pixels differ by more than ${TOLERANCE} levels` +
      ` (${diff.anyDiffering} at all, by up to ${diff.maxDelta}), within ${JSON.stringify(diff.box)}` +
      (diff.files ? `; see ${diff.files.join(', ')}` : '')
    : `the shots differ in size: ${diff.sizes}`;
