import {byDocumentOrder} from './document-order.js';
import type {PageMember} from './page.js';

/** The hash whose item was scrolled into view, so elements that arrive later stay put. */
let scrolledFor: string | null = null;

/**
 * Opens the item of `#milia-<id>` in each of `targets` that shows it (in document order, so
 * events come in reading order), once the targets have rendered, then scrolls the first
 * such item into view: always after a hash change (`true`), never after back/forward or a
 * router's pushState (`false`, the browser or the router decides), and for elements that
 * appear later only if this link was not scrolled to yet (`'once'`).
 */
export async function followLink(hash: string, targets: PageMember[], scroll: boolean | 'once', members: Set<PageMember>) {
  const id = hash.slice(7).toLowerCase();
  const rendered = () => Promise.all(targets.map((target) => target.updateComplete));
  await rendered();
  let first: HTMLElement | null = null;
  for (const target of targets.filter((target) => members.has(target)).sort(byDocumentOrder)) {
    const item = target.openFromLink(id);
    first ??= item;
  }
  if (scroll === true) scrolledFor = null;
  if (!first || !scroll || scrolledFor === hash || location.hash !== hash) return;
  scrolledFor = hash;
  await rendered();
  first.scrollIntoView({block: 'start'});
}
