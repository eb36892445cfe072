// What a developer installing the package gets: exports that resolve to built files, typed
// entries, and a custom-elements manifest that lists the whole public surface. `npm test`
// builds first; run `npm run build` before calling `node --test` by hand.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {spawnSync} from 'node:child_process';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const elements = Object.fromEntries(
  manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName, d])
);

test('every export resolves to a built file', () => {
  for (const [entry, target] of Object.entries(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(file), `${entry} -> ${file} does not exist`);
    }
  }
  assert.ok(existsSync(pkg.types));
});

test('sideEffects names every file that registers elements', () => {
  assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.length);
  for (const entry of ['./dist/npm/index.js', './dist/npm/milia-info.js', './dist/npm/milia-faq.js']) {
    assert.ok(pkg.sideEffects.includes(entry), `${entry} missing from sideEffects`);
  }
});

test('the npm build imports Lit from the app instead of bundling it', () => {
  const code = readdirSync('dist/npm')
    .map((file) => readFileSync(`dist/npm/${file}`, 'utf8'))
    .join('\n');
  assert.match(code, /from\s*["']lit["']/);
  assert.doesNotMatch(code, /litHtmlVersions/, 'no copy of Lit inside');
});

const SHARED_ATTRIBUTES = ['expanded', 'heading-level', 'single', 'lang', 'print', 'structured-data'];
const PARTS = ['section', 'heading', 'button', 'icon', 'panel', 'controls', 'footer'];
for (const [tag, own] of [
  ['milia-info', ['sections']],
  ['milia-faq', ['questions']],
]) {
  test(`custom-elements.json lists the whole public surface of <${tag}>`, () => {
    const element = elements[tag];
    assert.ok(element, `${tag} is in the manifest`);
    assert.deepEqual(element.attributes.map((a) => a.name).sort(), [...own, ...SHARED_ATTRIBUTES].sort());
    for (const attribute of element.attributes) assert.ok(attribute.description, `${tag} [${attribute.name}] has a description`);
    assert.deepEqual(
      element.events.map((e) => e.name),
      ['milia-toggle']
    );
    assert.deepEqual(element.cssParts.map((p) => p.name).sort(), [...PARTS].sort());
    assert.equal(element.cssProperties.length, 12);
    for (const property of element.cssProperties) assert.ok(property.default, `${property.name} has a default`);
    assert.deepEqual(element.slots.map((s) => s.name).sort(), ['', 'footer', 'header']);
    const methods = element.members.filter((m) => m.kind === 'method' && (m.privacy ?? 'public') === 'public').map((m) => m.name);
    assert.deepEqual(methods.sort(), ['collapseAll', 'expandAll', 'toggle']);
  });
}

test('the published types check an app that queries, configures and listens to the elements', () => {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'test/types/tsconfig.json'], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});
