// `npm start` (tools/serve-demo.mjs) on a machine where the port is taken: one line that
// names the port and how to choose another, never a stack trace; without PORT it moves on
// to the next free port and says so.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {choosePort} from '../../tools/serve-demo.mjs';

/** Listens where the dev server would (every interface) on a free port, until closed. */
async function occupy(port = 0) {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({port}, resolve);
  });
  return {port: server.address().port, close: () => new Promise((resolve) => server.close(resolve))};
}

/** Runs the demo server; resolves with its exit code and output, or once `until` matches stdout. */
function serve(env, until) {
  const child = spawn(process.execPath, ['tools/serve-demo.mjs'], {env: {...process.env, ...env}});
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the demo server neither exited nor started in 20 s\n${stdout}\n${stderr}`));
    }, 20000);
    child.stdout.on('data', () => {
      if (until && until.test(stdout)) {
        clearTimeout(timer);
        resolve({child, stdout, stderr});
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({code, stdout, stderr});
    });
  });
}

test('a busy PORT: one line naming the port and how to choose another, exit code 1', async () => {
  const busy = await occupy();
  try {
    const {code, stdout, stderr} = await serve({PORT: String(busy.port)});
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
    assert.match(lines[0], new RegExp(`Port ${busy.port}\\b.*in use`));
    assert.match(lines[0], /PORT=\d+ npm start/);
    assert.doesNotMatch(stderr, /EADDRINUSE|\n\s+at /, 'no raw error or stack');
  } finally {
    await busy.close();
  }
});

test('a PORT that is not a port number: one line, exit code 1', async () => {
  const {code, stderr} = await serve({PORT: 'eighty'});
  assert.equal(code, 1);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.match(stderr, /PORT=eighty is not a port number.*PORT=8001 npm start/);
});

test('without PORT, a busy default moves on to the next free port', async () => {
  const busy = await occupy();
  try {
    const port = await choosePort(undefined, {start: busy.port});
    assert.ok(port > busy.port, `got ${port}`);
    assert.equal(await choosePort(String(port)), port, 'and that port is free');
  } finally {
    await busy.close();
  }
});

test('a free PORT serves the demo and prints its address', async () => {
  const free = await occupy();
  await free.close();
  const {child, stdout} = await serve({PORT: String(free.port)}, /http:\/\/localhost:\d+\/demo\//);
  try {
    assert.match(stdout, new RegExp(`http://localhost:${free.port}/demo/`));
    const response = await fetch(`http://localhost:${free.port}/demo/index.html`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /Make your snippet/);
  } finally {
    child.kill();
  }
});
