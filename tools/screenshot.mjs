// Screenshots of a page in headless Chromium, for looking at what we built:
//   node tools/screenshot.mjs <url> <out.png> [width] [--dark] [--full] [--at=<css selector>]
import puppeteer from 'puppeteer-core';
import {BROWSERS, CHROMIUM_ARGS} from '../test/runner/browsers.mjs';

const [url, out, width = '1280', ...flags] = process.argv.slice(2);
const browser = await puppeteer.launch({executablePath: BROWSERS.chromium.path, headless: true, args: CHROMIUM_ARGS});
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.setViewport({width: Number(width), height: 900});
if (flags.includes('--dark')) await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'dark'}]);
await page.goto(url, {waitUntil: 'networkidle0'});
const at = flags.find((f) => f.startsWith('--at='))?.slice(5);
if (at) await page.$eval(at, (el) => el.scrollIntoView());
await page.screenshot({path: out, fullPage: flags.includes('--full')});
await browser.close();
