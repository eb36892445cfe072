import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {closePages, useViewport, engine, openPage, type HostPage} from './host-page.js';

/**
 * Readers without JavaScript: the prerendered snippet alone. Every item's text readable,
 * nothing that needs script shown as if it worked (no show-all, no chevrons, no button, no
 * pointer cursor), the footer there. Two ways to turn scripting off, each named in its
 * test's title: a sandboxed iframe without allow-scripts (every engine), and a tab with
 * JavaScript disabled through the DevTools protocol (Emulation.setScriptExecutionDisabled,
 * puppeteer's setJavaScriptEnabled(false); Chromium only: Firefox's WebDriver BiDi lacks
 * the command, WebKit is driven over classic WebDriver).
 */

interface NoScriptView {
  supported?: boolean;
  why?: string;
  shadowRoot: boolean;
  defined: boolean | null;
  scriptingNone: boolean;
  panels: {id: string; height: number; text: string}[];
  showAllVisible: boolean;
  iconsVisible: number;
  focusable: string[];
  footer: string | null;
  cursor: string[];
}

/** The same measurement as prerender-pages.mjs `measureWithoutScript`, on a page we can reach. */
function measure(page: HostPage): NoScriptView {
  const win = page.win;
  const root = page.root;
  const visible = (el: Element | null) =>
    !!el && el.getBoundingClientRect().height > 0 && win.getComputedStyle(el).visibility === 'visible';
  const footer = root.querySelector('.footer');
  return {
    shadowRoot: true,
    defined: page.widget.matches(':defined'),
    scriptingNone: win.matchMedia('(scripting: none)').matches,
    panels: [...root.querySelectorAll('.panel')].map((panel) => ({
      id: panel.id,
      height: panel.getBoundingClientRect().height,
      text: panel.textContent!.trim().slice(0, 40),
    })),
    showAllVisible: [...root.querySelectorAll('.controls, .show-all')].some(visible),
    iconsVisible: [...root.querySelectorAll('.icon')].filter(visible).length,
    focusable: [...root.querySelectorAll('button, [tabindex], input, select, textarea')].map((el) => el.outerHTML.slice(0, 60)),
    footer: visible(footer) ? footer!.textContent!.trim() : null,
    cursor: [...new Set([...root.querySelectorAll('.toggle')].map((el) => win.getComputedStyle(el).cursor))],
  };
}

function expectReadable(view: NoScriptView, lang: string) {
  expect(view.shadowRoot, 'the declarative shadow root is attached').to.be.true;
  expect(view.defined, 'no script upgraded the element').to.be.false;
  expect(view.scriptingNone, '(scripting: none) matches in the page').to.be.true;
  expect(view.panels.length).to.be.greaterThan(1);
  for (const panel of view.panels) {
    expect(panel.height, `${panel.id} ("${panel.text}…") shows its text`).to.be.greaterThan(20);
  }
  expect(view.showAllVisible, 'no show-all control').to.be.false;
  expect(view.iconsVisible, 'no chevrons (they say "click to open")').to.equal(0);
  expect(view.focusable, 'nothing focusable that pretends to be a control').to.deep.equal([]);
  expect(view.cursor, 'titles do not show a pointer cursor').to.deep.equal(['auto']);
  expect(view.footer, 'the footer shows').to.be.a('string');
  expect(view.footer).to.match(
    lang === 'es'
      ? /Comprobado con sus fuentes el .* Próxima revisión prevista el/
      : /Checked against its sources on .* Next review due/
  );
  expect(view.footer).to.match(lang === 'es' ? /información general, no un diagnóstico/ : /general information, not a diagnosis/);
}

const FILES = ['milia-info.en', 'milia-info.es', 'milia-faq.en', 'milia-faq.es'];

describe(`prerendered HTML without JavaScript (${engine})`, function () {
  this.timeout(30000);
  useViewport();
  afterEach(closePages);

  for (const snippet of FILES) {
    const lang = snippet.slice(-2);
    it(`${snippet}.html in a sandboxed iframe without allow-scripts: every item's text, no show-all, no icons, no button, the footer`, async () => {
      // The usual script tag is on the page too: the sandbox keeps it from running.
      const page = openPage({snippet, script: 'module', sandbox: 'allow-same-origin'});
      await page.prerendered();
      expect(page.win.customElements.get(page.widget.localName), 'the script did not run').to.be.undefined;
      expectReadable(measure(page), lang);
    });
  }

  it('a CLI snippet with --css-href pointing at another folder (/dist/milia-widgets.css), sandboxed: styled and readable', async () => {
    const page = openPage({
      cli: ['milia-faq', '--questions', 'pop eyes', '--css-href', '/dist/milia-widgets.css'],
      sandbox: 'allow-same-origin',
    });
    await page.prerendered();
    expect(page.root.querySelector('link')!.getAttribute('href')).to.equal('/dist/milia-widgets.css');
    expectReadable(measure(page), 'en');
  });

  if (engine === 'chromium') {
    for (const snippet of ['milia-info.en', 'milia-faq.es']) {
      it(`${snippet}.html in a tab with JavaScript disabled (DevTools protocol, setScriptExecutionDisabled): readable, nothing pretends to work`, async () => {
        const page = openPage({snippet, script: 'module'});
        const view = await executeServerCommand<NoScriptView, object>('prerender-no-js', {url: page.url});
        expect(view.supported, view.why).to.be.true;
        expectReadable(view, snippet.slice(-2));
      });
    }
  }

  it('with scripting on, before the script runs: collapsed panels stay collapsed and the show-all control shows (the no-script rules do not apply)', async () => {
    const page = openPage({snippet: 'milia-info.en', script: 'module', hold: ['milia-widgets.js']});
    await page.prerendered();
    const view = measure(page);
    expect(view.scriptingNone).to.be.false;
    expect(view.panels.map((panel) => panel.height)).to.deep.equal(view.panels.map(() => 0));
    expect(view.showAllVisible).to.be.true;
    expect(view.iconsVisible).to.equal(view.panels.length + 1);
    await page.release('milia-widgets.js');
  });
});
