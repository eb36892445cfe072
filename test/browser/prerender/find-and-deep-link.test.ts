import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {HostPage, closePages, engine, openPage, until, useViewport, type PageOptions} from './host-page.js';

/**
 * Deep links (#milia-<id>) and find-in-page on a page with a prerendered snippet, before the
 * element upgrades (its script held back by the test server) and after.
 *
 * The browser's own find-in-page cannot be driven from a test. What stands in for it, named
 * in each title: window.find() (Firefox searches hidden="until-found" content and reveals it;
 * Chromium's window.find() finds the text but does not reveal it; WebKit's does not search
 * it), a text fragment (#:~:text=, which reveals as find does; opened in a new tab, Chromium
 * and Firefox), and the HTML spec's reveal itself (beforematch, then the hidden attribute
 * removed), done by the test in every engine.
 */

const CAUSES_TEXT = 'no one knows for sure why milia form';

async function heldPage(options: PageOptions) {
  const page = openPage({script: 'module', snippet: 'milia-info.en', ...options, hold: ['milia-widgets.js']});
  await page.prerendered();
  await page.requested('milia-widgets.js');
  return page;
}

async function upgrade(page: HostPage) {
  await page.release('milia-widgets.js');
  await page.upgraded();
}

const panel = (page: HostPage, id: string) => page.root.getElementById(`panel-${id}`)!;
const isShown = (page: HostPage, id: string) =>
  !panel(page, id).hasAttribute('hidden') && panel(page, id).getBoundingClientRect().height > 20;

/** The HTML spec's "ancestor revealing algorithm" for hidden="until-found": what find-in-page does. */
function revealAsTheBrowserDoes(el: HTMLElement) {
  el.dispatchEvent(new Event('beforematch', {bubbles: true}));
  el.removeAttribute('hidden');
}

const supportsUntilFound = 'onbeforematch' in HTMLElement.prototype;

interface FragmentState {
  defined: boolean;
  hidden: string | null;
  height: number;
  controls: string;
  toggles: {section: string; expanded: boolean; trigger: string}[];
}

describe(`prerendered HTML: deep links and find-in-page (${engine})`, function () {
  this.timeout(40000);
  useViewport();
  afterEach(closePages);

  for (const {snippet, id} of [
    {snippet: 'milia-info.en', id: 'causes'},
    {snippet: 'milia-faq.en', id: 'pop'},
  ]) {
    it(`${snippet}.html opened at #milia-${id}: nothing breaks before upgrade; once the script has run the item is open and scrolled into view`, async () => {
      const page = await heldPage({snippet, spacer: true, hash: `#milia-${id}`, csp: true});
      expect(page.win.location.hash).to.equal(`#milia-${id}`);
      expect(page.root.querySelectorAll('.panel:not([hidden])').length, 'all collapsed before upgrade').to.equal(0);
      expect(page.record.errors).to.deep.equal([]);
      await upgrade(page);
      await until(() => isShown(page, id), `#milia-${id} to open`);
      await until(
        () => Math.abs(page.root.getElementById(`section-${id}`)!.getBoundingClientRect().top) < 5,
        'the item to be scrolled to the top'
      );
      expect(page.record.toggles).to.deep.equal([{section: id, expanded: true, trigger: 'link', lang: 'en'}]);
      expect(page.root.querySelectorAll('.panel:not([hidden])').length, 'only the linked item').to.equal(1);
      expect(page.record.errors).to.deep.equal([]);
      expect(page.record.violations).to.deep.equal([]);
    });
  }

  it(
    supportsUntilFound
      ? 'before upgrade, collapsed panels are hidden="until-found": no room taken, their text in the page for find-in-page'
      : 'before upgrade, collapsed panels are hidden="until-found" (plain hidden in this engine)',
    async () => {
      const page = await heldPage({});
      for (const el of page.root.querySelectorAll('.panel')) {
        expect(el.getAttribute('hidden'), el.id).to.equal('until-found');
        expect(el.getBoundingClientRect().height, el.id).to.equal(0);
        if (supportsUntilFound) expect(page.win.getComputedStyle(el).contentVisibility, el.id).to.equal('hidden');
      }
      expect(panel(page, 'causes').textContent).to.contain(CAUSES_TEXT);
      await upgrade(page);
    }
  );

  it('before upgrade, a beforematch event alone changes nothing and breaks nothing (no script listens yet)', async () => {
    const page = await heldPage({});
    panel(page, 'causes').dispatchEvent(new Event('beforematch', {bubbles: true}));
    await page.frames(2);
    expect(panel(page, 'causes').getAttribute('hidden')).to.equal('until-found');
    expect(page.record.errors).to.deep.equal([]);
    await upgrade(page);
    expect(page.record.toggles).to.deep.equal([]);
  });

  it("the browser's reveal before upgrade (beforematch, then hidden removed, as the HTML spec does it): the panel shows, and stays open when the element takes over", async () => {
    const page = await heldPage({});
    revealAsTheBrowserDoes(panel(page, 'causes'));
    await page.frames(2);
    expect(isShown(page, 'causes'), 'revealed before upgrade').to.be.true;
    await upgrade(page);
    expect(isShown(page, 'causes'), 'still open after upgrade: the reader is reading it').to.be.true;
    expect(page.root.getElementById('button-causes')!.getAttribute('aria-expanded')).to.equal('true');
  });

  if (engine === 'firefox') {
    it('window.find() (Firefox searches until-found content) reveals a collapsed panel before upgrade, and it stays open after upgrade', async () => {
      const page = await heldPage({});
      expect((page.win as unknown as {find(text: string): boolean}).find(CAUSES_TEXT), 'found').to.be.true;
      await page.frames(2);
      expect(isShown(page, 'causes'), 'revealed before upgrade').to.be.true;
      await upgrade(page);
      expect(isShown(page, 'causes'), 'still open after upgrade').to.be.true;
    });

    it('window.find() after upgrade opens the item, with one milia-toggle (trigger find)', async () => {
      const page = await heldPage({});
      await upgrade(page);
      expect((page.win as unknown as {find(text: string): boolean}).find(CAUSES_TEXT)).to.be.true;
      await until(() => isShown(page, 'causes'), 'the item to open');
      expect(page.record.toggles).to.deep.equal([{section: 'causes', expanded: true, trigger: 'find', lang: 'en'}]);
    });
  }

  if (engine !== 'webkit') {
    it(`a text fragment (#:~:text=, the browser's find; a new ${engine} tab) without script reveals the collapsed prerendered panel`, async () => {
      const page = new HostPage({snippet: 'milia-info.en', script: 'none'});
      const result = await executeServerCommand<{supported: boolean; why?: string; before: FragmentState}, object>(
        'prerender-text-fragment',
        {url: page.url, key: page.key, text: CAUSES_TEXT, panel: 'causes'}
      );
      expect(result.supported, result.why).to.be.true;
      expect(result.before.hidden, 'hidden attribute removed').to.be.null;
      expect(result.before.height).to.be.greaterThan(20);
    });

    it(`a text fragment at load with the script held (a new ${engine} tab): the found item is open after upgrade`, async () => {
      const page = new HostPage({snippet: 'milia-info.en', script: 'module', hold: ['milia-widgets.js']});
      const result = await executeServerCommand<{supported: boolean; before: FragmentState; after: FragmentState}, object>(
        'prerender-text-fragment',
        {url: page.url, key: page.key, text: CAUSES_TEXT, panel: 'causes'}
      );
      expect(result.supported).to.be.true;
      expect(result.after.controls, 'upgraded').to.equal('button');
      expect(
        result.after.hidden,
        `the found panel after upgrade (before upgrade it was ${result.before.hidden === null ? 'revealed' : 'still collapsed'})`
      ).to.be.null;
      expect(result.after.height).to.be.greaterThan(20);
    });
  }

  it('after upgrade, beforematch opens the item with one milia-toggle (trigger find)', async () => {
    const page = await heldPage({});
    await upgrade(page);
    panel(page, 'causes').dispatchEvent(new Event('beforematch', {bubbles: true}));
    await page.widget.updateComplete;
    expect(isShown(page, 'causes')).to.be.true;
    expect(page.record.toggles).to.deep.equal([{section: 'causes', expanded: true, trigger: 'find', lang: 'en'}]);
  });
});
