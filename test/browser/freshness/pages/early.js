// Loaded first in the pages that trusted-types.test.ts builds (a classic script: it runs
// before the elements' module): records errors, Content-Security-Policy violations and
// console warnings from the start, in window.__early, for the test to read.
const early = (window.__early = {errors: [], violations: [], warnings: []});
addEventListener('error', (event) => early.errors.push(String(event.message || event.error)));
addEventListener('unhandledrejection', (event) => early.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  early.violations.push(`${event.violatedDirective}: ${event.sample}`)
);
const warn = console.warn;
console.warn = (...args) => {
  early.warnings.push(args.map(String).join(' '));
  warn.apply(console, args);
};
