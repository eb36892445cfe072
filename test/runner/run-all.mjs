// `npm test`: installs missing Debian packages where it can (test/runner/system-packages.mjs),
// builds, then runs every stage below and ends with the totals on a line of their own:
// `N passed, N failed`. A stage that cannot run, or crashes without reporting a failure,
// counts as one failed test: nothing is skipped silently.
//
//   BROWSERS=chromium npm test          one engine (or firefox, webkit; comma separated)
//   STAGES=node,browser npm test        only some stages (lint, package, node, browser,
//                                       atspi, wordpress); the totals line names what was left out
//   MILIA_WORDPRESS=0 npm test          leaves the WordPress stage out on purpose
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BROWSERS, isInstalled, selectedBrowsers} from './browsers.mjs';
import {installMissing, packagesFor} from './system-packages.mjs';

const browsers = selectedBrowsers();
const STAGE_NAMES = ['lint', 'package', 'node', 'browser', 'atspi', 'wordpress'];
const chosen = (process.env.STAGES ?? STAGE_NAMES.join(',')).split(/[\s,]+/).filter(Boolean);
const unknownStages = chosen.filter((name) => !STAGE_NAMES.includes(name));
if (unknownStages.length) {
  console.error(`STAGES names unknown stage(s) ${unknownStages.join(', ')}; valid: ${STAGE_NAMES.join(', ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const stages = chosen.filter((name) => name !== 'wordpress' || process.env.MILIA_WORDPRESS !== '0');

const stillMissing = installMissing(packagesFor(browsers, {atspi: stages.includes('atspi')}));
if (stillMissing.length || browsers.some((name) => !isInstalled(name))) {
  const absent = browsers.filter((name) => !isInstalled(name));
  console.error(
    `\nMissing Debian package(s): ${stillMissing.join(' ') || '(none)'}${absent.length ? `; browser(s) not found: ${absent.map((b) => BROWSERS[b].path).join(', ')}` : ''}.\n` +
      `Install them as root: apt-get install ${stillMissing.join(' ')}\n` +
      `Or run a subset, e.g. BROWSERS=${browsers.filter(isInstalled).join(',') || 'chromium'} npm test`
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const run = (command, args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {stdio: 'inherit', env: {...process.env, BROWSERS: browsers.join(','), ...env}});
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

if ((await run('npm', ['run', '--silent', 'build'])) !== 0) {
  console.error('\nThe build failed (see above), so no test ran.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'milia-test-'));
/** A `node --test` run of `paths`, counted from its TAP output. */
const nodeTests =
  (name, ...paths) =>
  async () => {
    const tap = join(scratch, `${name}.tap`);
    const code = await run(process.execPath, [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...paths,
    ]);
    return {code, ...tapTotals(tap)};
  };
/** A command that is one test: it passes or fails as a whole. */
const oneTest = (command, args, failure) => async () => {
  const code = await run(command, args);
  if (code) console.error(`\n${failure}`);
  return {code, passed: code ? 0 : 1, failed: code ? 1 : 0};
};

const STAGES = {
  // ESLint (typescript-eslint, eslint-plugin-lit), lit-analyzer's template type checks, Prettier.
  lint: oneTest('npm', ['run', '--silent', 'lint'], 'Lint failed (see above). `npm run format` fixes formatting.'),
  // The package as users install it: pack the build just made, install the tarball in two
  // small apps and bundle them with Vite and esbuild; the node and browser stages check them.
  package: oneTest(
    process.execPath,
    ['test/package/prepare.mjs', '--built'],
    'The package stage (test/package/prepare.mjs) failed: see above.'
  ),
  // Content compiler, evidence ledgers, readability, budgets, the CLI, the installed package.
  node: nodeTests('node', 'test/node/', 'test/package/'),
  // Web Test Runner in real browsers: behaviour, host pages, snippets, packages, visual baselines.
  browser: async () => {
    const summary = join(scratch, 'browser.json');
    const code = await run(join('node_modules', '.bin', 'wtr'), [], {MILIA_SUMMARY_FILE: summary});
    return {code, ...jsonTotals(summary)};
  },
  // What a screen reader reads: each engine's AT-SPI tree, from the built bundles.
  atspi: nodeTests('atspi', 'test/a11y-platform/'),
  // The WordPress plugin in a real WordPress it starts itself (needs root; fails saying why).
  wordpress: nodeTests('wordpress', 'test/wordpress/wordpress.test.mjs'),
};

const results = [];
for (const name of stages) {
  const {code, passed, failed} = await STAGES[name]();
  // A runner that failed without reporting a failure (crash, bad config) still counts as one.
  results.push({name, passed, failed: failed + (code && !failed ? 1 : 0)});
}
rmSync(scratch, {recursive: true, force: true});

const left = STAGE_NAMES.filter((name) => !stages.includes(name));
console.log(
  `\n${results.map(({name, passed, failed}) => `${name}: ${passed} passed, ${failed} failed`).join('; ')}` +
    ` (browsers: ${browsers.join(', ')})${left.length ? `; not run on purpose: ${left.join(', ')}` : ''}.`
);
const sum = (key) => results.reduce((total, result) => total + result[key], 0);
console.log(`${sum('passed')} passed, ${sum('failed')} failed`);
process.exit(sum('failed') ? 1 : 0);

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
