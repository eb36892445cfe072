// The package installed in an app (test/package/prepare.mjs): one Lit, shared with the app,
// also at the floor of our range; every entry imports in plain Node and through Vite's SSR
// pipeline, as server renders (Next.js, Nuxt, Astro, SvelteKit) do.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {readState} from './state.mjs';

const state = readState();
const HERE = fileURLToPath(new URL('.', import.meta.url));
const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'];
/** The entries apps import (the script-tag files, `bundle.js` and `bundle.iife.js`, are browser-only). */
const ENTRIES = {
  'milia-widgets': ['MiliaFaq', 'MiliaInfo'],
  'milia-widgets/milia-info.js': ['MiliaInfo'],
  'milia-widgets/milia-faq.js': ['MiliaFaq'],
};

const inApp = (app, command, args) =>
  spawnSync(command, args, {cwd: state.apps[app].dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024});
const version = (app, pkg) =>
  JSON.parse(readFileSync(join(state.apps[app].dir, 'node_modules', pkg, 'package.json'), 'utf8')).version;

for (const app of Object.keys(state.apps)) {
  test(`${app} app: npm ls finds one Lit, the app's own, shared with milia-widgets`, () => {
    const ls = inApp(app, 'npm', ['ls', ...LIT_PACKAGES, '--all', '--json']);
    assert.equal(ls.status, 0, `npm ls reports a problem (missing, invalid or extraneous):\n${ls.stdout}${ls.stderr}`);
    const tree = JSON.parse(ls.stdout);
    assert.ok(tree.dependencies?.['milia-widgets'], 'milia-widgets is installed');
    // Every copy npm knows of, wherever it sits in the tree.
    const copies = new Map(LIT_PACKAGES.map((name) => [name, new Set()]));
    const walk = (node, path) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        if (copies.has(name)) copies.get(name).add(child.version);
        walk(child, `${path} > ${name}`);
      }
    };
    walk(tree, app);
    for (const [name, versions] of copies) assert.equal(versions.size, 1, `one ${name}: ${[...versions].join(', ')}`);
    const parseable = inApp(app, 'npm', ['ls', 'lit', '--all', '--parseable']);
    const paths = parseable.stdout.trim().split('\n').filter(Boolean);
    assert.deepEqual(paths, [join(state.apps[app].dir, 'node_modules', 'lit')], 'one lit folder, at the top of the app');
  });

  for (const [entry, names] of Object.entries(ENTRIES)) {
    test(`${app} app: import('${entry}') in plain Node (a server render) does not throw`, () => {
      // A fresh Node for each entry: nothing imported before it, no DOM, Lit's Node build.
      const script = `const m = await import(${JSON.stringify(entry)});
        console.log(JSON.stringify({exports: Object.keys(m).sort(), types: Object.values(m).map((v) => typeof v),
          window: typeof window, document: typeof document}));`;
      const result = inApp(app, process.execPath, ['--input-type=module', '--eval', script]);
      assert.equal(result.status, 0, `import('${entry}') threw:\n${result.stderr}`);
      assert.equal(result.stderr, '', 'nothing logged on import');
      const seen = JSON.parse(result.stdout);
      assert.deepEqual(seen.exports, names);
      assert.ok(
        seen.types.every((type) => type === 'function'),
        'the element classes'
      );
      assert.deepEqual([seen.window, seen.document], ['undefined', 'undefined'], 'no window or document made up');
    });
  }
}

for (const app of Object.keys(state.apps)) {
  test(`${app} app: installing milia-widgets left the app's Lit as its lockfile has it`, () => {
    // npm may satisfy a raised range by hoisting newer lit-html & co. over the app's own: then
    // "one copy" holds while the app no longer runs the Lit it chose.
    const locked = JSON.parse(readFileSync(join(HERE, 'apps', app, 'package-lock.json'), 'utf8')).packages;
    for (const name of LIT_PACKAGES) {
      assert.equal(
        version(app, name),
        locked[`node_modules/${name}`].version,
        `${name} as apps/${app}/package-lock.json locks it`
      );
    }
  });
}

test('lit-floor app: it runs the floor of the `lit` range milia-widgets declares', () => {
  const pkg = JSON.parse(
    readFileSync(join(state.apps['lit-floor'].dir, 'node_modules', 'milia-widgets', 'package.json'), 'utf8')
  );
  const floor = /^\^(\d+\.\d+\.\d+)$/.exec(pkg.dependencies.lit)?.[1];
  assert.equal(
    version('lit-floor', 'lit'),
    floor,
    `milia-widgets asks for lit "${pkg.dependencies.lit}": apps/lit-floor must pin ${floor} (and pass) to prove that floor`
  );
});

test('main app: the custom-elements.json exports exist at run time', async () => {
  const installed = join(state.apps.main.dir, 'node_modules', 'milia-widgets');
  const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  const script = `import {pathToFileURL} from 'node:url';
    const manifest = ${JSON.stringify(manifest.modules.map((mod) => ({path: mod.path, exports: mod.exports ?? []})))};
    const missing = [];
    for (const mod of manifest) {
      const m = await import(pathToFileURL(${JSON.stringify(installed + '/')} + mod.path));
      for (const e of mod.exports) if (e.kind === 'js' && typeof m[e.name] !== 'function') missing.push(mod.path + ' ' + e.name);
    }
    console.log(JSON.stringify(missing));`;
  const result = inApp('main', process.execPath, ['--input-type=module', '--eval', script]);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), [], 'every `js` export the manifest lists is exported by its module');
});

test('main app: Vite SSR (ssrLoadModule, milia-widgets transformed by Vite) loads every entry', () => {
  const result = inApp('main', process.execPath, ['vite-ssr.mjs']);
  assert.equal(result.status, 0, `Vite SSR failed:\n${result.stderr}`);
  const seen = JSON.parse(result.stdout.trim().split('\n').at(-1));
  assert.deepEqual(seen.classes, {FaqEntry: 'function', InfoEntry: 'function', MiliaFaq: 'function', MiliaInfo: 'function'});
  assert.ok(seen.sameInfo && seen.sameFaq, 'the root and the per-element entries share one class each');
});
