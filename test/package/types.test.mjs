// The installed package's types, as an app's TypeScript sees them (`strict`, `skipLibCheck:
// false`): app/types/consumer*.ts(x) must check clean, and each line of app/types/wrong-*.ts(x)
// marked `// TSnnnn` must fail with exactly that error (no more, no fewer), so the types are
// not merely present but say no to wrong calls. Module resolution `bundler` (Vite, esbuild,
// webpack apps) and `node16` (exports read as Node does), React JSX through
// `milia-widgets/react-jsx`, and the oldest Lit our range admits (lit-floor app).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {readState} from './state.mjs';

const state = readState();

/** tsc in the app; resolves with its exit code and its diagnostics by file. */
function typeCheck(app, tsconfig) {
  const cwd = state.apps[app].dir;
  // TypeScript's own lib files (lib.dom.d.ts...) are not ours to check: a third of the time saved.
  const args = ['node_modules/typescript/bin/tsc', '-p', tsconfig, '--pretty', 'false', '--skipDefaultLibCheck'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd});
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const errors = [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, file, line, code, message]) => ({
        file,
        line: Number(line),
        code,
        message,
      }));
      resolve({code, output, errors});
    });
  });
}

/** The `// TSnnnn` (or `{/* TSnnnn *\/}`) marks of a wrong-calls file: `line code` strings. */
const marks = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, index) => [...text.matchAll(/(?:\/\/|\/\*)\s*(TS\d+)\b/g)].map((m) => `${index + 1} ${m[1]}`));

const CHECKS = [
  ['main', 'tsconfig.bundler.json', 'moduleResolution bundler, React JSX'],
  ['main', 'tsconfig.node16.json', 'moduleResolution node16, React JSX'],
  ['lit-floor', 'tsconfig.lit-floor.json', 'Lit 3.0.0 types'],
];

// All at once: each tsc spends a while reading before it checks.
const results = CHECKS.map(([app, tsconfig]) => typeCheck(app, tsconfig));
results.forEach((result) => result.catch(() => {})); // reported by the test that awaits it

for (const [index, [app, tsconfig, what]] of CHECKS.entries()) {
  test(`${app} app, ${what}: the consumer code checks clean and every wrong call is its type error`, async () => {
    const {code, output, errors} = await results[index];
    const config = JSON.parse(readFileSync(join(state.apps[app].dir, tsconfig), 'utf8'));
    const files = config.files ?? readdirSync(join(state.apps[app].dir, 'types')).map((name) => `types/${name}`);
    assert.ok(files.some((file) => /wrong/.test(file)));

    // Both directions at once, so one report shows every difference.
    const problems = errors
      .filter((e) => !/(^|\/)wrong-/.test(e.file))
      .map((e) => `unexpected in a consumer file: ${e.file}(${e.line}): ${e.code} ${e.message}`);
    for (const file of files.filter((name) => /wrong-/.test(name))) {
      const expected = marks(join(state.apps[app].dir, file));
      const actual = errors.filter((e) => e.file === file).map((e) => `${e.line} ${e.code}`);
      assert.ok(expected.length > 3, `${file} has marked wrong calls`);
      for (const mark of expected) if (!actual.includes(mark)) problems.push(`no error where ${file} expects one: line ${mark}`);
      for (const e of errors.filter((e) => e.file === file && !expected.includes(`${e.line} ${e.code}`))) {
        problems.push(`unmarked error: ${e.file}(${e.line}): ${e.code} ${e.message}`);
      }
    }
    assert.deepEqual(problems, [], 'consumer files check clean; each marked wrong call is exactly its error');
    assert.notEqual(code, 0, `tsc fails on the wrong calls:\n${output}`);
  });
}
