/**
 * Sort comparator for elements in document order. Compare the custom elements themselves,
 * never nodes inside their shadow roots: the order of nodes in different shadow trees is
 * left to the engine (WebKit answers differently from Chromium).
 */
export const byDocumentOrder = (a: Node, b: Node): number =>
  a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
