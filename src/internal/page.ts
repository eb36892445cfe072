import type {LocaleContent} from './content-types.js';

/**
 * What every element on the page shares, with listeners that exist only while an element
 * is connected (a page, or an SPA view, without widgets carries nothing of ours):
 *
 * - Deep links: `#milia-<id>` in the page URL opens that item in every element that shows
 *   it, at load and after every navigation, and scrolls the first such item in document
 *   order into view once the elements present at that moment have rendered (a Spanish
 *   element above an English one wins even though its language file arrives later).
 * - Language: elements that inherit their language follow later changes of it (an SPA
 *   switching `<html lang>`, an ancestor's `lang`, also inside the shadow roots of host
 *   components, which a document-level observer does not see into).
 */
export interface PageMember extends HTMLElement {
  readonly updateComplete: Promise<boolean>;
  /** Opens the item if this element shows it; returns the element to scroll to, or null. */
  openFromLink(id: string): HTMLElement | null;
  /** Re-reads the inherited language (re-renders if it changed). */
  refreshLang(): void;
}

/** An element that may ask for the page's structured data (see structured-data-writer.ts). */
export interface StructuredDataSource extends HTMLElement {
  /** The language content and shown ids, or undefined while a language file loads. */
  structuredDataItems(): {locale: LocaleContent; ids: string[]} | undefined;
}

/**
 * What the on-demand file offers (see on-demand.ts). Spelled out here so that the published
 * declarations stop at this file: the writer's are typed with schema-dts, which apps do not install.
 */
interface OnDemand {
  followLink(hash: string, targets: PageMember[], scroll: boolean | 'once', members: Set<PageMember>): void;
  requestStructuredData(element: StructuredDataSource, wanted: boolean): void;
  warnNameTaken(name: string, by: string | undefined): void;
  warnReviewDue(element: Element, nextReview: string): void;
  warnStillOn(element: Element, name: string, value: string): void;
}

const members = new Set<PageMember>();
let langObserver: MutationObserver | undefined;

type NavigateEvent = Event & {navigationType: string; hashChange: boolean; destination: {url: string}};

const onHashChange = () => follow(location.hash, [...members], true);
// Back and forward: open, and leave the scroll position to the browser (a hashchange that
// comes with it scrolls as usual).
const onPopState = () => follow(location.hash, [...members], false);
// pushState / replaceState, which only the Navigation API reports (Chromium): open, and
// leave scrolling to the router that called them.
const onNavigate = (event: Event) => {
  const {navigationType, hashChange, destination} = event as NavigateEvent;
  if (!hashChange && /^(push|replace)$/.test(navigationType)) follow(new URL(destination.url).hash, [...members], false);
};

/** Page-wide listeners: added with the first member, removed with the last. */
function listen(method: 'addEventListener' | 'removeEventListener'): void {
  window[method]('hashchange', onHashChange);
  window[method]('popstate', onPopState);
  (globalThis as {navigation?: EventTarget}).navigation?.[method]('navigate', onNavigate);
}

export function joinPage(element: PageMember): void {
  if (!members.size) listen('addEventListener');
  members.add(element);
  langObserver ??= new MutationObserver(() => members.forEach((member) => member.refreshLang()));
  const options = {attributes: true, attributeFilter: ['lang'], subtree: true};
  let root = element.getRootNode();
  langObserver.observe(root, options);
  while (root instanceof ShadowRoot) langObserver.observe((root = root.host.getRootNode()), options);
  // The link may predate this element.
  follow(location.hash, [element], 'once');
}

export function leavePage(element: PageMember): void {
  if (!members.delete(element) || members.size) return;
  listen('removeEventListener');
  langObserver!.disconnect();
  langObserver = undefined;
}

/** For tests: how many elements the page-wide state holds (0 once every element has left). */
export const pageMembers = () => members.size;

/**
 * Opens the linked item in `targets`, and scrolls to the first (see on-demand.ts). The code
 * that does it is loaded only when the URL holds a `#milia-` link: other pages carry none of it.
 */
function follow(hash: string, targets: PageMember[], scroll: boolean | 'once'): void {
  if (/^#milia-/.test(hash)) following = loadOnDemand().then((onDemand) => onDemand?.followLink(hash, targets, scroll, members));
}
let following: Promise<unknown> | undefined;

/** For tests: settles once the latest `#milia-` link has been followed (opened, scrolled). */
export const linkFollowed = () => following;

let onDemandFailed = false;

/** The on-demand file (see on-demand.ts); undefined, with one warning per page, if it fails to load. */
export const loadOnDemand = (): Promise<OnDemand | void> =>
  import('./on-demand.js').catch((error) => {
    if (!onDemandFailed) console.warn(`milia-widgets: #milia- links and structured data need a file that did not load. ${error}`);
    onDemandFailed = true;
  });
