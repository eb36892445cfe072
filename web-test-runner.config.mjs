import {esbuildPlugin} from '@web/dev-server-esbuild';
import {fromRollup} from '@web/dev-server-rollup';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {miliaContent} from './tools/content/rollup-plugin.mjs';
import {BROWSERS, CHROMIUM_ARGS, selectedBrowsers} from './test/runner/browsers.mjs';
import {summaryReporter} from './test/runner/summary-reporter.mjs';
import {hostPagesMiddleware} from './test/runner/pages/host-pages.mjs';
import {mediaFeaturesPlugin} from './test/runner/media-features-plugin.mjs';
import {schemaCheckPlugin} from './test/runner/schema-check-plugin.mjs';
import {frameworkBundles} from './test/runner/framework-bundles-plugin.mjs';
import {packagePages} from './test/package/pages-middleware.mjs';
import {webkitGtkLauncher} from './test/runner/webkitgtk-launcher.mjs';
import {secondOriginPlugin, snippetHostsMiddleware} from './test/runner/snippets/snippet-hosts.mjs';
import {visualCommandsPlugin} from './test/runner/visual-commands-plugin.mjs';
import {prerenderCommandsPlugin, prerenderPagesMiddleware} from './test/runner/prerender/prerender-pages.mjs';
import {visualRegressionPlugin} from '@web/test-runner-visual-regression/plugin';
import {lifecyclePlugin} from './test/runner/lifecycle/lifecycle-plugin.mjs';
import {distVariantsMiddleware} from './test/runner/lifecycle/dist-variants.mjs';

// Three engines from Debian packages (no browser downloads): Chromium; Firefox ESR driven
// over WebDriver BiDi by puppeteer-core; WebKitGTK's MiniBrowser through WebKitWebDriver.
const launchers = {
  chromium: () => chromeLauncher({launchOptions: {executablePath: BROWSERS.chromium.path, headless: true, args: CHROMIUM_ARGS}}),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {browser: 'firefox', executablePath: BROWSERS.firefox.path, headless: true},
    }),
  webkit: () => webkitGtkLauncher(),
};

// WebKitGTK paints its tiles on several threads, and the anti-aliasing of a tile then
// differs by a step or more from run to run; painting on one thread makes its screenshots
// repeatable (the visual baselines compare pixel for pixel). MiniBrowser inherits this
// through WebKitWebDriver.
process.env.WEBKIT_SKIA_CPU_PAINTING_THREADS ??= '0';

/** Baseline folders are named like the BROWSERS setting; the chrome launcher calls Chromium "Chrome". */
const engineOf = (browserName) => ({chrome: 'chromium'})[browserName.toLowerCase()] ?? browserName.toLowerCase();

export default {
  // test/package/: the packed package as apps bundle it (after test/package/prepare.mjs);
  // test/visual/: visual baselines.
  files: ['test/browser/**/*.test.ts', 'test/package/**/*.test.ts', 'test/visual/**/*.test.ts'],
  // Lit's production build, as sites get it (no dev-mode console noise).
  nodeResolve: {exportConditions: ['production']},
  // The same content plugin as `rollup -c`: tests see exactly what ships, with no build step.
  plugins: [
    fromRollup(miliaContent)(),
    esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'auto'}),
    mediaFeaturesPlugin(),
    // JSON-LD the pages write, type-checked against schema.org (schema-dts) in Node.
    schemaCheckPlugin(),
    frameworkBundles(),
    // A second origin serving dist/, for snippets pasted as site owners paste them.
    secondOriginPlugin(),
    visualCommandsPlugin(),
    // test/browser/lifecycle/: React from this repo's devDependencies, heap counts in Chromium.
    lifecyclePlugin(),
    // Prerendered-HTML pages: held scripts, screenshots, a tab without JavaScript.
    prerenderCommandsPlugin(),
    // Visual baselines (test/visual/): one folder per engine, compared pixel for pixel (a
    // one-step change of one colour channel must fail). A failed shot and its diff go to
    // test/visual/failed/<engine>/ (git-ignored). UPDATE_BASELINES=1 rewrites the baselines:
    // `npm run update-baselines`.
    visualRegressionPlugin({
      update: process.env.UPDATE_BASELINES === '1',
      baseDir: 'test/visual',
      getBaselineName: ({browser, name}) => `baselines/${engineOf(browser)}/${name}`,
      getDiffName: ({browser, name}) => `failed/${engineOf(browser)}/${name}-diff`,
      getFailedName: ({browser, name}) => `failed/${engineOf(browser)}/${name}`,
      diffOptions: {threshold: 0},
      failureThresholdType: 'pixel',
      failureThreshold: 0,
    }),
  ],
  browsers: selectedBrowsers()
    .filter((name) => launchers[name])
    .map((name) => launchers[name]()),
  // Host pages for the embedding tests, generated with their own headers (strict CSP...); the
  // bundled app pages of the package tests, untransformed; pages with a pasted snippet, and
  // the folders the README's self-hosted snippets use; dist/ variants for the lifecycle tests
  // (a Spanish file that is slow or missing, another version); pages with a prerendered snippet.
  middleware: [hostPagesMiddleware, packagePages, snippetHostsMiddleware, distVariantsMiddleware, prerenderPagesMiddleware],
  reporters: [defaultReporter(), summaryReporter(process.env.MILIA_SUMMARY_FILE)],
  testFramework: {config: {timeout: 10000}},
};
