// The measuring code, injected before any page script into every bench page alike
// (Page.addScriptToEvaluateOnNewDocument), so native and ours are timed by the same code and
// no page carries a script of its own. It records, as performance.now() values (ms from
// navigation start) and as User Timing marks that the trace places on its clock:
//
// - `bench-title-seen`: the first animation frame in which the first item's title (its text,
//   e.g. "What are milia?") is in the document or in an open shadow root, visible
//   (checkVisibility) and laid out (has a box). That frame then paints it: rAF callbacks run
//   before the frame's style, layout and paint. The trace gives the end of that paint.
// - `bench-ready`: every <milia-info> defined and rendered (customElements.whenDefined, then
//   each updateComplete); a click on an item button works from here. Never on native pages.
// - layout shifts (without recent input), summed.
//
// It reports each step to the bench through a CDP binding (`__benchReport`, Runtime.addBinding),
// so the bench does not poll the page while it loads; the call is made from a task of its own
// (setTimeout), never inside the frame being measured.

/** The probe's source, for page.evaluateOnNewDocument. `title` is the text to look for. */
export function probeSource(title) {
  return `(() => {
  const TITLE = ${JSON.stringify(title)};
  const state = (window.__bench = {shifts: 0});
  // For the check of the method: the title's text node, found again after the load.
  state.findTitle = () => findTitle(document.body);
  const report = (step) => setTimeout(() => window.__benchReport && window.__benchReport(step));

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) state.shifts += e.value;
  }).observe({type: 'layout-shift', buffered: true});

  // Document order, descending into open shadow roots (template contents are not walked:
  // a declarative shadow root counts once the parser has attached it).
  const findTitle = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.data.trim() === TITLE) return node;
      } else if (node.shadowRoot) {
        const found = findTitle(node.shadowRoot);
        if (found) return found;
      }
    }
    return null;
  };
  const poll = () => {
    const text = document.body && findTitle(document.body);
    const element = text && text.parentElement;
    if (element && element.checkVisibility({visibilityProperty: true, opacityProperty: true}) && element.getClientRects().length) {
      state.seen = performance.now();
      performance.mark('bench-title-seen');
      report('seen');
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);

  customElements.whenDefined('milia-info').then(async () => {
    const elements = [...document.querySelectorAll('milia-info')];
    await Promise.all(elements.map((element) => element.updateComplete));
    state.ready = performance.now();
    performance.mark('bench-ready');
    report('ready');
  });

  addEventListener('load', () =>
    setTimeout(() => {
      state.load = performance.getEntriesByType('navigation')[0].loadEventEnd || performance.now();
      report('load');
    })
  );
})();`;
}

/**
 * What is in the page, counted in the page (shadow trees included): elements in the light
 * DOM and in shadow roots, text and comment nodes, and the text a reader gets. Run with
 * page.evaluate once the page is ready.
 */
export function countInPage() {
  const counts = {lightElements: 0, shadowElements: 0, textNodes: 0, commentNodes: 0};
  const walk = (root, inShadow) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) counts.textNodes++;
      else if (node.nodeType === Node.COMMENT_NODE) counts.commentNodes++;
      else {
        counts[inShadow ? 'shadowElements' : 'lightElements']++;
        if (node.shadowRoot) walk(node.shadowRoot, true);
      }
    }
  };
  walk(document, false);
  const hosts = [...document.querySelectorAll('milia-info')].map((host) => host.shadowRoot);
  const blocks = hosts.length ? hosts : [...document.querySelectorAll('.milia-native')];
  counts.blocks = blocks.length;
  counts.rendered = blocks.every((block) => block);
  // Whitespace differs between templates and the generated HTML; the words must not. A
  // prerendered root with its styles inline keeps its <style> until the script replaces it.
  const words = (block) => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.parentNode.localName !== 'style') text += node.data;
    return text.replace(/\s+/g, '');
  };
  counts.text = blocks.map((block) => (block ? words(block) : '')).join('\n');
  counts.textChars = counts.text.length - Math.max(0, blocks.length - 1);
  return counts;
}
