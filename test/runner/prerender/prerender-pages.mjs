/**
 * Host pages for the prerendered-HTML tests (test/browser/prerender/): a page with one
 * prerendered snippet pasted in its body, served with real headers, and the built files
 * beside it, so the snippet goes in byte for byte: its `<link href="milia-widgets.css">` and
 * `<script type="module" src="milia-widgets.js">` resolve to the page's own folder, as the
 * docs say to host them ("beside the script files").
 *
 *   /test/runner/prerender/k/<key>/page.html?<query>      the page (key: unique per load)
 *   /test/runner/prerender/k/<key>/milia-widgets*.{js,css} dist/ files, same origin
 *   /test/runner/prerender/k/<key>/snippet.html?<query>   the snippet alone (snippet= or cli=)
 *
 * Query:
 *   snippet=milia-info.en      dist/html/milia-info.en.html as the build wrote it, or
 *   cli=["milia-faq","--questions","pop"]   what `milia-widgets render <args>` prints
 *   script=module|classic|classic-footer|none   the usual script tag in <head> (default
 *                              module); classic-footer: the classic script at the end of <body>
 *   hold=milia-widgets.js,...  files held back until the test releases them (server command
 *                              `prerender-release`): the prerendered state stays on screen
 *   csp=1                      the strict Content-Security-Policy (test/runner/csp.mjs)
 *   wrap=p                     the snippet inside <p>…</p>, as WordPress's classic editor puts it
 *   insert=1                   no snippet in the HTML: the test inserts it with script
 *   lang=es                    <html lang>
 *   spacer=1                   tall blocks above and below the widget (deep links scroll to it)
 *   headcss=1                  milia-widgets.css linked in <head> too (render-blocking there)
 *   hostbits=1                 some content of the site's own after the widget (headings, a
 *                              list, a link, a button, class names sites use: .section, .footer…)
 *
 * Every page loads /test/runner/prerender/early.js first: CSP violations, errors, layout
 * shifts and, on every animation frame, what each widget's shadow root holds.
 *
 * Server commands (plugin below): `prerender-release` {key, file}, `prerender-requests` {key},
 * `prerender-shot` {name, clip} and `prerender-compare` {a, b, name, tolerance} (screenshots
 * of a region of the test page, compared pixel by pixel), `prerender-no-js` {url, width, height} (a new
 * tab with JavaScript disabled through the DevTools protocol: Chromium, and Firefox when its
 * WebDriver BiDi has the command), `prerender-text-fragment` {url, key, text, panel} (a tab
 * that opens the page at `#:~:text=<text>`, then releases its held script).
 */
import {execFile} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {promisify} from 'node:util';
import {PNG} from 'pngjs';
import {STRICT_CSP} from '../csp.mjs';

const ROOT = new URL('../../../', import.meta.url);
const DIST = new URL('dist/', ROOT);
const CLI = new URL('bin/milia-widgets.mjs', ROOT);
const PREFIX = '/test/runner/prerender/k/';
/** The only dist/ files served beside the pages: the bundles, their chunks, the stylesheet. */
const DIST_FILE = /^milia-widgets[\w.-]*\.(js|css)$/;
const SNIPPET_FILE = /^milia-(info|faq)\.[a-z]{2}$/;

/** key -> {holds: Map<file, {release, released}>, requests: string[]} */
const pages = new Map();

function pageState(key) {
  if (!pages.has(key)) pages.set(key, {holds: new Map(), requests: []});
  return pages.get(key);
}

function hold(state, file) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  state.holds.set(file, {release, released, waiting: false});
}

/** The snippet the query names: a dist/html file verbatim, or the CLI's output. */
async function snippetOf(query) {
  if (query.snippet) {
    if (!SNIPPET_FILE.test(query.snippet)) throw new Error(`snippet=${query.snippet}: not a dist/html file name`);
    return (await readFile(new URL(`html/${query.snippet}.html`, DIST), 'utf8')).replace(/\n$/, '');
  }
  if (query.cli) {
    const args = JSON.parse(query.cli);
    const {stdout} = await promisify(execFile)(process.execPath, [CLI.pathname, 'render', ...args]);
    return stdout.replace(/\n$/, '');
  }
  throw new Error('page.html needs snippet= or cli=');
}

const SCRIPTS = {
  module: '<script type="module" src="milia-widgets.js"></script>',
  classic: '<script src="milia-widgets.iife.js"></script>',
  // The classic script where themes put scripts: at the end of <body>, after the snippet.
  'classic-footer': '',
  none: '',
};

/** The host site's own content, with class names that sites commonly use too. */
const HOST_BITS = `<div class="root section" id="host-bits">
        <h2 class="heading title">A heading of the site's own</h2>
        <ul class="controls"><li class="toggle"><a href="#top" id="host-link">A link of the site's own</a></li></ul>
        <p class="panel footer">A paragraph of the site's own <span class="icon">with a span</span>.</p>
        <button type="button" id="host-button">A button of the site's own</button>
      </div>`;

function pageHtml(snippet, query) {
  const script = SCRIPTS[query.script ?? 'module'];
  if (script === undefined) throw new Error(`script=${query.script}: valid: ${Object.keys(SCRIPTS).join(', ')}`);
  const pasted = query.insert ? '<div id="insert-here"></div>' : query.wrap === 'p' ? `<p>${snippet}</p>` : snippet;
  return `<!doctype html>
<html lang="${query.lang ?? 'en'}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>A page with a prerendered widget</title>
    <link rel="stylesheet" href="/test/runner/prerender/page.css" />
    ${query.headcss ? '<link rel="stylesheet" href="milia-widgets.css" />' : ''}
    <script src="/test/runner/prerender/early.js"></script>
    ${script}
  </head>
  <body>
    <main>
      <h1>Skin care</h1>
      ${query.spacer ? '<div class="spacer">Text above the widget.</div>' : '<p>Text above the widget.</p>'}
${pasted}
      <p id="after">Text after the widget.</p>
      ${query.hostbits ? HOST_BITS : ''}
      ${query.spacer ? '<div class="spacer">Text below.</div>' : ''}
    </main>
    ${query.script === 'classic-footer' ? '<script src="milia-widgets.iife.js"></script>' : ''}
  </body>
</html>
`;
}

/** Dev-server middleware: the pages and the files beside them (see the top of this file). */
export async function prerenderPagesMiddleware(context, next) {
  if (!context.path.startsWith(PREFIX)) return next();
  const match = /^([\w-]+)\/([\w.-]+)$/.exec(context.path.slice(PREFIX.length));
  if (!match) return next();
  const [, key, name] = match;
  const state = pageState(key);
  context.set('Cache-Control', 'no-store');
  if (name === 'page.html') {
    for (const file of (context.query.hold ?? '').split(',').filter(Boolean)) hold(state, file);
    const snippet = await snippetOf(context.query);
    context.type = 'html';
    context.body = pageHtml(snippet, context.query);
    if (context.query.csp) context.set('Content-Security-Policy', STRICT_CSP);
    return;
  }
  if (name === 'snippet.html') {
    // The snippet alone, for a test that inserts it with script.
    context.type = 'text/plain; charset=utf-8';
    context.body = await snippetOf(context.query);
    return;
  }
  if (!DIST_FILE.test(name)) return next();
  state.requests.push(name);
  const held = state.holds.get(name);
  if (held) {
    held.waiting = true;
    await held.released;
  }
  context.type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
  context.body = await readFile(new URL(name, DIST));
}

/** Screenshots kept by name for `prerender-compare`. */
const shots = new Map();

async function screenshot(session, {x, y, width, height}) {
  if (session.browser.type === 'puppeteer') {
    const page = session.browser.getPage(session.id);
    return Buffer.from(await page.screenshot({clip: {x, y, width, height}, type: 'png', captureBeyondViewport: false}));
  }
  if (session.browser.type === 'webdriver') {
    // A viewport shot, cropped (WebKitGTK's element shots come back black under Xvfb).
    const driver = session.browser.driver;
    const dpr = await driver.execute('return window.devicePixelRatio || 1');
    const full = PNG.sync.read(Buffer.from(await driver.takeScreenshot(), 'base64'));
    const [cx, cy] = [Math.round(x * dpr), Math.round(y * dpr)];
    const [w, h] = [Math.min(full.width - cx, Math.round(width * dpr)), Math.min(full.height - cy, Math.round(height * dpr))];
    const out = new PNG({width: w, height: h});
    PNG.bitblt(full, out, cx, cy, w, h, 0, 0);
    return PNG.sync.write(out);
  }
  throw new Error(`prerender-shot: no screenshots for browser type ${session.browser.type}`);
}

/**
 * Compares two shots pixel by pixel. `differing` counts pixels where a channel differs by
 * more than `tolerance` levels (0: any difference); `anyDiffering` and `maxDelta` say what
 * the tolerance let through. When something differs, the shots and a diff image (differing
 * pixels red) go to test/visual/failed/<engine>/ (git-ignored) for a person to look at.
 */
function compare(a, b, name, engine, tolerance = 0) {
  const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (pa.width !== pb.width || pa.height !== pb.height) {
    return {sameSize: false, sizes: [`${pa.width}x${pa.height}`, `${pb.width}x${pb.height}`]};
  }
  const diff = new PNG({width: pa.width, height: pa.height});
  let differing = 0;
  let anyDiffering = 0;
  let maxDelta = 0;
  let box = null;
  for (let i = 0; i < pa.data.length; i += 4) {
    const delta = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(pa.data[i + c] - pb.data[i + c])));
    const same = delta <= tolerance;
    diff.data[i] = same ? pa.data[i] / 4 : 255;
    diff.data[i + 1] = same ? pa.data[i + 1] / 4 : 0;
    diff.data[i + 2] = same ? pa.data[i + 2] / 4 : 0;
    diff.data[i + 3] = 255;
    if (delta) anyDiffering++;
    maxDelta = Math.max(maxDelta, delta);
    if (same) continue;
    differing++;
    const [px, py] = [(i / 4) % pa.width, Math.floor(i / 4 / pa.width)];
    box = box
      ? {
          left: Math.min(box.left, px),
          top: Math.min(box.top, py),
          right: Math.max(box.right, px),
          bottom: Math.max(box.bottom, py),
        }
      : {left: px, top: py, right: px, bottom: py};
  }
  let files;
  if (anyDiffering) {
    const folder = new URL(`test/visual/failed/${engine}/`, ROOT);
    mkdirSync(folder, {recursive: true});
    files = ['before', 'after', 'diff'].map((what) => `test/visual/failed/${engine}/${name}-${what}.png`);
    [a, b, PNG.sync.write(diff)].forEach((data, i) => writeFileSync(new URL(files[i], ROOT), data));
  }
  return {sameSize: true, width: pa.width, height: pa.height, differing, anyDiffering, maxDelta, tolerance, box, files};
}

/** Runs in a tab with JavaScript off (the DevTools protocol evaluates there all the same). */
function measureWithoutScript() {
  const widget = document.querySelector('milia-info, milia-faq');
  const root = widget?.shadowRoot;
  if (!root) return {shadowRoot: false, defined: widget?.matches(':defined') ?? null};
  const visible = (el) => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility === 'visible';
  return {
    shadowRoot: true,
    defined: widget.matches(':defined'),
    scriptingNone: matchMedia('(scripting: none)').matches,
    panels: [...root.querySelectorAll('.panel')].map((panel) => ({
      id: panel.id,
      height: panel.getBoundingClientRect().height,
      text: panel.textContent.trim().slice(0, 40),
    })),
    showAllVisible: [...root.querySelectorAll('.controls, .show-all')].some(visible),
    iconsVisible: [...root.querySelectorAll('.icon')].filter(visible).length,
    focusable: [...root.querySelectorAll('button, [tabindex], input, select, textarea')].map((el) => el.outerHTML.slice(0, 60)),
    footer: visible(root.querySelector('.footer')) ? root.querySelector('.footer').textContent.trim() : null,
    cursor: [...new Set([...root.querySelectorAll('.toggle')].map((el) => getComputedStyle(el).cursor))],
  };
}

/** Web Test Runner plugin: the server commands named at the top of this file. */
export function prerenderCommandsPlugin() {
  return {
    name: 'prerender-commands',
    async executeCommand({command, payload, session}) {
      const engine = /chrom/i.test(session.browser.name)
        ? 'chromium'
        : /firefox/i.test(session.browser.name)
          ? 'firefox'
          : 'webkit';
      switch (command) {
        case 'prerender-release': {
          const held = pageState(payload.key).holds.get(payload.file);
          if (!held) throw new Error(`prerender-release: ${payload.file} is not held for page ${payload.key}`);
          const waiting = held.waiting;
          held.release();
          return {waiting};
        }
        case 'prerender-requests':
          return [...pageState(payload.key).requests];
        case 'prerender-shot':
          shots.set(`${session.id}:${payload.name}`, await screenshot(session, payload.clip));
          return true;
        case 'prerender-compare': {
          const [a, b] = [payload.a, payload.b].map((name) => shots.get(`${session.id}:${name}`));
          if (!a || !b) throw new Error(`prerender-compare: no shot named ${!a ? payload.a : payload.b}`);
          return compare(a, b, payload.name ?? `prerender-${payload.a}-${payload.b}`, engine, payload.tolerance);
        }
        case 'prerender-no-js': {
          if (session.browser.type !== 'puppeteer') return {supported: false, why: 'no DevTools protocol in this engine'};
          const tab = await session.browser.getPage(session.id).browser().newPage();
          try {
            try {
              await tab.setJavaScriptEnabled(false);
            } catch (error) {
              return {supported: false, why: `setJavaScriptEnabled(false): ${error.message}`};
            }
            await tab.setViewport({width: payload.width ?? 1000, height: payload.height ?? 700});
            await tab.goto(new URL(payload.url, session.browser.getPage(session.id).url()).href, {waitUntil: 'load'});
            return {supported: true, ...(await tab.evaluate(measureWithoutScript))};
          } finally {
            await tab.close();
          }
        }
        case 'prerender-text-fragment': {
          // A text fragment (#:~:text=) is the browser's own find: it reveals hidden="until-found"
          // content as find-in-page does. Chromium does not follow one in an iframe, so: a tab.
          if (session.browser.type !== 'puppeteer') return {supported: false, why: 'no DevTools protocol in this engine'};
          const tab = await session.browser.getPage(session.id).browser().newPage();
          try {
            await tab.setViewport({width: 960, height: 900});
            const url = new URL(payload.url, session.browser.getPage(session.id).url());
            url.hash = `:~:text=${encodeURIComponent(payload.text)}`;
            // Not awaited: the page's load waits for its held script.
            const navigation = tab.goto(url.href, {waitUntil: 'load', timeout: 20000}).catch((error) => error);
            const state = () =>
              tab.evaluate((id) => {
                const widget = document.querySelector('milia-info, milia-faq');
                const panel = widget?.shadowRoot?.getElementById(`panel-${id}`);
                if (!panel || !document.getElementById('after')) return null;
                return {
                  defined: widget.matches(':defined'),
                  hidden: panel.getAttribute('hidden'),
                  height: panel.getBoundingClientRect().height,
                  controls: widget.shadowRoot.querySelector('.toggle').localName,
                  toggles: window.__prerender?.toggles ?? [],
                };
              }, payload.panel);
            const poll = async (done, what) => {
              for (let started = Date.now(); Date.now() - started < 10000; await new Promise((r) => setTimeout(r, 50))) {
                const now = await state().catch(() => null);
                if (now && done(now)) return now;
              }
              return {timedOut: what, last: await state().catch((error) => String(error))};
            };
            await poll(() => true, 'the prerendered panel');
            // The browser searches for the text once the page has laid out; give it time.
            await new Promise((resolve) => setTimeout(resolve, payload.wait ?? 1500));
            const before = await state();
            const held = pageState(payload.key).holds.get('milia-widgets.js');
            held?.release();
            const after = held ? await poll((now) => now.controls === 'button', 'the upgrade') : null;
            await navigation;
            return {supported: true, before, after};
          } finally {
            await tab.close();
          }
        }
        default:
          return undefined;
      }
    },
  };
}
