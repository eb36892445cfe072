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

const members = new Set<PageMember>();
/** Elements connected since the last pass: the link may predate them. */
let joined: PageMember[] = [];
let langObserver: MutationObserver | undefined;

type NavigateEvent = Event & {navigationType: string; hashChange: boolean; destination: {url: string}};

/** [target, event, listener]: added with the first member, removed with the last. */
const listeners = (): [EventTarget | undefined, string, (event: Event) => void][] => [
  [
    window,
    'hashchange',
    () => follow(location.hash, [...members], true),
  ],
  // Back and forward: open, and leave the scroll position to the browser (a hashchange
  // that comes with it scrolls as usual).
  [window, 'popstate', () => follow(location.hash, [...members], false)],
  // pushState / replaceState, which only the Navigation API reports (Chromium): open, and
  // leave scrolling to the router that called them.
  [
    (globalThis as {navigation?: EventTarget}).navigation,
    'navigate',
    (event) => {
      const {navigationType, hashChange, destination} = event as NavigateEvent;
      if (!hashChange && /^(push|replace)$/.test(navigationType)) follow(new URL(destination.url).hash, [...members], false);
    },
  ],
];
let active: ReturnType<typeof listeners> | undefined;

export function joinPage(element: PageMember): void {
  if (!members.size) for (const [target, type, listener] of (active = listeners())) target?.addEventListener(type, listener);
  members.add(element);
  langObserver ??= new MutationObserver(() => members.forEach((member) => member.refreshLang()));
  const options = {attributes: true, attributeFilter: ['lang'], subtree: true};
  let root = element.getRootNode();
  langObserver.observe(root, options);
  while (root instanceof ShadowRoot) langObserver.observe((root = root.host.getRootNode()), options);
  // Elements that connect in the same task (the page's elements upgrading together) are
  // followed together, so the scroll can pick the first of them in document order.
  if (joined.push(element) === 1) {
    queueMicrotask(() => {
      const batch = joined;
      joined = [];
      follow(location.hash, batch, 'once');
    });
  }
}

export function leavePage(element: PageMember): void {
  if (!members.delete(element) || members.size) return;
  for (const [target, type, listener] of active!) target?.removeEventListener(type, listener);
  langObserver!.disconnect();
  langObserver = active = undefined;
}

/** For tests: how many elements the page-wide state holds (0 once every element has left). */
export const pageMembers = () => members.size;

/**
 * Opens the linked item in `targets`, and scrolls to the first (see on-demand.ts). The code
 * that does it is loaded only when the URL holds a `#milia-` link: other pages carry none of it.
 */
function follow(hash: string, targets: PageMember[], scroll: boolean | 'once'): void {
  if (!/^#milia-/.test(hash)) return;
  import('./on-demand.js').then(
    (onDemand) => onDemand.followLink(hash, targets, scroll, members),
    (error) => console.warn(`milia-widgets: the #milia- link is not followed: a file did not load. ${error}`)
  );
}
