import {writeFileSync} from 'node:fs';

/**
 * Web Test Runner reporter that writes the pass/fail totals over every browser to a JSON
 * file, so `npm test` can add them to the Node totals on its closing line.
 */
export function summaryReporter(file) {
  return {
    onTestRunFinished({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0, perBrowser: {}};
      const walk = (suite, browser) => {
        for (const test of suite.tests ?? []) {
          const key = test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed';
          totals[key]++;
          browser[key]++;
        }
        for (const child of suite.suites ?? []) walk(child, browser);
      };
      for (const session of sessions) {
        const browser = (totals.perBrowser[session.browser.name] ??= {passed: 0, failed: 0, skipped: 0, files: 0});
        browser.files++;
        if (session.testResults) walk(session.testResults, browser);
        // A file that could not load counts as a failure, not as nothing.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) {
          totals.failed++;
          browser.failed++;
        }
      }
      if (file) writeFileSync(file, JSON.stringify(totals, null, 2));
    },
  };
}
