/**
 * Readability measures for compiled content (the tree made by tools/content/markdown.mjs).
 *
 * Rules (from the content brief):
 *   - the title counts as one sentence;
 *   - each list item counts as one sentence;
 *   - paragraph text splits into sentences on [.!?]+ followed by a space or the end;
 *   - words are runs of letters/digits, with inner apostrophes (baby's, don't);
 *   - syllables are summed per word (package `syllable`);
 *   - the grade is Flesch-Kincaid (package `flesch-kincaid`).
 */
import {fleschKincaid} from 'flesch-kincaid';
import {syllable} from 'syllable';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?]+(?=\s|$)/u;

/** The plain text of an inline run: strings, {em}, {strong} and {a}. */
export function inlineText(nodes) {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      return inlineText(node.em ?? node.strong ?? node.a ?? []);
    })
    .join('');
}

/** @param {string} text */
export const words = (text) => text.match(WORD) ?? [];

/** Counts for text that is one sentence whatever its punctuation (a title, a list item). */
export function oneSentence(text) {
  const ws = words(text);
  return {sentence: ws.length ? 1 : 0, word: ws.length, syllable: syllablesOf(ws)};
}

/** Counts for paragraph text, split into sentences on [.!?]+ followed by a space or the end. */
export function paragraph(text) {
  const counts = zero();
  for (const part of text.split(SENTENCE_END)) add(counts, oneSentence(part));
  return counts;
}

/** Counts for one compiled section or question: its title plus every block of its body. */
export function itemCounts(item) {
  const counts = oneSentence(item.title);
  for (const block of item.body) {
    if (block.p) add(counts, paragraph(inlineText(block.p)));
    for (const entry of block.ul ?? block.ol ?? []) add(counts, oneSentence(inlineText(entry)));
  }
  return counts;
}

/** Counts summed over several compiled items. */
export function itemsCounts(items) {
  const counts = zero();
  for (const item of items) add(counts, itemCounts(item));
  return counts;
}

/** Flesch-Kincaid grade of a set of counts. */
export const grade = (counts) => fleschKincaid(counts);

/** Flesch-Kincaid grade of a paragraph of plain text. */
export const paragraphGrade = (text) => grade(paragraph(text));

/** Every piece of text of a compiled item (title and body), one string per block. */
export function itemTexts(item) {
  const texts = [item.title];
  for (const block of item.body) {
    if (block.p) texts.push(inlineText(block.p));
    for (const entry of block.ul ?? block.ol ?? []) texts.push(inlineText(entry));
  }
  return texts;
}

/** @param {string[]} ws */
const syllablesOf = (ws) => ws.reduce((sum, word) => sum + syllable(word), 0);
const zero = () => ({sentence: 0, word: 0, syllable: 0});
function add(into, counts) {
  into.sentence += counts.sentence;
  into.word += counts.word;
  into.syllable += counts.syllable;
}
