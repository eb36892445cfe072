// Lighthouse (the npm CLI) against a URL on the in-process server, driving system Chromium.
import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync} from 'node:fs';
import {BROWSERS, CHROMIUM_ARGS} from '../test/runner/browsers.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TIMEOUT_MS = 180_000;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

export async function runLighthouse(url, outBase = 'reports/lighthouse-demo') {
  mkdirSync('reports', {recursive: true});
  const chromeFlags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
  // Async spawn, never spawnSync: the server answering Lighthouse lives in this process.
  const child = spawn(
    process.execPath,
    [
      'node_modules/lighthouse/cli/index.js',
      url,
      '--quiet',
      '--output=json',
      '--output=html',
      `--output-path=${outBase}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${chromeFlags}`,
    ],
    {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, CHROME_PATH: BROWSERS.chromium.path}}
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`lighthouse took longer than ${TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`));
    }, TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c ?? 1);
    });
  });
  if (code !== 0) throw new Error(`lighthouse exited with ${code}:\n${output.slice(-3000)}`);
  const jsonPath = `${outBase}.report.json`;
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const scores = {};
  for (const id of CATEGORIES) {
    const score = report.categories[id]?.score;
    if (typeof score !== 'number') throw new Error(`lighthouse gave no ${id} score`);
    scores[id] = Math.round(score * 100);
  }
  const metrics = Object.fromEntries(METRICS.map((id) => [id, report.audits[id]?.numericValue ?? null]));
  const failing = Object.fromEntries(
    CATEGORIES.map((id) => [
      id,
      report.categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 0.9)
        .map((ref) => ref.id),
    ])
  );
  return {
    url,
    lighthouseVersion: report.lighthouseVersion,
    formFactor: report.configSettings.formFactor,
    throttlingMethod: report.configSettings.throttlingMethod,
    userAgent: report.environment?.hostUserAgent,
    scores,
    metrics,
    auditsBelow90: failing,
    runWarnings: report.runWarnings,
    reports: [jsonPath, `${outBase}.report.html`],
  };
}
