// Builds the WordPress plugin: `dist/wordpress/milia-widgets.zip`, a folder `milia-widgets/`
// that Plugins > Add New > Upload installs. It holds the plugin source from `wordpress/` (the
// version from package.json written where the source says @VERSION@) and, in `assets/`, its
// own copy of the built scripts, the stylesheet and the prerender kit, so that the plugin
// needs no CDN. Runs after the package build (`npm run build`).
//
//   node tools/wordpress/build-plugin.mjs [--kit <prerender-kit.json>]
//
// `--kit` replaces dist/prerender-kit.json (tests use a fixture kit that way).
import {createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import yazl from 'yazl';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = join(ROOT, 'wordpress');
const DIST = join(ROOT, 'dist');
const OUT_DIR = join(DIST, 'wordpress');
const ZIP = join(OUT_DIR, 'milia-widgets.zip');
const FOLDER = 'milia-widgets';
/** Files whose text carries the @VERSION@ token. */
const TEXT = /\.(php|json|txt|js|css|md)$/;
// A fixed date for every entry: the same sources give the same zip.
const MTIME = new Date('2000-01-01T00:00:00Z');

const {values: options} = parseArgs({options: {kit: {type: 'string'}}});
const {version} = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function walk(dir, base = dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path).split(sep).join('/')];
    });
}

const problems = [];
const entries = []; // [path in the zip, Buffer]

for (const file of walk(SOURCE)) {
  let data = readFileSync(join(SOURCE, file));
  if (TEXT.test(file)) data = Buffer.from(data.toString('utf8').replaceAll('@VERSION@', version));
  entries.push([file, data]);
}

// The scripts as `npm run build` names them (the ES module, its language files, the classic
// script), read from dist/ by pattern so a renamed language file still ships.
const scripts = existsSync(DIST) ? readdirSync(DIST).filter((name) => /^milia-widgets.*\.js$/.test(name)) : [];
for (const required of ['milia-widgets.js', 'milia-widgets.iife.js']) {
  if (!scripts.includes(required)) problems.push(`dist/${required} is missing: run the package build first`);
}
for (const name of scripts.sort()) entries.push([`assets/${name}`, readFileSync(join(DIST, name))]);

const kitPath = options.kit ? resolve(options.kit) : join(DIST, 'prerender-kit.json');
let kit = null;
if (existsSync(kitPath)) {
  kit = JSON.parse(readFileSync(kitPath, 'utf8'));
  entries.push(['assets/prerender-kit.json', Buffer.from(JSON.stringify(kit))]);
  const css = join(options.kit ? dirname(kitPath) : DIST, kit.stylesheet);
  if (existsSync(css)) entries.push([`assets/${kit.stylesheet}`, readFileSync(css)]);
  else problems.push(`${relative(ROOT, css)} (the kit's stylesheet) is missing`);
} else {
  console.warn(
    `wordpress: ${relative(ROOT, kitPath)} not found: the plugin will show a link to a source instead of the prerendered text`
  );
}

for (const [path, data] of entries) {
  if (TEXT.test(path) && !path.startsWith('assets/') && data.includes('@VERSION@')) problems.push(`${path} still says @VERSION@`);
}
if (problems.length) {
  console.error(`wordpress: cannot build the plugin:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

rmSync(OUT_DIR, {recursive: true, force: true});
mkdirSync(OUT_DIR, {recursive: true});
const zip = new yazl.ZipFile();
const folders = new Set();
for (const [path] of entries) {
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) folders.add(dir);
}
zip.addEmptyDirectory(`${FOLDER}/`, {mtime: MTIME});
for (const dir of [...folders].sort()) zip.addEmptyDirectory(`${FOLDER}/${dir}/`, {mtime: MTIME});
for (const [path, data] of entries) zip.addBuffer(data, `${FOLDER}/${path}`, {mtime: MTIME, mode: 0o100644});
zip.end();
await new Promise((done, fail) => zip.outputStream.pipe(createWriteStream(ZIP)).on('close', done).on('error', fail));

const size = statSync(ZIP).size;
console.log(
  `wordpress: ${relative(ROOT, ZIP)} (${(size / 1024).toFixed(1)} KB, ${entries.length} files, version ${version}` +
    `${kit ? `, kit ${kit.version}${options.kit ? ` from ${relative(ROOT, kitPath)}` : ''}` : ', no prerender kit'})`
);
