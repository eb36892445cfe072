import {expect, html} from '@open-wc/testing';
import '../../src/index.js';
import {defineElement} from '../../src/internal/define.js';
import {loadOnDemand} from '../../src/internal/page.js';
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
    expect(warnings.messages[0]).to.match(/expanded="causes zits": not valid: "zits"; skipped\. Valid: .*"causes"/);
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
    const el = await render<MiliaInfo>(
      html`<milia-info sections=${'<img src=x onerror=alert(1)>'} expanded=${'<b>x</b>'}></milia-info>`
    );
    expect(shadow(el).querySelector('img, b')).to.be.null;
    expect(toggles(el)).to.have.length(6);
  });

  it('registering the element a second time does not throw and keeps the first definition', () => {
    expect(() => defineElement('milia-info', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('milia-info')).to.equal(MiliaInfo);
  });
});

/**
 * Every attribute of both elements with the kinds of wrong values CMS editors and scripts
 * produce. Each must render, never throw, never turn the value into markup, and log at most
 * one warning per element and bad value.
 */
describe('bad values in every attribute, both elements', () => {
  const HOSTILE = '<img src=x onerror="window.__injected=1">';
  const CASES: Record<string, string[]> = {
    list: [
      '',
      '   ',
      'OVERVIEW',
      '  overview   causes  ',
      'overview overview',
      '42',
      '["overview"]',
      '{"a":1}',
      HOSTILE,
      'overview pimples zits',
    ],
    expanded: ['', 'ALL', ' None ', '7', '["all"]', HOSTILE, 'overview nope', 'true'],
    'heading-level': ['', '0', '1', '7', '-2', '2.5', 'two', '[3]', '{"level":3}', HOSTILE, ' 3 '],
    single: ['', 'false', 'FALSE', 'single', HOSTILE],
    lang: ['', 'xx', 'EN', 'es_MX', '{"lang":"es"}', HOSTILE, '123'],
    'structured-data': ['', 'false', 'yes', HOSTILE],
  };

  for (const tag of ['milia-info', 'milia-faq']) {
    const listAttribute = tag === 'milia-info' ? 'sections' : 'questions';
    for (const [key, values] of Object.entries(CASES)) {
      if (key === 'structured-data' && tag !== 'milia-faq') continue;
      const attribute = key === 'list' ? listAttribute : key;
      it(`<${tag} ${attribute}>: ${values.length} wrong values`, async () => {
        for (const value of values) {
          const warnings = recordWarnings();
          const errors: string[] = [];
          const onError = (event: ErrorEvent) => errors.push(event.message);
          addEventListener('error', onError);
          try {
            const el = document.createElement(tag) as MiliaInfo;
            el.setAttribute(attribute, value);
            document.body.append(el);
            await el.updateComplete;
            el.requestUpdate();
            await el.updateComplete;
            // Some warnings' words come with the on-demand file: let them arrive here.
            await loadOnDemand();
            await new Promise((resolve) => setTimeout(resolve));
            const label = `${attribute}="${value}"`;
            expect(errors, label).to.deep.equal([]);
            expect(toggles(el).length, `${label} still renders`).to.be.greaterThan(0);
            expect(shadow(el).querySelector('img, script, b'), `${label} adds no markup`).to.be.null;
            expect((window as {__injected?: number}).__injected, label).to.be.undefined;
            expect(warnings.messages.length, `${label}: ${warnings.messages.join(' | ')}`).to.be.at.most(1);
            if (warnings.messages.length) expect(warnings.messages[0], label).to.include(`${attribute}="${value}"`);
            el.remove();
          } finally {
            removeEventListener('error', onError);
            warnings.restore();
          }
        }
      });
    }
  }

  it('boolean attributes written ="false" warn that they are still on', async () => {
    const warnings = recordWarnings();
    try {
      await render<MiliaInfo>(html`<milia-info single="false"></milia-info>`);
      // The warning's words come with the on-demand file: a task after it loads, it is logged.
      await loadOnDemand();
      await new Promise((resolve) => setTimeout(resolve));
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.match(/single="false" is still on/);
    } finally {
      warnings.restore();
    }
  });

  it('valid-but-odd values do not warn: mixed case, extra spaces, region tags', async () => {
    const warnings = recordWarnings();
    try {
      await render<MiliaInfo>(
        html`<milia-info sections=" OVERVIEW  Causes " expanded=" ALL " heading-level=" 3 " lang="EN-gb"></milia-info>`
      );
      expect(warnings.messages).to.deep.equal([]);
    } finally {
      warnings.restore();
    }
  });
});
