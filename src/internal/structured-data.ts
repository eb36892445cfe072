import type {LocaleContent} from './content-types.js';

/**
 * The page-wide JSON-LD that `structured-data` elements ask for: one FAQPage for every
 * `<milia-faq structured-data>` and one MedicalWebPage for every `<milia-info structured-data>`.
 * This module only keeps the list of asking elements; the writer that builds and places the
 * scripts is loaded the first time an element asks (a file of its own beside the ES module,
 * inline in the classic script), so pages without structured data carry none of it.
 */
export interface StructuredDataSource extends HTMLElement {
  /** The language content and shown ids, or undefined while a language file loads. */
  structuredDataItems(): {locale: LocaleContent; ids: string[]} | undefined;
}

const askers = new Set<StructuredDataSource>();
let writer: Promise<typeof import('./structured-data-writer.js')> | undefined;
let written: Promise<void> | undefined;
let scheduled = false;

/** Adds or removes an element from the askers; the scripts are rewritten once per microtask. */
export function requestStructuredData(element: StructuredDataSource, wanted: boolean): void {
  if (wanted === askers.has(element) && !wanted) return;
  if (wanted) askers.add(element);
  else askers.delete(element);
  if (scheduled) return;
  scheduled = true;
  writer ??= import('./structured-data-writer.js');
  written = writer.then(
    (module) => {
      scheduled = false;
      module.writeStructuredData([...askers]);
    },
    (error) => console.warn(`milia-widgets: structured data skipped: its file did not load. ${error}`)
  );
}

/** For tests: how many elements the page-wide structured data holds. */
export const structuredDataAskers = () => askers.size;

/** For tests: settles once the latest requested write has happened. */
export const structuredDataWritten = () => written;
