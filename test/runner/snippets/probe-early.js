// First script on a snippet page (a classic script in <head>, so it runs before the pasted
// snippet is parsed): records how each script ended (load or error: a CORS or integrity
// failure fires `error` on the element, and nothing else would tell), page errors, warnings
// and Content-Security-Policy violations.
const early = (window.__snippetEarly = {outcomes: new Map(), errors: [], warnings: [], violations: []});
// Load and error events of elements do not bubble, but a capturing listener sees them: on the
// document, since a `load` event never reaches window (DOM: a document's parent for "load" is null).
for (const type of ['load', 'error']) {
  document.addEventListener(
    type,
    (event) => {
      if (event.target instanceof HTMLScriptElement) early.outcomes.set(event.target, type);
    },
    true
  );
}
addEventListener('error', (event) => {
  if (event.target === window) early.errors.push(String(event.message || event.error));
});
addEventListener('unhandledrejection', (event) => early.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  early.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`)
);
for (const level of ['warn', 'error']) {
  const original = console[level];
  console[level] = (...args) => {
    early.warnings.push(`${level}: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
}
