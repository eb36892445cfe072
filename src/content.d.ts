// Modules made at build time from content/ by build/content/rollup-plugin.mjs.
declare module 'milia-content' {
  import type {LocaleContent, Source} from './internal/content-types.js';
  export const sources: Record<string, Source>;
  /** Every language with content, English first. */
  export const languages: string[];
  /** English, always in the main bundle. */
  export const baseLocale: LocaleContent;
  /** One dynamic import per other language. */
  export const loaders: Record<string, () => Promise<{default: LocaleContent}>>;
}
