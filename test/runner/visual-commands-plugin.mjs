import {access} from 'node:fs/promises';
import {resolve, sep} from 'node:path';

/**
 * Web Test Runner commands for the visual baselines (test/visual/):
 *
 * - `viewport` {width, height}: sizes the page's viewport in every engine.
 *   @web/test-runner-commands' setViewport only knows puppeteer and playwright; WebKit over
 *   WebDriver gets its window resized instead, corrected for the browser's own toolbar.
 *   Answers the viewport the page really got.
 * - `dist-file-exists` {path}: whether the build wrote dist/<path> (the prerendered pages
 *   are shot once they exist). The stock read-file command cannot say "no": for a missing
 *   file it reports itself unknown.
 */
export function visualCommandsPlugin() {
  const dist = resolve('dist');
  return {
    name: 'visual-commands',
    async executeCommand({command, payload, session}) {
      if (command === 'dist-file-exists') {
        const file = resolve(dist, payload.path);
        if (!file.startsWith(dist + sep)) throw new Error(`dist-file-exists: ${payload.path} is outside dist/`);
        return access(file).then(
          () => true,
          () => false
        );
      }
      if (command !== 'viewport') return undefined;
      const {width, height} = payload;
      if (session.browser.type === 'puppeteer') {
        const page = session.browser.getPage(session.id);
        await page.setViewport({width, height});
        return page.evaluate(() => ({width: innerWidth, height: innerHeight}));
      }
      if (session.browser.type === 'webdriver') {
        const driver = session.browser.driver;
        const inner = () => driver.execute('return {width: window.innerWidth, height: window.innerHeight}');
        const before = await inner();
        if (before.width === width && before.height === height) return before;
        const outer = await driver.getWindowSize();
        await driver.setWindowSize(width + outer.width - before.width, height + outer.height - before.height);
        return inner();
      }
      return false;
    },
  };
}
