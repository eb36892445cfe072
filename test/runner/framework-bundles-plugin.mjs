// Web Test Runner / dev server plugin that serves framework bundles to the browser tests.
//
// React 19 ships CommonJS only and the dev server does not convert CommonJS, so the React
// framework checks (test/browser/frameworks/react.test.ts) import one ES module,
// `/__frameworks__/react.js`, that esbuild bundles here on first request from react,
// react-dom and @lit/react (production builds, as sites get them). Our own elements are NOT
// in it: tests import them from src through the normal pipeline (content plugin included).
// Vue needs none of this: its self-contained ES build is imported by path.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';

/** URL path -> entry module source. Keep the exports in step with test/browser/frameworks/frameworks.d.ts. */
const BUNDLES = {
  '/__frameworks__/react.js': [
    `export * as React from 'react';`,
    `export {createElement, Fragment, useState, useRef, useEffect, useCallback} from 'react';`,
    `export {flushSync} from 'react-dom';`,
    `export {createRoot} from 'react-dom/client';`,
    `export {createComponent} from '@lit/react';`,
  ].join('\n'),
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @param {{root?: string}} [options] where `node_modules` is resolved from (the project root by default)
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function frameworkBundles({root = ROOT} = {}) {
  /** @type {Map<string, Promise<string>>} one build per bundle, shared by every browser */
  const cache = new Map();

  const bundle = (path) => {
    let pending = cache.get(path);
    if (!pending) {
      pending = build({
        stdin: {contents: BUNDLES[path], resolveDir: root, sourcefile: `frameworks${path}`, loader: 'js'},
        bundle: true,
        format: 'esm',
        platform: 'browser',
        conditions: ['production'],
        define: {'process.env.NODE_ENV': '"production"'},
        write: false,
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text);
      // A failed build is not cached: the next request tries again (after a fix).
      pending.catch(() => cache.delete(path));
      cache.set(path, pending);
    }
    return pending;
  };

  return {
    name: 'milia-framework-bundles',
    async serve(context) {
      if (!Object.hasOwn(BUNDLES, context.path)) return undefined;
      return {body: await bundle(context.path), type: 'js'};
    },
  };
}
