/**
 * Web Test Runner plugin for the lifecycle tests (test/browser/lifecycle/):
 *
 * - serves `/__lifecycle__/react.js`: React 19 and react-dom from this repository's own
 *   devDependencies, bundled by esbuild (React ships CommonJS only, which the dev server does
 *   not convert). Unlike test/runner/framework-bundles-plugin.mjs it carries no milia-widgets:
 *   the tests render the elements of src/ with it, so no packed package is needed.
 * - command `lifecycle-heap` {tags}: in Chromium, collects garbage through the DevTools
 *   protocol, then answers the JS heap in use and, from a heap snapshot, how many elements
 *   of each tag are still in memory (on the page or detached) and how many DOM nodes are
 *   detached. Engines without the protocol answer false.
 */
import {bundleForBrowser} from '../browser-bundle.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;

const REACT = [
  `export {createElement, Fragment, useState} from 'react';`,
  `export {flushSync} from 'react-dom';`,
  `export {createRoot} from 'react-dom/client';`,
].join('\n');

let reactBundle;
const bundleReact = () => (reactBundle ??= bundleForBrowser(REACT, ROOT, 'lifecycle-react.js'));

/**
 * From a heap snapshot: how many DOM elements of each of `tags` exist (named `<tag ...>`,
 * attached or not), how many DOM nodes are detached, and which names the detached ones have.
 */
function countNodes(snapshot, tags) {
  const {node_fields: fields, node_types: types} = snapshot.snapshot.meta;
  const width = fields.length;
  const nameAt = fields.indexOf('name');
  const typeAt = fields.indexOf('type');
  const detachedAt = fields.indexOf('detachedness');
  const native = types[typeAt].indexOf('native');
  const elements = Object.fromEntries(tags.map((tag) => [tag, 0]));
  const patterns = tags.map((tag) => [tag, new RegExp(`^<${tag}[\\s>]`)]);
  let detached = 0;
  const detachedNames = new Map();
  const {nodes, strings} = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    if (nodes[i + typeAt] !== native) continue;
    const name = strings[nodes[i + nameAt]];
    for (const [tag, pattern] of patterns) if (pattern.test(name)) elements[tag]++;
    // detachedness: 0 unknown, 1 attached, 2 detached.
    if (detachedAt >= 0 && nodes[i + detachedAt] === 2) {
      detached++;
      const short = name.replace(/^(<[\w-]+).*/, '$1>');
      detachedNames.set(short, (detachedNames.get(short) ?? 0) + 1);
    }
  }
  const topDetached = [...detachedNames].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return {elements, detached, topDetached};
}

async function heap(session, tags) {
  // false, not null: a command that answers null or undefined counts as unknown.
  if (session.browser.type !== 'puppeteer') return false;
  const page = session.browser.getPage(session.id);
  let cdp;
  try {
    cdp = await page.createCDPSession();
  } catch {
    return false; // Firefox over WebDriver BiDi: no DevTools protocol.
  }
  try {
    await cdp.send('HeapProfiler.enable');
    // Twice: the first pass may only finalize what the second frees.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const {usedSize} = await cdp.send('Runtime.getHeapUsage');
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({chunk}) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', {reportProgress: false});
    const snapshot = JSON.parse(chunks.join(''));
    return {usedSize, ...countNodes(snapshot, tags)};
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export function lifecyclePlugin() {
  return {
    name: 'milia-lifecycle',
    async serve(context) {
      if (context.path !== '/__lifecycle__/react.js') return undefined;
      try {
        return {body: await bundleReact(), type: 'js'};
      } catch (error) {
        reactBundle = undefined;
        return {body: `throw new Error(${JSON.stringify(`/__lifecycle__/react.js: ${error.message}`)});`, type: 'js'};
      }
    },
    async executeCommand({command, payload, session}) {
      if (command !== 'lifecycle-heap') return undefined;
      return heap(session, payload?.tags ?? []);
    },
  };
}
