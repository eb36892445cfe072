/**
 * Readability of the English content, measured on the compiled text the widgets ship.
 * Run: node --test test/node/
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {compileContent} from '../../tools/content/compile.mjs';
import {grade, itemCounts, itemsCounts, itemTexts, paragraph, paragraphGrade, words} from './readability-helpers.mjs';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const en = compileContent(CONTENT).locales.en;
const all = [...en.info, ...en.faq];
const fmt = (n) => n.toFixed(2);

test('the grade function can fail: hard text scores high, simple text scores low', (t) => {
  const hard =
    'Milia represent superficial keratinaceous inclusion cysts originating predominantly from the infundibular ' +
    'epithelium of vellus hair follicles, characteristically manifesting as multiple asymptomatic, ' +
    'monomorphous, pearlescent papules distributed preferentially across periorbital, malar and ' +
    'nasal cutaneous territories, particularly amongst neonatal populations.';
  const simple = 'The cat sat on the mat. It was a big cat. The cat was red. It had a nap in the sun.';
  const hardGrade = paragraphGrade(hard);
  const simpleGrade = paragraphGrade(simple);
  t.diagnostic(`self-check: hard paragraph grade ${fmt(hardGrade)}, simple paragraph grade ${fmt(simpleGrade)}`);
  assert.ok(hardGrade > 12, `hard paragraph scored ${hardGrade}`);
  assert.ok(simpleGrade < 5, `simple paragraph scored ${simpleGrade}`);
});

test('the counting rules: titles and list items are one sentence each, paragraphs split on [.!?]', () => {
  // It's(1) a(1) cat(1) | Really(2) | Yes(1)
  assert.deepEqual(paragraph("It's a cat. Really?! Yes"), {sentence: 3, word: 5, syllable: 6});
  // A dot inside a number does not end a sentence; words keep inner apostrophes.
  assert.equal(paragraph('It was 38.5 degrees (101.3 °F) today.').sentence, 1);
  assert.deepEqual(words("It's 38.5 degrees, don't"), ["It's", '38', '5', 'degrees', "don't"]);
  const item = {
    title: 'A title. With a dot',
    body: [{p: ['One. Two ', {strong: ['three']}, '.']}, {ul: [['first. item'], ['second']]}, {ol: [['third']]}],
  };
  // title 1 + paragraph 2 + list items 3 = 6 sentences
  assert.equal(itemCounts(item).sentence, 6);
  assert.equal(itemCounts(item).word, 12);
});

test('English info and FAQ together read at grade 8 or below', (t) => {
  const counts = itemsCounts(all);
  const overall = grade(counts);
  t.diagnostic(
    `overall (info + faq): grade ${fmt(overall)} — ${counts.sentence} sentences, ${counts.word} words, ` +
      `${counts.syllable} syllables, ${fmt(counts.word / counts.sentence)} words per sentence`
  );
  assert.ok(overall <= 8, `overall grade ${overall} is above 8`);
});

test('English info sections alone read at grade 8 or below', (t) => {
  const info = grade(itemsCounts(en.info));
  t.diagnostic(`info: grade ${fmt(info)}`);
  assert.ok(info <= 8, `info grade ${info} is above 8`);
});

test('English FAQ answers alone read at grade 8 or below', (t) => {
  const faq = grade(itemsCounts(en.faq));
  t.diagnostic(`faq: grade ${fmt(faq)}`);
  assert.ok(faq <= 8, `faq grade ${faq} is above 8`);
});

test('no single English section or answer is above grade 10', (t) => {
  const grades = [
    ...en.info.map((item) => [`info/${item.id}`, grade(itemCounts(item))]),
    ...en.faq.map((item) => [`faq/${item.id}`, grade(itemCounts(item))]),
  ];
  for (const [name, g] of grades) t.diagnostic(`${name}: grade ${fmt(g)}`);
  const tooHard = grades.filter(([, g]) => !(g <= 10));
  assert.deepEqual(tooHard, [], `above grade 10: ${tooHard.map(([n, g]) => `${n} (${fmt(g)})`).join(', ')}`);
});

test('English sentences average fewer than 20 words', (t) => {
  const counts = itemsCounts(all);
  const average = counts.word / counts.sentence;
  t.diagnostic(`average words per sentence: ${fmt(average)}`);
  assert.ok(average < 20, `average sentence length ${average} words`);
});

// Cheap content rules. Interface strings count as English text too.
const englishText = [...all.flatMap(itemTexts), ...Object.values(en.strings)].join('\n');

test('English text avoids "silvery" and "pimple"', () => {
  assert.doesNotMatch(englishText, /silvery/i);
  assert.doesNotMatch(englishText, /pimple/i);
});

test('the English overview says milia are not contagious', () => {
  const overview = en.info.find((item) => item.id === 'overview');
  assert.ok(overview, 'no overview section');
  assert.match(itemTexts(overview).join('\n'), /not contagious/i);
});

test('English text says milia are often mistaken for whiteheads', () => {
  assert.match(englishText, /\bmistaken?\b/i);
  assert.match(englishText, /whitehead/i);
});
