/**
 * `content.json`, the machine-readable record of the bundled content (design.md, "Structured
 * data for <milia-info> and the content record"): in `dist/` and in the package as
 * `milia-widgets/content.json`, with the version, the English checked and next-review dates
 * (another language's under `languageDates.<code>` when they differ), the languages, and the
 * corrections the changelog shows.
 *
 * Expected values are read from the sources here (content/corrections.yaml with the YAML
 * library, the dates from the compiled content, the changelog's entries from
 * content/CHANGES.md as Markdown), never written into the test.
 *
 * Run after `npm run build` (npm test builds first): node --test test/node/content-record.test.mjs
 */
import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {toString} from 'mdast-util-to-string';
import {parse as parseYaml} from 'yaml';
import {compileContent} from '../../tools/content/compile.mjs';
import {contentRecord} from '../../tools/content/record.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RECORD_FILE = join(REPO, 'dist/content.json');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const compiled = compileContent(join(REPO, 'content'));
const BASE = 'en';

const SEVERITIES = ['safety', 'accuracy', 'wording'];
const DOCUMENTED_KEYS = ['version', 'checked', 'nextReview', 'languages', 'corrections', 'languageDates'];

/** A real calendar day written YYYY-MM-DD. */
const isIsoDay = (value) =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** dist/content.json as the build wrote it. */
function record() {
  assert.ok(existsSync(RECORD_FILE), `${RECORD_FILE} is missing: run \`npm run build\` first (npm test does)`);
  return JSON.parse(readFileSync(RECORD_FILE, 'utf8'));
}

/** Every correction in content/corrections.yaml, read here with the YAML library, with its release. */
function correctionsFromYaml() {
  const releases = parseYaml(readFileSync(join(REPO, 'content/corrections.yaml'), 'utf8')) ?? [];
  return releases.flatMap((release) =>
    release.corrections.map((correction) => ({
      version: String(release.version),
      date: String(release.date),
      severity: correction.severity,
      ids: correction.ids,
      summary: correction.summary.trim().replace(/\s+/g, ' '),
    }))
  );
}

/**
 * The entries of content/CHANGES.md as a reader sees them: under `## <version> (<date>)` and
 * `### <Severity>`, list items `<summary> (`id`, `id`)`.
 */
function entriesFromChangelog() {
  const tree = fromMarkdown(readFileSync(join(REPO, 'content/CHANGES.md'), 'utf8'));
  const entries = [];
  let release;
  let severity;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const match = /^(\S+) \((\d{4}-\d{2}-\d{2})\)$/.exec(toString(node));
      assert.ok(match, `a release heading reads "<version> (<date>)": ${toString(node)}`);
      release = {version: match[1], date: match[2]};
      severity = undefined;
    } else if (node.type === 'heading' && node.depth === 3) {
      severity = toString(node).toLowerCase();
    } else if (node.type === 'list' && release && severity) {
      for (const item of node.children) {
        const paragraph = item.children[0];
        const ids = paragraph.children.filter((child) => child.type === 'inlineCode').map((child) => child.value);
        const text = toString(paragraph);
        const suffix = ` (${ids.join(', ')})`;
        assert.ok(text.endsWith(suffix), `a changelog entry ends with its ids in brackets: ${text}`);
        entries.push({...release, severity, ids, summary: text.slice(0, -suffix.length)});
      }
    }
  }
  return entries;
}

/** A correction as one comparable string (the fields both lists have). */
const key = ({version, date, severity, ids, summary}) => JSON.stringify({version, date, severity, ids, summary});

describe('content.json', () => {
  test('dist/content.json holds the documented fields and nothing else', () => {
    const data = record();
    const extra = Object.keys(data).filter((name) => !DOCUMENTED_KEYS.includes(name));
    assert.deepEqual(extra, [], 'undocumented top-level fields');
    for (const name of ['version', 'checked', 'nextReview', 'languages', 'corrections'])
      assert.ok(name in data, `${name} is missing`);
  });

  test('version is the package version, so a site can compare the version it pinned with the latest', () => {
    assert.equal(record().version, pkg.version);
    assert.match(record().version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });

  test('checked and nextReview are the English dates of the compiled content, YYYY-MM-DD', () => {
    const {checked, nextReview} = record();
    const english = compiled.locales[BASE];
    assert.ok(isIsoDay(checked), `checked: ${checked}`);
    assert.ok(isIsoDay(nextReview), `nextReview: ${nextReview}`);
    assert.equal(checked, english.reviewed);
    assert.equal(nextReview, english.nextReview);
    assert.ok(nextReview > checked, 'the next review comes after the check');
  });

  test('languages are the content languages, English first', () => {
    const {languages} = record();
    assert.deepEqual(languages, compiled.languages);
    assert.equal(languages[0], BASE);
    assert.ok(languages.includes('es'));
  });

  test('a language whose dates differ from English has them under languageDates.<code>; the others are not listed', () => {
    const data = record();
    const english = compiled.locales[BASE];
    const differing = compiled.languages.filter(
      (lang) => compiled.locales[lang].reviewed !== english.reviewed || compiled.locales[lang].nextReview !== english.nextReview
    );
    const expected = Object.fromEntries(
      differing.map((lang) => [lang, {checked: compiled.locales[lang].reviewed, nextReview: compiled.locales[lang].nextReview}])
    );
    assert.deepEqual(data.languageDates ?? {}, expected);
    for (const dates of Object.values(data.languageDates ?? {})) {
      assert.ok(isIsoDay(dates.checked) && isIsoDay(dates.nextReview), JSON.stringify(dates));
    }
  });

  test('corrections: each has a date, a severity, the changed ids and a summary', () => {
    const {corrections} = record();
    const ids = parseYaml(readFileSync(join(REPO, 'content/ids.yaml'), 'utf8'));
    const known = new Set(Object.entries(ids).flatMap(([kind, list]) => list.map((id) => `${kind}/${id}`)));
    assert.ok(Array.isArray(corrections));
    for (const correction of corrections) {
      const where = JSON.stringify(correction).slice(0, 120);
      assert.ok(isIsoDay(correction.date), `date: ${where}`);
      assert.ok(SEVERITIES.includes(correction.severity), `severity: ${where}`);
      assert.ok(Array.isArray(correction.ids) && correction.ids.length > 0, `ids: ${where}`);
      for (const id of correction.ids) assert.ok(known.has(id), `unknown id ${id}: ${where}`);
      assert.equal(typeof correction.summary, 'string');
      assert.ok(correction.summary.trim().length > 0, `summary: ${where}`);
    }
  });

  test('corrections are those of content/corrections.yaml, newest first', () => {
    const {corrections} = record();
    const fromYaml = correctionsFromYaml();
    const pick = ({date, severity, ids, summary}) => JSON.stringify({date, severity, ids, summary});
    assert.deepEqual(corrections.map(pick).sort(), fromYaml.map(pick).sort());
    for (let i = 1; i < corrections.length; i++) {
      assert.ok(
        corrections[i - 1].date >= corrections[i].date,
        `newest first: ${corrections[i - 1].date} before ${corrections[i].date}`
      );
    }
  });

  test('corrections are the entries content/CHANGES.md shows: same releases, severities, ids and summaries', () => {
    const {corrections} = record();
    const entries = entriesFromChangelog();
    assert.ok(entries.length > 0, 'the changelog lists corrections');
    // Versions too where the record carries them (it may: the contract allows more fields).
    const withVersion = corrections.map((correction) => ({
      version: correction.version ?? entries.find((e) => e.date === correction.date)?.version,
      ...correction,
    }));
    assert.deepEqual(withVersion.map(key).sort(), entries.map(key).sort());
  });

  test('it is generated from the content sources, not kept by hand: no content.json in git, and the build output is current', (t) => {
    let tracked;
    try {
      tracked = execFileSync('git', ['ls-files', '--', '*content.json'], {cwd: REPO, encoding: 'utf8'}).trim();
    } catch {
      t.skip('not a git checkout: cannot tell which files are kept by hand');
      return;
    }
    assert.equal(tracked, '', 'a content.json is committed');
    assert.deepEqual(record(), contentRecord(), 'dist/content.json is stale: run `npm run build`');
  });

  test('the package exports it as milia-widgets/content.json, and the packed package ships it', async () => {
    assert.equal(pkg.exports['./content.json'], './dist/content.json');
    // Resolved through the package's own name, as an app resolves it.
    const {default: exported} = await import('milia-widgets/content.json', {with: {type: 'json'}});
    assert.deepEqual(exported, record());
    // What `npm pack` would put in the tarball (scripts off: the build has run already).
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: REPO, encoding: 'utf8'})
    );
    assert.ok(
      packed.files.some((file) => file.path === 'dist/content.json'),
      'dist/content.json is not in the packed files'
    );
  });
});
