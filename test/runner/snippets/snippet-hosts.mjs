/**
 * Where the snippet tests (test/browser/snippets.test.ts) paste and load snippets, as a site
 * owner does: a host page on the test runner's own origin, and the files on a SECOND origin
 * (another host and port), because what breaks pasted snippets is cross-origin loading: a
 * module script needs Access-Control-Allow-Origin from the file host, and so does a classic
 * script that carries an integrity hash.
 *
 * The second origin, http://127.0.0.1:<port>, serves the built dist/ files:
 *   /npm/milia-widgets@<version or range>/dist/<file>   like jsDelivr (an npm mirror): CORS on
 *   /next-release/npm/…                                  the same as after the next release: each
 *                                                        script one comment longer (a new hash)
 *   /with-cors/<any folders>/<file>                     a self-hosted file domain, CORS on
 *   /without-cors/<any folders>/<file>                  a self-hosted file domain, no CORS header
 * The first origin (the test runner's dev server) gets:
 *   /test/runner/snippets/page.html?snippet=<html>[&csp=cdn][&lang=xx]
 *       a page with the snippet pasted verbatim in its body (csp=cdn: the README's strict policy,
 *       with the file origin added to script-src as the README says to)
 *   /test/runner/snippets/second-origin.json   {origin, version}: for the tests to rewrite CDN URLs
 *   /js/, /wp-content/uploads/milia/, /libraries/milia/   the folders the README's
 *       self-hosted snippets use, serving dist/ from the page's own origin
 */
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {STRICT_CSP} from '../csp.mjs';

const ROOT = new URL('../../../', import.meta.url);
const DIST = new URL('dist/', ROOT);
/** The only files either origin serves: the script-tag bundles, their chunks and the hashes. */
const DIST_FILE = /^milia-widgets[\w.-]*\.(js|json)$/;
/** Folders on the first origin that the README's self-hosted snippets point at. */
const SELF_HOSTED_FOLDERS = ['/js/', '/wp-content/uploads/milia/', '/libraries/milia/'];

/** 'http://127.0.0.1:<port>' once the test runner has started the second origin. */
let secondOrigin;
const version = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')).version;

/** The dist/ file a request names, or null: only files directly in dist/, by name. */
async function distFile(name) {
  if (!DIST_FILE.test(name)) return null;
  try {
    return await readFile(new URL(name, DIST));
  } catch {
    return null;
  }
}

const contentType = (name) => (name.endsWith('.json') ? 'application/json' : 'text/javascript; charset=utf-8');

/**
 * Whether an npm mirror would answer `milia-widgets@<spec>` with the version built here:
 * the exact version, a range that covers it (`0`, `0.1`), or `latest`. Any other version is
 * not in this checkout, so it is a 404, as an unpublished version is on a CDN.
 */
function coversVersion(spec) {
  if (spec === 'latest' || spec === version) return true;
  const parts = spec.split('.');
  return parts.length < 3 && parts.every((part, i) => part === version.split('.')[i]);
}

/** Requests to the second origin. */
async function secondOriginHandler(request, response) {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  let cors;
  let name;
  const cdn = /^(\/next-release)?\/npm\/milia-widgets@([^/]+)\/dist\/([^/]+)$/.exec(path);
  let nextRelease = false;
  if (cdn) {
    cors = true;
    nextRelease = Boolean(cdn[1]);
    name = coversVersion(cdn[2]) ? cdn[3] : null;
  } else {
    const self = /^\/(with|without)-cors\/(?:[\w.-]+\/)*([^/]+)$/.exec(path);
    cors = self?.[1] === 'with';
    name = self?.[2];
  }
  let body = name && (await distFile(name));
  // What a floating address (@0) serves after a patch release: the same code, other bytes.
  if (body && nextRelease && name.endsWith('.js')) body = Buffer.concat([body, Buffer.from('\n// the next patch release\n')]);
  const headers = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(cors ? {'Access-Control-Allow-Origin': '*'} : {}),
  };
  if (!body) {
    response.writeHead(404, {...headers, 'Content-Type': 'text/plain'});
    response.end(`Not found on the test file host: ${path}`);
    return;
  }
  response.writeHead(200, {...headers, 'Content-Type': contentType(name)});
  response.end(body);
}

/** Web Test Runner plugin: starts the second origin with the test server, stops it after. */
export function secondOriginPlugin() {
  let server;
  return {
    name: 'snippet-second-origin',
    async serverStart() {
      server = createServer((request, response) => {
        secondOriginHandler(request, response).catch((error) => {
          response.writeHead(500);
          response.end(String(error));
        });
      });
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      secondOrigin = `http://127.0.0.1:${server.address().port}`;
    },
    async serverStop() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    },
  };
}

/** The host page: the snippet exactly as given, where a CMS puts pasted HTML (the body). */
function snippetPage(snippet, {lang = 'en'}) {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>A page with a pasted snippet</title>
    <script src="/test/runner/snippets/probe-early.js"></script>
  </head>
  <body>
    <main>
      <h1>Skin care</h1>
<!-- pasted -->
${snippet}
<!-- /pasted -->
    </main>
    <script type="module" src="/test/runner/snippets/probe.js"></script>
  </body>
</html>
`;
}

/** Dev-server middleware for the first origin (see the top of this file). */
export async function snippetHostsMiddleware(context, next) {
  const {path} = context;
  if (path === '/test/runner/snippets/second-origin.json') {
    context.type = 'json';
    context.body = {origin: secondOrigin, version};
    return;
  }
  if (path === '/test/runner/snippets/page.html') {
    const snippet = context.query.snippet ?? '';
    context.type = 'html';
    context.body = snippetPage(snippet, {lang: context.query.lang});
    context.set('Cache-Control', 'no-store');
    if (context.query.csp === 'cdn') {
      context.set('Content-Security-Policy', STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${secondOrigin}`));
    }
    return;
  }
  const folder = SELF_HOSTED_FOLDERS.find((prefix) => path.startsWith(prefix));
  const name = folder && path.slice(folder.length);
  const body = name && (await distFile(name));
  if (!body) return next();
  context.type = contentType(name);
  context.set('Cache-Control', 'no-store');
  context.body = body;
}
