// Where the package stage keeps its work between runs, and what test/package/prepare.mjs
// leaves there for the tests (test/package/*.test.*, the framework bundles in the browser).
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Installed apps (kept between runs), the tarball, the bundled pages and state.json: one folder
 * per work tree, OUTSIDE it. Inside the project (say node_modules/.cache) Node, TypeScript and
 * the bundlers would fall back to the project's own node_modules for anything the app lacks
 * (lit, schema-dts...) and hide exactly the missing dependencies this stage is here to catch.
 * `MILIA_PACKAGE_CACHE` moves it.
 */
export const CACHE =
  process.env.MILIA_PACKAGE_CACHE ||
  join(homedir(), '.cache', 'milia-widgets-package-test', createHash('sha256').update(ROOT).digest('hex').slice(0, 10));
export const STATE_FILE = join(CACHE, 'state.json');

/**
 * @typedef {object} PackageState
 * @property {string} tarball path of the packed tarball
 * @property {{filename: string, size: number, unpackedSize: number, integrity: string, files: {path: string, size: number}[]}} pack what `npm pack --json` said
 * @property {'work tree' | 'clean clone'} packedFrom where `npm pack` ran
 * @property {Record<string, {dir: string, install: string}>} apps each app's folder and what `npm install <tarball>` printed
 * @property {object[]} variants the bundled pages (see app/build.mjs)
 */

/** @returns {PackageState} */
export function readState() {
  if (!existsSync(STATE_FILE)) {
    throw new Error(
      'The package stage has not run: `node test/package/prepare.mjs` packs and installs the package (`npm test` runs it).'
    );
  }
  return JSON.parse(readFileSync(STATE_FILE, 'utf8'));
}
