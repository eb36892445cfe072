import {existsSync, readdirSync} from 'node:fs';
import {basename, join} from 'node:path';
import {LineCounter, parseDocument, isMap, isSeq} from 'yaml';
import {fromMarkdown} from 'mdast-util-from-markdown';

/**
 * The evidence ledger: for every section and answer, the claims it makes and, for each claim,
 * the source that supports it. One ledger per item, beside its Markdown:
 *
 *   content/<lang>/<info|faq>/<id>.md             the text
 *   content/<lang>/<info|faq>/<id>.evidence.yaml  its evidence, a YAML list of entries:
 *
 *   - text: usually 1 to 3 mm        # a few words copied from the item's shown text
 *     source: medscape               # one of the item's front-matter `sources`
 *     quote: "..."                   # at most 25 words, copied exactly from the source page
 *     where: Physical Examination    # where on the page the quote is
 *   - text: "For your baby:"
 *     lead-in: true                  # a statement ending with ":" that only introduces a list
 *
 * The rules, each reported as `file:line: reason`:
 * - every item has a ledger and every ledger has an item;
 * - an entry's `text` occurs in the item's text (title, a paragraph or a list item), compared
 *   case-insensitively with whitespace collapsed and Markdown emphasis removed;
 * - `source` is one of the item's sources, `quote` has 1 to 25 words, `where` is not empty,
 *   and no other key is used;
 * - a `lead-in` entry is only for a statement that ends with ":" and has no source, quote or
 *   where;
 * - every source the item cites supports at least one entry;
 * - coverage: every statement of the body (each sentence of a paragraph, split as the
 *   readability test splits them, and each list item) contains the `text` of an entry. So an
 *   edited sentence fails the build until its evidence is updated.
 */

export const LEDGER_SUFFIX = '.evidence.yaml';
export const MAX_QUOTE_WORDS = 25;
const ENTRY_KEYS = ['text', 'source', 'quote', 'where', 'lead-in'];
/** The same sentence split as test/node/readability-helpers.mjs. */
const SENTENCE_END = /[.!?]+(?=\s|$)/u;

/** Lower case, whitespace collapsed, Markdown emphasis markers removed. */
export const normalize = (text) =>
  String(text)
    .replace(/[*_]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Words of a quote: runs of non-space characters. */
export const countWords = (text) => String(text).trim().split(/\s+/).filter(Boolean).length;

/** The plain text of an inline run of the compiled tree: strings, {em}, {strong} and {a}. */
function inlineText(nodes) {
  return nodes.map((node) => (typeof node === 'string' ? node : inlineText(node.em ?? node.strong ?? node.a ?? []))).join('');
}

/**
 * The statements of an item's body, each with the file line it starts on. Lines come from
 * the Markdown (mdast positions); texts from the compiled blocks, which are what ships.
 *
 * @param {any[]} blocks  the compiled body
 * @param {string} markdown  the Markdown body
 * @param {number} lineOffset  lines before the body in the file
 */
export function statementsOf(blocks, markdown, lineOffset) {
  const nodes = fromMarkdown(markdown).children.filter((node) => node.type === 'paragraph' || node.type === 'list');
  const statements = [];
  blocks.forEach((block, index) => {
    const node = nodes[index];
    const lineOf = (n) => (n?.position?.start.line ?? 1) + lineOffset;
    if (block.p) {
      for (const part of inlineText(block.p).split(SENTENCE_END)) {
        if (part.trim()) statements.push({text: part.trim(), line: lineOf(node)});
      }
    }
    (block.ul ?? block.ol ?? []).forEach((entry, i) => {
      const text = inlineText(entry).trim();
      if (text) statements.push({text, line: lineOf(node?.children?.[i])});
    });
  });
  return statements;
}

/**
 * Checks every item's ledger in one folder (`content/<lang>/<kind>/`). Called once the
 * content itself compiles, so that a broken item reports its own problem and not a cascade.
 *
 * @param {object} options
 * @param {string} options.folder  the folder of the items
 * @param {{file: string, name: string, item: any, body: string, bodyLineOffset: number}[]} options.items
 *   every item read from the folder: its file, file name, compiled item and Markdown body
 * @param {Record<string, unknown>} options.sources  every known source, by id
 * @param {string} options.noun  "section" or "question", for the messages
 * @param {(path: string) => string} options.read  reads a file (and records it for watchers)
 * @param {(path: string) => string} options.show  the path as shown in messages
 * @param {(file: string, key: string) => number} options.sourcesLine  the line of `sources:` in an item
 * @param {import('./content-error.mjs').ProblemList} options.problems
 */
export function checkEvidence({folder, items, sources, noun, read, show, sourcesLine, problems}) {
  const names = new Set(items.map(({name}) => basename(name, '.md')));
  for (const {file, name, item, body, bodyLineOffset} of items) {
    const ledger = join(folder, basename(name, '.md') + LEDGER_SUFFIX);
    if (!existsSync(ledger)) {
      problems.add(show(ledger), 1, `missing evidence ledger for ${name}: list each claim with its source, quote and where`);
      continue;
    }
    checkLedger({file, ledger, item, body, bodyLineOffset, sources, noun, read, show, sourcesLine, problems});
  }
  const ledgers = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(LEDGER_SUFFIX)) : [];
  for (const ledgerName of ledgers.sort()) {
    const stem = ledgerName.slice(0, -LEDGER_SUFFIX.length);
    if (!names.has(stem)) {
      problems.add(show(join(folder, ledgerName)), 1, `evidence ledger without an item: there is no ${stem}.md beside it`);
    }
  }
}

function checkLedger({file, ledger, item, body, bodyLineOffset, sources, noun, read, show, sourcesLine, problems}) {
  const where = show(ledger);
  const lineCounter = new LineCounter();
  const doc = parseDocument(read(ledger), {lineCounter, prettyErrors: false});
  const lineAt = (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length) {
    for (const error of doc.errors) problems.add(where, lineCounter.linePos(error.pos[0]).line, `invalid YAML: ${error.message.split('\n')[0]}`);
    return;
  }
  if (!isSeq(doc.contents)) {
    problems.add(where, lineAt(doc.contents), 'the ledger must be a YAML list of entries ("- text: ...")');
    return;
  }

  const cited = item.sources;
  // Each block of shown text on its own, so that an entry's text cannot straddle two blocks.
  const texts = [item.title, ...blocksText(item.body)].map(normalize);
  const statements = statementsOf(item.body, body, bodyLineOffset).map((s) => ({...s, norm: normalize(s.text)}));
  const entries = [];

  for (const node of doc.contents.items) {
    const line = lineAt(node);
    if (!isMap(node)) {
      problems.add(where, line, 'an entry must be a mapping with text, source, quote and where');
      continue;
    }
    const keyLine = (key) => lineAt(node.items.find((pair) => pair.key?.value === key)?.key ?? node);
    const entry = node.toJS(doc);
    for (const key of Object.keys(entry)) {
      if (!ENTRY_KEYS.includes(key)) problems.add(where, keyLine(key), `unknown key "${key}" (allowed: ${ENTRY_KEYS.join(', ')})`);
    }

    const text = typeof entry.text === 'string' ? entry.text : '';
    if (!text.trim()) {
      problems.add(where, keyLine('text'), 'the entry has no "text": copy a few words of the statement it supports');
    } else if (!texts.some((t) => t.includes(normalize(text)))) {
      problems.add(where, keyLine('text'), `text "${text}" does not occur in the ${noun}'s text`);
    }

    if ('lead-in' in entry) {
      if (entry['lead-in'] !== true) {
        problems.add(where, keyLine('lead-in'), '"lead-in" must be true or left out');
        continue;
      }
      for (const key of ['source', 'quote', 'where']) {
        if (key in entry) problems.add(where, keyLine(key), `a lead-in entry has no "${key}": it only introduces the list after it`);
      }
      const holders = statements.filter((s) => text.trim() && s.norm.includes(normalize(text)));
      if (holders.length && !holders.some((s) => s.norm.endsWith(':'))) {
        problems.add(where, keyLine('lead-in'), `"${text}" is not a statement ending with ":"; give it a source, quote and where`);
      }
      entries.push({text, leadIn: true});
      continue;
    }

    const source = entry.source;
    if (typeof source !== 'string' || !source) {
      problems.add(where, keyLine('source'), `the entry has no "source": name one of the ${noun}'s sources (${cited.join(', ')})`);
    } else if (!Object.hasOwn(sources, source)) {
      problems.add(where, keyLine('source'), `unknown source id "${source}" (known: ${Object.keys(sources).join(', ')})`);
    } else if (!cited.includes(source)) {
      problems.add(where, keyLine('source'), `source "${source}" is not cited by this ${noun}; add it to its front matter "sources" or use one of: ${cited.join(', ')}`);
    }

    const quote = typeof entry.quote === 'string' ? entry.quote : '';
    if (!quote.trim()) {
      problems.add(where, keyLine('quote'), 'the entry has no "quote": copy the words of the source that support the claim');
    } else if (countWords(quote) > MAX_QUOTE_WORDS) {
      problems.add(where, keyLine('quote'), `the quote has ${countWords(quote)} words; quote at most ${MAX_QUOTE_WORDS}`);
    }

    if (typeof entry.where !== 'string' || !entry.where.trim()) {
      problems.add(where, keyLine('where'), 'the entry has no "where": name the heading or section of the source page');
    }
    entries.push({text, source});
  }

  const itemFile = show(file);
  for (const source of cited) {
    if (!entries.some((e) => e.source === source)) {
      problems.add(itemFile, sourcesLine(file, 'sources'), `source "${source}" supports no entry in ${basename(ledger)}: add the claim it supports or remove it from "sources"`);
    }
  }

  const entryTexts = entries.map((e) => normalize(e.text)).filter(Boolean);
  for (const statement of statements) {
    if (!entryTexts.some((t) => statement.norm.includes(t))) {
      problems.add(itemFile, statement.line, `no evidence for "${shorten(statement.text)}": add an entry to ${basename(ledger)} whose text is part of it`);
    }
  }
}

function blocksText(blocks) {
  const out = [];
  for (const block of blocks) {
    if (block.p) out.push(inlineText(block.p));
    for (const entry of block.ul ?? block.ol ?? []) out.push(inlineText(entry));
  }
  return out;
}

const shorten = (text) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
