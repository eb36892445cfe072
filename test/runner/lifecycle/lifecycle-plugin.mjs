/**
 * Web Test Runner plugin for the lifecycle tests (test/browser/lifecycle/):
 *
 * - serves `/__lifecycle__/react.js`: React 19 and react-dom from this repository's own
 *   devDependencies, bundled by esbuild (React ships CommonJS only, which the dev server does
 *   not convert). Unlike test/runner/framework-bundles-plugin.mjs it carries no milia-widgets:
 *   the tests render the elements of src/ with it, so no packed package is needed.
 * - command `lifecycle-heap` {names}: in Chromium, collects garbage through the DevTools
 *   protocol, then answers the JS heap in use and, from a heap snapshot, how many objects
 *   carry each of `names` (a class name such as MiliaInfo counts live instances; `Detached`
 *   counts every detached DOM node). Engines without the protocol answer null.
 */
import {build} from 'esbuild';

const ROOT = new URL('../../../', import.meta.url).pathname;

const REACT = [
  `export {createElement, Fragment, useState} from 'react';`,
  `export {flushSync} from 'react-dom';`,
  `export {createRoot} from 'react-dom/client';`,
].join('\n');

let reactBundle;
const bundleReact = () =>
  (reactBundle ??= build({
    stdin: {contents: REACT, resolveDir: ROOT, sourcefile: 'lifecycle-react.js', loader: 'js'},
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['production'],
    define: {'process.env.NODE_ENV': '"production"'},
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text));

/** Counts snapshot nodes by name (and detached DOM nodes) without keeping the snapshot around. */
function countNodes(snapshot, names) {
  const {node_fields: fields, node_types: types} = snapshot.snapshot.meta;
  const width = fields.length;
  const nameAt = fields.indexOf('name');
  const typeAt = fields.indexOf('type');
  const detachedAt = fields.indexOf('detachedness');
  const typeNames = types[typeAt];
  const counts = Object.fromEntries(names.map((name) => [name, 0]));
  counts.Detached = 0;
  const detachedNames = new Map();
  const {nodes, strings} = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const name = strings[nodes[i + nameAt]];
    if (name in counts && typeNames[nodes[i + typeAt]] !== 'string') counts[name]++;
    // detachedness: 0 unknown, 1 attached, 2 detached (DOM nodes only).
    if (detachedAt >= 0 && nodes[i + detachedAt] === 2) {
      counts.Detached++;
      detachedNames.set(name, (detachedNames.get(name) ?? 0) + 1);
    }
  }
  const topDetached = [...detachedNames].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return {counts, topDetached};
}

async function heap(session, names) {
  if (session.browser.type !== 'puppeteer') return null;
  const page = session.browser.getPage(session.id);
  let cdp;
  try {
    cdp = await page.createCDPSession();
  } catch {
    return null; // Firefox over WebDriver BiDi: no DevTools protocol.
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
    return {usedSize, ...countNodes(snapshot, names)};
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
      return heap(session, payload?.names ?? []);
    },
  };
}
