import {existsSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {LineCounter, parseDocument, isMap, isSeq} from 'yaml';
import {ProblemList} from './content-error.mjs';

/**
 * `content/corrections.yaml` is the single source of the content changelog: a list of
 * releases, newest first or in any order, each with the corrections it made.
 *
 *   - version: 0.1.1
 *     date: 2026-12-02
 *     corrections:
 *       - severity: safety            # safety | accuracy | wording
 *         ids: [info/see-a-doctor, faq/babies]   # <kind>/<id> from content/ids.yaml
 *         summary: One or two plain sentences a site owner understands.
 *
 * `content/CHANGES.md` is rendered from it by tools/content/changelog.mjs.
 */

export const SEVERITIES = ['safety', 'accuracy', 'wording'];
export const CORRECTIONS_FILE = 'corrections.yaml';
const RELEASE_KEYS = ['version', 'date', 'corrections'];
const CORRECTION_KEYS = ['severity', 'ids', 'summary'];

/**
 * Validates the corrections file and returns every correction, flattened and newest first:
 * `{version, date, severity, ids, summary}`. A root without the file has no corrections.
 *
 * @param {string} text  its contents
 * @param {{info: string[], faq: string[]}} ids  the public ids
 * @param {string} where  the path shown in messages
 * @param {ProblemList} problems
 */
export function validateCorrections(text, ids, where, problems) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false});
  const lineAt = (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  if (doc.errors.length) {
    for (const error of doc.errors) problems.add(where, lineCounter.linePos(error.pos[0]).line, `invalid YAML: ${error.message.split('\n')[0]}`);
    return [];
  }
  if (!isSeq(doc.contents)) {
    problems.add(where, lineAt(doc.contents), 'corrections.yaml must be a list of releases ("- version: ...")');
    return [];
  }
  const known = new Set(Object.entries(ids).flatMap(([kind, list]) => (Array.isArray(list) ? list.map((id) => `${kind}/${id}`) : [])));
  const releases = [];
  const seenVersions = new Set();

  for (const node of doc.contents.items) {
    if (!isMap(node)) {
      problems.add(where, lineAt(node), 'a release must be a mapping with version, date and corrections');
      continue;
    }
    const keyLine = (map, key) => lineAt(map.items.find((pair) => pair.key?.value === key)?.key ?? map);
    const release = node.toJS(doc);
    for (const key of Object.keys(release)) {
      if (!RELEASE_KEYS.includes(key)) problems.add(where, keyLine(node, key), `unknown key "${key}" (allowed: ${RELEASE_KEYS.join(', ')})`);
    }
    const version = String(release.version ?? '');
    if (!/^\d+\.\d+\.\d+$/.test(version)) {
      problems.add(where, keyLine(node, 'version'), `"version" must be a version such as 0.1.1, not "${version}"`);
    } else if (seenVersions.has(version)) {
      problems.add(where, keyLine(node, 'version'), `version ${version} is listed twice`);
    }
    seenVersions.add(version);
    const date = typeof release.date === 'string' ? release.date : '';
    if (!isIsoDay(date)) problems.add(where, keyLine(node, 'date'), `"date" must be a date written YYYY-MM-DD, not "${release.date ?? ''}"`);

    const list = node.items.find((pair) => pair.key?.value === 'corrections')?.value;
    if (!isSeq(list) || !list.items.length) {
      problems.add(where, keyLine(node, 'corrections'), '"corrections" must list at least one correction');
      continue;
    }
    const corrections = [];
    for (const item of list.items) {
      if (!isMap(item)) {
        problems.add(where, lineAt(item), 'a correction must be a mapping with severity, ids and summary');
        continue;
      }
      const correction = item.toJS(doc);
      for (const key of Object.keys(correction)) {
        if (!CORRECTION_KEYS.includes(key)) problems.add(where, keyLine(item, key), `unknown key "${key}" (allowed: ${CORRECTION_KEYS.join(', ')})`);
      }
      if (!SEVERITIES.includes(correction.severity)) {
        problems.add(where, keyLine(item, 'severity'), `"severity" must be one of ${SEVERITIES.join(', ')}, not "${correction.severity ?? ''}"`);
      }
      const itemIds = correction.ids;
      if (!Array.isArray(itemIds) || !itemIds.length) {
        problems.add(where, keyLine(item, 'ids'), '"ids" must list the changed items as <info|faq>/<id>');
      } else {
        for (const id of itemIds) {
          if (!known.has(id)) problems.add(where, keyLine(item, 'ids'), `unknown id "${id}" (write <info|faq>/<id> with an id from content/ids.yaml)`);
        }
      }
      const summary = typeof correction.summary === 'string' ? correction.summary.trim().replace(/\s+/g, ' ') : '';
      if (!summary) problems.add(where, keyLine(item, 'summary'), '"summary" must say in plain words what was corrected');
      corrections.push({version, date, severity: correction.severity, ids: Array.isArray(itemIds) ? itemIds : [], summary});
    }
    releases.push({version, date, corrections});
  }
  // Newest first: by date, then by version; a release keeps the order of its corrections.
  releases.sort((a, b) => b.date.localeCompare(a.date) || compareVersions(b.version, a.version));
  return releases.flatMap((release) => release.corrections);
}

/**
 * Reads and validates `<root>/corrections.yaml` on its own (the changelog script needs no
 * other content). Throws a ContentError listing every problem.
 *
 * @param {string} root  the content folder
 */
export function loadCorrections(root = 'content') {
  const problems = new ProblemList();
  const show = (path) => relative(process.cwd(), path) || path;
  const idsFile = join(root, 'ids.yaml');
  const ids = parseDocument(readFileSync(idsFile, 'utf8')).toJS() ?? {};
  const file = join(root, CORRECTIONS_FILE);
  if (!existsSync(file)) return [];
  const corrections = validateCorrections(readFileSync(file, 'utf8'), ids, show(file), problems);
  problems.throwIfAny();
  return corrections;
}

function isIsoDay(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
