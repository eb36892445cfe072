// The in-browser measurements: render time, memory, traces and layout shift.
import {loadAndWait, MOBILE_VIEWPORT, VIEWPORT, withFreshPage} from './browser.mjs';
import {summarizeTrace, TRACE_CATEGORIES} from './trace.mjs';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const stats = (xs) => ({median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs});

const SIDES = ['ours', 'native'];

/**
 * Render time per N: one discarded warm-up load of each page, then `runs` loads of each,
 * strictly alternating ours, native, ours, native...
 */
export async function measureRender(browser, origin, pages, runs, log) {
  const out = {};
  for (const [n, urls] of Object.entries(pages)) {
    for (const side of SIDES) await withFreshPage(browser, {}, (page, errors) => loadAndWait(page, origin + urls[side], errors));
    const times = {ours: [], native: []};
    const frames = {ours: [], native: []};
    for (let i = 0; i < runs; i++) {
      for (const side of SIDES) {
        const {done, frame} = await withFreshPage(browser, {}, (page, errors) => loadAndWait(page, origin + urls[side], errors));
        times[side].push(done);
        frames[side].push(frame);
      }
    }
    out[n] = {ours: stats(times.ours), native: stats(times.native)};
    out[n].ratio = out[n].ours.median / out[n].native.median;
    // Each ours load over the native load right after it: robust to a machine whose speed drifts.
    out[n].pairedRatio = stats(times.ours.map((t, i) => t / times.native[i]));
    out[n].nextFrame = {ours: stats(frames.ours), native: stats(frames.native)};
    out[n].nextFrame.ratio = out[n].nextFrame.ours.median / out[n].nextFrame.native.median;
    log(
      `  N=${n}: ours ${out[n].ours.median.toFixed(1)} ms, native ${out[n].native.median.toFixed(1)} ms, ratio ${out[n].ratio.toFixed(2)}`
    );
  }
  return out;
}

/**
 * What is in the page, counted in the page (shadow trees included): elements in the light
 * DOM and in shadow roots, text and comment nodes, and the text a reader gets.
 */
function countInPage() {
  const counts = {lightElements: 0, shadowElements: 0, textNodes: 0, commentNodes: 0};
  const walk = (root, inShadow) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) counts.textNodes++;
      else if (node.nodeType === Node.COMMENT_NODE) counts.commentNodes++;
      else {
        counts[inShadow ? 'shadowElements' : 'lightElements']++;
        if (node.shadowRoot) walk(node.shadowRoot, true);
      }
    }
  };
  walk(document, false);
  const hosts = [...document.querySelectorAll('milia-info')].map((host) => host.shadowRoot);
  const blocks = hosts.length ? hosts : [...document.querySelectorAll('.milia-native')];
  // Whitespace differs between templates and the generated HTML; the words must not.
  counts.textChars = blocks.reduce((total, block) => total + block.textContent.replace(/\s+/g, '').length, 0);
  return counts;
}

/** JS heap and DOM nodes after a forced GC, median of `loads` fresh loads per side. */
export async function measureMemory(browser, origin, urls, loads = 3) {
  const out = {};
  for (const side of SIDES) {
    const samples = [];
    for (let i = 0; i < loads; i++) {
      samples.push(
        await withFreshPage(browser, {}, async (page, errors) => {
          await loadAndWait(page, origin + urls[side], errors);
          const cdp = await page.createCDPSession();
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.detach();
          const m = await page.metrics();
          return {...m, ...(await page.evaluate(countInPage))};
        })
      );
    }
    const pick = (key) => median(samples.map((s) => s[key]));
    out[side] = Object.fromEntries(
      [
        'JSHeapUsedSize',
        'JSHeapTotalSize',
        'Nodes',
        'JSEventListeners',
        'Documents',
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

/**
 * Traced loads of the N=100 pages (alternating), each summarised; the medians of every
 * phase, event and JS function over the loads.
 */
export async function measureTraces(browser, origin, urls, loads, bundleSource) {
  const summaries = {ours: [], native: []};
  for (let i = 0; i < loads; i++) {
    for (const side of SIDES) {
      const summary = await withFreshPage(browser, {}, async (page, errors) => {
        await page.tracing.start({categories: TRACE_CATEGORIES});
        let done;
        let buffer;
        try {
          ({done} = await loadAndWait(page, origin + urls[side], errors));
        } finally {
          buffer = await page.tracing.stop();
        }
        return summarizeTrace(buffer, done, bundleSource);
      });
      summaries[side].push(summary);
    }
  }
  const combine = (list) => {
    const medianOf = (field) => {
      const keys = new Set(list.flatMap((s) => Object.keys(s[field])));
      return Object.fromEntries([...keys].map((k) => [k, median(list.map((s) => s[field][k] ?? 0))]));
    };
    return {
      loads: list.length,
      windowMs: median(list.map((s) => s.windowMs)),
      mainThreadBusyMs: median(list.map((s) => s.mainThreadBusyMs)),
      byPhase: medianOf('byPhase'),
      byEvent: medianOf('byEvent'),
      byFunction: medianOf('byFunction'),
    };
  };
  return {ours: combine(summaries.ours), native: combine(summaries.native)};
}

// Installed before any page script: every layout shift, buffered from the start of the load.
const CLS_OBSERVER = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({value: e.value, hadRecentInput: e.hadRecentInput, startTime: e.startTime});
  }).observe({type: 'layout-shift', buffered: true});
`;

/** Lighthouse's mobile conditions, applied for real: 150 ms round trip, 1.6 Mbit/s, 4× slower CPU. */
export const THROTTLED = {network: {latency: 150, download: (1638.4 * 1024) / 8, upload: (675 * 1024) / 8}, cpu: 4};

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
    ['throttled', THROTTLED],
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
          if (throttle) {
            await page.emulateNetworkConditions(throttle.network);
            await page.emulateCPUThrottling(throttle.cpu);
          }
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
      out[`${name} ${condition}`] = {viewport, throttle, sum: stats(sums), sessionWindow: stats(windows)};
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
