// A static file server for the benchmark: the repo root as a static host or CDN would serve
// it. Text files go out gzip-compressed (level 9, the level the size budgets use) when the
// browser accepts gzip, so "bytes on the wire" and the throttled timings see the bytes a
// reader would download, not the raw files. Responses are cacheable, as from a CDN: every
// load starts in a new browser context, whose caches are empty, so each is a first visit;
// within a page the browser then fetches a file once however many elements link it (with
// the HTTP cache switched off, N prerendered snippets fetched their stylesheet N times).
// The dev server (@web/dev-server) sends files uncompressed, which on a throttled
// 1.6 Mbit/s link would cost the script about 2.7 times its real transfer time.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {gzipSync} from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

/**
 * Serves `root` on localhost (a free port unless `port` is given); returns its origin and a
 * stop function. `/dir/` serves `/dir/index.html`. Compressed bodies are cached by path and
 * modification time, so compression costs nothing during the measured loads.
 */
export async function startStaticServer({root = '.', port = 0} = {}) {
  const base = resolve(root);
  const cache = new Map();
  const server = createServer(async (request, response) => {
    try {
      let path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) return end(response, 403);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return end(response, 404);
      const ext = extname(file);
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      const key = `${file}\0${info.mtimeMs}\0${gzip}`;
      let body = cache.get(key);
      if (!body) {
        const raw = await readFile(file);
        body = gzip ? gzipSync(raw, {level: 9}) : raw;
        cache.set(key, body);
      }
      response.writeHead(200, {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'public, max-age=600',
        ...(gzip ? {'Content-Encoding': 'gzip', Vary: 'Accept-Encoding'} : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      end(response, 500, String(error));
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolveListen);
  });
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    stop: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function end(response, status, text = '') {
  response.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'});
  response.end(text);
}
