// Build step (after rollup): the prerendered HTML. Renders the elements' own templates in
// Node into dist/prerender-kit.json (see render-kit.ts), writes dist/milia-widgets.css (the
// stylesheet the prerendered HTML links), and assembles the default widgets into
// dist/html/<element>.<lang>.html with the same assembler the CLI uses (bin/assemble.mjs).
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {compileContent} from '../content/compile.mjs';
import {shippedLocale} from '../content/rollup-plugin.mjs';
import {assemble} from '../../bin/assemble.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = `${ROOT}dist`;

/**
 * render-kit.ts imports the elements' TypeScript templates; esbuild turns it into one Node
 * module (Lit and @lit-labs/ssr stay imports, resolved from node_modules) that we import.
 */
async function loadRenderKit() {
  const outfile = `${ROOT}node_modules/.cache/milia-widgets/render-kit.mjs`;
  await build({
    entryPoints: [`${ROOT}tools/prerender/render-kit.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

export async function prerender() {
  const {renderKit, stylesheet} = await loadRenderKit();
  const content = compileContent(`${ROOT}content`);
  const locales = content.languages.map((lang) => shippedLocale(content.locales[lang], content.sources));
  const {version} = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
  const css = stylesheet(readFileSync(`${ROOT}tools/prerender/prerendered.css`, 'utf8'));
  if (/<\/style/i.test(css)) throw new Error('prerender: the stylesheet must not contain "</style" (the CLI can inline it)');
  const kit = renderKit(locales, Object.keys(content.sources), version, css);
  writeFileSync(`${DIST}/prerender-kit.json`, `${JSON.stringify(kit)}\n`);
  writeFileSync(`${DIST}/milia-widgets.css`, css);
  mkdirSync(`${DIST}/html`, {recursive: true});
  const written = [];
  for (const tag of Object.keys(kit.elements)) {
    for (const lang of kit.languages) {
      const file = `html/${tag}.${lang}.html`;
      // Each file carries its language, so a page in another language does not flip it.
      writeFileSync(`${DIST}/${file}`, `${assemble(kit, tag, {lang})}\n`);
      written.push(file);
    }
  }
  return ['prerender-kit.json', 'milia-widgets.css', ...written];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of await prerender()) console.log(`  dist/${file}`);
}
