import {expect} from '@open-wc/testing';
import type {MiliaInfo} from '../../../src/milia-info.js';
import {titles} from '../helpers.js';
import {openHostPage, waitFor, type HostFrame} from './host-frame.js';

// A site whose Content-Security-Policy enforces Trusted Types but lists only its own policies
// (test/runner/lifecycle/pages.mjs: `trusted-types lit-html 'allow-duplicates'`, no
// `milia-widgets`). Our structured data cannot be written there: it is skipped with one
// warning that names the directive and the value to add, and nothing throws.

const ours = (messages: string[]) => messages.filter((message) => message.startsWith('milia-widgets:'));
const jsonLd = (page: HostFrame) => page.doc.querySelectorAll('script[type="application/ld+json"]').length;

/** Whether this engine enforces Trusted Types; said in the test titles. */
const enforced = 'trustedTypes' in window;
const support = enforced ? 'Trusted Types enforced' : 'no Trusted Types in this engine: structured data is written';

describe('Trusted Types policy without milia-widgets (built bundles)', function () {
  this.timeout(20000);
  let page: HostFrame | undefined;
  afterEach(() => {
    page?.close();
    page = undefined;
  });

  for (const file of ['module', 'classic']) {
    it(`${file} script (${support}): no error, the widgets work, one warning naming the directive`, async () => {
      page = await openHostPage(`lifecycle-trusted-types-${file}`);
      const widgets = [...page.doc.querySelectorAll<MiliaInfo>('milia-info, milia-faq')];
      await Promise.all(widgets.map((el) => el.updateComplete));
      expect(widgets.map((el) => titles(el).length)).to.deep.equal([2, 2]);
      if (!enforced) {
        await waitFor(() => jsonLd(page!) === 2, 'FAQPage and MedicalWebPage written');
        expect(ours(page.warnings())).to.deep.equal([]);
        return;
      }
      await waitFor(() => ours(page!.warnings()).length, 'a warning about the policy', 3000).catch(() => {});
      // More writes: another asking element comes and one goes.
      const more = page.create<MiliaInfo>('milia-faq', {'structured-data': '', questions: 'eyes'});
      page.doc.body.append(more);
      await more.updateComplete;
      widgets[0].remove();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(page.win.__early.errors, 'page errors').to.deep.equal([]);
      expect(jsonLd(page), 'JSON-LD written').to.equal(0);
      const warnings = ours(page.warnings());
      expect(warnings, page.warnings().join('\n')).to.have.length(1);
      expect(warnings[0]).to.match(/Content-Security-Policy/);
      expect(warnings[0], 'names the directive and our policy name').to.match(/trusted-types .*milia-widgets/);
      // The site's policy is enforced, and only Trusted Types were refused (no other directive broke).
      expect(page.win.__early.violations.join('\n')).not.to.match(/^(?!trusted-types|require-trusted-types-for)/m);
      // The widgets still work.
      const buttons = more.shadowRoot!.querySelectorAll('button[aria-controls]');
      (buttons[0] as HTMLButtonElement).click();
      await more.updateComplete;
      expect(buttons[0].getAttribute('aria-expanded')).to.equal('true');
    });
  }
});
