import {rmSync} from 'node:fs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {miliaContent} from './tools/content/rollup-plugin.mjs';
import {printIntegrity} from './tools/integrity.mjs';
import {languageFileAliases} from './tools/language-file-aliases.mjs';

// Nothing stale is ever published: no old hashed chunks, no old SRI entries.
rmSync('dist', {recursive: true, force: true});

/**
 * `mangleMembers`: shorten `__name` members (private to one class in one module, as in Lit;
 * test/node/private-members.test.mjs keeps it so) in the script-tag builds, where every
 * class is minified together. Never in the npm build: each chunk is minified on its own,
 * and an app's own classes (or a subclass of ours) would meet the short names.
 */
const plugins = ({mangleMembers}) => [
  miliaContent(),
  // Lit's production build: no dev-mode warnings, smaller. (The npm build leaves Lit to the app.)
  nodeResolve({exportConditions: ['production']}),
  typescript({tsconfig: './tsconfig.json', declaration: false, outDir: undefined}),
  // Whitespace and comments inside html`` and css`` templates (terser leaves strings alone).
  minifyHTML({failOnError: true}),
  terser({
    ecma: 2021,
    module: true,
    compress: {passes: 2},
    format: {comments: false},
    mangle: mangleMembers ? {properties: {regex: /^__[a-z]/}} : true,
  }),
];

/**
 * Stable names for the files the main module loads on demand: each language other than
 * English (`milia-widgets.lang-es.js`), and what only some pages need (`#milia-` links,
 * structured data: `milia-widgets.on-demand.js`). Sites self-host them beside the module,
 * and strict CSPs and caches like names that do not change.
 */
const chunkFileNames = (chunk) => {
  const lang = /^\0milia-content\/(\w+)$/.exec(chunk.facadeModuleId ?? '')?.[1];
  if (lang) return `milia-widgets.lang-${lang}.js`;
  if (chunk.facadeModuleId?.endsWith('on-demand.ts')) return 'milia-widgets.on-demand.js';
  return 'milia-widgets-[name]-[hash].js';
};

/** Lit stays a dependency of the npm build, so an app that uses Lit too loads it once. */
const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/.test(id);

export default [
  {
    // <script type="module">: English and both elements in one file; other languages and
    // the structured-data writer load on demand from the same folder.
    input: 'src/index.ts',
    // The on-demand files import what they share (e.g. the rich-text renderer) from the main
    // module itself, rather than from a third file that every page would have to load.
    preserveEntrySignatures: 'allow-extension',
    output: {dir: 'dist', format: 'es', entryFileNames: 'milia-widgets.js', chunkFileNames},
    plugins: [...plugins({mangleMembers: true}), languageFileAliases(), printIntegrity()],
  },
  {
    // The classic script carries every language in one file, for CMSs that only accept a
    // plain <script src> and for strict Subresource Integrity.
    input: 'src/index.ts',
    output: {file: 'dist/milia-widgets.iife.js', format: 'iife', name: 'MiliaWidgets', inlineDynamicImports: true},
    plugins: [...plugins({mangleMembers: true}), printIntegrity()],
  },
  {
    // The npm package: one file per entry (`milia-widgets`, `milia-widgets/milia-info.js`,
    // `milia-widgets/milia-faq.js`), shared code in chunks, Lit imported from the app's copy.
    input: {index: 'src/index.ts', 'milia-info': 'src/milia-info.ts', 'milia-faq': 'src/milia-faq.ts'},
    external: isLit,
    output: {dir: 'dist/npm', format: 'es', chunkFileNames},
    plugins: plugins({mangleMembers: false}),
  },
];
