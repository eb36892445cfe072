// Transfer sizes of the built files: raw, gzip (level 9) and brotli (quality 11).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, posix} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

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
  const languageFiles = readdirSync(DIST)
    .filter((f) => /^milia-widgets\.[a-z]{2,3}\.js$/.test(f))
    .sort();
  if (!languageFiles.length) throw new Error('no language file dist/milia-widgets.<lang>.js found');
  for (const file of languageFiles) {
    const lang = file.split('.')[1];
    const loaded = start.onDemand.includes(file) ? 'loaded on demand' : 'NOT imported by the entry';
    rows.push({file, role: `language "${lang}", ${loaded}`, ...measure(read(file))});
  }
  return {rows, startFiles: start.files, onDemand: start.onDemand};
}
