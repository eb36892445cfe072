import {nodeResolve} from '@rollup/plugin-node-resolve';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {miliaContent} from './tools/content/rollup-plugin.mjs';
import {printIntegrity} from './tools/integrity.mjs';

// Lit's production build: no dev-mode warnings, smaller.
const plugins = () => [
  miliaContent(),
  nodeResolve({exportConditions: ['production']}),
  typescript({tsconfig: './tsconfig.json', declaration: false, outDir: undefined}),
  // Whitespace and comments inside html`` and css`` templates (terser leaves strings alone).
  minifyHTML({failOnError: true}),
  // `__name` members are private by convention (as in Lit): safe to shorten across the bundle.
  terser({ecma: 2021, module: true, compress: {passes: 2}, format: {comments: false}, mangle: {properties: {regex: /^__[a-z]/}}}),
];

/** Each language other than English becomes `milia-widgets.<lang>.js` beside the module. */
const chunkFileNames = (chunk) => {
  const lang = /^\0milia-content\/(\w+)$/.exec(chunk.facadeModuleId ?? '')?.[1];
  return lang ? `milia-widgets.${lang}.js` : 'milia-widgets-[name]-[hash].js';
};

/** Lit stays a dependency of the npm build, so an app that uses Lit too loads it once. */
const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/.test(id);

export default [
  {
    input: 'src/index.ts',
    output: {dir: 'dist', format: 'es', entryFileNames: 'milia-widgets.js', chunkFileNames},
    plugins: [...plugins(), printIntegrity()],
  },
  {
    // The classic script carries every language in one file, for CMSs that only accept a
    // plain <script src> and for strict Subresource Integrity.
    input: 'src/index.ts',
    output: {file: 'dist/milia-widgets.iife.js', format: 'iife', name: 'MiliaWidgets', inlineDynamicImports: true},
    plugins: [...plugins(), printIntegrity()],
  },
  {
    // The npm package: one file per entry (`milia-widgets`, `milia-widgets/milia-info.js`,
    // `milia-widgets/milia-faq.js`), shared code in chunks, Lit imported from the app's copy.
    input: {index: 'src/index.ts', 'milia-info': 'src/entries/milia-info.ts', 'milia-faq': 'src/entries/milia-faq.ts'},
    external: isLit,
    output: {dir: 'dist/npm', format: 'es', chunkFileNames},
    plugins: plugins(),
  },
];
