// @custom-elements-manifest/analyzer settings: `npm run build` writes custom-elements.json
// from the JSDoc on the element classes (see src/milia-info.ts, src/milia-faq.ts).
export default {
  globs: ['src/milia-info.ts', 'src/milia-faq.ts', 'src/internal/accordion-element.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Reactive state (`__openIds`, `__locale`) is declared in `static properties` with
      // `state: true`; it is internal, not an attribute. Drop `__` members everywhere.
      name: 'hide-private-state',
      packageLinkPhase({customElementsManifest}) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            declaration.attributes = declaration.attributes?.filter(
              (a) => !a.fieldName?.startsWith('__') && !a.name.startsWith('__')
            );
            declaration.members = declaration.members?.filter((m) => !m.name.startsWith('__'));
          }
        }
      },
    },
  ],
};
