import {expect, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/index.js';
import type {MiliaFaq} from '../../src/milia-faq.js';
import {
  isOpen,
  openIds,
  panels,
  recordToggles,
  recordWarnings,
  render,
  settle,
  shadow,
  showAll,
  titles,
  toggles,
} from './helpers.js';

const QUESTION_IDS = [
  'what-are-milia',
  'whiteheads',
  'contagious',
  'babies',
  'go-away',
  'pop',
  'causes',
  'removal',
  'retinoids',
  'eyes',
  'prevention',
  'see-a-doctor',
];

describe('<milia-faq>', () => {
  it('renders the twelve questions in order, collapsed, as APG accordion buttons in headings', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq></milia-faq>`);
    expect(toggles(el).map((b) => b.id.replace('button-', ''))).to.deep.equal(QUESTION_IDS);
    expect(titles(el)[0]).to.equal('What are milia?');
    expect(titles(el)[5]).to.equal('Can I squeeze or pop milia at home?');
    for (const button of toggles(el)) {
      expect(button.parentElement!.localName).to.equal('h2');
      expect(button.parentElement!.children).to.have.length(1);
      expect(isOpen(button)).to.be.false;
      expect(shadow(el).getElementById(button.getAttribute('aria-controls')!)).to.exist;
    }
  });

  it('gives its panels no region role (a dozen landmarks would flood the list)', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq></milia-faq>`);
    for (const panel of panels(el)) {
      expect(panel.hasAttribute('role')).to.be.false;
      expect(panel.hasAttribute('aria-labelledby')).to.be.false;
      expect(panel.getAttribute('hidden')).to.equal('until-found');
    }
  });

  it('shows the chosen questions and opens expanded ones', async () => {
    const el = await render<MiliaFaq>(
      html`<milia-faq questions="pop babies eyes" expanded="babies" heading-level="3"></milia-faq>`
    );
    expect(toggles(el).map((b) => b.id)).to.deep.equal(['button-pop', 'button-babies', 'button-eyes']);
    expect(openIds(el)).to.deep.equal(['babies']);
    expect(shadow(el).querySelector('[part~="heading"]')!.localName).to.equal('h3');
    expect(panels(el)[1].textContent).to.match(/38 °C/);
  });

  it('labels its show-all control for answers', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq questions="pop babies"></milia-faq>`);
    const control = showAll(el)!;
    expect(control.textContent!.trim()).to.equal('Show all answers');
    control.click();
    await el.updateComplete;
    expect(control.textContent!.trim()).to.equal('Hide all answers');
    expect(control.getAttribute('aria-expanded')).to.equal('true');
    expect(openIds(el)).to.deep.equal(['pop', 'babies']);
  });

  it('toggles with the keyboard and fires milia-toggle with the question id', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq questions="contagious eyes"></milia-faq>`);
    const log = recordToggles(el);
    toggles(el)[1].focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    await sendKeys({press: ' '});
    await el.updateComplete;
    log.stop();
    expect(log.events).to.deep.equal([
      {section: 'eyes', expanded: true, trigger: 'click', lang: 'en'},
      {section: 'eyes', expanded: false, trigger: 'click', lang: 'en'},
    ]);
  });

  it('single mode, methods and beforematch work as in <milia-info>', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq single></milia-faq>`);
    expect(showAll(el)).to.be.null;
    el.toggle('pop');
    el.toggle('eyes');
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['eyes']);
    el.collapseAll();
    await el.updateComplete;
    panels(el)[2].dispatchEvent(new Event('beforematch'));
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['contagious']);
  });

  it('opens a question from a #milia-<id> link', async () => {
    history.replaceState(null, '', '#milia-retinoids');
    try {
      const el = await render<MiliaFaq>(html`<milia-faq></milia-faq>`);
      await settle(el);
      expect(openIds(el)).to.deep.equal(['retinoids']);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('lists the sources of the shown answers and the disclaimer in its footer', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq questions="babies"></milia-faq>`);
    const footer = shadow(el).querySelector('[part~="footer"]')!;
    const sources = [...footer.querySelectorAll('a')].map((a) => a.textContent);
    expect(sources).to.include('NHS: High temperature (fever) in children');
    expect(sources).to.include('NHS: Rashes in babies and children');
    expect(footer.textContent).to.match(/Next review due/);
    expect(footer.textContent).to.match(/not a diagnosis/);
  });

  it('warns once about an unknown question id and renders the rest', async () => {
    const warnings = recordWarnings();
    try {
      const el = await render<MiliaFaq>(html`<milia-faq questions="pop cure-all eyes"></milia-faq>`);
      expect(toggles(el).map((b) => b.id)).to.deep.equal(['button-pop', 'button-eyes']);
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.match(
        /<milia-faq> questions="pop cure-all eyes": not valid: "cure-all"; skipped\. Valid: .*"see-a-doctor"/
      );
    } finally {
      warnings.restore();
    }
  });

  it('is accessible (axe) collapsed and expanded', async () => {
    const el = await render<MiliaFaq>(html`<milia-faq></milia-faq>`);
    await expect(el).to.be.accessible();
    el.expandAll();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
