// The pages the render benchmark loads, generated from the compiled content so that the
// native <details> pages carry exactly the text <milia-info> renders, in the same structure.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {compileContent} from '../tools/content/compile.mjs';

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

const page = (title, head, body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;

// performance.now() is relative to timeOrigin, i.e. navigation start. `__frame` (secondary):
// when the task after the next animation frame runs, i.e. once that frame was painted.
const NEXT_FRAME = `requestAnimationFrame(() => setTimeout(() => (window.__frame = performance.now())));`;
const OURS_DONE = `<script type="module">
await customElements.whenDefined('milia-info');
window.__defined = performance.now();
const els = [...document.querySelectorAll('milia-info')];
await Promise.all(els.map((el) => el.updateComplete));
if (els.some((el) => !el.shadowRoot || !el.shadowRoot.querySelector('.footer'))) throw new Error('an element did not render');
document.body.offsetHeight;
performance.mark('bench-done');
window.__done = performance.now();
${NEXT_FRAME}
</script>`;

const NATIVE_DONE = `<script>
document.body.offsetHeight;
performance.mark('bench-done');
window.__done = performance.now();
${NEXT_FRAME}
</script>`;

/**
 * Writes `ours-<n>.html` and `native-<n>.html` for each N; returns their paths (relative
 * to the repo root, which the dev server serves) and what they hold.
 */
export function writePages(counts) {
  const {locales, sources} = compileContent('content');
  const en = locales.en;
  mkdirSync(PAGES_DIR, {recursive: true});
  const native = nativeBlock(en, sources);
  const pages = {};
  for (const n of counts) {
    const ours = page(
      `bench: ${n} milia-info`,
      '<script type="module" src="/dist/milia-widgets.js"></script>',
      `${Array.from({length: n}, () => '<milia-info></milia-info>').join('\n')}\n${OURS_DONE}`
    );
    const nat = page(`bench: ${n} native details`, '', `${Array.from({length: n}, () => native).join('\n')}\n${NATIVE_DONE}`);
    writeFileSync(join(PAGES_DIR, `ours-${n}.html`), ours);
    writeFileSync(join(PAGES_DIR, `native-${n}.html`), nat);
    pages[n] = {ours: `/${PAGES_DIR}/ours-${n}.html`, native: `/${PAGES_DIR}/native-${n}.html`};
  }
  return {pages, sectionsPerBlock: en.info.length, nativeBlockBytes: Buffer.byteLength(native)};
}
