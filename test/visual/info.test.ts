import {compare, engine, nameOf, renderShot, shootForcedColors, shootPrerendered, shotsOf, useHostPage} from './shots.js';

// `overview` (and `types` in Spanish) are public ids; their text may change: then renew
// the baselines (npm run update-baselines).
describe(`<milia-info> visual baselines (${engine})`, function () {
  // A shot is a screenshot, a PNG round trip and a pixel comparison: seconds on a busy machine.
  this.timeout(30000);
  useHostPage();

  for (const shot of [
    ...shotsOf('milia-info', 'overview'),
    {element: 'milia-info', expanded: 'types', host: 'light', width: 1280, lang: 'es'} as const,
  ]) {
    it(nameOf(shot), async () => {
      await compare(await renderShot(shot), nameOf(shot));
    });
  }

  if (engine === 'chromium') {
    it('info-expanded-light-1280-forced-colors', () =>
      shootForcedColors({element: 'milia-info', expanded: 'overview', host: 'light', width: 1280}));
  }

  it('prerendered milia-info.en.html (once the build makes it)', function () {
    return shootPrerendered(this, 'milia-info.en.html');
  });
});
