// A quick A/B of page variants, for trying an idea before a full `npm run bench`: loads each
// page once per round (in an order that rotates from round to round), measured exactly as the
// bench measures (bench/measure.mjs), and prints per page the median time to the first title
// painted and, against the first page, the median of the paired ratios with its 95% interval.
//
//   node bench/ab.mjs <unthrottled|throttled> <rounds> <name>=<path>[,<name>=<path>...]
//
// Paths are served from the repo root (write variants under bench/pages/, which git ignores;
// `npm run bench` writes the standard pages there, e.g. native-1.html, script-1.html). A page
// whose HTML has no <script> is measured as a page with no script (nothing to wait for but
// the text and the load event), and so is a page whose name starts with `~` (a page whose
// own script draws the text, with no <milia-info> to wait for); any other page must hold at
// least one <milia-info>, which is waited for. Example, a candidate bundle against the built one:
//
//   sed 's#/dist/milia-widgets.js#/bench/pages/try.js#' bench/pages/script-1.html > bench/pages/try-1.html
//   node bench/ab.mjs throttled 10 native=/bench/pages/native-1.html,built=/bench/pages/script-1.html,try=/bench/pages/try-1.html
import {readFileSync} from 'node:fs';
import {compileContent} from '../tools/content/compile.mjs';
import {CONDITIONS, launchBrowser, startServer} from './browser.mjs';
import {measureLoad} from './measure.mjs';
import {median, pairedRatio} from './stats.mjs';

const [conditionName, roundsArg, spec] = process.argv.slice(2);
const condition = CONDITIONS[conditionName];
const rounds = Number(roundsArg);
const pages = (spec ?? '').split(',').map((pair) => pair.split('='));
if (!condition || !(Number.isInteger(rounds) && rounds > 0) || pages.length < 2 || pages.some((p) => p.length !== 2)) {
  console.error(
    'usage: node bench/ab.mjs <unthrottled|throttled> <rounds> <name>=<path>,<name>=<path>[,...] (two pages or more; the first is the reference)'
  );
  process.exit(2);
}

// measureLoad's side: 'native' for a page with no script (interactive = painted), else ours.
const sideOf = (name, path) => (!name.startsWith('~') && readFileSync(`.${path}`, 'utf8').includes('<script') ? 'ab' : 'native');
// The first item's title, as the bench pages carry it (bench/pages.mjs).
const TITLE = compileContent('content').locales.en.info[0].title;

const server = await startServer();
const browser = await launchBrowser();
const loads = Object.fromEntries(pages.map(([name]) => [name, []]));
try {
  // Round 0 is discarded: the browser's first-time costs.
  for (let round = 0; round <= rounds; round++) {
    const order = pages.map((_, i) => pages[(i + round) % pages.length]);
    for (const [name, path] of order) {
      const load = await measureLoad(browser, server.origin + path, sideOf(name, path), condition, {title: TITLE, settleMs: 100});
      if (round > 0) loads[name].push(load);
    }
    console.error(`round ${round}/${rounds}`);
  }
} finally {
  await browser.close();
  await server.stop();
}

const [reference] = pages[0];
const ms = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
console.log(`${conditionName}, ${rounds} rounds; ratios against "${reference}" (median of paired ratios [95% CI])`);
for (const [name] of pages) {
  const painted = loads[name].map((l) => l.painted);
  const ready = loads[name].map((l) => l.ready).filter(Number.isFinite);
  const ratio = pairedRatio(
    painted,
    loads[reference].map((l) => l.painted)
  );
  const interval = Number.isFinite(ratio.low) ? ` [${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)}]` : '';
  console.log(
    `${name.padEnd(24)} painted ${ms(median(painted)).padStart(5)} ms  ${ratio.median.toFixed(2)}×${interval}  ready ${ms(median(ready))} ms`
  );
}
process.exit(0);
