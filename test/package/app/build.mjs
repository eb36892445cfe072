// Bundles this app the way apps that install milia-widgets are bundled, one page per variant:
// each bundler installed here (Vite, esbuild) x each way of importing the package (the root,
// or one entry per element) x Lit's production and development builds (export conditions).
// The main app also gets two pages that load the installed script-tag files directly, as a
// CDN that mirrors npm serves them. Run by test/package/prepare.mjs with the app as the
// working directory; writes ../out/<app>/<variant>/ and ../out/<app>.variants.json.
import {readFileSync, writeFileSync, mkdirSync, rmSync} from 'node:fs';
import {basename, join, relative} from 'node:path';
import {build as esbuild} from 'esbuild';

const app = process.cwd();
const name = basename(app);
const out = join(app, '..', 'out');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const installed = (pkg) => JSON.parse(readFileSync(join('node_modules', pkg, 'package.json'), 'utf8')).version;
const litVersion = installed('lit-html');
const entries = name === 'main' ? ['all', 'entries'] : ['all'];
const builds = ['production', 'development'];
const page = (script) => readFileSync('page.html', 'utf8').replace('<!-- app script -->', script);

/** What bundles.test.ts needs to know about each page. */
const variants = [];
const variant = (id, {page = 'index.html', ...details}) => {
  variants.push({name: `${name} ${id}`, page: relative(out, join(out, name, id, page)), lit: litVersion, ...details});
  return join(out, name, id);
};

for (const entry of entries) {
  for (const lit of builds) {
    // esbuild: code splitting, so the language files stay separate chunks loaded on demand.
    const dir = variant(`esbuild-${entry}-${lit}`, {bundler: 'esbuild', entry, build: lit});
    rmSync(dir, {recursive: true, force: true});
    await esbuild({
      entryPoints: [`${entry}.js`],
      bundle: true,
      format: 'esm',
      splitting: true,
      platform: 'browser',
      conditions: [lit],
      minify: lit === 'production',
      outdir: dir,
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'index.html'), page(`<script type="module" src="./${entry}.js"></script>`));
  }
}

if (manifest.devDependencies?.vite) {
  const {build: vite} = await import('vite');
  for (const entry of entries) {
    writeFileSync(`${entry}.html`, page(`<script type="module" src="./${entry}.js"></script>`));
    for (const lit of builds) {
      const dir = variant(`vite-${entry}-${lit}`, {bundler: 'vite', entry, build: lit, page: `${entry}.html`});
      await vite({
        root: app,
        configFile: false,
        logLevel: 'warn',
        mode: lit,
        base: './',
        // Vite's default conditions with the Lit build named, rather than read from NODE_ENV.
        resolve: {conditions: ['module', 'browser', lit]},
        build: {
          outDir: dir,
          emptyOutDir: true,
          minify: lit === 'production',
          reportCompressedSize: false,
          rollupOptions: {input: join(app, `${entry}.html`)},
        },
      });
    }
  }
}

if (name === 'main') {
  // The script-tag files, loaded from the installed package as a CDN serves them: Lit inside.
  const dist = `../../../${name}/node_modules/milia-widgets/dist`;
  for (const [id, script] of [
    ['script-tag-module', `<script type="module" src="${dist}/milia-widgets.js"></script>`],
    ['script-tag-classic', `<script src="${dist}/milia-widgets.iife.js"></script>`],
  ]) {
    const dir = variant(id, {bundler: 'none', entry: id, build: 'production', lit: undefined});
    mkdirSync(dir, {recursive: true});
    writeFileSync(join(dir, 'index.html'), page(script));
  }
}

writeFileSync(join(out, `${name}.variants.json`), JSON.stringify(variants, null, 2));
console.log(`${name}: ${variants.length} pages bundled`);
