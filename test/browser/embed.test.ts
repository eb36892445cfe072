import {expect} from '@open-wc/testing';

/**
 * Real host pages (test/runner/pages/host-pages.mjs) that load the BUILT bundles from dist/, each in an
 * iframe so it gets its own document, headers and CSS. test/runner/pages/probe.js exercises the
 * widgets inside the page and leaves its findings in window.__probe.
 */
interface Probe {
  done: boolean;
  failure?: string;
  widgets: number;
  rendered: number;
  fallbackVisible: boolean;
  toggled: boolean;
  smallestButton: number;
  pageOverflowsX: boolean;
  root: {lang: string; dir: string};
  headingStyle: {fontWeight: string; textTransform: string};
  jsonLd: number;
  firstTitle: string;
  axe?: string[];
  errors: string[];
  violations: string[];
}

async function load(page: string, width = 1000): Promise<Probe> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '700px';
  frame.src = `/test/runner/pages/${page}`;
  document.body.append(frame);
  const started = Date.now();
  try {
    for (;;) {
      const probe = (frame.contentWindow as (Window & {__probe?: Probe}) | null)?.__probe;
      if (probe?.done) return probe;
      if (Date.now() - started > 40000) throw new Error(`${page}: the probe did not finish in 40 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    frame.remove();
  }
}

/** What every host page must give: no error, no CSP violation, working toggles, axe clean. */
function expectHealthy(probe: Probe, widgets: number) {
  expect(probe.failure, 'probe failure').to.be.undefined;
  expect(probe.errors, 'page errors').to.deep.equal([]);
  expect(probe.violations, 'CSP violations').to.deep.equal([]);
  expect(probe.widgets).to.equal(widgets);
  expect(probe.rendered, 'every widget rendered').to.equal(widgets);
  expect(probe.toggled, 'toggling opens a panel').to.be.true;
  expect(probe.fallbackVisible, 'fallback content hidden after upgrade').to.be.false;
  expect(probe.smallestButton, 'buttons at least 44px tall').to.be.at.least(44);
  expect(probe.axe, 'axe violations').to.deep.equal([]);
}

/** Chromium enforces Trusted Types; an engine without them still enforces the rest of the policy. */
const trustedTypes = 'trustedTypes' in window ? 'Trusted Types enforced' : 'no Trusted Types in this engine: CSP only';

describe('embedding in real host pages (built bundles)', function () {
  // A hundred widgets on a busy 2-core CI machine: generous limits, the pages themselves are not timed.
  this.timeout(60000);

  it('the strict policy is really applied: an inline style attribute on a canary page is reported', async () => {
    const probe = await load('csp-canary.html');
    expect(probe.violations.join('\n')).to.match(/style-src/);
    expect(probe.rendered).to.equal(1);
  });

  it(`strict CSP (${trustedTypes}), ES module: no violation, FAQPage JSON-LD written`, async () => {
    const probe = await load('csp-module.html');
    expectHealthy(probe, 2);
    expect(probe.jsonLd).to.equal(1);
  });

  it(`strict CSP (${trustedTypes}), classic script: no violation, FAQPage JSON-LD written`, async () => {
    const probe = await load('csp-classic.html');
    expectHealthy(probe, 2);
    expect(probe.jsonLd).to.equal(1);
  });

  it('Bootstrap 5 page', async () => {
    expectHealthy(await load('bootstrap.html'), 2);
  });

  it('hostile global reset (* { all: unset }, uppercase, centring, nowrap on the host)', async () => {
    const probe = await load('reset.html');
    expectHealthy(probe, 2);
    expect(probe.headingStyle.textTransform, 'host text-transform does not leak in').to.equal('none');
  });

  it('dark page', async () => {
    expectHealthy(await load('dark.html'), 2);
  });

  it('right-to-left page: our English content stays left-to-right', async () => {
    const probe = await load('rtl.html');
    expectHealthy(probe, 2);
    expect(probe.root).to.deep.equal({lang: 'en', dir: 'ltr'});
  });

  for (const file of ['module', 'classic']) {
    it(`a Spanish page (lang="es-ES"), ${file} script: Spanish content, marked as Spanish`, async () => {
      const probe = await load(`spanish-${file}.html`);
      expectHealthy(probe, 2);
      expect(probe.firstTitle).to.equal('¿Qué son los milios?');
      expect(probe.root.lang).to.equal('es');
    });
  }

  it('classic script included twice plus the module once', async () => {
    const probe = await load('twice.html');
    expectHealthy(probe, 2);
    expect(probe.jsonLd, 'still one FAQPage').to.equal(1);
  });

  it('WordPress classic editor output (<p> and <br /> around the embed)', async () => {
    expectHealthy(await load('wordpress-classic.html'), 1);
  });

  it('100 instances on one page', async () => {
    expectHealthy(await load('many.html'), 100);
  });

  it('without JavaScript the fallback link shows, with no space reserved for the widget', async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin'); // no scripts run in it
    frame.style.width = '1000px';
    frame.src = '/test/runner/pages/no-js.html';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
      const doc = frame.contentDocument!;
      expect(doc.querySelector('milia-info')!.matches(':defined'), 'not upgraded').to.be.false;
      expect(doc.getElementById('fallback')!.getBoundingClientRect().height).to.be.greaterThan(0);
      const fontSize = parseFloat(getComputedStyle(doc.body).fontSize);
      expect(doc.querySelector('milia-info')!.getBoundingClientRect().height / fontSize).to.be.lessThan(6);
    } finally {
      frame.remove();
    }
  });

  it('with demo/reserve-space.css the content below barely moves when the widgets upgrade', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '700px';
    frame.src = '/test/runner/pages/no-js.html';
    document.body.append(frame);
    try {
      type Late = {before: number; after: number; done: boolean};
      const win = () => frame.contentWindow as (Window & {__late?: Late}) | null;
      const started = Date.now();
      while (!win()?.__late?.done && Date.now() - started < 15000) await new Promise((resolve) => setTimeout(resolve, 50));
      const {before, after} = win()!.__late!;
      // Six sections and twelve questions, collapsed, are about 1000px here; allow 5%.
      expect(Math.abs(after - before) / after, `moved from ${before}px to ${after}px`).to.be.lessThan(0.05);
    } finally {
      frame.remove();
    }
  });

  // 320 px is 400 % zoom of a 1280 px window; 640 px is 200 %.
  for (const [page, width] of [
    ['reset.html', 320],
    ['bootstrap.html', 320],
    ['rtl.html', 320],
    ['bootstrap.html', 640],
  ] as const) {
    it(`reflows at ${width} px without horizontal scrolling: ${page}`, async () => {
      const probe = await load(page, width);
      expect(probe.pageOverflowsX).to.be.false;
      expect(probe.toggled).to.be.true;
    });
  }
});
