// Byte budgets of the built bundles (issue 7). `npm test` builds before it runs these; run
// `npm run build` first when calling `node --test` by hand. No timing here: the benchmark
// (`npm run bench`) measures render cost.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {gzipSync} from 'node:zlib';

const BUDGET_GZIP = 14 * 1024; // dist/milia-widgets.js with all English content and both elements

/**
 * Bytes after `gzip -9`, the measurement the project's own checks use (GNU gzip is in every
 * Debian base system). zlib at level 9 packs this file some 70 bytes larger; both figures are
 * printed so a change that only fits one of them is visible.
 */
function gzipSizes(file) {
  const cli = spawnSync('gzip', ['-9c', file], {maxBuffer: 1 << 26});
  const zlib = gzipSync(readFileSync(file), {level: 9}).length;
  return {gzip: cli.status === 0 ? cli.stdout.length : zlib, zlib};
}

test('dist/milia-widgets.js is at most 14 KiB gzip', (t) => {
  const {gzip, zlib} = gzipSizes('dist/milia-widgets.js');
  t.diagnostic(`dist/milia-widgets.js: ${gzip} B gzip -9 (zlib level 9: ${zlib} B); budget ${BUDGET_GZIP}, goal 12288`);
  assert.ok(gzip <= BUDGET_GZIP, `${gzip} B gzip is over the ${BUDGET_GZIP} B budget`);
});

test('the main module holds all English content and both elements, and imports nothing at start', () => {
  const code = readFileSync('dist/milia-widgets.js', 'utf8');
  for (const text of ['milia-info', 'milia-faq', 'What are milia?', 'When should I see a doctor?', 'Next review due']) {
    assert.ok(code.includes(text), `main module lacks ${JSON.stringify(text)}`);
  }
  assert.doesNotMatch(code, /^import\b|[;}]import\s*[{"']/m, 'no static import: one file serves the script tag');
});

test('each other language is its own file beside the module, loaded on demand', () => {
  const code = readFileSync('dist/milia-widgets.js', 'utf8');
  assert.ok(existsSync('dist/milia-widgets.lang-es.js'), 'dist/milia-widgets.lang-es.js exists');
  assert.match(code, /import\(["']\.\/milia-widgets\.lang-es\.js["']\)/);
  assert.ok(!code.includes('¿Qué son los milios?'), 'Spanish is not in the main module');
});

test('the classic script carries every language in one file', () => {
  const code = readFileSync('dist/milia-widgets.iife.js', 'utf8');
  assert.ok(code.includes('What are milia?') && code.includes('¿Qué son los milios?'));
  assert.doesNotMatch(code, /\bimport\s*\(/, 'no dynamic import in the classic script');
});
