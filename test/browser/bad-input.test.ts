import {expect, html} from '@open-wc/testing';
import '../../src/index.js';
import {defineOnce} from '../../src/internal/define.js';
import {MiliaInfo} from '../../src/milia-info.js';
import {openIds, recordWarnings, render, shadow, toggles} from './helpers.js';

describe('bad input gets one clear warning, never a crash', () => {
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => warnings.restore());

  it('an unknown id in sections: one warning naming it and the valid ids; the rest renders', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="overview pimples causes"></milia-info>`);
    expect(toggles(el).map((b) => b.id)).to.deep.equal(['button-overview', 'button-causes']);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.include('"pimples"');
    expect(warnings.messages[0]).to.include('"see-a-doctor"');
    el.requestUpdate();
    await el.updateComplete;
    expect(warnings.messages, 'not repeated on the next render').to.have.length(1);
  });

  it('sections with no valid id shows every section', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="foo"></milia-info>`);
    expect(toggles(el)).to.have.length(6);
    expect(warnings.messages).to.have.length(1);
  });

  it('mixed case and extra spaces are accepted without a warning', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="  Overview   TYPES " expanded=" TYPES "></milia-info>`);
    expect(toggles(el).map((b) => b.id)).to.deep.equal(['button-overview', 'button-types']);
    expect(openIds(el)).to.deep.equal(['types']);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('an unknown id in expanded: one warning; valid ids still open', async () => {
    const el = await render<MiliaInfo>(html`<milia-info expanded="causes zits"></milia-info>`);
    expect(openIds(el)).to.deep.equal(['causes']);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/expanded="causes zits": "zits" is not valid; skipping it\. Valid: .*"causes"/);
  });

  it('heading-level out of range or not a number: one warning naming the value and 2..6; uses h2', async () => {
    for (const value of ['7', '1', 'three', '2.5', '']) {
      warnings.messages.length = 0;
      const el = await render<MiliaInfo>(html`<milia-info heading-level=${value}></milia-info>`);
      expect(shadow(el).querySelector('[part~="heading"]')!.localName, value).to.equal('h2');
      expect(warnings.messages, value).to.have.length(1);
      expect(warnings.messages[0]).to.include(`heading-level="${value}"`);
      expect(warnings.messages[0]).to.include('Valid: "2", "3", "4", "5", "6"');
    }
  });

  it('toggle() with an unknown id warns and returns false', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    expect(el.toggle('nope')).to.be.false;
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.include('"nope"');
  });

  it('markup in an attribute is never rendered as markup', async () => {
    const el = await render<MiliaInfo>(html`<milia-info sections="<img src=x onerror=alert(1)>" expanded="<b>x</b>"></milia-info>`);
    expect(shadow(el).querySelector('img, b')).to.be.null;
    expect(toggles(el)).to.have.length(6);
  });

  it('registering the element a second time does not throw and keeps the first definition', () => {
    expect(() => defineOnce('milia-info', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('milia-info')).to.equal(MiliaInfo);
  });
});
