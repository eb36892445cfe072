/**
 * A local HTTP server (no network) for the AT-SPI tests: it serves the BUILT bundles from
 * dist/ and one small host page per case, and it steers the browser from page to page
 * without any automation protocol. Every page, once its widgets have rendered, reports
 * `POST /ready?page=<name>` and then asks `GET /next` every 100 ms for the address of the
 * next page (short requests rather than one long poll: nothing hangs on a lost connection).
 */
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {join, normalize, resolve} from 'node:path';

const TYPES = {'.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8'};

/** The folder of built files under test: dist/, or MILIA_DIST (to test another build). */
export const distDir = resolve(process.env.MILIA_DIST || 'dist');

const SCRIPT_TAGS = {
  module: '<script type="module" src="/dist/milia-widgets.js"></script>',
  classic: '<script src="/dist/milia-widgets.iife.js"></script>',
};

// Reports the page as ready once every widget has rendered (language file included), then
// waits to be sent on. Classic script: it must run in every engine before any module.
const DRIVER = (name) => `<script>
  (async () => {
    const widgets = [...document.querySelectorAll('milia-info, milia-faq')];
    await Promise.all(widgets.map(async (el) => {
      await customElements.whenDefined(el.localName);
      await el.updateComplete;
    }));
    await fetch('/ready?page=${encodeURIComponent(name)}', {method: 'POST'});
    for (;;) {
      const answer = await fetch('/next');
      if (answer.status === 200) return location.assign(await answer.text());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
</script>`;

/**
 * The HTML of a host page: an English page with a heading and one widget in <main>, so a
 * test can tell the widget's accessible objects from the page's.
 *
 * @param {{name: string, title: string, bundle?: 'module' | 'classic', body?: string}} page
 */
export function hostPage({name, title, bundle = 'module', body = ''}) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${bundle ? SCRIPT_TAGS[bundle] : ''}
  </head>
  <body>
    <main>
      <h1>Skin care</h1>
      ${body}
    </main>
    ${DRIVER(name)}
  </body>
</html>
`;
}

/** @typedef {Awaited<ReturnType<typeof startPageServer>>} PageServer */

export async function startPageServer() {
  if (!existsSync(join(distDir, 'milia-widgets.js'))) {
    throw new Error(`${join(distDir, 'milia-widgets.js')} is missing: run \`npm run build\` first (npm test does)`);
  }
  const pages = new Map();
  let nextUrl = null;
  const ready = new Map();
  const readyWaiters = new Map();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (process.env.ATSPI_DEBUG && url.pathname !== '/next') console.error(new Date().toISOString(), req.method, req.url);
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {'Content-Type': type, 'Cache-Control': 'no-store'});
      res.end(body);
    };
    if (url.pathname === '/next') {
      if (!nextUrl) return send(204, '');
      send(200, nextUrl);
      nextUrl = null;
      return;
    }
    if (url.pathname === '/ready' && req.method === 'POST') {
      const name = url.searchParams.get('page');
      ready.set(name, true);
      readyWaiters.get(name)?.();
      return send(204, '');
    }
    if (url.pathname === '/start.html') return send(200, hostPage({name: 'start', title: 'start', bundle: null}), TYPES['.html']);
    const page = /^\/pages\/([\w-]+)\.html$/.exec(url.pathname)?.[1];
    if (page && pages.has(page)) return send(200, hostPage(pages.get(page)), TYPES['.html']);
    if (url.pathname.startsWith('/dist/')) {
      const file = normalize(join(distDir, url.pathname.slice('/dist/'.length)));
      if (file.startsWith(distDir)) {
        try {
          return send(200, await readFile(file), TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
        } catch {
          // fall through to 404
        }
      }
    }
    send(404, 'not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    startUrl: `${origin}/start.html`,
    /**
     * Sends the browser to `page` and resolves when it reports its widgets rendered.
     * `failed()` is polled and, when it returns a message, ends the wait early.
     */
    async navigate(page, timeout, failed = () => false) {
      pages.set(page.name, page);
      ready.delete(page.name);
      nextUrl = `${origin}/pages/${page.name}.html`;
      const end = Date.now() + timeout;
      await new Promise((resolve, reject) => {
        const check = setInterval(() => {
          const message = failed();
          if (message || Date.now() > end) {
            clearInterval(check);
            readyWaiters.delete(page.name);
            reject(new Error(message || `page ${page.name} did not report its widgets rendered within ${timeout} ms`));
          }
        }, 200);
        const done = () => {
          clearInterval(check);
          readyWaiters.delete(page.name);
          resolve();
        };
        if (ready.get(page.name)) done();
        else readyWaiters.set(page.name, done);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
