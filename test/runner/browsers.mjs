// The browsers the test suite can run and where Debian puts them (the packages that bring
// them are in system-packages.mjs). Shared by the test runner config, `npm test` and the
// benchmark.
import {existsSync} from 'node:fs';

export const BROWSERS = {
  chromium: {path: process.env.CHROME_PATH || '/usr/bin/chromium'},
  firefox: {path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'},
  webkit: {path: '/usr/bin/WebKitWebDriver'},
};

/**
 * Chromium flags for a closed network (without the background-networking ones it keeps
 * dialling out), and without the omnibox popup's WebUI renderer: Chromium 156 starts it with
 * every new browser context, and it spends about 1 s of CPU while the page under test loads
 * (found by tracing in the benchmark; a second load competing with ours on 2 cores).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/**
 * The browsers picked by the BROWSERS setting (comma or space separated, e.g.
 * `BROWSERS=chromium npm test`); all of them when unset.
 */
export function selectedBrowsers(setting = process.env.BROWSERS) {
  const names = (setting ?? '').split(/[\s,]+/).filter(Boolean);
  if (!names.length) return Object.keys(BROWSERS);
  const unknown = names.filter((name) => !(name in BROWSERS));
  if (unknown.length) {
    throw new Error(`BROWSERS names unknown browser(s) ${unknown.join(', ')}; valid: ${Object.keys(BROWSERS).join(', ')}`);
  }
  return names;
}

export const isInstalled = (name) => existsSync(BROWSERS[name].path);
