import {expect} from '@open-wc/testing';
import {loadDemo, parseSnippet, removeDemos, set} from './demo.js';

/**
 * Snippets tried as a new user tries them: pasted, as written, into a page on one origin, with
 * the files on ANOTHER origin (test/runner/snippets/snippet-hosts.mjs): a jsDelivr stand-in,
 * and a self-hosted file domain with and without Access-Control-Allow-Origin. The snippets
 * are the README's (read from README.md by their `<!-- snippet:NAME -->` markers) and the configurator's
 * (copied from its output box). The only change ever made to a snippet is the origin of a CDN
 * address (https://cdn.jsdelivr.net -> the stand-in), since the test machine has no internet.
 */

interface SnippetProbe {
  done: boolean;
  failure?: string;
  widgets: number;
  scripts: {src: string; outcome: 'load' | 'error' | 'pending'}[];
  defined: string[];
  rendered: number;
  firstTitles: (string | null)[];
  fallbackVisible: boolean;
  opens?: boolean;
  jsonLd: number;
  errors: string[];
  warnings: string[];
  violations: string[];
}

let second: {origin: string; version: string};
let integrity: Record<string, string>;
let readme: string;

before(async () => {
  const text = async (url: string) => (await fetch(url, {cache: 'no-store'})).text();
  second = await (await fetch('/test/runner/snippets/second-origin.json', {cache: 'no-store'})).json();
  integrity = await (await fetch('/dist/integrity.json', {cache: 'no-store'})).json();
  readme = await text('/README.md');
  expect(second.origin, 'the second origin is running').to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(second.origin).not.to.equal(location.origin);
});
afterEach(removeDemos);

/** The HTML block after `<!-- snippet:NAME -->` in a Markdown text, if the marker is there. */
function markedBlock(markdown: string, name: string): string | undefined {
  const marker = `<!-- snippet:${name} -->`;
  const at = markdown.indexOf(marker);
  if (at < 0) return undefined;
  const block = /^\s*```html\n([\s\S]*?)\n```/.exec(markdown.slice(at + marker.length));
  if (!block) throw new Error(`${marker} is not followed by an html code block`);
  return block[1];
}

/** A README snippet by its marker. */
function readmeSnippet(name: string): string {
  const snippet = markedBlock(readme, name);
  if (snippet === undefined) throw new Error(`no <!-- snippet:${name} --> marker in README.md`);
  return snippet;
}

/** jsDelivr's origin swapped for the stand-in's; nothing else in the snippet changes. */
const viaTestCdn = (snippet: string) => snippet.replaceAll('https://cdn.jsdelivr.net/', `${second.origin}/`);

/** Loads a page with the snippet pasted in its body; `csp: 'cdn'` serves the README's strict policy plus the file origin. */
async function paste(snippet: string, {csp}: {csp?: 'cdn'} = {}): Promise<SnippetProbe> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const query = new URLSearchParams({snippet, ...(csp ? {csp} : {})});
  frame.src = `/test/runner/snippets/page.html?${query}`;
  document.body.append(frame);
  try {
    const started = Date.now();
    for (;;) {
      const probe = (frame.contentWindow as (Window & {__snippetProbe?: SnippetProbe}) | null)?.__snippetProbe;
      if (probe?.done) return probe;
      if (Date.now() - started > 25000) throw new Error(`the snippet page did not finish in 25 s:\n${snippet}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    frame.remove();
  }
}

/** The snippet worked: its script loaded, every element rendered and opens, nothing went wrong. */
function expectWorks(probe: SnippetProbe, snippet: string, widgets = 1) {
  const what = `\n${snippet}\n${JSON.stringify(probe, null, 1)}`;
  expect(probe.failure, `probe failure${what}`).to.be.undefined;
  expect(
    probe.scripts.map((s) => s.outcome),
    `the script loads${what}`
  ).to.deep.equal(probe.scripts.map(() => 'load'));
  expect(probe.widgets, what).to.equal(widgets);
  expect(probe.rendered, `every element rendered${what}`).to.equal(widgets);
  expect(probe.opens, `a title opens its section${what}`).to.be.true;
  expect(probe.fallbackVisible, `fallback hidden after upgrade${what}`).to.be.false;
  expect(probe.errors, `page errors${what}`).to.deep.equal([]);
  expect(probe.warnings, `console warnings${what}`).to.deep.equal([]);
  expect(probe.violations, `CSP violations${what}`).to.deep.equal([]);
}

/** The browser refused the script: the elements never start, and the fallback inside them shows. */
function expectBlocked(probe: SnippetProbe, snippet: string) {
  const what = `\n${snippet}\n${JSON.stringify(probe, null, 1)}`;
  expect(probe.failure, `probe failure${what}`).to.be.undefined;
  expect(
    probe.scripts.map((s) => s.outcome),
    `the script is refused${what}`
  ).to.deep.equal(['error']);
  expect(probe.defined, `no element defined${what}`).to.deep.equal([]);
  expect(probe.rendered, what).to.equal(0);
}

const FALLBACK = '<p><a href="https://dermnetnz.org/topics/milium">Read about milia on DermNet</a></p>';

describe('README snippets, pasted as written', function () {
  this.timeout(60000);

  it('every marked snippet comes from README.md, or from the proposal until README.md has its marker', () => {
    for (const name of ['quick-start', 'plain-html-cdn', 'plain-html-self-hosted', 'pinned', 'wordpress', 'squarespace', 'gtm']) {
      const snippet = readmeSnippet(name);
      expect(snippet, name).to.contain('<script');
      expect(snippet, `${name}: no placeholder integrity`).not.to.match(/VALUE|integrity="sha384-(?![A-Za-z0-9+/]{64}")/);
      // A floating address never carries a hash (it breaks at the next release).
      for (const script of new DOMParser().parseFromString(snippet, 'text/html').querySelectorAll('script[integrity]')) {
        expect(script.getAttribute('src'), `${name}: integrity only on an exact version`).to.match(/@\d+\.\d+\.\d+\//);
      }
    }
  });

  it('quick start (top of the README): module from jsDelivr @0', async () => {
    const snippet = readmeSnippet('quick-start');
    expectWorks(await paste(viaTestCdn(snippet)), snippet);
  });

  it('plain HTML from jsDelivr @0, with fallback link', async () => {
    const snippet = readmeSnippet('plain-html-cdn');
    expect(snippet).to.contain('https://cdn.jsdelivr.net/npm/milia-widgets@0/dist/milia-widgets.js');
    expectWorks(await paste(viaTestCdn(snippet)), snippet);
  });

  it('plain HTML from jsDelivr under the strict CSP, with the CDN origin added to script-src as the README says', async () => {
    const snippet = readmeSnippet('plain-html-cdn');
    expectWorks(await paste(viaTestCdn(snippet), {csp: 'cdn'}), snippet);
  });

  it("plain HTML, self-hosted in /js/ on the page's own site", async () => {
    const snippet = readmeSnippet('plain-html-self-hosted');
    expectWorks(await paste(snippet), snippet);
  });

  it('pinned to the version in package.json (the README names the current release)', async () => {
    const snippet = readmeSnippet('pinned');
    const pinned = /milia-widgets@([^/]+)\//.exec(snippet)?.[1];
    expect(pinned, `the README pins ${pinned}; this is ${second.version}: update the pinned snippet with the release`).to.equal(
      second.version
    );
    expectWorks(await paste(viaTestCdn(snippet)), snippet);
  });

  it('WordPress Custom HTML block: module in /wp-content/uploads/milia/, FAQ with structured data', async () => {
    const snippet = readmeSnippet('wordpress');
    const probe = await paste(snippet);
    expectWorks(probe, snippet);
    expect(probe.jsonLd, 'the structured-data file loaded from the same folder').to.equal(1);
  });

  it('Squarespace and Wix: classic script from jsDelivr @0', async () => {
    const snippet = readmeSnippet('squarespace');
    expectWorks(await paste(viaTestCdn(snippet)), snippet);
  });

  it("Google Tag Manager: the classic script, with the element in the page's HTML", async () => {
    const snippet = readmeSnippet('gtm');
    const page = `${snippet}\n<milia-info></milia-info>`;
    expectWorks(await paste(viaTestCdn(page)), page);
  });
});

describe('what the README says about CORS, SRI and pinning, checked in the browser', function () {
  this.timeout(60000);

  const selfHosted = (snippet: string, host: 'with-cors' | 'without-cors') =>
    snippet.replace('src="/js/', `src="${second.origin}/${host}/js/`);

  it('a module script from another domain that does not send Access-Control-Allow-Origin is blocked, and readers see the fallback', async () => {
    const snippet = selfHosted(readmeSnippet('plain-html-self-hosted'), 'without-cors');
    const probe = await paste(snippet);
    expectBlocked(probe, snippet);
    expect(probe.fallbackVisible, 'the link inside the element is what readers get').to.be.true;
  });

  it('the same module script works once that domain sends Access-Control-Allow-Origin', async () => {
    const snippet = selfHosted(readmeSnippet('plain-html-self-hosted'), 'with-cors');
    expectWorks(await paste(snippet), snippet);
  });

  it('the classic script needs no CORS header without integrity', async () => {
    const snippet = `<script defer src="${second.origin}/without-cors/js/milia-widgets.iife.js"></script>\n<milia-info>${FALLBACK}</milia-info>`;
    expectWorks(await paste(snippet), snippet);
  });

  it('with integrity, the classic script from another domain needs the CORS header too', async () => {
    const tag = (host: string) =>
      `<script defer src="${second.origin}/${host}/js/milia-widgets.iife.js" integrity="${integrity['milia-widgets.iife.js']}" crossorigin="anonymous"></script>\n<milia-info>${FALLBACK}</milia-info>`;
    const without = tag('without-cors');
    expectBlocked(await paste(without), without);
    const withCors = tag('with-cors');
    expectWorks(await paste(withCors), withCors);
  });

  for (const [file, tag] of [
    ['milia-widgets.js', (src: string, sri: string) => `<script type="module" src="${src}"${sri}></script>`],
    ['milia-widgets.iife.js', (src: string, sri: string) => `<script defer src="${src}"${sri}></script>`],
  ] as const) {
    it(`SRI on a pinned jsDelivr address, ${file}: the real hash from dist/integrity.json loads, a wrong one is refused`, async () => {
      const src = `https://cdn.jsdelivr.net/npm/milia-widgets@${second.version}/dist/${file}`;
      const good = tag(src, ` integrity="${integrity[file]}" crossorigin="anonymous"`);
      expectWorks(await paste(viaTestCdn(`${good}\n<milia-faq lang="es" structured-data></milia-faq>`)), good);
      // A well-formed hash of another file: what a stale or mistyped hash does.
      const other = file === 'milia-widgets.js' ? 'milia-widgets.iife.js' : 'milia-widgets.js';
      const bad = tag(src, ` integrity="${integrity[other]}" crossorigin="anonymous"`);
      const probe = await paste(viaTestCdn(`${bad}\n<milia-info>${FALLBACK}</milia-info>`));
      expectBlocked(probe, bad);
      expect(probe.fallbackVisible).to.be.true;
    });
  }

  it('strict CSP with the file origin added to script-src: module with SRI, Spanish FAQ, structured data (Trusted Types where the engine has them)', async () => {
    const src = `https://cdn.jsdelivr.net/npm/milia-widgets@${second.version}/dist/milia-widgets.js`;
    const snippet = `<script type="module" src="${src}" integrity="${integrity['milia-widgets.js']}" crossorigin="anonymous"></script>\n<milia-faq lang="es" structured-data></milia-faq>`;
    const probe = await paste(viaTestCdn(snippet), {csp: 'cdn'});
    expectWorks(probe, snippet);
    expect(probe.firstTitles[0], 'the language file came from the file origin').to.match(/^¿/);
    expect(probe.jsonLd, 'the structured-data writer too, and its policy was allowed').to.equal(1);
  });

  it('dist/integrity.json holds the SHA-384 of each file as served', async () => {
    expect(Object.keys(integrity)).to.include.members(['milia-widgets.js', 'milia-widgets.iife.js']);
    for (const [file, value] of Object.entries(integrity)) {
      const bytes = await (await fetch(`${second.origin}/npm/milia-widgets@${second.version}/dist/${file}`)).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
      expect(`sha384-${btoa(String.fromCharCode(...digest))}`, file).to.equal(value);
    }
  });

  it('a hash on a floating address (@0) breaks at the next release; without it the snippet keeps working', async () => {
    // What the configurator used to write: the current hash on @0 ...
    const hashed = `<script type="module" src="https://cdn.jsdelivr.net/npm/milia-widgets@0/dist/milia-widgets.js" integrity="${integrity['milia-widgets.js']}" crossorigin="anonymous"></script>\n<milia-info>${FALLBACK}</milia-info>`;
    const afterRelease = (snippet: string) => snippet.replaceAll('https://cdn.jsdelivr.net/', `${second.origin}/next-release/`);
    expectWorks(await paste(viaTestCdn(hashed)), hashed);
    // ... works until @0 moves on, then the widget is gone.
    const probe = await paste(afterRelease(hashed));
    expectBlocked(probe, hashed);
    expect(probe.fallbackVisible).to.be.true;
    // The README's snippet, with no hash, follows the release.
    const snippet = readmeSnippet('plain-html-cdn');
    expectWorks(await paste(afterRelease(snippet)), snippet);
  });

  it('an unpublished version is not on the CDN (the stand-in answers 404 as jsDelivr does)', async () => {
    const snippet = `<script type="module" src="${second.origin}/npm/milia-widgets@0.0.0-never/dist/milia-widgets.js"></script>\n<milia-info>${FALLBACK}</milia-info>`;
    expectBlocked(await paste(snippet), snippet);
  });
});

describe('configurator snippets, copied from its output box and pasted', function () {
  this.timeout(90000);

  it('the default: jsDelivr @0, module, no hash', async () => {
    const {html} = await loadDemo();
    expect(parseSnippet(html()).script.hasAttribute('integrity')).to.be.false;
    expectWorks(await paste(viaTestCdn(html())), html());
  });

  it('"jsDelivr, this version only", classic script: pinned with its hash', async () => {
    const {byId, html} = await loadDemo();
    byId('cfg-cdn-pinned').click();
    byId<HTMLInputElement>('cfg-build-classic').click();
    expect(parseSnippet(html()).script.getAttribute('integrity')).to.equal(integrity['milia-widgets.iife.js']);
    expectWorks(await paste(viaTestCdn(html())), html());
  });

  it('a folder on another domain with CORS: module with hash, Spanish FAQ with structured data', async () => {
    const {byId, html} = await loadDemo();
    set(byId<HTMLInputElement>('cfg-base'), `${second.origin}/with-cors/js/`);
    byId<HTMLInputElement>('cfg-element-faq').click();
    set(byId<HTMLSelectElement>('cfg-lang'), 'es');
    byId<HTMLInputElement>('cfg-structured-data').click();
    const snippet = html();
    expect(parseSnippet(snippet).script.getAttribute('integrity')).to.equal(integrity['milia-widgets.js']);
    expect(parseSnippet(snippet).element.localName).to.equal('milia-faq');
    const probe = await paste(snippet);
    expectWorks(probe, snippet);
    expect(probe.firstTitles[0], 'the Spanish file came from the same folder').to.match(/^¿/);
    expect(probe.jsonLd).to.equal(1);
  });

  it('a folder on another domain without CORS: the module is blocked, as the note beside the code says; the classic script without hash works', async () => {
    const {byId, html} = await loadDemo();
    set(byId<HTMLInputElement>('cfg-base'), `${second.origin}/without-cors/js/`);
    expect(byId('cfg-integrity-note').textContent).to.contain('Access-Control-Allow-Origin');
    expectBlocked(await paste(html()), html());

    byId<HTMLInputElement>('cfg-build-classic').click();
    byId<HTMLInputElement>('cfg-integrity').click();
    expect(byId('cfg-integrity-note').textContent, 'nothing to set up now').not.to.contain('Access-Control-Allow-Origin');
    expectWorks(await paste(html()), html());
  });

  it("a file address in the folder field, and a path on the page's own site", async () => {
    const {byId, html} = await loadDemo();
    set(byId<HTMLInputElement>('cfg-base'), `${second.origin}/with-cors/js/milia-widgets.iife.js`);
    expect(html()).not.to.contain('.js/');
    expectWorks(await paste(html()), html());

    set(byId<HTMLInputElement>('cfg-base'), '/js/');
    byId<HTMLInputElement>('cfg-build-classic').click();
    expect(parseSnippet(html()).script.getAttribute('integrity')).to.equal(integrity['milia-widgets.iife.js']);
    expectWorks(await paste(html()), html());
  });
});
