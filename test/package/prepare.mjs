// The package as users install it (issue #12): `npm pack` the project, install the tarball into
// two small apps next to their own Lit (apps/main: lit ^3, Vite, esbuild, React, Vue, TypeScript;
// apps/lit-floor: lit 3.0.0, the floor of our `lit` range) and bundle them (app/build.mjs). The
// tests in this folder, the browser pages (bundles.test.ts) and the React and Vue tests
// (test/browser/frameworks/) then use what it leaves in CACHE (see state.mjs).
//
//   node test/package/prepare.mjs                build as `prepack` does, pack, install, bundle
//   node test/package/prepare.mjs --built        `npm test` has just built: pack without scripts
//   node test/package/prepare.mjs --clean-clone  pack a fresh clone of HEAD (`npm ci`, `npm pack`
//                                                runs prepack), as a release is published
//
// Network: the apps' dependencies come from the npm registry on the first run, and again only
// when apps/*/package-lock.json (or Node/npm) changes; later runs reuse the installed apps and
// install the new tarball offline (`--prefer-offline`; lit is already there to dedupe against).
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {CACHE, ROOT, STATE_FILE} from './state.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const APPS = ['main', 'lit-floor'];
const args = new Set(process.argv.slice(2));
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`package: ${message}`);

/** Runs a command; returns its output, or stops with it when the command fails. */
function run(command, commandArgs, cwd, {quiet = false} = {}) {
  const result = spawnSync(command, commandArgs, {cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    console.error(output);
    throw new Error(`\`${command} ${commandArgs.join(' ')}\` failed in ${cwd} (exit ${result.status ?? result.signal})`);
  }
  if (!quiet && result.stderr.trim()) process.stderr.write(result.stderr);
  return {stdout: result.stdout, output};
}

const hashFiles = (files) => {
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
};
const filesUnder = (dir) =>
  readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();

try {
  mkdirSync(CACHE, {recursive: true});
  const npmVersion = run('npm', ['--version'], ROOT).stdout.trim();

  // 1. The tarball, exactly as `npm publish` would make it.
  let packFrom = ROOT;
  let packScripts = ['--ignore-scripts'];
  if (args.has('--clean-clone')) {
    let since = Date.now();
    packFrom = mkdtempSync(join(tmpdir(), 'milia-clean-clone-'));
    run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, packFrom], ROOT);
    run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], packFrom, {quiet: true});
    log(`cloned HEAD and ran npm ci in ${seconds(since)}`);
    packScripts = []; // prepack builds, as it does for a release
  } else if (!args.has('--built')) {
    const since = Date.now();
    run('npm', ['run', '--silent', 'build'], ROOT, {quiet: true});
    log(`built in ${seconds(since)}`);
  }
  let since = Date.now();
  const tarballDir = join(CACHE, 'tarball');
  rmSync(tarballDir, {recursive: true, force: true});
  mkdirSync(tarballDir);
  const packOutput = run('npm', ['pack', '--json', '--pack-destination', tarballDir, ...packScripts], packFrom, {
    quiet: true,
  }).stdout;
  // With scripts, the build's own output comes first: the JSON report is the last thing printed.
  const [pack] = JSON.parse(packOutput.slice(packOutput.lastIndexOf('[\n  {')));
  const tarball = join(tarballDir, pack.filename);
  log(`packed ${pack.filename} (${pack.files.length} files, ${(pack.size / 1024).toFixed(1)} KiB) in ${seconds(since)}`);

  // 2. The apps, installed once per lockfile and reused; the tarball installed anew when it changed.
  const sourcesKey = hashFiles([...filesUnder(join(HERE, 'app')), ...filesUnder(join(HERE, 'apps'))]);
  const previous = existsSync(STATE_FILE) ? JSON.parse(readFileSync(STATE_FILE, 'utf8')) : undefined;
  const apps = {};
  const unchanged =
    previous?.pack?.integrity === pack.integrity &&
    previous?.sourcesKey === sourcesKey &&
    APPS.every((name) => existsSync(join(CACHE, name, 'node_modules', 'milia-widgets'))) &&
    existsSync(join(CACHE, 'out', 'variants.json'));
  for (const name of APPS) {
    const dir = join(CACHE, name);
    const fixture = join(HERE, 'apps', name);
    const manifestFiles = ['package.json', 'package-lock.json'].map((file) => join(fixture, file));
    const depsKey = `${hashFiles(manifestFiles)} node ${process.version} npm ${npmVersion}`;
    const stamp = join(dir, 'node_modules', '.milia-deps-key');
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== depsKey) {
      since = Date.now();
      rmSync(dir, {recursive: true, force: true});
      cpSync(fixture, dir, {recursive: true});
      // Install scripts off: the apps' tools need none here (esbuild's binary comes as a package).
      run('npm', ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], dir, {quiet: true});
      writeFileSync(stamp, depsKey);
      log(`${name}: installed the app's dependencies in ${seconds(since)} (npm registry, or npm's cache)`);
    }
    if (unchanged) {
      apps[name] = {dir, install: previous.apps[name].install};
      continue;
    }
    since = Date.now();
    // From the app's own manifest and lockfile (without milia-widgets), as a developer would:
    // `npm install milia-widgets` next to the Lit the app already has.
    cpSync(fixture, dir, {recursive: true});
    rmSync(join(dir, 'node_modules', 'milia-widgets'), {recursive: true, force: true});
    cpSync(join(HERE, 'app'), dir, {recursive: true});
    const {output} = run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], dir, {quiet: true});
    apps[name] = {dir, install: output};
    log(`${name}: installed the tarball in ${seconds(since)}`);
  }

  // 3. The bundled pages.
  if (unchanged) {
    log('tarball and apps unchanged since the last run: reusing the installs and bundled pages');
  } else {
    since = Date.now();
    const out = join(CACHE, 'out');
    rmSync(out, {recursive: true, force: true});
    mkdirSync(out);
    for (const name of APPS) run(process.execPath, ['build.mjs'], join(CACHE, name));
    const variants = APPS.flatMap((name) => JSON.parse(readFileSync(join(out, `${name}.variants.json`), 'utf8')));
    writeFileSync(join(out, 'variants.json'), JSON.stringify(variants, null, 2));
    log(`bundled ${variants.length} pages with Vite and esbuild in ${seconds(since)}`);
  }

  const variants = JSON.parse(readFileSync(join(CACHE, 'out', 'variants.json'), 'utf8'));
  const packedFrom = packFrom === ROOT ? 'work tree' : 'clean clone';
  if (packFrom !== ROOT) rmSync(packFrom, {recursive: true, force: true});
  writeFileSync(STATE_FILE, JSON.stringify({tarball, pack, packedFrom, sourcesKey, apps, variants}, null, 2));
  log(`ready in ${seconds(started)} (${relative(ROOT, CACHE).startsWith('..') ? CACHE : relative(ROOT, CACHE)})`);
} catch (error) {
  console.error(`\npackage: ${error.message}`);
  process.exit(1);
}
