// `npm run bench` (builds first): what readers feel. The same text as native <details>
// (`native`), as <milia-info> with only the script tag (`script`) and as the prerendered
// snippet plus the script tag (`prerendered`), at N = 1, 10 and 100 widgets on a page, loaded
// unthrottled and under Lighthouse's mobile throttling (Slow 4G-like network, 4x CPU): time
// to the widget's text painted, time to interactive, main-thread busy time, bytes on the wire,
// each ratio against native with a bootstrap 95% interval; plus the byte budgets, memory, the
// demo page's layout shift and Lighthouse. Prints Markdown, writes bench/results/latest.json
// and latest.md, and copies the summary into README.md between <!-- bench:start --> and
// <!-- bench:end -->. Exits non-zero when anything could not be measured. Helpers live in
// bench/; the method is written out in bench/results/latest.md.
//
//   BENCH_QUICK=1            a quick, noisy check of the method: few rounds, no Lighthouse,
//                            README left alone (results say QUICK)
//   BENCH_ROUNDS=1:20,10:8,100:3
//                            rounds per N (a round loads every side once); the N listed
//   BENCH_CONDITIONS=unthrottled,throttled
//   BENCH_SETTLE_MS=300      main-thread time counted after interactive and load
//   BENCH_PROFILE_RUNS=2     loads per side with the JS sampling profiler (N = 1, throttled)
//   BENCH_LIGHTHOUSE=0       skip Lighthouse
//   BENCH_README=0|1         copy the summary into README.md (default: 1, 0 in quick mode)
//   BENCH_PORT, CHROME_PATH
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {CONDITIONS, launchBrowser, startServer, VIEWPORT} from './browser.mjs';
import {runLighthouse} from './lighthouse.mjs';
import {checkSameText, measureCls, measureLoad, measureMemory, measureRounds} from './measure.mjs';
import {FLOOR_SIDES, writePages} from './pages.mjs';
import {compareSides, formatResults, TARGETS, updateReadme} from './report.mjs';
import {measureBudgets, measureSizes} from './sizes.mjs';
import {median} from './stats.mjs';
import {profileBuckets} from './trace.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = parseRounds(process.env.BENCH_ROUNDS ?? (QUICK ? '1:5,10:3,100:2' : '1:20,10:8,100:3'));
const COUNTS = Object.keys(ROUNDS)
  .map(Number)
  .sort((a, b) => a - b);
const CONDITION_NAMES = (process.env.BENCH_CONDITIONS ?? 'unthrottled,throttled').split(',').map((s) => s.trim());
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 300);
const PROFILE_RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? (QUICK ? 1 : 2));
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE ? process.env.BENCH_LIGHTHOUSE !== '0' : !QUICK;
const README = process.env.BENCH_README ? process.env.BENCH_README !== '0' : !QUICK;
const MEMORY_LOADS = QUICK ? 1 : 3;
const CLS_LOADS = QUICK ? 1 : 3;

const started = Date.now();
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

/** Waits (at most 2 minutes) for the 1-minute load average to fall below 0.75 per core; returns it. */
async function settledLoad(cores) {
  const deadline = Date.now() + 120_000;
  while (loadavg()[0] > cores * 0.75 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5000));
  return loadavg()[0];
}

function parseRounds(setting) {
  const out = {};
  for (const part of setting.split(',')) {
    const [n, rounds] = part.split(':').map(Number);
    if (!(Number.isInteger(n) && n > 0 && Number.isInteger(rounds) && rounds > 0))
      throw new Error(`BENCH_ROUNDS: "${part}" is not N:rounds with two positive whole numbers (e.g. 1:20,10:8,100:4)`);
    out[n] = rounds;
  }
  return out;
}

async function measure() {
  const results = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadavg()[0],
    },
    settings: {rounds: ROUNDS, conditions: CONDITION_NAMES, settleMs: SETTLE_MS, profileRuns: PROFILE_RUNS, viewport: VIEWPORT},
    targets: TARGETS,
  };

  log('sizes (code is built in memory)');
  results.budgets = await measureBudgets();
  // `npm run bench` builds first, and the budgets build in memory: wait for that CPU work to
  // fade from the 1-minute load average, so that the header's "other work was running" is
  // about other work.
  results.machine.loadAverageAtStart = await settledLoad(results.machine.cores);
  results.sizes = measureSizes();
  const {pages, floorPages, sides, firstTitle, sectionsPerBlock} = writePages(COUNTS);
  results.sides = sides;
  results.firstTitle = firstTitle;
  results.sectionsPerElement = sectionsPerBlock;
  const bundleSource = readFileSync('dist/milia-widgets.js', 'utf8');

  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
    results.browser = await browser.version();
    log(`${results.browser}, serving ${server.origin}; sides ${sides.join(', ')}`);

    log('same text on every side');
    results.textCheck = {};
    for (const n of COUNTS) results.textCheck[n] = await checkSameText(browser, server.origin, pages[n], sides, firstTitle);
    if (floorPages) await checkSameText(browser, server.origin, floorPages, FLOOR_SIDES, firstTitle);

    results.render = {};
    for (const name of CONDITION_NAMES) {
      const condition = CONDITIONS[name];
      if (!condition)
        throw new Error(`BENCH_CONDITIONS: unknown condition "${name}" (valid: ${Object.keys(CONDITIONS).join(', ')})`);
      results.render[name] = {};
      for (const n of COUNTS) {
        log(`${name}, N = ${n}: ${ROUNDS[n]} rounds of ${sides.length} loads`);
        const measured = await measureRounds(
          browser,
          server.origin,
          pages[n],
          sides,
          condition,
          ROUNDS[n],
          // One discarded round per condition, before its first N, for the browser's first-time costs.
          {title: firstTitle, settleMs: SETTLE_MS, warmUp: n === COUNTS[0]},
          log
        );
        measured.compare = compareSides(measured);
        results.render[name][n] = measured;
      }
      if (floorPages) {
        log(`${name}, floors at N = 1: ${ROUNDS[1]} rounds of ${FLOOR_SIDES.length} loads`);
        const floor = await measureRounds(
          browser,
          server.origin,
          floorPages,
          FLOOR_SIDES,
          condition,
          ROUNDS[1],
          {
            title: firstTitle,
            settleMs: SETTLE_MS,
            warmUp: false,
          },
          log
        );
        floor.compare = compareSides(floor);
        (results.floors ??= {})[name] = floor;
      }
    }

    if (PROFILE_RUNS > 0 && CONDITIONS.throttled) {
      log(`JS profile at N = 1, throttled: ${PROFILE_RUNS} loads per side`);
      results.profile = {};
      for (const side of sides.filter((s) => s !== 'native')) {
        const loads = [];
        for (let i = 0; i < PROFILE_RUNS; i++)
          loads.push(
            await measureLoad(browser, server.origin + pages[COUNTS[0]][side], side, CONDITIONS.throttled, {
              title: firstTitle,
              settleMs: SETTLE_MS,
              profile: true,
              bundleSource,
            })
          );
        const names = new Set(loads.flatMap((l) => Object.keys(l.byFunction)));
        // The 40 heaviest functions are plenty to read; the rest would only bloat latest.json.
        const byFunction = Object.fromEntries(
          [...names]
            .map((k) => [k, median(loads.map((l) => l.byFunction[k] ?? 0))])
            .sort((a, b) => b[1] - a[1])
            .slice(0, 40)
        );
        results.profile[side] = {n: COUNTS[0], loads: loads.length, byFunction, buckets: profileBuckets(byFunction)};
      }
    }

    const nMemory = COUNTS.at(-1);
    log(`memory at N = ${nMemory}`);
    results.memory = {
      n: nMemory,
      ...(await measureMemory(browser, server.origin, pages[nMemory], sides, firstTitle, MEMORY_LOADS)),
    };

    log('layout shift of the demo page');
    results.cls = await measureCls(browser, `${server.origin}/demo/`, {loads: CLS_LOADS});
    await browser.close();
    browser = undefined;

    if (LIGHTHOUSE) {
      log('lighthouse on the demo page');
      results.lighthouse = await runLighthouse(`${server.origin}/demo/`);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  results.machine.loadAverageAtEnd = loadavg()[0];
  return results;
}

async function main() {
  if (!(Number.isInteger(SETTLE_MS) && SETTLE_MS >= 0 && Number.isInteger(PROFILE_RUNS) && PROFILE_RUNS >= 0))
    throw new Error('BENCH_SETTLE_MS and BENCH_PROFILE_RUNS must be whole numbers (0 or more)');
  if (QUICK) log('QUICK mode: few samples, intervals wide, figures for checking the method only');
  const results = await measure();
  const {stdout, markdown, readme} = formatResults(results);
  console.log(`\n${stdout}`);
  mkdirSync('bench/results', {recursive: true});
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync('bench/results/latest.md', markdown);
  if (README) updateReadme('README.md', readme, results.date);
  log(
    `wrote bench/results/latest.json and latest.md${README ? ' and the README bench block' : ' (README left alone)'} (${((Date.now() - started) / 1000).toFixed(0)} s)`
  );
}

// Explicit exits: an open socket or browser left by a failure must not keep the process alive.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nbench failed: ${error?.stack ?? error}`);
    process.exit(1);
  }
);
