// The pages the render benchmark loads, generated from the compiled content so that the
// native <details> pages carry exactly the text <milia-info> renders, in the same structure
// (bench/run.mjs checks it in the browser before measuring).
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {buildSync} from 'esbuild';
import {compileContent} from '../tools/content/compile.mjs';
import {assemble} from '../bin/assemble.mjs';

export const PAGES_DIR = 'bench/pages';

const escapeText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => escapeText(s).replace(/"/g, '&quot;');

function inline(node) {
  if (typeof node === 'string') return escapeText(node);
  if ('em' in node) return `<em>${node.em.map(inline).join('')}</em>`;
  if ('strong' in node) return `<strong>${node.strong.map(inline).join('')}</strong>`;
  return `<a href="${escapeAttr(node.href)}">${node.a.map(inline).join('')}</a>`;
}

function block(b) {
  if ('p' in b) return `<p>${b.p.map(inline).join('')}</p>`;
  const tag = 'ul' in b ? 'ul' : 'ol';
  return `<${tag}>${b[tag].map((item) => `<li>${item.map(inline).join('')}</li>`).join('')}</${tag}>`;
}

const formatDay = (iso, lang) =>
  new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'}).format(new Date(`${iso}T00:00:00Z`));

/**
 * One static equivalent of a default `<milia-info>`: the show-all button, one
 * `<details><summary><h2>` per section with its paragraphs and lists, and the footer
 * (review dates, sources list, disclaimer) as plain HTML.
 */
function nativeBlock(locale, sources) {
  const {strings, info} = locale;
  const cited = new Set(info.flatMap((item) => item.sources));
  const footerSources = Object.entries(sources).filter(([id]) => cited.has(id));
  return [
    `<div class="milia-native" lang="${locale.lang}" dir="${locale.dir}">`,
    `<div><button type="button">${escapeText(strings.showAllSections)}</button></div>`,
    ...info.map(
      (item) =>
        `<details id="section-${item.id}"><summary><h2>${escapeText(item.title)}</h2></summary>${item.body.map(block).join('')}</details>`
    ),
    '<div class="footer">',
    `<p>${escapeText(strings.reviewedOn.replace('{date}', formatDay(locale.reviewed, locale.lang)))} ` +
      `${escapeText(strings.nextReviewDue.replace('{date}', formatDay(locale.nextReview, locale.lang)))}</p>`,
    `<p><strong>${escapeText(strings.sourcesLabel)}</strong></p>`,
    `<ul>${footerSources.map(([, s]) => `<li><a href="${escapeAttr(s.url)}">${escapeText(s.title)}</a></li>`).join('')}</ul>`,
    `<p>${escapeText(strings.disclaimer)}</p>`,
    '</div></div>',
  ].join('\n');
}

/** Our module's text, safe inside a block comment: the floors' stand-ins carry its bytes. */
const bundleForComment = () => readFileSync('dist/milia-widgets.js', 'utf8').replaceAll('*/', '* /');

/**
 * The stand-in for the script-only floor: dist/milia-widgets.js as a comment (the same bytes
 * to download; gzip sees the same text) and one statement that swaps the page's
 * `<milia-info>` for the native block. It draws the same text with as little script work as
 * there can be. (A bench page, never shipped: the HTML is our own, built above.)
 */
function scriptFloor(nativeHtml) {
  return `/*${bundleForComment()}*/
const element = document.querySelector('milia-info');
element.insertAdjacentHTML('afterend', ${JSON.stringify(nativeHtml)});
element.remove();
`;
}

/**
 * The stand-in for the Lit floor: the least a Lit element can do to draw the same text, with
 * the same bytes on the wire as our module. One element, `milia-info`, whose render returns
 * the native block as one static Lit template (no styles, no state, no behaviour, no content
 * module), bundled with Lit's production build, then padded with the start of our module's
 * text in a comment until its gzip size is our module's. What it costs over the stand-in
 * script is what Lit itself costs (evaluating Lit, defining the element, preparing and
 * cloning one template); no Lit element of our size can paint sooner.
 */
function litFloor(nativeHtml) {
  const template = nativeHtml.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const {outputFiles} = buildSync({
    stdin: {
      contents: `import {LitElement, html} from 'lit';
customElements.define('milia-info', class extends LitElement { render() { return html\`${template}\`; } });
`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
  });
  const code = outputFiles[0].text;
  const target = gzipSync(readFileSync('dist/milia-widgets.js'), {level: 9}).length;
  const padding = bundleForComment();
  const padded = (chars) => `/*${padding.slice(0, chars)}*/\n${code}`;
  const size = (chars) => gzipSync(padded(chars), {level: 9}).length;
  if (size(0) > target) throw new Error(`the Lit floor's code alone (${size(0)} B gzip) is larger than our module (${target} B)`);
  // The longest padding that keeps the file at or under our module's gzip size.
  let [low, high] = [0, padding.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (size(mid) <= target) low = mid;
    else high = mid - 1;
  }
  return padded(low);
}

/** The prerendered snippet the build writes (design.md, "Prerendered HTML"). */
export const PRERENDERED_SNIPPET = 'dist/html/milia-info.en.html';
// The snippet links its stylesheet relative to itself, as it sits beside the scripts in dist/.
// The bench pages live in bench/pages/, so the page carries the href a site that hosts the
// files in /dist/ would write (what `render --css-href` does).
const SNIPPET_CSS_HREF = 'href="milia-widgets.css"';
const PAGE_CSS_HREF = 'href="/dist/milia-widgets.css"';

// `prerendered-inline`: the same snippet as `render --inline-css` prints it (the styles in the
// HTML, for sites without a strict CSP): no stylesheet request before the text can paint.
export const SIDES = ['native', 'script', 'prerendered', 'prerendered-inline'];
// The floors, at N = 1 only. `html-linked`, `html-inline`: the two prerendered snippets with no
// script tag on the page; what they cost over native is what the HTML and its styles cost (a
// stylesheet request, when linked), which no script can take back. `script-floor`: the
// script-only page with a stand-in script of the same bytes on the wire (our module's text in
// a comment) that only inserts the native block; no script of that size can paint sooner.
// `lit-floor`: the script-only page with the least Lit element of the same size (see litFloor);
// no Lit element of that size can paint sooner. `inline-empty-script`: the inline snippet with
// a script tag whose module is empty: what fetching any module costs the page (the upgrade
// needs the script tag).
export const FLOOR_SIDES = ['native', 'html-linked', 'html-inline', 'inline-empty-script', 'script-floor', 'lit-floor'];
/** Sides where no element upgrades: nothing to wait for but the text and the load event. */
export const NEVER_UPGRADED = new Set(['native', 'html-linked', 'html-inline', 'inline-empty-script', 'script-floor']);
const SCRIPT_TAG = '<script type="module" src="/dist/milia-widgets.js"></script>';

// No favicon request on any page: every byte on the wire belongs to what is compared.
const page = (title, head, body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;

/**
 * Writes, for each N, the pages the render benchmark loads (no measuring code in them: the
 * probe is injected the same way into every page, see bench/probe.mjs):
 * - `native-<n>.html`: N static blocks of the same text in `<details>` (see nativeBlock);
 * - `script-<n>.html`: the script tag and N empty `<milia-info></milia-info>`;
 * - `prerendered-<n>.html`: the script tag and N copies of dist/html/milia-info.en.html;
 * - `prerendered-inline-<n>.html`: the script tag and N copies of the same widget with its
 *   styles inline (`milia-widgets render milia-info --inline-css`).
 * When N = 1 is among the counts, also the floor pages (FLOOR_SIDES): `html-linked-1.html`
 * and `html-inline-1.html`, the two prerendered snippets with no script tag, and
 * `inline-empty-script-1.html`, the inline snippet with an empty module in the script tag,
 * `script-floor-1.html`, the script-only page with a stand-in script (see scriptFloor), and
 * `lit-floor-1.html`, the same page with the least Lit element of our size (see litFloor).
 * Returns their paths (relative to the repo root, which the server serves), which sides
 * exist, and the first item's title (what "the widget's text painted" looks for).
 */
export function writePages(counts) {
  const {locales, sources} = compileContent('content');
  const en = locales.en;
  mkdirSync(PAGES_DIR, {recursive: true});
  const native = nativeBlock(en, sources);
  if (!existsSync(PRERENDERED_SNIPPET)) throw new Error(`${PRERENDERED_SNIPPET} is missing: did \`npm run build\` run?`);
  const snippet = readFileSync(PRERENDERED_SNIPPET, 'utf8').trim();
  if (snippet.split(SNIPPET_CSS_HREF).length !== 2)
    throw new Error(
      `${PRERENDERED_SNIPPET} should link its stylesheet once as ${SNIPPET_CSS_HREF}; the bench rewrites that href`
    );
  const kit = JSON.parse(readFileSync('dist/prerender-kit.json', 'utf8'));
  const inlineSnippet = assemble(kit, 'milia-info', {lang: 'en'}, {inlineCss: true});
  const sides = SIDES;
  const pages = {};
  for (const n of counts) {
    const repeat = (block) => Array.from({length: n}, () => block).join('\n');
    const bodies = {
      native: page(`bench: ${n} native details`, '', repeat(native)),
      script: page(`bench: ${n} milia-info, script only`, SCRIPT_TAG, repeat('<milia-info></milia-info>')),
      prerendered: page(
        `bench: ${n} milia-info, prerendered`,
        SCRIPT_TAG,
        repeat(snippet.replace(SNIPPET_CSS_HREF, PAGE_CSS_HREF))
      ),
      'prerendered-inline': page(`bench: ${n} milia-info, prerendered, styles inline`, SCRIPT_TAG, repeat(inlineSnippet)),
    };
    pages[n] = {};
    for (const side of sides) {
      writeFileSync(join(PAGES_DIR, `${side}-${n}.html`), bodies[side]);
      pages[n][side] = `/${PAGES_DIR}/${side}-${n}.html`;
    }
  }
  const floorPages = {native: pages[1]?.native};
  if (floorPages.native) {
    const floors = {
      'html-linked': page('bench: 1 milia-info, prerendered, no script', '', snippet.replace(SNIPPET_CSS_HREF, PAGE_CSS_HREF)),
      'html-inline': page('bench: 1 milia-info, prerendered, styles inline, no script', '', inlineSnippet),
    };
    // The script floors: a page of ours with its script swapped for a stand-in.
    const standIns = {
      'inline-empty-script': ['bench: 1 milia-info, prerendered, styles inline, empty script', '', inlineSnippet],
      'script-floor': ['bench: 1 stand-in script', scriptFloor(native), '<milia-info></milia-info>'],
      'lit-floor': ['bench: 1 least Lit element', litFloor(native), '<milia-info></milia-info>'],
    };
    for (const [side, [title, script, body]] of Object.entries(standIns)) {
      writeFileSync(join(PAGES_DIR, `${side}.js`), script);
      floors[side] = page(title, SCRIPT_TAG.replace('/dist/milia-widgets.js', `/${PAGES_DIR}/${side}.js`), body);
    }
    for (const [side, body] of Object.entries(floors)) {
      writeFileSync(join(PAGES_DIR, `${side}-1.html`), body);
      floorPages[side] = `/${PAGES_DIR}/${side}-1.html`;
    }
  }
  return {
    pages,
    floorPages: floorPages.native ? floorPages : null,
    sides,
    firstTitle: en.info[0].title,
    sectionsPerBlock: en.info.length,
    nativeBlockBytes: Buffer.byteLength(native),
  };
}
