import {startServer, launchBrowser} from './browser.mjs';
import {measureCls} from './measure.mjs';
const server = await startServer();
const browser = await launchBrowser();
const r = await measureCls(browser, server.origin + '/demo/', {loads: 3});
for (const [k, v] of Object.entries(r)) console.log(k, v.sum.runs);
await browser.close(); await server.stop();
