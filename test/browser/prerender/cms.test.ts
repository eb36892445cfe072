import {expect} from '@open-wc/testing';
import {sendMouse} from '@web/test-runner-commands';
import {
  closePages,
  describeDiff,
  engine,
  openPage,
  structure,
  until,
  useViewport,
  type HostPage,
  type PageOptions,
  type Widget,
} from './host-page.js';

/**
 * Where CMSs put the snippet. WordPress's classic editor wraps pasted HTML in <p>…</p>; a
 * page builder or a site script may insert it after load, where the declarative shadow DOM
 * of innerHTML is inert (the <template> stays a light-DOM child) and setHTMLUnsafe() (or
 * Document.parseHTMLUnsafe) is the way to attach it.
 */

async function settled(page: HostPage) {
  const running = () =>
    [...page.doc.getAnimations(), ...(page.widget?.shadowRoot?.getAnimations() ?? [])].some(
      (animation) => animation.playState === 'running'
    );
  await until(() => !running(), 'transitions to end');
  await page.frames(2);
}

/** A page with no snippet in its HTML and its script running; resolves once the elements are defined. */
async function pageToInsertInto(options: PageOptions) {
  const page = openPage({...options, insert: true});
  await until(() => page.loaded && page.doc.getElementById('insert-here'), 'the page');
  return page;
}

/** The rendered text of a widget: its shadow root's (as laid out) plus any light-DOM text that shows. */
function visibleTitles(widget: Widget) {
  const titles = [...widget.shadowRoot!.querySelectorAll('.title')].filter((el) => el.getBoundingClientRect().height > 0);
  const light = [...widget.querySelectorAll('*')].filter(
    (el) => el.getClientRects().length && el.getBoundingClientRect().height > 0
  );
  return {titles: titles.map((el) => el.textContent!.trim()), lightVisible: light.map((el) => el.localName)};
}

const setHtmlUnsafe = 'setHTMLUnsafe' in Element.prototype;

describe(`prerendered HTML in CMSs (${engine})`, function () {
  this.timeout(40000);
  useViewport();
  afterEach(closePages);

  it('inside <p>…</p> (WordPress classic editor): the parser keeps the template content in the template; same DOM; upgrades in place; the first click works', async () => {
    const page = openPage({snippet: 'milia-info.en', wrap: 'p', hold: ['milia-widgets.js']});
    await page.prerendered();
    const widget = page.widget;
    expect(widget.parentElement!.localName).to.equal('p');
    expect(widget.parentElement!.childNodes.length, 'the <p> holds the widget alone').to.equal(1);
    expect(page.doc.getElementById('after')!.parentElement!.localName, 'no block content escaped the <p>').to.equal('main');
    expect(page.doc.querySelectorAll('main > p').length, 'no extra paragraph made by the parser').to.equal(3);
    expect(widget.children.length, 'the template became the shadow root').to.equal(0);
    const plain = openPage({snippet: 'milia-info.en', script: 'none'});
    await plain.prerendered();
    expect(structure(page.root)).to.deep.equal(structure(plain.root));
    plain.close();
    await settled(page);
    await page.shot('before');
    await page.release('milia-widgets.js');
    await page.upgraded();
    await settled(page);
    expect(page.root.querySelectorAll('.root').length).to.equal(1);
    expect(page.root.querySelectorAll('span.toggle, link').length).to.equal(0);
    await page.shot('after');
    const button = page.root.getElementById('button-causes')!;
    await sendMouse({type: 'click', position: page.pointOf(button.querySelector('.title')!)});
    await until(() => button.getAttribute('aria-expanded') === 'true', 'the item to open');
    expect(page.record.toggles).to.deep.equal([{section: 'causes', expanded: true, trigger: 'click', lang: 'en'}]);
    const diff = await page.compareShots('before', 'after', 'prerender-in-p');
    console.log(`shots ${engine} <p>-wrapped before/after upgrade: ${describeDiff(diff)}`);
    expect(diff.sameSize && diff.differing, describeDiff(diff)).to.equal(0);
  });

  it('inside <p>…</p> without JavaScript (sandboxed iframe): every panel readable', async () => {
    const page = openPage({snippet: 'milia-faq.en', wrap: 'p', sandbox: 'allow-same-origin'});
    await page.prerendered();
    for (const panel of page.root.querySelectorAll('.panel')) {
      expect(panel.getBoundingClientRect().height, panel.id).to.be.greaterThan(20);
    }
  });

  const cli = ['milia-info', '--sections', 'overview causes removal', '--expanded', 'causes', '--lang', 'es'];

  it('inserted with innerHTML after load (declarative shadow DOM inert: the template stays a light-DOM child): still one working widget, nothing shown twice', async () => {
    const page = await pageToInsertInto({cli});
    await until(() => page.win.customElements.get('milia-info'), 'the script');
    page.doc.getElementById('insert-here')!.innerHTML = await page.snippet();
    const widget = page.widget;
    expect(widget.firstElementChild?.localName, 'the inert template, a light-DOM child').to.equal('template');
    await page.upgraded(widget);
    expect(widget.shadowRoot!.querySelectorAll('.root').length).to.equal(1);
    expect(widget.shadowRoot!.querySelectorAll('link, span.toggle').length, 'nothing of the prerendered HTML rendered').to.equal(
      0
    );
    expect(visibleTitles(widget)).to.deep.equal({
      titles: ['¿Qué son los milios?', '¿Qué causa los milios?', 'Tratamiento y extracción'],
      lightVisible: [],
    });
    expect(widget.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('es');
    expect([...widget.shadowRoot!.querySelectorAll('.panel:not([hidden])')].map((panel) => panel.id)).to.deep.equal([
      'panel-causes',
    ]);
    const live = openPage({cli, script: 'module'});
    await live.upgraded();
    expect(structure(widget.shadowRoot!)).to.deep.equal(structure(live.root));
    live.close();
    widget.shadowRoot!.querySelector<HTMLButtonElement>('#button-overview')!.click();
    await widget.updateComplete;
    expect(page.record.toggles).to.deep.equal([{section: 'overview', expanded: true, trigger: 'click', lang: 'es'}]);
  });

  it('inserted with innerHTML before the script runs: nothing shows until then (the template is inert), then one working widget', async () => {
    const page = await pageToInsertInto({cli, hold: ['milia-widgets.js']});
    page.doc.getElementById('insert-here')!.innerHTML = await page.snippet();
    await page.frames(2);
    const widget = page.widget;
    expect(widget.shadowRoot, 'no shadow root attached').to.be.null;
    expect(widget.getBoundingClientRect().height, 'the widget takes no room before the script').to.equal(0);
    await page.release('milia-widgets.js');
    await page.upgraded(widget);
    expect(visibleTitles(widget).titles.length).to.equal(3);
    expect(visibleTitles(widget).lightVisible).to.deep.equal([]);
    expect(widget.shadowRoot!.querySelectorAll('.root').length).to.equal(1);
  });

  if (setHtmlUnsafe) {
    it('inserted with setHTMLUnsafe() after load: the declarative root attaches and the element takes it over', async () => {
      const page = await pageToInsertInto({cli});
      await until(() => page.win.customElements.get('milia-info'), 'the script');
      (page.doc.getElementById('insert-here') as Element & {setHTMLUnsafe(html: string): void}).setHTMLUnsafe(
        await page.snippet()
      );
      const widget = page.widget;
      expect(widget.shadowRoot, 'a shadow root at once').not.to.be.null;
      expect(widget.children.length, 'no template left in the light DOM').to.equal(0);
      await page.upgraded(widget);
      expect(widget.shadowRoot!.querySelectorAll('.root').length).to.equal(1);
      expect(widget.shadowRoot!.querySelectorAll('link, span.toggle').length).to.equal(0);
      const live = openPage({cli, script: 'module'});
      await live.upgraded();
      expect(structure(widget.shadowRoot!)).to.deep.equal(structure(live.root));
    });

    it('inserted with setHTMLUnsafe() before the script runs: the prerendered widget shows at once, then upgrades in place', async () => {
      const page = await pageToInsertInto({cli, hold: ['milia-widgets.js']});
      (page.doc.getElementById('insert-here') as Element & {setHTMLUnsafe(html: string): void}).setHTMLUnsafe(
        await page.snippet()
      );
      const widget = page.widget;
      await until(() => widget.shadowRoot!.querySelector('link')!.sheet, 'the stylesheet');
      await page.frames(2);
      expect(visibleTitles(widget).titles.length, 'prerendered titles show').to.equal(3);
      expect(widget.shadowRoot!.getElementById('panel-causes')!.getBoundingClientRect().height).to.be.greaterThan(20);
      await page.release('milia-widgets.js');
      await page.upgraded(widget);
      expect(widget.shadowRoot!.querySelectorAll('.root').length).to.equal(1);
      expect(widget.shadowRoot!.querySelectorAll('link, span.toggle').length).to.equal(0);
      expect(widget.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('es');
    });
  }
});
