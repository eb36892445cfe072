// `npm run bench` (builds first): bundle sizes, render cost of <milia-info> against the same
// text as native <details>, memory, a Chromium trace of where the time goes, and the demo
// page's layout shift and Lighthouse scores. Prints Markdown tables and writes
// bench/results/latest.json and bench/results/latest.md. Exits non-zero when anything
// could not be measured. Helpers live in bench/.
//
//   BENCH_RUNS=9          loads per side per N (the method asks for at least 7)
//   BENCH_TRACE_RUNS=3    traced loads per side at N = 100
//   BENCH_LIGHTHOUSE=0    skip Lighthouse (quick local runs; the results say so)
//   BENCH_PORT, CHROME_PATH
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {launchBrowser, startServer, VIEWPORT} from './browser.mjs';
import {runLighthouse} from './lighthouse.mjs';
import {measureCls, measureMemory, measureRender, measureTraces} from './measure.mjs';
import {writePages} from './pages.mjs';
import {formatResults, RENDER_BUDGET} from './report.mjs';
import {measureSizes} from './sizes.mjs';
import {profileBuckets} from './trace.mjs';

const COUNTS = [1, 10, 100];
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 3);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== '0';

const started = Date.now();
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

async function measure() {
  const results = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadavg()[0],
    },
    method: {
      runsPerSide: RUNS,
      traceRunsPerSide: TRACE_RUNS,
      viewport: VIEWPORT,
      cache:
        'HTTP cache disabled (page.setCacheEnabled(false)) and a new browser context per load, on both sides: every load is a first visit, with no V8 code cache',
      order: 'one discarded warm-up load per page, then strictly alternating ours, native, ours, native…',
      throttling: 'none for render and memory (this machine, headless Chromium, served from localhost)',
      timing:
        'performance.now() (from navigation start) once every <milia-info> resolved updateComplete and document.body.offsetHeight forced layout; native pages: an inline script after the last block forces layout and reads performance.now()',
      frames:
        'native pages are painted progressively while they parse, and those frames count before their done; ours paint once after done, hence the secondary "next frame" column (done, then requestAnimationFrame + setTimeout)',
      nativePage:
        'N blocks of: a static "Show all sections" button, one <details><summary><h2>title</h2></summary> per section with its paragraphs and lists, and a static footer (review dates, sources list, disclaimer), no CSS: the same text as <milia-info> renders',
      cls: 'PerformanceObserver for layout-shift (buffered) installed before any page script; read 1 s after every widget resolved updateComplete. Phone size without isMobile emulation, which flags every later shift as having recent input.',
    },
  };

  log('sizes');
  results.sizes = measureSizes();
  const {pages, sectionsPerBlock} = writePages(COUNTS);
  results.method.sectionsPerElement = sectionsPerBlock;
  const bundleSource = readFileSync('dist/milia-widgets.js', 'utf8');

  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
    results.browser = await browser.version();
    log(`${results.browser}, serving ${server.origin}`);

    log(`render: N = ${COUNTS.join(', ')}, ${RUNS} loads per side`);
    results.render = await measureRender(browser, server.origin, pages, RUNS, log);

    log('memory at N = 100');
    results.memory = await measureMemory(browser, server.origin, pages[100]);
    results.memory.textMatches = results.memory.ours.textChars === results.memory.native.textChars;

    log(`traces at N = 100, ${TRACE_RUNS} per side`);
    results.trace = await measureTraces(browser, server.origin, pages[100], TRACE_RUNS, bundleSource);
    for (const side of ['ours', 'native']) results.trace[side].profileBuckets = profileBuckets(results.trace[side].byFunction);

    log('layout shift of the demo page');
    results.cls = await measureCls(browser, `${server.origin}/demo/`);
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
  const ratio = results.render[100].ratio;
  results.budget = {render100: {limit: RENDER_BUDGET, ratio, met: ratio <= RENDER_BUDGET}};
  return results;
}

async function main() {
  if (!(Number.isInteger(RUNS) && RUNS > 0 && Number.isInteger(TRACE_RUNS) && TRACE_RUNS > 0)) {
    throw new Error('BENCH_RUNS and BENCH_TRACE_RUNS must be positive whole numbers');
  }
  if (RUNS < 7) log(`warning: BENCH_RUNS=${RUNS} is below the 7 loads per side the method asks for`);
  const results = await measure();
  const {stdout, markdown} = formatResults(results);
  console.log(`\n${stdout}`);
  mkdirSync('bench/results', {recursive: true});
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench/results/latest.md', markdown);
  log(`wrote bench/results/latest.json and bench/results/latest.md (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (!results.memory.textMatches)
    throw new Error('the native comparison page does not carry the same text as <milia-info>: fix bench/pages.mjs');
}

// Explicit exits: an open socket or browser left by a failure must not keep the process alive.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nbench failed: ${error?.stack ?? error}`);
    process.exit(1);
  }
);
