import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync, existsSync} from 'node:fs';

/** The Subresource Integrity value of a file's bytes. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const MANIFEST = 'dist/integrity.json';

/**
 * Rollup plugin: after writing, prints each emitted file with its size and SRI hash, for the
 * `<script integrity="...">` snippets in the README, and records them in dist/integrity.json
 * (read by the demo's snippet generator).
 */
export function printIntegrity() {
  return {
    name: 'print-integrity',
    writeBundle(options, bundle) {
      const known = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : {};
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'chunk') continue;
        known[name] = integrityOf(file.code);
        console.log(`  ${name.padEnd(28)} ${String(Buffer.byteLength(file.code)).padStart(7)} B  integrity="${known[name]}"`);
      }
      writeFileSync(MANIFEST, `${JSON.stringify(known, null, 2)}\n`);
    },
  };
}
