import {LitElement, html, nothing, svg, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {html as staticHtml, literal, type StaticValue} from 'lit/static-html.js';
import {sources as allSources} from 'milia-content';
import type {ContentItem, ContentKind, LocaleContent, LocaleStrings} from './content-types.js';
import {accordionStyles} from './accordion.styles.js';
import {renderBlocks} from './rich-text.js';
import {BASE_LANGUAGE, inheritedLang, languages, loadLocale, localeIfLoaded, matchLanguage} from './locale.js';
import {applyDeepLink, unwatchDeepLinks, watchDeepLinks, type DeepLinkTarget} from './deep-link.js';
import {listOf, warnOnce} from './warn.js';
import {formatDay} from './dates.js';

/** Detail of the `milia-toggle` event. */
export interface MiliaToggleDetail {
  /** Id of the section (or question) whose state changed. */
  section: string;
  expanded: boolean;
}

/** What one accordion element shows and how it words its controls. */
export interface AccordionConfig {
  kind: ContentKind;
  /** Attribute that picks the items: `sections` or `questions`. */
  listAttribute: string;
  /** Whether each panel is a `role="region"` landmark (not in a FAQ: a dozen would flood the landmark list). */
  regions: boolean;
  showAllLabel: (strings: LocaleStrings, allOpen: boolean) => string;
}

const HEADING_TAGS: Record<number, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};
const DEFAULT_HEADING_LEVEL = 2;

const chevron = svg`<path d="M4 7l6 6 6-6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

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

  /**
   * Items open at start: `none`, `all` (a bare `expanded` means all) or space-separated ids.
   * Applied at first render and whenever it changes; it does not reflect the reader's toggles.
   */
  @property() expanded: string | null = null;

  /** Level of each item's heading, 2 to 6. */
  @property({attribute: 'heading-level'}) headingLevel: number | string = DEFAULT_HEADING_LEVEL;

  /** Opening one item closes the others. */
  @property({type: Boolean, reflect: true}) single = false;

  /** The element's own `lang` attribute, observed so that a change re-renders. */
  @property({attribute: 'lang'}) protected ownLang: string | null = null;

  /** Ids of the open items. Replaced, never mutated, so Lit sees each change. */
  @state() private openIds: ReadonlySet<string> = new Set();

  /** Content of the language shown; null until a language file has loaded. */
  @state() protected locale: LocaleContent | null = null;

  protected abstract readonly config: AccordionConfig;
  /** Value of the list attribute (`sections` or `questions`). */
  protected abstract get listValue(): string | null;

  private pendingLocale: Promise<unknown> | null = null;
  /** The items this element shows, in order (the list attribute applied to the content). */
  protected shownItems: ContentItem[] = [];
  private linkWatching = false;

  // ---- public methods -------------------------------------------------------------------

  /** Opens every shown item (in `single` mode only the first). */
  expandAll(): void {
    const ids = this.shownItems.map((item) => item.id);
    this.setOpen(new Set(this.single ? ids.slice(0, 1) : ids));
  }

  /** Closes every item. */
  collapseAll(): void {
    this.setOpen(new Set());
  }

  /**
   * Opens or closes one item. Without `force` it flips the item's state.
   * Returns whether the item is now open; logs a warning for an id this element does not show.
   */
  toggle(id: string, force?: boolean): boolean {
    const key = String(id).toLowerCase();
    if (!this.shownItems.some((item) => item.id === key)) {
      warnOnce(this, `toggle("${id}"): no such ${this.noun} here. Valid ids: ${listOf(this.shownItems.map((item) => item.id))}.`);
      return false;
    }
    const open = force ?? !this.openIds.has(key);
    const next = new Set(this.single && open ? [] : this.openIds);
    if (open) next.add(key);
    else next.delete(key);
    this.setOpen(next);
    return open;
  }

  /** @internal Used by the page-wide deep-link listener. */
  openFromLink(id: string): HTMLElement | null {
    if (!this.shownItems.some((item) => item.id === id)) return null;
    this.toggle(id, true);
    return this.renderRoot.querySelector<HTMLElement>(`#section-${id}`);
  }

  // ---- lifecycle ------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.startLinkWatching();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchDeepLinks(this);
    this.linkWatching = false;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    // A language file may still be on its way; callers (and tests) want the final render.
    let result = await super.getUpdateComplete();
    while (this.pendingLocale) {
      await this.pendingLocale.catch(() => undefined);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('ownLang' as keyof AccordionElement)) this.resolveLocale();
    if (!this.locale) return;
    this.shownItems = this.pickItems(this.locale[this.config.kind]);
    if (!this.expandedApplied || changed.has('expanded')) {
      // No events for the state `expanded` sets at first render; later changes announce.
      this.expandedApplied = true;
      this.setOpen(this.parseExpanded(), this.hasUpdatedOnce);
    } else {
      this.pruneOpen();
    }
  }

  /** Whether `expanded` has been applied to a rendered state yet (false until content exists). */
  private expandedApplied = false;
  /** True after the first render that showed content; events fire only after it. */
  private hasUpdatedOnce = false;

  protected override updated(_changed: PropertyValues<this>): void {
    if (this.locale && !this.hasUpdatedOnce) {
      this.hasUpdatedOnce = true;
      this.startLinkWatching();
      applyDeepLink(this);
    }
  }

  private startLinkWatching(): void {
    if (this.linkWatching || !this.hasUpdatedOnce) return;
    this.linkWatching = true;
    watchDeepLinks(this);
  }

  // ---- configuration --------------------------------------------------------------------

  private get noun(): string {
    return this.config.kind === 'info' ? 'section' : 'question';
  }

  /** Picks the content language: own `lang`, else inherited, else English. */
  private resolveLocale(): void {
    const own = this.ownLang?.trim();
    const requested = own ? matchLanguage(own) : null;
    if (own && !requested) {
      warnOnce(this, `lang="${own}" is not a supported language; showing English. Supported: ${listOf(languages)}.`);
    }
    // An unsupported language inherited from the page (a French site) is not the site
    // owner's request for us, so it falls back to English without a warning.
    const lang = requested ?? matchLanguage(inheritedLang(this)) ?? BASE_LANGUAGE;
    const ready = localeIfLoaded(lang);
    if (ready) {
      this.locale = ready;
      return;
    }
    const request = loadLocale(lang).then(
      (locale) => {
        if (this.pendingLocale === request) this.locale = locale;
      },
      (error) => {
        warnOnce(this, `could not load the "${lang}" language file (${error}); showing English.`);
        if (this.pendingLocale === request) this.locale = localeIfLoaded(BASE_LANGUAGE);
      }
    );
    const settled = request.finally(() => {
      if (this.pendingLocale === settled) this.pendingLocale = null;
    });
    this.pendingLocale = settled;
  }

  /** The items named by the list attribute, in its order; all items when it names none. */
  private pickItems(all: ContentItem[]): ContentItem[] {
    const raw = this.listValue;
    const ids = this.parseIds(raw, all, this.config.listAttribute);
    if (!ids.length) return all;
    return ids.map((id) => all.find((item) => item.id === id)!);
  }

  /**
   * Splits a space-separated id list, case-insensitively, dropping duplicates. Unknown ids
   * are warned about (once each) and skipped, so the valid rest still renders.
   */
  private parseIds(raw: string | null, known: ContentItem[], attribute: string): string[] {
    if (raw == null) return [];
    const ids: string[] = [];
    for (const token of raw.trim().toLowerCase().split(/\s+/)) {
      if (!token || ids.includes(token)) continue;
      if (known.some((item) => item.id === token)) ids.push(token);
      else warnOnce(this, `${attribute}="${raw}": unknown ${this.noun} id "${token}". Valid ids: ${listOf(known.map((item) => item.id))}.`);
    }
    return ids;
  }

  private parseExpanded(): Set<string> {
    const raw = this.expanded;
    const value = raw?.trim().toLowerCase();
    if (raw == null || value === 'none') return new Set();
    const shown = this.shownItems;
    let ids: string[];
    if (value === '' || value === 'all') {
      ids = shown.map((item) => item.id);
    } else {
      ids = this.parseIds(raw, this.locale![this.config.kind], 'expanded').filter((id) => {
        const isShown = shown.some((item) => item.id === id);
        if (!isShown) warnOnce(this, `expanded="${raw}": "${id}" is not among the shown ${this.noun}s, so it cannot open.`);
        return isShown;
      });
      if (!ids.length && value) {
        warnOnce(this, `expanded="${raw}" opens nothing. Use "none", "all" or ids of shown ${this.noun}s.`);
      }
    }
    if (this.single && ids.length > 1) {
      warnOnce(this, `expanded="${raw}" opens several ${this.noun}s but "single" allows one; opening "${ids[0]}".`);
      ids = ids.slice(0, 1);
    }
    return new Set(ids);
  }

  private get level(): number {
    const raw = this.headingLevel;
    const level = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(String(raw)) ? Number(raw) : NaN;
    if (Number.isInteger(level) && level >= 2 && level <= 6) return level;
    warnOnce(this, `heading-level="${raw}" is not valid; using ${DEFAULT_HEADING_LEVEL}. Valid levels: 2, 3, 4, 5, 6.`);
    return DEFAULT_HEADING_LEVEL;
  }

  // ---- state ----------------------------------------------------------------------------

  /** Drops open ids of items that are no longer shown (the list attribute changed). */
  private pruneOpen(): void {
    const shown = new Set(this.shownItems.map((item) => item.id));
    if ([...this.openIds].some((id) => !shown.has(id))) {
      this.setOpen(new Set([...this.openIds].filter((id) => shown.has(id))), false);
    }
  }

  /** The one place open state changes; announces every item whose state changed. */
  private setOpen(next: Set<string>, announce = true): void {
    const before = this.openIds;
    this.openIds = next;
    if (!announce) return;
    for (const {id} of this.shownItems) {
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
    const locale = this.locale;
    if (!locale) return nothing;
    const items = this.shownItems;
    const allOpen = items.every((item) => this.openIds.has(item.id));
    const tag = HEADING_TAGS[this.level];
    return html`<div class="root" lang=${locale.lang} dir=${locale.dir}>
      <slot name="header"></slot>
      ${items.length > 1 && !this.single
        ? html`<div class="controls" part="controls">
            <button type="button" class="show-all" aria-expanded=${allOpen} @click=${allOpen ? this.collapseAll : this.expandAll}>
              ${this.config.showAllLabel(locale.strings, allOpen)}${this.renderIcon()}
            </button>
          </div>`
        : nothing}
      ${items.map((item) => this.renderItem(item, tag))} ${this.renderFooter(locale, items)}
    </div>`;
  }

  private renderItem(item: ContentItem, tag: StaticValue) {
    const open = this.openIds.has(item.id);
    const regions = this.config.regions;
    return staticHtml`<div class="section" part="section" id="section-${item.id}">
      <${tag} class="heading" part="heading">
        <button type="button" class="toggle" part="button" id="button-${item.id}" aria-expanded=${open}
          aria-controls="panel-${item.id}" @click=${() => this.toggle(item.id)}>
          <span class="title">${item.title}</span>${this.renderIcon()}
        </button>
      </${tag}>
      <div class="panel" part="panel" id="panel-${item.id}" role=${regions ? 'region' : nothing}
        aria-labelledby=${regions ? `button-${item.id}` : nothing} hidden=${open ? nothing : 'until-found'}
        @beforematch=${() => this.toggle(item.id, true)}>
        ${renderBlocks(item.body)}
      </div>
    </div>`;
  }

  private renderIcon() {
    return html`<svg class="icon" part="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">${chevron}</svg>`;
  }

  private renderFooter(locale: LocaleContent, items: ContentItem[]) {
    const {strings, lang} = locale;
    const cited = new Set(items.flatMap((item) => item.sources));
    const sources = Object.entries(allSources).filter(([id]) => cited.has(id));
    return html`<div class="footer" part="footer">
      <slot name="footer"></slot>
      <p>
        ${strings.reviewedOn.replace('{date}', formatDay(locale.reviewed, lang))}
        ${strings.nextReviewDue.replace('{date}', formatDay(locale.nextReview, lang))}
      </p>
      <p class="sources-label" id="sources-label">${strings.sourcesLabel}</p>
      <ul aria-labelledby="sources-label">
        ${sources.map(([, source]) => html`<li><a href=${source.url}>${source.title}</a></li>`)}
      </ul>
      <p class="disclaimer">${strings.disclaimer}</p>
    </div>`;
  }
}
