import {expect} from '@open-wc/testing';
import {closePages, useViewport, engine, openPage, structure, type PageOptions} from './host-page.js';

/**
 * The prerendered HTML is the element's own render, parsed by the browser: the declarative
 * shadow root of a page without script, against the live element's shadow root on the same
 * page with the script, same attributes. Allowed differences only: the controls (inert
 * spans with data-expanded before, buttons with aria-expanded/aria-controls after: see
 * structure()) and the prerendered stylesheet link.
 */
async function prerenderedAndLive(options: PageOptions) {
  const before = openPage({...options, script: 'none'});
  const after = openPage({...options, script: 'module'});
  await before.prerendered();
  await after.upgraded();
  return {before, after};
}

const files = [
  {snippet: 'milia-info.en', lang: 'en', hostLang: 'es'},
  {snippet: 'milia-info.es', lang: 'es', hostLang: 'en'},
  {snippet: 'milia-faq.en', lang: 'en', hostLang: 'es-MX'},
  {snippet: 'milia-faq.es', lang: 'es', hostLang: 'fr'},
];

describe(`prerendered HTML: the same DOM as the live element (${engine})`, function () {
  this.timeout(40000);
  useViewport();
  afterEach(closePages);

  for (const {snippet, lang, hostLang} of files) {
    it(`dist/html/${snippet}.html on a lang="${hostLang}" page: same structure, ids, parts, texts, footer as the element after upgrade, still in ${lang}`, async () => {
      const {before, after} = await prerenderedAndLive({snippet, lang: hostLang});
      expect(before.widget.getAttribute('lang'), 'the element carries the language of its file').to.equal(lang);
      expect(before.root.querySelector('.root')!.getAttribute('lang')).to.equal(lang);
      const link = before.root.firstElementChild!;
      expect(link.outerHTML, 'the stylesheet first in the shadow root, beside the page').to.equal(
        '<link rel="stylesheet" href="milia-widgets.css">'
      );
      expect(after.root.querySelector('link'), 'the link goes with the prerendered nodes').to.be.null;
      expect(after.root.querySelector('.root')!.getAttribute('lang'), 'the page does not flip the snippet').to.equal(lang);
      expect(structure(after.root, {unwrapBodies: true})).to.deep.equal(structure(before.root, {unwrapBodies: true}));
      // What the comparison rests on: the right kind of control on each side.
      expect(before.root.querySelectorAll('button, [tabindex]').length, 'no button before upgrade').to.equal(0);
      expect(after.root.querySelectorAll('span.toggle, span.show-all').length, 'no inert control after').to.equal(0);
      expect(after.root.querySelectorAll('button.toggle').length).to.equal(before.root.querySelectorAll('span.toggle').length);
    });
  }

  it('panel bodies: each panel holds the same elements as the live element', async () => {
    const {before, after} = await prerenderedAndLive({snippet: 'milia-info.en'});
    const shape = (root: ShadowRoot) =>
      [...root.querySelectorAll('.panel')].map(
        (panel) => `${panel.id}: ${[...panel.children].map((child) => child.localName).join(' ')}`
      );
    expect(shape(after.root)).to.deep.equal(shape(before.root));
  });

  const cliSets = [
    ['milia-info', '--sections', 'overview causes', '--expanded', 'overview', '--heading-level', '3', '--lang', 'es'],
    ['milia-faq', '--questions', 'contagious pop see-a-doctor', '--expanded', 'all', '--heading-level', '4'],
    ['milia-info', '--single', '--expanded', 'removal causes', '--heading-level', '6'],
    ['milia-faq', '--questions', 'pop', '--lang', 'es-MX'],
    ['milia-info', '--sections', 'see-a-doctor home-care', '--expanded', 'home-care see-a-doctor', '--structured-data'],
  ];
  for (const cli of cliSets) {
    it(`milia-widgets render ${cli.join(' ')}: the same DOM as the element with those attributes`, async () => {
      const {before, after} = await prerenderedAndLive({cli});
      expect(structure(after.root, {unwrapBodies: true})).to.deep.equal(structure(before.root, {unwrapBodies: true}));
      // The live element got the attributes from the same snippet: the same items open.
      const open = (root: ShadowRoot) => [...root.querySelectorAll('.panel:not([hidden])')].map((panel) => panel.id);
      expect(open(after.root)).to.deep.equal(open(before.root));
    });
  }
});
