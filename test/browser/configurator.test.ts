import {expect} from '@open-wc/testing';
import {type Demo, loadDemo, parseSnippet, removeDemos, set, until} from './demo.js';

/**
 * The demo page's configurator ("Make your snippet", demo/configurator.js), driven through
 * its own controls. The real page loads in an iframe, with the BUILT bundle from dist/ and
 * its own strict Content-Security-Policy (a <meta> in demo/index.html), exactly as a reader
 * gets it; controls are set the way a browser does it: a value, then input and change events.
 * The snippets it writes are loaded, as pasted, in test/browser/snippets.test.ts.
 */

afterEach(removeDemos);

const titlesOf = (widget: Element) =>
  [...widget.shadowRoot!.querySelectorAll('button[aria-controls]')].map((b) => b.textContent!.trim());
const attributesOf = (element: Element) =>
  Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => a.localeCompare(b)));

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

  it('the script tag: jsDelivr following new releases by default, with no integrity hash on that floating address', async () => {
    const {byId, html} = await loadDemo();
    const script = () => parseSnippet(html()).script;
    expect(script().getAttribute('type')).to.equal('module');
    expect(script().getAttribute('src')).to.equal('https://cdn.jsdelivr.net/npm/milia-widgets@0/dist/milia-widgets.js');
    expect(script().hasAttribute('integrity'), '@0 changes with every release: a hash would break it').to.be.false;
    expect(script().hasAttribute('crossorigin')).to.be.false;
    expect(byId('cfg-integrity-note').textContent).to.match(/^No integrity hash: @0 follows new releases/);
    expect(byId('cfg-integrity-note').textContent, 'the CDN sends the CORS header a module needs').to.contain(
      'Access-Control-Allow-Origin'
    );
    expect(byId('cfg-files').textContent).to.match(/^jsDelivr serves milia-widgets\.js .*nothing to upload/);

    // Every other floating form: a range, latest, the package without a version, another npm CDN.
    const base = byId<HTMLInputElement>('cfg-base');
    for (const floating of [
      'https://cdn.jsdelivr.net/npm/milia-widgets@latest/dist/',
      'https://cdn.jsdelivr.net/npm/milia-widgets@0.1/dist/',
      'https://cdn.jsdelivr.net/npm/milia-widgets/dist/',
      'https://unpkg.com/milia-widgets/dist/',
    ]) {
      set(base, floating);
      expect(script().getAttribute('src'), floating).to.equal(`${floating}milia-widgets.js`);
      expect(script().hasAttribute('integrity'), floating).to.be.false;
      expect(byId('cfg-integrity-note').textContent, floating).to.match(/^No integrity hash: .* follows new releases/);
    }
    byId<HTMLInputElement>('cfg-build-classic').click();
    expect(script().hasAttribute('integrity'), 'nor on the classic script').to.be.false;
    expect(html()).to.equal(
      '<script defer src="https://unpkg.com/milia-widgets/dist/milia-widgets.iife.js"></script>\n<milia-info></milia-info>'
    );
  });

  it("the script tag: an integrity hash from dist/integrity.json on a pinned version or the site's own folder", async () => {
    const {byId, html, win} = await loadDemo();
    const script = () => parseSnippet(html()).script;
    const version = (win.customElements.get('milia-info') as unknown as {miliaVersion: string}).miliaVersion;
    const note = () => byId('cfg-integrity-note').textContent!;

    // "jsDelivr, this version only": the version this page runs, whose hashes it has.
    byId('cfg-cdn-pinned').click();
    expect(byId('cfg-cdn-pinned').textContent).to.equal(`jsDelivr, version ${version} only`);
    expect(byId<HTMLInputElement>('cfg-base').value).to.equal(`https://cdn.jsdelivr.net/npm/milia-widgets@${version}/dist/`);
    expect(script().getAttribute('src')).to.equal(`https://cdn.jsdelivr.net/npm/milia-widgets@${version}/dist/milia-widgets.js`);
    expect(script().getAttribute('integrity'))
      .to.equal(integrity['milia-widgets.js'])
      .and.match(/^sha384-/);
    expect(script().getAttribute('crossorigin')).to.equal('anonymous');
    expect(note()).to.match(new RegExp(`^With an integrity hash: version ${version.replace(/\./g, '\\.')} never changes`));
    expect(byId('cfg-files').textContent, 'SRI on the module covers only the first file').to.contain(
      'checks only the first file'
    );

    byId<HTMLInputElement>('cfg-build-classic').click();
    expect(html()).to.equal(
      `<script defer src="https://cdn.jsdelivr.net/npm/milia-widgets@${version}/dist/milia-widgets.iife.js" integrity="${integrity['milia-widgets.iife.js']}" crossorigin="anonymous"></script>\n<milia-info></milia-info>`
    );

    // Another pinned version: these hashes are not its hashes.
    const base = byId<HTMLInputElement>('cfg-base');
    set(base, 'https://cdn.jsdelivr.net/npm/milia-widgets@0.0.1/dist/');
    expect(script().hasAttribute('integrity')).to.be.false;
    expect(note()).to.contain(`hashes of version ${version} only`);

    // The site's own folder (a path, or a full address): this build's hash.
    set(base, '/static/js/');
    expect(script().getAttribute('src')).to.equal('/static/js/milia-widgets.iife.js');
    expect(script().getAttribute('integrity')).to.equal(integrity['milia-widgets.iife.js']);
    expect(note()).to.match(/^With the integrity hash of the files in this dist folder/);
    expect(note(), "a path on the page's own site needs no CORS").not.to.contain('Access-Control-Allow-Origin');
    expect(byId('cfg-files').textContent).to.contain('Put milia-widgets.iife.js from the dist folder in that folder');
    set(base, 'https://static.example.com/assets');
    expect(script().getAttribute('src'), 'a slash is added').to.equal('https://static.example.com/assets/milia-widgets.iife.js');
    expect(script().getAttribute('integrity')).to.equal(integrity['milia-widgets.iife.js']);
    expect(note(), 'SRI from another site needs CORS, even for a classic script').to.match(
      /integrity hash from another site needs the header Access-Control-Allow-Origin.*static\.example\.com/
    );

    // Turned off by the reader (a file host without CORS): no hash, no crossorigin, no CORS needed.
    byId<HTMLInputElement>('cfg-integrity').click();
    expect(html()).to.equal(
      '<script defer src="https://static.example.com/assets/milia-widgets.iife.js"></script>\n<milia-info></milia-info>'
    );
    expect(note()).to.equal('No integrity hash: you turned it off.');
    byId<HTMLInputElement>('cfg-build-module').click();
    expect(note(), 'a module from another site always needs CORS').to.contain('Access-Control-Allow-Origin');
  });

  it('a file address in the folder field: its folder is used, and the reader is told', async () => {
    const {byId, html} = await loadDemo();
    const base = byId<HTMLInputElement>('cfg-base');
    const src = () => parseSnippet(html()).script.getAttribute('src');
    expect(byId('cfg-base-note').hidden).to.be.true;

    for (const [typed, folder] of [
      ['https://example.org/js/milia-widgets.js', 'https://example.org/js/'],
      ['https://example.org/js/milia-widgets.iife.js?v=2', 'https://example.org/js/'],
      ['/wp-content/uploads/milia/milia-widgets.js', '/wp-content/uploads/milia/'],
      [
        'https://cdn.jsdelivr.net/npm/milia-widgets@0/dist/milia-widgets.iife.js',
        'https://cdn.jsdelivr.net/npm/milia-widgets@0/dist/',
      ],
    ]) {
      set(base, typed);
      expect(src(), typed).to.equal(`${folder}milia-widgets.js`).and.not.contain('.js/');
      expect(byId('cfg-base-note').hidden, typed).to.be.false;
      expect(byId('cfg-base-note').textContent, typed).to.contain('That is the address of a file').and.contain(folder);
      expect(base.getAttribute('aria-invalid'), 'a note, not an error').to.be.null;
    }
    // The package on the CDN without its dist/ folder.
    set(base, 'https://cdn.jsdelivr.net/npm/milia-widgets@0');
    expect(src()).to.equal('https://cdn.jsdelivr.net/npm/milia-widgets@0/dist/milia-widgets.js');
    expect(byId('cfg-base-note').textContent).to.contain('dist folder');
    set(base, 'https://example.org/js/');
    expect(byId('cfg-base-note').hidden, 'gone once the address is a folder').to.be.true;
    set(base, 'http://example.org/js/');
    expect(byId('cfg-base-note').textContent, 'mixed content would be blocked').to.contain('cannot load a script from http://');
    expect(base.getAttribute('aria-describedby')).to.contain('cfg-base-note');

    // A wrong address: said next to the field, and the code falls back to the default.
    set(base, 'javascript:alert(1)');
    expect(base.getAttribute('aria-invalid')).to.equal('true');
    expect(byId('cfg-base-error').hidden).to.be.false;
    expect(byId('cfg-base-error').textContent).to.match(/https:\/\//);
    expect(src()).to.equal('https://cdn.jsdelivr.net/npm/milia-widgets@0/dist/milia-widgets.js');
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

  it("the contrast check uses the page background the reader states (at first, the preview's own), not an assumed white page", async () => {
    const {byId, win, widget} = await loadDemo();
    const preview = byId('cfg-preview');
    const warning = () => byId('cfg-contrast').textContent!;
    const rgbToHex = (rgb: string) =>
      `#${rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`;
    expect(byId<HTMLInputElement>('cfg-page-background').value, "the preview's actual background").to.equal(
      rgbToHex(win.getComputedStyle(preview).backgroundColor)
    );
    expect(byId<HTMLInputElement>('cfg-page-text').value).to.equal(rgbToHex(win.getComputedStyle(preview).color));

    // Teal links read well on white...
    set(byId<HTMLInputElement>('cfg-color-accent'), '#00676b');
    expect(warning()).to.equal('');
    // ...and not on a dark page: too dark for text (4.5 to 1) and for the focus ring (3 to 1).
    set(byId<HTMLInputElement>('cfg-page-background'), '#121417');
    set(byId<HTMLInputElement>('cfg-page-text'), '#e8e8e8');
    expect(warning()).to.match(
      /^Hard to read: Links and arrows on your page background: 2\.\d to 1\. Aim for at least 4\.5 to 1 for text\./
    );
    expect(warning()).to.contain('Hard to see: The focus ring around links (links colour) on your page background: 2.');
    expect(warning()).to.contain('A focus ring needs at least 3 to 1.');
    expect(warning()).not.to.contain('white');
    // The preview stands on that page (through the adopted stylesheet), and the page is not in the code.
    expect(win.getComputedStyle(preview).backgroundColor).to.equal('rgb(18, 20, 23)');
    await widget().updateComplete;
    expect(win.getComputedStyle(widget().shadowRoot!.querySelector('.root')!).color).to.equal('rgb(232, 232, 232)');
    expect(byId<HTMLTextAreaElement>('cfg-css').value).not.to.contain('#121417');
    expect(byId('cfg-page-background-value').textContent).to.equal('#121417');

    // A light accent for the dark page: fine.
    set(byId<HTMLInputElement>('cfg-color-accent'), '#9cc9ff');
    expect(warning()).to.equal('');
    // A light title background on the dark page: the page's light text is unreadable on it.
    set(byId<HTMLInputElement>('cfg-color-surface'), '#f3f8f8');
    expect(warning()).to.match(/Text on the title background: 1\.\d to 1\./);
    expect(warning()).to.contain('The focus ring around titles (text colour) on the title background');
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
