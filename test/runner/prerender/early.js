// Loaded first on every prerender test page (a classic script in <head>, allowed by the
// strict CSP since it comes from the page's own origin). Records, from the very start:
// CSP violations, errors, layout shifts (where the engine reports them) and, on every
// animation frame, what each widget's shadow root holds, so a test can tell whether any
// frame showed no content or the content twice while the element took over.
const record = (window.__prerender = {
  errors: [],
  violations: [],
  layoutShift: {supported: false, total: 0, entries: []},
  frames: [],
  framesSeen: 0,
  toggles: [],
});
addEventListener('error', (event) => record.errors.push(String(event.message || event.error)));
addEventListener('unhandledrejection', (event) => record.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  record.violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`
  )
);

// milia-toggle is composed: every element's events reach the document.
document.addEventListener('milia-toggle', (event) => record.toggles.push(event.detail));

const describeNode = (node) =>
  node
    ? `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).split(' ')[0]}` : ''}`
    : 'null';
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      record.layoutShift.entries.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        time: Math.round(entry.startTime),
        sources: (entry.sources || []).map((source) => ({
          node: describeNode(source.node),
          from: [source.previousRect.y, source.previousRect.height].map(Math.round),
          to: [source.currentRect.y, source.currentRect.height].map(Math.round),
        })),
      });
      if (!entry.hadRecentInput) record.layoutShift.total += entry.value;
    }
  }).observe({type: 'layout-shift', buffered: true});
  record.layoutShift.supported = PerformanceObserver.supportedEntryTypes.includes('layout-shift');
} catch {
  // No layout-shift entries in this engine (Firefox, WebKit): the tests compare boxes instead.
}

/**
 * One frame's view of the widgets: per widget, defined?, its stylesheet (the prerendered
 * <link>) loaded?, how many .root, whether the controls are inert spans or buttons.
 */
function snapshot() {
  return [...document.querySelectorAll('milia-info, milia-faq')]
    .map((widget) => {
      const root = widget.shadowRoot;
      const defined = widget.matches(':defined') ? 'defined' : 'undefined';
      if (!root) return `${widget.localName}:${defined}:no-shadow-root`;
      const link = root.querySelector('link');
      const css = link ? (link.sheet ? 'css' : 'css-pending') : 'no-link';
      const roots = root.querySelectorAll('.root').length;
      const controls = [...root.querySelectorAll('.toggle')].map((el) => el.localName);
      const kind = controls.every((name) => name === 'span')
        ? 'spans'
        : controls.every((name) => name === 'button')
          ? 'buttons'
          : 'mixed';
      return `${widget.localName}:${defined}:${css}:roots=${roots}:${kind}`;
    })
    .join(' ');
}

/**
 * Where things are in this frame, in the page's coordinates: the content after the widget,
 * and per widget its box, the show-all row, each item (by id: the element replaces the
 * prerendered nodes with its own, with the same ids) and the footer.
 */
function boxes() {
  const out = {};
  const put = (name, el) => {
    if (!el) return;
    const r = el.getBoundingClientRect();
    out[name] = [r.left, r.top + scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10);
  };
  put('after', document.getElementById('after'));
  document.querySelectorAll('milia-info, milia-faq').forEach((widget, i) => {
    put(`${i}:widget`, widget);
    const root = widget.shadowRoot;
    if (!root) return;
    put(`${i}:controls`, root.querySelector('.controls'));
    root.querySelectorAll('.section').forEach((section) => put(`${i}:${section.id}`, section));
    put(`${i}:footer`, root.querySelector('.footer'));
  });
  return out;
}

const frame = () => {
  record.framesSeen++;
  const now = snapshot();
  const last = record.frames[record.frames.length - 1];
  const where = boxes();
  const moved = !last || JSON.stringify(last.boxes) !== JSON.stringify(where) || last.viewport[2] !== scrollY;
  if (!last || last.state !== now || moved) {
    record.frames.push({
      frame: record.framesSeen,
      time: Math.round(performance.now()),
      state: now,
      boxes: where,
      viewport: [innerWidth, innerHeight, scrollY],
    });
  }
  if (record.framesSeen < 3000) requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
