// Types for the framework modules the framework checks import by URL or by file path.
// (A script file, not a module: these `declare module` blocks declare, not augment.)

// Both bundles also carry the packed, installed milia-widgets. (Its types here resolve through
// the project's own package name to dist/types: the declarations that ship.)

/**
 * React 19, react-dom and @lit/react, bundled by test/runner/framework-bundles-plugin.mjs and imported
 * as `/__frameworks__/react.js`. (TypeScript matches a root-relative import against a pattern
 * but never against an exact ambient name, hence the `*`.)
 */
declare module '*/__frameworks__/react.js' {
  import type * as ReactNamespace from 'react';

  export {MiliaFaq, MiliaInfo} from 'milia-widgets';

  export const React: typeof ReactNamespace;
  export {createElement, Fragment, useState, useRef, useEffect, useCallback} from 'react';
  export {createComponent} from '@lit/react';

  // react-dom has no types installed: the two calls the tests use.
  export interface Root {
    render(children: ReactNamespace.ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element | DocumentFragment): Root;
  export function flushSync<R>(fn: () => R): R;
}

/** Vue's self-contained browser build (runtime + template compiler): the same API as `vue`. */
declare module '*/__frameworks__/vue.js' {
  export * from 'vue';
  export {MiliaFaq, MiliaInfo} from 'milia-widgets';
}
