import type {LocaleContent} from './content-types.js';
import {blocksToText} from './rich-text.js';
import {byDocumentOrder} from './document-order.js';

/**
 * One FAQPage (`<script type="application/ld+json">` in `document.head`) for the whole page,
 * however many `<milia-faq structured-data>` elements ask: the union of their shown
 * questions in document order, in the first asking element's language. Removed when the last
 * asking element leaves. Search engines expect a single FAQPage per page, so if the page
 * already has one that we did not make, we add nothing and warn once.
 */
export interface StructuredDataSource extends Element {
  /** The language content and shown question ids, or null while a language file loads. */
  __structuredData(): {locale: LocaleContent; ids: string[]} | null;
}

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
  const ordered = [...askers].filter((element) => element.isConnected).sort(byDocumentOrder);
  const first = ordered[0]?.__structuredData();
  if (!first || pageHasForeignFaqPage()) {
    script?.remove();
    script = null;
    return;
  }
  const ids = [...new Set(ordered.flatMap((element) => element.__structuredData()?.ids ?? []))];
  const json = faqPageJson(first.locale, ids);
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
  }
  // A reader's toggles re-run this with the same questions: leave the script alone then.
  if (script.text !== json) script.text = trustedScript(json);
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
      .map((id) => locale.faq.find((item) => item.id === id)!)
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

/** Any JSON-LD FAQPage (the form SEO plugins write) that this module did not write. */
function pageHasForeignFaqPage(): boolean {
  const found = [...document.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')].some(
    (element) => element !== script && /"FAQPage"/.test(element.text)
  );
  if (found && !warnedAboutForeignFaqPage) {
    warnedAboutForeignFaqPage = true;
    console.warn(
      'milia-widgets: <milia-faq structured-data> adds no FAQPage: the page has one already (search engines want one).'
    );
  }
  return found;
}

interface ScriptPolicy {
  createScript(input: string): string;
}
let policy: ScriptPolicy | null | undefined;

/**
 * Under `require-trusted-types-for 'script'`, script text must be a TrustedScript. Our
 * policy `milia-widgets` is fed only the JSON.stringify output above. Without Trusted
 * Types (or if the page's CSP does not allow our policy name) the plain string is used.
 */
function trustedScript(json: string): string {
  if (policy === undefined) {
    try {
      policy = (
        window as {trustedTypes?: {createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy}}
      ).trustedTypes?.createPolicy('milia-widgets', {createScript: (input) => input});
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScript(json) : json;
}
