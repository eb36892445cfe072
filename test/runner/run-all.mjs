// `npm test`: installs a missing browser where it can, builds the bundles, then runs the
// Node tests (content compiler, bundle budgets), the browser tests and the WordPress plugin
// tests, and ends with the totals on a line of their own: `N passed, N failed`.
import {spawn, spawnSync} from 'node:child_process';
import {readFileSync, rmSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BROWSERS, isInstalled, selectedBrowsers} from './browsers.mjs';

const browsers = selectedBrowsers();
ensureBrowsers(browsers);

const run = (command, args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {stdio: 'inherit', env: {...process.env, ...env}});
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

if ((await run('npm', ['run', '--silent', 'build'])) !== 0) {
  console.error('\nThe build failed (see above), so no test ran.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Lint counts as one test: ESLint (typescript-eslint, eslint-plugin-lit), lit-analyzer's
// template type checks and Prettier.
const lintCode = await run('npm', ['run', '--silent', 'lint']);
if (lintCode) console.error('\nLint failed (see above). `npm run format` fixes formatting.');

const scratch = mkdtempSync(join(tmpdir(), 'milia-test-'));
const nodeTap = join(scratch, 'node.tap');
const browserSummary = join(scratch, 'browser.json');

const nodeCode = await run(process.execPath, [
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${nodeTap}`,
  'test/node/',
]);
const nodeTotals = tapTotals(nodeTap);

const browserCode = await run(join('node_modules', '.bin', 'wtr'), [], {
  BROWSERS: browsers.join(','),
  MILIA_SUMMARY_FILE: browserSummary,
});
const browserTotals = jsonTotals(browserSummary);

// The WordPress plugin in a real WordPress (test/wordpress/): it starts Debian's WordPress,
// MariaDB, PHP-FPM and nginx itself, so it needs root (and apt where they are missing); where
// it cannot run it fails and says why. MILIA_WORDPRESS=0 leaves it out on purpose.
const skipWordPress = process.env.MILIA_WORDPRESS === '0';
const wordpressTap = join(scratch, 'wordpress.tap');
const wordpressCode = skipWordPress
  ? 0
  : await run(process.execPath, [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${wordpressTap}`,
      'test/wordpress/wordpress.test.mjs',
    ]);
const wordpressTotals = tapTotals(wordpressTap);
rmSync(scratch, {recursive: true, force: true});

const passed = nodeTotals.passed + browserTotals.passed + wordpressTotals.passed + (lintCode ? 0 : 1);
// A runner that failed without reporting a failure (crash, bad config) still counts as one.
const failed =
  nodeTotals.failed +
  browserTotals.failed +
  wordpressTotals.failed +
  (nodeCode && !nodeTotals.failed ? 1 : 0) +
  (browserCode && !browserTotals.failed ? 1 : 0) +
  (wordpressCode && !wordpressTotals.failed ? 1 : 0);
const wordpressLine = skipWordPress
  ? 'WordPress: SKIPPED on purpose (MILIA_WORDPRESS=0).'
  : `WordPress: ${wordpressTotals.passed} passed, ${wordpressTotals.failed} failed.`;
console.log(
  `\nNode: ${nodeTotals.passed} passed, ${nodeTotals.failed} failed. Browsers (${browsers.join(', ')}): ${browserTotals.passed} passed, ${browserTotals.failed} failed. ${wordpressLine}`
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function tapTotals(file) {
  try {
    const tap = readFileSync(file, 'utf8');
    const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
    return {passed: count('pass'), failed: count('fail') + count('cancelled')};
  } catch {
    return {passed: 0, failed: 0};
  }
}

function jsonTotals(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {passed: 0, failed: 0};
  }
}

/**
 * Installs missing browsers with apt-get when we are root on Debian (CI and our machines);
 * otherwise stops with the package names to install.
 */
function ensureBrowsers(names) {
  const missing = names.filter((name) => !isInstalled(name));
  if (!missing.length) return;
  const packages = missing.flatMap((name) => BROWSERS[name].packages);
  const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (canInstall) {
    console.log(`Installing ${packages.join(' ')} with apt-get (missing: ${missing.join(', ')})...`);
    const update = spawnSync('apt-get', ['update'], {stdio: 'inherit'});
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
        stdio: 'inherit',
        env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
      });
    if (install && install.status === 0 && missing.every(isInstalled)) return;
  }
  console.error(
    `\nMissing browser(s): ${missing.join(', ')}. Install the Debian package(s): sudo apt-get install ${packages.join(' ')}\n` +
      `Or run a subset, e.g. BROWSERS=${names.filter(isInstalled).join(',') || 'chromium'} npm test`
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}
