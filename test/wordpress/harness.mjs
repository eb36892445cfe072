// A private WordPress for the plugin tests and the editor screenshots: starts Debian's
// WordPress (MariaDB, PHP-FPM, nginx) with setup.sh in its own state folder on a free port,
// runs wp-site.php chores in it, and purges it at the end.
import {execFile, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '../..');
const SETUP = join(HERE, 'setup.sh');
const run = promisify(execFile);

/**
 * Why this machine cannot run a real WordPress, or null when it can: setup.sh needs root (it
 * starts the daemons as www-data and mysql) and, where the packages are missing, apt-get.
 */
export function cannotRun() {
  if (process.platform !== 'linux') return `WordPress tests need Debian Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0)
    return 'WordPress tests need root (setup.sh installs Debian packages with apt and starts the daemons as www-data and mysql); run as root, or MILIA_WORDPRESS=0 to skip them on purpose';
  const installed = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'wordpress']).stdout?.toString().includes('ok installed');
  if (!installed && spawnSync('which', ['apt-get']).status !== 0)
    return 'WordPress tests need Debian\'s "wordpress" package, and apt-get is not available to install it';
  return null;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a WordPress. Returns {dir, base, state, wp(command, ...args), file(name, text),
 * stop()}; `state` is setup.sh's state.json (admin and author credentials).
 */
export async function startWordPress({log = () => {}} = {}) {
  const dir = process.env.MILIA_CMS_DIR || mkdtempSync(join(tmpdir(), 'milia-wp-'));
  const port = process.env.CMS_PORT || String(await freePort());
  const env = {...process.env, MILIA_CMS_DIR: dir, CMS_PORT: port};
  const started = Date.now();
  const setup = await run('bash', [SETUP], {env, maxBuffer: 1 << 24}).catch((error) => {
    throw new Error(`setup.sh failed (state in ${dir}):\n${error.stdout}\n${error.stderr}`);
  });
  log(
    `WordPress up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${setup.stdout.trim().split('\n').at(-1)} (state ${dir})`
  );
  const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));

  /** Every PHP message the wp-site.php runs wrote on stderr (the error log of the CLI). */
  const cliMessages = [];
  const site = {
    dir,
    base: state.base,
    state,
    cliMessages,
    /** Runs `wp-site.php <command> <base> ...args` as the web user; resolves to its JSON. */
    async wp(command, ...args) {
      const {stdout, stderr} = await run('bash', [SETUP, 'wp', command, ...args], {env, maxBuffer: 1 << 24}).catch((error) => {
        throw new Error(`wp-site.php ${command} failed:\n${error.stderr || error.message}`);
      });
      cliMessages.push(...stderr.split('\n').filter((line) => /PHP|milia-test|doing_it_wrong|deprecated/i.test(line)));
      return JSON.parse(stdout);
    },
    /** Writes a file into the state folder, readable by the web user; returns its path. */
    file(name, data) {
      const path = join(dir, name);
      writeFileSync(path, data);
      chmodSync(path, 0o644);
      return path;
    },
    /** Copies a file into the state folder (the web user cannot read the repository). */
    copy(source, name) {
      const path = join(dir, name);
      copyFileSync(source, path);
      chmodSync(path, 0o644);
      return path;
    },
    /** The PHP error log of the web server (PHP-FPM), as lines. */
    phpErrors() {
      const path = join(dir, 'log/php-error.log');
      return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
    },
    /** Stops the daemons; deletes the state unless MILIA_WORDPRESS_KEEP=1 (or MILIA_CMS_DIR was given). */
    async stop() {
      const keep = process.env.MILIA_WORDPRESS_KEEP === '1' || process.env.MILIA_CMS_DIR;
      await run('bash', [SETUP, keep ? 'stop' : 'purge'], {env});
      log(keep ? `WordPress stopped; state kept in ${dir}` : 'WordPress stopped and purged');
    },
  };
  return site;
}

/** Logs in through wp-login.php in a puppeteer page. */
export async function logIn(page, base, user, password) {
  await page.goto(`${base}/wp-login.php`, {waitUntil: 'domcontentloaded'});
  await page.type('#user_login', user);
  await page.type('#user_pass', password);
  await Promise.all([page.waitForNavigation({waitUntil: 'domcontentloaded'}), page.click('#wp-submit')]);
  if (!page.url().includes('/wp-admin')) throw new Error(`log in as ${user} failed (at ${page.url()})`);
}

/** Opens a post in the block editor, without the welcome guide; returns the block names. */
export async function openEditor(page, base, postId) {
  await page.goto(`${base}/wp-admin/post.php?post=${postId}&action=edit`, {waitUntil: 'load'});
  await page.waitForFunction(() => window.wp?.data?.select('core/block-editor')?.getBlocks().length > 0, {timeout: 30000});
  await page.evaluate(() => {
    const editPost = window.wp.data.select('core/edit-post');
    if (editPost.isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
  const blocks = await page.evaluate(() =>
    ['milia-widgets/faq', 'milia-widgets/info'].filter((name) => window.wp.blocks.getBlockType(name))
  );
  return {blocks};
}

/** Selects the nth of our blocks in the editor and opens the block settings sidebar. */
export async function selectBlock(page, index) {
  await page.evaluate((n) => {
    const ours = window.wp.data
      .select('core/block-editor')
      .getBlocks()
      .filter((b) => b.name.startsWith('milia-widgets/'));
    window.wp.data.dispatch('core/block-editor').selectBlock(ours[n].clientId);
    window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
  }, index);
  await page.waitForSelector('.block-editor-block-inspector input[type="checkbox"]', {timeout: 15000});
}
