import {expect} from '@open-wc/testing';
import {jsonLdScripts, loadBuiltPage, waitFor} from './freshness.js';

/**
 * The structured-data writers (FAQPage and MedicalWebPage) live in the on-demand file beside
 * the built module (dist/milia-widgets.on-demand.js), loaded the first time an element asks:
 * a page whose elements do not ask (and that has no #milia- link) fetches none of it. Each
 * page is the BUILT module (`npm run build` first; npm test builds) in an iframe of its own.
 */
async function loadPage(name: string) {
  const {frame, win, doc} = await loadBuiltPage(name);
  const fetched = () =>
    (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => new URL(entry.name).pathname);
  return {frame, doc, fetched};
}

describe('structured data loads on demand (built module)', function () {
  this.timeout(20000);

  it('a page whose elements do not ask fetches no structured-data code', async () => {
    const {frame, doc, fetched} = await loadPage('bundle-without-structured-data.html');
    try {
      // Time for anything that would load to load.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(fetched(), 'the module itself is listed (the check can see fetches)').to.include('/dist/milia-widgets.js');
      expect(fetched().filter((path) => path.includes('on-demand'))).to.deep.equal([]);
      expect(jsonLdScripts(doc)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('a page whose elements ask fetches the on-demand file once and writes one script of each kind', async () => {
    const {frame, doc, fetched} = await loadPage('bundle-with-structured-data.html');
    try {
      expect(await waitFor(() => jsonLdScripts(doc).length === 2), 'both kinds written').to.be.true;
      expect(fetched().filter((path) => path.includes('on-demand'))).to.deep.equal(['/dist/milia-widgets.on-demand.js']);
    } finally {
      frame.remove();
    }
  });
});
