/**
 * Tests for the content compiler (tools/content/*.mjs).
 * Run: node --test test/node/
 *
 * Error cases live in test/fixtures/content/<case>/. Each case directory holds only the
 * broken file(s); `caseRoot()` copies the valid base root (test/fixtures/content/valid/) to
 * a temporary folder and lays the case's files over it, so every compiled root is complete
 * and has exactly one thing wrong. Expected line numbers are counted by hand in the fixture
 * files (file lines, front matter included).
 */
import {test, describe, after} from 'node:test';
import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import {rollup} from 'rollup';
import {parse as parseYaml} from 'yaml';
import {compileContent, STRING_KEYS, BASE_LANGUAGE} from '../../tools/content/compile.mjs';
import {ContentError} from '../../tools/content/content-error.mjs';
import {miliaContent, shippedLocale} from '../../tools/content/rollup-plugin.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = join(REPO, 'content');
const FIXTURES = join(REPO, 'test/fixtures/content');
const VALID = join(FIXTURES, 'valid');

const tempDirs = [];
after(() => {
  for (const dir of tempDirs) rmSync(dir, {recursive: true, force: true});
});

/** A complete content root: the valid base with the case's broken files laid over it. */
function caseRoot(name) {
  const root = mkdtempSync(join(tmpdir(), `milia-content-${name}-`));
  tempDirs.push(root);
  cpSync(VALID, root, {recursive: true});
  cpSync(join(FIXTURES, name), root, {recursive: true});
  return root;
}

/** Compiles `root`, expecting a ContentError, and returns it. */
function compileError(root) {
  let error;
  try {
    compileContent(root);
  } catch (e) {
    error = e;
  }
  assert.ok(error, `expected ${root} to fail to compile`);
  assert.ok(error instanceof ContentError, `expected a ContentError, got ${error?.stack}`);
  assert.equal(error.name, 'ContentError');
  assert.ok(Array.isArray(error.problems) && error.problems.length > 0, 'a ContentError lists its problems');
  return error;
}

const endsWithFile = (path, file) => normalize(path).endsWith(normalize(`/${file}`));
const listProblems = (error) => error.problems.map((p) => `  ${p.file}:${p.line}: ${p.reason}`).join('\n');

/** Asserts that `error` has a problem in `file` (relative to the root) at `line` whose reason matches. */
function assertProblem(error, {file, line, reason}) {
  const problem = error.problems.find((p) => endsWithFile(p.file, file) && reason.test(p.reason));
  assert.ok(problem, `no problem in ${file} matching ${reason}; got:\n${listProblems(error)}`);
  assert.equal(problem.line, line, `wrong line for "${problem.reason}"; got:\n${listProblems(error)}`);
  // The message is what a content editor sees: one `file:line: reason` line per problem.
  assert.ok(
    error.message.split('\n').includes(`${problem.file}:${line}: ${problem.reason}`),
    `message does not list the problem as file:line: reason:\n${error.message}`
  );
  return problem;
}

describe('the real content/ folder', () => {
  const ids = parseYaml(readFileSync(join(CONTENT, 'ids.yaml'), 'utf8'));
  const compiled = compileContent(CONTENT);
  const {locales, sources, languages} = compiled;

  test('compiles without problems, English first', () => {
    assert.equal(languages[0], BASE_LANGUAGE);
    assert.ok(languages.includes('es'), 'Spanish is compiled');
    assert.deepEqual(Object.keys(locales), languages);
  });

  test('English has the six info sections in order', () => {
    assert.deepEqual(
      locales.en.info.map((item) => item.id),
      ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor']
    );
    assert.deepEqual(ids.info, ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor']);
  });

  test('English has the twelve questions in ids.yaml order', () => {
    assert.equal(ids.faq.length, 12);
    assert.deepEqual(
      locales.en.faq.map((item) => item.id),
      ids.faq
    );
  });

  test('every language has the same ids as English, in the same order', () => {
    for (const lang of languages) {
      for (const kind of ['info', 'faq']) {
        assert.deepEqual(
          locales[lang][kind].map((item) => item.id),
          locales.en[kind].map((item) => item.id),
          `${lang} ${kind}`
        );
      }
    }
  });

  test('every language defines every interface string and a direction', () => {
    for (const lang of languages) {
      const locale = locales[lang];
      assert.equal(locale.lang, lang);
      assert.equal(locale.dir, 'ltr', `${lang} is written left to right`);
      assert.deepEqual(Object.keys(locale.strings).sort(), Object.keys(STRING_KEYS).sort(), lang);
      for (const [key, needsDate] of Object.entries(STRING_KEYS)) {
        assert.ok(locale.strings[key].trim(), `${lang} ${key}`);
        if (needsDate) assert.match(locale.strings[key], /\{date\}/, `${lang} ${key}`);
      }
    }
  });

  test('the next review is due exactly one year after the review', () => {
    for (const lang of languages) {
      const {reviewed, nextReview} = locales[lang];
      assert.match(reviewed, /^\d{4}-\d{2}-\d{2}$/, lang);
      const [year, month, day] = reviewed.split('-');
      assert.equal(nextReview, `${Number(year) + 1}-${month}-${day}`, lang);
    }
  });

  test('every section and answer cites at least one source, and every cited source exists', () => {
    for (const lang of languages) {
      for (const item of [...locales[lang].info, ...locales[lang].faq]) {
        assert.ok(Array.isArray(item.sources) && item.sources.length >= 1, `${lang}/${item.id} cites no source`);
        for (const id of item.sources) {
          assert.ok(Object.hasOwn(sources, id), `${lang}/${item.id} cites unknown source "${id}"`);
        }
      }
    }
  });

  test('every source has a title and an https url', () => {
    assert.ok(Object.keys(sources).length > 0);
    for (const [id, source] of Object.entries(sources)) {
      assert.ok(source.title.trim(), id);
      assert.match(source.url, /^https:\/\/\S+$/, id);
    }
  });

  test('every item has a title and a non-empty body', () => {
    for (const lang of languages) {
      for (const item of [...locales[lang].info, ...locales[lang].faq]) {
        assert.ok(item.title, `${lang}/${item.id}`);
        assert.ok(item.body.length > 0, `${lang}/${item.id}`);
        assert.ok(!('order' in item), 'order is used for sorting and not shipped');
      }
    }
  });

  test('the list of files read includes every content file', () => {
    const read = compiled.files.map((f) => normalize(f));
    assert.ok(read.includes(join(CONTENT, 'ids.yaml')));
    assert.ok(read.includes(join(CONTENT, 'en/info/overview.md')));
    assert.ok(read.includes(join(CONTENT, 'es/faq/see-a-doctor.md')));
  });
});

describe('the valid fixture root', () => {
  test('compiles to the expected tree', () => {
    const {languages, locales, sources} = compileContent(VALID);
    assert.deepEqual(languages, ['en', 'es']);
    assert.deepEqual(Object.keys(sources), ['src-a', 'src-b']);
    const en = locales.en;
    assert.equal(en.reviewed, '2026-01-15');
    assert.equal(en.nextReview, '2027-01-15');
    assert.equal(locales.es.nextReview, '2027-01-20');
    assert.deepEqual(en.info[0], {
      id: 'alpha',
      title: 'Alpha title',
      sources: ['src-a'],
      body: [{p: ['Alpha is a short paragraph.']}, {ul: [['first item'], ['second item']]}],
    });
    // A soft line break becomes a space; emphasis, strong and https links are kept.
    assert.deepEqual(en.info[1].body, [
      {
        p: [
          'Beta has ',
          {em: ['some']},
          ' ',
          {strong: ['marked']},
          ' text and a ',
          {a: ['link'], href: 'https://example.org/beta'},
          '.',
        ],
      },
      {ol: [['step one'], ['step two']]},
    ]);
    assert.deepEqual(
      en.faq.map((item) => item.id),
      ['one']
    );
    assert.equal(locales.es.faq[0].title, '¿Pregunta uno?');
  });

  test('returns the corrections flattened, newest release first, in file order within a release', () => {
    const {corrections} = compileContent(VALID);
    assert.deepEqual(
      corrections.map((c) => [c.version, c.date, c.severity, c.ids.join(' ')]),
      [
        ['0.1.1', '2026-02-01', 'accuracy', 'info/beta faq/one'],
        ['0.1.1', '2026-02-01', 'safety', 'faq/one'],
        ['0.1.0', '2026-01-10', 'wording', 'info/alpha'],
      ]
    );
    assert.equal(corrections[0].summary, 'Beta and question one say what the source says.');
  });

  test('checks a ledger only once its text compiles: a broken section reports its own problem', () => {
    // unknown-source breaks alpha.md, whose ledger (from valid/) no longer matches its text.
    const error = compileError(caseRoot('unknown-source'));
    assert.ok(
      error.problems.every((p) => !p.file.endsWith('.evidence.yaml') && !/evidence/.test(p.reason)),
      listProblems(error)
    );
  });
});

/**
 * One row per fixture directory: the file (relative to the content root) and line the
 * compiler must name, and what the reason must say. `alsoIn` lists other files that may
 * legitimately get a problem from the same single change.
 */
const CASES = [
  // Body lines start at line 7: the front matter block is lines 1-6.
  {name: 'html-block', what: 'raw HTML block', file: 'en/info/alpha.md', line: 9, reason: /raw HTML is not allowed/},
  {
    name: 'html-inline',
    what: 'inline HTML on the 2nd line of a paragraph',
    file: 'en/info/alpha.md',
    line: 8,
    reason: /raw HTML is not allowed/,
  },
  {name: 'image', what: 'an image', file: 'en/info/alpha.md', line: 9, reason: /images are not allowed/},
  {
    name: 'http-link',
    what: 'an http:// link',
    file: 'en/info/alpha.md',
    line: 8,
    reason: /link "http:\/\/example\.org\/a" is not an https:\/\/ address/,
  },
  {
    name: 'javascript-link',
    what: 'a javascript: link',
    file: 'en/info/alpha.md',
    line: 9,
    reason: /link "javascript:alert\(1\)" is not an https:\/\/ address/,
  },
  {name: 'heading', what: 'a heading in the body', file: 'en/info/alpha.md', line: 9, reason: /headings are not allowed/},
  {name: 'code-block', what: 'a fenced code block', file: 'en/info/alpha.md', line: 9, reason: /code blocks are not allowed/},
  // The problem is reported on the item that holds the nested list ("- second item", line 10).
  {name: 'nested-list', what: 'a nested list', file: 'en/info/alpha.md', line: 10, reason: /no nested lists/},
  {
    name: 'duplicate-id',
    what: 'two files with the same id',
    file: 'en/info/copy-of-alpha.md',
    line: 2,
    reason: /duplicate section id "alpha", also in \S*en[\\/]info[\\/]alpha\.md/,
  },
  {
    name: 'unknown-id',
    what: 'an id missing from ids.yaml',
    file: 'en/info/gamma.md',
    line: 2,
    reason: /unknown section id "gamma"/,
  },
  // b.md sorts before beta.md, so b.md is named wrongly and beta.md is then a duplicate.
  {
    name: 'id-file-mismatch',
    what: 'an id that does not match the file name',
    file: 'en/info/b.md',
    line: 2,
    reason: /id "beta" does not match the file name; name the file beta\.md/,
    alsoIn: ['en/info/beta.md'],
  },
  // An absent key is reported at the start of the front matter block.
  {name: 'missing-title', what: 'no title', file: 'en/info/alpha.md', line: 1, reason: /^missing title$/},
  {name: 'missing-sources', what: 'no sources', file: 'en/info/alpha.md', line: 1, reason: /^missing sources/},
  {name: 'unknown-source', what: 'an unknown source id', file: 'en/info/alpha.md', line: 5, reason: /unknown source id "src-x"/},
  {
    name: 'non-integer-order',
    what: 'a fractional order',
    file: 'en/info/alpha.md',
    line: 4,
    reason: /"order" must be a whole number, not "1\.5"/,
  },
  {
    name: 'duplicate-order',
    what: 'two files with the same order',
    file: 'en/info/beta.md',
    line: 4,
    reason: /order 1 is also used by \S*en[\\/]info[\\/]alpha\.md/,
  },
  {
    name: 'unknown-key',
    what: 'a typo in a front matter key',
    file: 'en/info/alpha.md',
    line: 5,
    reason: /unknown front matter key "soruces"/,
  },
  {name: 'no-front-matter', what: 'no front matter', file: 'en/info/alpha.md', line: 1, reason: /missing front matter/},
  {name: 'invalid-yaml', what: 'invalid YAML in front matter', file: 'en/info/alpha.md', line: 3, reason: /^invalid YAML/},
  {name: 'empty-body', what: 'front matter and no body', file: 'en/faq/one.md', line: 7, reason: /the question has no text/},
  {
    name: 'missing-section',
    what: 'English lacks an id from ids.yaml',
    file: 'en/info/gamma.md',
    line: 1,
    reason: /missing section "gamma" \(listed in content\/ids\.yaml\)/,
    alsoIn: ['es/info/gamma.md'],
  },
  {
    name: 'missing-translation',
    what: 'Spanish lacks a question English has',
    file: 'es/faq/two.md',
    line: 1,
    reason: /missing translation: English has question "two" but "es" does not/,
  },
  {
    name: 'extra-translation',
    what: 'Spanish has a question English lacks',
    file: 'es/faq/two.md',
    line: 2,
    reason: /unknown question id "two"/,
  },
  // Lines of strings.yaml are plain file lines; an absent key is reported on line 1.
  {
    name: 'strings-missing-key',
    what: 'strings.yaml without sourcesLabel',
    file: 'en/strings.yaml',
    line: 1,
    reason: /"sourcesLabel" is missing or empty/,
  },
  {
    name: 'strings-bad-date',
    what: 'reviewed: 2026-02-30',
    file: 'en/strings.yaml',
    line: 2,
    reason: /"reviewed" must be a date written YYYY-MM-DD, not "2026-02-30"/,
  },
  {
    name: 'strings-no-date-placeholder',
    what: 'reviewedOn without {date}',
    file: 'en/strings.yaml',
    line: 7,
    reason: /"reviewedOn" must contain \{date\}/,
  },
  {
    name: 'sources-http-url',
    what: 'a source with an http:// url',
    file: 'sources.yaml',
    line: 5,
    reason: /source "src-b" needs an https:\/\/ url/,
  },
  {
    name: 'sources-missing-lang',
    what: 'a source without the language of its title',
    file: 'sources.yaml',
    line: 5,
    reason: /source "src-b" needs a lang: the language code of its title and page/,
  },
  // Evidence ledgers (tools/content/evidence.mjs). Ledger lines are plain file lines; a
  // problem about an item's text is reported in its Markdown file.
  {
    name: 'evidence-missing-ledger',
    what: 'a section without its evidence ledger',
    file: 'en/info/gamma.evidence.yaml',
    line: 1,
    reason: /^missing evidence ledger for gamma\.md: list each claim with its source, quote and where$/,
  },
  {
    name: 'evidence-orphan-ledger',
    what: 'a ledger without a section',
    file: 'en/info/delta.evidence.yaml',
    line: 1,
    reason: /^evidence ledger without an item: there is no delta\.md beside it$/,
  },
  {
    name: 'evidence-unknown-source',
    what: 'an entry citing a source that does not exist',
    file: 'en/info/alpha.evidence.yaml',
    line: 2,
    reason: /^unknown source id "src-x" \(known: src-a, src-b\)$/,
  },
  {
    name: 'evidence-source-not-cited',
    what: 'an entry citing a source the section does not cite',
    file: 'en/info/alpha.evidence.yaml',
    line: 6,
    reason: /^source "src-b" is not cited by this section; add it to its front matter "sources" or use one of: src-a$/,
  },
  {
    name: 'evidence-cited-unused',
    what: 'a cited source that supports no entry',
    file: 'en/info/beta.md',
    line: 5,
    reason: /^source "src-b" supports no entry in beta\.evidence\.yaml: add the claim it supports or remove it from "sources"$/,
  },
  {
    name: 'evidence-long-quote',
    what: 'a quote of 26 words',
    file: 'en/info/alpha.evidence.yaml',
    line: 3,
    reason: /^the quote has 26 words; quote at most 25$/,
  },
  {
    name: 'evidence-text-not-found',
    what: 'an entry whose text is not in the section',
    file: 'en/info/alpha.evidence.yaml',
    line: 9,
    reason: /^text "third item" does not occur in the section's text$/,
  },
  {
    name: 'evidence-uncovered',
    what: 'a statement no entry covers',
    file: 'en/info/alpha.md',
    line: 10,
    reason: /^no evidence for "second item": add an entry to alpha\.evidence\.yaml whose text is part of it$/,
  },
  {
    name: 'evidence-bad-lead-in',
    what: 'a lead-in on a statement that does not end with ":"',
    file: 'en/info/alpha.evidence.yaml',
    line: 6,
    reason: /^"short paragraph" is not a statement ending with ":"; give it a source, quote and where$/,
  },
  {
    name: 'evidence-unknown-key',
    what: 'a misspelt key in a ledger entry',
    file: 'en/faq/one.evidence.yaml',
    line: 4,
    reason: /^unknown key "wehre" \(allowed: text, source, quote, where, lead-in\)$/,
  },
  // content/corrections.yaml, the source of content/CHANGES.md.
  {
    name: 'corrections-bad-severity',
    what: 'a correction with an unknown severity',
    file: 'corrections.yaml',
    line: 4,
    reason: /^"severity" must be one of safety, accuracy, wording, not "urgent"$/,
  },
  {
    name: 'corrections-unknown-id',
    what: 'a correction naming an id that does not exist',
    file: 'corrections.yaml',
    line: 5,
    reason: /^unknown id "faq\/gamma" \(write <info\|faq>\/<id> with an id from content\/ids\.yaml\)$/,
  },
  {
    name: 'corrections-bad-date',
    what: 'a release dated 2026-02-30',
    file: 'corrections.yaml',
    line: 2,
    reason: /^"date" must be a date written YYYY-MM-DD, not "2026-02-30"$/,
  },
];

describe('content errors name the file, the line and the reason', () => {
  for (const {name, what, file, line, reason, alsoIn = []} of CASES) {
    test(`${name}: ${what} → ${file}:${line}`, () => {
      const error = compileError(caseRoot(name));
      assertProblem(error, {file, line, reason});
      // Exactly one thing is broken, so no problem may point anywhere else.
      const elsewhere = error.problems.filter((p) => ![file, ...alsoIn].some((f) => endsWithFile(p.file, f)));
      assert.deepEqual(elsewhere, [], `unexpected problems elsewhere:\n${listProblems(error)}`);
    });
  }

  test('the message lists every problem, one `file:line: reason` per line', () => {
    const error = compileError(caseRoot('image'));
    const [first, ...rest] = error.message.split('\n');
    assert.equal(first, `Content has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}:`);
    assert.equal(rest.length, error.problems.length);
    for (const row of rest) assert.match(row, /^\S+:\d+: \S/);
  });

  test('several problems at once are all reported, not just the first', () => {
    const error = compileError(caseRoot('several-problems'));
    assertProblem(error, {file: 'en/info/alpha.md', line: 9, reason: /images are not allowed/});
    assertProblem(error, {
      file: 'en/info/beta.md',
      line: 7,
      reason: /link "http:\/\/example\.org\/beta" is not an https:\/\/ address/,
    });
    assertProblem(error, {file: 'en/faq/one.md', line: 5, reason: /unknown source id "src-z"/});
    assert.equal(error.problems.length, 3, listProblems(error));
  });

  test('every fixture directory is used by a test', () => {
    const used = new Set(['valid', 'several-problems', 'source-named-constructor', ...CASES.map((c) => c.name)]);
    const dirs = readdirSync(FIXTURES, {withFileTypes: true})
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    assert.deepEqual(
      dirs.filter((d) => !used.has(d)),
      []
    );
    assert.deepEqual(
      [...used].filter((d) => !dirs.includes(d)),
      []
    );
  });

  // compile.mjs once checked cited sources with `in`, which also sees Object.prototype.
  test('a cited source named like an Object property ("constructor") is refused', () => {
    const root = caseRoot('source-named-constructor');
    const error = compileError(root);
    assertProblem(error, {file: 'en/info/alpha.md', line: 5, reason: /unknown source id "constructor"/});
  });
});

describe('the rollup plugin', () => {
  const ENTRY = '\0test-entry';
  const entry = (code) => ({
    name: 'test-entry',
    resolveId: (id) => (id === ENTRY ? id : null),
    load: (id) => (id === ENTRY ? code : null),
  });
  // The elements import the list of sources and languages from `milia-content` and English
  // from `milia-content/en` (see src/internal/english.ts).
  const REEXPORT =
    "import {languages, loaders} from 'milia-content';\nimport baseLocale from 'milia-content/en';\nexport {baseLocale, languages, loaders};";
  const build = (root, code = REEXPORT) => rollup({input: ENTRY, plugins: [entry(code), miliaContent({root})], onwarn() {}});

  test('bundles English into the main chunk and each other language into its own chunk', async () => {
    const bundle = await build(VALID);
    const {output} = await bundle.generate({format: 'es'});
    await bundle.close();
    const main = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
    assert.match(main.code, /Alpha title/);
    assert.match(main.code, /Alpha is a short paragraph\./);
    assert.match(main.code, /https:\/\/example\.org\/a/);
    assert.doesNotMatch(main.code, /Título alfa/, 'Spanish is not in the main chunk');
    const es = output.find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId === '\0milia-content/es');
    assert.ok(es, `no Spanish chunk among ${output.map((c) => c.fileName).join(', ')}`);
    assert.match(es.code, /Título alfa/);
    // Content files are watched so `rollup -w` rebuilds when they change.
    assert.ok(
      bundle.watchFiles.some((f) => endsWithFile(f, 'en/info/alpha.md')),
      'content files are watched'
    );
  });

  test('the generated module exports the compiled data', async () => {
    const bundle = await build(VALID);
    const {output} = await bundle.generate({format: 'es', inlineDynamicImports: true});
    await bundle.close();
    const mod = await import(`data:text/javascript,${encodeURIComponent(output[0].code)}`);
    assert.deepEqual(mod.languages, ['en', 'es']);
    assert.equal(mod.baseLocale.lang, 'en');
    const compiled = compileContent(VALID);
    assert.deepEqual(mod.baseLocale, shippedLocale(compiled.locales.en, compiled.sources));
    // Sources ship with each language as a list in sources.yaml order; items cite them by index.
    // A source's language ships only where it differs from the content's (here: none).
    assert.deepEqual(
      mod.baseLocale.sources,
      Object.values(compiled.sources).map(({title, url}) => ({title, url}))
    );
    const cited = mod.baseLocale.info[0].sources.map((index) => mod.baseLocale.sources[index]);
    assert.deepEqual(
      cited,
      compiled.locales.en.info[0].sources.map((id) => ({title: compiled.sources[id].title, url: compiled.sources[id].url}))
    );
    assert.deepEqual(Object.keys(mod.loaders), ['es'], 'no loader for English, which is always loaded');
    const es = await mod.loaders.es();
    assert.equal(es.default.lang, 'es');
    assert.equal(es.default.info[0].title, 'Título alfa');
  });

  test('a broken content root fails the build with file:line: reason', async () => {
    await assert.rejects(build(caseRoot('image')), (error) => {
      assert.match(error.message, /\S+\.md:\d+: /);
      assert.match(error.message, /en[\\/]info[\\/]alpha\.md:9: images are not allowed/);
      return true;
    });
  });

  test('all problems reach the build error', async () => {
    await assert.rejects(build(caseRoot('several-problems')), (error) => {
      assert.match(error.message, /alpha\.md:9: images are not allowed/);
      assert.match(error.message, /beta\.md:7: link "http:\/\/example\.org\/beta"/);
      assert.match(error.message, /one\.md:5: unknown source id "src-z"/);
      return true;
    });
  });

  test('an unknown language fails the build', async () => {
    await assert.rejects(build(VALID, "export {default} from 'milia-content/fr';"), /no content for language "fr"/);
  });

  // Without this, `rollup -c -w` started on broken content never rebuilt once it was fixed.
  test('a failed build still watches the content files', async () => {
    await assert.rejects(build(caseRoot('image')), (error) => {
      assert.ok(
        error.watchFiles?.some((f) => endsWithFile(f, 'en/info/alpha.md')),
        `watchFiles: ${error.watchFiles}`
      );
      return true;
    });
  });
});
