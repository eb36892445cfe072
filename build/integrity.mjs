import {createHash} from 'node:crypto';

/** The Subresource Integrity value of a file's bytes. */
export const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Rollup plugin: after writing, prints each emitted file with its size and SRI hash, for the
 * `<script integrity="...">` snippets in the README.
 */
export function printIntegrity() {
  return {
    name: 'print-integrity',
    writeBundle(options, bundle) {
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'chunk') continue;
        console.log(`  ${name.padEnd(28)} ${String(Buffer.byteLength(file.code)).padStart(7)} B  integrity="${integrityOf(file.code)}"`);
      }
    },
  };
}
