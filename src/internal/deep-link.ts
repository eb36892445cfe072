import {byDocumentOrder} from './document-order.js';
import type {PageMember} from './page.js';

/** The hash whose item was scrolled into view, so elements that arrive later stay put. */
let scrolledFor: string | null = null;
/** Elements that connected since the last pass (`'once'`), followed together. */
let joined: PageMember[] = [];
let batch: Promise<void> | undefined;

/**
 * Opens the item of `#milia-<id>` in each of `targets` that shows it (in document order, so
 * events come in reading order), once the targets have rendered, then scrolls the first
 * such item into view: always after a hash change (`true`), never after back/forward or a
 * router's pushState (`false`, the browser or the router decides), and for elements that
 * appear later only if this link was not scrolled to yet (`'once'`).
 */
export function followLink(hash: string, targets: PageMember[], scroll: boolean | 'once', members: Set<PageMember>) {
  if (scroll !== 'once') return follow(hash, targets, scroll, members);
  // Elements that connect in the same task (the page's elements upgrading together) are
  // followed together, so the scroll can pick the first of them in document order.
  joined.push(...targets);
  return (batch ??= new Promise<void>((resolve) => setTimeout(resolve)).then(() => {
    const together = joined;
    joined = [];
    batch = undefined;
    return follow(hash, together, scroll, members);
  }));
}

async function follow(hash: string, targets: PageMember[], scroll: boolean | 'once', members: Set<PageMember>) {
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
