// The server and the browser every measurement shares, the network and CPU conditions, and
// a fresh page per load.
import puppeteer from 'puppeteer-core';
import {BROWSERS, CHROMIUM_ARGS} from '../test/runner/browsers.mjs';
import {startStaticServer} from './server.mjs';

export const VIEWPORT = {width: 1280, height: 900};
// Lighthouse's phone size. Not `isMobile`: that emulation marks layout shifts after it as
// having recent input, so a plain "without recent input" sum would drop them all.
export const MOBILE_VIEWPORT = {width: 412, height: 823, deviceScaleFactor: 1.75, hasTouch: true};
const TIMEOUT = 60_000;

/**
 * The conditions each page is loaded under. `throttled` is Lighthouse's mobile preset
 * (Slow 4G-like: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, 4x slower CPU), applied
 * for real through CDP: Network.emulateNetworkConditions adds the latency to every request
 * and caps the throughput; Emulation.setCPUThrottlingRate slows the renderer.
 */
export const CONDITIONS = {
  unthrottled: {label: 'unthrottled', network: null, cpu: 1},
  throttled: {
    label: 'throttled (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, 4x CPU)',
    // Bytes per second, as puppeteer (and Lighthouse: 1 Mbit = 1024 kbit) counts them.
    network: {latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8},
    cpu: 4,
  },
};

/** A static server for the repo root (gzip, no caching), see bench/server.mjs. */
export async function startServer() {
  return startStaticServer({root: '.', port: Number(process.env.BENCH_PORT ?? 0)});
}

export async function launchBrowser() {
  return puppeteer.launch({
    executablePath: BROWSERS.chromium.path,
    headless: true,
    args: CHROMIUM_ARGS,
    protocolTimeout: 180_000,
  });
}

/** Applies a condition from CONDITIONS to a page before it loads. */
export async function applyCondition(page, condition) {
  if (condition.network) await page.emulateNetworkConditions(condition.network);
  if (condition.cpu !== 1) await page.emulateCPUThrottling(condition.cpu);
}

/**
 * Runs `fn(page)` in a new browser context, then closes the context. A new context starts
 * with empty caches (HTTP, memory, V8 code cache) and shares nothing with any other load, so
 * every load is a first visit; the HTTP cache is left on, so that within the page a file is
 * fetched once, as in any browser (DevTools' "disable cache" would also turn off that reuse).
 * Any uncaught page error or failed request fails the measurement.
 */
export async function withFreshPage(browser, {viewport = VIEWPORT, beforeLoad} = {}, fn) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const errors = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        errors.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    await page.setViewport(viewport);
    if (beforeLoad) await beforeLoad(page);
    const result = await fn(page, errors);
    if (errors.length) throw new Error(errors.join('\n'));
    return result;
  } finally {
    await context.close();
  }
}
