import {compare, engine, nameOf, renderShot, shootForcedColors, shootPrerendered, shotsOf, useHostPage} from './shots.js';

// `contagious` is a public id with a short answer; its text may change: then renew the
// baselines (npm run update-baselines).
describe(`<milia-faq> visual baselines (${engine})`, function () {
  // A shot is a screenshot, a PNG round trip and a pixel comparison: seconds on a busy machine.
  this.timeout(30000);
  useHostPage();

  for (const shot of shotsOf('milia-faq', 'contagious')) {
    it(nameOf(shot), async () => {
      await compare(await renderShot(shot), nameOf(shot));
    });
  }

  if (engine === 'chromium') {
    it('faq-expanded-light-1280-forced-colors', () =>
      shootForcedColors({element: 'milia-faq', expanded: 'contagious', host: 'light', width: 1280}));
  }

  it('prerendered milia-faq.en.html (once the build makes it)', function () {
    return shootPrerendered(this, 'milia-faq.en.html');
  });
});
