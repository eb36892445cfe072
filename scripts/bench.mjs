// `npm run bench` (builds first): bundle sizes, render cost of <milia-info> against the same
// text as native <details>, memory, a Chromium trace of where the time goes, and the demo
// page's layout shift and Lighthouse scores. Prints Markdown; writes bench/results/latest.{json,md}.
//
//   BENCH_RUNS=9          loads per side per N (the method asks for at least 7)
//   BENCH_TRACE_RUNS=3    traced loads per side at N = 100
//   BENCH_LIGHTHOUSE=0    skip Lighthouse (the results then say so; for quick local runs)
//   BENCH_PORT, CHROME_PATH
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {launchBrowser, startServer, VIEWPORT} from '../bench/browser.mjs';
import {runLighthouse} from '../bench/lighthouse.mjs';
import {measureCls, measureMemory, measureRender, measureTraces} from '../bench/measure.mjs';
import {writePages} from '../bench/pages.mjs';
import {demoTable, eventDiffTable, memoryTable, phaseTable, RENDER_BUDGET, renderTable, sizeTable, topTable} from '../bench/report.mjs';
import {measureSizes} from '../bench/sizes.mjs';
import {profileBuckets} from '../bench/trace.mjs';

const COUNTS = [1, 10, 100];
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 3);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== '0';
if (!(Number.isInteger(RUNS) && RUNS > 0) || !(Number.isInteger(TRACE_RUNS) && TRACE_RUNS > 0)) {
  throw new Error('BENCH_RUNS and BENCH_TRACE_RUNS must be positive whole numbers');
}

const started = Date.now();
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

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
    cache: 'HTTP cache disabled (page.setCacheEnabled(false)) and a new browser context per load, on both sides: every load is a first visit, with no V8 code cache',
    order: 'one discarded warm-up load per page, then strictly alternating ours, native, ours, native…',
    throttling: 'none (this machine, headless Chromium)',
    timing: 'performance.now() (from navigation start) once every <milia-info> resolved updateComplete and document.body.offsetHeight forced layout; native pages: an inline script after the last block forces layout and reads performance.now()',
    frames:
      'native pages are painted progressively while they parse, and those frames count before their done; ours paint once after done, hence the secondary "next frame" column (done, then requestAnimationFrame + setTimeout)',
    nativePage:
      'N blocks of: a static "Show all sections" button, one <details><summary><h2>title</h2></summary> per section with its paragraphs and lists, and a static footer (review dates, sources list, disclaimer): the same text as <milia-info> renders',
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
  const {ours, native} = results.memory;
  results.memory.textMatches = ours.textChars === native.textChars;

  log(`traces at N = 100, ${TRACE_RUNS} per side`);
  results.trace = await measureTraces(browser, server.origin, pages[100], TRACE_RUNS, bundleSource);
  results.trace.ours.profileBuckets = profileBuckets(results.trace.ours.byFunction);
  results.trace.native.profileBuckets = profileBuckets(results.trace.native.byFunction);

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

// ---- output -----------------------------------------------------------------------------

results.machine.loadAverageAtEnd = loadavg()[0];
const r100 = results.render[100];
results.budget = {render100: {limit: RENDER_BUDGET, ratio: r100.ratio, met: r100.ratio <= RENDER_BUDGET}};
const header =
  `milia-widgets benchmark, ${results.date.slice(0, 10)}: ${results.browser} headless, ${results.machine.cores} cores ` +
  `(${results.machine.cpu}), Node ${results.machine.node}, ${RUNS} loads per side per N, HTTP cache off and a fresh browser context per load. ` +
  `Load average ${results.machine.loadAverageAtStart.toFixed(1)} at start, ${results.machine.loadAverageAtEnd.toFixed(1)} at end` +
  (Math.max(results.machine.loadAverageAtStart, results.machine.loadAverageAtEnd) > results.machine.cores ? ' (**busy machine: expect noise**).' : '.');

const readme = [
  `<!-- bench: generated by \`npm run bench\` on ${results.date} -->`,
  header,
  '',
  sizeTable(results.sizes),
  '',
  renderTable(results.render, RUNS),
  '',
  memoryTable(results.memory),
  '',
  demoTable(results.cls, results.lighthouse),
  '',
  phaseTable(results.trace),
  '',
].join('\n');

const details = [
  '### Sampled JS self time by who ran it, N = 100 (ms, median of traced loads)',
  '',
  topTable({...results.trace.ours.profileBuckets}, 10, '`<milia-info>` page') ,
  '',
  topTable({...results.trace.native.profileBuckets}, 10, 'native page'),
  '',
  '### Heaviest trace events, N = 100',
  '',
  eventDiffTable(results.trace, 14),
  '',
  '### Heaviest functions on the `<milia-info>` page, N = 100 (sampled self time; the bundle is minified, so the start of each function is shown)',
  '',
  topTable(results.trace.ours.byFunction, 18, 'Function'),
  '',
].join('\n');

const notes = [
  '### Method',
  '',
  ...Object.entries(results.method).map(([k, v]) => `- ${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`),
  `- The native page is given the same text as \`<milia-info>\` renders: ${
    results.memory.textMatches ? 'checked' : '**MISMATCH**'
  } (${results.memory.ours.textChars} vs ${results.memory.native.textChars} characters of text at N = 100).`,
  ...(results.lighthouse
    ? [
        `- Lighthouse metrics: ${Object.entries(results.lighthouse.metrics)
          .map(([k, v]) => `${k} ${v === null ? '–' : k.includes('layout-shift') ? v.toFixed(3) : `${Math.round(v)} ms`}`)
          .join(', ')}`,
        `- Lighthouse audits scoring below 0.9: ${Object.entries(results.lighthouse.auditsBelow90)
          .map(([cat, ids]) => `${cat}: ${ids.join(', ') || 'none'}`)
          .join('; ')}. Reports: ${results.lighthouse.reports.join(', ')}`,
      ]
    : []),
  '',
  `**Budget: render at N = 100 within ${RENDER_BUDGET}× native \`<details>\`: ${results.budget.render100.met ? 'met' : 'NOT met'} (${r100.ratio.toFixed(2)}×).**`,
  '',
].join('\n');

console.log(`\n${readme}\n${details}\n${notes}`);
mkdirSync('bench/results', {recursive: true});
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('bench/results/latest.md', `${readme}\n${notes}`);
log(`wrote bench/results/latest.json and bench/results/latest.md (${((Date.now() - started) / 1000).toFixed(0)} s)`);
if (!results.memory.textMatches) {
  console.error('The native comparison page does not carry the same text as <milia-info>: fix bench/pages.mjs.');
  process.exit(1);
}
