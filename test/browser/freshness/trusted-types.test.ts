import {expect} from '@open-wc/testing';
import {STRICT_CSP} from '../../runner/csp.mjs';
import type {AccordionElement} from '../../../src/internal/accordion-element.js';
import {jsonLdScripts, waitFor} from './freshness.js';

/**
 * Both structured-data kinds under the strict CSP the docs print (test/runner/csp.mjs), each
 * page in an iframe of its own (test/browser/freshness/pages/): the policy comes in a <meta>
 * element, the elements from src/ as a module, and pages/early.js records errors, violations
 * and warnings from the start. (Not srcdoc pages: Firefox does not let `script-src 'self'`
 * match anything in an about:srcdoc document.)
 */
interface Early {
  errors: string[];
  violations: string[];
  warnings: string[];
}

/** Loads a page of pages/; resolves once both of its elements have rendered. */
async function loadPage(name: string) {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/freshness/pages/${name}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & {__early?: Early};
  const doc = frame.contentDocument!;
  const defined = await waitFor(() => ['milia-info', 'milia-faq'].every((tag) => win.customElements.get(tag)), 8000);
  expect(defined, `the elements are defined; the page saw ${JSON.stringify(win.__early)}`).to.be.true;
  const elements = [...doc.querySelectorAll<AccordionElement>('milia-info, milia-faq')];
  await Promise.all(elements.map((el) => el.updateComplete));
  expect(
    elements.map((el) => !!el.shadowRoot?.querySelector('button[aria-controls]')),
    'both rendered'
  ).to.deep.equal([true, true]);
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
  return {frame, doc, csp, early: win.__early!};
}

const hasTrustedTypes = 'trustedTypes' in window;
const engine = hasTrustedTypes ? 'Trusted Types enforced' : 'no Trusted Types in this engine: CSP only';

describe('structured data under a strict CSP with Trusted Types', function () {
  this.timeout(20000);

  it(`writes one FAQPage and one MedicalWebPage through the milia-widgets policy, with no violation (${engine})`, async () => {
    const {frame, doc, csp, early} = await loadPage('strict-csp.html');
    try {
      expect(csp, 'the policy the docs print').to.equal(STRICT_CSP);
      expect(await waitFor(() => jsonLdScripts(doc).length === 2), 'both scripts written').to.be.true;
      const types = jsonLdScripts(doc).map((script) => JSON.parse(script.text)['@type']);
      expect(types.sort()).to.deep.equal(['FAQPage', 'MedicalWebPage']);
      expect(early.errors).to.deep.equal([]);
      expect(early.violations).to.deep.equal([]);
      expect(early.warnings).to.deep.equal([]);
      if (hasTrustedTypes) {
        // The page really requires Trusted Types: script text set without a policy is refused.
        let refused: unknown;
        try {
          doc.createElement('script').text = '{}';
        } catch (error) {
          refused = error;
        }
        // The frame's own TypeError (another realm's class), so by name.
        expect((refused as Error | undefined)?.name).to.equal('TypeError');
      }
    } finally {
      frame.remove();
    }
  });

  it(
    hasTrustedTypes
      ? 'skips both kinds with one warning naming the directive when the CSP does not allow milia-widgets; nothing throws'
      : 'a CSP that leaves out milia-widgets changes nothing here (no Trusted Types in this engine): both kinds are written',
    async () => {
      const {frame, doc, csp, early} = await loadPage('csp-without-policy.html');
      try {
        expect(csp).to.equal(STRICT_CSP.replace(' milia-widgets', ''));
        if (hasTrustedTypes) {
          expect(await waitFor(() => early.warnings.length > 0), 'a warning').to.be.true;
          // Give the other kind its chance to write (or to warn a second time).
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(jsonLdScripts(doc)).to.deep.equal([]);
          expect(early.warnings).to.have.length(1);
          expect(early.warnings[0]).to.include("trusted-types lit-html milia-widgets 'allow-duplicates'");
          expect(early.errors).to.deep.equal([]);
          expect(
            early.violations.every((v) => v.startsWith('trusted-types') || v.startsWith('require-trusted-types-for')),
            early.violations.join('\n')
          ).to.be.true;
        } else {
          expect(await waitFor(() => jsonLdScripts(doc).length === 2), 'both scripts written').to.be.true;
          expect(early.warnings).to.deep.equal([]);
        }
      } finally {
        frame.remove();
      }
    }
  );
});
