import {expect} from '@open-wc/testing';
import {STRICT_CSP} from '../../runner/csp.mjs';
import {jsonLdScripts, loadBuiltPage, waitFor} from './freshness.js';

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

type EarlyWindow = Window & {__early?: Early};

/** Loads a page of pages/ (see loadBuiltPage), with its CSP and what it recorded from the start. */
async function loadPage(name: string) {
  const {frame, win, doc} = await loadBuiltPage(name, (win) => (win as EarlyWindow).__early);
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
  return {frame, doc, csp, early: (win as EarlyWindow).__early!};
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
