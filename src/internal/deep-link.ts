/**
 * `#milia-<id>` in the page URL opens that item in every element that shows it, at load and
 * on every later `hashchange`, and scrolls the first such item (in document order) into view.
 * One listener serves every element on the page.
 */
export interface DeepLinkTarget extends HTMLElement {
  /** Opens the item if this element shows it; returns the element to scroll to, or null. */
  openFromLink(id: string): HTMLElement | null;
}

import {byDocumentOrder} from './document-order.js';

const HASH_PREFIX = '#milia-';
const targets = new Set<DeepLinkTarget>();
/** The hash we already scrolled for, so elements that render later do not scroll again. */
let scrolledFor: string | null = null;
let pending: {host: DeepLinkTarget; item: HTMLElement}[] = [];

export function linkedId(): string | null {
  const hash = location.hash;
  if (!hash.startsWith(HASH_PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(HASH_PREFIX.length)).toLowerCase();
  } catch {
    return null;
  }
}

/** Idempotent: an element may connect again after moving in the page. */
export function watchDeepLinks(target: DeepLinkTarget): void {
  if (!targets.size) addEventListener('hashchange', onHashChange);
  targets.add(target);
}

export function unwatchDeepLinks(target: DeepLinkTarget): void {
  targets.delete(target);
  if (!targets.size) removeEventListener('hashchange', onHashChange);
}

/** Called by an element after its first render: the link may predate it. */
export function applyDeepLink(target: DeepLinkTarget): void {
  const id = linkedId();
  if (!id) return;
  const scrollTo = target.openFromLink(id);
  if (scrollTo && scrolledFor !== location.hash) queueScroll(target, scrollTo);
}

function onHashChange(): void {
  scrolledFor = null;
  const id = linkedId();
  if (!id) return;
  for (const target of targets) {
    const scrollTo = target.openFromLink(id);
    if (scrollTo) queueScroll(target, scrollTo);
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
