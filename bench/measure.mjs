// The in-browser measurements: loads of the bench pages (timed, traced), the check that
// every side carries the same text, memory, and the demo page's layout shift.
import {applyCondition, CONDITIONS, MOBILE_VIEWPORT, VIEWPORT, withFreshPage} from './browser.mjs';
import {NEVER_UPGRADED} from './pages.mjs';
import {countInPage, probeSource} from './probe.mjs';
import {median, summary} from './stats.mjs';
import {analyzeLoad, PROFILE_CATEGORIES, TRACE_CATEGORIES} from './trace.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ms0 = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'never');

/**
 * Opens `url` in `page` with the probe (bench/probe.mjs) injected, and resolves once the
 * first item's title was seen, the load event ran and, on our pages, every element is
 * ready. Returns the probe's state.
 */
async function openWithProbe(page, url, side, title, errors) {
  const steps = new Set();
  let wake;
  // A raw CDP binding: a call from the page is one message out, with no reply to run in the
  // page (puppeteer's exposeFunction answers each call with an evaluation in the page).
  const cdp = await page.createCDPSession();
  cdp.on('Runtime.bindingCalled', (event) => {
    if (event.name !== '__benchReport') return;
    steps.add(event.payload);
    wake?.();
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', {name: '__benchReport'});
  await page.evaluateOnNewDocument(probeSource(title));
  const needed = NEVER_UPGRADED.has(side) ? ['seen', 'load'] : ['seen', 'load', 'ready'];
  const allThere = () => needed.every((s) => steps.has(s));
  await page.goto(url, {waitUntil: 'load'});
  const deadline = Date.now() + 60_000;
  while (!allThere()) {
    if (errors.length) throw new Error(`${url}:\n${errors.join('\n')}`);
    if (Date.now() > deadline)
      throw new Error(`${url}: the probe reported only ${[...steps].join(', ') || 'nothing'} (needs ${needed.join(', ')})`);
    await new Promise((resolve) => {
      wake = resolve;
      setTimeout(resolve, 250);
    });
  }
  await cdp.detach();
  return page.evaluate(() => window.__bench);
}

/**
 * The DOM node ids (as the trace names them) of the first item's title text node and its
 * ancestors up to the nearest shadow root or three levels: the browser's paint-timing
 * records name the block that holds the text, one of these.
 */
async function titleNodeIds(cdp) {
  const ids = [];
  const {result} = await cdp.send('Runtime.evaluate', {
    expression: `(() => { const out = []; let n = window.__bench.findTitle(); for (let i = 0; n && i < 4 && n.nodeType !== 11; i++, n = n.parentNode) out.push(n); return out; })()`,
  });
  const {result: items} = await cdp.send('Runtime.getProperties', {objectId: result.objectId, ownProperties: true});
  for (const item of items.filter((p) => /^\d+$/.test(p.name)))
    ids.push((await cdp.send('DOM.describeNode', {objectId: item.value.objectId})).node.backendNodeId);
  return ids;
}

/**
 * One measured load: a fresh browser context, the condition applied, the probe injected,
 * traced from before navigation until `settleMs` after the later of interactive and the load
 * event. Every time is in ms from navigation start:
 * - painted: the main thread finished painting the first frame that shows the first item's
 *   title (bench/probe.mjs finds the frame, the trace its paint);
 * - interactive: when a click on the first item button works and can be seen: native, when
 *   it is painted (<details> works from parse); ours, the later of painted and every element
 *   defined and rendered (whenDefined + updateComplete); null on the floor pages;
 * - busy: main-thread task time from navigation start to the later of interactive and the
 *   load event, plus `settleMs`;
 * - bytes: encodedDataLength of every response (Network.loadingFinished), headers included;
 * - paintedByBrowser: to check `painted`, the browser's own paint-timing record (the one
 *   LCP is built on) of the title's block, when the element that holds the title now is the
 *   one first painted (null otherwise);
 * - fcp: the browser's first-contentful-paint (presented; any text, e.g. native's show-all
 *   button, which can paint a frame before the title on a slow network);
 * - cls: layout shifts without recent input, until the end of the window.
 */
export async function measureLoad(browser, url, side, condition, {title, settleMs, profile = false, bundleSource, saveTrace}) {
  return withFreshPage(browser, {}, async (page, errors) => {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    await applyCondition(page, condition);
    await page.tracing.start({categories: profile ? PROFILE_CATEGORIES : TRACE_CATEGORIES});
    let state;
    let buffer;
    try {
      state = await openWithProbe(page, url, side, title, errors);
      await sleep(settleMs);
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      state = {...state, ...(await page.evaluate(() => window.__bench)), fcp};
    } finally {
      buffer = await page.tracing.stop();
    }
    const titleNodes = await titleNodeIds(cdp);
    await cdp.detach();
    if (saveTrace) saveTrace(buffer, side);
    // The window ends where it ends for every side: the later of interactive and the load
    // event, plus the settle time. `painted` comes from the trace, so the window is fixed
    // from the probe's values first (seen is a lower bound of painted) and then re-read.
    const first = analyzeLoad(buffer, state, 0);
    if (first.painted === null) throw new Error(`${url}: no Paint after the title was seen`);
    // A floor page is not ours to call interactive: its controls are inert, or not ours.
    const interactive =
      side === 'native' ? first.painted : NEVER_UPGRADED.has(side) ? null : Math.max(first.painted, state.ready);
    const windowEnd = Math.max(interactive ?? first.painted, state.load) + settleMs;
    const trace = analyzeLoad(buffer, state, windowEnd, {profile, bundleSource, titleNodes});
    return {
      painted: first.painted,
      paintedByBrowser: trace.paintedByBrowser,
      interactive,
      busy: trace.busy,
      bytes,
      requests,
      fcp: state.fcp,
      cls: state.shifts,
      seen: state.seen,
      ready: state.ready ?? null,
      load: state.load,
      byPhase: trace.byPhase,
      ...(profile ? {byFunction: trace.byFunction} : {}),
    };
  });
}

export const METRICS = ['painted', 'interactive', 'busy', 'bytes'];

/**
 * `rounds` rounds of loads of every side's page, each round loading every side once in an
 * order that rotates from round to round (so no side always goes first or follows the same
 * side), after one discarded round when `warmUp`. Returns per side the list of loads, in
 * round order: load i of every side belongs to round i, which pairs them for the ratios.
 */
export async function measureRounds(browser, origin, urls, sides, condition, rounds, {warmUp = true, ...options}, log) {
  const loads = Object.fromEntries(sides.map((side) => [side, []]));
  for (let round = warmUp ? -1 : 0; round < rounds; round++) {
    const start = ((round % sides.length) + sides.length) % sides.length;
    const order = [...sides.slice(start), ...sides.slice(0, start)];
    for (const side of order) {
      const load = await measureLoad(browser, origin + urls[side], side, condition, options);
      if (round >= 0) loads[side].push(load);
    }
  }
  const out = {rounds, sides: {}};
  for (const side of sides) {
    out.sides[side] = {loads: loads[side]};
    for (const metric of [...METRICS, 'paintedByBrowser', 'fcp', 'cls', 'seen', 'ready', 'load'])
      out.sides[side][metric] = summary(loads[side].map((l) => l[metric]).filter((v) => typeof v === 'number'));
    const phases = Object.keys(loads[side][0].byPhase);
    out.sides[side].byPhase = Object.fromEntries(phases.map((p) => [p, median(loads[side].map((l) => l.byPhase[p]))]));
  }
  log?.(
    `    ${sides.map((side) => `${side} painted ${out.sides[side].painted.median.toFixed(0)} ms, interactive ${ms0(out.sides[side].interactive.median)}`).join('; ')}`
  );
  return out;
}

/**
 * Loads every side's page once (unthrottled, untraced) and checks that our elements rendered
 * and that every side carries the same words. Returns what each page holds.
 */
export async function checkSameText(browser, origin, urls, sides, title) {
  const out = {};
  for (const side of sides) {
    out[side] = await withFreshPage(browser, {}, async (page, errors) => {
      await openWithProbe(page, origin + urls[side], side, title, errors);
      return page.evaluate(countInPage);
    });
  }
  const reference = out.native;
  for (const side of sides) {
    if (!out[side].rendered) throw new Error(`${urls[side]}: a <milia-info> has no shadow root after updateComplete`);
    if (out[side].text !== reference.text) {
      const at = [...out[side].text].findIndex((c, i) => c !== reference.text[i]);
      throw new Error(
        `${urls[side]} does not carry the same text as ${urls.native} (${out[side].textChars} vs ${reference.textChars} non-space characters; ` +
          `first difference at ${at}: ${JSON.stringify(out[side].text.slice(Math.max(0, at - 40), at + 40))} vs ` +
          `${JSON.stringify(reference.text.slice(Math.max(0, at - 40), at + 40))}): fix bench/pages.mjs`
      );
    }
  }
  for (const side of sides) delete out[side].text;
  return out;
}

/** JS heap and DOM nodes after a forced GC, median of `loads` fresh loads per side. */
export async function measureMemory(browser, origin, urls, sides, title, loads = 3) {
  const out = {};
  for (const side of sides) {
    const samples = [];
    for (let i = 0; i < loads; i++) {
      samples.push(
        await withFreshPage(browser, {}, async (page, errors) => {
          await openWithProbe(page, origin + urls[side], side, title, errors);
          const cdp = await page.createCDPSession();
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.detach();
          const m = await page.metrics();
          const {text: _text, ...counts} = await page.evaluate(countInPage);
          return {...m, ...counts};
        })
      );
    }
    const pick = (key) => median(samples.map((s) => s[key]));
    out[side] = Object.fromEntries(
      [
        'JSHeapUsedSize',
        'Nodes',
        'JSEventListeners',
        'LayoutObjects',
        'lightElements',
        'shadowElements',
        'textNodes',
        'commentNodes',
        'textChars',
      ]
        .filter((k) => samples[0][k] !== undefined)
        .map((k) => [k, pick(k)])
    );
  }
  return out;
}

// Installed before any page script: every layout shift, buffered from the start of the load.
const CLS_OBSERVER = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({value: e.value, hadRecentInput: e.hadRecentInput, startTime: e.startTime});
  }).observe({type: 'layout-shift', buffered: true});
`;

/**
 * CLS of a page: the sum of shifts without recent input (and the largest session window),
 * per viewport, on localhost as is and throttled. On localhost the module often runs before
 * the first paint, so a shift at upgrade shows only in some loads; throttled, the page paints
 * before the module arrives, as on a real connection.
 */
export async function measureCls(browser, url, {loads = 3, settleMs = 1000} = {}) {
  const out = {};
  for (const [condition, throttle] of [
    ['localhost', null],
    ['throttled', CONDITIONS.throttled],
  ]) {
    for (const [name, viewport] of [
      ['desktop', VIEWPORT],
      ['mobile', MOBILE_VIEWPORT],
    ]) {
      const sums = [];
      const windows = [];
      for (let i = 0; i < loads; i++) {
        const beforeLoad = async (page) => {
          await page.evaluateOnNewDocument(CLS_OBSERVER);
          if (throttle) await applyCondition(page, throttle);
        };
        const shifts = await withFreshPage(browser, {viewport, beforeLoad}, async (page) => {
          await page.goto(url, {waitUntil: 'load'});
          await page.evaluate(() =>
            Promise.all(
              [...document.querySelectorAll('milia-info, milia-faq')].map((el) =>
                customElements.whenDefined(el.localName).then(() => el.updateComplete)
              )
            )
          );
          await new Promise((resolve) => setTimeout(resolve, settleMs));
          const result = await page.evaluate(() => window.__shifts);
          if (!Array.isArray(result)) throw new Error('the layout-shift observer did not run');
          return result.filter((s) => !s.hadRecentInput);
        });
        sums.push(shifts.reduce((t, s) => t + s.value, 0));
        windows.push(largestSessionWindow(shifts));
      }
      out[`${name} ${condition}`] = {viewport, throttle, sum: summary(sums), sessionWindow: summary(windows)};
    }
  }
  return out;
}

/** The web-vitals definition: shifts less than 1 s apart, a window at most 5 s long. */
function largestSessionWindow(shifts) {
  let best = 0;
  let current = 0;
  let first = 0;
  let last = 0;
  for (const s of shifts) {
    if (current && s.startTime - last < 1000 && s.startTime - first < 5000) {
      current += s.value;
    } else {
      current = s.value;
      first = s.startTime;
    }
    last = s.startTime;
    best = Math.max(best, current);
  }
  return best;
}
