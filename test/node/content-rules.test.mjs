/**
 * Rules for what the real content says, the ones a machine can check: the urgent-care tiers,
 * Spanish parity, sources, evidence ledgers and the changelog. Each rule is a function that
 * returns the problems it finds, so that it is also run on a deliberately broken copy and
 * shown to fail.
 * Run: node --test test/node/
 */
import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse as parseYaml} from 'yaml';
import {compileContent} from '../../tools/content/compile.mjs';
import {countWords, LEDGER_SUFFIX, MAX_QUOTE_WORDS} from '../../tools/content/evidence.mjs';
import {CHANGES_FILE, WRITE_COMMAND, renderChangelog} from '../../tools/content/changelog.mjs';
import {inlineText} from './readability-helpers.mjs';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const compiled = compileContent(CONTENT);
const {locales, sources, languages, corrections} = compiled;
const item = (lang, kind, id) => locales[lang][kind].find((i) => i.id === id);
const copy = (value) => structuredClone(value);

/**
 * How each language words the three tiers' lead lines. The emergency line names the
 * emergency numbers; the urgent line says "today"; the last says "instinct".
 */
const TIERS = {
  en: {emergency: [/\b999\b/, /\b911\b/, /local emergency number/i], today: [/\btoday\b/i], instinct: [/\binstinct\b/i]},
  es: {emergency: [/\b112\b/, /\b911\b/, /número de emergencias/i], today: [/\bhoy\b/i], instinct: [/\binstinto\b/i]},
};
const TIER_ORDER = ['emergency', 'today', 'instinct'];
/** Every emergency tier must send the reader to help for these signs (by language). */
const EMERGENCY_SIGNS = {
  en: [/glass/i, /breathe/i, /fit|seizure/i, /blue/i, /wake|responding/i],
  es: [/vaso/i, /respirar/i, /convulsión/i, /azulad/i, /despertar|responde/i],
};

/** A paragraph made of one **strong** run: a tier's lead line. */
const leadLine = (block) => (block?.p?.length === 1 && block.p[0].strong ? inlineText(block.p[0].strong) : null);

/**
 * The tiers at the top of `see-a-doctor`: three lead lines, each followed by a list, in the
 * order emergency, today, instinct. Returns the problems found (none when all is well).
 */
function tierProblems(section, lang) {
  const problems = [];
  const words = TIERS[lang];
  TIER_ORDER.forEach((tier, i) => {
    const line = leadLine(section.body[2 * i]);
    const list = section.body[2 * i + 1]?.ul;
    if (line === null) problems.push(`block ${2 * i} should be the bold lead line of the "${tier}" tier`);
    else for (const word of words[tier]) if (!word.test(line)) problems.push(`the "${tier}" lead line lacks ${word}: "${line}"`);
    if (!list?.length) problems.push(`the "${tier}" lead line should be followed by a list`);
  });
  const emergency = (section.body[1]?.ul ?? []).map(inlineText).join('\n');
  for (const sign of EMERGENCY_SIGNS[lang])
    if (!sign.test(emergency)) problems.push(`the emergency list does not mention ${sign}`);
  return problems;
}

/** The emergency numbers and signs an answer must carry (babies, see-a-doctor). */
function emergencyAnswerProblems(answer, lang) {
  const text = [
    answer.title,
    ...answer.body.map((b) => (b.p ? inlineText(b.p) : (b.ul ?? b.ol).map(inlineText).join('\n'))),
  ].join('\n');
  const problems = [];
  for (const word of TIERS[lang].emergency) if (!word.test(text)) problems.push(`${answer.id} lacks ${word}`);
  for (const sign of EMERGENCY_SIGNS[lang]) if (!sign.test(text)) problems.push(`${answer.id} does not list ${sign}`);
  return problems;
}

/** Lengths of the lists that follow each lead line, as the parity check compares them. */
const tierListLengths = (section) => TIER_ORDER.map((_, i) => section.body[2 * i + 1]?.ul?.length ?? 0);
const firstListLength = (answer) => answer.body.find((b) => b.ul)?.ul.length ?? 0;

describe('urgent care: three tiers at the top of "When to see a doctor"', () => {
  for (const lang of ['en', 'es']) {
    test(`${lang}: emergency, then medical help today, then trust your instinct, each a bold line and a list`, () => {
      assert.deepEqual(tierProblems(item(lang, 'info', 'see-a-doctor'), lang), []);
    });
    for (const id of ['babies', 'see-a-doctor']) {
      test(`${lang}: the "${id}" answer carries the emergency numbers and signs`, () => {
        assert.deepEqual(emergencyAnswerProblems(item(lang, 'faq', id), lang), []);
      });
    }
  }

  test('the tier check fails on tiers in the wrong order, a missing number or a missing sign', () => {
    const swapped = copy(item('en', 'info', 'see-a-doctor'));
    [swapped.body[0], swapped.body[2]] = [swapped.body[2], swapped.body[0]];
    assert.ok(tierProblems(swapped, 'en').length > 0, 'swapped tiers pass');
    const noNumber = copy(item('es', 'info', 'see-a-doctor'));
    noNumber.body[0] = {p: [{strong: ['Emergencia: vaya a urgencias si su bebé:']}]};
    assert.ok(
      tierProblems(noNumber, 'es').some((p) => p.includes('112')),
      'no 112 passes'
    );
    const noGlass = copy(item('en', 'faq', 'babies'));
    noGlass.body = noGlass.body.map((b) => (b.ul ? {ul: b.ul.filter((e) => !/glass/.test(inlineText(e)))} : b));
    assert.ok(emergencyAnswerProblems(noGlass, 'en').length > 0, 'an answer without the glass test passes');
  });
});

describe('Spanish says what English says', () => {
  test('the same section and question ids, in the same order', () => {
    for (const kind of ['info', 'faq']) {
      assert.deepEqual(
        locales.es[kind].map((i) => i.id),
        locales.en[kind].map((i) => i.id),
        kind
      );
    }
  });

  test('each tier lists as many signs in Spanish as in English, and so do the emergency answers', () => {
    assert.deepEqual(tierListLengths(item('es', 'info', 'see-a-doctor')), tierListLengths(item('en', 'info', 'see-a-doctor')));
    for (const id of ['babies', 'see-a-doctor'])
      assert.equal(firstListLength(item('es', 'faq', id)), firstListLength(item('en', 'faq', id)), id);
  });

  test('the parity check fails when Spanish drops a sign', () => {
    const es = copy(item('es', 'info', 'see-a-doctor'));
    es.body[1].ul.pop();
    assert.notDeepEqual(tierListLengths(es), tierListLengths(item('en', 'info', 'see-a-doctor')));
  });

  test('each item cites the same sources in both languages', () => {
    for (const kind of ['info', 'faq']) {
      for (const en of locales.en[kind]) {
        const es = item('es', kind, en.id);
        assert.deepEqual([...es.sources].sort(), [...en.sources].sort(), `${kind}/${en.id}`);
      }
    }
  });
});

describe('sources', () => {
  const cited = new Set(languages.flatMap((lang) => [...locales[lang].info, ...locales[lang].faq].flatMap((i) => i.sources)));

  test('every cited source id resolves to a listed source', () => {
    for (const id of cited) assert.ok(Object.hasOwn(sources, id), `unknown source "${id}"`);
  });

  test('every listed source is cited by some section or answer', () => {
    assert.deepEqual(
      Object.keys(sources).filter((id) => !cited.has(id)),
      []
    );
  });

  test('titles read "Publisher: page" and stay short enough for the footer', () => {
    for (const [id, source] of Object.entries(sources)) {
      assert.match(source.title, /^[^:]+: \S/, id);
      assert.ok(source.title.length <= 70, `${id}: ${source.title.length} characters`);
    }
  });

  test('the NHS pages and the StatPearls chapter point where the brief says', () => {
    assert.equal(sources['nhs-fever'].url, 'https://www.nhs.uk/symptoms/fever-in-children/');
    assert.equal(sources['nhs-rashes'].url, 'https://www.nhs.uk/conditions/rashes-babies-and-children/');
    assert.equal(sources.statpearls.url, 'https://www.ncbi.nlm.nih.gov/books/NBK560481/');
    assert.equal(sources['emc-adapalene'].url, 'https://www.medicines.org.uk/emc/product/921');
  });
});

describe('evidence ledgers (read as files, beside the compiler check)', () => {
  const ledgers = languages.flatMap((lang) =>
    ['info', 'faq'].flatMap((kind) =>
      readdirSync(join(CONTENT, lang, kind))
        .filter((f) => f.endsWith(LEDGER_SUFFIX))
        .map((f) => ({
          lang,
          kind,
          id: f.slice(0, -LEDGER_SUFFIX.length),
          entries: parseYaml(readFileSync(join(CONTENT, lang, kind, f), 'utf8')),
        }))
    )
  );
  const quoteProblems = (list) =>
    list.flatMap(({lang, kind, id, entries}) =>
      entries
        .filter((e) => !e['lead-in'] && !(countWords(e.quote) >= 1 && countWords(e.quote) <= MAX_QUOTE_WORDS))
        .map((e) => `${lang}/${kind}/${id}: "${e.quote}"`)
    );

  test('every section and answer has a ledger', () => {
    for (const lang of languages) {
      for (const kind of ['info', 'faq']) {
        for (const {id} of locales[lang][kind])
          assert.ok(
            ledgers.some((l) => l.lang === lang && l.kind === kind && l.id === id),
            `${lang}/${kind}/${id}`
          );
      }
    }
  });

  test(`every quote has 1 to ${MAX_QUOTE_WORDS} words`, () => {
    assert.deepEqual(quoteProblems(ledgers), []);
  });

  test('the quote check fails on a quote of 26 words', () => {
    const long = Array.from({length: 26}, (_, i) => `w${i}`).join(' ');
    assert.equal(quoteProblems([{lang: 'en', kind: 'faq', id: 'x', entries: [{text: 'x', quote: long}]}]).length, 1);
  });

  test('every entry names a source its item cites', () => {
    for (const {lang, kind, id, entries} of ledgers) {
      const cites = item(lang, kind, id).sources;
      for (const e of entries) if (!e['lead-in']) assert.ok(cites.includes(e.source), `${lang}/${kind}/${id}: ${e.source}`);
    }
  });
});

describe('what the corrected content no longer says', () => {
  const textOf = (lang) =>
    [...locales[lang].info, ...locales[lang].faq]
      .flatMap((i) => [i.title, ...i.body.flatMap((b) => (b.p ? [inlineText(b.p)] : (b.ul ?? b.ol).map(inlineText)))])
      .join('\n');
  const FORBIDDEN = {
    en: [
      /microdermabrasion/i,
      /non-comedogenic/i,
      /thicker/i,
      /pore (that has |with )an opening/i,
      /ask first if you are pregnant/i,
      /pimple/i,
      /silvery/i,
    ],
    es: [
      /manchas de leche/i,
      /\bmilium\b/i,
      /granitos?/i,
      /destechad/i,
      /cuchilla/i,
      /\bhoja\b/i,
      /consejo médico/i,
      /crema solar/i,
      /comprimidos/i,
      /quedarse embarazada/i,
    ],
  };
  for (const lang of ['en', 'es']) {
    test(`${lang}: none of the corrected errors come back`, () => {
      const text = textOf(lang);
      assert.deepEqual(FORBIDDEN[lang].filter((re) => re.test(text)).map(String), []);
    });
  }

  test('retinoids are ruled out in pregnancy, in both languages and both places', () => {
    for (const [lang, rule] of [
      ['en', /do not use (a retinoid|one) if you are pregnant or trying to get pregnant/i],
      ['es', /no (use retinoides|los use) si está embarazada o intenta quedar embarazada/i],
    ]) {
      for (const [kind, id] of [
        ['info', 'home-care'],
        ['faq', 'retinoids'],
      ]) {
        const it = item(lang, kind, id);
        assert.match(
          it.body.map((b) => (b.p ? inlineText(b.p) : (b.ul ?? []).map(inlineText).join('\n'))).join('\n'),
          rule,
          `${lang}/${kind}/${id}`
        );
      }
    }
  });
});

describe('the content changelog', () => {
  test(`content/${CHANGES_FILE} is the rendering of content/corrections.yaml`, () => {
    const committed = readFileSync(join(CONTENT, CHANGES_FILE), 'utf8');
    assert.equal(committed, renderChangelog(corrections), `content/${CHANGES_FILE} is out of date: run \`${WRITE_COMMAND}\``);
  });

  test('the rendering lists releases newest first and, in each, safety before accuracy before wording', () => {
    const text = renderChangelog([
      {version: '0.1.2', date: '2027-01-02', severity: 'wording', ids: ['faq/pop'], summary: 'W.'},
      {version: '0.1.2', date: '2027-01-02', severity: 'safety', ids: ['faq/babies'], summary: 'S.'},
      {version: '0.1.1', date: '2026-12-02', severity: 'accuracy', ids: ['info/types'], summary: 'A.'},
    ]);
    const at = (s) => text.indexOf(s);
    assert.ok(
      at('## 0.1.2') < at('### Safety') && at('### Safety') < at('### Wording') && at('### Wording') < at('## 0.1.1'),
      text
    );
    assert.match(text, /- S\. \(`faq\/babies`\)/);
  });

  test('every correction names at least one changed item and a severity', () => {
    assert.ok(corrections.length > 0);
    for (const c of corrections) {
      assert.ok(c.ids.length > 0, c.summary);
      assert.match(c.severity, /^(safety|accuracy|wording)$/);
    }
  });
});
