// What `npm pack` puts in the tarball, read from the package as an app installed it
// (test/package/prepare.mjs): the file list, package.json, the custom-elements manifest, the
// declarations and the licence. Run by `npm test`; by hand: `node test/package/prepare.mjs`
// first, then `node --test test/package/`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join, posix} from 'node:path';
import {ROOT, readState} from './state.mjs';

const state = readState();
const installed = join(state.apps.main.dir, 'node_modules', 'milia-widgets');
const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
const packed = state.pack.files.map((file) => file.path).sort();
const shipped = new Set(packed);

/** Files users need. */
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'custom-elements.json',
  'dist/milia-widgets.js',
  'dist/milia-widgets.iife.js',
  'dist/npm/index.js',
  'dist/npm/milia-info.js',
  'dist/npm/milia-faq.js',
  'dist/types/index.d.ts',
  'dist/types/milia-info.d.ts',
  'dist/types/milia-faq.d.ts',
  'types/react-jsx.d.ts',
];
/**
 * Everything the tarball may hold. Other outputs planned for the package (prerendered HTML,
 * the prerender kit, a stylesheet, the content record, a CLI) are allowed by pattern ahead of
 * time; anything else (src/, test/, content sources, dist/wordpress/, caches, source maps) fails.
 */
const ALLOWED = [
  /^(package\.json|README\.md|LICENSE|custom-elements\.json)$/,
  /^dist\/milia-widgets(\.iife)?\.js$/, // script-tag builds
  /^dist\/milia-widgets[.-][\w.-]+\.js$/, // their language files, structured-data writer, chunks, old names
  /^dist\/integrity\.json$/, // the SRI hashes the README's snippets use
  /^dist\/npm\/[\w.-]+\.js$/, // package entries and their chunks
  /^dist\/types\/[\w/.-]+\.d\.ts$/,
  /^types\/react-jsx\.d\.ts$/,
  /^dist\/html\/[\w.-]+\.html$/,
  /^dist\/prerender-kit\.json$/,
  /^dist\/milia-widgets\.css$/,
  /^dist\/content\.json$/,
  /^bin\/(milia-widgets|assemble)\.mjs$/, // the CLI and the assembler it shares with the prerender kit
];

test('the tarball ships what users need', () => {
  const missing = REQUIRED.filter((file) => !shipped.has(file));
  assert.deepEqual(missing, [], `missing from the tarball: ${missing.join(', ')}`);
});

test('the tarball ships nothing else (no sources, tests, content, WordPress plugin, maps or caches)', () => {
  const unexpected = packed.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, [], `not for users: ${unexpected.join(', ')} (package.json "files" decides)`);
});

test('what a clean clone publishes: every packed file is in git or made by the build that prepack runs', () => {
  assert.match(
    pkg.scripts?.prepack ?? '',
    /\bnpm run build\b/,
    'prepack builds, so `npm pack`/`npm publish` from a clean clone ships dist/'
  );
  const git = spawnSync('git', ['ls-files', '-z'], {cwd: ROOT, encoding: 'utf8'});
  if (git.status !== 0) return; // not a git checkout: nothing to compare with
  const tracked = new Set(git.stdout.split('\0'));
  const built = (file) => file.startsWith('dist/') || file === 'custom-elements.json';
  const stray = packed.filter((file) => !tracked.has(file) && !built(file));
  assert.deepEqual(stray, [], `packed but neither committed nor built (a clean clone would not ship them): ${stray.join(', ')}`);
  const ignoredByGit = ['dist/', 'custom-elements.json'].filter(
    (path) => spawnSync('git', ['check-ignore', '-q', path], {cwd: ROOT}).status !== 0
  );
  assert.deepEqual(ignoredByGit, [], 'build output is not committed (so it can never be stale in a clone)');
});

/** Every file path package.json points users (and their tools) at. */
function pointers() {
  const targets = [];
  const walk = (value, where) => {
    if (typeof value === 'string') targets.push([where, value]);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${where} ${key}`);
  };
  walk(pkg.exports, 'exports');
  for (const field of ['main', 'module', 'types', 'typings', 'customElements']) if (pkg[field]) targets.push([field, pkg[field]]);
  walk(typeof pkg.bin === 'string' ? {[pkg.name]: pkg.bin} : pkg.bin, 'bin');
  return targets;
}

test('every exports, main, module, types, bin and customElements target is in the tarball', () => {
  const targets = pointers();
  assert.ok(targets.length >= 10, 'package.json points at its files');
  const broken = targets.filter(([, target]) => !shipped.has(posix.normalize(target)));
  assert.deepEqual(broken, [], `package.json points at files the tarball lacks: ${broken.map((b) => b.join(' -> ')).join('; ')}`);
  for (const [entry, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object' && target.default?.endsWith('.js')) {
      assert.ok(target.types, `exports["${entry}"] has types for its JavaScript`);
    }
  }
});

test('package.json as installed: Lit a caret dependency, no engines warning, no install scripts, links, licence', () => {
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), ['lit'], 'Lit is the only dependency');
  assert.match(pkg.dependencies.lit, /^\^3\.\d+\.\d+$/, 'a caret range on Lit 3, so the app’s Lit is shared');
  assert.equal(pkg.engines, undefined, '`engines` would warn (or fail, with engine-strict) in browser-only apps on any Node');
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
    assert.equal(pkg.scripts?.[script], undefined, `no ${script} script runs in the app's install`);
  }
  for (const field of ['repository', 'homepage', 'bugs', 'license', 'description']) assert.ok(pkg[field], `${field} is set`);
  assert.equal(pkg.type, 'module');
  for (const entry of ['./dist/npm/index.js', './dist/npm/milia-info.js', './dist/npm/milia-faq.js']) {
    assert.ok(pkg.sideEffects?.includes(entry), `sideEffects keeps ${entry} (it registers elements)`);
  }
  for (const [app, {install}] of Object.entries(state.apps)) {
    const warnings = install.split('\n').filter((line) => /EBADENGINE|milia-widgets/i.test(line) && /warn|ERR/i.test(line));
    assert.deepEqual(warnings, [], `npm install <tarball> in the ${app} app warned`);
  }
});

test('the LICENSE names both licences: MIT for the code, CC BY 4.0 for the content, with how to attribute', () => {
  const license = readFileSync(join(installed, 'LICENSE'), 'utf8');
  assert.match(license, /MIT License|Permission is hereby granted/);
  assert.match(license, /CC BY 4\.0|Creative Commons Attribution 4\.0/);
  assert.match(license, /attribut/i);
  assert.match(pkg.license, /MIT/);
  assert.match(pkg.license, /CC-BY-4\.0/);
});

const manifest = JSON.parse(readFileSync(join(installed, pkg.customElements ?? 'custom-elements.json'), 'utf8'));

test('custom-elements.json: every path and module names a file the package ships', () => {
  const references = [];
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const key of ['path', 'module']) if (typeof value[key] === 'string') references.push(value[key]);
      Object.values(value).forEach(walk);
    }
  };
  walk(manifest.modules);
  assert.ok(references.length, 'the manifest names modules');
  const missing = [...new Set(references)].filter((path) => !existsSync(join(installed, path)));
  assert.deepEqual(missing, [], `the manifest names files the package does not ship: ${missing.join(', ')}`);
  const internal = references.filter((path) => /(^|\/)(src|internal)\//.test(path) || path.endsWith('.ts'));
  assert.deepEqual(internal, [], 'no source or internal module is listed');
});

test('custom-elements.json: each element module exports its definition and is a package entry', () => {
  const entryFiles = Object.values(pkg.exports).map((target) =>
    posix.normalize(typeof target === 'string' ? target : (target.default ?? ''))
  );
  const elements = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.tagName).map((d) => [mod, d]));
  assert.deepEqual(elements.map(([, d]) => d.tagName).sort(), ['milia-faq', 'milia-info']);
  for (const [mod, declaration] of elements) {
    const definition = mod.exports?.find((e) => e.kind === 'custom-element-definition' && e.name === declaration.tagName);
    assert.ok(definition, `${mod.path} exports the custom-element-definition of <${declaration.tagName}>`);
    assert.equal(definition.declaration.name, declaration.name);
    assert.equal(definition.declaration.module ?? mod.path, mod.path);
    assert.ok(
      mod.exports.some((e) => e.kind === 'js' && e.name === declaration.name),
      `${mod.path} exports the class ${declaration.name}`
    );
    assert.ok(entryFiles.includes(mod.path), `${mod.path} is a package entry users can import`);
  }
});

/** `import ... from 'x'`, `export ... from 'x'`, `import 'x'`, `import('x')` and `/// <reference types="x" />`. */
const specifiers = (code) =>
  [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*|<reference\s+types=)["']([^"']+)["']/g)].map((m) => m[1]);
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

test('the package entries import only their own files and Lit (a declared dependency)', () => {
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const problems = [];
  for (const file of packed.filter((path) => path.startsWith('dist/npm/') && path.endsWith('.js'))) {
    for (const specifier of specifiers(readFileSync(join(installed, file), 'utf8'))) {
      if (specifier.startsWith('./')) {
        if (!shipped.has(posix.join('dist/npm', specifier))) problems.push(`${file} imports ${specifier}, not shipped`);
      } else if (!declared.has(packageName(specifier))) {
        problems.push(
          `${file} imports "${specifier}", which is not a dependency (it resolves only where npm happens to hoist it)`
        );
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the declarations an app type-checks import only the package itself and its dependencies', () => {
  // From each `types` entry, every declaration file reachable through imports: what tsc reads
  // with `skipLibCheck: false`. A package that is not a dependency may be missing from the
  // app's node_modules (pnpm without hoisting, Yarn Plug'n'Play) and the app's build fails.
  const typeEntries = pointers()
    .filter(([where, target]) => /\btypes\b|^typings$/.test(where) && target.endsWith('.d.ts'))
    .map(([, target]) => posix.normalize(target));
  const declared = new Set([pkg.name, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  // The opt-in JSX types are for React apps, whose `react` types they extend.
  const alsoAllowed = {'types/react-jsx.d.ts': ['react']};
  const seen = new Set();
  const problems = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!shipped.has(file)) return void problems.push(`${file} is imported but not shipped`);
    for (const specifier of specifiers(readFileSync(join(installed, file), 'utf8'))) {
      if (specifier.startsWith('.')) {
        visit(posix.join(posix.dirname(file), specifier.replace(/\.js$/, '.d.ts')));
      } else if (!declared.has(packageName(specifier)) && !alsoAllowed[file]?.includes(packageName(specifier))) {
        problems.push(`${file} imports "${specifier}", which is not a dependency of ${pkg.name}`);
      }
    }
  };
  typeEntries.forEach(visit);
  assert.ok(seen.size > 3, 'the entries reach the element declarations');
  assert.deepEqual(problems, []);
});

test('the npm build keeps member names: no property mangling across its separately minified chunks', () => {
  // Mangled per chunk, `__name` members get different short names in each chunk (the crash of
  // the last release), and short names an app's subclass of ours may use too. The declarations
  // list every private member by name; each must still be in the JavaScript.
  const read = (prefix, suffix) =>
    packed
      .filter((file) => file.startsWith(prefix) && file.endsWith(suffix))
      .map((file) => readFileSync(join(installed, file), 'utf8'))
      .join('\n');
  const members = new Set(read('dist/types/', '.d.ts').match(/\b__[a-zA-Z]\w*/g));
  const code = read('dist/npm/', '.js');
  assert.ok(members.size >= 10, `the declarations list private members (${members.size})`);
  const renamed = [...members].filter((name) => !new RegExp(`\\b${name}\\b`).test(code));
  assert.deepEqual(renamed, [], 'members renamed (mangled) in dist/npm');
});

test('the tarball is in step with the work tree package.json (the one packed is the one tested)', () => {
  const here = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.version, here.version);
  assert.deepEqual(pkg.exports, here.exports);
  assert.deepEqual(pkg.files, here.files);
  assert.ok(existsSync(state.tarball), `${state.tarball} exists`);
});
