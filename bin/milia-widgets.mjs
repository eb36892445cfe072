#!/usr/bin/env node
// `npx milia-widgets render <element> [options]`: prints a prerendered widget (HTML with a
// declarative shadow root) for static sites and CMS templates. See `--help`.
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {assemble, languageOf} from './assemble.mjs';

const HELP = `Usage: milia-widgets render <milia-info|milia-faq> [options]

Prints the HTML of one widget, prerendered: readable without JavaScript, and taken over in
place by the script (milia-widgets.js or milia-widgets.iife.js) when the page loads it.

Options:
  --sections "<ids>"     milia-info: the sections to show, in this order (default: all)
  --questions "<ids>"    milia-faq: the questions to show, in this order (default: all)
  --expanded <value>     open at start: none (default), all, or ids among those shown
  --heading-level <n>    heading level of each item, 2 to 6 (default: 2)
  --lang <code>          content language: en (default) or es; region tags map (es-MX)
  --single               opening one item closes the others
  --structured-data      add the page's JSON-LD once the script runs
  --css-href <url>       where milia-widgets.css is (default: milia-widgets.css, beside the
                         page). Sites with a strict Content-Security-Policy must host it
                         themselves (style-src 'self').
  --inline-css           put the styles inside the HTML instead (a <style> element): the text
                         shows one request sooner, but a strict Content-Security-Policy
                         (style-src 'self') blocks it. Not with --css-href.
  --help                 this text

Example:
  npx milia-widgets render milia-info --sections "overview causes" --expanded overview --heading-level 3 --lang es`;

const OPTIONS = {
  sections: {type: 'string'},
  questions: {type: 'string'},
  expanded: {type: 'string'},
  'heading-level': {type: 'string'},
  lang: {type: 'string'},
  single: {type: 'boolean'},
  'structured-data': {type: 'boolean'},
  'css-href': {type: 'string'},
  'inline-css': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
};

/** A wrong command line: the message goes to stderr and the exit code is 2. */
class UsageError extends Error {}
const quoted = (values) => values.map((v) => `"${v}"`).join(', ');

function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true});
  } catch (error) {
    const missing = /^Option '--([\w-]+) <value>' argument missing/.exec(error.message)?.[1];
    if (missing) throw new UsageError(`--${missing} needs a value. Valid: ${valuesOf(missing)}.`);
    const option = /'(--?[\w-]+)'/.exec(error.message)?.[1];
    throw new UsageError(
      option
        ? `unknown or incomplete option ${option}. Valid options: ${Object.keys(OPTIONS)
            .map((o) => `--${o}`)
            .join(', ')}.`
        : error.message
    );
  }
  const {values, positionals} = parsed;
  if (values.help || !positionals.length) return HELP;
  const [command, tag, ...extra] = positionals;
  if (command !== 'render') throw new UsageError(`unknown command "${command}". Valid: "render" (see --help).`);
  const kit = loadKit();
  const tags = Object.keys(kit.elements);
  if (!kit.elements[tag]) throw new UsageError(`unknown element "${tag ?? ''}". Valid: ${quoted(tags)}.`);
  if (extra.length)
    throw new UsageError(`unexpected argument ${quoted(extra)} (put lists of ids in quotes: --sections "overview causes").`);

  const {kind, list} = kit.elements[tag];
  const other = tags.map((t) => kit.elements[t].list).find((name) => name !== list);
  if (values[other] !== undefined) throw new UsageError(`--${other} is for another element; <${tag}> takes --${list}.`);
  if (values.lang !== undefined && languageOf(kit, values.lang) === 'en' && !/^en([-_]|$)/i.test(values.lang.trim())) {
    throw new UsageError(
      `--lang "${values.lang}" is not available. Valid: ${quoted(kit.languages)} (region tags such as es-MX map).`
    );
  }
  const lang = values.lang === undefined ? undefined : values.lang.trim();
  const ids = kit.content.en[kind].ids;
  const shown = checkIds(values[list], ids, `--${list}`) ?? ids;
  if (values.expanded !== undefined && !/^\s*(none|all)\s*$/i.test(values.expanded)) {
    checkIds(values.expanded, shown, '--expanded', `${list} shown`);
  }
  if (values['inline-css'] && values['css-href'] !== undefined)
    throw new UsageError('--inline-css and --css-href exclude each other: choose one.');
  const level = values['heading-level'];
  if (level !== undefined && !/^\s*[2-6]\s*$/.test(level)) {
    throw new UsageError(`--heading-level "${level}" is not valid. Valid: 2, 3, 4, 5, 6.`);
  }
  return assemble(
    kit,
    tag,
    {
      [list]: values[list],
      expanded: values.expanded,
      'heading-level': level?.trim(),
      single: values.single,
      'structured-data': values['structured-data'],
      lang: lang ?? 'en',
    },
    {cssHref: values['css-href'] ?? kit.stylesheet, inlineCss: values['inline-css']}
  );
}

/** What an option takes, for the message when its value is missing. */
function valuesOf(option) {
  const kit = loadKit();
  const ids = (kind) => `${quoted(kit.content.en[kind].ids)} (several in quotes: "overview causes")`;
  const values = {
    sections: ids('info'),
    questions: ids('faq'),
    expanded: '"none", "all", or ids of the items shown',
    'heading-level': '2, 3, 4, 5, 6',
    lang: `${quoted(kit.languages)} (region tags such as es-MX map)`,
    'css-href': 'the address of milia-widgets.css on your site',
  };
  return values[option];
}

/** Unknown ids are refused here (the element would skip them with a warning). */
function checkIds(raw, valid, option, what = 'ids') {
  if (raw === undefined) return undefined;
  const ids = raw.toLowerCase().split(/\s+/).filter(Boolean);
  const unknown = ids.filter((id) => !valid.includes(id));
  if (!ids.length || unknown.length) {
    throw new UsageError(
      `${option} "${raw}": not valid: ${quoted(unknown.length ? unknown : [raw])}. Valid ${what}: ${quoted(valid)}.`
    );
  }
  return ids;
}

function loadKit() {
  try {
    return JSON.parse(readFileSync(new URL('../dist/prerender-kit.json', import.meta.url), 'utf8'));
  } catch (error) {
    throw new Error(
      `cannot read dist/prerender-kit.json (in a clone of the repository, run npm run build first): ${error.message}`
    );
  }
}

try {
  process.stdout.write(`${main(process.argv.slice(2))}\n`);
} catch (error) {
  process.stderr.write(`milia-widgets: ${error.message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
