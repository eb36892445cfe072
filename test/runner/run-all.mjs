// `npm test`: installs a missing browser where it can, builds the bundles, packs and installs
// them as an app would (test/package/), then runs the Node tests (content compiler, bundle
// budgets, the installed package), the browser tests (visual baselines included) and the
// screen-reader tree tests (AT-SPI), and ends with the totals on a line of their own:
// `N passed, N failed`.
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

// The package as users install it (test/package/prepare.mjs): pack the build just made, install
// the tarball in two small apps and bundle them with Vite and esbuild. Counts as one test; the
// Node and browser tests below check what it made (and fail, naming it, if it could not).
const packageCode = await run(process.execPath, ['test/package/prepare.mjs', '--built']);
if (packageCode) console.error('\nThe package stage (test/package/prepare.mjs) failed: see above.');

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
  'test/package/',
]);
const nodeTotals = tapTotals(nodeTap);

const browserCode = await run(join('node_modules', '.bin', 'wtr'), [], {
  BROWSERS: browsers.join(','),
  MILIA_SUMMARY_FILE: browserSummary,
});
const browserTotals = jsonTotals(browserSummary);

// What a screen reader reads: each engine's platform accessibility tree over AT-SPI, from
// the built bundles (test/a11y-platform/; needs xvfb, dbus, at-spi2-core, python3-pyatspi).
const platformTap = join(scratch, 'a11y-platform.tap');
const platformCode = await run(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${platformTap}`,
    'test/a11y-platform/',
  ],
  {BROWSERS: browsers.join(',')}
);
const platformTotals = tapTotals(platformTap);
rmSync(scratch, {recursive: true, force: true});

const passed = nodeTotals.passed + browserTotals.passed + platformTotals.passed + (lintCode ? 0 : 1) + (packageCode ? 0 : 1);
// A runner that failed without reporting a failure (crash, bad config) still counts as one.
const failed =
  (packageCode ? 1 : 0) +
  nodeTotals.failed +
  browserTotals.failed +
  platformTotals.failed +
  (nodeCode && !nodeTotals.failed ? 1 : 0) +
  (browserCode && !browserTotals.failed ? 1 : 0) +
  (platformCode && !platformTotals.failed ? 1 : 0);
console.log(
  `\nNode: ${nodeTotals.passed} passed, ${nodeTotals.failed} failed. Browsers (${browsers.join(', ')}): ${browserTotals.passed} passed, ${browserTotals.failed} failed. ` +
    `Screen-reader tree (AT-SPI): ${platformTotals.passed} passed, ${platformTotals.failed} failed.`
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
