// Web Test Runner / dev server plugin that serves framework bundles to the browser tests.
//
// The React and Vue checks (test/browser/frameworks/) run the package as apps get it: each
// imports one ES module that esbuild bundles here, on first request, inside the app that
// test/package/prepare.mjs installed the packed tarball into. So React (CommonJS only, which the
// dev server does not convert), Vue's self-contained build (runtime + template compiler),
// @lit/react, milia-widgets and the Lit they share all come from that app's node_modules, and
// nothing from src/. Production builds, as sites get them.
import {bundleForBrowser} from './browser-bundle.mjs';
import {readState} from '../package/state.mjs';

const elements = `export {MiliaInfo, MiliaFaq} from 'milia-widgets';`;

/** URL path -> entry module source. Keep the exports in step with test/browser/frameworks/frameworks.d.ts. */
const BUNDLES = {
  '/__frameworks__/react.js': [
    `export * as React from 'react';`,
    `export {createElement, Fragment, useState, useRef, useEffect, useCallback} from 'react';`,
    `export {flushSync} from 'react-dom';`,
    `export {createRoot} from 'react-dom/client';`,
    `export {createComponent} from '@lit/react';`,
    elements,
  ].join('\n'),
  '/__frameworks__/vue.js': [`export * from 'vue/dist/vue.esm-browser.prod.js';`, elements].join('\n'),
};

/**
 * @param {{root?: string}} [options] where `node_modules` is resolved from (the installed app by default)
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function frameworkBundles({root} = {}) {
  /** @type {Map<string, Promise<string>>} one build per bundle, shared by every browser */
  const cache = new Map();

  const bundle = (path) => {
    let pending = cache.get(path);
    if (!pending) {
      pending = Promise.resolve().then(() =>
        bundleForBrowser(BUNDLES[path], root ?? readState().apps.main.dir, `frameworks${path}`)
      );
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
      try {
        return {body: await bundle(context.path), type: 'js'};
      } catch (error) {
        // Said in the browser, where the test that imports it reports it.
        return {body: `throw new Error(${JSON.stringify(`${context.path}: ${error.message}`)});`, type: 'js'};
      }
    },
  };
}
