import {expect} from '@open-wc/testing';

/**
 * The demo page's configurator ("Make your snippet", demo/configurator.js), driven through
 * its own controls. The real page loads in an iframe, with the BUILT bundle from dist/ and
 * its own strict Content-Security-Policy (a <meta> in demo/index.html), exactly as a reader
 * gets it; controls are set the way a browser does it: a value, then input and change events.
 */

type Widget = HTMLElement & {updateComplete: Promise<boolean>};
interface AxeResults {
  violations: {id: string; help: string; nodes: {target: string[]}[]}[];
}
type DemoWindow = Window & typeof globalThis & {axe?: {run: (context: Node, options: object) => Promise<AxeResults>}};

interface Demo {
  frame: HTMLIFrameElement;
  win: DemoWindow;
  doc: Document;
  /** CSP violations reported in the page (where the engine reports them). */
  violations: string[];
  byId: <T extends HTMLElement = HTMLElement>(id: string) => T;
  widget: () => Widget;
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

async function until<T>(check: () => T, what: string, timeout = 8000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Loads the demo page at a given width and waits until the configurator is ready. */
async function loadDemo(width = 1280): Promise<Demo> {
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
  await widget().updateComplete;
  return {frame, win, doc, violations, byId, widget};
}

/** Sets a control's value the way a person does: the value, then `input` and `change`. */
function set(control: HTMLInputElement | HTMLSelectElement, value: string) {
  control.value = value;
  control.dispatchEvent(new Event('input', {bubbles: true}));
  control.dispatchEvent(new Event('change', {bubbles: true}));
}

const titlesOf = (widget: Element) =>
  [...widget.shadowRoot!.querySelectorAll('button[aria-controls]')].map((b) => b.textContent!.trim());
const attributesOf = (element: Element) =>
  Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => a.localeCompare(b)));

/** The element in a generated HTML snippet, parsed the way the site's page will parse it. */
function parseSnippet(snippet: string) {
  const parsed = new DOMParser().parseFromString(snippet, 'text/html');
  return {script: parsed.querySelector('script')!, element: parsed.querySelector('milia-info, milia-faq')!};
}

/** Every element with a style attribute, in the page and inside every shadow root. */
function styleAttributes(root: Document | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.hasAttribute('style')) found.push(element);
    if (element.shadowRoot) found.push(...styleAttributes(element.shadowRoot));
  }
  return found;
}

async function runAxe(demo: Demo): Promise<string[]> {
  if (!demo.win.axe) {
    // Made in this document, so the page's Trusted Types policy does not apply to the src.
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    demo.doc.head.append(script);
    await until(() => demo.win.axe, 'axe-core to load in the demo page');
  }
  // A demo shows the same widget several times, so its section regions repeat their names
  // (axe's best-practice rule landmark-unique, not a WCAG rule; see "many" in test/runner/pages/host-pages.mjs).
  const results = await demo.win.axe!.run(demo.doc, {resultTypes: ['violations'], rules: {'landmark-unique': {enabled: false}}});
  return results.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let integrity: Record<string, string>;
before(async () => {
  integrity = await (await fetch('/dist/integrity.json', {cache: 'no-store'})).json();
});

describe('demo configurator ("Make your snippet")', function () {
  this.timeout(60000);

  it('the demo page enforces its strict policy and breaks none of it', async () => {
    const demo = await loadDemo();
    // Buffered reports arrive a task or two late.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(demo.violations, 'no CSP violation while loading').to.deep.equal([]);

    // Canaries: a style attribute is not applied, and (where the engine has them) Trusted Types are required.
    const canary = demo.doc.createElement('p');
    canary.setAttribute('style', 'color: rgb(255, 0, 0)');
    canary.textContent = 'canary';
    demo.doc.body.append(canary);
    expect(demo.win.getComputedStyle(canary).color, 'inline style blocked').not.to.equal('rgb(255, 0, 0)');
    canary.remove();
    if ('trustedTypes' in demo.win) {
      expect(() => (demo.doc.createElement('div').innerHTML = '<b>x</b>'), 'Trusted Types enforced').to.throw();
    }
  });

  it('lists the sections with the titles the element itself renders, in the chosen language', async () => {
    const {byId, widget, doc} = await loadDemo();
    const labels = () => [...byId('cfg-items-list').querySelectorAll('label')].map((label) => label.textContent!.trim());
    expect(widget().localName).to.equal('milia-info');
    expect(labels()).to.deep.equal(titlesOf(widget()));
    expect(labels()).to.have.length(6);
    expect(byId('cfg-items-legend').textContent).to.equal('Sections to show');

    set(byId<HTMLSelectElement>('cfg-lang'), 'es');
    await until(() => labels()[0] === '¿Qué son los milios?', 'Spanish titles');
    expect(widget().getAttribute('lang')).to.equal('es');
    await widget().updateComplete;
    expect(labels()).to.deep.equal(titlesOf(widget()));

    // The questions of <milia-faq>, in Spanish too.
    byId<HTMLInputElement>('cfg-element-faq').click();
    await until(() => byId('cfg-items-legend').textContent === 'Questions to show', 'the question list');
    expect(widget().localName).to.equal('milia-faq');
    await widget().updateComplete;
    expect(labels()).to.have.length(12);
    expect(labels()).to.deep.equal(titlesOf(widget()));
    expect(doc.querySelectorAll('#cfg-preview > *')).to.have.length(1);
  });

  it('the live widget follows every control, and the snippet matches it', async () => {
    const {byId, widget, doc} = await loadDemo();
    const html = () => byId<HTMLTextAreaElement>('cfg-html').value;
    expect(attributesOf(widget()), 'all defaults: no attribute').to.deep.equal({});
    expect(html()).to.contain('\n<milia-info></milia-info>');

    // Sections: untick four of the six.
    for (const id of ['types', 'causes', 'removal', 'home-care']) byId<HTMLInputElement>(`cfg-item-${id}`).click();
    expect(widget().getAttribute('sections')).to.equal('overview see-a-doctor');
    await widget().updateComplete;
    expect(titlesOf(widget())).to.have.length(2);

    // Open at start: the choices follow the sections shown.
    const expanded = byId<HTMLSelectElement>('cfg-expanded');
    expect([...expanded.options].map((o) => o.value)).to.deep.equal(['none', 'all', 'overview', 'see-a-doctor']);
    set(expanded, 'overview');
    expect(widget().getAttribute('expanded')).to.equal('overview');
    await widget().updateComplete;
    expect(widget().shadowRoot!.getElementById('button-overview')!.getAttribute('aria-expanded')).to.equal('true');

    set(byId<HTMLSelectElement>('cfg-heading-level'), '3');
    expect(widget().getAttribute('heading-level')).to.equal('3');
    await widget().updateComplete;
    expect(widget().shadowRoot!.querySelectorAll('h3')).to.have.length(2);

    byId<HTMLInputElement>('cfg-single').click();
    expect(widget().hasAttribute('single')).to.be.true;
    expect(expanded.querySelector<HTMLOptionElement>('option[value="all"]')!.disabled, '"all" is off in single mode').to.be.true;

    set(byId<HTMLSelectElement>('cfg-lang'), 'es');
    expect(widget().getAttribute('lang')).to.equal('es');

    set(byId<HTMLInputElement>('cfg-class'), 'health-box');
    expect(widget().getAttribute('class')).to.equal('health-box');

    const snippet = parseSnippet(html());
    expect(snippet.element.localName).to.equal('milia-info');
    expect(attributesOf(snippet.element), 'the snippet has the preview attributes').to.deep.equal(attributesOf(widget()));
    expect(attributesOf(snippet.element)).to.deep.equal({
      class: 'health-box',
      expanded: 'overview',
      'heading-level': '3',
      lang: 'es',
      sections: 'overview see-a-doctor',
      single: '',
    });
    expect(html()).to.contain(
      '<milia-info sections="overview see-a-doctor" expanded="overview" heading-level="3" single lang="es" class="health-box"></milia-info>'
    );

    // Back to a default: the attribute goes away again.
    set(byId<HTMLSelectElement>('cfg-heading-level'), '2');
    expect(widget().hasAttribute('heading-level')).to.be.false;
    expect(html()).not.to.contain('heading-level');

    // <milia-faq>: questions and structured data.
    byId<HTMLInputElement>('cfg-element-faq').click();
    await until(
      () => widget().localName === 'milia-faq' && byId('cfg-items-legend').textContent === 'Questions to show',
      'the FAQ'
    );
    expect(byId('cfg-structured-data-row').hidden).to.be.false;
    byId<HTMLInputElement>('cfg-item-pop').click();
    byId<HTMLInputElement>('cfg-structured-data').click();
    expect(widget().hasAttribute('structured-data')).to.be.true;
    expect(widget().getAttribute('questions')!.split(' ')).to.have.length(11).and.not.include('pop');
    await widget().updateComplete;
    expect(doc.head.querySelectorAll('script[type="application/ld+json"]'), 'one FAQPage on the page').to.have.length(1);
    const faqSnippet = parseSnippet(html());
    expect(faqSnippet.element.localName).to.equal('milia-faq');
    expect(attributesOf(faqSnippet.element)).to.deep.equal(attributesOf(widget()));
    expect(html()).to.match(/<milia-faq questions="[a-z -]+" single structured-data lang="es" class="health-box"><\/milia-faq>$/);

    // Back to <milia-info>: its own choices are remembered; no structured data there.
    byId<HTMLInputElement>('cfg-element-info').click();
    await until(
      () => widget().localName === 'milia-info' && byId('cfg-items-legend').textContent === 'Sections to show',
      'the sections again'
    );
    expect(widget().getAttribute('sections')).to.equal('overview see-a-doctor');
    expect(widget().hasAttribute('structured-data')).to.be.false;
    expect(byId('cfg-structured-data-row').hidden).to.be.true;
  });

  it('the script tag: the address typed, the build chosen and its integrity hash from dist/integrity.json', async () => {
    const {byId} = await loadDemo();
    const html = () => byId<HTMLTextAreaElement>('cfg-html').value;
    const script = () => parseSnippet(html()).script;

    expect(script().getAttribute('type')).to.equal('module');
    expect(script().getAttribute('src')).to.equal('https://example.org/js/milia-widgets.js');
    expect(script().getAttribute('integrity'))
      .to.equal(integrity['milia-widgets.js'])
      .and.match(/^sha384-/);
    expect(script().getAttribute('crossorigin')).to.equal('anonymous');
    expect(byId('cfg-files').textContent, 'the module needs its language file beside it').to.contain('milia-widgets.lang-es.js');

    const base = byId<HTMLInputElement>('cfg-base');
    set(base, 'https://cdn.example.com/assets');
    expect(script().getAttribute('src'), 'a slash is added').to.equal('https://cdn.example.com/assets/milia-widgets.js');
    set(base, '/static/js/');
    expect(script().getAttribute('src'), 'a path on the same site').to.equal('/static/js/milia-widgets.js');

    byId<HTMLInputElement>('cfg-build-classic').click();
    expect(script().hasAttribute('type')).to.be.false;
    expect(script().hasAttribute('defer')).to.be.true;
    expect(script().getAttribute('src')).to.equal('/static/js/milia-widgets.iife.js');
    expect(script().getAttribute('integrity')).to.equal(integrity['milia-widgets.iife.js']);
    expect(html()).to.contain(
      `<script defer src="/static/js/milia-widgets.iife.js" integrity="${integrity['milia-widgets.iife.js']}" crossorigin="anonymous"></script>`
    );

    // A wrong address: said next to the field, and the code falls back to the placeholder.
    set(base, 'javascript:alert(1)');
    expect(base.getAttribute('aria-invalid')).to.equal('true');
    expect(byId('cfg-base-error').hidden).to.be.false;
    expect(byId('cfg-base-error').textContent).to.match(/https:\/\//);
    expect(script().getAttribute('src')).to.equal('https://example.org/js/milia-widgets.iife.js');
    set(base, 'https://example.net/"><x>');
    expect(parseSnippet(html()).element.localName, 'no markup injected through the address').to.equal('milia-info');
    expect(html().split('\n')).to.have.length(2);
  });

  it('colours become a CSS rule to copy, and theme the preview through an adopted stylesheet, with no style attribute', async () => {
    const {byId, widget, doc, win} = await loadDemo();
    const css = () => byId<HTMLTextAreaElement>('cfg-css').value;
    const showAllColor = () => win.getComputedStyle(widget().shadowRoot!.querySelector('.show-all')!).color;
    const sectionStyle = () => win.getComputedStyle(widget().shadowRoot!.querySelector('[part~="section"]')!);
    const before = showAllColor();
    expect(byId('cfg-css-block').hidden, 'nothing to add to the stylesheet yet').to.be.true;

    set(byId<HTMLInputElement>('cfg-color-accent'), '#aa0000');
    set(byId<HTMLInputElement>('cfg-color-surface'), '#f3f8f8');
    set(byId<HTMLInputElement>('cfg-radius'), '8');
    expect(byId('cfg-css-block').hidden).to.be.false;
    expect(css()).to.equal(
      'milia-info {\n  --milia-color-accent: #aa0000;\n  --milia-color-surface: #f3f8f8;\n  --milia-radius: 8px;\n}'
    );
    expect(byId('cfg-color-accent-value').textContent).to.equal('#aa0000');
    expect(byId('cfg-color-text-value').textContent, 'untouched colours stay out').to.equal('Not set');

    // The preview changes, through a constructable stylesheet adopted by the document.
    expect(showAllColor()).to.equal('rgb(170, 0, 0)').and.not.equal(before);
    expect(sectionStyle().backgroundColor).to.equal('rgb(243, 248, 248)');
    expect(win.getComputedStyle(widget().shadowRoot!.querySelector('[part~="button"]')!).borderTopLeftRadius).to.equal('8px');
    const adopted = doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(adopted).to.contain('--milia-color-accent').and.contain('#aa0000');
    expect(doc.querySelectorAll('style'), 'no <style> element').to.have.length(0);
    expect(
      styleAttributes(doc).map((e) => e.localName),
      'no style attribute anywhere'
    ).to.deep.equal([]);

    // The examples further down keep their own look.
    const example = doc.querySelector('.examples milia-info:not([class])')!;
    expect(win.getComputedStyle(example.shadowRoot!.querySelector('.show-all')!).color).not.to.equal('rgb(170, 0, 0)');

    // With a class name, the rule targets that class; the snippet puts it on the element.
    set(byId<HTMLInputElement>('cfg-class'), 'clinic');
    expect(css()).to.match(/^milia-info\.clinic \{/);
    expect(parseSnippet(byId<HTMLTextAreaElement>('cfg-html').value).element.getAttribute('class')).to.equal('clinic');
    set(byId<HTMLInputElement>('cfg-class'), 'not a class');
    expect(byId('cfg-class-error').hidden).to.be.false;
    expect(css()).to.match(/^milia-info \{/);

    // A hard-to-read pair is pointed out.
    expect(byId('cfg-contrast').textContent).to.equal('');
    set(byId<HTMLInputElement>('cfg-color-surface'), '#222222');
    expect(byId('cfg-contrast').textContent).to.match(/Text on the title background: [\d.]+ to 1/);

    // Reset: the rule and the theme go.
    byId('cfg-reset-look').click();
    expect(byId('cfg-css-block').hidden).to.be.true;
    expect(css()).to.equal('');
    expect(showAllColor()).to.equal(before);
    expect(byId('cfg-contrast').textContent).to.equal('');
    expect(styleAttributes(doc)).to.deep.equal([]);
  });

  it('"Copy the code" copies, or selects the code and says how to copy it; the status is announced', async () => {
    const {byId, doc} = await loadDemo();
    const textarea = byId<HTMLTextAreaElement>('cfg-html');
    const status = byId('cfg-html-status');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(byId('cfg-copy-html').textContent).to.equal('Copy the code');

    byId('cfg-copy-html').click();
    const result = await until(() => status.dataset.result, 'the copy to finish', 5000);
    if (result === 'copied') {
      expect(status.textContent).to.match(/^Copied/);
    } else {
      // Headless browsers usually refuse the clipboard without a real user gesture.
      expect(result).to.equal('selected');
      expect(status.textContent).to.contain('Press Ctrl+C (Cmd+C on a Mac) to copy');
      expect(doc.activeElement).to.equal(textarea);
      expect([textarea.selectionStart, textarea.selectionEnd]).to.deep.equal([0, textarea.value.length]);
    }
    // A changed snippet makes the message untrue, so it goes.
    set(byId<HTMLSelectElement>('cfg-heading-level'), '4');
    expect(status.textContent).to.equal('');
  });

  it('axe finds no violation, with the defaults and with every part of the configurator showing', async () => {
    const demo = await loadDemo();
    const {byId} = demo;
    expect(await runAxe(demo)).to.deep.equal([]);

    byId<HTMLInputElement>('cfg-element-faq').click();
    await until(() => byId('cfg-items-legend').textContent === 'Questions to show', 'the FAQ');
    set(byId<HTMLSelectElement>('cfg-heading-level'), '4');
    // A theme that reads well on the white preview (a poor pair would rightly fail axe there).
    set(byId<HTMLInputElement>('cfg-color-text'), '#0b2e4f');
    set(byId<HTMLInputElement>('cfg-color-accent'), '#00676b');
    set(byId<HTMLInputElement>('cfg-color-surface'), '#f3f8f8');
    set(byId<HTMLInputElement>('cfg-base'), 'nonsense');
    byId('cfg-copy-css').click();
    await until(() => byId('cfg-css-status').dataset.result, 'the copy to finish', 5000);
    expect(byId('cfg-css-block').hidden).to.be.false;
    expect(byId('cfg-base-error').hidden).to.be.false;
    expect(byId('cfg-contrast').textContent, 'no contrast warning for this theme').to.equal('');
    await demo.widget().updateComplete;
    expect(await runAxe(demo)).to.deep.equal([]);
  });

  it('fits a 320 px wide screen in one column, and uses two columns on a wide one', async () => {
    const narrow = await loadDemo(320);
    const html = narrow.doc.documentElement;
    expect(html.scrollWidth, 'no horizontal scrolling').to.be.at.most(html.clientWidth);
    const form = narrow.byId('cfg-form').getBoundingClientRect();
    const output = narrow.doc.querySelector('.cfg-output')!.getBoundingClientRect();
    expect(output.top, 'the code comes after the settings').to.be.at.least(form.bottom);
    expect(Math.round(output.left)).to.equal(Math.round(form.left));

    const wide = await loadDemo(1280);
    const wideForm = wide.byId('cfg-form').getBoundingClientRect();
    const wideOutput = wide.doc.querySelector('.cfg-output')!.getBoundingClientRect();
    expect(wideOutput.left, 'side by side').to.be.at.least(wideForm.right);
  });
});
