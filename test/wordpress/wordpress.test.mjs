// The WordPress plugin, tested in a real WordPress: Debian's wordpress 6.1 package with
// MariaDB, PHP-FPM and nginx, started here in a private state folder (setup.sh) and purged at
// the end. The built zip (dist/wordpress/milia-widgets.zip, from `npm run build`) is installed
// with Plugin_Upgrader and activated; an Author (no unfiltered_html) saves posts with each
// block and shortcode, and Chromium and Firefox ESR load them.
//
//   node --test test/wordpress/wordpress.test.mjs     (as root; `npm test` runs it)
//
// MILIA_WORDPRESS=0 skips this stage of `npm test` on purpose; a machine that cannot run it
// (not root, no apt) fails it with the reason. MILIA_WORDPRESS_KEEP=1 keeps the site's state
// folder for a look afterwards. BROWSERS=chromium (or firefox) picks the browsers.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import puppeteer from 'puppeteer-core';
import {BROWSERS, CHROMIUM_ARGS, selectedBrowsers} from '../runner/browsers.mjs';
import {ROOT, cannotRun, logIn, openEditor, selectBlock, startWordPress} from './harness.mjs';
import {assemble} from '../../bin/assemble.mjs';

const HERE = join(ROOT, 'test/wordpress');
const ZIP = join(ROOT, 'dist/wordpress/milia-widgets.zip');
const KIT = join(ROOT, 'dist/prerender-kit.json');
const CLI = join(ROOT, 'bin/milia-widgets.mjs');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const browsers = selectedBrowsers().filter((name) => name === 'chromium' || name === 'firefox');
const started = Date.now();
const log = (message) => console.log(`# wordpress: ${message}`);

/** Runs the PHP CLI: the plugin's assembler and attribute mapping without WordPress. */
function renderKit(pluginDir, kitFile, cases) {
  const out = execFileSync('php', [join(HERE, 'render-kit.php'), pluginDir, kitFile], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Every file under `dir`, relative, with forward slashes. */
function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path).split('\\').join('/')];
  });
}

function phpFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : phpFiles(path);
    return name.endsWith('.php') ? [path] : [];
  });
}

/** Text of an HTML fragment as a reader sees it: tags out, entities decoded, spaces collapsed. */
function textOf(html) {
  const entities = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name) =>
      name[0] === '#'
        ? String.fromCodePoint(Number(name[1].toLowerCase() === 'x' ? `0${name.slice(1)}` : name.slice(1)))
        : (entities[name] ?? entity)
    )
    .replace(/\s+/g, ' ')
    .trim();
}

function suite() {
  // ---------------------------------------------------------------- in WordPress
  describe('in WordPress 6.1', () => {
    const reason = cannotRun();
    // Tests after the first are skipped when WordPress cannot run; the first fails then. (A
    // `skip` of null would mark a test skipped and hide its failure: false, not null.)
    const skip = reason ? 'WordPress cannot run here (see the first test)' : false;
    /** @type {Awaited<ReturnType<typeof startWordPress>>} */
    let site;
    let installed;
    let posts;
    let kit;

    before(async () => {
      if (reason) return;
      assert.ok(existsSync(ZIP), `${relative(ROOT, ZIP)} is missing: run npm run build`);
      site = await startWordPress({log});
      installed = await site.wp('install-plugin', site.copy(ZIP, 'milia-widgets.zip'));
      kit = JSON.parse(readFileSync(join(installed.dir, 'assets/prerender-kit.json'), 'utf8'));
      posts = await site.wp('posts', site.file('posts.json', JSON.stringify(POSTS.map(({expect: _expect, ...post}) => post))));
    });
    // One browser (the first selected) for the checks after the per-browser ones.
    let shared, editorBrowser;
    const sharedBrowser = async () => (shared ??= await launch(browsers[0]));
    after(async () => {
      await shared?.close();
      await editorBrowser?.close();
      await site?.stop();
      log(`stage took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    test('this machine can run WordPress (root, apt or the packages)', () => {
      assert.equal(reason, null, reason ?? '');
    });

    test('the zip installs through Plugin_Upgrader and activates on WordPress 6.1', {skip}, () => {
      assert.equal(site.state.wp_version.slice(0, 4), '6.1.');
      assert.equal(installed.plugin, 'milia-widgets/milia-widgets.php');
      assert.equal(installed.active, true);
      assert.equal(installed.version, VERSION);
      assert.deepEqual([installed.requires_wp, installed.requires_php], ['6.1', '7.4']);
      // The plugin carries its own scripts (no CDN), the ES module's language file beside it,
      // the kit, and the version from package.json wherever the source says @VERSION@.
      const files = walk(installed.dir);
      for (const file of [
        'milia-widgets.php',
        'readme.txt',
        'blocks/info/block.json',
        'blocks/faq/block.json',
        'editor/blocks.js',
        'assets/milia-widgets.js',
        'assets/milia-widgets.iife.js',
        'assets/prerender-kit.json',
        `assets/${kit.stylesheet}`,
      ]) {
        assert.ok(files.includes(file), `the plugin lacks ${file}`);
      }
      assert.ok(
        files.some((file) => /^assets\/milia-widgets\.[\w-]*es\.js$/.test(file)),
        `the Spanish language file ships: ${files}`
      );
      const main = readFileSync(join(installed.dir, 'milia-widgets.php'), 'utf8');
      assert.match(main, /^ \* License: +GPL-2\.0-or-later$/m);
      for (const file of files.filter((name) => /\.(php|json|txt|js)$/.test(name) && !name.startsWith('assets/'))) {
        assert.doesNotMatch(readFileSync(join(installed.dir, file), 'utf8'), /@VERSION@/, file);
      }
      for (const file of phpFiles(installed.dir)) {
        const lint = spawnSync('php', ['-l', file], {encoding: 'utf8'});
        assert.equal(lint.status, 0, `php -l ${file}:\n${lint.stdout}`);
      }
    });

    test('an Author saves the blocks and shortcodes as written (kses keeps them; no unfiltered_html)', {skip}, () => {
      for (const post of POSTS) {
        assert.equal(posts[post.key].can_unfiltered_html, post.user === 'admin', post.key);
        if (post.user !== 'admin') assert.equal(posts[post.key].content, post.content, `${post.key} is saved unchanged`);
      }
    });

    test('page source: each widget is the element with its prerendered HTML, byte for byte', {skip}, async () => {
      for (const post of POSTS) {
        const html = await (await fetch(posts[post.key].url)).text();
        const css = `${site.base}/wp-content/plugins/milia-widgets/assets/${kit.stylesheet}?ver=${VERSION}`;
        const want = renderKit(
          installed.dir,
          join(installed.dir, 'assets/prerender-kit.json'),
          post.expect.map(({tag, attributes}) => ({tag, attributes, css}))
        );
        for (const [index, {html: widget}] of want.entries()) {
          assert.ok(
            html.includes(widget),
            `${post.key}: widget ${index + 1} (${JSON.stringify(post.expect[index])}) is not in the page as assembled:\n${widget.slice(0, 300)}…`
          );
        }
        assert.equal((html.match(/<milia-(info|faq)[\s>]/g) ?? []).length, post.expect.length, `${post.key}: number of widgets`);
      }
    });

    test(
      'the script is enqueued once, in the footer, from the plugin folder, only where a widget renders; the stylesheet in <head>',
      {skip},
      async () => {
        for (const post of POSTS) {
          const html = await (await fetch(posts[post.key].url)).text();
          const tags = html.match(/<script[^>]*milia-widgets[^>]*>/g) ?? [];
          if (!post.expect.length) {
            assert.equal(tags.length, 0, `${post.key} has no widget and loads no script`);
            assert.doesNotMatch(html, /milia-widgets/, `${post.key}: nothing of ours on the page`);
            continue;
          }
          assert.equal(tags.length, 1, `${post.key}: one script tag, got ${tags.join(' ')}`);
          assert.match(
            tags[0],
            new RegExp(
              `src=['"]${site.base}/wp-content/plugins/milia-widgets/assets/milia-widgets\\.iife\\.js\\?ver=${VERSION.replaceAll('.', '\\.')}['"]`
            )
          );
          assert.ok(html.indexOf(tags[0]) > html.indexOf('</milia-'), `${post.key}: the script comes after the content (footer)`);
          // The block theme prints <head> after rendering the content: the stylesheet is linked
          // there too, at the URL the shadow roots link (one request for both).
          const head = html.slice(0, html.indexOf('</head>'));
          const styles = head.match(/<link[^>]*milia-widgets\.css[^>]*>/g) ?? [];
          assert.equal(styles.length, 1, `${post.key}: the stylesheet linked once in <head>, got ${styles.join(' ')}`);
          const href = /href=['"]([^'"]+)['"]/.exec(styles[0])[1].replaceAll('&#038;', '&');
          assert.ok(html.includes(`<link rel="stylesheet" href="${href}">`), `${post.key}: the shadow roots link ${href} too`);
        }
      }
    );

    for (const name of browsers) {
      // Each post is loaded twice per browser: without our script (what readers without
      // JavaScript, and search engines, get) and with it; the tests check what was seen.
      describe(`in ${name}`, () => {
        const seen = {};
        before(async () => {
          if (reason) return;
          const browser = await launch(name);
          try {
            for (const post of POSTS.filter((p) => p.expect.length)) {
              seen[post.key] = {
                before: await visit(browser, posts[post.key].url, {script: false}),
                after: await visit(browser, posts[post.key].url, {axe: post.user !== 'admin', click: true}),
              };
            }
          } finally {
            await browser.close();
          }
        });

        test("readable without JavaScript: every shown item's text is in the declarative shadow root", {skip}, () => {
          for (const post of POSTS.filter((p) => p.expect.length)) {
            const {widgets} = seen[post.key].before;
            assert.equal(widgets.length, post.expect.length, `${post.key}: widgets`);
            widgets.forEach((widget, index) => {
              const {tag, attributes} = post.expect[index];
              const where = `${post.key} widget ${index + 1}`;
              assert.equal(widget.defined, false, `${where}: no script ran`);
              assert.ok(widget.text, `${where} has a declarative shadow root`);
              for (const id of shownIds(kit, tag, attributes)) {
                const item = textOf(contentOf(kit, tag, attributes).items[id].closed).replace(/\s/g, '');
                assert.ok(widget.text.replace(/\s/g, '').includes(item), `${where}: the text of "${id}" is missing`);
              }
            });
          }
        });

        test('the widgets upgrade and take over the prerendered root: nothing duplicated, same items open', {skip}, () => {
          for (const post of POSTS.filter((p) => p.expect.length)) {
            const {
              before: prerendered,
              after: {widgets},
            } = seen[post.key];
            widgets.forEach((widget, index) => {
              const {tag, attributes} = post.expect[index];
              const where = `${post.key} widget ${index + 1}`;
              const ids = shownIds(kit, tag, attributes);
              assert.equal(widget.defined, true, `${where}: upgraded`);
              assert.deepEqual(widget.tags, ['button'], `${where}: the toggles are buttons now`);
              assert.deepEqual(
                widget.buttons.map((b) => b[0]),
                ids.map((id) => `button-${id}`),
                `${where}: each item shown once, in order`
              );
              // Rendering beside the prerendered root instead of taking it over would show each
              // text twice: every title occurs as often as before the upgrade.
              const count = (text, title) => text.split(title).length - 1;
              for (const id of ids) {
                const title = titleOf(kit, tag, attributes, id);
                const before = count(prerendered.widgets[index].text, title);
                assert.ok(before >= 1, `${where}: "${title}" in the prerendered text`);
                assert.equal(count(widget.text, title), before, `${where}: "${title}" as often after the upgrade as before`);
              }
              assert.deepEqual(
                widget.buttons,
                prerendered.widgets[index].buttons,
                `${where}: the same items open before and after the upgrade`
              );
            });
          }
        });

        test("the reader's first click works: aria-expanded flips, one milia-toggle", {skip}, () => {
          for (const post of POSTS.filter((p) => p.expect.length)) {
            const {click} = seen[post.key].after;
            assert.notEqual(click.after, click.before, `${post.key}: aria-expanded flips`);
            assert.deepEqual(
              click.events,
              [{...click.events[0], section: click.id.replace('button-', ''), expanded: click.after === 'true'}],
              `${post.key}: one milia-toggle`
            );
          }
        });

        test('no console error, no failed request; the script ran once', {skip}, () => {
          for (const post of POSTS.filter((p) => p.expect.length)) {
            assert.deepEqual(seen[post.key].after.problems, [], post.key);
            assert.equal(seen[post.key].after.scripts, 1, `${post.key}: one script element of ours`);
          }
        });

        test('rejected values reach the element, which warns; markup in values stays text', {skip}, () => {
          const {warnings} = seen.shortcodes.after;
          assert.ok(
            warnings.some((text) => text.includes('pimples')),
            `a console warning names "pimples": ${warnings.join(' | ')}`
          );
          for (const key of ['shortcodes', 'escaping']) {
            const {injected, values} = seen[key].after;
            const post = POSTS.find((p) => p.key === key);
            assert.deepEqual(injected, {pwned: null, elements: 0}, `${key}: nothing ran, no element was injected`);
            assert.deepEqual(
              values,
              post.expect.map(({tag, attributes}) => attributes[tag === 'milia-info' ? 'sections' : 'questions'] ?? null),
              `${key}: attribute values`
            );
          }
        });

        test('structured data: one FAQPage for the page', {skip}, () => {
          assert.deepEqual(
            seen.blocks.after.jsonld.filter((type) => type === 'FAQPage'),
            ['FAQPage'],
            `JSON-LD types: ${seen.blocks.after.jsonld}`
          );
        });

        test('axe finds no violations in the widgets', {skip}, () => {
          for (const key of ['blocks', 'shortcodes']) assert.deepEqual(seen[key].after.axe, [], key);
        });
      });
    }

    test('no widget, no script: a post without one loads nothing of ours (block theme)', {skip}, async () => {
      const html = await (await fetch(posts.plain.url)).text();
      assert.doesNotMatch(html, /milia/);
    });

    test('feeds get links to the items, not a shadow root feed readers would not show', {skip}, async () => {
      const feed = await (await fetch(`${site.base}/feed/`)).text();
      assert.doesNotMatch(feed, /shadowrootmode|<milia-/);
      for (const id of ['overview', 'causes']) {
        const title = titleOf(kit, 'milia-info', {}, id).replaceAll('&', '&amp;');
        assert.ok(
          feed.includes(`<li><a href="${posts.blocks.url}#milia-${id}">${title}</a></li>`),
          `a link to ${id} in the feed`
        );
      }
    });

    test('Spanish: an es_ES site shows Spanish where the widget names no language', {skip}, async () => {
      await site.wp('locale', 'es_ES');
      try {
        const html = await (await fetch(posts.blocks.url)).text();
        assert.match(html, /<html[^>]* lang="es-ES"/);
        const title = titleOf(kit, 'milia-info', {lang: 'es'}, 'overview');
        assert.match(html, /<milia-info sections="overview causes" expanded="causes" heading-level="3" lang="es">/);
        assert.ok(textOf(html).includes(title), `Spanish title "${title}" in the page source`);
        const {widgets, problems} = await visit(await sharedBrowser(), posts.blocks.url);
        assert.ok(widgets[0].text.includes(title), 'the upgraded element shows Spanish');
        assert.deepEqual(problems, []);
      } finally {
        await site.wp('locale', 'en_US');
      }
    });

    test(
      'classic theme: the script only where a widget renders, once, the stylesheet in <head>; the widgets work',
      {skip},
      async () => {
        const theme = await site.wp('theme', 'milia-classic');
        assert.deepEqual(theme, {theme: 'milia-classic', block_theme: false});
        try {
          for (const post of POSTS) {
            const html = await (await fetch(posts[post.key].url)).text();
            assert.match(html, /wp-content\/themes\/milia-classic\/style\.css/, 'the classic theme renders');
            const tags = html.match(/<script[^>]*milia-widgets[^>]*>/g) ?? [];
            assert.equal(tags.length, post.expect.length ? 1 : 0, `${post.key}: script tags ${tags.join(' ')}`);
            if (!post.expect.length) assert.doesNotMatch(html, /milia-widgets/);
            // <head> comes before the content here: the plugin looks ahead for the stylesheet.
            const head = html.slice(0, html.indexOf('</head>'));
            assert.equal(
              (head.match(/<link[^>]*milia-widgets\.css[^>]*>/g) ?? []).length,
              post.expect.length ? 1 : 0,
              `${post.key}: the stylesheet in <head>`
            );
          }
          for (const key of ['blocks', 'shortcodes']) {
            const {widgets, problems, scripts} = await visit(await sharedBrowser(), posts[key].url, {click: true});
            assert.equal(widgets.length, POSTS.find((p) => p.key === key).expect.length);
            assert.ok(
              widgets.every((w) => w.defined && w.buttons.length > 0),
              `${key}: every widget upgraded`
            );
            assert.deepEqual([problems, scripts], [[], 1], key);
          }
        } finally {
          await site.wp('theme', 'twentytwentythree');
        }
      }
    );

    test(
      'block editor: both blocks register, show their controls and a live preview',
      {skip: skip || (!browsers.includes('chromium') && 'Chromium not selected')},
      async () => {
        // A context of its own: the administrator's cookies stay out of the other checks.
        const browser = browsers[0] === 'chromium' ? await sharedBrowser() : (editorBrowser = await launch('chromium'));
        const context = await browser.createBrowserContext();
        const page = await openPage(context, null, {site: new URL(site.base).origin});
        await logIn(page, site.base, site.state.admin.user, site.state.admin.password);
        const editor = await openEditor(page, site.base, posts.blocks.id);
        assert.deepEqual(editor.blocks, ['milia-widgets/faq', 'milia-widgets/info']);
        await selectBlock(page, 0);
        const labels = await page.$$eval('.block-editor-block-inspector input[type="checkbox"]', (boxes) =>
          boxes.map((box) => box.closest('.components-checkbox-control')?.textContent.trim())
        );
        const titles = contentOf(kit, 'milia-info', {}).ids.map((id) => titleOf(kit, 'milia-info', {}, id));
        assert.deepEqual(labels.slice(0, titles.length), titles, 'sections as checkboxes, in content order');
        // The preview is the element, upgraded, with the sections chosen.
        const previewShows = (count) =>
          page.waitForFunction(
            (n) => {
              const el = document.querySelector('.editor-styles-wrapper milia-info');
              return el?.shadowRoot?.querySelectorAll('button[aria-controls]').length === n;
            },
            {timeout: 20000},
            count
          );
        await previewShows(2);
        // Ticking a section adds it in content order, and the preview follows; so does the level.
        const boxes = await page.$$('.block-editor-block-inspector input[type="checkbox"]');
        await boxes[contentOf(kit, 'milia-info', {}).ids.indexOf('types')].click();
        await page.select('.block-editor-block-inspector select', '4');
        await previewShows(3);
        const attributes = await page.evaluate(() => window.wp.data.select('core/block-editor').getSelectedBlock().attributes);
        assert.deepEqual(
          {sections: attributes.sections, expanded: attributes.expanded, headingLevel: attributes.headingLevel},
          {sections: 'overview types causes', expanded: 'causes', headingLevel: 4}
        );
        await page.waitForFunction(() =>
          document.querySelector('.editor-styles-wrapper milia-info')?.shadowRoot?.querySelector('h4 button[aria-controls]')
        );
        assert.deepEqual(page.problems, []);
        await context.close();
      }
    );

    test('the PHP error log stays empty (notices, warnings, _doing_it_wrong included)', {skip}, () => {
      const ignored = [];
      const problems = [...site.phpErrors(), ...site.cliMessages].filter((line) => {
        const noise = !line.includes('[plugin on the stack]') && CORE_NOISE.some((pattern) => pattern.test(line));
        if (noise) ignored.push(line);
        return !noise;
      });
      if (ignored.length)
        log(`ignored ${ignored.length} known WordPress 6.1 on PHP 8.2 core message(s):\n#   ${ignored.join('\n#   ')}`);
      assert.deepEqual(problems, []);
    });
  });

  // ---------------------------------------------------------------- without WordPress
  // (after it: setup.sh installs php-cli on a clean machine)
  describe('plugin files', () => {
    test('php -l passes on every PHP file (plugin source and test harness)', () => {
      const files = [...phpFiles(join(ROOT, 'wordpress')), ...phpFiles(HERE)];
      assert.ok(files.length >= 8, `PHP files found: ${files.length}`);
      for (const file of files) {
        const lint = spawnSync('php', ['-l', file], {encoding: 'utf8'});
        assert.equal(lint.status, 0, `php -l ${relative(ROOT, file)}:\n${lint.stdout}${lint.stderr}`);
      }
    });

    test('block.json attributes are the element attributes in camelCase', () => {
      for (const [name, list] of [
        ['info', 'sections'],
        ['faq', 'questions'],
      ]) {
        const block = JSON.parse(readFileSync(join(ROOT, `wordpress/blocks/${name}/block.json`), 'utf8'));
        assert.equal(block.name, `milia-widgets/${name}`);
        assert.deepEqual(Object.fromEntries(Object.entries(block.attributes).map(([key, value]) => [key, value.type])), {
          [list]: 'string',
          expanded: 'string',
          headingLevel: 'integer',
          single: 'boolean',
          structuredData: 'boolean',
          lang: 'string',
        });
        // Front-end scripts in block.json would be enqueued on every page of a classic theme.
        assert.equal(
          block.script ?? block.viewScript,
          undefined,
          'the plugin enqueues the script itself, only where a widget renders'
        );
      }
    });
  });

  describe('kit assembly in PHP', () => {
    // Values the element accepts, and values it rejects (written as given for it to warn),
    // which the CLI refuses: compared with the CLI's own assembler (bin/assemble.mjs).
    const cases = [
      ['milia-info', {}],
      ['milia-info', {sections: 'overview causes', expanded: 'causes', 'heading-level': '3', lang: 'en'}],
      ['milia-info', {sections: 'CAUSES overview causes pimples', expanded: 'all', lang: 'es-ES'}],
      ['milia-info', {sections: 'overview pimples', expanded: 'overview pimples', single: true, lang: 'es_ES'}],
      ['milia-info', {sections: ' \u00a0overview\ttypes\n', expanded: '\u00a0ALL ', 'heading-level': ' 4 '}],
      ['milia-info', {sections: 'pimples', expanded: 'none', 'heading-level': '7', lang: 'fr'}],
      ['milia-info', {sections: 'overview types', expanded: '', 'heading-level': '2.5', 'structured-data': true}],
      ['milia-info', {sections: 'overview types', expanded: true, single: true}],
      ['milia-info', {sections: 'types', expanded: 'types'}],
      ['milia-faq', {questions: 'pop babies', expanded: 'babies pop', single: true, lang: 'es-MX'}],
      ['milia-faq', {questions: 'pop" onmouseover="alert(1)', 'structured-data': true}],
      ['milia-faq', {questions: "<script>alert(1)</script> & 'x'", expanded: '<b>', lang: '"><script>'}],
      ['milia-faq', {expanded: 'all', lang: ''}],
    ];
    test("matches the CLI's assembler byte for byte, also for values the CLI refuses", () => {
      const kit = JSON.parse(readFileSync(KIT, 'utf8'));
      const php = renderKit(
        join(ROOT, 'wordpress'),
        KIT,
        cases.map(([tag, attributes]) => ({tag, attributes, css: 'https://example.test/a.css?ver=1&x="'}))
      );
      cases.forEach(([tag, attributes], index) => {
        assert.equal(
          php[index].html,
          assemble(kit, tag, attributes, {cssHref: 'https://example.test/a.css?ver=1&x="'}),
          `${tag} ${JSON.stringify(attributes)}`
        );
      });
    });
    test('escapes every attribute value: no markup gets out of the element', () => {
      const [result] = renderKit(join(ROOT, 'wordpress'), KIT, [
        {tag: 'milia-faq', attributes: {questions: '"><script>alert(1)</script>', lang: "'><img src=x onerror=alert(1)>"}},
      ]);
      const openTag = result.html.slice(0, result.html.indexOf('<template'));
      assert.equal(
        openTag,
        '<milia-faq questions="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" lang="\'&gt;&lt;img src=x onerror=alert(1)&gt;">'
      );
    });
  });

  describe('shortcode and block attributes', () => {
    const map = (cases) => renderKit(join(ROOT, 'wordpress'), KIT, cases).map((result) => result.attributes);
    test('shortcodes: snake_case names; single and structured_data on when present unless 0/false/no/off', () => {
      const cases = [
        [
          'milia_faq',
          'questions="pop babies" heading_level="3" single structured_data',
          {questions: 'pop babies', 'heading-level': '3', single: true, 'structured-data': true},
        ],
        ['milia_faq', 'single="no" structured_data="off"', {}],
        ['milia_faq', 'single="0" structured_data=false', {}],
        ['milia_faq', 'SINGLE single=""', {single: true}],
        ['milia_faq', 'single="yes" structured_data="1"', {single: true, 'structured-data': true}],
        [
          'milia_info',
          'sections="overview pimples" expanded heading-level=4',
          {sections: 'overview pimples', expanded: true, 'heading-level': '4'},
        ],
        ['milia_info', 'questions="pop" sections=\'types\' colour="red" lang="es-ES"', {sections: 'types', lang: 'es-ES'}],
        ['milia_info', '', {}],
      ];
      assert.deepEqual(
        map(cases.map(([shortcode, text]) => ({tag: shortcode === 'milia_faq' ? 'milia-faq' : 'milia-info', shortcode: text}))),
        cases.map(([, , expected]) => expected)
      );
    });
    test('blocks: camelCase names; empty values and false booleans leave the attribute out', () => {
      const cases = [
        [
          {sections: 'overview causes', expanded: 'causes', headingLevel: 3, single: false, structuredData: true, lang: 'es'},
          {sections: 'overview causes', expanded: 'causes', 'heading-level': '3', 'structured-data': true, lang: 'es'},
        ],
        [{sections: '', expanded: '  ', single: true, structuredData: false, lang: ''}, {single: true}],
        [{questions: 'pop'}, {}],
      ];
      assert.deepEqual(
        map(cases.map(([block]) => ({tag: 'milia-info', block}))),
        cases.map(([, expected]) => expected)
      );
    });
  });

  describe('the CLI and the plugin print the same HTML', () => {
    const sets = [
      ['milia-info', []],
      ['milia-info', ['--sections', 'overview causes', '--expanded', 'overview', '--heading-level', '3', '--lang', 'es']],
      ['milia-info', ['--sections', 'types see-a-doctor', '--expanded', 'all', '--single']],
      ['milia-faq', ['--questions', 'pop babies contagious', '--expanded', 'babies', '--structured-data', '--lang', 'en']],
      ['milia-faq', ['--heading-level', '4', '--lang', 'es', '--expanded', 'none']],
    ];
    test('for the same attributes, byte for byte', () => {
      const css = 'http://127.0.0.1/wp-content/plugins/milia-widgets/assets/milia-widgets.css?ver=1';
      const cases = sets.map(([tag, args]) => {
        const attributes = {};
        for (let i = 0; i < args.length; i++) {
          const name = args[i].slice(2);
          attributes[name] = args[i + 1] === undefined || args[i + 1].startsWith('--') ? true : args[++i];
        }
        // The CLI always writes the language (English when none is asked for), as the plugin does.
        attributes.lang ??= 'en';
        return {tag, attributes, css};
      });
      const php = renderKit(join(ROOT, 'wordpress'), KIT, cases);
      sets.forEach(([tag, args], index) => {
        const cli = execFileSync(process.execPath, [CLI, 'render', tag, ...args, '--css-href', css], {encoding: 'utf8'});
        assert.equal(php[index].html, cli.replace(/\n$/, ''), `render ${tag} ${args.join(' ')}`);
      });
    });
  });
}

/**
 * WordPress 6.1 on PHP 8.2 (Debian 12) reports these about itself, on requests the plugin
 * takes no part in (the log line names the request; the must-use plugin marks lines where the
 * plugin's code is on the stack, and those always count).
 */
const CORE_NOISE = [
  // wp-login.php calls wp_signon() with no credentials on GET (WordPress ticket #54385).
  /PHP Deprecated: (preg_replace|trim)\(\): Passing null to parameter #\d \(\$\w+\) of type [\w|]+ is deprecated in \/usr\/share\/wordpress\/wp-includes\/(formatting|pluggable)\.php:\d+ \[(GET|POST) \/wp-login\.php\]$/,
  // The 6.1 block editor's own request for the author list.
  /deprecated_argument_run: WP_User_Query \| <code>who<\/code> is deprecated\. Use <code>capability<\/code> instead\. \| 5\.9\.0 \[GET \/wp-json\/wp\/v2\/users\?/,
];

// ---------------------------------------------------------------- the posts
// Each post lists the widgets it should render: the element's tag and attributes (what the
// plugin should write, `lang` filled in from the site language where the author gave none).
// A block as the editor's serializer writes it (quotes, <, >, & and -- as \u escapes in the JSON).
const block = (name, attributes) => {
  const json = attributes
    ? JSON.stringify(attributes)
        .replace(/--/g, '\\u002d\\u002d')
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\\"/g, '\\u0022')
    : '';
  return `<!-- wp:milia-widgets/${name} ${json ? `${json} ` : ''}/-->`;
};
const POSTS = [
  {
    key: 'blocks',
    user: 'author',
    title: 'Blocks',
    content: [
      // Heading levels in order, as the docs ask: a widget at level 3 under an h2 of the post.
      '<!-- wp:heading -->\n<h2>About milia</h2>\n<!-- /wp:heading -->',
      block('info', {sections: 'overview causes', expanded: 'causes', headingLevel: 3}),
      '<!-- wp:heading -->\n<h2>Questions</h2>\n<!-- /wp:heading -->',
      block('faq', {questions: 'pop babies contagious', expanded: 'babies', single: true, structuredData: true}),
      '<!-- wp:heading {"level":3} -->\n<h3>En español</h3>\n<!-- /wp:heading -->',
      block('faq', {lang: 'es', headingLevel: 4, expanded: 'all'}),
      block('info'),
    ].join('\n\n'),
    expect: [
      {tag: 'milia-info', attributes: {sections: 'overview causes', expanded: 'causes', 'heading-level': '3', lang: 'en'}},
      {
        tag: 'milia-faq',
        attributes: {questions: 'pop babies contagious', expanded: 'babies', single: true, 'structured-data': true, lang: 'en'},
      },
      {tag: 'milia-faq', attributes: {expanded: 'all', 'heading-level': '4', lang: 'es'}},
      {tag: 'milia-info', attributes: {lang: 'en'}},
    ],
  },
  {
    key: 'shortcodes',
    user: 'author',
    title: 'Shortcodes',
    content: [
      'Some text before.',
      '<h2>About milia</h2>',
      '[milia_info sections="overview see-a-doctor" expanded heading_level="3"]',
      '[milia_faq questions="what-are-milia pop" single]',
      '[milia_faq questions="babies go-away" single="no" expanded="go-away"]',
      '[milia_info sections="overview pimples"]',
      '[milia_info sections="types" lang="es-ES"]',
      `[milia_faq questions='pop" onmouseover="window.__miliaPwned=1' structured_data="off"]`,
    ].join('\n\n'),
    expect: [
      {tag: 'milia-info', attributes: {sections: 'overview see-a-doctor', expanded: true, 'heading-level': '3', lang: 'en'}},
      {tag: 'milia-faq', attributes: {questions: 'what-are-milia pop', single: true, lang: 'en'}},
      {tag: 'milia-faq', attributes: {questions: 'babies go-away', expanded: 'go-away', lang: 'en'}},
      {tag: 'milia-info', attributes: {sections: 'overview pimples', lang: 'en'}},
      {tag: 'milia-info', attributes: {sections: 'types', lang: 'es-ES'}},
      {tag: 'milia-faq', attributes: {questions: 'pop" onmouseover="window.__miliaPwned=1', lang: 'en'}},
    ],
  },
  {
    // An administrator may post anything: attribute values with markup reach the plugin
    // unfiltered, so this proves that the plugin, not kses, keeps them inside the attribute.
    key: 'escaping',
    user: 'admin',
    title: 'Escaping',
    content: [
      // (Quotes around a value with markup would be curled by wptexturize before shortcodes run.)
      '[milia_info sections=<script>window.__miliaPwned=1</script>]',
      block('faq', {questions: '"><img id="pwned" src="x" onerror="window.__miliaPwned=2">'}),
    ].join('\n\n'),
    expect: [
      {tag: 'milia-info', attributes: {sections: '<script>window.__miliaPwned=1</script>', lang: 'en'}},
      {tag: 'milia-faq', attributes: {questions: '"><img id="pwned" src="x" onerror="window.__miliaPwned=2">', lang: 'en'}},
    ],
  },
  {
    key: 'plain',
    user: 'author',
    title: 'No widget',
    content: '<!-- wp:paragraph -->\n<p>A post without widgets.</p>\n<!-- /wp:paragraph -->',
    expect: [],
  },
];

// ---------------------------------------------------------------- helpers
function contentOf(kit, tag, attributes) {
  const primary = String(attributes.lang ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  return kit.content[kit.languages.includes(primary) ? primary : 'en'][kit.elements[tag].kind];
}

/** The title of an item: the text of its heading in the kit. */
function titleOf(kit, tag, attributes, id) {
  return textOf(contentOf(kit, tag, attributes).items[id].closed.match(/<h\{level\}[^>]*>([\s\S]*?)<\/h\{level\}>/)[1]);
}

function shownIds(kit, tag, attributes) {
  const k = contentOf(kit, tag, attributes);
  const list = attributes[kit.elements[tag].list];
  const ids = [
    ...new Set(
      String(list === true ? '' : (list ?? ''))
        .toLowerCase()
        .split(/\s+/)
    ),
  ].filter((id) => k.ids.includes(id));
  return ids.length ? ids : k.ids;
}

async function launch(name) {
  return name === 'firefox'
    ? puppeteer.launch({browser: 'firefox', executablePath: BROWSERS.firefox.path, headless: true})
    : puppeteer.launch({executablePath: BROWSERS.chromium.path, headless: true, args: CHROMIUM_ARGS});
}

/**
 * A page that records console errors and failed requests (`page.problems`, off-site requests
 * of the WordPress admin aside) and console warnings (`page.warnings`). `script: false`
 * blocks our scripts: the page as readers without JavaScript get it (Firefox over WebDriver
 * BiDi cannot switch JavaScript off).
 */
async function openPage(browser, url, {script = true, site = url && new URL(url).origin} = {}) {
  const page = await browser.newPage();
  page.problems = [];
  page.warnings = [];
  const ours = (where) => !site || !where || where.startsWith(site) || !/^https?:/.test(where);
  page.on('console', (message) => {
    if (message.type() === 'error' && ours(message.location()?.url)) page.problems.push(`console: ${message.text()}`);
    if (message.type() === 'warn' || message.type() === 'warning') page.warnings.push(message.text());
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const blocked = !script && /milia-widgets[^/]*\.js/.test(request.url());
    if (!blocked && ours(request.url())) page.problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && ours(response.url())) page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  if (!script) {
    await page.setRequestInterception(true);
    page.on('request', (request) => (/milia-widgets[^/]*\.js/.test(request.url()) ? request.abort() : request.continue()));
  }
  if (url) await page.goto(url, {waitUntil: 'load'});
  return page;
}

/** What each widget on the page shows. */
const WIDGETS = () =>
  [...document.querySelectorAll('milia-info, milia-faq')].map((el) => ({
    defined: !!customElements.get(el.localName),
    text: el.shadowRoot?.textContent.replace(/\s+/g, ' ') ?? null,
    // Each item's toggle and whether it is open: a <button aria-expanded> once upgraded; before,
    // whatever the prerendered HTML uses (a span with data-expanded: nothing pretends to work).
    buttons: [...(el.shadowRoot?.querySelectorAll('[id^="button-"]') ?? [])].map((b) => [
      b.id,
      b.getAttribute('aria-expanded') ?? b.getAttribute('data-expanded'),
    ]),
    tags: [...new Set([...(el.shadowRoot?.querySelectorAll('[id^="button-"]') ?? [])].map((b) => b.localName))],
  }));

/** Waits until every widget has upgraded and rendered; returns what each shows. */
async function upgraded(page) {
  await page.waitForFunction(() => customElements.get('milia-info') && customElements.get('milia-faq'), {timeout: 15000});
  await page.evaluate(() => Promise.all([...document.querySelectorAll('milia-info, milia-faq')].map((el) => el.updateComplete)));
  return page.evaluate(WIDGETS);
}

/**
 * Loads a page and reports what a test needs: the widgets, console problems and warnings,
 * our script elements, JSON-LD types, signs of injected markup, the list attributes' values;
 * with `axe`, the violations in the widgets; with `click`, the first button's click.
 */
async function visit(browser, url, {script = true, axe = false, click = false} = {}) {
  const page = await openPage(browser, url, {script});
  try {
    if (!script) return {widgets: await page.evaluate(WIDGETS)};
    const result = {widgets: await upgraded(page)};
    Object.assign(
      result,
      await page.evaluate(() => ({
        scripts: document.querySelectorAll('script[src*="/milia-widgets/"]').length,
        jsonld: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
          (s) => JSON.parse(s.textContent)['@type']
        ),
        injected: {
          pwned: window.__miliaPwned ?? null,
          elements: document.querySelectorAll('#pwned, milia-info > :not(template), milia-faq > :not(template)').length,
        },
        values: [...document.querySelectorAll('milia-info, milia-faq')].map((el) =>
          el.getAttribute(el.localName === 'milia-info' ? 'sections' : 'questions')
        ),
      }))
    );
    if (axe) {
      await page.addScriptTag({content: AXE});
      result.axe = await page.evaluate(async () => {
        const {violations} = await window.axe.run({include: [...document.querySelectorAll('milia-info, milia-faq')]});
        return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    }
    if (click) {
      result.click = await page.evaluate(async () => {
        const el = document.querySelector('milia-info, milia-faq');
        const button = el.shadowRoot.querySelector('button[aria-controls]');
        const before = button.getAttribute('aria-expanded');
        const events = [];
        document.addEventListener('milia-toggle', (event) => events.push(event.detail));
        button.click();
        await el.updateComplete;
        return {before, after: el.shadowRoot.getElementById(button.id).getAttribute('aria-expanded'), events, id: button.id};
      });
    }
    result.problems = page.problems;
    result.warnings = page.warnings;
    return result;
  } finally {
    await page.close();
  }
}

// Last, once every constant above is defined.
if (process.env.MILIA_WORDPRESS === '0') {
  test('WordPress plugin tests', {skip: 'MILIA_WORDPRESS=0: skipped on purpose'}, () => {});
} else {
  suite();
}
