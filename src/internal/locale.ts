import {languages, loaders} from 'milia-content';
import english from 'milia-content/en';
import type {LocaleContent} from './content-types.js';

/** The language every element falls back to; its content is in every build. */
export const BASE_LANGUAGE = 'en';
export {languages};

/** Content by language: the content once here, or the promise of it while its file loads. */
const locales: Record<string, LocaleContent | Promise<LocaleContent>> = {[BASE_LANGUAGE]: english};

/**
 * Maps a BCP 47 tag to a language we have content for: `es-MX` and `es-ES` -> `es`
 * (WordPress always writes region tags), `EN-us` -> `en`. Returns null when unsupported,
 * including the empty tag (`lang=""` is HTML's "unknown language").
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
 * once however many elements ask. In the ES build each other language is a file beside the
 * main module (`milia-widgets.lang-<code>.js`); the classic build has them inline. A file
 * that fails to load stays failed for this page: every element then shows English.
 */
export function getLocale(lang: string): LocaleContent | Promise<LocaleContent> {
  return (locales[lang] ??= loaders[lang]().then((module) => (locales[lang] = module.default)));
}
