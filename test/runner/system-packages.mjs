// The Debian packages the tests need, in one list, used by `npm test` (test/runner/run-all.mjs)
// and by CI (.ci/run calls `node test/runner/system-packages.mjs install` before `npm ci`, so
// it needs nothing from node_modules). The WordPress stage installs its own server packages
// (test/wordpress/setup.sh), since they need care: no services started, no Apache.
//
//   node test/runner/system-packages.mjs missing    prints the missing packages (one line)
//   node test/runner/system-packages.mjs install    installs them with apt-get (root only)
import {spawnSync} from 'node:child_process';
import {pathToFileURL} from 'node:url';

/** Packages per need. Browsers come from Debian: no test tool may download its own. */
export const PACKAGES = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  // MiniBrowser ships in libwebkit2gtk-4.1-0, a dependency of the driver; it needs a display.
  webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  // Stable screenshots (visual baselines) and the same metrics in every engine.
  fonts: ['fonts-dejavu-core'],
  // The screen-reader tree tests (test/a11y-platform/): AT-SPI, its Python bindings, a
  // private D-Bus, and a display for the non-headless browsers.
  atspi: ['python3-pyatspi', 'at-spi2-core', 'dbus', 'xvfb', 'xauth'],
};

/** The packages for the chosen browsers (and the stages that always run with them). */
export function packagesFor(browsers, {atspi = true} = {}) {
  const needs = [...browsers, 'fonts', ...(atspi ? ['atspi'] : [])];
  return [...new Set(needs.flatMap((need) => PACKAGES[need] ?? []))];
}

export const isPackageInstalled = (name) =>
  /install ok installed/.test(spawnSync('dpkg-query', ['-W', '-f=${Status}', name], {encoding: 'utf8'}).stdout ?? '');

/**
 * Installs what is missing with apt-get when we are root on Debian. Returns the packages
 * still missing afterwards (none on success); the caller says what to do about them.
 */
export function installMissing(packages, log = console.log) {
  const missing = packages.filter((name) => !isPackageInstalled(name));
  if (!missing.length) return [];
  const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (canInstall) {
    log(`Installing ${missing.join(' ')} with apt-get...`);
    const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
    const update = spawnSync('apt-get', ['update', '-q'], {stdio: 'inherit', env});
    if (update.status === 0) {
      spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {stdio: 'inherit', env});
    }
  }
  return missing.filter((name) => !isPackageInstalled(name));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const all = packagesFor(['chromium', 'firefox', 'webkit']);
  const command = process.argv[2];
  if (command === 'missing') {
    console.log(all.filter((name) => !isPackageInstalled(name)).join(' '));
  } else if (command === 'install') {
    const still = installMissing(all);
    if (still.length) {
      console.error(`Missing Debian packages: ${still.join(' ')}. Install them as root: apt-get install ${still.join(' ')}`);
      process.exit(1);
    }
  } else {
    console.error('usage: node test/runner/system-packages.mjs missing|install');
    process.exit(2);
  }
}
