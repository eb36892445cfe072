import {expect, html} from '@open-wc/testing';
import '../../src/index.js';
import type {MiliaInfo} from '../../src/milia-info.js';
import {isOpen, panels, recordToggles, render, toggles} from './helpers.js';
import {PRINT, emulationNote, underMedia} from './media.js';

/** Chromium and Firefox 139+ fire beforematch and render hidden="until-found"; older engines treat it as plain hidden. */
const supportsUntilFound = 'onbeforematch' in HTMLElement.prototype;

describe('find-in-page and print', () => {
  it('collapsed panels use hidden="until-found" and open on beforematch, with an event', async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    const panel = panels(el)[2];
    expect(panel.getAttribute('hidden')).to.equal('until-found');
    const log = recordToggles(el);
    // The browser fires beforematch on the hidden element when find-in-page or a text
    // fragment is about to reveal it; we answer by opening the section.
    panel.dispatchEvent(new Event('beforematch', {bubbles: true}));
    await el.updateComplete;
    log.stop();
    expect(isOpen(toggles(el)[2])).to.be.true;
    expect(panel.hasAttribute('hidden')).to.be.false;
    expect(log.events).to.deep.equal([{section: 'causes', expanded: true, trigger: 'find', lang: 'en'}]);
  });

  it(
    supportsUntilFound
      ? 'collapsed panels stay searchable by find-in-page (hidden="until-found" supported here)'
      : 'collapsed panels fall back to plain hidden (this engine lacks hidden="until-found"; find-in-page cannot reach them)',
    async () => {
      const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
      const style = getComputedStyle(panels(el)[0]);
      if (supportsUntilFound) {
        expect(style.contentVisibility).to.equal('hidden');
        expect(style.display).not.to.equal('none');
      } else {
        expect(style.display).to.equal('none');
      }
      expect(panels(el)[0].getBoundingClientRect().height).to.equal(0);
    }
  );

  it(`prints every section expanded, without the controls${emulationNote}`, async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    const restore = await underMedia(el, PRINT);
    try {
      for (const panel of panels(el)) {
        expect(getComputedStyle(panel).display, 'panel shows in print').not.to.equal('none');
        expect(panel.getBoundingClientRect().height).to.be.greaterThan(20);
      }
      const controls = el.shadowRoot!.querySelector('[part~="controls"]')!;
      expect(getComputedStyle(controls).display).to.equal('none');
    } finally {
      await restore();
    }
    expect(panels(el)[0].getBoundingClientRect().height).to.equal(0);
  });
});
