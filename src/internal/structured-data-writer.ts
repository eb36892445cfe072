import type {FAQPage, HealthAspectEnumeration, MedicalWebPage, WithContext} from 'schema-dts';
import type {LocaleContent} from './content-types.js';
import {byDocumentOrder} from './document-order.js';
import type {StructuredDataSource} from './page.js';
import {masterOf} from './rich-text.js';

/**
 * The page-wide JSON-LD that `structured-data` elements ask for: one FAQPage for every
 * `<milia-faq structured-data>` and one MedicalWebPage for every `<milia-info structured-data>`.
 * It is part of the on-demand file (see on-demand.ts), loaded the first time an element asks.
 *
 * It builds and places the JSON-LD for the asking elements:
 * per kind, one `<script type="application/ld+json">` in `document.head` with the union of
 * the askers' shown items in document order, in the first asker's language; removed when
 * the last asker of that kind leaves. Search engines expect one FAQPage (and one
 * MedicalWebPage) per page, so if the page already has one we did not make, we add none
 * and say so once. The objects are typed with schema-dts (schema.org's vocabulary), and
 * serialised with JSON.stringify only, never by joining strings of content.
 */
const askers = new Set<StructuredDataSource>();
let written: Promise<void> | undefined;

/** Adds or removes an element from the askers; the scripts are rewritten once per microtask. */
export function requestStructuredData(element: StructuredDataSource, wanted: boolean): void {
  if (wanted) askers.add(element);
  else askers.delete(element);
  written ??= Promise.resolve().then(() => {
    written = undefined;
    writeStructuredData([...askers]);
  });
}

/** For tests: settles once the latest requested write has happened. */
export const structuredDataWritten = () => written;

/** For tests: how many elements the page-wide structured data holds. */
export const structuredDataAskers = () => askers.size;

type Build = (locale: LocaleContent, ids: string[]) => WithContext<FAQPage | MedicalWebPage>;

interface Kind {
  type: 'FAQPage' | 'MedicalWebPage';
  build: Build;
  script?: HTMLScriptElement;
  warnedAboutForeign?: boolean;
}

/** schema.org health aspect of each `<milia-info>` section id (the type checks each name). */
const HEALTH_ASPECTS: Record<string, HealthAspectEnumeration> = {
  overview: 'https://schema.org/OverviewHealthAspect',
  types: 'https://schema.org/TypesHealthAspect',
  causes: 'https://schema.org/CausesHealthAspect',
  removal: 'https://schema.org/TreatmentsHealthAspect',
  'home-care': 'https://schema.org/SelfCareHealthAspect',
  'see-a-doctor': 'https://schema.org/SeeDoctorHealthAspect',
};

/** Plain text of a body: FAQPage answers take no markup. */
const textOf = (blocks: LocaleContent['faq'][number]['body']) =>
  [...masterOf(blocks).querySelectorAll('p, li')].map((block) => block.textContent).join(' ');

const byId = (items: LocaleContent['faq'], ids: string[]) => ids.map((id) => items.find((item) => item.id === id)!);

export const faqPage: Build = (locale, ids) => ({
  '@context': 'https://schema.org',
  '@type': 'FAQPage',
  inLanguage: locale.lang,
  mainEntity: byId(locale.faq, ids).map((item) => ({
    '@type': 'Question',
    name: item.title,
    acceptedAnswer: {'@type': 'Answer', text: textOf(item.body)},
  })),
});

// Never `reviewedBy`: no clinician reviewed this content.
export const medicalWebPage: Build = (locale, ids) => ({
  '@context': 'https://schema.org',
  '@type': 'MedicalWebPage',
  inLanguage: locale.lang,
  lastReviewed: locale.checked,
  about: {'@type': 'MedicalCondition', name: 'Milia', alternateName: 'milium'},
  hasPart: byId(locale.info, ids).map((item) => ({
    '@type': 'HealthTopicContent',
    name: item.title,
    hasHealthAspect: HEALTH_ASPECTS[item.id],
  })),
});

const KINDS: Record<string, Kind> = {
  'milia-faq': {type: 'FAQPage', build: faqPage},
  'milia-info': {type: 'MedicalWebPage', build: medicalWebPage},
};

function writeStructuredData(askers: StructuredDataSource[]): void {
  for (const [tag, kind] of Object.entries(KINDS)) {
    const ordered = askers.filter((element) => element.localName === tag && element.isConnected).sort(byDocumentOrder);
    const first = ordered[0]?.structuredDataItems();
    const json = first && !pageHasForeign(kind) && toJson(kind.build(first.locale, unionOfIds(ordered)));
    if (!json || !place(kind, json)) {
      kind.script?.remove();
      kind.script = undefined;
    }
  }
}

const unionOfIds = (elements: StructuredDataSource[]) => [
  ...new Set(elements.flatMap((element) => element.structuredDataItems()?.ids ?? [])),
];

// JSON.stringify escapes quotes and control characters; escaping `<` as well means no text
// can close the script element early (`</script>`) or open a comment (`<!--`).
export const toJson = (data: object) => JSON.stringify(data).replace(/</g, '\\u003c');

/** Writes the script (only when its text changed) and puts it in the head; false if refused. */
function place(kind: Kind, json: string): boolean {
  const script = (kind.script ??= Object.assign(document.createElement('script'), {type: 'application/ld+json'}));
  if (script.text !== json) {
    const text = trustedScript(json);
    if (text === null) return false;
    script.text = text as string;
  }
  if (!script.isConnected) document.head.append(script);
  return true;
}

/**
 * Any structured data of this type that this module did not write: JSON-LD (the kind SEO
 * plugins write; the type as a term, "schema:FAQPage" or a full IRI) or microdata (the
 * `itemtype` of theme and FAQ-block markup). Search engines read both.
 */
function pageHasForeign(kind: Kind): boolean {
  const named = new RegExp(`["/:]${kind.type}"`);
  const found =
    !!document.querySelector(`[itemtype~="https://schema.org/${kind.type}"], [itemtype~="http://schema.org/${kind.type}"]`) ||
    [...document.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')].some(
      (element) => element !== kind.script && named.test(element.text)
    );
  if (found && !kind.warnedAboutForeign) {
    kind.warnedAboutForeign = true;
    console.warn(`milia-widgets: no ${kind.type} structured data added: the page has one already (search engines want one).`);
  }
  return found;
}

interface ScriptPolicy {
  createScript(input: string): unknown;
}
type TrustedTypes = {createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy};
let policy: ScriptPolicy | null | undefined;

/**
 * Under `require-trusted-types-for 'script'`, script text must be a TrustedScript, made by
 * our policy `milia-widgets` (fed only the JSON.stringify output above). If the page's CSP
 * does not allow that policy name, the text cannot be set: we skip structured data and say
 * which directive to change, once, instead of throwing. Returns null in that case.
 */
function trustedScript(json: string): unknown {
  const trustedTypes = (window as {trustedTypes?: TrustedTypes}).trustedTypes;
  if (policy === undefined) {
    try {
      policy = trustedTypes?.createPolicy('milia-widgets', {createScript: (input) => input}) ?? null;
    } catch {
      policy = null;
    }
  }
  if (policy) return policy.createScript(json);
  // No policy: fine where Trusted Types are not enforced; probe whether they are.
  try {
    document.createElement('script').text = json;
    return json;
  } catch {
    warnTrustedTypesOnce();
    return null;
  }
}

let warnedAboutTrustedTypes = false;
function warnTrustedTypesOnce(): void {
  if (warnedAboutTrustedTypes) return;
  warnedAboutTrustedTypes = true;
  console.warn(
    'milia-widgets: structured data skipped: the page\'s Content-Security-Policy enforces Trusted Types but does not allow the policy "milia-widgets". ' +
      "Add it to the directive: trusted-types lit-html milia-widgets 'allow-duplicates'"
  );
}
