// Loaded first on the lifecycle host pages (a classic script from the page's own origin, so
// the strict policies allow it), after test/runner/pages/probe-early.js: keeps every
// console.warn from the very start (registration warnings come while the bundle loads),
// still printing them; every milia-toggle event (a deep link may open items before the
// page's load event); and every scroll position the page takes (a scroll to the wrong
// element that is corrected later would not show in the final position).
const lifecycle = (window.__lifecycle = {warnings: [], toggles: [], scrolls: []});
const warn = console.warn.bind(console);
console.warn = (...args) => {
  lifecycle.warnings.push(args.map(String).join(' '));
  warn(...args);
};
addEventListener('scroll', () => lifecycle.scrolls.push(Math.round(scrollY)), {passive: true});
document.addEventListener('milia-toggle', (event) => lifecycle.toggles.push(event.detail));
