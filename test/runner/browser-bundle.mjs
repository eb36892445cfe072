// One esbuild call for the test runner's plugins that serve npm packages to the browser:
// React ships CommonJS only, which the dev server does not convert, so those plugins bundle
// an entry module here, as a production build, the way sites get it.
import {build} from 'esbuild';

/**
 * Bundles `contents` (an ES module, its imports resolved from `resolveDir`) into one browser
 * ES module; resolves to its text. `name` is what error messages call the entry.
 */
export async function bundleForBrowser(contents, resolveDir, name) {
  const result = await build({
    stdin: {contents, resolveDir, sourcefile: name, loader: 'js'},
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['production'],
    define: {'process.env.NODE_ENV': '"production"'},
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
