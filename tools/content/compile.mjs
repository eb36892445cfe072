import {readFileSync, readdirSync, existsSync, statSync} from 'node:fs';
import {join, relative, basename} from 'node:path';
import {ProblemList} from './content-error.mjs';
import {splitFrontMatter, parseYaml} from './front-matter.mjs';
import {markdownToBlocks} from './markdown.mjs';
import {checkEvidence} from './evidence.mjs';
import {CORRECTIONS_FILE, validateCorrections} from './corrections.mjs';

/** The two kinds of content and the folder each lives in. `noun` words the errors. */
const KINDS = {
  info: {folder: 'info', noun: 'section'},
  faq: {folder: 'faq', noun: 'question'},
};
const FRONT_MATTER_KEYS = ['id', 'title', 'order', 'sources'];
/** Interface strings every language must define; `{date}` marks where a date goes. */
export const STRING_KEYS = {
  language: false,
  showAllSections: false,
  hideAllSections: false,
  showAllAnswers: false,
  hideAllAnswers: false,
  reviewedOn: true,
  nextReviewDue: true,
  sourcesLabel: false,
  disclaimer: false,
};
/** Content written in these scripts runs right to left; every other language left to right. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);
export const BASE_LANGUAGE = 'en';

/**
 * Reads every content file under `root`, validates it and returns the data the elements
 * ship. Throws a ContentError listing every problem as `file:line: reason`.
 * Each item's evidence ledger (`<id>.evidence.yaml`, see evidence.mjs) is checked once the
 * text itself compiles; `corrections` is content/corrections.yaml flattened, newest first.
 *
 * @param {string} root  the content folder
 * @returns {{sources: Record<string, {title: string, url: string}>, languages: string[],
 *   locales: Record<string, any>, corrections: any[], files: string[]}}
 */
export function compileContent(root = 'content') {
  const files = [];
  try {
    return compileFiles(root, files);
  } catch (error) {
    // Let a watcher (rollup -w, the dev server) follow the files that were read, so fixing
    // a broken file rebuilds.
    error.files = files;
    throw error;
  }
}

function compileFiles(root, files) {
  const problems = new ProblemList();
  const show = (path) => relative(process.cwd(), path) || path;
  const read = (path) => {
    files.push(path);
    return readFileSync(path, 'utf8');
  };

  const idsFile = join(root, 'ids.yaml');
  const ids = parseYaml(read(idsFile), show(idsFile), problems).data;
  for (const kind of Object.keys(KINDS)) {
    if (!Array.isArray(ids[kind]) || !ids[kind].length) problems.add(show(idsFile), 1, `"${kind}" must list the public ids`);
  }

  const sourcesFile = join(root, 'sources.yaml');
  const {data: sources, lineOf: sourceLine} = parseYaml(read(sourcesFile), show(sourcesFile), problems);
  for (const [id, source] of Object.entries(sources)) {
    if (typeof source?.title !== 'string' || !source.title.trim()) problems.add(show(sourcesFile), sourceLine(id), `source "${id}" has no title`);
    if (typeof source?.lang !== 'string' || !/^[a-z]{2,3}$/.test(source.lang))
      problems.add(show(sourcesFile), sourceLine(id), `source "${id}" needs a lang: the language code of its title and page, such as en`);
    if (typeof source?.url !== 'string' || !/^https:\/\/\S+$/.test(source.url))
      problems.add(show(sourcesFile), sourceLine(id), `source "${id}" needs an https:// url`);
  }
  const correctionsFile = join(root, CORRECTIONS_FILE);
  const corrections = existsSync(correctionsFile)
    ? validateCorrections(read(correctionsFile), ids, show(correctionsFile), problems)
    : [];
  problems.throwIfAny();

  /** Every item read, with what its ledger check needs; checked once the text compiles. */
  const folders = [];
  const languages = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort((a, b) => (a === BASE_LANGUAGE ? -1 : b === BASE_LANGUAGE ? 1 : a.localeCompare(b)));
  if (!languages.includes(BASE_LANGUAGE)) problems.add(show(root), 1, `the "${BASE_LANGUAGE}" folder is missing`);

  const locales = {};
  for (const lang of languages) {
    if (!/^[a-z]{2,3}$/.test(lang)) {
      problems.add(show(join(root, lang)), 1, `"${lang}" is not a language code (use a bare code such as "es")`);
      continue;
    }
    const dir = join(root, lang);
    const strings = readStrings(join(dir, 'strings.yaml'));
    const locale = {lang, dir: RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr', ...strings};
    for (const [kind, {folder, noun}] of Object.entries(KINDS)) {
      locale[kind] = readItems(join(dir, folder), lang, kind, noun);
    }
    locales[lang] = locale;
  }
  problems.throwIfAny();
  for (const folder of folders) checkEvidence({...folder, sources, read, show, problems});
  problems.throwIfAny();
  return {sources, languages: Object.keys(locales), locales, corrections, files};

  function readStrings(file) {
    if (!existsSync(file)) {
      problems.add(show(file), 1, 'missing: every language folder needs strings.yaml');
      return {};
    }
    const {data, lineOf} = parseYaml(read(file), show(file), problems);
    const strings = {};
    for (const [key, needsDate] of Object.entries(STRING_KEYS)) {
      const value = data[key];
      if (typeof value !== 'string' || !value.trim()) problems.add(show(file), lineOf(key), `"${key}" is missing or empty`);
      else if (needsDate && !value.includes('{date}')) problems.add(show(file), lineOf(key), `"${key}" must contain {date}`);
      else strings[key] = value.trim();
    }
    for (const key of Object.keys(data)) {
      if (!Object.hasOwn(STRING_KEYS, key) && key !== 'reviewed') problems.add(show(file), lineOf(key), `unknown key "${key}"`);
    }
    const reviewed = parseIsoDate(data.reviewed);
    if (!reviewed) {
      problems.add(show(file), lineOf('reviewed'), `"reviewed" must be a date written YYYY-MM-DD, not "${data.reviewed ?? ''}"`);
      return {strings};
    }
    const next = new Date(reviewed);
    next.setUTCFullYear(next.getUTCFullYear() + 1);
    return {reviewed: isoDay(reviewed), nextReview: isoDay(next), strings};
  }

  function readItems(folder, lang, kind, noun) {
    const expected = ids[kind];
    const items = [];
    const ledgerItems = [];
    const sourcesLine = (file) => ledgerItems.find((r) => r.file === file)?.lineOf('sources') ?? 1;
    folders.push({folder, items: ledgerItems, noun, sourcesLine});
    const seenIds = new Map();
    const seenOrders = new Map();
    const mdFiles = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.md')).sort() : [];
    for (const name of mdFiles) {
      const file = join(folder, name);
      const where = show(file);
      const {data, lineOf, body, bodyLineOffset} = splitFrontMatter(read(file), where, problems);
      for (const key of Object.keys(data)) {
        if (!FRONT_MATTER_KEYS.includes(key)) problems.add(where, lineOf(key), `unknown front matter key "${key}" (allowed: ${FRONT_MATTER_KEYS.join(', ')})`);
      }
      const {id, title, order, sources: cited} = data;
      if (typeof id !== 'string' || !id) {
        problems.add(where, lineOf('id'), `missing ${noun} id`);
        continue;
      }
      if (!expected.includes(id)) {
        problems.add(where, lineOf('id'), `unknown ${noun} id "${id}" (known: ${expected.join(', ')}; new ids go in content/ids.yaml)`);
      } else if (seenIds.has(id)) {
        problems.add(where, lineOf('id'), `duplicate ${noun} id "${id}", also in ${seenIds.get(id)}`);
      } else if (basename(name, '.md') !== id) {
        problems.add(where, lineOf('id'), `id "${id}" does not match the file name; name the file ${id}.md`);
      }
      seenIds.set(id, where);
      if (typeof title !== 'string' || !title.trim()) problems.add(where, lineOf('title'), 'missing title');
      if (!Number.isInteger(order)) problems.add(where, lineOf('order'), `"order" must be a whole number, not "${order ?? ''}"`);
      else if (seenOrders.has(order)) problems.add(where, lineOf('order'), `order ${order} is also used by ${seenOrders.get(order)}`);
      else seenOrders.set(order, where);
      if (!Array.isArray(cited) || !cited.length) {
        problems.add(where, lineOf('sources'), 'missing sources: list the ids of the sources this text rests on');
      } else {
        for (const source of cited) {
          if (!Object.hasOwn(sources, source)) problems.add(where, lineOf('sources'), `unknown source id "${source}" (known: ${Object.keys(sources).join(', ')})`);
        }
        if (new Set(cited).size !== cited.length) problems.add(where, lineOf('sources'), 'a source is listed twice');
      }
      const blocks = markdownToBlocks(body, where, bodyLineOffset, problems);
      if (!blocks.length) problems.add(where, bodyLineOffset + 1, `the ${noun} has no text`);
      const item = {id, title: typeof title === 'string' ? title.trim() : '', order, sources: cited ?? [], body: blocks};
      items.push(item);
      ledgerItems.push({file, name, item, body, bodyLineOffset, lineOf});
    }
    for (const id of expected) {
      if (!seenIds.has(id)) {
        const reason =
          lang === BASE_LANGUAGE
            ? `missing ${noun} "${id}" (listed in content/ids.yaml)`
            : `missing translation: English has ${noun} "${id}" but "${lang}" does not`;
        problems.add(show(join(folder, `${id}.md`)), 1, reason);
      }
    }
    return items.sort((a, b) => a.order - b.order).map(({order: _order, ...item}) => item);
  }
}

/** @param {unknown} value */
function parseIsoDate(value) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return isoDay(date) === value ? date : null;
}
const isoDay = (date) => date.toISOString().slice(0, 10);
