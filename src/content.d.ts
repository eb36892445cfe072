// Modules made at build time from content/ by tools/content/rollup-plugin.mjs.
declare module 'milia-content' {
  import type {LocaleContent} from './internal/content-types.js';
  /** Every language with content, English first. */
  export const languages: string[];
  /** One dynamic import per other language. */
  export const loaders: Record<string, () => Promise<{default: LocaleContent}>>;
}

declare module 'milia-content/*' {
  import type {LocaleContent} from './internal/content-types.js';
  const locale: LocaleContent;
  export default locale;
}
