import {expect, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/index.js';
import type {MiliaInfo} from '../../src/milia-info.js';
import {isOpen, openIds, panels, recordToggles, render, shadow, showAll, toggles} from './helpers.js';

describe('<milia-info> interaction', () => {
  it('opens and closes a section on click, revealing its panel', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    const [button] = toggles(el);
    const panel = panels(el)[0];
    button.click();
    await el.updateComplete;
    expect(isOpen(button)).to.be.true;
    expect(panel.hasAttribute('hidden')).to.be.false;
    expect(panel.getBoundingClientRect().height).to.be.greaterThan(20);
    button.click();
    await el.updateComplete;
    expect(isOpen(button)).to.be.false;
    expect(panel.getAttribute('hidden')).to.equal('until-found');
  });

  it('never submits a form the site wraps around it', async () => {
    const form = document.createElement('form');
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    const el = document.createElement('milia-info');
    form.append(el);
    document.body.append(form);
    try {
      await el.updateComplete;
      toggles(el)[0].click();
      showAll(el)!.click();
      await el.updateComplete;
      expect(submitted).to.equal(0);
      expect(openIds(el)).to.have.length(6);
    } finally {
      form.remove();
    }
  });

  it('toggles with Enter and with Space', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    const [first] = toggles(el);
    first.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(isOpen(first)).to.be.true;
    await sendKeys({press: ' '});
    await el.updateComplete;
    expect(isOpen(first)).to.be.false;
  });

  it('keeps every button in the Tab order and walks buttons then panel links in order', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="overview types"></milia-info>`);
    const [overview, types] = toggles(el);
    showAll(el)!.focus();
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement).to.equal(overview);
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement).to.equal(types);
    await sendKeys({press: 'Tab'});
    // Next come the source links in the footer: the collapsed panels hold nothing focusable.
    expect(shadow(el).activeElement!.closest('[part~="footer"]')).to.exist;
    // Shift+Tab back to the last button: no arrow-key roving, every button is tabbable.
    for (const button of toggles(el)) expect(button.tabIndex).to.equal(0);
  });

  it('has a visible focus ring on buttons', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    const [first] = toggles(el);
    showAll(el)!.focus();
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement).to.equal(first);
    const style = getComputedStyle(first);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('show all opens every section, then hide all closes them, with matching labels and aria-expanded', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    const control = showAll(el)!;
    expect(control.textContent!.trim()).to.equal('Show all sections');
    expect(control.getAttribute('aria-expanded')).to.equal('false');
    control.click();
    await el.updateComplete;
    expect(openIds(el)).to.have.length(6);
    expect(control.textContent!.trim()).to.equal('Hide all sections');
    expect(control.getAttribute('aria-expanded')).to.equal('true');
    control.click();
    await el.updateComplete;
    expect(openIds(el)).to.have.length(0);
    expect(control.textContent!.trim()).to.equal('Show all sections');
  });

  it('says "Hide all" only when every section is open', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded="overview types causes removal home-care"></milia-info>`);
    expect(showAll(el)!.textContent!.trim()).to.equal('Show all sections');
    toggles(el)[5].click();
    await el.updateComplete;
    expect(showAll(el)!.textContent!.trim()).to.equal('Hide all sections');
  });

  it('has no show-all control for one section or in single mode', async () => {
    const one = await render<MiliaInfo>(html`<milia-info sections="overview"></milia-info>`);
    expect(showAll(one)).to.be.null;
    const single = await render<MiliaInfo>(html`<milia-info single></milia-info>`);
    expect(showAll(single)).to.be.null;
  });

  it('in single mode opening one section closes the other, with an event for each', async () => {
    const el = await render<MiliaInfo>(html`<milia-info single expanded="overview"></milia-info>`);
    const log = recordToggles(el);
    toggles(el)[1].click();
    await el.updateComplete;
    log.stop();
    expect(openIds(el)).to.deep.equal(['types']);
    expect(log.events).to.deep.equal([
      {section: 'overview', expanded: false, trigger: 'single', lang: 'en'},
      {section: 'types', expanded: true, trigger: 'click', lang: 'en'},
    ]);
  });

  it('fires one bubbling, composed milia-toggle per changed section, and none at first render', async () => {
    const log = recordToggles(document);
    const el = await render<MiliaInfo>(html`<milia-info expanded="overview"></milia-info>`);
    expect(log.events, 'no event for the state expanded sets at first render').to.deep.equal([]);
    toggles(el)[1].click();
    await el.updateComplete;
    showAll(el)!.click();
    await el.updateComplete;
    log.stop();
    expect(log.events).to.deep.equal([
      {section: 'types', expanded: true, trigger: 'click', lang: 'en'},
      ...['causes', 'removal', 'home-care', 'see-a-doctor'].map((section) => ({
        section,
        expanded: true,
        trigger: 'show-all',
        lang: 'en',
      })),
    ]);
  });

  it('methods: expandAll, collapseAll and toggle(id, force)', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    const log = recordToggles(el);
    el.expandAll();
    await el.updateComplete;
    expect(openIds(el)).to.have.length(6);
    el.collapseAll();
    await el.updateComplete;
    expect(openIds(el)).to.have.length(0);
    expect(el.toggle('causes')).to.be.true;
    expect(el.toggle('causes', true)).to.be.true;
    expect(el.toggle('causes')).to.be.false;
    expect(el.toggle('causes', false)).to.be.false;
    await el.updateComplete;
    log.stop();
    expect(openIds(el)).to.deep.equal([]);
    // 6 opened, 6 closed, causes opened then closed; forcing an unchanged state is silent.
    expect(log.events).to.have.length(14);
    expect(log.events.slice(12)).to.deep.equal([
      {section: 'causes', expanded: true, trigger: 'api', lang: 'en'},
      {section: 'causes', expanded: false, trigger: 'api', lang: 'en'},
    ]);
    expect(new Set(log.events.map((event) => event.trigger))).to.deep.equal(new Set(['api']));
  });

  it('in single mode expandAll opens only the first section', async () => {
    const el = await render<MiliaInfo>(html`<milia-info single></milia-info>`);
    el.expandAll();
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['overview']);
  });

  it('applies attribute changes after first render', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    el.setAttribute('sections', 'causes removal');
    await el.updateComplete;
    expect(toggles(el).map((b) => b.id)).to.deep.equal(['button-causes', 'button-removal']);

    const log = recordToggles(el);
    el.setAttribute('expanded', 'removal');
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['removal']);
    el.setAttribute('expanded', 'all');
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['causes', 'removal']);
    el.setAttribute('expanded', 'none');
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal([]);
    log.stop();
    expect(log.events.map((e) => `${e.section}:${e.expanded}`)).to.deep.equal([
      'removal:true',
      'causes:true',
      'causes:false',
      'removal:false',
    ]);

    el.setAttribute('heading-level', '5');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="heading"]')!.localName).to.equal('h5');

    el.setAttribute('single', '');
    await el.updateComplete;
    expect(showAll(el)).to.be.null;
    el.removeAttribute('single');
    await el.updateComplete;
    expect(showAll(el)).to.exist;
  });

  it("expanded does not reflect the reader's toggles", async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded="overview"></milia-info>`);
    toggles(el)[1].click();
    await el.updateComplete;
    expect(el.getAttribute('expanded')).to.equal('overview');
  });

  it('drops open state of sections that are no longer shown', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded="all"></milia-info>`);
    el.sections = 'overview';
    await el.updateComplete;
    el.sections = null;
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['overview']);
  });
});
