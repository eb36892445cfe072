// `npm start`: serves the repo (built bundles in dist/, the demo in demo/) on localhost.
//
// The port is 8000, or the first free one after it (a second checkout, another dev server);
// `PORT=8001 npm start` asks for one port exactly, and a busy or invalid PORT ends with one
// line that says what to do, not a stack trace.
import {createServer} from 'node:net';
import {pathToFileURL} from 'node:url';

export const DEFAULT_PORT = 8000;
/** How many ports after DEFAULT_PORT are tried when PORT is not set. */
const FALL_FORWARD = 20;

/**
 * Whether a port can be listened on the way the dev server listens ("localhost" means every
 * interface to it: no host given), so that the answer holds for the server itself.
 */
export function isFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => (['EADDRINUSE', 'EACCES'].includes(error.code) ? resolve(false) : reject(error)));
    probe.listen({port}, () => probe.close(() => resolve(true)));
  });
}

/**
 * The port to serve on: exactly `requested` (the PORT variable) if given, else the first free
 * one from `start`. Throws an Error whose message is the one line to show.
 */
export async function choosePort(requested, {start = DEFAULT_PORT, tries = FALL_FORWARD} = {}) {
  if (requested !== undefined && requested !== '') {
    const port = Number(requested);
    if (!/^\d+$/.test(requested.trim()) || port < 1 || port > 65535) {
      throw new Error(`PORT=${requested} is not a port number. Choose one from 1024 to 65535, e.g. PORT=8001 npm start`);
    }
    if (!(await isFree(port))) {
      const other = port < 65535 ? port + 1 : port - 1;
      throw new Error(
        `Port ${port} (from PORT) is already in use. Stop what uses it, or choose another: PORT=${other} npm start`
      );
    }
    return port;
  }
  for (let port = start; port < start + tries; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`Ports ${start} to ${start + tries - 1} are all in use. Choose a free one: PORT=9000 npm start`);
}

async function main() {
  let port;
  try {
    port = await choosePort(process.env.PORT);
  } catch (error) {
    console.error(`milia-widgets demo: ${error.message}`);
    process.exit(1);
  }
  if (process.env.PORT === undefined && port !== DEFAULT_PORT) {
    console.log(
      `milia-widgets demo: port ${DEFAULT_PORT} is in use, so the demo uses ${port} (pick one with PORT=8001 npm start).`
    );
  }
  // Imported only now, so that the port helpers above load without the dev server.
  const {startDevServer} = await import('@web/dev-server');
  await startDevServer({
    config: {rootDir: '.', port, hostname: 'localhost', watch: false, open: false},
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  console.log(`\nmilia-widgets demo: http://localhost:${port}/demo/\n(Ctrl+C stops the server)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
