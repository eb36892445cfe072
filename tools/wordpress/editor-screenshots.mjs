// Screenshots of the plugin's blocks in the WordPress block editor, for the README:
// docs/wordpress/block-info-editor.png and block-faq-editor.png (the block selected, its
// settings in the sidebar, the live preview), and docs/wordpress/block-page.png (the post as
// readers see it). Starts a private WordPress like the tests (root needed), installs the
// built zip, saves one post as the administrator, logs in through wp-login.php.
//
//   npm run build && node tools/wordpress/editor-screenshots.mjs
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {BROWSERS, CHROMIUM_ARGS} from '../../test/runner/browsers.mjs';
import {ROOT, cannotRun, logIn, openEditor, selectBlock, startWordPress} from '../../test/wordpress/harness.mjs';

const OUT = join(ROOT, 'docs/wordpress');
const reason = cannotRun();
if (reason) {
  console.error(reason);
  process.exit(1);
}

const site = await startWordPress({log: (message) => console.log(message)});
let browser;
try {
  await site.wp('install-plugin', site.copy(join(ROOT, 'dist/wordpress/milia-widgets.zip'), 'milia-widgets.zip'));
  const content = [
    '<!-- wp:paragraph -->\n<p>Milia are common and harmless. Here is what they are and what helps.</p>\n<!-- /wp:paragraph -->',
    '<!-- wp:heading -->\n<h2>About milia</h2>\n<!-- /wp:heading -->',
    '<!-- wp:milia-widgets/info {"sections":"overview types removal see-a-doctor","expanded":"overview","headingLevel":3} /-->',
    '<!-- wp:heading -->\n<h2>Questions</h2>\n<!-- /wp:heading -->',
    '<!-- wp:milia-widgets/faq {"questions":"what-are-milia contagious babies pop","headingLevel":3,"structuredData":true} /-->',
  ].join('\n\n');
  const posts = await site.wp(
    'posts',
    site.file('screenshot-post.json', JSON.stringify([{key: 'post', user: 'admin', title: 'Milia: what they are', content}]))
  );
  browser = await puppeteer.launch({
    executablePath: BROWSERS.chromium.path,
    headless: true,
    args: [...CHROMIUM_ARGS, '--font-render-hinting=none'],
    defaultViewport: {width: 1440, height: 1000},
  });
  const page = await browser.newPage();
  await logIn(page, site.base, site.state.admin.user, site.state.admin.password);
  await openEditor(page, site.base, posts.post.id);
  // The block toolbar in the top bar ("Top toolbar"), so that it covers nothing in the pictures.
  await page.evaluate(() => {
    if (!window.wp.data.select('core/edit-post').isFeatureActive('fixedToolbar')) {
      window.wp.data.dispatch('core/edit-post').toggleFeature('fixedToolbar');
    }
  });
  mkdirSync(OUT, {recursive: true});
  for (const [index, name, tag] of [
    [0, 'info', 'milia-info'],
    [1, 'faq', 'milia-faq'],
  ]) {
    await selectBlock(page, index);
    // The preview is the element, upgraded by the script the editor loads.
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.shadowRoot?.querySelector('button[aria-controls]'),
      {timeout: 20000},
      `.editor-styles-wrapper ${tag}`
    );
    await page.evaluate((selector) => {
      // The block a little below the top bar, with the heading above it.
      document.querySelector(selector).scrollIntoView({block: 'start'});
      document.querySelector('.interface-interface-skeleton__content')?.scrollBy(0, -160);
      document.querySelector('.interface-complementary-area')?.scrollTo(0, 0);
    }, `.editor-styles-wrapper [data-type="milia-widgets/${name}"]`);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the sidebar's transitions
    const file = join(OUT, `block-${name}-editor.png`);
    await page.screenshot({path: file});
    console.log(`wrote ${file}`);
  }
  // A reader: not logged in (no admin bar).
  const reader = await (await browser.createBrowserContext()).newPage();
  await reader.setViewport({width: 900, height: 1100});
  await reader.goto(posts.post.url, {waitUntil: 'load'});
  await reader.waitForFunction(() => customElements.get('milia-faq'));
  await reader.evaluate(() => {
    const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent.includes('About milia'));
    heading.scrollIntoView({block: 'start'});
    window.scrollBy(0, -24);
  });
  const file = join(OUT, 'block-page.png');
  await reader.screenshot({path: file});
  console.log(`wrote ${file}`);
} finally {
  await browser?.close();
  await site.stop();
}
