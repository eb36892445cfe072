// The dev server and the browser every measurement shares, and a fresh page per load.
import {createServer} from 'node:net';
import {startDevServer} from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import {BROWSERS, CHROMIUM_ARGS} from '../test/runner/browsers.mjs';

export const VIEWPORT = {width: 1280, height: 900};
// Lighthouse's phone size. Not `isMobile`: that emulation marks layout shifts after it as
// having recent input, so a plain "without recent input" sum would drop them all.
export const MOBILE_VIEWPORT = {width: 412, height: 823, deviceScaleFactor: 1.75, hasTouch: true};
const TIMEOUT = 30_000;

async function freePort() {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, 'localhost', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** @web/dev-server in this process, serving the repo root as a static site would. */
export async function startServer() {
  const port = await freePort();
  const server = await startDevServer({
    config: {rootDir: '.', port, hostname: 'localhost', watch: false, open: false},
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  return {origin: `http://localhost:${port}`, stop: () => server.stop()};
}

export async function launchBrowser() {
  return puppeteer.launch({
    executablePath: BROWSERS.chromium.path,
    headless: true,
    args: CHROMIUM_ARGS,
    protocolTimeout: 120_000,
  });
}

/**
 * Runs `fn(page)` in a new browser context (no cache, cookies or compiled code shared with
 * any other load) with the HTTP cache disabled, then closes the context. Any uncaught page
 * error or failed request fails the measurement.
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
    await page.setCacheEnabled(false);
    await page.setViewport(viewport);
    if (beforeLoad) await beforeLoad(page);
    const result = await fn(page, errors);
    if (errors.length) throw new Error(errors.join('\n'));
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Loads a bench page; returns window.__done (ms from navigation start to rendered and laid
 * out) and window.__frame (ms until the frame after that was painted).
 */
export async function loadAndWait(page, url, errors) {
  await page.goto(url, {waitUntil: 'load'});
  try {
    await page.waitForFunction('window.__frame !== undefined', {polling: 50});
  } catch (error) {
    throw new Error(`${url} never set window.__done/__frame${errors.length ? `:\n${errors.join('\n')}` : ''} (${error.message})`);
  }
  const {done, frame} = await page.evaluate(() => ({done: window.__done, frame: window.__frame}));
  if (!(typeof done === 'number' && done > 0 && frame >= done))
    throw new Error(`${url}: window.__done is ${done}, __frame ${frame}`);
  return {done, frame};
}
