/**
 * Sort comparator for elements in the order a reader meets them on the page, across shadow
 * trees. `compareDocumentPosition` only orders nodes of one tree; between trees the answer
 * is left to the engine (WebKit and Chromium differ). So each element is lifted through the
 * hosts of its shadow roots until both sit in the same tree, and compared there; an element
 * inside another's shadow tree comes after that host (shadow-including tree order).
 */
export function byDocumentOrder(a: Element, b: Element): number {
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  for (const x of chainA) {
    const y = chainB.find((node) => node.getRootNode() === x.getRootNode());
    if (!y) continue;
    if (x === y) return chainA.indexOf(x) - chainB.indexOf(y);
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
  }
  return 0;
}

/** The element, then the host of its shadow root, and so on up to the document's tree. */
function hostChain(element: Element): Element[] {
  const chain = [element];
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    chain.push(root.host);
  }
  return chain;
}
