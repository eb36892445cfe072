// Build step: dist/content.json, the machine-readable record of the bundled content, so a
// site that pinned a version can compare it with the latest release: the version, when the
// text was checked against its sources and when the next check is due (English; another
// language whose dates differ has its own under languageDates), the languages, and the
// corrections the changelog shows (both come from content/corrections.yaml).
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {compileContent, BASE_LANGUAGE} from './compile.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function contentRecord(content = compileContent(`${ROOT}content`), version = packageVersion()) {
  const base = content.locales[BASE_LANGUAGE];
  const record = {
    version,
    checked: base.reviewed,
    nextReview: base.nextReview,
    languages: content.languages,
    corrections: content.corrections.map(({version: release, date, severity, ids, summary}) => ({
      date,
      severity,
      ids,
      summary,
      version: release,
    })),
  };
  const differing = content.languages.filter(
    (lang) => content.locales[lang].reviewed !== base.reviewed || content.locales[lang].nextReview !== base.nextReview
  );
  if (differing.length) {
    record.languageDates = Object.fromEntries(
      differing.map((lang) => [lang, {checked: content.locales[lang].reviewed, nextReview: content.locales[lang].nextReview}])
    );
  }
  return record;
}

const packageVersion = () => JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(`${ROOT}dist/content.json`, `${JSON.stringify(contentRecord(), null, 2)}\n`);
  console.log('  dist/content.json');
}
