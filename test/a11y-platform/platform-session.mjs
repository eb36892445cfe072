/**
 * Runs a real browser with its accessibility bridge on and reads what a screen reader reads:
 * the platform accessibility tree, through Linux's AT-SPI (the API Orca uses).
 *
 * One private X display (Xvfb) for the whole run; per engine one private D-Bus session
 * (dbus-run-session) holding its own AT-SPI bus, the reader (atspi-tree.py, pyatspi) and
 * the browser. Pages come from a small local HTTP server (see page-server.mjs) that also
 * tells the open page where to go next, so no browser automation protocol is involved:
 * the browser is driven the way a reader drives it, and read the way Orca reads it.
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import readline from 'node:readline';
import {BROWSERS, CHROMIUM_ARGS} from '../runner/browsers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const READER = join(HERE, 'atspi-tree.py');
// Debian's own Python: pyatspi is a Debian package, invisible to pyenv or venv Pythons.
const PYTHON = '/usr/bin/python3';
const MINIBROWSER = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
].find((path) => existsSync(path));

/** What each engine needs, from Debian: [path that must exist, package that brings it]. */
const STACK = [
  ['/usr/bin/Xvfb', 'xvfb'],
  ['/usr/bin/dbus-run-session', 'dbus'],
  ['/usr/bin/dbus-daemon', 'dbus'],
  ['/usr/libexec/at-spi-bus-launcher', 'at-spi2-core'],
  [PYTHON, 'python3'],
];
const ENGINE_NEEDS = {
  chromium: [[BROWSERS.chromium.path, 'chromium']],
  firefox: [[BROWSERS.firefox.path, 'firefox-esr']],
  webkit: [
    [MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', 'webkit2gtk-driver (brings libwebkit2gtk-4.1-0)'],
  ],
};

/** The Debian packages missing for `engine`, as an error message; null when all are there. */
export function missingPackages(engine) {
  const missing = new Set();
  for (const [path, pkg] of [...STACK, ...ENGINE_NEEDS[engine]]) if (!existsSync(path)) missing.add(pkg);
  if (existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pyatspi'], {stdio: 'ignore'}).status !== 0) {
    missing.add('python3-pyatspi');
  }
  if (!missing.size) return null;
  return `missing for the AT-SPI tests in ${engine}: apt-get install ${[...missing].join(' ')}`;
}

/** Starts a private X server; Xvfb picks a free display number itself (others run Xvfb too). */
export function startXvfb() {
  // -noreset: without it the server resets when a short-lived client disconnects, and the
  // browser then fails with "cannot open display".
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    proc.once('error', (error) => reject(new Error(`Xvfb did not start (apt-get install xvfb): ${error.message}`)));
    proc.once('exit', (code) => reject(new Error(`Xvfb exited early (${code})`)));
    proc.stdio[3].on('data', (data) => {
      buf += data;
      if (buf.includes('\n')) {
        proc.stdio[3].destroy();
        resolve({display: `:${buf.trim()}`, stop: () => proc.exitCode === null && proc.kill('SIGTERM')});
      }
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ends a process group we started (detached), politely first. */
async function killGroup(child, grace = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const end = Date.now() + grace;
  while (child.exitCode === null && child.signalCode === null && Date.now() < end) await sleep(50);
  signal('SIGKILL');
}

/** The command line that opens `url` in `engine` with its accessibility bridge on. */
function browserCommand(engine, url, scratch) {
  switch (engine) {
    case 'chromium':
      return [
        BROWSERS.chromium.path,
        [
          ...CHROMIUM_ARGS,
          // No --headless: headless Chromium has no platform accessibility at all.
          '--force-renderer-accessibility',
          '--ozone-platform=x11',
          `--user-data-dir=${join(scratch, 'chromium-profile')}`,
          '--no-default-browser-check',
          '--hide-crash-restore-bubble',
          '--window-size=1280,1024',
          url,
        ],
      ];
    case 'firefox': {
      const profile = join(scratch, 'firefox-profile');
      mkdirSync(profile, {recursive: true});
      writeFileSync(join(profile, 'user.js'), FIREFOX_PREFS);
      return [BROWSERS.firefox.path, ['--no-remote', '--new-instance', '--profile', profile, url]];
    }
    case 'webkit':
      return [MINIBROWSER, [url]];
    default:
      throw new Error(`no AT-SPI launcher for ${engine}`);
  }
}

// A quiet first start on a closed network: no welcome page, no update or telemetry calls.
const FIREFOX_PREFS = `
user_pref("accessibility.force_disabled", 0);
user_pref("app.update.disabledForTesting", true);
user_pref("browser.aboutwelcome.enabled", false);
user_pref("browser.sessionstore.resume_from_crash", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.tabs.warnOnClose", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("extensions.update.enabled", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
`;

/**
 * One engine in its own D-Bus session, with the AT-SPI reader beside it.
 *
 * @param {string} engine  chromium | firefox | webkit
 * @param {{display: string, server: import('./page-server.mjs').PageServer}} options
 */
export async function startEngine(engine, {display, server}) {
  const missing = missingPackages(engine);
  if (missing) throw new Error(missing);
  const scratch = mkdtempSync(join(tmpdir(), `milia-atspi-${engine}-`));
  const runtime = join(scratch, 'runtime');
  mkdirSync(runtime, {mode: 0o700});
  // Private everything: the AT-SPI bus socket, settings (the bus launcher writes
  // "accessibility on" to GSettings: keep that in memory, not in the user's dconf), caches.
  const env = {
    ...process.env,
    DISPLAY: display,
    XDG_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: join(scratch, 'config'),
    XDG_CACHE_HOME: join(scratch, 'cache'),
    XDG_DATA_HOME: join(scratch, 'data'),
    GSETTINGS_BACKEND: 'memory',
    NO_AT_BRIDGE: '',
  };
  delete env.AT_SPI_BUS_ADDRESS;
  delete env.DBUS_SESSION_BUS_ADDRESS;

  const log = [];
  const reader = spawn('dbus-run-session', ['--', PYTHON, READER], {env, stdio: ['pipe', 'pipe', 'pipe'], detached: true});
  reader.stderr.on('data', (data) => log.push(String(data)));
  const answers = [];
  const waiting = [];
  readline.createInterface({input: reader.stdout}).on('line', (line) => {
    if (!line.startsWith('@atspi ')) return void log.push(`${line}\n`);
    const answer = JSON.parse(line.slice(7));
    const next = waiting.shift();
    if (next) next(answer);
    else answers.push(answer);
  });
  const exited = new Promise((resolve) => reader.once('exit', resolve));
  const nextAnswer = (timeout = 30000) =>
    answers.length
      ? Promise.resolve(answers.shift())
      : new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`the AT-SPI reader did not answer in ${timeout} ms\n${tail(log)}`)),
            timeout
          );
          const take = (answer) => {
            clearTimeout(timer);
            resolve(answer);
          };
          waiting.push(take);
          exited.then(() => {
            const index = waiting.indexOf(take);
            if (index >= 0) {
              waiting.splice(index, 1);
              clearTimeout(timer);
              reject(new Error(`the AT-SPI reader exited\n${tail(log)}`));
            }
          });
        });
  // One question at a time: answers come back in order.
  let queue = Promise.resolve();
  const ask = (request, timeout) => {
    const result = queue.then(() => {
      reader.stdin.write(`${JSON.stringify(request)}\n`);
      return nextAnswer(timeout);
    });
    queue = result.catch(() => {});
    return result;
  };

  let browser;
  const stop = async () => {
    await killGroup(browser);
    if (reader.exitCode === null) reader.stdin.end(`${JSON.stringify({cmd: 'quit'})}\n`);
    await Promise.race([exited, sleep(2000)]);
    // The AT-SPI bus daemon outlives a killed launcher: end the session's whole group.
    await killGroup(reader, 1000);
    rmSync(scratch, {recursive: true, force: true});
  };
  process.once('exit', () => {
    for (const child of [browser, reader]) {
      try {
        if (child && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });

  try {
    const ready = await nextAnswer(20000);
    if (ready.error) throw new Error(ready.error);
    const started = Date.now();
    const [command, args] = browserCommand(engine, server.startUrl, scratch);
    browser = spawn(command, args, {
      env: {
        ...env,
        DBUS_SESSION_BUS_ADDRESS: ready.session,
        AT_SPI_BUS_ADDRESS: ready.bus,
        // Chromium's browser process joins the AT-SPI bus only when asked: by this, or by
        // org.a11y.Status.IsEnabled, which atspi-tree.py sets as a screen reader would.
        // Without either, --force-renderer-accessibility alone exposes nothing.
        ACCESSIBILITY_ENABLED: '1',
        // Gecko's and GTK's equivalent.
        GNOME_ACCESSIBILITY: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    browser.stderr.on('data', (data) => log.push(String(data)));
    browser.once('error', (error) => log.push(`${command}: ${error.message}\n`));
    return {
      engine,
      started,
      log,
      /** Opens a page and answers its tree once it is exposed and stable. */
      async open(page, {timeout = 45000} = {}) {
        await server.navigate(page, timeout, () => browser.exitCode !== null && `${engine} exited\n${tail(log)}`);
        return this.read(page.title, {timeout});
      },
      /**
       * The document's tree, read until two reads in a row agree (the platform tree
       * follows the DOM a little later) and `ready(tree)` holds.
       */
      async read(title, {timeout = 15000, ready = () => true} = {}) {
        const end = Date.now() + timeout;
        let last;
        let previous = '';
        for (;;) {
          const answer = await ask({cmd: 'dump', title});
          if (answer.error) throw new Error(`AT-SPI: ${answer.error}`);
          if (process.env.ATSPI_DEBUG)
            console.error(
              new Date().toISOString(),
              engine,
              'dump',
              answer.found ? `found in ${answer.findMs} ms, read in ${answer.ms} ms` : 'not found'
            );
          if (answer.found) {
            const shape = JSON.stringify(answer.tree, (key, value) => (key === 'id' ? undefined : value));
            if (shape === previous && ready(answer.tree)) return answer;
            previous = shape;
            last = answer;
          }
          if (Date.now() > end) {
            if (last) return last;
            throw new Error(
              `no document named "${title}" in the AT-SPI tree of ${engine} after ${timeout} ms (apps: ${(answer.apps ?? []).join(', ') || 'none'})\n${tail(log)}`
            );
          }
          await sleep(150);
        }
      },
      /** Runs an AT-SPI action (e.g. "press") on a node of the last read. */
      async act(node, action) {
        const answer = await ask({cmd: 'do', id: node.id, action});
        if (answer.error) throw new Error(`AT-SPI: ${answer.error}`);
        if (!answer.done)
          throw new Error(
            `${engine}: action "${action}" on ${node.role} "${node.name}" failed (actions: ${answer.actions ?? '?'})`
          );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const tail = (log) => {
  const text = log
    .join('')
    .split('\n')
    .filter((line) => !/fd limit|system_bus_socket|UPower/.test(line))
    .join('\n');
  return text.length > 2000 ? `…${text.slice(-2000)}` : text;
};
