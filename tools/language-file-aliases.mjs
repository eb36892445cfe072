/**
 * Rollup plugin: until 0.1.x, language files were named `milia-widgets.<lang>.js`, which
 * self-hosters mistook for an "ES module build". They are now `milia-widgets.lang-<lang>.js`;
 * for one release the old name stays as a one-line module that re-exports the new file, so
 * a page whose cached main module still asks for the old name keeps working.
 * TODO(0.3.0): remove, and the README's note about it.
 */
export function languageFileAliases() {
  return {
    name: 'language-file-aliases',
    generateBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        const lang = /^milia-widgets\.lang-(\w+)\.js$/.exec(fileName)?.[1];
        if (!lang) continue;
        this.emitFile({
          type: 'asset',
          fileName: `milia-widgets.${lang}.js`,
          source: `// Deprecated name, kept for one release: use milia-widgets.lang-${lang}.js.\nexport {default} from './${fileName}';\n`,
        });
      }
    },
  };
}
