// Loaded last on every fixture page: waits for the widgets, exercises them the way a reader
// would, measures the layout, runs axe when the page loaded it, and leaves the findings in
// window.__probe for the test in test/browser/embed.test.ts to read.
const widgets = [...document.querySelectorAll('milia-info, milia-faq')];
const probe = {done: false, widgets: widgets.length};
try {
  await Promise.all(['milia-info', 'milia-faq'].map((tag) => customElements.whenDefined(tag)));
  await Promise.all(widgets.map((widget) => widget.updateComplete));

  probe.rendered = widgets.filter((widget) => widget.shadowRoot?.querySelector('button[aria-controls]')).length;
  probe.fallbackVisible = widgets.some((widget) =>
    [...widget.children].some((child) => !child.slot && child.getBoundingClientRect().height > 0)
  );

  // A reader opens the first section of the first widget, and the last section of the last.
  const toggled = [];
  for (const widget of new Set([widgets[0], widgets[widgets.length - 1]])) {
    const buttons = widget.shadowRoot.querySelectorAll('button[aria-controls]');
    const button = buttons[buttons.length - 1];
    button.click();
    await widget.updateComplete;
    const panel = widget.shadowRoot.getElementById(button.getAttribute('aria-controls'));
    toggled.push(button.getAttribute('aria-expanded') === 'true' && panel.getBoundingClientRect().height > 20);
  }
  probe.toggled = toggled.every(Boolean);

  const first = widgets[0].shadowRoot;
  const buttons = [...first.querySelectorAll('button')];
  probe.smallestButton = Math.min(...buttons.map((b) => b.getBoundingClientRect().height));
  probe.pageOverflowsX = document.documentElement.scrollWidth > document.documentElement.clientWidth;
  probe.root = {lang: first.querySelector('.root').lang, dir: getComputedStyle(first.querySelector('.root')).direction};
  const heading = first.querySelector('[part~="heading"]');
  probe.headingStyle = {fontWeight: getComputedStyle(heading).fontWeight, textTransform: getComputedStyle(heading).textTransform};
  // Structured data is written by a file loaded on demand: give it a moment when asked for.
  const jsonLd = () => document.querySelectorAll('script[type="application/ld+json"]').length;
  for (let wait = 0; widgets.some((w) => w.structuredData) && !jsonLd() && wait < 50; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  probe.jsonLd = jsonLd();
  probe.firstTitle = first.querySelector('button[aria-controls]').textContent.trim();

  if (window.axe) {
    const {axe} = window;
    // A page may turn off a named rule with data-axe-skip on <html> (see "many" in host-pages.mjs for why).
    const skip = (document.documentElement.dataset.axeSkip || '').split(/\s+/).filter(Boolean);
    const rules = Object.fromEntries(skip.map((id) => [id, {enabled: false}]));
    const result = await axe.run(document, {resultTypes: ['violations'], rules});
    probe.axe = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
} catch (error) {
  probe.failure = String((error && error.stack) || error);
}
probe.errors = window.__early.errors;
probe.violations = window.__early.violations;
probe.done = true;
window.__probe = probe;
