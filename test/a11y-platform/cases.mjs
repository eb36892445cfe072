/**
 * The pages the AT-SPI tests open, and what a screen reader must find on each, derived from
 * the compiled content (titles, interface strings, sources, the first words of each text)
 * so that editing the content does not break the tests.
 */
import {compileContent} from '../../tools/content/compile.mjs';

/** How many words of an item's text stand for it ("the open region holds its text"). */
const SNIPPET_WORDS = 6;

/**
 * `attrs` go on the element as written. `bundle`: the ES module (the Spanish file then
 * loads on demand) or the classic script (every language inside).
 */
export const CASES = [
  {name: 'info-en', element: 'milia-info', attrs: {expanded: 'overview causes'}, bundle: 'module'},
  {name: 'info-es', element: 'milia-info', attrs: {lang: 'es', 'heading-level': '3', expanded: 'types'}, bundle: 'module'},
  {name: 'faq-en', element: 'milia-faq', attrs: {'heading-level': '3', expanded: 'contagious pop'}, bundle: 'module'},
  {
    name: 'faq-es',
    element: 'milia-faq',
    attrs: {lang: 'es', questions: 'what-are-milia babies eyes see-a-doctor', expanded: 'babies'},
    bundle: 'classic',
  },
];

const plain = (inlines) =>
  inlines.map((part) => (typeof part === 'string' ? part : plain(part.em ?? part.strong ?? part.a))).join('');
const blockText = (block) => (block.p ? plain(block.p) : (block.ul ?? block.ol).map(plain).join(' '));
const squash = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * What a case must show: the page (title, body) and the expected items, each with its
 * title, whether it starts open and a snippet of its text.
 */
export function expectationsFor(testCase, content = compileContent()) {
  const {element, attrs} = testCase;
  const info = element === 'milia-info';
  const lang = attrs.lang ?? 'en';
  const locale = content.locales[lang];
  const all = locale[info ? 'info' : 'faq'];
  const listed = attrs[info ? 'sections' : 'questions']?.split(/\s+/);
  const items = listed ? listed.map((id) => all.find((item) => item.id === id)) : all;
  const open = new Set(attrs.expanded?.split(/\s+/) ?? []);
  const level = Number(attrs['heading-level'] ?? 2);

  const shown = items.map((item) => ({
    id: item.id,
    title: item.title,
    open: open.has(item.id),
    text: squash(item.body.map(blockText).join(' ')),
  }));
  // A snippet stands for one item only if no other shown text has it: then "absent while
  // collapsed" is a fair test. Grow it until it is unique; give up (null) if it never is.
  for (const item of shown) {
    const others = [
      ...shown.filter((other) => other !== item).flatMap((other) => [other.text, other.title]),
      ...Object.values(locale.strings),
    ].join('\n');
    const words = item.text.split(' ');
    item.snippet = null;
    for (let n = SNIPPET_WORDS; n <= words.length; n++) {
      const candidate = words.slice(0, n).join(' ');
      if (!others.includes(candidate) && !item.title.includes(candidate)) {
        item.snippet = candidate;
        break;
      }
    }
  }

  const sourceIds = Object.keys(content.sources);
  const cited = new Set(items.flatMap((item) => item.sources));
  const strings = locale.strings;
  const attributes = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
  return {
    lang,
    level,
    items: shown,
    showAll: info ? [strings.showAllSections, strings.hideAllSections] : [strings.showAllAnswers, strings.hideAllAnswers],
    regions: info,
    // The footer lists the sources of every shown item, in the order of sources.yaml.
    sources: sourceIds.filter((id) => cited.has(id)).map((id) => content.sources[id].title),
    page: {
      name: testCase.name,
      title: `AT-SPI test page ${testCase.name}`,
      bundle: testCase.bundle,
      body: `<${element}${attributes}></${element}>`,
    },
  };
}
