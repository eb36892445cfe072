// @custom-elements-manifest/analyzer settings: `npm run build` writes custom-elements.json
// from the JSDoc on the element classes (see src/milia-info.ts, src/milia-faq.ts).
//
// The analyzer describes source files; tools read the manifest as a description of what the
// package ships. So the plugin below rewrites it for what users install: each element's module
// is its package entry (`dist/npm/milia-info.js`), the shared internal base class is not a
// module of its own (its public members are listed on each element), and each module says
// which tag it defines.

/** Source file -> the JavaScript file the package ships for it. */
const SHIPPED = {
  'src/milia-info.ts': 'dist/npm/milia-info.js',
  'src/milia-faq.ts': 'dist/npm/milia-faq.js',
};
/** Reactive state declared in `static properties` with `state: true`: internal, not attributes. */
const INTERNAL_STATE = ['locale'];
const isInternal = (name) => !name || name.startsWith('__') || INTERNAL_STATE.includes(name) || name === 'miliaVersion';

export default {
  globs: ['src/milia-info.ts', 'src/milia-faq.ts', 'src/internal/accordion-element.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'describe-the-shipped-package',
      packageLinkPhase({customElementsManifest: manifest}) {
        manifest.modules = manifest.modules.filter((mod) => SHIPPED[mod.path]);
        for (const mod of manifest.modules) {
          mod.path = SHIPPED[mod.path];
          for (const declaration of mod.declarations ?? []) {
            declaration.attributes = declaration.attributes?.filter((a) => !isInternal(a.fieldName) && !isInternal(a.name));
            declaration.members = declaration.members?.filter((m) => !isInternal(m.name));
            // The base class is internal: its members are listed here as the element's own.
            delete declaration.superclass;
            for (const item of [
              ...(declaration.members ?? []),
              ...(declaration.attributes ?? []),
              ...(declaration.events ?? []),
            ]) {
              delete item.inheritedFrom;
            }
          }
          // Type-only exports (MiliaToggleDetail...) are not JavaScript; the .d.ts files carry them.
          mod.exports = (mod.exports ?? [])
            .filter((e) => (mod.declarations ?? []).some((d) => d.name === e.declaration.name))
            .map((e) => ({...e, declaration: {...e.declaration, module: mod.path}}));
          for (const declaration of mod.declarations ?? []) {
            if (declaration.tagName) {
              mod.exports.push({
                kind: 'custom-element-definition',
                name: declaration.tagName,
                declaration: {name: declaration.name, module: mod.path},
              });
            }
          }
        }
        // The package root (`import 'milia-widgets'`) re-exports both elements.
        manifest.modules.push({
          kind: 'javascript-module',
          path: 'dist/npm/index.js',
          declarations: [],
          exports: manifest.modules.flatMap((mod) =>
            mod.exports.filter((e) => e.kind === 'js').map((e) => ({kind: 'js', name: e.name, declaration: e.declaration}))
          ),
        });
      },
    },
  ],
};
