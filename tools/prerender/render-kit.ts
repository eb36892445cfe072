// Renders the elements' own Lit templates (src/internal/templates.ts) in Node into the
// "prerender kit": the pieces of a prerendered widget, as HTML strings, for every language,
// kind and item. Assembling a widget from the kit (bin/assemble.mjs, and the WordPress
// plugin's PHP twin) is then plain string work, with no Node and no Lit. See
// tools/prerender/build.mjs for how this file is run, and bin/assemble.mjs for the schema.
import {html, type TemplateResult} from 'lit';
import {render} from '@lit-labs/ssr';
import {collectResultSync} from '@lit-labs/ssr/lib/render-result.js';
import postcss from 'postcss';
import type {ContentItem, ContentKind, LocaleContent} from '../../src/internal/content-types.js';
import {accordionStyles} from '../../src/internal/accordion.styles.js';
import {renderBlocks} from '../../src/internal/rich-text.js';
import {
  HEADINGS,
  controlsTemplate,
  footerTemplate,
  icon,
  itemContent,
  rootTemplate,
  sectionTemplate,
  sourceTemplate,
  type Control,
} from '../../src/internal/templates.js';

/** Where a heading level goes in an item's HTML; the assembler replaces it. */
const LEVEL = '{level}';
const SPLIT = 'MILIA_PRERENDER_SPLIT';

/**
 * The controls of the prerendered HTML: inert spans that look exactly like the element's
 * buttons (the styles are by class), so nothing changes on screen when the element takes
 * over; nothing is focusable or announced as a control before a script can make it work.
 */
const inertToggle: Control = (id, open, title) =>
  html`<span class="toggle" part="button" id="button-${id}" data-expanded=${open}>
    <span class="title">${title}</span>${icon}
  </span>`;
const inertShowAll = (open: boolean, label: string) => html`<span class="show-all" data-expanded=${open}>${label}${icon}</span>`;

/** What the element's render() shows per kind (see AccordionConfig in accordion-element.ts). */
const KINDS: Record<
  ContentKind,
  {region: boolean; showAll: ['showAllSections' | 'showAllAnswers', 'hideAllSections' | 'hideAllAnswers']}
> = {
  info: {region: true, showAll: ['showAllSections', 'hideAllSections']},
  faq: {region: false, showAll: ['showAllAnswers', 'hideAllAnswers']},
};

/**
 * Lit's server output carries markers for hydration (`<!--lit-part …-->`, `<!--lit-node n-->`,
 * `<?lit$…$>`); the element takes the prerendered root over rather than hydrating it, so they
 * go. Template indentation (whitespace with a line break between tags) goes too, as the
 * bundle's minified templates have none, and CMS filters such as WordPress's wpautop turn
 * line breaks into markup. Content text never holds a line break (the compiler folds them).
 */
export const toHtml = (template: TemplateResult) =>
  // The templates belong in a shadow root (they hold <slot>s); Lit's server renderer tracks
  // slots per host element and refuses them without one, so say we are inside a host.
  collectResultSync(render(template, {customElementHostStack: [{} as never]}))
    .replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?lit\$\d+\$>/g, '')
    .replace(/>\s*\n\s*</g, '><')
    .replace(/\s*\n\s*/g, ' ');

const split = (markup: string) => {
  const [before, after] = markup.split(SPLIT);
  if (after === undefined) throw new Error(`prerender: split mark missing in ${markup.slice(0, 80)}`);
  return [before, after];
};

function itemPieces(item: ContentItem, kind: ContentKind, sourceIds: string[]) {
  const at = (open: boolean) =>
    toHtml(
      sectionTemplate(
        item.id,
        // The body in a <div>, as the element's copy of each body (see cloneBody in rich-text.ts).
        itemContent(item, open, KINDS[kind].region, HEADINGS[2], inertToggle, html`<div>${renderBlocks(item.body)}</div>`)
      )
    )
      .replace(/<h2 class="heading"/, `<h${LEVEL} class="heading"`)
      .replace('</h2>', `</h${LEVEL}>`);
  return {closed: at(false), open: at(true), sources: item.sources.map((index) => sourceIds[index])};
}

function kindPieces(locale: LocaleContent, kind: ContentKind, sourceIds: string[]) {
  const items = locale[kind];
  const [start, rootEnd] = split(toHtml(rootTemplate(locale, SPLIT)));
  const [footerStart, footerEnd] = split(toHtml(footerTemplate(locale, [])).replace('<ul></ul>', `<ul>${SPLIT}</ul>`));
  const labels = KINDS[kind].showAll;
  return {
    ids: items.map((item) => item.id),
    start,
    controls: {
      closed: toHtml(controlsTemplate(inertShowAll(false, locale.strings[labels[0]]))),
      open: toHtml(controlsTemplate(inertShowAll(true, locale.strings[labels[1]]))),
    },
    items: Object.fromEntries(items.map((item) => [item.id, itemPieces(item, kind, sourceIds)])),
    footer: {
      start: footerStart,
      sources: Object.fromEntries(locale.sources.map((source, index) => [sourceIds[index], toHtml(sourceTemplate(source))])),
      end: footerEnd + rootEnd,
    },
  };
}

/**
 * @param locales the content as it ships (tools/content/rollup-plugin.mjs `shippedLocale`)
 * @param sourceIds the source ids in the order of each locale's `sources` list
 */
export function renderKit(locales: LocaleContent[], sourceIds: string[], version: string, css: string) {
  return {
    version,
    stylesheet: 'milia-widgets.css',
    css,
    elements: {
      'milia-info': {kind: 'info', list: 'sections'},
      'milia-faq': {kind: 'faq', list: 'questions'},
    },
    languages: locales.map((locale) => locale.lang),
    content: Object.fromEntries(
      locales.map((locale) => [
        locale.lang,
        {info: kindPieces(locale, 'info', sourceIds), faq: kindPieces(locale, 'faq', sourceIds)},
      ])
    ),
  };
}

/**
 * The stylesheet the prerendered HTML links: the element's own styles (so the inert HTML
 * looks exactly like the live element), plus what only the inert HTML needs. A linked file
 * because a strict CSP (`style-src 'self'`) blocks `<style>` in the page's HTML.
 *
 * Sites also link it in their `<head>`: Firefox and WebKit paint a shadow root before a
 * stylesheet linked inside it has loaded, while one in the head holds the first paint, and
 * the shadow root's link then comes from the cache. So every rule is scoped to our shadow
 * root (`:host .toggle`): in a document stylesheet `:host` matches nothing, and the file
 * restyles nothing of the site's own, whatever class names the site uses.
 */
export function stylesheet(prerenderedOnly: string): string {
  const root = postcss.parse(`${accordionStyles.cssText}\n${prerenderedOnly}`);
  root.walkComments((comment) => comment.remove());
  root.walkRules((rule) => {
    rule.selectors = rule.selectors.map((selector) => (selector.startsWith(':host') ? selector : `:host ${selector}`));
  });
  // One line (the bundle's copy is minified too; the CLI may inline this into one-line HTML);
  // no string in our CSS spans lines, so joining lines keeps them intact.
  return root
    .toString()
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}
