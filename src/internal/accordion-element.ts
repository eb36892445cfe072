import {LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit';
import type {ContentItem, ContentKind, LocaleContent, LocaleStrings} from './content-types.js';
import {accordionStyles} from './accordion.styles.js';
import {cloneBody} from './rich-text.js';
import {BASE_LANGUAGE, getLocale, inheritedLang, languages, matchLanguage} from './locale.js';
import {linkTargets, openLinked, type DeepLinkTarget} from './deep-link.js';
import {warnInvalid, warnOnce} from './warn.js';

/** Detail of the `milia-toggle` event. */
export interface MiliaToggleDetail {
  /** Id of the section (or question) whose state changed. */
  section: string;
  expanded: boolean;
}

/** The `milia-toggle` event: one per item whose state changed, however it changed. */
export type MiliaToggleEvent = CustomEvent<MiliaToggleDetail>;

declare global {
  // Types `addEventListener('milia-toggle', (event) => event.detail.section)` everywhere.
  interface HTMLElementEventMap {
    'milia-toggle': MiliaToggleEvent;
  }
}

/** What one accordion element shows and how it words its controls. */
export interface AccordionConfig {
  kind: ContentKind;
  /** Attribute (and property) that picks the items: `sections` or `questions`. */
  listAttribute: 'sections' | 'questions';
  /** Whether each panel is a `role="region"` landmark (not in a FAQ: a dozen would flood the landmark list). */
  regions: boolean;
  /** Labels of the show-all control: [when something is closed, when all are open]. */
  showAllLabels: [keyof LocaleStrings, keyof LocaleStrings];
}

// A chevron drawn with borders in CSS: it follows currentColor and forced colours, and costs
// no SVG. One template result can be rendered in many places.
const ICON = html`<span class="icon" part="icon"></span>`;

/**
 * One template per heading level: Lit cannot bind a tag name, and static-html would cost
 * bytes and defeat template minification.
 */
type Heading = (button: TemplateResult) => TemplateResult;
const HEADINGS: Record<number, Heading> = {
  2: (button) => html`<h2 class="heading" part="heading">${button}</h2>`,
  3: (button) => html`<h3 class="heading" part="heading">${button}</h3>`,
  4: (button) => html`<h4 class="heading" part="heading">${button}</h4>`,
  5: (button) => html`<h5 class="heading" part="heading">${button}</h5>`,
  6: (button) => html`<h6 class="heading" part="heading">${button}</h6>`,
};
const DEFAULT_HEADING_LEVEL = 2;

const idsOf = (items: ContentItem[]) => items.map((item) => item.id);

/**
 * The WAI-ARIA APG accordion, once, for every milia element: heading > button with
 * `aria-expanded`/`aria-controls`, panels hidden with `hidden="until-found"` so find-in-page
 * reaches them, a show-all control, `single` mode, deep links, print, the footer with the
 * review dates, sources and disclaimer, and the `milia-toggle` event.
 *
 * Public elements extend this class and declare their list attribute and `config`.
 * Buttons and the panels they control stay in the same shadow root because ARIA id
 * references do not cross shadow boundaries.
 */
export abstract class AccordionElement extends LitElement implements DeepLinkTarget {
  static override styles = [accordionStyles];

  // Declared here rather than with decorators: no decorator helpers in the bundle.
  static override properties: PropertyDeclarations = {
    expanded: {},
    headingLevel: {attribute: 'heading-level'},
    single: {type: Boolean, reflect: true},
    ownLang: {attribute: 'lang'},
    __openIds: {state: true},
    __locale: {state: true},
  };

  /**
   * Items open at start: `none`, `all` (a bare `expanded` means all) or space-separated ids.
   * Applied at first render and whenever it changes; it does not reflect the reader's toggles.
   */
  expanded: string | null = null;

  /** Level of each item's heading, 2 to 6. */
  headingLevel: number | string = DEFAULT_HEADING_LEVEL;

  /** Opening one item closes the others. */
  single = false;

  /**
   * The `lang` attribute: content language, `en` or `es` (region tags such as `es-MX` map).
   * Absent: the nearest ancestor's `lang`, else English. A change re-renders.
   */
  protected ownLang?: string | null;

  /** Ids of the open items. Replaced, never mutated, so Lit sees each change. */
  private __openIds: ReadonlySet<string> = new Set();

  /** Content of the language shown; undefined until a language file has loaded. */
  protected __locale?: LocaleContent;

  protected abstract readonly __config: AccordionConfig;

  private __pendingLocale?: Promise<void>;
  /** The items this element shows, in order (the list attribute applied to the content). */
  protected __items: ContentItem[] = [];
  /** True once content has rendered: events fire only after it, and `expanded` applies then. */
  private __rendered?: boolean;
  /** This element's copy of each body it shows (see cloneBody), kept so re-renders reuse it. */
  private __bodies = new WeakMap<ContentItem, HTMLElement>();

  // ---- public methods -------------------------------------------------------------------

  /** Opens every shown item (in `single` mode only the first). */
  expandAll(): void {
    const ids = idsOf(this.__items);
    this.__setOpen(new Set(this.single ? ids.slice(0, 1) : ids));
  }

  /** Closes every item. */
  collapseAll(): void {
    this.__setOpen(new Set());
  }

  /**
   * Opens or closes one item. Without `force` it flips the item's state.
   * Returns whether the item is now open; logs a warning for an id this element does not show.
   */
  toggle(id: string, force?: boolean): boolean {
    const key = String(id).toLowerCase();
    if (!this.__items.some((item) => item.id === key)) {
      warnInvalid(this, `toggle("${id}")`, [id], 'nothing changes', idsOf(this.__items));
      return false;
    }
    const open = force ?? !this.__openIds.has(key);
    const next = new Set(this.single && open ? [] : this.__openIds);
    if (open) next.add(key);
    else next.delete(key);
    this.__setOpen(next);
    return open;
  }

  /** @internal Used by the page-wide deep-link listener. */
  __openFromLink(id: string): HTMLElement | null {
    if (!this.__items.some((item) => item.id === id)) return null;
    this.toggle(id, true);
    return this.renderRoot.querySelector<HTMLElement>(`#section-${id}`);
  }

  // ---- lifecycle ------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.__rendered) linkTargets.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    linkTargets.delete(this);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    // A language file may still be on its way; callers (and tests) want the final render.
    await this.__pendingLocale;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // CMS editors write single="false" expecting "off"; HTML reads any value as "on".
    for (const name of ['single', 'structured-data']) {
      const value = this.getAttribute(name);
      if (value && /^\s*(false|no|off|0)\s*$/i.test(value)) {
        warnOnce(this, `${name}="${value}" is still on: remove the attribute to turn it off.`);
      }
    }
    if (!this.hasUpdated || changed.has('ownLang' as keyof AccordionElement)) this.__resolveLocale();
    if (!this.__locale) return;
    this.__items = this.__pickItems(this.__locale[this.__config.kind]);
    if (!this.__rendered || changed.has('expanded')) {
      // No events for the state `expanded` sets at first render; later changes announce.
      this.__setOpen(this.__parseExpanded(), !!this.__rendered);
    } else {
      this.__pruneOpen();
    }
  }

  protected override updated(_changed: PropertyValues<this>): void {
    if (this.__locale && !this.__rendered) {
      this.__rendered = true;
      linkTargets.add(this);
      // The link may predate this element (it upgraded after the page loaded).
      openLinked([this]);
    }
  }

  // ---- configuration --------------------------------------------------------------------

  /** Picks the content language: own `lang`, else inherited, else English. */
  private __resolveLocale(): void {
    const own = this.ownLang?.trim();
    const requested = own ? matchLanguage(own) : null;
    if (own && !requested) {
      warnInvalid(this, `lang="${own}"`, [own], 'showing English', languages);
    }
    // An unsupported language inherited from the page (a French site) is not the site
    // owner's request for us, so it falls back to English without a warning.
    const lang = requested ?? matchLanguage(inheritedLang(this)) ?? BASE_LANGUAGE;
    const content = getLocale(lang);
    if (!(content instanceof Promise)) {
      this.__locale = content;
      this.__pendingLocale = undefined;
      return;
    }
    const pending: Promise<void> = (this.__pendingLocale = content.then(
      (locale) => {
        if (this.__pendingLocale === pending) this.__locale = locale;
      },
      (error) => {
        warnOnce(this, `the "${lang}" language file did not load; showing English. ${error}`);
        if (this.__pendingLocale === pending) this.__locale = getLocale(BASE_LANGUAGE) as LocaleContent;
      }
    ));
  }

  /** The items named by the list attribute, in its order; all items when it names none. */
  private __pickItems(all: ContentItem[]): ContentItem[] {
    const attribute = this.__config.listAttribute;
    const ids = this.__parseIds(attribute, (this as unknown as Record<string, string | null>)[attribute], all);
    return ids.length ? ids.map((id) => all.find((item) => item.id === id)!) : all;
  }

  /**
   * Splits a space-separated id list, case-insensitively, dropping duplicates. Ids that are
   * not among `valid` are skipped, with one warning for the value, so the valid rest works.
   */
  private __parseIds(attribute: string, raw: string | null, valid: ContentItem[]): string[] {
    const ids: string[] = [];
    const unknown: string[] = [];
    for (const token of (raw ?? '').toLowerCase().split(/\s+/)) {
      if (token && !ids.includes(token)) (valid.some((item) => item.id === token) ? ids : unknown).push(token);
    }
    if (unknown.length) warnInvalid(this, `${attribute}="${raw}"`, unknown, 'skipped', idsOf(valid));
    return ids;
  }

  private __parseExpanded(): Set<string> {
    const raw = this.expanded;
    const value = raw?.trim().toLowerCase();
    if (raw == null || value === 'none') return new Set();
    const ids = value === '' || value === 'all' ? idsOf(this.__items) : this.__parseIds('expanded', raw, this.__items);
    // With `single` only one item may be open: the first one named.
    return new Set(this.single ? ids.slice(0, 1) : ids);
  }

  private get __heading(): Heading {
    const raw = this.headingLevel;
    // Number() trims spaces; "", "2.5", "seven" and 7 find no template.
    const heading = HEADINGS[raw == null ? DEFAULT_HEADING_LEVEL : Number(raw)];
    if (heading) return heading;
    warnInvalid(this, `heading-level="${raw}"`, [raw], `using ${DEFAULT_HEADING_LEVEL}`, [2, 3, 4, 5, 6]);
    return HEADINGS[DEFAULT_HEADING_LEVEL];
  }

  // ---- state ----------------------------------------------------------------------------

  /** Drops open ids of items that are no longer shown (the list attribute changed). */
  private __pruneOpen(): void {
    const shown = new Set(idsOf(this.__items));
    if ([...this.__openIds].some((id) => !shown.has(id))) {
      this.__setOpen(new Set([...this.__openIds].filter((id) => shown.has(id))), false);
    }
  }

  /** The one place open state changes; announces every item whose state changed. */
  private __setOpen(next: Set<string>, announce = true): void {
    const before = this.__openIds;
    this.__openIds = next;
    if (!announce) return;
    for (const {id} of this.__items) {
      if (before.has(id) !== next.has(id)) {
        this.dispatchEvent(
          new CustomEvent<MiliaToggleDetail>('milia-toggle', {
            detail: {section: id, expanded: next.has(id)},
            bubbles: true,
            composed: true,
          })
        );
      }
    }
  }

  // ---- rendering ------------------------------------------------------------------------

  protected override render() {
    const locale = this.__locale;
    if (!locale) return nothing;
    const items = this.__items;
    const allOpen = items.every((item) => this.__openIds.has(item.id));
    const heading = this.__heading;
    return html`<div class="root" lang=${locale.lang} dir=${locale.dir}>
      <slot name="header"></slot>
      ${
        items.length > 1 && !this.single
          ? html`<div class="controls" part="controls">
              <button class="show-all" aria-expanded=${allOpen} @click=${allOpen ? this.collapseAll : this.expandAll}>
                ${locale.strings[this.__config.showAllLabels[+allOpen]]}${ICON}
              </button>
            </div>`
          : nothing
      }
      ${items.map((item) => this.__renderItem(item, heading))}${this.__renderFooter(locale, items)}
    </div>`;
  }

  private __renderItem(item: ContentItem, heading: Heading) {
    const open = this.__openIds.has(item.id);
    // Only an open panel is a landmark: a collapsed `hidden="until-found"` panel stays in the
    // platform accessibility tree, and screen readers would list it as an empty region.
    const regions = this.__config.regions && open;
    return html`<div class="section" part="section" id="section-${item.id}">
      ${heading(
        html`<button
          class="toggle"
          part="button"
          id="button-${item.id}"
          aria-expanded=${open}
          aria-controls="panel-${item.id}"
          @click=${this.__onItemEvent}
        >
          <span class="title">${item.title}</span>${ICON}
        </button>`
      )}
      <div
        class="panel"
        part="panel"
        id="panel-${item.id}"
        role=${regions ? 'region' : nothing}
        aria-labelledby=${regions ? `button-${item.id}` : nothing}
        hidden=${open ? nothing : 'until-found'}
        @beforematch=${this.__onItemEvent}
      >
        ${this.__body(item)}
      </div>
    </div>`;
  }

  private __body(item: ContentItem): HTMLElement {
    let body = this.__bodies.get(item);
    if (!body) this.__bodies.set(item, (body = cloneBody(item.body)));
    return body;
  }

  // One handler for every item's click and beforematch, so re-renders do not re-bind
  // listeners. The id is read from the element it sits on: `button-<id>` or `panel-<id>`;
  // find-in-page only ever opens.
  private __onItemEvent(event: Event): void {
    const id = (event.currentTarget as HTMLElement).id;
    this.toggle(id.slice(id.indexOf('-') + 1), event.type === 'click' ? undefined : true);
  }

  private __renderFooter(locale: LocaleContent, items: ContentItem[]) {
    const {strings} = locale;
    const cited = new Set(items.flatMap((item) => item.sources));
    const sources = locale.sources.filter((_, index) => cited.has(index));
    return html`<div class="footer" part="footer">
      <slot name="footer"></slot>
      <p>${strings.reviewedOn} ${strings.nextReviewDue}</p>
      <p><strong>${strings.sourcesLabel}</strong></p>
      <ul>
        ${sources.map((source) => html`<li><a href=${source.url}>${source.title}</a></li>`)}
      </ul>
      <p>${strings.disclaimer}</p>
    </div>`;
  }
}
