// What one traced page load tells: when the frame that first shows the widget's text was
// painted, how long the renderer's main thread was busy, and where that time went (self
// time per trace event, nested events subtracted, so a layout forced from script counts as
// Layout, not as script, grouped into phases), plus, when the sampling profiler ran, the JS
// functions it saw most.

/** Every measured load is traced with these (cheap enough to leave on: no profiler). */
export const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel'];
/** The few loads that also say which JS functions ran. */
export const PROFILE_CATEGORIES = [
  ...TRACE_CATEGORIES,
  'v8',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/** Scheduler and IPC wrappers: they contain the real work and would swallow its self time. */
const WRAPPERS =
  /^(RunTask|ThreadControllerImpl::RunTask|BlinkScheduler_PerformMicrotaskCheckpoint|Receive mojo .*|SimpleWatcher::OnHandleReady|Closed mojo endpoint|ThreadPool_RunTask|V8\.StackGuard|V8\.HandleInterrupts|V8\.BytecodeBudgetInterrupt.*|v8\.callFunction|v8\.callAsConstructor|v8\.newInstance|AsyncTask .*|RunTask .*)$/;

export const PHASES = [
  ['Parse HTML', /^(ParseHTML|MetaCharsetCheck)$/],
  [
    'Compile JS',
    /^(v8\.compile|v8\.compileModule|v8\.produceModuleCache|v8\.produceCache|CacheScript|v8\.deserializeOnBackground|V8\.Compile.*)$/,
  ],
  [
    'Run JS',
    /^(EvaluateScript|v8\.evaluateModule|v8\.run|FunctionCall|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|HTMLConstructor)$/,
  ],
  ['Style (recalc, parse CSS)', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|UpdateLayerTree)$/],
  ['Layout', /^(Layout|LayoutInvalidation)$/],
  ['GC', /^(MinorGC|MajorGC|V8\.GC.*|BlinkGC\..*|CppGC\..*|GCEvent|V8\.GCScavenger|V8\.GCFinalizeMC.*)$/],
  ['Paint, composite', /^(Paint|PrePaint|Layerize|Commit|UpdateLayer|CompositeLayers|PaintImage|RasterTask|Decode Image)$/],
];
export const phaseOf = (name) => PHASES.find(([, re]) => re.test(name))?.[0] ?? 'Other';

function mainThreadIntervals(events, pid, tid) {
  const intervals = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || WRAPPERS.test(e.name)) continue;
    if (e.ph === 'X' && e.dur > 0) intervals.push({name: e.name, start: e.ts, end: e.ts + e.dur});
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const i = open.findLastIndex((b) => b.name === e.name || !e.name);
      if (i >= 0) {
        intervals.push({name: open[i].name, start: open[i].ts, end: e.ts});
        open.splice(i, 1);
      }
    }
  }
  return intervals;
}

/** Self time in ms per event name within [from, to] (µs, trace clock). */
function selfTimes(intervals, from, to) {
  const clipped = intervals
    .map((i) => ({...i, start: Math.max(i.start, from), end: Math.min(i.end, to)}))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const stack = [];
  for (const i of clipped) {
    while (stack.length && stack.at(-1).end <= i.start) stack.pop();
    i.child = 0;
    const parent = stack.at(-1);
    if (parent) parent.child += Math.min(i.end, parent.end) - i.start;
    stack.push(i);
  }
  const byName = {};
  for (const i of clipped) byName[i.name] = (byName[i.name] ?? 0) + Math.max(0, i.end - i.start - i.child) / 1000;
  return byName;
}

/** Self time in ms per JS function (and per native/V8 pseudo-frame) from the sampling profiler. */
function profileSelfTimes(events, pid, tid, from, to, source) {
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.tid === tid)
      profiles.set(e.id, {start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: []});
    if (e.name === 'ProfileChunk' && profiles.has(e.id)) {
      const p = profiles.get(e.id);
      const cp = e.args.data.cpuProfile ?? {};
      for (const node of cp.nodes ?? []) p.nodes.set(node.id, node);
      p.samples.push(...(cp.samples ?? []));
      p.deltas.push(...(e.args.data.timeDeltas ?? []));
    }
  }
  const byFunction = {};
  for (const p of profiles.values()) {
    let t = p.start;
    for (let k = 0; k < p.samples.length; k++) {
      t += p.deltas[k];
      const next = k + 1 < p.deltas.length ? p.deltas[k + 1] : 0;
      if (t < from || t > to) continue;
      const frame = p.nodes.get(p.samples[k])?.callFrame;
      if (!frame || frame.functionName === '(idle)') continue;
      const label = frameLabel(frame, source);
      byFunction[label] = (byFunction[label] ?? 0) + next / 1000;
    }
  }
  return byFunction;
}

function frameLabel(frame, source) {
  const {functionName: fn, url = '', columnNumber: col, lineNumber: line} = frame;
  if (!url) return fn || '(anonymous native)';
  const file = url.replace(/^https?:\/\/[^/]+\//, '/');
  if (file.endsWith('/dist/milia-widgets.js') && source) {
    // The bundle is minified: show the first characters of the function to recognise it.
    const lines = source.split('\n');
    const snippet = (lines[line] ?? '').slice(col, col + 40).replace(/\s+/g, ' ');
    return `${fn || '(anonymous)'} @${file}:${line + 1}:${col + 1} \`${snippet}\``;
  }
  return `${fn || '(anonymous)'} @${file}:${line + 1}:${col + 1}`;
}

/** A renderer main-thread task as the scheduler runs it (category `toplevel`). */
const TASK = /^(ThreadControllerImpl::RunTask|RunTask)$/;

/** Total length of the union of [start, end] intervals (µs), clipped to [from, to]. */
function unionLength(intervals, from, to) {
  const clipped = intervals
    .map(([start, end]) => [Math.max(start, from), Math.min(end, to)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of clipped) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/**
 * Reads one traced load. `state` is what bench/probe.mjs recorded (performance.now() values:
 * `seen`, `ready` on our pages, `load`); `windowEndMs` the end of the busy window (ms from
 * navigation start). Returns, in ms from navigation start:
 * - `painted`: the end of the main thread's first Paint after the `bench-title-seen` mark,
 *   i.e. the frame that first shows the first item's title has been painted;
 * - `paintedByBrowser`: when the browser's paint-timing detector (what LCP is built on;
 *   trace event PaintTimingVisualizer::LayoutObjectPainted) first painted the block holding
 *   the title, given the DOM node ids `titleNodes` of the title and its ancestors; a check;
 * - `busy`: the time the renderer main thread spent in tasks from navigation start to
 *   `windowEndMs` (union of top-level task intervals);
 * - `byPhase`, `byEvent`: that window's self time per phase and per trace event;
 * - `byFunction` (profiled loads only): sampled self time per JS function.
 */
export function analyzeLoad(traceBuffer, state, windowEndMs, {bundleSource, profile = false, titleNodes = []} = {}) {
  const parsed = JSON.parse(new TextDecoder().decode(traceBuffer));
  const events = parsed.traceEvents ?? parsed;
  const mark = events.find((e) => e.name === 'bench-title-seen' && e.cat?.includes('blink.user_timing'));
  if (!mark) throw new Error('the trace has no bench-title-seen mark');
  const {pid, tid} = mark;
  // The mark's trace timestamp and its performance.now() value place navigation start.
  const from = mark.ts - state.seen * 1000;
  const to = from + windowEndMs * 1000;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
  const paint = onMain.filter((e) => e.name === 'Paint' && e.ph === 'X' && e.ts >= mark.ts).sort((a, b) => a.ts - b.ts)[0];
  const tasks = onMain.filter((e) => e.ph === 'X' && TASK.test(e.name)).map((e) => [e.ts, e.ts + e.dur]);
  if (!tasks.length) throw new Error('the trace has no main-thread tasks (category toplevel)');
  const byEvent = selfTimes(mainThreadIntervals(events, pid, tid), from, to);
  const byPhase = Object.fromEntries([...PHASES.map(([p]) => [p, 0]), ['Other', 0]]);
  for (const [name, ms] of Object.entries(byEvent)) byPhase[phaseOf(name)] += ms;
  const painted = events
    .filter(
      (e) =>
        e.name === 'PaintTimingVisualizer::LayoutObjectPainted' && e.pid === pid && titleNodes.includes(e.args?.data?.dom_node_id)
    )
    .sort((a, b) => a.ts - b.ts)[0];
  return {
    painted: paint ? (paint.ts + paint.dur - from) / 1000 : null,
    paintedByBrowser: painted ? (painted.ts - from) / 1000 : null,
    busy: unionLength(tasks, from, to) / 1000,
    byPhase,
    byEvent,
    ...(profile ? {byFunction: profileSelfTimes(events, pid, tid, from, to, bundleSource)} : {}),
  };
}

/** Sampled self time grouped by who ran: the bundle's JS, DOM calls it made, GC, the engine outside JS. */
export function profileBuckets(byFunction) {
  const buckets = {
    'JS in milia-widgets.js (Lit + elements)': 0,
    'DOM/built-in calls from JS (insertBefore, importNode, …)': 0,
    'JS in the page itself': 0,
    'Garbage collector': 0,
    'Engine outside JS (parse, style, layout, paint, …)': 0,
  };
  for (const [label, t] of Object.entries(byFunction)) {
    if (label === '(garbage collector)') buckets['Garbage collector'] += t;
    else if (label === '(program)' || label === '(root)') buckets['Engine outside JS (parse, style, layout, paint, …)'] += t;
    else if (label.includes('/dist/milia-widgets')) buckets['JS in milia-widgets.js (Lit + elements)'] += t;
    else if (label.includes(' @/')) buckets['JS in the page itself'] += t;
    else buckets['DOM/built-in calls from JS (insertBefore, importNode, …)'] += t;
  }
  return buckets;
}
