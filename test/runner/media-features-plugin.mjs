/**
 * Web Test Runner command `media-features`: emulates CSS media features (forced-colors,
 * prefers-reduced-motion, ...) through Chromium's DevTools protocol directly, since
 * @web/test-runner-commands' emulateMedia and puppeteer's emulateMediaFeatures refuse
 * forced-colors. Answers false where the engine cannot emulate (Firefox over WebDriver
 * BiDi, WebKit over WebDriver), so a test can say so and fall back.
 */
export function mediaFeaturesPlugin() {
  // Emulation lasts as long as the DevTools session that set it: keep one per page.
  const sessions = new WeakMap();
  return {
    name: 'media-features',
    async executeCommand({command, payload, session}) {
      if (command !== 'media-features') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      try {
        const page = session.browser.getPage(session.id);
        if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
        await sessions.get(page).send('Emulation.setEmulatedMedia', {features: payload.features});
        return true;
      } catch {
        return false;
      }
    },
  };
}
