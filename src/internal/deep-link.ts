import {byDocumentOrder} from './document-order.js';

/**
 * `#milia-<id>` in the page URL opens that item in every element that shows it, at load and
 * on every later `hashchange`, and scrolls the first such item (in document order) into view.
 * One listener serves every element on the page.
 */
export interface DeepLinkTarget extends HTMLElement {
  /** Opens the item if this element shows it; returns the element to scroll to, or null. */
  __openFromLink(id: string): HTMLElement | null;
}

/** Elements that have rendered and are in the page. */
export const linkTargets = new Set<DeepLinkTarget>();
/** The hash we already scrolled for, so elements that render later do not scroll again. */
let scrolledFor: string | null = null;
let pending: {host: DeepLinkTarget; item: HTMLElement}[] = [];

addEventListener('hashchange', () => {
  scrolledFor = null;
  openLinked(linkTargets);
});

/**
 * Opens the linked item in each of `targets` that shows it and queues a scroll to it, unless
 * this hash was already scrolled to (an element that renders after load opens, but stays put).
 */
export function openLinked(targets: Iterable<DeepLinkTarget>): void {
  // Our ids are plain ASCII, so the hash needs no decoding.
  const [, id] = /^#milia-(.+)/.exec(location.hash) ?? [];
  if (!id) return;
  for (const host of targets) {
    const item = host.__openFromLink(id.toLowerCase());
    if (item && scrolledFor !== location.hash) queueScroll(host, item);
  }
}

/** Elements upgrading together each queue their item; one frame later the first one wins. */
function queueScroll(host: DeepLinkTarget, item: HTMLElement): void {
  pending.push({host, item});
  if (pending.length > 1) return;
  requestAnimationFrame(() => {
    const [first] = pending.sort((a, b) => byDocumentOrder(a.host, b.host));
    pending = [];
    scrolledFor = location.hash;
    first.item.scrollIntoView({block: 'start'});
  });
}
