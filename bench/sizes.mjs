// Bytes. Two things, both read by `npm run bench` and the first also by the Node test
// (test/node/bundle-size.test.mjs), so the figures the test checks and the figures the
// benchmark prints come from one function and cannot disagree:
//
// - measureBudgets(): the size policy of issue 11 (code, English content, whole module, in
//   `gzip -9` bytes) against its three budgets;
// - measureSizes(): every built file's raw, gzip (level 9) and brotli (quality 11) size.
import {spawnSync} from 'node:child_process';
import fs, {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import {join, posix, resolve} from 'node:path';
import {rollup} from 'rollup';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {compileContent} from '../tools/content/compile.mjs';
import {miliaContent, shippedLocale} from '../tools/content/rollup-plugin.mjs';

const DIST = 'dist';

function measure(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, {level: 9}).length,
    brotli: brotliCompressSync(buffer, {
      params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT},
    }).length,
  };
}

function read(file) {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: did the build run?`);
  return readFileSync(path);
}

/** Relative files a module imports statically (loaded at start) and dynamically (on demand). */
function importsOf(code) {
  const specifier = `["'](\\.{1,2}/[^"']+)["']`;
  const statics = [
    ...code.matchAll(new RegExp(`\\bimport\\s*${specifier}`, 'g')),
    ...code.matchAll(new RegExp(`\\b(?:import|export)\\b[^;"'()]*?\\bfrom\\s*${specifier}`, 'g')),
  ].map((m) => m[1]);
  const dynamics = [...code.matchAll(new RegExp(`\\bimport\\(\\s*${specifier}\\s*\\)`, 'g'))].map((m) => m[1]);
  return {statics, dynamics};
}

/** The entry and every chunk it pulls in at start (recursively), as dist-relative names. */
function startGraph(entry) {
  const seen = new Set();
  const dynamic = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const {statics, dynamics} = importsOf(read(file).toString('utf8'));
    for (const s of statics) visit(posix.normalize(posix.join(posix.dirname(file), s)));
    for (const d of dynamics) dynamic.add(posix.normalize(posix.join(posix.dirname(file), d)));
  };
  visit(entry);
  return {files: [...seen], onDemand: [...dynamic].filter((f) => !seen.has(f))};
}

export function measureSizes() {
  const rows = [];
  const start = startGraph('milia-widgets.js');
  for (const file of start.files)
    rows.push({file, role: file === 'milia-widgets.js' ? 'ES module entry' : 'chunk loaded at start', ...measure(read(file))});
  if (start.files.length > 1) {
    const sum = (k) => rows.reduce((t, r) => t + r[k], 0);
    rows.push({
      file: 'ES module at start (total)',
      role: 'sum of the above',
      raw: sum('raw'),
      gzip: sum('gzip'),
      brotli: sum('brotli'),
    });
  }
  rows.push({file: 'milia-widgets.iife.js', role: 'classic script, all languages', ...measure(read('milia-widgets.iife.js'))});
  // Whatever the entry imports on demand (other languages, any feature split off), by name.
  if (!start.onDemand.length) throw new Error('dist/milia-widgets.js loads no file on demand: where did the other languages go?');
  for (const file of [...start.onDemand].sort()) {
    const lang = /^milia-widgets\.(?:lang-)?([a-z]{2,3})\.js$/.exec(file)?.[1];
    rows.push({file, role: lang ? `language "${lang}", loaded on demand` : 'loaded on demand', ...measure(read(file))});
  }
  return {rows, startFiles: start.files, onDemand: start.onDemand};
}

/**
 * The size policy (issue 11): content is the product and grows when it gets better, so the
 * code and the text have budgets of their own, and the whole English module one more.
 * Bytes after `gzip -9`.
 */
export const BUDGETS = {
  code: {limit: 10_240, what: 'code: Lit, both elements and every string that is not content'},
  content: {limit: 6_144, what: 'English content: the content module as it ships'},
  whole: {limit: 16_384, what: 'whole English module: dist/milia-widgets.js and any chunk it imports at start'},
};

/**
 * Bytes after `gzip -9` by GNU gzip (in every Debian base system; the project's checks have
 * always used it), and by Node's zlib at level 9 (some tens of bytes larger) when there is
 * no gzip command. Both are returned, so a change that fits only one of them shows.
 */
export function gzip9(bytes) {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  const zlib = gzipSync(buffer, {level: 9}).length;
  const cli = spawnSync('gzip', ['-9c', '-n'], {input: buffer, maxBuffer: 1 << 26});
  return cli.status === 0 ? {gzip: cli.stdout.length, tool: 'gzip -9', zlib} : {gzip: zlib, tool: 'zlib level 9', zlib};
}

/** The newest file under `paths` (files or folders), to tell a stale dist/ from a fresh one. */
function newestFile(paths) {
  let newest = {file: null, mtimeMs: 0};
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (stat.mtimeMs > newest.mtimeMs) newest = {file: path, mtimeMs: stat.mtimeMs};
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

/**
 * rollup.config.mjs, imported without letting it touch dist/. A build empties dist/ first
 * (nothing stale is published); if the config does that when it is loaded, importing it
 * from the Node test would delete the files the other tests are reading. So while it loads,
 * fs.rmSync/rmdirSync of dist/ do nothing (node:module's syncBuiltinESMExports carries the
 * patch to named imports), and dist/ is checked to be still there afterwards.
 */
async function importRollupConfig() {
  const dist = resolve(DIST);
  const had = existsSync(dist);
  const originals = {rmSync: fs.rmSync, rmdirSync: fs.rmdirSync};
  for (const [name, original] of Object.entries(originals))
    fs[name] = (path, ...rest) => (resolve(String(path)) === dist ? undefined : original(path, ...rest));
  syncBuiltinESMExports();
  let configs;
  try {
    configs = (await import('../rollup.config.mjs')).default;
  } finally {
    Object.assign(fs, originals);
    syncBuiltinESMExports();
  }
  if (had && !existsSync(dist))
    throw new Error(
      'importing rollup.config.mjs removed dist/: clean dist/ in a plugin hook (e.g. buildStart), not when the config loads'
    );
  return configs;
}

/**
 * *code*: the ES module built from src/index.ts exactly as rollup.config.mjs builds
 * dist/milia-widgets.js (same plugins, same output options), except that the content plugin
 * gives every language an empty locale of the same shape (`miliaContent({emptyContent:
 * true})`): what remains is Lit, both elements and every string that is not content
 * (styles, warnings, tag and attribute names). Built in memory from the tree as it is; writes
 * nothing. Plugins that only act when files are written (`writeBundle`, e.g. the integrity
 * printer) are left out.
 */
async function buildCodeOnly() {
  const configs = await importRollupConfig();
  const config = configs.find((c) => !Array.isArray(c.output) && c.output?.entryFileNames === 'milia-widgets.js');
  if (!config) throw new Error('rollup.config.mjs has no build with entryFileNames "milia-widgets.js" to measure');
  if (!config.plugins.some((p) => p?.name === 'milia-content'))
    throw new Error('the milia-widgets.js build in rollup.config.mjs has no milia-content plugin to empty');
  const plugins = config.plugins
    .filter((p) => p && !p.writeBundle)
    .map((p) => (p.name === 'milia-content' ? miliaContent({emptyContent: true}) : p));
  const warnings = [];
  const bundle = await rollup({...config, plugins, onwarn: (w) => warnings.push(w)});
  try {
    const {output} = await bundle.generate(config.output);
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
    const entry = output.find((o) => o.type === 'chunk' && o.isEntry);
    // The entry and every chunk it imports statically (loaded at start), as for `whole`.
    const files = [];
    const visit = (name) => {
      if (files.includes(name)) return;
      files.push(name);
      for (const dep of chunks.get(name).imports) visit(dep);
    };
    visit(entry.fileName);
    return {files, code: files.map((f) => chunks.get(f).code).join('')};
  } finally {
    await bundle.close();
  }
}

const figure = (key, bytes, detail) => {
  const {gzip, tool, zlib} = gzip9(bytes);
  const {limit, what} = BUDGETS[key];
  return {key, what, detail, raw: Buffer.byteLength(bytes), gzip, zlib, tool, limit, met: gzip <= limit};
};

/** *code*: see buildCodeOnly(). */
export async function measureCode() {
  const {files, code} = await buildCodeOnly();
  return figure('code', code, `built in memory from src/index.ts with empty content (${files.join(' + ')})`);
}

/**
 * *content*: the English content module as the content plugin emits it for `en` (the JSON
 * of strings, sections, questions and sources, dates already written), compiled from
 * content/ as it is.
 */
export function measureContent() {
  const {locales, sources} = compileContent('content');
  if (!locales.en) throw new Error('content/ has no English (en) locale');
  return figure('content', JSON.stringify(shippedLocale(locales.en, sources)), 'JSON of the `milia-content/en` module');
}

/**
 * *whole*: dist/milia-widgets.js as built, plus any chunk it imports at start. Throws when
 * dist/ is missing or older than the sources (run `npm run build`).
 */
export function measureWhole() {
  const built = read('milia-widgets.js');
  const builtAt = statSync(join(DIST, 'milia-widgets.js')).mtimeMs;
  const newest = newestFile(['src', 'content', 'tools/content', 'rollup.config.mjs']);
  if (newest.mtimeMs > builtAt)
    throw new Error(`dist/milia-widgets.js is older than ${newest.file}: run \`npm run build\` before measuring`);
  const start = startGraph('milia-widgets.js');
  const whole = Buffer.concat([built, ...start.files.slice(1).map(read)]);
  return figure('whole', whole, start.files.map((f) => `dist/${f}`).join(' + '));
}

/**
 * The three figures of the size policy, in `gzip -9` bytes, each with its budget. Gzip does
 * not add up: whole is less than code + content, since the two share words.
 */
export async function measureBudgets() {
  return {code: await measureCode(), content: measureContent(), whole: measureWhole()};
}
