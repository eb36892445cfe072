import {expect, html} from '@open-wc/testing';
import '../../src/index.js';
import type {MiliaInfo} from '../../src/milia-info.js';
import {panels, render, shadow, showAll, titles, toggles} from './helpers.js';
// The shipped English strings carry the review dates, formatted: tests read them from the
// content instead of repeating them, so a content review does not need a test edit.
import english from 'milia-content/en';

const ALL_IDS = ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor'];

describe('<milia-info> structure and ARIA (APG accordion)', () => {
  it('renders all six sections in content order by default, all collapsed', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    expect(toggles(el).map((b) => b.id)).to.deep.equal(ALL_IDS.map((id) => `button-${id}`));
    expect(titles(el)[0]).to.equal('What are milia?');
    expect(titles(el)[5]).to.equal('When to see a doctor');
    for (const button of toggles(el)) expect(button.getAttribute('aria-expanded')).to.equal('false');
    for (const panel of panels(el)) expect(panel.getAttribute('hidden')).to.equal('until-found');
  });

  it('puts exactly one button in each h2 and wires aria-controls / aria-labelledby in the same root', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded></milia-info>`);
    const headings = [...shadow(el).querySelectorAll('[part~="heading"]')];
    expect(headings).to.have.length(6);
    for (const heading of headings) {
      expect(heading.localName).to.equal('h2');
      expect(heading.children).to.have.length(1);
      const button = heading.children[0] as HTMLButtonElement;
      expect(button.localName).to.equal('button');
      const panel = shadow(el).getElementById(button.getAttribute('aria-controls')!)!;
      expect(panel, 'aria-controls names a panel in the same shadow root').to.exist;
      expect(panel.getAttribute('role')).to.equal('region');
      expect(panel.getAttribute('aria-labelledby')).to.equal(button.id);
    }
  });

  it('makes a panel a labelled region only while it is open (no empty landmarks)', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded="types"></milia-info>`);
    const regions = [...shadow(el).querySelectorAll('[role="region"]')];
    expect(regions.map((panel) => panel.id)).to.deep.equal(['panel-types']);
    for (const panel of panels(el).filter((panel) => panel.id !== 'panel-types')) {
      expect(panel.hasAttribute('aria-labelledby'), panel.id).to.be.false;
    }
    el.toggle('types');
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[role="region"]')).to.have.length(0);
    el.toggle('causes');
    await el.updateComplete;
    const causes = shadow(el).getElementById('panel-causes')!;
    expect(causes.getAttribute('role')).to.equal('region');
    expect(causes.getAttribute('aria-labelledby')).to.equal('button-causes');
  });

  it('uses heading-level for the heading elements', async () => {
    const el = await render<MiliaInfo>(html`<milia-info heading-level="4"></milia-info>`);
    const levels = [...shadow(el).querySelectorAll('[part~="heading"]')].map((h) => h.localName);
    expect(levels).to.deep.equal(Array(6).fill('h4'));
    el.headingLevel = 3;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="heading"]')!.localName).to.equal('h3');
  });

  it('shows the chosen sections in the order given', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="see-a-doctor overview"></milia-info>`);
    expect(toggles(el).map((b) => b.id)).to.deep.equal(['button-see-a-doctor', 'button-overview']);
  });

  it('opens sections named by expanded at first render', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded="types removal"></milia-info>`);
    const open = toggles(el)
      .filter((b) => b.getAttribute('aria-expanded') === 'true')
      .map((b) => b.id);
    expect(open).to.deep.equal(['button-types', 'button-removal']);
    const typesPanel = shadow(el).getElementById('panel-types')!;
    expect(typesPanel.hasAttribute('hidden')).to.be.false;
    expect(typesPanel.getBoundingClientRect().height).to.be.greaterThan(20);
  });

  it('treats a bare expanded attribute as all', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded></milia-info>`);
    expect(toggles(el).every((b) => b.getAttribute('aria-expanded') === 'true')).to.be.true;
    expect(showAll(el)!.textContent!.trim()).to.equal('Hide all sections');
  });

  it('renders content as real elements: paragraphs, lists and strong text', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="overview" expanded></milia-info>`);
    const panel = panels(el)[0];
    expect(panel.querySelectorAll('p').length).to.be.greaterThan(1);
    expect(panel.querySelectorAll('ul > li').length).to.be.greaterThan(2);
    expect(panel.textContent).to.match(/not contagious/);
  });

  it('lists in the footer the review dates, the sources of the shown sections and the disclaimer', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="see-a-doctor"></milia-info>`);
    const footer = shadow(el).querySelector('[part~="footer"]')!;
    expect(english.strings.reviewedOn).to.match(/^Checked against its sources on \w+ \d{1,2}, \d{4}\.$/);
    expect(english.strings.nextReviewDue).to.match(/^Next review due \w+ \d{1,2}, \d{4}\.$/);
    expect(footer.textContent).to.include(english.strings.reviewedOn);
    expect(footer.textContent).to.include(english.strings.nextReviewDue);
    expect(footer.textContent).to.match(/general information, not a diagnosis/);
    const links = [...footer.querySelectorAll('a')];
    expect(links.length).to.be.greaterThan(0);
    for (const link of links) expect(link.href).to.match(/^https:\/\//);
    // see-a-doctor cites the NHS fever page; a section that does not cite it must not list it.
    expect(links.map((a) => a.textContent)).to.include('NHS: High temperature (fever) in children');
    const other = await render<MiliaInfo>(html`<milia-info sections="causes"></milia-info>`);
    const otherLinks = [...shadow(other).querySelectorAll('[part~="footer"] a')].map((a) => a.textContent);
    expect(otherLinks).not.to.include('NHS: High temperature (fever) in children');
  });

  it('lists sources of every shown section, open or not', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    // As many links as distinct sources cited by the six sections (items cite sources by index).
    const cited = new Set(english.info.flatMap((section) => section.sources));
    expect(cited.size).to.be.greaterThan(1);
    expect(shadow(el).querySelectorAll('[part~="footer"] a').length).to.equal(cited.size);
  });

  it('hides light-DOM fallback children once upgraded and keeps slotted header and footer', async () => {
    const el = await render<MiliaInfo>(
      html`<milia-info>
        <p id="fallback">Read about milia on <a href="https://dermnetnz.org/topics/milium">DermNet</a>.</p>
        <p slot="header" id="intro">From our clinic</p>
        <p slot="footer" id="book">Book an appointment</p>
      </milia-info>`
    );
    expect(el.querySelector('#fallback')!.getBoundingClientRect().height).to.equal(0);
    expect(el.querySelector('#intro')!.getBoundingClientRect().height).to.be.greaterThan(0);
    const footerSlot = shadow(el).querySelector<HTMLSlotElement>('[part~="footer"] slot[name="footer"]')!;
    expect(footerSlot.assignedElements()[0].id).to.equal('book');
    expect(shadow(el).querySelector('[part~="footer"]')!.textContent).to.match(/not a diagnosis/);
  });

  it('exposes every documented part', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    for (const part of ['section', 'heading', 'button', 'icon', 'panel', 'controls', 'footer']) {
      expect(shadow(el).querySelector(`[part~="${part}"]`), part).to.exist;
    }
  });

  it('marks its content language and direction on the inner root', async () => {
    const host = document.createElement('div');
    host.dir = 'rtl';
    document.body.append(host);
    const el = document.createElement('milia-info');
    host.append(el);
    await el.updateComplete;
    const root = shadow(el).querySelector('.root')!;
    host.remove();
    expect(root.getAttribute('lang')).to.equal('en');
    expect(root.getAttribute('dir')).to.equal('ltr');
  });

  it('is accessible (axe) collapsed and fully expanded', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    await expect(el).to.be.accessible();
    el.expandAll();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
