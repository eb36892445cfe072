/**
 * Host pages of the lifecycle tests (test/browser/lifecycle/), served by
 * test/runner/pages/host-pages.mjs at /test/runner/pages/<name>.html with real headers. The
 * tests load each in an iframe (a fresh document: nothing loaded or registered yet) and drive
 * the built elements from outside; so these pages have no probe, and most no widgets.
 * test/runner/lifecycle/early.js records warnings and scroll positions from the start.
 *
 * Each request gets its own addresses for the dist/ variants (test/runner/lifecycle/dist-variants.mjs),
 * and the tests ask for each page with a query of its own: the test runner marks every file
 * cacheable for a year, so a second page from the same addresses would get its "slow"
 * Spanish file from the browser's cache at once.
 */
let requests = 0;
const variant = (name) => `/test/runner/lifecycle/dist/${name}~${++requests}`;
const EARLY = '<script src="/test/runner/lifecycle/early.js"></script>';
const module = (folder) => `<script type="module" src="${folder}/milia-widgets.js"></script>`;
const classic = (folder) => `<script src="${folder}/milia-widgets.iife.js"></script>`;

/** The strict policy (test/runner/csp.mjs) minus our own Trusted Types policy name, as a site may write it. */
export const TRUSTED_TYPES_WITHOUT_OURS =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'";

const STRUCTURED = `<milia-faq structured-data questions="contagious pop"></milia-faq>
      <milia-info structured-data sections="overview causes"></milia-info>`;

const PAGES = {
  // Empty pages: the test adds the elements. The Spanish file arrives late, or never.
  'lifecycle-es-slow': () => ({
    title: 'Spanish file arrives late',
    head: `${EARLY}\n    ${module(variant('es-slow'))}`,
    body: '',
  }),
  'lifecycle-es-404': () => ({title: 'Spanish file missing', head: `${EARLY}\n    ${module(variant('es-404'))}`, body: ''}),
  // Loaded with #milia-causes: a Spanish element above an English one, the Spanish file late.
  'lifecycle-links-es-slow': () => ({
    title: 'Deep link, Spanish element first',
    head: `${EARLY}\n    ${module(variant('es-slow'))}`,
    body: `<milia-info id="es" lang="es"></milia-info>
      <div style="height: 3000px"></div>
      <milia-info id="en"></milia-info>
      <div style="height: 3000px"></div>`,
  }),
  // Trusted Types enforced, but the site's list of policies lacks `milia-widgets`.
  'lifecycle-trusted-types-module': () => ({
    title: 'Trusted Types without our policy, ES module',
    head: `${EARLY}\n    ${module('/dist')}`,
    body: STRUCTURED,
    csp: TRUSTED_TYPES_WITHOUT_OURS,
  }),
  'lifecycle-trusted-types-classic': () => ({
    title: 'Trusted Types without our policy, classic script',
    head: `${EARLY}\n    ${classic('/dist')}`,
    body: STRUCTURED,
    csp: TRUSTED_TYPES_WITHOUT_OURS,
  }),
  // Registration: another script owns <milia-info>; two releases of ours; one release twice.
  'lifecycle-foreign-tag': () => ({
    title: 'Another script defined milia-info first',
    head: `${EARLY}\n    <script src="/test/runner/lifecycle/foreign-milia-info.js"></script>\n    ${module('/dist')}`,
    body: '<milia-info></milia-info>\n      <milia-faq questions="pop"></milia-faq>',
  }),
  'lifecycle-other-copy-first': () => ({
    title: 'milia-widgets 9.9.9 (classic) loaded before this version (module)',
    head: `${EARLY}\n    ${classic(variant('v9.9.9'))}\n    ${module('/dist')}`,
    body: '<milia-info sections="overview"></milia-info>',
  }),
  'lifecycle-other-copy-second': () => ({
    title: 'This version (module) loaded before milia-widgets 9.9.9 (module)',
    head: `${EARLY}\n    ${module('/dist')}\n    ${module(variant('v9.9.9'))}`,
    body: '<milia-info sections="overview"></milia-info>',
  }),
  'lifecycle-same-version-copies': () => ({
    title: 'This version four times: classic twice, the module from two addresses',
    head: `${EARLY}\n    ${classic('/dist')}\n    ${classic('/dist')}\n    ${module('/dist')}\n    ${module(variant('plain'))}`,
    body: '<milia-info sections="overview"></milia-info>',
  }),
};

/** name -> () => the page (see host-pages.mjs), with fresh variant addresses and no probe. */
export const LIFECYCLE_PAGES = Object.fromEntries(
  Object.entries(PAGES).map(([name, page]) => [name, () => ({probe: false, ...page()})])
);
