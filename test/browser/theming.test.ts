import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/index.js';
import type {MiliaInfo} from '../../src/milia-info.js';
import {render, shadow, showAll, toggles} from './helpers.js';
import {FORCED_COLORS, REDUCED_MOTION, emulationNote, underMedia} from './media.js';

const part = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`)!;
const style = (node: Element) => getComputedStyle(node);

/** WCAG relative luminance and contrast ratio of two computed `rgb()` colours. */
function luminance(color: string): number {
  const [r, g, b] = color
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('theming surface', () => {
  it('every --milia-* custom property changes what it names', async () => {
    const el = await render<MiliaInfo>(
      html`<milia-info
        expanded="overview"
        style="
        --milia-font-family: monospace;
        --milia-font-size: 21px;
        --milia-line-height: 2;
        --milia-color-text: rgb(1, 2, 3);
        --milia-color-muted: rgb(4, 5, 6);
        --milia-color-accent: rgb(7, 8, 9);
        --milia-color-surface: rgb(10, 11, 12);
        --milia-color-border: rgb(13, 14, 15);
        --milia-radius: 9px;
        --milia-space: 30px;
        --milia-focus-ring: 5px dashed rgb(16, 17, 18);
        --milia-scroll-margin: 77px;
      "
      ></milia-info>`
    );
    const root = shadow(el).querySelector('.root')!;
    const section = part(el, 'section');
    const panel = part(el, 'panel');
    expect(style(root).fontFamily).to.equal('monospace');
    expect(style(root).fontSize).to.equal('21px');
    expect(style(root).lineHeight).to.equal('42px');
    expect(style(root).color).to.equal('rgb(1, 2, 3)');
    expect(style(part(el, 'footer')).color).to.equal('rgb(4, 5, 6)');
    expect(style(part(el, 'footer').querySelector('a')!).color).to.equal('rgb(7, 8, 9)');
    expect(style(showAll(el)!).color).to.equal('rgb(7, 8, 9)');
    expect(style(part(el, 'icon')).borderRightColor).to.equal('rgb(7, 8, 9)');
    expect(style(section).backgroundColor).to.equal('rgb(10, 11, 12)');
    expect(style(section).borderTopColor).to.equal('rgb(13, 14, 15)');
    expect(style(part(el, 'button')).borderTopLeftRadius).to.equal('9px');
    expect(style(panel).paddingBottom).to.equal('30px');
    expect(style(section).scrollMarginTop).to.equal('77px');
    showAll(el)!.focus();
    await sendKeys({press: 'Tab'});
    const focused = style(toggles(el)[0]);
    expect(focused.outlineStyle).to.equal('dashed');
    expect(focused.outlineWidth).to.equal('5px');
    expect(focused.outlineColor).to.equal('rgb(16, 17, 18)');
  });

  it('custom properties set on an ancestor reach the widget', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--milia-color-accent: rgb(200, 0, 0)"><milia-info></milia-info></div>`
    );
    const el = wrapper.querySelector('milia-info')!;
    await el.updateComplete;
    expect(style(showAll(el)!).color).to.equal('rgb(200, 0, 0)');
  });

  it('::part() names let a site style the inside', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          .themed::part(button) {
            background: rgb(0, 0, 200);
          }
          .themed::part(panel) {
            font-style: italic;
          }
        </style>
        <milia-info class="themed" expanded="overview"></milia-info>
      </div>`
    );
    const el = wrapper.querySelector('milia-info')!;
    await el.updateComplete;
    expect(style(part(el, 'button')).backgroundColor).to.equal('rgb(0, 0, 200)');
    expect(style(part(el, 'panel')).fontStyle).to.equal('italic');
  });

  for (const [name, background, color] of [
    ['light', 'rgb(255, 255, 255)', 'rgb(34, 34, 34)'],
    ['dark', 'rgb(17, 20, 24)', 'rgb(233, 233, 233)'],
  ]) {
    it(`with no configuration, text, links and focus ring keep WCAG AA contrast on a ${name} page`, async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="background: ${background}; color: ${color}; font-family: serif">
          <milia-info expanded="overview"></milia-info>
        </div>`
      );
      const el = wrapper.querySelector('milia-info')!;
      await el.updateComplete;
      const root = shadow(el).querySelector('.root')!;
      expect(style(root).fontFamily, 'inherits the host font').to.equal('serif');
      expect(style(root).color, 'inherits the host text colour').to.equal(color);
      const link = part(el, 'footer').querySelector('a')!;
      expect(contrast(style(link).color, background)).to.be.at.least(4.5);
      expect(contrast(style(part(el, 'footer')).color, background)).to.be.at.least(4.5);
      expect(contrast(style(showAll(el)!).color, background)).to.be.at.least(4.5);
      showAll(el)!.focus();
      await sendKeys({press: 'Tab'});
      expect(contrast(style(toggles(el)[0]).outlineColor, background), 'focus ring').to.be.at.least(3);
    });
  }

  it(`forced colours: borders and focus use system colours${emulationNote}`, async () => {
    const el = await render<MiliaInfo>(html`<milia-info style="--milia-color-border: transparent"></milia-info>`);
    const restore = await underMedia(el, FORCED_COLORS);
    try {
      const border = style(part(el, 'section')).borderTopColor;
      expect(border, 'a transparent theme border becomes visible').not.to.equal('rgba(0, 0, 0, 0)');
      showAll(el)!.focus();
      await sendKeys({press: 'Tab'});
      expect(style(toggles(el)[0]).outlineStyle).to.equal('solid');
    } finally {
      await restore();
    }
  });

  it(`reduced motion: the chevron does not animate${emulationNote}`, async () => {
    const el = await render<MiliaInfo>(html`<milia-info></milia-info>`);
    expect(parseFloat(style(part(el, 'icon')).transitionDuration)).to.be.greaterThan(0);
    const restore = await underMedia(el, REDUCED_MOTION);
    try {
      expect(parseFloat(style(part(el, 'icon')).transitionDuration)).to.equal(0);
    } finally {
      await restore();
    }
  });
});
