// Measures where content after the widgets sits before and after they upgrade (the layout
// shift a reader would see), loading the widgets' script only in between.
const after = document.getElementById('after');
const before = after.getBoundingClientRect().top;
await import('/dist/milia-widgets.js');
const widgets = [...document.querySelectorAll('milia-info, milia-faq')];
await Promise.all(widgets.map((widget) => customElements.whenDefined(widget.localName).then(() => widget.updateComplete)));
window.__late = {before, after: after.getBoundingClientRect().top, done: true};
