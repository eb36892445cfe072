// Last script on a snippet page: waits until every pasted script has loaded or failed, then
// looks at the widgets as a reader would (rendered? fallback hidden? a title opens?) and leaves
// the findings in window.__snippetProbe for test/browser/snippets.test.ts.
const early = window.__snippetEarly;
const pasted = document.querySelector('main');
const scripts = [...pasted.querySelectorAll('script[src]')];
const widgets = [...pasted.querySelectorAll('milia-info, milia-faq')];
const probe = {done: false, widgets: widgets.length};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check, ms) {
  for (const started = Date.now(); Date.now() - started < ms; await sleep(20)) if (check()) return true;
  return false;
}

try {
  await until(() => scripts.every((script) => early.outcomes.has(script)), 10000);
  probe.scripts = scripts.map((script) => ({src: script.getAttribute('src'), outcome: early.outcomes.get(script) ?? 'pending'}));
  const loaded = scripts.length > 0 && probe.scripts.every((script) => script.outcome === 'load');
  const tags = [...new Set(widgets.map((widget) => widget.localName))];
  // A module script's load event comes after it ran; a classic defer script's too. So once
  // loaded, the elements are defined, or they never will be.
  if (loaded) await Promise.race([Promise.all(tags.map((tag) => customElements.whenDefined(tag))), sleep(5000)]);
  probe.defined = tags.filter((tag) => customElements.get(tag));
  if (probe.defined.length === tags.length) {
    await Promise.all(widgets.map((widget) => widget.updateComplete));
  }
  const titles = (widget) => [...(widget.shadowRoot?.querySelectorAll('button[aria-controls]') ?? [])];
  probe.rendered = widgets.filter((widget) => titles(widget).length > 0).length;
  probe.firstTitles = widgets.map((widget) => titles(widget)[0]?.textContent.trim() ?? null);
  probe.fallbackVisible = widgets.some((widget) =>
    [...widget.children].some((child) => !child.slot && child.getBoundingClientRect().height > 0)
  );
  // A reader opens the first title of the first widget.
  const first = widgets[0] && titles(widgets[0])[0];
  if (first) {
    first.click();
    await widgets[0].updateComplete;
    const panel = widgets[0].shadowRoot.getElementById(first.getAttribute('aria-controls'));
    probe.opens = first.getAttribute('aria-expanded') === 'true' && panel.getBoundingClientRect().height > 20;
  }
  // Structured data is written by a file loaded on demand from the script's folder.
  const jsonLd = () => document.querySelectorAll('script[type="application/ld+json"]').length;
  if (probe.rendered && widgets.some((widget) => widget.hasAttribute('structured-data'))) await until(jsonLd, 3000);
  probe.jsonLd = jsonLd();
} catch (error) {
  probe.failure = String((error && error.stack) || error);
}
probe.errors = early.errors;
probe.warnings = early.warnings;
probe.violations = early.violations;
probe.done = true;
window.__snippetProbe = probe;
