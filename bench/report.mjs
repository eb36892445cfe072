// Markdown tables from the results object.
import {PHASES} from './trace.mjs';

export const RENDER_BUDGET = 1.5;

const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => n.toFixed(1);
const range = (s) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;

export function sizeTable(sizes) {
  return table(
    ['File', 'What', 'Raw', 'gzip', 'brotli'],
    sizes.rows.map((r) => [`\`${r.file}\``, r.role, int(r.raw), int(r.gzip), int(r.brotli)])
  );
}

export function renderTable(render, runs) {
  const rows = Object.entries(render).map(([n, r]) => [
    n,
    range(r.ours),
    range(r.native),
    `**${r.ratio.toFixed(2)}×**`,
    n === '100' ? (r.ratio <= RENDER_BUDGET ? 'met' : '**over**') : '–',
    `${ms(r.nextFrame.ours.median)} / ${ms(r.nextFrame.native.median)} (${r.nextFrame.ratio.toFixed(2)}×)`,
  ]);
  const ns = Object.keys(render)
    .map(Number)
    .sort((a, b) => a - b);
  const [lo, hi] = [ns.at(-2), ns.at(-1)];
  const slope = (side) => (render[hi][side].median - render[lo][side].median) / (hi - lo);
  const first = render[ns[0]];
  return (
    table(
      [
        'N',
        '`<milia-info>` ms',
        'native `<details>` ms',
        'ours / native',
        `budget ≤ ${RENDER_BUDGET}×`,
        'until next frame painted, ours / native',
      ],
      rows
    ) +
    `\n\nMedian (min–max) of ${runs} loads per side: navigation start until every element has rendered and a forced layout ran. ` +
    `Each further element costs ${ms(slope('ours'))} ms against ${ms(slope('native'))} ms native (N = ${lo} → ${hi}); ` +
    `at N = ${ns[0]} ours takes ${ms(first.ours.median - first.native.median)} ms more (module fetch, compile, first render). ` +
    `Median of the paired ratios (each ours load over the native load after it) at N = ${hi}: ${render[hi].pairedRatio.median.toFixed(2)}× (${render[hi].pairedRatio.min.toFixed(2)}–${render[hi].pairedRatio.max.toFixed(2)}).`
  );
}

export function memoryTable(memory) {
  const row = (label, m) => [
    label,
    `${(m.JSHeapUsedSize / 1048576).toFixed(2)} MiB`,
    int(m.Nodes),
    `${int(m.lightElements)} / ${int(m.shadowElements)}`,
    int(m.textNodes),
    int(m.commentNodes),
    int(m.JSEventListeners),
  ];
  return (
    table(
      ['N = 100', 'JS heap used', 'DOM nodes (CDP)', 'elements light / shadow', 'text nodes', 'comment nodes', 'event listeners'],
      [row('`<milia-info>`', memory.ours), row('native `<details>`', memory.native)]
    ) +
    '\n\nAfter `HeapProfiler.collectGarbage`, median of 3 loads. DOM nodes is CDP `Nodes` for the renderer (every node type, shadow trees included); the other counts are walked in the page.'
  );
}

export function demoTable(cls, lighthouse) {
  const c = (key) => {
    const {median, min, max} = cls[key].sum;
    return min === max ? median.toFixed(3) : `${median.toFixed(3)} (${min.toFixed(3)}–${max.toFixed(3)})`;
  };
  const l = lighthouse?.scores;
  const lhNote = lighthouse
    ? `Lighthouse ${lighthouse.lighthouseVersion}, ${lighthouse.formFactor}, ${lighthouse.throttlingMethod} throttling; its own CLS ${lighthouse.metrics['cumulative-layout-shift']?.toFixed(3)}.`
    : 'Lighthouse skipped (BENCH_LIGHTHOUSE=0).';
  return (
    table(
      ['`demo/index.html`', 'CLS desktop', 'CLS mobile', 'Lighthouse performance', 'accessibility', 'best practices', 'SEO'],
      [
        [
          'localhost',
          c('desktop localhost'),
          c('mobile localhost'),
          l?.performance ?? '–',
          l?.accessibility ?? '–',
          l?.['best-practices'] ?? '–',
          l?.seo ?? '–',
        ],
        ['throttled (150 ms RTT, 1.6 Mbit/s, 4× CPU)', c('desktop throttled'), c('mobile throttled'), '', '', '', ''],
      ]
    ) +
    `\n\nCLS: sum of layout shifts without recent input, median (min–max) of ${cls['desktop localhost'].sum.runs.length} loads, at ${cls['desktop localhost'].viewport.width}×${cls['desktop localhost'].viewport.height} and ${cls['mobile localhost'].viewport.width}×${cls['mobile localhost'].viewport.height}. ${lhNote}`
  );
}

export function phaseTable(traces) {
  const {ours, native} = traces;
  const rows = [...PHASES.map(([p]) => p), 'Other'].map((p) => [
    p,
    ms(ours.byPhase[p] ?? 0),
    ms(native.byPhase[p] ?? 0),
    ms((ours.byPhase[p] ?? 0) - (native.byPhase[p] ?? 0)),
  ]);
  rows.push([
    '**Main thread busy**',
    ms(ours.mainThreadBusyMs),
    ms(native.mainThreadBusyMs),
    ms(ours.mainThreadBusyMs - native.mainThreadBusyMs),
  ]);
  rows.push(['Navigation start → done (traced)', ms(ours.windowMs), ms(native.windowMs), ms(ours.windowMs - native.windowMs)]);
  return (
    table(['N = 100, main-thread self time, ms', '`<milia-info>`', 'native', 'difference'], rows) +
    `\n\nMedian of ${ours.loads} traced loads per side (tracing and the sampling profiler slow pages down; compare phases, not totals with the table above).`
  );
}

export function topTable(byX, count, label) {
  const top = Object.entries(byX)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
  return table(
    [label, 'ms'],
    top.map(([name, t]) => [name.length > 110 ? `${name.slice(0, 107)}…` : name, ms(t)])
  );
}

/** The comparison of two event tables, largest differences first. */
export function eventDiffTable(traces, count) {
  const {ours, native} = traces;
  const names = new Set([...Object.keys(ours.byEvent), ...Object.keys(native.byEvent)]);
  const rows = [...names]
    .map((n) => [n, ours.byEvent[n] ?? 0, native.byEvent[n] ?? 0])
    .sort((a, b) => Math.max(b[1], b[2]) - Math.max(a[1], a[2]))
    .slice(0, count)
    .map(([n, o, t]) => [n, ms(o), ms(t)]);
  return table(['Trace event (self time)', '`<milia-info>` ms', 'native ms'], rows);
}

/** Everything printed (`stdout`) and the part kept in bench/results/latest.md (`markdown`). */
export function formatResults(results) {
  const {machine, method} = results;
  const r100 = results.render[100];
  // The load at the end includes this run's own browser; only the load before it says whether others were busy.
  const busy = machine.loadAverageAtStart > machine.cores * 0.75;
  const header =
    `milia-widgets benchmark, ${results.date.slice(0, 10)}: ${results.browser} headless, ${machine.cores} cores ` +
    `(${machine.cpu}), Node ${machine.node}, ${method.runsPerSide} loads per side per N, HTTP cache off and a fresh browser context per load. ` +
    `Load average ${machine.loadAverageAtStart.toFixed(1)} at start, ${machine.loadAverageAtEnd.toFixed(1)} at end` +
    (busy ? ' (**other work was running: expect noise**).' : '.');

  const summary = [
    `<!-- generated by \`npm run bench\` on ${results.date} -->`,
    header,
    '',
    sizeTable(results.sizes),
    '',
    renderTable(results.render, method.runsPerSide),
    '',
    memoryTable(results.memory),
    '',
    demoTable(results.cls, results.lighthouse),
    '',
    phaseTable(results.trace),
    '',
  ].join('\n');

  const details = [
    '### Sampled self time by who ran it, N = 100 (ms, median of the traced loads)',
    '',
    topTable(results.trace.ours.profileBuckets, 10, '`<milia-info>` page'),
    '',
    topTable(results.trace.native.profileBuckets, 10, 'native page'),
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

  const lighthouse = results.lighthouse;
  const notes = [
    '### Method',
    '',
    ...Object.entries(method).map(([k, v]) => `- ${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`),
    `- The native page carries the same text as \`<milia-info>\` renders: ${results.memory.textMatches ? 'checked' : '**MISMATCH**'} ` +
      `(${results.memory.ours.textChars} vs ${results.memory.native.textChars} non-space characters at N = 100).`,
    ...(lighthouse
      ? [
          `- Lighthouse metrics: ${Object.entries(lighthouse.metrics)
            .map(([k, v]) => `${k} ${v === null ? '–' : k.includes('layout-shift') ? v.toFixed(3) : `${Math.round(v)} ms`}`)
            .join(', ')}.`,
          `- Lighthouse audits scoring below 0.9: ${Object.entries(lighthouse.auditsBelow90)
            .map(([cat, ids]) => `${cat}: ${ids.join(', ') || 'none'}`)
            .join('; ')}. Reports: ${lighthouse.reports.join(', ')}.`,
        ]
      : []),
    '',
    `**Budget: render at N = 100 within ${RENDER_BUDGET}× native \`<details>\`: ${results.budget.render100.met ? 'met' : 'NOT met'} (${r100.ratio.toFixed(2)}×).**`,
    '',
  ].join('\n');

  return {stdout: `${summary}\n${details}\n${notes}`, markdown: `${summary}\n${notes}`};
}
