/**
 * A problem in the content files. Every problem names the file and line so that a content
 * editor can fix it without reading the compiler: `content/en/info/types.md:7: reason`.
 */
export class ContentError extends Error {
  /** @param {{file: string, line: number, reason: string}[]} problems */
  constructor(problems) {
    super(
      `Content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n')
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** @param {{file: string, line: number, reason: string}} p */
export const formatProblem = (p) => `${p.file}:${p.line}: ${p.reason}`;

/**
 * Collects problems instead of stopping at the first, so one build run lists everything
 * that is wrong.
 */
export class ProblemList {
  /** @type {{file: string, line: number, reason: string}[]} */
  items = [];
  /** @param {string} file @param {number} line @param {string} reason */
  add(file, line, reason) {
    this.items.push({file, line, reason});
  }
  throwIfAny() {
    if (this.items.length) throw new ContentError(this.items);
  }
}
