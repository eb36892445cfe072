import {esbuildPlugin} from '@web/dev-server-esbuild';
import {fromRollup} from '@web/dev-server-rollup';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {miliaContent} from './tools/content/rollup-plugin.mjs';
import {BROWSERS, CHROMIUM_ARGS, selectedBrowsers} from './test/runner/browsers.mjs';
import {summaryReporter} from './test/runner/summary-reporter.mjs';
import {hostPagesMiddleware} from './test/runner/pages/host-pages.mjs';
import {mediaFeaturesPlugin} from './test/runner/media-features-plugin.mjs';
import {frameworkBundles} from './test/runner/framework-bundles-plugin.mjs';
import {packagePages} from './test/package/pages-middleware.mjs';
import {webkitGtkLauncher} from './test/runner/webkitgtk-launcher.mjs';
import {secondOriginPlugin, snippetHostsMiddleware} from './test/runner/snippets/snippet-hosts.mjs';

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

export default {
  // test/package/: the packed package as apps bundle it (after test/package/prepare.mjs).
  files: ['test/browser/**/*.test.ts', 'test/package/**/*.test.ts'],
  // Lit's production build, as sites get it (no dev-mode console noise).
  nodeResolve: {exportConditions: ['production']},
  // The same content plugin as `rollup -c`: tests see exactly what ships, with no build step.
  plugins: [
    fromRollup(miliaContent)(),
    esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'auto'}),
    mediaFeaturesPlugin(),
    frameworkBundles(),
    // A second origin serving dist/, for snippets pasted as site owners paste them.
    secondOriginPlugin(),
  ],
  browsers: selectedBrowsers()
    .filter((name) => launchers[name])
    .map((name) => launchers[name]()),
  // Host pages for the embedding tests, generated with their own headers (strict CSP...); the
  // bundled app pages of the package tests, untransformed; pages with a pasted snippet, and
  // the folders the README's self-hosted snippets use.
  middleware: [hostPagesMiddleware, packagePages, snippetHostsMiddleware],
  reporters: [defaultReporter(), summaryReporter(process.env.MILIA_SUMMARY_FILE)],
  testFramework: {config: {timeout: 10000}},
};
