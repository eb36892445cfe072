/**
 * The host pages the embedding tests load (test/browser/embed.test.ts): each is a real page
 * that loads the built bundles, served by the test runner at /test/runner/pages/<name>.html with
 * its own headers. One table instead of a file per page, so what differs between them is
 * all that is written down.
 */
import {STRICT_CSP} from '../csp.mjs';
import {LIFECYCLE_PAGES} from '../lifecycle/pages.mjs';

const MODULE = '<script type="module" src="/dist/milia-widgets.js"></script>';
const CLASSIC = '<script src="/dist/milia-widgets.iife.js"></script>';
const WIDGETS = `<milia-info heading-level="2"><p><a href="https://dermnetnz.org/topics/milium">Read about milia on DermNet</a></p></milia-info>
      <milia-faq structured-data heading-level="2" questions="contagious pop see-a-doctor"></milia-faq>`;

/** name -> what the page has: title, extra head markup, body, html attributes, headers. */
const PAGES = {
  'csp-module': {title: 'Strict CSP, ES module', head: MODULE, csp: true},
  'csp-classic': {title: 'Strict CSP, classic script', head: CLASSIC, csp: true},
  'csp-canary': {
    title: 'CSP canary: the strict policy is applied and violations are seen',
    head: MODULE,
    body: '<p style="color: red">An inline style attribute: the strict policy must block it.</p>\n      <milia-info sections="overview"></milia-info>',
    csp: true,
  },
  bootstrap: {
    title: 'Bootstrap 5 page',
    head: `${MODULE}\n    <link rel="stylesheet" href="/node_modules/bootstrap/dist/css/bootstrap.min.css" />`,
    body: `<div class="container"><div class="row"><div class="col-md-8">\n      ${WIDGETS}\n      </div></div></div>`,
  },
  reset: {title: 'Hostile global reset', head: `${MODULE}\n    <link rel="stylesheet" href="/test/runner/pages/hostile.css" />`},
  dark: {title: 'Dark page', head: `${MODULE}\n    <link rel="stylesheet" href="/test/runner/pages/dark.css" />`},
  rtl: {title: 'Right-to-left page', head: MODULE, lang: 'ar', dir: 'rtl'},
  // A Spanish site as WordPress writes it (a region tag): the module fetches its language
  // file from its own folder; the classic script has it inside.
  'spanish-module': {title: 'Página en español, módulo', head: MODULE, lang: 'es-ES'},
  'spanish-classic': {title: 'Página en español, script clásico', head: CLASSIC, lang: 'es-ES'},
  twice: {title: 'Classic script twice, module once', head: `${CLASSIC}\n    ${CLASSIC}\n    ${MODULE}`},
  'wordpress-classic': {
    title: 'WordPress classic editor output',
    head: '',
    // What wpautop makes of a script and an element pasted on two lines.
    body: `<div class="entry-content">\n      <p>${MODULE}<br />\n      <milia-info sections="overview see-a-doctor"></milia-info></p>\n      </div>`,
  },
  many: {
    title: '100 instances',
    head: MODULE,
    body: Array(100).fill('<milia-info sections="overview types"></milia-info>').join('\n      '),
    // 100 copies of one widget necessarily repeat the same region names (axe's best-practice
    // rule landmark-unique, not a WCAG rule); a real page shows each widget once.
    axeSkip: 'landmark-unique',
  },
  // The lifecycle tests' pages: functions, since each request gets its own file addresses.
  ...LIFECYCLE_PAGES,
};

const PROBE = `<script src="/node_modules/axe-core/axe.min.js"></script>
    <script type="module" src="/test/runner/pages/probe.js"></script>`;

/** The page's HTML and headers, or null when there is no such page. */
export function hostPage(name) {
  const page = typeof PAGES[name] === 'function' ? PAGES[name]() : PAGES[name];
  if (!page) return null;
  const {title, head, body = WIDGETS, lang = 'en', dir, csp, axeSkip, probe = true} = page;
  const html = `<!doctype html>
<html lang="${lang}"${dir ? ` dir="${dir}"` : ''}${axeSkip ? ` data-axe-skip="${axeSkip}"` : ''}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <script src="/test/runner/pages/probe-early.js"></script>
    ${head}
  </head>
  <body>
    <main>
      <h1>Skin care</h1>
      ${body}
    </main>
    ${probe ? PROBE : ''}
  </body>
</html>
`;
  // csp: true for the strict policy, or a policy of the page's own.
  return {html, headers: csp ? {'Content-Security-Policy': csp === true ? STRICT_CSP : csp} : {}};
}

/** Dev-server middleware that serves the pages above at /test/runner/pages/<name>.html. */
export async function hostPagesMiddleware(context, next) {
  const name = /^\/test\/runner\/pages\/([\w-]+)\.html$/.exec(context.path)?.[1];
  const page = name && hostPage(name);
  if (!page) return next();
  context.type = 'html';
  context.body = page.html;
  context.set(page.headers);
}
