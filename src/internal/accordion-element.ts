import {LitElement, html, nothing, render, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit';
import {version} from 'milia-content';
import type {ContentItem, ContentKind, LocaleContent, LocaleStrings} from './content-types.js';
import {accordionStyles} from './accordion.styles.js';
import {cloneBody} from './rich-text.js';
import {BASE_LANGUAGE, getLocale, inheritedLang, languages, matchLanguage} from './locale.js';
import {joinPage, leavePage, loadOnDemand, type PageMember, type StructuredDataSource} from './page.js';
import {
  DEFAULT_HEADING_LEVEL,
  HEADINGS,
  controlsTemplate,
  footerTemplate,
  icon,
  itemContent,
  rootTemplate,
  sectionTemplate,
  type Control,
  type Heading,
} from './templates.js';
import {asText, warnInvalid, warnOnce} from './warn.js';

/** What opened or closed an item (`milia-toggle` detail `trigger`). */
export type MiliaToggleTrigger = 'click' | 'show-all' | 'find' | 'link' | 'api' | 'single';

/** Detail of the `milia-toggle` event. */
export interface MiliaToggleDetail {
  /** Id of the section (or question) whose state changed. */
  section: string;
  expanded: boolean;
  /**
   * What changed it: `click` (mouse, Enter or Space), `show-all`, `find` (find-in-page),
   * `link` (a `#milia-<id>` deep link), `api` (a method or the `expanded` attribute) or
   * `single` (closed because another item opened in `single` mode).
   */
  trigger: MiliaToggleTrigger;
  /** The content language shown: `es` for `lang="es-MX"`, `en` on fallback. */
  lang: string;
}

/** The `milia-toggle` event: one per item whose state changed, however it changed. */
export type MiliaToggleEvent = CustomEvent<MiliaToggleDetail>;

declare global {
  // Types `addEventListener('milia-toggle', (event) => event.detail.section)` on elements,
  // and on document and window too: the event bubbles and is composed.
  interface GlobalEventHandlersEventMap {
    'milia-toggle': MiliaToggleEvent;
  }
}

/** What one accordion element shows and how it words its controls. */
export interface AccordionConfig {
  kind: ContentKind;
  /** Attribute (and property) that picks the items: `sections` or `questions`. */
  listAttribute: 'sections' | 'questions';
  /** Whether each open panel is a `role="region"` landmark (not in a FAQ: a dozen would flood the landmark list). */
  regions: boolean;
  /** Labels of the show-all control: [when something is closed, when all are open]. */
  showAllLabels: [keyof LocaleStrings, keyof LocaleStrings];
}

/** What frameworks may set: a string or array of ids; for `expanded` also a boolean. */
type IdList = string | readonly string[] | boolean | null | undefined;

const idsOf = (items: ContentItem[]) => items.map((item) => item.id);
const PRINT_MODES = ['all', 'open'];

/**
 * The WAI-ARIA APG accordion, once, for every milia element: heading > button with
 * `aria-expanded`/`aria-controls`, panels hidden with `hidden="until-found"` so find-in-page
 * reaches them, a show-all control, `single` mode, deep links, print, the footer with the
 * review dates, sources and disclaimer, structured data, and the `milia-toggle` event.
 *
 * Public elements extend this class and declare their list attribute and `config`.
 * Buttons and the panels they control stay in the same shadow root because ARIA id
 * references do not cross shadow boundaries.
 */
export abstract class AccordionElement extends LitElement implements PageMember, StructuredDataSource {
  static override styles = [accordionStyles];

  /** Lets a second copy of milia-widgets on the page recognise this one (see define.ts). */
  static readonly miliaVersion = version;

  // Declared here rather than with decorators: no decorator helpers in the bundle.
  static override properties: PropertyDeclarations = {
    // Frameworks set an equal new array on every render; only a different value is a change
    // (a change re-applies `expanded` and would undo the reader's toggles).
    expanded: {hasChanged: (value: unknown, old: unknown) => asText(value) !== asText(old)},
    headingLevel: {attribute: 'heading-level'},
    single: {type: Boolean, reflect: true},
    structuredData: {type: Boolean, attribute: 'structured-data'},
    // Reflected: the stylesheet reads it (a framework may set only the property). As text:
    // setAttribute throws for values with no string form (a Symbol).
    print: {reflect: true, converter: {toAttribute: (value: unknown) => (value == null ? value : asText(value))}},
    ownLang: {attribute: 'lang'},
    __openIds: {state: true},
    __lang: {state: true},
    locale: {state: true},
  };

  /**
   * Items open at start: `none`, `all` (a bare `expanded` means all) or space-separated ids;
   * as a property also `true` (all), `false` (none) or an array of ids. Applied at first
   * render and whenever it changes; it does not reflect the reader's toggles.
   */
  expanded: IdList = null;

  /** Level of each item's heading, 2 to 6 (a number or a numeric string). */
  headingLevel: number | string = DEFAULT_HEADING_LEVEL;

  /** Opening one item closes the others. */
  single = false;

  /** Adds this element's part of the page's JSON-LD structured data (see the element's docs). */
  structuredData = false;

  /** What prints: `all` items (open or not) or only the `open` ones. */
  print: string | null = null;

  /**
   * The `lang` attribute: content language, `en` or `es` (region tags such as `es-MX` map).
   * Absent: the nearest ancestor's `lang`, else English. A change re-renders.
   */
  protected ownLang?: string | null;

  /**
   * @internal Content of the language shown; undefined until a language file has loaded.
   */
  protected locale?: LocaleContent;

  /** @internal What this element shows and how it words its controls. */
  protected abstract readonly config: AccordionConfig;

  /** @internal The items this element shows, in order (the list attribute applied to the content). */
  protected items: ContentItem[] = [];

  /** Ids of the open items. Replaced, never mutated, so Lit sees each change. */
  private __openIds: ReadonlySet<string> = new Set();
  /** The language this element should show (its locale may still be loading). */
  private __lang?: string;
  /** The language whose content `locale` holds or is loading. */
  private __localeFor?: string;
  /** The language file on its way, if any; `updateComplete` waits for it. */
  private __pendingLocale?: Promise<unknown>;
  /** True once content has rendered: events fire only after it, and `expanded` applies then. */
  private __rendered?: boolean;
  /** This element's copy of each body it shows (see cloneBody), kept so re-renders reuse it. */
  private __bodies = new WeakMap<ContentItem, HTMLElement>();
  /** Each item's box by id: kept across re-renders, so reordering moves rather than rebuilds. */
  private __sections = new Map<string, HTMLElement>();
  /** Whether this element is among the askers of the page's structured data. */
  private __askedForStructuredData?: boolean;
  /** The children of a prerendered (declarative) shadow root, until the first render replaces them. */
  private __prerendered?: ChildNode[];

  // ---- public methods -------------------------------------------------------------------

  /** Opens every shown item (in `single` mode only the first). */
  expandAll(): void {
    if (this.__ready('expandAll')) this.__showAll(true, 'api');
  }

  /** Closes every item. */
  collapseAll(): void {
    if (this.__ready('collapseAll')) this.__showAll(false, 'api');
  }

  /**
   * Opens or closes one item. Without `force` it flips the item's state.
   * Returns whether the item is now open; logs a warning for an id this element does not show.
   */
  toggle(id: string, force?: boolean): boolean {
    const key = String(id).toLowerCase();
    if (!this.__ready('toggle')) return false;
    if (!this.__shows(key)) {
      warnInvalid(this, `toggle("${id}")`, [id], 'nothing changes', idsOf(this.items));
      return false;
    }
    return this.__toggle(key, force, 'api');
  }

  /** @internal Used by the page-wide deep-link listener. */
  openFromLink(id: string): HTMLElement | null {
    if (!this.__shows(id)) return null;
    this.__toggle(id, true, 'link');
    return this.__sections.get(id)!;
  }

  /** @internal Used by the page-wide language observer. */
  refreshLang(): void {
    this.__lang = this.__resolveLang();
  }

  /** @internal The language content and shown ids, for the page-wide structured data. */
  structuredDataItems() {
    return this.locale && {locale: this.locale, ids: idsOf(this.items)};
  }

  // ---- lifecycle ------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Lit skips the first render of an element that was removed before it ran (see
    // shouldUpdate); coming back must render it.
    if (!this.hasUpdated) this.requestUpdate();
    // Moved elements may now inherit another language.
    this.refreshLang();
    joinPage(this);
    this.__askForStructuredData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leavePage(this);
    this.__askForStructuredData();
  }

  protected override createRenderRoot() {
    // The prerendered HTML attaches a declarative shadow root before this element upgrades;
    // Lit reuses it (ReactiveElement takes `this.shadowRoot`) but would render before its
    // children. Keep them on screen until our first render, then replace them in the same
    // task, so nothing flashes or shifts.
    this.__prerendered = [...(this.shadowRoot?.childNodes ?? [])];
    const root = super.createRenderRoot();
    this.renderOptions.renderBefore = null;
    return root;
  }

  /** An element removed before its first render does no work and leaves nothing behind. */
  protected override shouldUpdate(_changed: PropertyValues<this>): boolean {
    return this.hasUpdated || this.isConnected;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    // A language file may still be on its way: callers (and tests) want the final render,
    // even when they ask in the same task as the element's insertion.
    let result = await super.getUpdateComplete();
    while (this.__pendingLocale) {
      await this.__pendingLocale;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // CMS editors write single="false" expecting "off" (the warning's words load on demand).
    for (const name of ['single', 'structured-data']) {
      const value = this.getAttribute(name);
      if (value && /^\s*(false|no|off|0)\s*$/i.test(value))
        loadOnDemand().then((onDemand) => onDemand?.warnStillOn(this, name, value));
    }
    // The stylesheet reads `print` itself (:host([print='open' i])); here it is only checked.
    const print = asText(this.print ?? 'all');
    if (!/^(all|open)$/i.test(print)) warnInvalid(this, `print="${print}"`, [print], 'printing all', PRINT_MODES);
    if (changed.has('ownLang' as keyof AccordionElement)) this.refreshLang();
    if (this.__lang && this.__lang !== this.__localeFor) this.__loadLocale(this.__lang);
    const locale = this.locale;
    if (!locale) return;
    this.items = this.__pickItems(locale[this.config.kind]);
    if (!this.__rendered) {
      // No events for the state that `expanded` sets at first render. Prerendered panels shown
      // until now stay open: the browser may have revealed one (find-in-page, a text
      // fragment) and the reader is reading it. (Only prerendered nodes are in the root yet.)
      const shown = this.renderRoot.querySelectorAll('.panel:not([hidden])');
      this.__setOpen([...this.__parseExpanded(), ...[...shown].map((panel) => panel.id.slice(6))], null);
    } else if (changed.has('expanded')) {
      this.__setOpen(this.__parseExpanded(), 'api');
    } else {
      // Items no longer shown drop out; turning `single` on keeps the first open one.
      this.__setOpen(this.__openIds, 'single');
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    const root = this.renderRoot as ShadowRoot;
    const focused = root.activeElement as HTMLElement | null;
    super.update(changed);
    if (this.locale && this.__prerendered) {
      for (const node of this.__prerendered) node.remove();
      this.__prerendered = undefined;
    }
    // Reordered items keep their elements (repeat), but moving a node drops its focus.
    if (focused?.isConnected && root.activeElement !== focused) focused.focus({preventScroll: true});
  }

  protected override updated(): void {
    if (!this.locale) return;
    if (!this.__rendered) {
      this.__rendered = true;
      // Once per page, however many elements show it; the words come with the on-demand file.
      const {nextReview} = this.locale;
      if (Date.now() > Date.parse(nextReview)) loadOnDemand().then((onDemand) => onDemand?.warnReviewDue(this, nextReview));
    }
    this.__askForStructuredData();
  }

  // ---- configuration --------------------------------------------------------------------

  /** The language to show: own `lang`, else inherited, else English. */
  private __resolveLang(): string {
    const own = this.ownLang;
    if (own != null) {
      const requested = matchLanguage(own);
      if (!requested) warnInvalid(this, `lang="${own}"`, [own], 'showing English', languages);
      return requested ?? BASE_LANGUAGE;
    }
    // An unsupported language inherited from the page (a French site) is not the site
    // owner's request for us, so it falls back to English without a warning.
    return matchLanguage(inheritedLang(this)) ?? BASE_LANGUAGE;
  }

  private __loadLocale(lang: string): void {
    this.__localeFor = lang;
    const content = getLocale(lang);
    if (!(content instanceof Promise)) {
      this.locale = content;
      this.__pendingLocale = undefined;
      return;
    }
    // Until the file arrives the element keeps showing what it showed (nothing at first).
    // A newer language request replaces `__pendingLocale`, so a late file is ignored.
    const pending: Promise<unknown> = (this.__pendingLocale = content
      .catch((error) => {
        // Once per page: every element asking for the same file fails the same way.
        warnOnce(this, `the "${lang}" language file did not load; showing English. ${error}`, document);
        return getLocale(BASE_LANGUAGE) as LocaleContent;
      })
      .then((locale) => {
        if (this.__pendingLocale !== pending) return;
        this.__pendingLocale = undefined;
        this.locale = locale;
      }));
  }

  /** The items named by the list attribute, in its order; all items when it names none. */
  private __pickItems(all: ContentItem[]): ContentItem[] {
    const attribute = this.config.listAttribute;
    const ids = this.__parseIds(attribute, (this as unknown as Record<string, IdList>)[attribute], all);
    return ids.length ? ids.map((id) => all.find((item) => item.id === id)!) : all;
  }

  /**
   * Splits a space-separated id list (or an array of ids), case-insensitively, dropping
   * duplicates. Ids that are not among `valid` are skipped, with one warning for the value,
   * so the valid rest works.
   */
  private __parseIds(attribute: string, raw: IdList, valid: ContentItem[]): string[] {
    const text = Array.isArray(raw) ? raw.join(' ') : asText(raw ?? '');
    const ids: string[] = [];
    const unknown: string[] = [];
    for (const token of text.toLowerCase().split(/\s+/)) {
      if (token && !ids.includes(token)) (valid.some((item) => item.id === token) ? ids : unknown).push(token);
    }
    if (unknown.length) warnInvalid(this, `${attribute}="${text}"`, unknown, 'skipped', idsOf(valid));
    return ids;
  }

  private __parseExpanded(): Iterable<string> {
    const raw = this.expanded;
    const value = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
    if (value == null || value === false || value === 'none') return [];
    return value === true || value === '' || value === 'all' ? idsOf(this.items) : this.__parseIds('expanded', raw, this.items);
  }

  private get __heading(): Heading {
    const raw = this.headingLevel;
    const text = asText(raw);
    // Number() trims spaces; "", "2.5", "seven" and 7 find no template.
    const heading = HEADINGS[raw == null ? DEFAULT_HEADING_LEVEL : Number(text)];
    if (heading) return heading;
    warnInvalid(this, `heading-level="${text}"`, [text], `using ${DEFAULT_HEADING_LEVEL}`, [2, 3, 4, 5, 6]);
    return HEADINGS[DEFAULT_HEADING_LEVEL];
  }

  // ---- state ----------------------------------------------------------------------------

  /**
   * Methods need the content. Until its first render (or while its first language file
   * loads) an element changes nothing and says what to wait for, rather than calling a
   * valid id invalid.
   */
  private __ready(method: string): boolean {
    if (!this.__rendered)
      warnOnce(this, `${method}() called before the content loaded: await the element's updateComplete first.`);
    return !!this.__rendered;
  }

  private __shows(id: string): boolean {
    return this.items.some((item) => item.id === id);
  }

  private __toggle(id: string, force: boolean | undefined, trigger: MiliaToggleTrigger): boolean {
    const open = force ?? !this.__openIds.has(id);
    this.__setOpen(
      open ? [...this.__openIds, id] : [...this.__openIds].filter((other) => other !== id),
      trigger,
      open ? id : undefined
    );
    return open;
  }

  private __showAll(open: boolean, trigger: MiliaToggleTrigger): void {
    // In `single` mode the first item is the one opened; any other open item makes way for it.
    const ids = open ? idsOf(this.items) : [];
    this.__setOpen(ids, trigger, this.single ? ids[0] : undefined);
  }

  /**
   * The one place open state changes. Keeps only shown items, and in `single` mode only one:
   * the item just `opened`, else the first in display order. Announces every item whose
   * state changed (none when `trigger` is null); items closed for `single` say so.
   */
  private __setOpen(ids: Iterable<string>, trigger: MiliaToggleTrigger | null, opened?: string): void {
    const wanted = new Set(ids);
    const shown = idsOf(this.items).filter((id) => wanted.has(id));
    const next = new Set(this.single ? (opened ? [opened] : shown.slice(0, 1)) : shown);
    const before = this.__openIds;
    this.__openIds = next;
    if (!trigger) return;
    for (const {id} of this.items) {
      if (before.has(id) === next.has(id)) continue;
      const detail: MiliaToggleDetail = {
        section: id,
        expanded: next.has(id),
        trigger: opened && id !== opened ? 'single' : trigger,
        lang: this.locale!.lang,
      };
      this.dispatchEvent(new CustomEvent('milia-toggle', {detail, bubbles: true, composed: true}));
    }
  }

  /**
   * The page's JSON-LD is built and placed by a file loaded the first time an element asks
   * (see on-demand.ts), so pages without structured data carry none of it.
   */
  private __askForStructuredData(): void {
    const wanted = this.structuredData && this.isConnected && !!this.__rendered;
    if (!wanted && !this.__askedForStructuredData) return;
    this.__askedForStructuredData = wanted;
    loadOnDemand().then((onDemand) => onDemand?.requestStructuredData(this, wanted));
  }

  // ---- rendering ------------------------------------------------------------------------

  // The return type is spelled out so the published .d.ts names `lit` (our dependency),
  // not the `lit-html` that tsc would infer.
  protected override render(): TemplateResult | typeof nothing {
    const locale = this.locale;
    if (!locale) return nothing;
    const items = this.items;
    const allOpen = items.every((item) => this.__openIds.has(item.id));
    const heading = this.__heading;
    const labels = this.config.showAllLabels;
    return rootTemplate(
      locale,
      html`${
        items.length > 1 && !this.single
          ? controlsTemplate(
              html`<button class="show-all" aria-expanded=${allOpen} @click=${() => this.__showAll(!allOpen, 'show-all')}>
                ${locale.strings[labels[+allOpen]]}${icon}
              </button>`
            )
          : nothing
      }${items.map((item) => {
        let section = this.__sections.get(item.id);
        if (!section) {
          const box = document.createDocumentFragment();
          render(sectionTemplate(item.id, nothing), box);
          this.__sections.set(item.id, (section = box.firstElementChild as HTMLElement));
        }
        const open = this.__openIds.has(item.id);
        const body = this.__body(item);
        // The host's own render options: listeners are called with the element as `this`.
        render(
          itemContent(item, open, this.config.regions, heading, this.__button, body, this.__onBeforeMatch),
          section,
          this.renderOptions
        );
        return section;
      })}${footerTemplate(locale, items)}`
    );
  }

  private __button: Control = (id, open, title) =>
    html`<button
      class="toggle"
      part="button"
      id="button-${id}"
      aria-expanded=${open}
      aria-controls="panel-${id}"
      @click=${this.__onClick}
    >
      <span class="title">${title}</span>${icon}
    </button>`;

  private __body(item: ContentItem): HTMLElement {
    let body = this.__bodies.get(item);
    if (!body) this.__bodies.set(item, (body = cloneBody(item.body)));
    return body;
  }

  // One handler for every item's click and one for its beforematch, so re-renders do not
  // re-bind listeners. The id is read from the element it sits on: `button-<id>` or
  // `panel-<id>`; find-in-page only ever opens.
  private __onClick(event: Event): void {
    this.__toggle((event.currentTarget as HTMLElement).id.slice(7), undefined, 'click');
  }

  private __onBeforeMatch(event: Event): void {
    this.__toggle((event.currentTarget as HTMLElement).id.slice(6), true, 'find');
  }
}
