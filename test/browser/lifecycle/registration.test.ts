import {expect} from '@open-wc/testing';
import {version} from 'milia-content';
import {defineElement} from '../../../src/internal/define.js';
import {MiliaInfo} from '../../../src/milia-info.js';
import {titles} from '../helpers.js';
import {openHostPage, waitFor, type HostFrame} from './host-frame.js';

// Sites load milia-widgets more than once (a theme and a plugin, the classic and the module
// build, two releases), and other scripts may own our tag names. The first registration of
// a tag wins; a second copy of another version says which versions met, once per tag; the
// same version stays silent; a tag some other script owns is left alone, with one warning.

const ours = (messages: string[]) => messages.filter((message) => message.startsWith('milia-widgets:'));
const rendered = (el: Element) => (el as MiliaInfo).updateComplete.then(() => titles(el).length);

describe('registration when the page already has the tag (built bundles)', function () {
  this.timeout(20000);
  let page: HostFrame | undefined;
  afterEach(() => {
    page?.close();
    page = undefined;
  });

  it('another script defined <milia-info> first: one warning naming the tag; its element is left alone; <milia-faq> still works', async () => {
    page = await openHostPage('lifecycle-foreign-tag');
    const info = page.doc.querySelector('milia-info')!;
    const faq = page.doc.querySelector('milia-faq')!;
    expect(page.win.customElements.get('milia-info')!.name).to.equal('ForeignInfo');
    expect(info.getAttribute('data-foreign'), 'the foreign element ran').to.equal('yes');
    expect(info.shadowRoot, 'nothing of ours attached to it').to.equal(null);
    expect(await rendered(faq)).to.equal(1);
    // The warning's words come with the on-demand file.
    await waitFor(() => ours(page!.warnings()).length >= 1, 'the warning', 5000).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    const warnings = ours(page.warnings());
    expect(warnings, page.warnings().join('\n')).to.have.length(1);
    expect(warnings[0]).to.include('<milia-info>');
    expect(warnings[0]).to.match(/another script/);
    expect(page.win.__early.errors).to.deep.equal([]);
  });

  for (const [name, first, second] of [
    ['lifecycle-other-copy-first', '9.9.9', version],
    ['lifecycle-other-copy-second', version, '9.9.9'],
  ]) {
    it(`milia-widgets ${first} registered first, then ${second}: one warning per tag naming both versions; the first copy's elements work`, async () => {
      page = await openHostPage(name);
      // Wait until the second copy has run too (its module may come after the first's).
      await waitFor(() => ours(page!.warnings()).length >= 2, 'both tags warned about', 5000).catch(() => {});
      const registered = page.win.customElements.get('milia-info') as unknown as {miliaVersion: string};
      expect(registered.miliaVersion, 'the first registration wins').to.equal(first);
      const warnings = ours(page.warnings());
      for (const tag of ['milia-info', 'milia-faq']) {
        const about = warnings.filter((message) => message.includes(`<${tag}>`));
        expect(about, `warnings about <${tag}>:\n${page.warnings().join('\n')}`).to.have.length(1);
        expect(about[0]).to.include(first).and.to.include(second);
      }
      expect(warnings).to.have.length(2);
      expect(await rendered(page.doc.querySelector('milia-info')!)).to.equal(1);
      expect(page.win.__early.errors).to.deep.equal([]);
    });
  }

  it('the same version four times (classic twice, the module from two addresses): silent, and working', async () => {
    page = await openHostPage('lifecycle-same-version-copies');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ours(page.warnings())).to.deep.equal([]);
    expect(await rendered(page.doc.querySelector('milia-info')!)).to.equal(1);
    expect(page.win.__early.errors).to.deep.equal([]);
  });
});

describe('defineElement (src/internal/define.ts)', () => {
  let messages: string[];
  let original: typeof console.warn;
  beforeEach(() => {
    messages = [];
    original = console.warn;
    console.warn = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
  });
  afterEach(() => (console.warn = original));

  const versioned = (miliaVersion: string) =>
    class extends HTMLElement {
      static readonly miliaVersion = miliaVersion;
    };

  it('the same version again: silent; the first class stays', () => {
    const first = versioned(version);
    defineElement('lifecycle-same', first);
    defineElement('lifecycle-same', versioned(version));
    defineElement('lifecycle-same', class extends MiliaInfo {});
    expect(customElements.get('lifecycle-same')).to.equal(first);
    expect(messages).to.deep.equal([]);
  });

  it('another version: one warning naming the tag and both versions; the first class stays', async () => {
    const first = versioned('9.9.9');
    defineElement('lifecycle-other', first);
    await defineElement('lifecycle-other', class extends MiliaInfo {});
    expect(customElements.get('lifecycle-other')).to.equal(first);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.include('<lifecycle-other>').and.to.include('9.9.9').and.to.include(version);
  });

  it('a tag another script owns: one warning naming the tag; its class stays', async () => {
    class Foreign extends HTMLElement {}
    customElements.define('lifecycle-foreign', Foreign);
    await defineElement('lifecycle-foreign', class extends MiliaInfo {});
    expect(customElements.get('lifecycle-foreign')).to.equal(Foreign);
    expect(messages).to.have.length(1);
    expect(messages[0])
      .to.include('<lifecycle-foreign>')
      .and.to.match(/another script/);
  });
});
