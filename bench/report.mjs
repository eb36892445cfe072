// Markdown from the results object, the targets of issue 15, and the README bench block.
import {readFileSync, writeFileSync} from 'node:fs';
import {METRICS} from './measure.mjs';
import {pairedRatio} from './stats.mjs';
import {PHASES} from './trace.mjs';

/** Issue 15: ours over native at N = 1, by the median of the paired ratios. */
export const TARGETS = [
  {side: 'prerendered', metric: 'painted', n: 1, condition: 'unthrottled', max: 1.1},
  {side: 'prerendered', metric: 'painted', n: 1, condition: 'throttled', max: 1.1},
  {side: 'prerendered-inline', metric: 'painted', n: 1, condition: 'unthrottled', max: 1.1},
  {side: 'prerendered-inline', metric: 'painted', n: 1, condition: 'throttled', max: 1.1},
  {side: 'script', metric: 'painted', n: 1, condition: 'throttled', max: 1.5},
];

const SIDE_NAMES = {
  native: 'native `<details>`',
  script: 'script only',
  prerendered: 'prerendered',
  'prerendered-inline': 'prerendered, styles inline',
  'html-linked': 'prerendered, no script',
  'html-inline': 'prerendered, styles inline, no script',
  'inline-empty-script': 'prerendered, styles inline, empty script',
  'script-floor': 'stand-in script of the same size',
  'lit-floor': 'least Lit element of the same size',
};
const METRIC_NAMES = {
  painted: 'text painted, ms',
  interactive: 'interactive, ms',
  busy: 'main-thread busy, ms',
  bytes: 'bytes on the wire',
};

/** Each of our sides against native, per metric: paired ratios, median, 95% interval. */
export function compareSides(measured) {
  const out = {};
  const native = measured.sides.native;
  for (const side of Object.keys(measured.sides).filter((s) => s !== 'native')) {
    out[side] = {};
    for (const metric of METRICS) {
      const ours = measured.sides[side].loads.map((l) => l[metric]);
      // A page with no script has no interactive time to compare.
      if (!ours.every(Number.isFinite)) continue;
      const {ratios: _ratios, ...ratio} = pairedRatio(
        ours,
        native.loads.map((l) => l[metric])
      );
      out[side][metric] = ratio;
    }
  }
  return out;
}

const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(n < 100 ? 1 : 0) : '–');
const x = (n) => `${n.toFixed(2)}×`;
const ci = (r) => (Number.isFinite(r.low) ? `${x(r.median)} [${r.low.toFixed(2)}–${r.high.toFixed(2)}]` : x(r.median));

function verdict(ratio, max) {
  const met = ratio.median <= max;
  if (!Number.isFinite(ratio.low)) return met ? 'met (no interval)' : '**missed** (no interval)';
  if (met) return ratio.high <= max ? '**met**, interval below the target' : 'met by the median; interval reaches above';
  return ratio.low > max ? '**missed**, interval above the target' : '**missed** by the median; interval reaches below';
}

export function budgetTable(budgets) {
  return (
    table(
      ['Size budget (gzip -9)', 'Bytes', 'Budget', 'Left', ''],
      Object.values(budgets).map((b) => [b.what, int(b.gzip), int(b.limit), int(b.limit - b.gzip), b.met ? 'met' : '**over**'])
    ) +
    `\n\n*code*: ${budgets.code.detail}. *content*: ${budgets.content.detail}. *whole*: ${budgets.whole.detail}. ` +
    'Gzip does not add up: whole is less than code + content. The same figures are checked by `test/node/bundle-size.test.mjs`.'
  );
}

export function sizeTable(sizes) {
  return table(
    ['File', 'What', 'Raw', 'gzip', 'brotli'],
    sizes.rows.map((r) => [`\`${r.file}\``, r.role, int(r.raw), int(r.gzip), int(r.brotli)])
  );
}

/** The targets, each with its figures and verdict. */
export function targetTable(results) {
  const rows = TARGETS.map((t) => {
    const label = `${SIDE_NAMES[t.side]}: ${METRIC_NAMES[t.metric].replace(', ms', '')} ≤ ${t.max}× native`;
    const measured = results.render[t.condition]?.[t.n];
    if (!measured) return [label, t.condition, `N = ${t.n} not measured`, '', '', ''];
    const side = measured.sides[t.side];
    if (!side) return [label, t.condition, `no ${t.side} side measured`, '', '', ''];
    const ratio = measured.compare[t.side][t.metric];
    return [
      label,
      t.condition,
      `${ms(measured.sides.native[t.metric].median)} / ${ms(side[t.metric].median)}`,
      ci(ratio),
      String(ratio.n),
      verdict(ratio, t.max),
    ];
  });
  return table(['Target at N = 1', 'Condition', 'native / ours, ms', 'ours / native [95% CI]', 'pairs', 'Verdict'], rows);
}

/**
 * The floors: the prerendered snippets alone (no script tag) against native at N = 1, beside
 * the same snippets with the script from the main rounds. What a floor costs over native,
 * no script can take back; the difference between the two columns is the script's share.
 * Likewise the inline snippet with an empty script, and the two script floors before script only.
 */
export function floorTable(results) {
  const rows = Object.entries(results.floors ?? {}).map(([condition, floor]) => {
    const main = results.render[condition]?.[1];
    // Each path's floors, lowest first, then the path itself from the main rounds.
    const group = (floorSides, mainSide) => [
      ...floorSides.map((side) => ci(floor.compare[side].painted)),
      main?.compare[mainSide] ? ci(main.compare[mainSide].painted) : '–',
    ];
    return [
      condition,
      ms(floor.sides.native.painted.median),
      ...group(['html-linked'], 'prerendered'),
      ...group(['html-inline', 'inline-empty-script'], 'prerendered-inline'),
      ...group(['script-floor', 'lit-floor'], 'script'),
      String(floor.rounds),
    ];
  });
  return table(
    [
      'N = 1, text painted / native [95% CI]',
      'native, ms',
      'stylesheet linked, no script',
      'linked, with the script',
      'styles inline, no script',
      'inline, empty script',
      'inline, with the script',
      'stand-in script, same size',
      'least Lit element, same size',
      'script only',
      'pairs',
    ],
    rows
  );
}

/** One table per condition: every N and metric, each side's median and each ratio with its interval. */
export function renderTable(byN, sides) {
  const ours = sides.filter((s) => s !== 'native');
  const head = ['N', 'Median of', 'native', ...ours.flatMap((s) => [SIDE_NAMES[s], `${SIDE_NAMES[s]} / native [95% CI]`])];
  const rows = [];
  for (const [n, measured] of Object.entries(byN)) {
    for (const metric of METRICS) {
      const fmt = metric === 'bytes' ? int : ms;
      rows.push([
        metric === METRICS[0] ? `**${n}** (${measured.rounds} rounds)` : '',
        METRIC_NAMES[metric],
        fmt(measured.sides.native[metric].median),
        ...ours.flatMap((s) =>
          measured.sides[s]
            ? [
                fmt(measured.sides[s][metric].median),
                metric === 'bytes' ? x(measured.compare[s][metric].median) : ci(measured.compare[s][metric]),
              ]
            : ['–', '–']
        ),
      ]);
    }
  }
  return table(head, rows);
}

const spread = (xs) => {
  if (!xs.length) return '–';
  const sorted = [...xs].sort((a, b) => a - b);
  return `${ms(sorted[sorted.length >> 1])} (${ms(sorted[0])} to ${ms(sorted.at(-1))})`;
};

/**
 * How `painted` compares with the browser's own paint-timing record of the title's block and
 * with its first-contentful-paint, per condition and side at the smallest N; layout shift.
 */
export function checkTable(render, sides) {
  const rows = [];
  for (const [condition, byN] of Object.entries(render)) {
    const n = Object.keys(byN)[0];
    for (const side of sides) {
      const s = byN[n].sides[side];
      const diff = (key) => s.loads.filter((l) => typeof l[key] === 'number').map((l) => l[key] - l.painted);
      const checked = diff('paintedByBrowser');
      rows.push([
        condition,
        `${n}`,
        SIDE_NAMES[side],
        `${spread(checked)}${checked.length < s.loads.length ? `, ${s.loads.length - checked.length} of ${s.loads.length} loads without a record` : ''}`,
        spread(diff('fcp')),
        s.cls.samples.length ? Math.max(...s.cls.samples).toFixed(3) : '–',
        side === 'native' ? '–' : ms(s.ready.median),
      ]);
    }
  }
  return (
    table(
      [
        'Condition',
        'N',
        'Side',
        'browser paint record of the title − painted, ms: median (min to max)',
        'first-contentful-paint − painted, ms',
        'CLS, largest',
        'ready (median), ms',
      ],
      rows
    ) +
    "\n\nThe browser's record (trace event `PaintTimingVisualizer::LayoutObjectPainted`, what LCP is built on) falls in the same frame as `painted`, just before the end of its Paint, when the element holding the title at the end of the load is the one first painted; a load without a record means that element was replaced after it was first shown. First-contentful-paint is presentation time (after compositing) of any text: on native pages over a slow network it can be the show-all button, painted a frame before the title arrives."
  );
}

export function phaseTable(measured, sides) {
  const rows = [...PHASES.map(([p]) => p), 'Other'].map((p) => [p, ...sides.map((s) => ms(measured.sides[s].byPhase[p] ?? 0))]);
  rows.push(['**Main thread busy** (tasks)', ...sides.map((s) => `**${ms(measured.sides[s].busy.median)}**`)]);
  return table(['Main-thread self time, ms', ...sides.map((s) => SIDE_NAMES[s])], rows);
}

export function memoryTable(memory, sides) {
  const row = (side) => {
    const m = memory[side];
    return [
      SIDE_NAMES[side],
      `${(m.JSHeapUsedSize / 1048576).toFixed(2)} MiB`,
      int(m.Nodes),
      `${int(m.lightElements)} / ${int(m.shadowElements)}`,
      int(m.textNodes),
      int(m.commentNodes),
      int(m.JSEventListeners),
    ];
  };
  return (
    table(
      [
        `N = ${memory.n}`,
        'JS heap used',
        'DOM nodes (CDP)',
        'elements light / shadow',
        'text nodes',
        'comment nodes',
        'event listeners',
      ],
      sides.map(row)
    ) +
    '\n\nAfter `HeapProfiler.collectGarbage`, unthrottled. DOM nodes is CDP `Nodes` for the renderer (every node type, shadow trees included); the other counts are walked in the page.'
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
    : 'Lighthouse skipped.';
  return (
    table(
      ['`demo/index.html`', 'CLS desktop', 'CLS mobile', 'Lighthouse performance', 'accessibility', 'best practices', 'SEO'],
      [
        [
          'unthrottled',
          c('desktop localhost'),
          c('mobile localhost'),
          l?.performance ?? '–',
          l?.accessibility ?? '–',
          l?.['best-practices'] ?? '–',
          l?.seo ?? '–',
        ],
        ['throttled', c('desktop throttled'), c('mobile throttled'), '', '', '', ''],
      ]
    ) +
    `\n\nCLS: sum of layout shifts without recent input, median (min–max) of ${cls['desktop localhost'].sum.n} loads, at ${cls['desktop localhost'].viewport.width}×${cls['desktop localhost'].viewport.height} and ${cls['mobile localhost'].viewport.width}×${cls['mobile localhost'].viewport.height}. ${lhNote}`
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

const METHOD = (results) => {
  const {settings} = results;
  return [
    `- Sides: **native**: N blocks of the same text as \`<milia-info>\` renders, as plain HTML (a static "Show all sections" button, one \`<details><summary><h2>\` per section with its paragraphs and lists, the footer with review dates, sources and disclaimer), no CSS, no script; **script only**: \`<script type="module" src="/dist/milia-widgets.js">\` in the head and N \`<milia-info></milia-info>\`; **prerendered**: the same script tag and N copies of \`dist/html/milia-info.en.html\` (a declarative shadow root linking \`milia-widgets.css\`), its stylesheet href rewritten to \`/dist/milia-widgets.css\`, where the page finds it; **prerendered, styles inline**: the same widget as \`milia-widgets render milia-info --inline-css\` prints it (its styles in a \`<style>\` inside the shadow root, for sites without a strict CSP), so no stylesheet request stands before the text; **floors** (N = 1): each of the two snippets on a page with no script tag, and the script-only page with a stand-in script (dist/milia-widgets.js inside a comment, then one statement that swaps the element for the native block: the module's bytes on the wire plus those of the native HTML it carries, about 0.8 KB more, so this floor errs on the high side by a few ms), the inline snippet with the same script tag pointing to an empty module (what fetching any module costs the page), and the script-only page with the least Lit element of the same size (one \`milia-info\` whose render returns the native block as one static Lit template: no styles, state, behaviour or content module; Lit's production build, padded with a comment to our module's gzip size), measured in rounds of their own with native. All pages are generated from the compiled content (bench/pages.mjs), and before measuring one load of each page checks in the browser that every side carries the same words (${results.textCheck ? 'checked' : 'not checked'}: ${Object.entries(
      results.textCheck ?? {}
    )
      .map(([n, c]) => `N = ${n}: ${c.native.textChars} non-space characters`)
      .join(', ')}).`,
    `- Conditions: **unthrottled** (localhost, this machine's CPU) and **throttled**: Lighthouse's mobile preset applied through CDP, Network.emulateNetworkConditions with 150 ms latency per request, 1.6 Mbit/s down and 750 kbit/s up, and Emulation.setCPUThrottlingRate 4. Files are served by bench/server.mjs with gzip (level 9) and cacheable, as a static host or CDN would; every load gets a new browser context, whose caches (HTTP, memory, V8 code) start empty: a first visit. (With the HTTP cache switched off as well, N prerendered snippets fetched their stylesheet N times, which no browser does.)`,
    `- **Text painted**: injected before any page script into every page alike, a probe looks in every animation frame for the first item's title ("${results.firstTitle}") in the document or an open shadow root, visible (\`checkVisibility\`) and with a box; the first frame where it is present paints it (rAF runs before that frame's style, layout and paint). The value is the end of that frame's main-thread \`Paint\` trace event, in ms from navigation start. Checked against the browser's own paint-timing record of the title's block (see the checks table).`,
    '- **Interactive**: when a click on the first item button both can be seen and works: native, when painted (`<details>` works from parse); ours, the later of painted and every `<milia-info>` defined and rendered (`customElements.whenDefined`, then each `updateComplete`).',
    `- **Main-thread busy**: the union of the renderer main thread's top-level tasks (trace category \`toplevel\`) from navigation start to ${settings.settleMs} ms after the later of interactive and the load event. Includes the browser's own work for a new document, the same on every side.`,
    '- **Bytes on the wire**: the sum of `encodedDataLength` of every response (CDP `Network.loadingFinished`), headers included, gzip as served.',
    `- Order and statistics: per condition, one discarded round before the first N; then ${Object.entries(settings.rounds)
      .map(([n, r]) => `${r} rounds at N = ${n}`)
      .join(
        ', '
      )}; a round loads every side once, in an order that rotates from round to round. Each ratio is the median of the paired ratios (each of our loads over the native load of the same round), with a 95% percentile-bootstrap interval of that median (10,000 resamples, fixed seed). A target is met when the median is at or below it; the verdict says whether the interval lies wholly on that side.`,
    `- Viewport ${settings.viewport.width}×${settings.viewport.height}, headless Chromium; the omnibox WebUI process that Chromium starts with each browser context is switched off (it loads its own JS for about 1 s of CPU during the page load).`,
  ].join('\n');
};

/** Everything printed (`stdout`), the part kept in latest.md (`markdown`), the README block. */
export function formatResults(results) {
  const {machine} = results;
  const busy = machine.loadAverageAtStart > machine.cores * 0.75;
  const quick = results.quick
    ? ' **QUICK MODE (`BENCH_QUICK=1`): few samples on a machine shared with other work; for checking the method, not for decisions.**'
    : '';
  const header =
    `milia-widgets benchmark, ${results.date.slice(0, 10)}: ${results.browser} headless, ${machine.cores} cores ` +
    `(${machine.cpu}), Node ${machine.node}. Load average ${machine.loadAverageAtStart.toFixed(1)} at start, ${machine.loadAverageAtEnd.toFixed(1)} at end` +
    (busy ? ' (**other work was running: expect noise**).' : '.') +
    quick;

  const renderSections = Object.entries(results.render).flatMap(([condition, byN]) => [
    `#### ${condition === 'throttled' ? 'Throttled: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU' : 'Unthrottled (localhost)'}`,
    '',
    renderTable(byN, results.sides),
    '',
  ]);

  const summaryPart = [
    header,
    '',
    targetTable(results),
    '',
    ...(results.floors
      ? [
          'The floors, in rounds of their own, each load paired with a native load: the same snippets on a page without the script tag (what the HTML and its stylesheet cost by themselves), the inline snippet with a script tag whose module is empty (what the request for any module costs the page), the script-only page with a stand-in script of the same size that only inserts the native text (what downloading a script of that size costs before its text can paint), and the same page with the least Lit element of the same size, one static template of the native text (what Lit itself adds: evaluating it, defining the element, preparing and cloning one template). The "with the script" and "script only" columns repeat the ratios above. Nothing we do in the script can paint sooner than its floor, and no Lit element of our size sooner than the last.',
          '',
          floorTable(results),
          '',
        ]
      : []),
    ...renderSections,
    'Medians over the rounds; ratios are medians of paired ratios (ours over the native load of the same round) with their 95% bootstrap interval. How each figure is taken: Method, in bench/results/latest.md.',
    '',
    budgetTable(results.budgets),
    '',
  ];

  const throttled1 = results.render.throttled?.[Object.keys(results.render.throttled ?? {})[0]];
  const detailPart = [
    '### Files',
    '',
    sizeTable(results.sizes),
    '',
    '### Checks of the method',
    '',
    checkTable(results.render, results.sides),
    '',
    ...(throttled1
      ? [
          `### Where the main thread's time goes, throttled, N = ${Object.keys(results.render.throttled)[0]} (median self time per phase, ms)`,
          '',
          phaseTable(throttled1, results.sides),
          '',
        ]
      : []),
    ...(results.profile
      ? Object.entries(results.profile).flatMap(([side, p]) => [
          `### Sampled JS self time, ${SIDE_NAMES[side]}, throttled, N = ${p.n} (median of ${p.loads} profiled loads; profiling slows the page)`,
          '',
          topTable(p.buckets, 6, 'Who ran'),
          '',
          topTable(p.byFunction, 12, 'Function (the bundle is minified: its first characters are shown)'),
          '',
        ])
      : []),
    '### Memory',
    '',
    memoryTable(results.memory, results.sides),
    '',
    '### Demo page',
    '',
    demoTable(results.cls, results.lighthouse),
    '',
    '### Method',
    '',
    METHOD(results),
    ...(results.lighthouse
      ? [
          `- Lighthouse metrics: ${Object.entries(results.lighthouse.metrics)
            .map(([k, v]) => `${k} ${v === null ? '–' : k.includes('layout-shift') ? v.toFixed(3) : `${Math.round(v)} ms`}`)
            .join(', ')}; audits below 0.9: ${Object.entries(results.lighthouse.auditsBelow90)
            .map(([cat, ids]) => `${cat}: ${ids.join(', ') || 'none'}`)
            .join('; ')}.`,
        ]
      : []),
    '',
  ];

  const markdown = [`<!-- generated by \`npm run bench\` on ${results.date} -->`, ...summaryPart, ...detailPart].join('\n');
  const readme = [
    ...summaryPart,
    'The full report (files, checks of the method, where the main-thread time goes, JS profile, memory, demo page, method) is in',
    '[bench/results/latest.md](bench/results/latest.md).',
  ].join('\n');
  return {stdout: markdown, markdown, readme};
}

/** Replaces the README's bench block (between the markers) with `block`. */
export function updateReadme(path, block, date) {
  const text = readFileSync(path, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${path} has no ${start} … ${end} block to update`);
  const body = `${start}\n<!-- copied from bench/results/latest.md, generated by \`npm run bench\` on ${date} -->\n${block}\n${end}`;
  writeFileSync(path, text.slice(0, i) + body + text.slice(j + end.length));
}
