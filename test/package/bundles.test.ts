// The packed package, installed in an app and bundled (test/package/prepare.mjs, app/build.mjs),
// in each browser: Vite and esbuild, importing the root or one entry per element, with Lit's
// production and development builds, on the app's Lit ^3 and on Lit 3.0.0 (the floor of our
// range); plus the installed script-tag files. Each page loads in its own frame, served byte for
// byte (test/package/pages-middleware.mjs), and must render both elements, toggle them, fire
// milia-toggle, load Spanish, run one Lit, and log nothing but what Lit's dev build says.
import {expect} from '@open-wc/testing';
import {toggles} from '../browser/helpers.js';

interface Variant {
  name: string;
  page: string;
  bundler: 'vite' | 'esbuild' | 'none';
  entry: string;
  build: 'production' | 'development';
  /** The app's lit-html version, for bundles (the script-tag files carry their own). */
  lit?: string;
}
interface PageWindow extends Window {
  pageLog: {level: string; text: string}[];
  heardToggles: Record<string, unknown>[];
  miliaApp?: {MiliaInfo: CustomElementConstructor; MiliaFaq: CustomElementConstructor};
  litHtmlVersions?: string[];
  litElementVersions?: string[];
  reactiveElementVersions?: string[];
}
type Accordion = HTMLElement & {updateComplete: Promise<boolean>};

const BASE = '/__package__/out/';
const variants: Variant[] = await fetch(`${BASE}variants.json`)
  .then((response) => (response.ok ? response.json() : []))
  .catch(() => []);

/** Loads a page in a fresh frame and resolves once its module scripts have run. */
async function open(url: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as PageWindow;
}

const within = <T>(promise: Promise<T>, what: string, ms = 10000) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);

const languageFile = (resources: string[]) => resources.filter((url) => /milia-widgets\.lang-es\b/.test(url));

describe('the packed package in an app', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('has its bundled pages (test/package/prepare.mjs ran)', () => {
    const names = variants.map((variant) => variant.name);
    expect(names, 'no bundled pages: has test/package/prepare.mjs run? (npm test runs it)').to.include.members([
      'main vite-all-production',
      'main vite-entries-development',
      'main esbuild-all-development',
      'main esbuild-entries-production',
      'lit-floor esbuild-all-production',
      'lit-floor esbuild-all-development',
      'main script-tag-classic',
    ]);
  });

  for (const variant of variants) {
    it(variant.name, async function () {
      this.timeout(30000);
      const win = await open(BASE + variant.page);
      const [info, faq, spanish] = [...win.document.querySelectorAll<Accordion>('milia-info, milia-faq')];
      await within(
        Promise.all([win.customElements.whenDefined('milia-info'), win.customElements.whenDefined('milia-faq')]),
        'both elements defined'
      );
      await within(Promise.all([info, faq, spanish].map((el) => el.updateComplete)), 'first render, Spanish file included');

      // The app's classes are the registered ones (bundlers kept the registration).
      if (variant.bundler !== 'none') {
        expect(win.customElements.get('milia-info')).to.equal(win.miliaApp!.MiliaInfo);
        expect(win.customElements.get('milia-faq')).to.equal(win.miliaApp!.MiliaFaq);
      }
      // One Lit on the page, shared with the app's own element (dev builds would also warn about a second copy).
      if (variant.bundler !== 'none') {
        const greeting = win.document.querySelector<Accordion>('app-greeting')!;
        await greeting.updateComplete;
        expect(greeting.shadowRoot!.textContent).to.equal('Hello from the app');
      }
      expect(win.litHtmlVersions, 'lit-html copies').to.have.length(1);
      expect(win.litElementVersions, 'lit-element copies').to.have.length(1);
      expect(win.reactiveElementVersions, 'reactive-element copies').to.have.length(1);
      if (variant.lit) expect(win.litHtmlVersions![0], "the app's Lit").to.equal(variant.lit);

      // Both elements render their items; Spanish from its language file.
      expect(toggles(info).map((button) => button.id)).to.deep.equal(['button-overview', 'button-causes']);
      expect(toggles(faq).map((button) => button.id)).to.deep.equal(['button-pop', 'button-eyes']);
      expect(toggles(spanish)).to.have.length(2);
      const showAll = spanish.shadowRoot!.querySelector('[part~="controls"] button')!;
      expect(showAll.textContent!.trim()).to.equal('Mostrar todas las secciones');
      const resources = win.performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(
        resources.filter((url) => new URL(url).origin !== win.location.origin),
        'requests leaving the site'
      ).to.be.empty;
      if (variant.entry === 'script-tag-classic') {
        expect(languageFile(resources), 'the classic script carries every language').to.be.empty;
      } else if (variant.entry === 'script-tag-module') {
        expect(languageFile(resources)).to.deep.equal([
          new URL('../../../main/node_modules/milia-widgets/dist/milia-widgets.lang-es.js', win.location.href).href,
        ]);
      } else {
        expect(languageFile(resources), 'the language chunk the bundler made from the package').to.have.length(1);
      }

      // A click toggles aria-expanded and fires milia-toggle with the documented detail.
      for (const el of [info, faq, spanish]) {
        const button = toggles(el)[0];
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        button.click();
        await el.updateComplete;
        expect(button.getAttribute('aria-expanded'), `${el.localName} opened`).to.equal('true');
      }
      expect(win.heardToggles).to.deep.equal([
        {tag: 'milia-info', section: 'overview', expanded: true, trigger: 'click', lang: 'en'},
        {tag: 'milia-faq', section: 'pop', expanded: true, trigger: 'click', lang: 'en'},
        {tag: 'milia-info', section: 'overview', expanded: true, trigger: 'click', lang: 'es'},
      ]);

      // Nothing thrown or logged, except Lit's own notice in its development build.
      const logged = win.pageLog.map(({level, text}) => `${level}: ${text}`);
      const expected = variant.build === 'development' ? [/^warn: Lit is in dev mode\. Not recommended for production!/] : [];
      expect(logged, logged.join('\n')).to.have.length(expected.length);
      expected.forEach((pattern, index) => expect(logged[index]).to.match(pattern));
    });
  }
});
