import {languages, loaders} from 'milia-content';
import type {LocaleContent} from './content-types.js';

/** The language every element falls back to, always in the main bundle (see english.ts). */
export const BASE_LANGUAGE = 'en';
export {languages};

/** Content by language: the content once here, or the promise of it while its file loads. */
const locales: Record<string, LocaleContent | Promise<LocaleContent>> = {};

/** Makes a language available without loading a file (English, in every build). */
export const addLocale = (locale: LocaleContent) => (locales[locale.lang] = locale);

/**
 * Maps a BCP 47 tag to a language we have content for: `es-MX` and `es-ES` -> `es`
 * (WordPress always writes region tags), `EN-us` -> `en`. Returns null when unsupported.
 */
export function matchLanguage(tag: string): string | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return languages.includes(primary) ? primary : null;
}

/**
 * The nearest `lang` above an element, crossing shadow roots so that a widget inside
 * another component's shadow DOM still follows the page. Empty string when none is set.
 */
export function inheritedLang(element: Element): string {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang')!;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return '';
}

/**
 * A language's content, at once when it is here, otherwise a promise of it. Each file loads
 * once however many elements ask. In the ES build each language is a file beside the main
 * module (`milia-widgets.<lang>.js`); the classic build has them inline.
 */
export function getLocale(lang: string): LocaleContent | Promise<LocaleContent> {
  // A file that fails to load stays failed for this page: every element then shows English.
  return (locales[lang] ??= loaders[lang]().then((module) => (locales[lang] = module.default)));
}
