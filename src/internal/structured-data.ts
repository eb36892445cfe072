import type {LocaleContent} from './content-types.js';
import {blocksToText} from './rich-text.js';

/**
 * One FAQPage (`<script type="application/ld+json">` in `document.head`) for the whole page,
 * however many `<milia-faq structured-data>` elements ask: the union of their shown
 * questions in document order, in the first asking element's language. Removed when the last
 * asking element leaves. Search engines expect a single FAQPage per page, so if the page
 * already has one that we did not make, we add nothing and warn once.
 */
export interface StructuredDataSource extends Element {
  /** The language content and shown question ids, or null while a language file loads. */
  structuredDataSource(): {locale: LocaleContent; ids: string[]} | null;
}

const MARKER = 'data-milia-widgets';
const askers = new Set<StructuredDataSource>();
let script: HTMLScriptElement | null = null;
let scheduled = false;
let warnedAboutForeignFaqPage = false;

/** Adds or removes an element from the askers; the script is rewritten once per microtask. */
export function requestStructuredData(element: StructuredDataSource, wanted: boolean): void {
  if (wanted) askers.add(element);
  else askers.delete(element);
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(writeStructuredData);
}

function writeStructuredData(): void {
  scheduled = false;
  const ordered = [...askers]
    .filter((element) => element.isConnected)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1));
  const first = ordered[0]?.structuredDataSource();
  if (!first || pageHasForeignFaqPage()) {
    script?.remove();
    script = null;
    return;
  }
  const ids = [...new Set(ordered.flatMap((element) => element.structuredDataSource()?.ids ?? []))];
  const json = faqPageJson(first.locale, ids);
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.setAttribute(MARKER, '');
  }
  script.text = trustedScript(json) as string;
  if (!script.isConnected) document.head.append(script);
}

/**
 * The FAQPage JSON-LD text for the given questions, built from plain data with
 * JSON.stringify (never by joining strings of content). Answers are plain text.
 */
export function faqPageJson(locale: LocaleContent, ids: string[]): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    inLanguage: locale.lang,
    mainEntity: ids
      .map((id) => locale.faq.find((item) => item.id === id))
      .filter((item) => item !== undefined)
      .map((item) => ({
        '@type': 'Question',
        name: item.title,
        acceptedAnswer: {'@type': 'Answer', text: blocksToText(item.body)},
      })),
  };
  // JSON.stringify escapes quotes and control characters; escaping `<` as well means no
  // text can close the script element early (`</script>`) or open a comment (`<!--`).
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Any FAQPage in JSON-LD or microdata that this module did not write. */
function pageHasForeignFaqPage(): boolean {
  const foreign = [...document.querySelectorAll(`script[type="application/ld+json"]:not([${MARKER}])`)].some((element) => {
    try {
      return mentionsFaqPage(JSON.parse(element.textContent ?? ''));
    } catch {
      return false;
    }
  });
  const found = foreign || !!document.querySelector('[itemtype$="schema.org/FAQPage"]');
  if (found && !warnedAboutForeignFaqPage) {
    warnedAboutForeignFaqPage = true;
    console.warn(
      'milia-widgets: <milia-faq structured-data> found a FAQPage on this page that it did not add, so it adds none: search engines expect one FAQPage per page.'
    );
  }
  return found;
}

function mentionsFaqPage(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsFaqPage);
  if (!value || typeof value !== 'object') return false;
  const node = value as Record<string, unknown>;
  const type = node['@type'];
  if (type === 'FAQPage' || (Array.isArray(type) && type.includes('FAQPage'))) return true;
  return mentionsFaqPage(node['@graph']);
}

interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
}
let policy: TrustedTypePolicyLike | null | undefined;

/**
 * Under `require-trusted-types-for 'script'`, script text must be a TrustedScript. Our
 * policy `milia-widgets` is fed only the JSON.stringify output above. Without Trusted
 * Types (or if the page's CSP does not allow our policy name) the plain string is used.
 */
function trustedScript(json: string): unknown {
  if (policy === undefined) {
    const factory = (globalThis as {trustedTypes?: {createPolicy(name: string, rules: {createScript(s: string): string}): TrustedTypePolicyLike}})
      .trustedTypes;
    try {
      policy = factory ? factory.createPolicy('milia-widgets', {createScript: (input) => input}) : null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScript(json) : json;
}
