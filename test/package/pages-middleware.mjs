// Serves what test/package/prepare.mjs made to the browser tests, under /__package__/: the
// bundled app pages (out/) and the installed package (the script-tag pages load
// main/node_modules/milia-widgets/dist/ as a CDN would). Byte for byte: this is Koa middleware
// ahead of the dev server's plugins, which would otherwise down-level the JavaScript for
// Firefox ESR and WebKit and rewrite imports, and then we would not test what apps ship.
import {existsSync, readFileSync, statSync} from 'node:fs';
import {extname, resolve, sep} from 'node:path';
import {CACHE} from './state.mjs';

const PREFIX = '/__package__/';
const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json'};

/** @type {import('koa').Middleware} */
export async function packagePages(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const file = resolve(CACHE, decodeURIComponent(ctx.path.slice(PREFIX.length)));
  const servable =
    (file.startsWith(`${CACHE}${sep}out${sep}`) || file.includes(`${sep}node_modules${sep}milia-widgets${sep}`)) &&
    file.startsWith(CACHE);
  if (!servable || !existsSync(file) || !statSync(file).isFile()) {
    ctx.status = 404;
    ctx.body = `Not found: ${ctx.path}. Has test/package/prepare.mjs run? (\`npm test\` runs it.)`;
    return;
  }
  ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = readFileSync(file);
}
