// Modules made at build time from content/ by tools/content/rollup-plugin.mjs. The shapes
// live in internal/content-types.ts; an ambient module cannot import a relative path, so
// they are referenced through import() types, which tsc checks (no skipLibCheck here).
declare module 'milia-content' {
  /** The package version (content is versioned with the code). */
  export const version: string;
  /** Every language with content, English first. */
  export const languages: string[];
  /** One dynamic import per language other than English. */
  export const loaders: Record<string, () => Promise<{default: import('./internal/content-types.js').LocaleContent}>>;
}

declare module 'milia-content/*' {
  const locale: import('./internal/content-types.js').LocaleContent;
  export default locale;
}
