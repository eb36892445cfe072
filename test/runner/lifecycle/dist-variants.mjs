/**
 * The built script-tag files (dist/) as the lifecycle tests (test/browser/lifecycle/) need
 * them, each variant in a folder of its own, so that the files a module loads relative to
 * its own address (the language file, the on-demand file) come through the same variant:
 *
 *   /test/runner/lifecycle/dist/<variant>[~<n>]/milia-widgets<...>.js
 *
 * (`~<n>` makes the address unique to one page: see test/runner/lifecycle/pages.mjs.)
 *
 * - `plain`: dist/ as built (a second address for the same files is a second copy of the
 *   module on the page, as when a theme and a plugin each bring milia-widgets);
 * - `es-slow`: the Spanish language file arrives SLOW_MS late (a slow network);
 * - `es-404`: the Spanish language file is missing (a site that uploaded only the main file);
 * - `v9.9.9`: the same code claiming version 9.9.9 (another release of milia-widgets).
 *
 * The test runner marks every file cacheable (whatever is set here), so each page that loads
 * a variant uses an address of its own (see pages.mjs).
 */
import {readFile} from 'node:fs/promises';

const ROOT = new URL('../../../', import.meta.url);
const DIST = new URL('dist/', ROOT);
const version = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')).version;

/** How late the Spanish file arrives in `es-slow`: far longer than English takes to render. */
export const SLOW_MS = 700;

const PATH = /^\/test\/runner\/lifecycle\/dist\/(plain|es-slow|es-404|v9\.9\.9)(?:~\d+)?\/(milia-widgets[\w.-]*\.js)$/;
const SPANISH = /^milia-widgets\.(lang-)?es\.js$/;

/** Dev-server middleware for the paths above; anything else goes on. */
export async function distVariantsMiddleware(context, next) {
  const match = PATH.exec(context.path);
  if (!match) return next();
  const [, variant, name] = match;
  if (variant === 'es-404' && SPANISH.test(name)) {
    context.status = 404;
    context.body = 'Not found';
    return;
  }
  let body;
  try {
    body = await readFile(new URL(name, DIST), 'utf8');
  } catch {
    context.status = 404;
    context.body = `dist/${name} is not built: run npm run build`;
    return;
  }
  if (variant === 'es-slow' && SPANISH.test(name)) await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
  if (variant === 'v9.9.9' && /^milia-widgets(\.iife)?\.js$/.test(name)) {
    // The version is one string constant in each bundle; refuse to guess if that changes.
    const quoted = JSON.stringify(version);
    const count = body.split(quoted).length - 1;
    if (count !== 1) {
      context.status = 500;
      context.body = `dist/${name} holds ${quoted} ${count} times, not once: cannot make a 9.9.9 copy`;
      return;
    }
    body = body.replace(quoted, '"9.9.9"');
  }
  context.type = 'js';
  context.body = body;
}
