#!/usr/bin/env node
/**
 * Renders the content changelog, `content/CHANGES.md`, from `content/corrections.yaml`.
 *
 *   node tools/content/changelog.mjs           print the rendering
 *   node tools/content/changelog.mjs --write   write content/CHANGES.md
 *
 * A Node test fails when the committed CHANGES.md differs from the rendering, so the
 * changelog cannot drift from the corrections list.
 */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {SEVERITIES, loadCorrections} from './corrections.mjs';

export const CHANGES_FILE = 'CHANGES.md';
export const WRITE_COMMAND = 'node tools/content/changelog.mjs --write';

const HEADINGS = {
  safety: 'Safety',
  accuracy: 'Accuracy',
  wording: 'Wording',
};
const MEANING = {
  safety: 'advice that could lead a reader to wait when they should get help, or to use something unsafely',
  accuracy: 'facts that were wrong, missing or not supported by a listed source',
  wording: 'changes to words that keep the meaning, such as clearer or more natural Spanish',
};

/**
 * @param {{version: string, date: string, severity: string, ids: string[], summary: string}[]} corrections
 *   newest first, as compileContent() and loadCorrections() return them
 */
export function renderChangelog(corrections) {
  const lines = [
    '# Content changes',
    '',
    `<!-- Generated from content/corrections.yaml by \`${WRITE_COMMAND}\`. Do not edit by hand. -->`,
    '',
    'What changed in the text the widgets show, release by release, most serious first. Update to a',
    'release that lists a **safety** correction as soon as you can.',
    '',
  ];
  for (const severity of SEVERITIES) lines.push(`- **${HEADINGS[severity]}**: ${MEANING[severity]}.`);
  const releases = [];
  for (const correction of corrections) {
    let release = releases.find((r) => r.version === correction.version);
    if (!release) releases.push((release = {version: correction.version, date: correction.date, corrections: []}));
    release.corrections.push(correction);
  }
  for (const release of releases) {
    lines.push('', `## ${release.version} (${release.date})`);
    for (const severity of SEVERITIES) {
      const list = release.corrections.filter((c) => c.severity === severity);
      if (!list.length) continue;
      lines.push('', `### ${HEADINGS[severity]}`, '');
      for (const c of list) lines.push(`- ${c.summary} (${c.ids.map((id) => `\`${id}\``).join(', ')})`);
    }
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = 'content';
  const text = renderChangelog(loadCorrections(root));
  if (process.argv.includes('--write')) {
    writeFileSync(join(root, CHANGES_FILE), text);
    console.log(`wrote ${join(root, CHANGES_FILE)}`);
  } else {
    process.stdout.write(text);
  }
}
