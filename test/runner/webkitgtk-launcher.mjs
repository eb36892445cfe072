// From ../shared/recipes (tried on this machine kind); kept as is apart from this line and lint fixes.
// WebKitGTK (MiniBrowser) launcher for @web/test-runner, via WebKitWebDriver + webdriverio.
// Spawns Xvfb (only if $DISPLAY is unset) and WebKitWebDriver on a free port, and stops them at the end.
// Debian: apt-get install webkit2gtk-driver xvfb   (MiniBrowser ships in libwebkit2gtk-4.1-0)
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {existsSync} from 'node:fs';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {PNG} from 'pngjs';

const findMiniBrowser = () =>
  [
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  ].find((p) => existsSync(p));

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const {port} = srv.address();
        srv.close(() => resolve(port));
      });
  });

async function waitForDriver(port, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet: try again
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not come up on port ${port}`);
}

function startXvfb() {
  // -displayfd makes Xvfb choose a free display number and write it to fd 3
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited early (${code})`)));
    xvfb.stdio[3].on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve({proc: xvfb, display: `:${buf.trim()}`});
    });
  });
}

export class WebKitGtkLauncher extends WebdriverLauncher {
  constructor({binary = findMiniBrowser(), args = ['--automation'], driver = 'WebKitWebDriver', xvfb} = {}) {
    super({
      hostname: '127.0.0.1',
      port: 0, // set in initialize()
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // webdriverio 9 asks for WebDriver BiDi (webSocketUrl) by default; WebKitWebDriver 2.50
        // then answers "Failed to match capabilities". Force classic WebDriver:
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {binary, args},
      },
    });
    this.driverBin = driver;
    this.useXvfb = xvfb ?? !process.env.DISPLAY;
    this.children = [];
  }

  async initialize(config, testFiles) {
    const env = {...process.env};
    if (this.useXvfb) {
      const {proc, display} = await startXvfb();
      this.children.push(proc);
      env.DISPLAY = display;
    }
    const port = await freePort();
    const drv = spawn(this.driverBin, [`--port=${port}`], {env, stdio: 'ignore'});
    this.children.push(drv);
    process.once('exit', () => this.killChildren());
    await waitForDriver(port);
    this.options.port = port;
    // One top-level page per test file (SessionManager) instead of iframes: more realistic focus/keyboard.
    await super.initialize({...config, concurrency: 1}, testFiles);
    this.name = 'WebKit'; // also the folder name for visual-regression baselines
  }

  // WebKitWebDriver 2.50 under Xvfb returns an all-black image for *element* screenshots
  // (takeElementScreenshot), while the viewport screenshot is fine. So: viewport shot + crop.
  async takeScreenshot(_sessionId, locator) {
    const rect = await this.driver.execute(
      `const el = (function () { ${locator} })();
       const r = el.getBoundingClientRect();
       return { x: r.left, y: r.top, w: r.width, h: r.height, dpr: window.devicePixelRatio || 1 };`,
      []
    );
    const full = PNG.sync.read(Buffer.from(await this.driver.takeScreenshot(), 'base64'));
    const x = Math.max(0, Math.round(rect.x * rect.dpr));
    const y = Math.max(0, Math.round(rect.y * rect.dpr));
    const w = Math.min(full.width - x, Math.round(rect.w * rect.dpr));
    const h = Math.min(full.height - y, Math.round(rect.h * rect.dpr));
    const out = new PNG({width: w, height: h});
    PNG.bitblt(full, out, x, y, w, h, 0, 0);
    return PNG.sync.write(out);
  }

  killChildren() {
    for (const c of this.children.reverse()) if (c.exitCode === null) c.kill('SIGTERM');
    this.children = [];
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.killChildren();
    }
  }
}

export const webkitGtkLauncher = (opts) => new WebKitGtkLauncher(opts);
