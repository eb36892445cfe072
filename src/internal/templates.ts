import {html, nothing, type TemplateResult} from 'lit';
import type {ContentItem, LocaleContent, Source} from './content-types.js';

/**
 * The markup of an accordion, as Lit templates that take plain values. The elements render
 * them in the browser; the build renders the same templates in Node for the prerendered HTML
 * (tools/prerender/), so both carry the same structure, ids, parts and text by construction.
 * Only the controls differ: the element puts a `<button>` where the prerendered HTML puts an
 * inert `<span>` (see `Control`).
 */

/** A chevron drawn with borders in CSS: it follows currentColor and forced colours. */
export const icon = html`<span class="icon" part="icon"></span>`;

/** One template per heading level: Lit cannot bind a tag name. */
export type Heading = (content: TemplateResult) => TemplateResult;
export const HEADINGS: Record<number, Heading> = {
  2: (content) => html`<h2 class="heading" part="heading">${content}</h2>`,
  3: (content) => html`<h3 class="heading" part="heading">${content}</h3>`,
  4: (content) => html`<h4 class="heading" part="heading">${content}</h4>`,
  5: (content) => html`<h5 class="heading" part="heading">${content}</h5>`,
  6: (content) => html`<h6 class="heading" part="heading">${content}</h6>`,
};
export const DEFAULT_HEADING_LEVEL = 2;

/** Renders an item's toggle (title + icon) or the show-all control, open or not. */
export type Control = (id: string | null, open: boolean, label: string) => TemplateResult;

/** The wrapper of everything in the shadow root: carries the content's own language. */
export const rootTemplate = (locale: LocaleContent, content: unknown) =>
  html`<div class="root" lang=${locale.lang} dir=${locale.dir}><slot name="header"></slot>${content}</div>`;

export const controlsTemplate = (control: TemplateResult) => html`<div class="controls" part="controls">${control}</div>`;

/**
 * One item's box. The element renders it empty once per item and fills it with
 * `itemContent` on every update, so an item keeps its elements when the items are reordered.
 */
export const sectionTemplate = (id: string, content: unknown) =>
  html`<div class="section" part="section" id="section-${id}">${content}</div>`;

/**
 * One item's heading, control and panel. `region` makes the open panel a labelled landmark
 * (`<milia-info>` only): a collapsed `hidden="until-found"` panel stays in the platform
 * accessibility tree, where screen readers would list it as an empty region.
 */
export function itemContent(
  item: ContentItem,
  open: boolean,
  region: boolean,
  heading: Heading,
  control: Control,
  body: unknown,
  onBeforeMatch?: (event: Event) => void
) {
  const labelled = region && open;
  return html`${heading(control(item.id, open, item.title))}
    <div
      class="panel"
      part="panel"
      id="panel-${item.id}"
      role=${labelled ? 'region' : nothing}
      aria-labelledby=${labelled ? `button-${item.id}` : nothing}
      hidden=${open ? nothing : 'until-found'}
      @beforematch=${onBeforeMatch}
    >
      ${body}
    </div>`;
}

/**
 * Review dates, the sources of the items shown (open or not) and the disclaimer. The
 * `footer` slot sits above our lines and can never replace them.
 */
export function footerTemplate(locale: LocaleContent, items: ContentItem[]) {
  const {strings} = locale;
  const cited = new Set(items.flatMap((item) => item.sources));
  const sources = locale.sources.filter((_, index) => cited.has(index));
  return html`<div class="footer" part="footer">
    <slot name="footer"></slot>
    <p>${`${strings.reviewedOn} ${strings.nextReviewDue}`}</p>
    <p><strong>${strings.sourcesLabel}</strong></p>
    <ul>
      ${sources.map(sourceTemplate)}
    </ul>
    <p>${strings.disclaimer}</p>
  </div>`;
}

/** One source in the footer list: its title as the link text. */
export const sourceTemplate = (source: Source) =>
  html`<li><a href=${source.url} lang=${source.lang ?? nothing}>${source.title}</a></li>`;
