/**
 * The strict Content-Security-Policy our widgets must work under (design.md, README):
 * - script-src 'self': our files come from the site's own origin (or add the CDN's origin);
 * - style-src 'self': our styles are constructable stylesheets, never <style> or style="";
 * - require-trusted-types-for 'script' + trusted-types: Lit creates the policy `lit-html`
 *   for its templates, we create `milia-widgets` for the FAQPage JSON-LD text;
 *   'allow-duplicates' because each copy of Lit on a page creates its own `lit-html` policy.
 */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html milia-widgets 'allow-duplicates'";
