// Byte budgets of the built bundles: the size policy of issue 11. Content is the product and
// grows when it gets better, so the code and the English text each have a budget, and the
// whole English module one more. The figures come from bench/sizes.mjs, the same function
// `npm run bench` reports with, so the two cannot disagree. `npm test` builds before it runs
// these; run `npm run build` first when calling `node --test` by hand (a dist/ older than
// src/ or content/ fails with that advice). No timing here: the benchmark measures that.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, existsSync} from 'node:fs';
import {BUDGETS, measureCode, measureContent, measureWhole} from '../../bench/sizes.mjs';

// *code* is a rollup build in memory (some seconds); *whole* needs a fresh dist/.
const measure = {code: measureCode, content: measureContent, whole: measureWhole};

const KIB = (n) => `${(n / 1024).toFixed(2)} KiB`;

for (const key of Object.keys(BUDGETS)) {
  const {limit, what} = BUDGETS[key];
  test(`${key} is at most ${limit} B gzip (${what})`, async (t) => {
    const f = await measure[key]();
    t.diagnostic(
      `${key}: ${f.gzip} B ${f.tool} (${KIB(f.gzip)}; zlib level 9: ${f.zlib} B; raw ${f.raw} B) of ${limit} B, ` +
        `${limit - f.gzip} B left; ${f.detail}`
    );
    assert.ok(
      f.gzip <= limit,
      `over the ${key} budget: ${what} is ${f.gzip} B gzip -9, ${f.gzip - limit} B more than its ${limit} B budget (${f.detail})`
    );
  });
}

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
