import {LineCounter, parseDocument} from 'yaml';

/**
 * Splits `---` front matter from a Markdown file and parses it as YAML.
 * Returns the data, a way to find the line of each key (for error messages), and the body
 * with the number of lines that precede it (Markdown positions are relative to the body).
 *
 * @param {string} text
 * @param {string} file  path shown in errors
 * @param {import('./content-error.mjs').ProblemList} problems
 */
export function splitFrontMatter(text, file, problems) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) {
    problems.add(file, 1, 'missing front matter: the file must start with a "---" block (id, title, order, sources)');
    return {data: {}, lineOf: () => 1, body: text, bodyLineOffset: 0};
  }
  const {data, lineOf} = parseYaml(match[1], file, problems, 1);
  const bodyLineOffset = match[0].split('\n').length - 1;
  return {data, lineOf, body: text.slice(match[0].length), bodyLineOffset};
}

/**
 * Parses YAML and records syntax errors as problems with their line.
 * `firstLine` is the file line on which the YAML text starts (front matter starts after `---`).
 *
 * @param {string} yamlText
 * @param {string} file
 * @param {import('./content-error.mjs').ProblemList} problems
 * @param {number} [firstLine]
 */
export function parseYaml(yamlText, file, problems, firstLine = 0) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {lineCounter, prettyErrors: false});
  const toFileLine = (offset) => lineCounter.linePos(offset).line + firstLine;
  for (const error of doc.errors) {
    problems.add(file, toFileLine(error.pos[0]), `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const data = doc.errors.length ? {} : doc.toJS() ?? {};
  /** The file line of a top-level key, or of the YAML block when the key is absent. */
  const lineOf = (key) => {
    const pair = doc.contents?.items?.find?.((item) => item.key?.value === key);
    return pair?.key?.range ? toFileLine(pair.key.range[0]) : Math.max(1, firstLine);
  };
  return {data: typeof data === 'object' && !Array.isArray(data) ? data : {}, lineOf};
}
