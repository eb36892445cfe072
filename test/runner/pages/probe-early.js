// Loaded first (a classic script, so it runs before anything else): records every error,
// unhandled rejection and Content-Security-Policy violation from the very start.
const early = (window.__early = {errors: [], violations: []});
addEventListener('error', (event) => early.errors.push(String(event.message || event.error)));
addEventListener('unhandledrejection', (event) => early.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  early.violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`
  )
);
