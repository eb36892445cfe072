/**
 * Web Test Runner command `schema-check`: type-checks JSON-LD that a page wrote against
 * schema.org's vocabulary as `schema-dts` (Google's schema.org typings) describes it, with
 * the TypeScript compiler, in Node. The page sends the text of each
 * `<script type="application/ld+json">` and the schema.org type it should be:
 *
 *   executeServerCommand('schema-check', {checks: [{type: 'MedicalWebPage', json}, ...]})
 *
 * and gets back the compiler's diagnostics for each, in order (an empty list when it fits):
 *
 *   {diagnostics: [[], ['Object literal may only specify known properties, and ... (at "colour":"white"...)']]}
 *
 * Each JSON text is checked as written, wrapped as
 * `const data: WithContext<MedicalWebPage> = <json>;`. Excess-property checks catch a
 * property schema.org does not have (nested objects too: their `@type` picks the type), and
 * literal types catch a `@type` or an enumeration member (a health aspect URL) that does not
 * exist. What the vocabulary allows but our contract forbids (`reviewedBy`) is for the tests
 * to assert.
 *
 * A check takes from a few hundred milliseconds to seconds on a busy machine (schema-dts
 * declares some 900 types in unions), so it runs in a worker thread, which keeps the parsed
 * declarations between checks; the test server keeps answering the browsers meanwhile. The
 * browser may wait longer than Web Test Runner lets a command take (20 s): a check not done
 * within WAIT_MS answers `{job}`, and the page asks again with `{job}` until it gets the
 * diagnostics (test/browser/freshness/freshness.ts does). `{checks: []}` only starts the
 * worker, which then reads the declarations ahead of the first real check.
 */
import {fileURLToPath} from 'node:url';
import {Worker, isMainThread, parentPort} from 'node:worker_threads';

const WAIT_MS = 10000;

export function schemaCheckPlugin() {
  let worker;
  let nextId = 0;
  /** id -> {done: Promise, settled?: {diagnostics} | {error}} */
  const jobs = new Map();
  let pending = 0;

  function start() {
    worker = new Worker(new URL(import.meta.url));
    worker.on('message', ({id, results, error}) => {
      const job = jobs.get(id);
      job.settle(error ? {error} : {diagnostics: results});
      // An idle worker must not keep the process alive.
      if (--pending === 0) worker.unref();
    });
    worker.on('error', (error) => {
      for (const job of jobs.values()) if (!job.settled) job.settle({error: String(error?.stack ?? error)});
      pending = 0;
      worker = undefined;
    });
    worker.unref();
  }

  function submit(checks) {
    if (!worker) start();
    const id = nextId++;
    const job = {};
    job.done = new Promise((resolve) => (job.settle = (result) => resolve((job.settled = result))));
    jobs.set(id, job);
    if (pending++ === 0) worker.ref();
    worker.postMessage({id, checks});
    return id;
  }

  /** The job's answer if it comes within WAIT_MS, else `{job: id}` to ask again. */
  async function answer(id) {
    const job = jobs.get(id);
    if (!job) return {error: `no schema-check job ${id}`};
    await Promise.race([job.done, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
    if (!job.settled) return {job: id};
    jobs.delete(id);
    if (job.settled.error) throw new Error(`schema-check failed: ${job.settled.error}`);
    return job.settled;
  }

  return {
    name: 'schema-check',
    async executeCommand({command, payload}) {
      if (command !== 'schema-check') return undefined;
      if (payload?.job != null) return answer(payload.job);
      const checks = Array.isArray(payload?.checks) ? payload.checks : [];
      if (!checks.length) {
        if (!worker) start();
        return {diagnostics: []};
      }
      return answer(submit(checks));
    },
    async serverStop() {
      await worker?.terminate();
    },
  };
}

// ---- the worker ------------------------------------------------------------------------

if (!isMainThread) {
  const {default: ts} = await import('typescript');

  /** A file that exists only in memory, at the project root so that `schema-dts` resolves from its node_modules. */
  const FILE = fileURLToPath(new URL('../../__schema-check__.ts', import.meta.url));
  const OPTIONS = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // JSON needs no more than the ES5 globals; the larger libs only cost time.
    lib: ['lib.es5.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    // schema-dts itself is not under test, only the data.
    skipLibCheck: true,
  };
  /** Parsed declaration files, kept across checks: only the wrapper changes. */
  const sourceFiles = new Map();
  let previous;

  /**
   * @param {{type: string, json: string}[]} checks  JSON-LD texts as the page holds them, each
   *   with the schema.org type (one that schema-dts exports, e.g. `MedicalWebPage`) it should be
   * @returns {string[][]} for each check, the compiler's messages; empty when the data fits
   */
  const checkJsonLd = (checks) => {
    const results = checks.map(() => []);
    // Only JSON goes into the program (the page could send anything): anything else fails here.
    const valid = checks.map(({type, json}, index) => {
      if (!/^[A-Z][A-Za-z0-9]*$/.test(String(type)))
        return void results[index].push(`not a schema.org type name: ${JSON.stringify(type)}`);
      let value;
      try {
        value = JSON.parse(json);
      } catch (error) {
        return void results[index].push(`not JSON: ${error.message}`);
      }
      if (!value || typeof value !== 'object' || Array.isArray(value))
        return void results[index].push('the JSON-LD is not one object');
      return true;
    });
    const types = [...new Set(checks.filter((_, index) => valid[index]).map(({type}) => type))];
    if (!types.length) return results;

    // One program for every check: setting up the checker is most of the cost.
    let text = `import type {${types.join(', ')}, WithContext} from 'schema-dts';\n`;
    const ranges = [];
    checks.forEach(({type, json}, index) => {
      if (!valid[index]) return;
      const head = `export const data${index}: WithContext<${type}> = `;
      ranges.push({index, start: text.length + head.length, end: text.length + head.length + json.length});
      text += `${head}${json};\n`;
    });

    const host = ts.createCompilerHost(OPTIONS);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (fileName, languageVersion, ...rest) => {
      if (fileName === FILE) return ts.createSourceFile(fileName, text, languageVersion, true);
      let file = sourceFiles.get(fileName);
      if (!file) sourceFiles.set(fileName, (file = getSourceFile.call(host, fileName, languageVersion, ...rest)));
      return file;
    };
    const fileExists = host.fileExists;
    host.fileExists = (fileName) => fileName === FILE || fileExists.call(host, fileName);
    const program = ts.createProgram({rootNames: [FILE], options: OPTIONS, host, oldProgram: previous});
    previous = program;
    const source = program.getSourceFile(FILE);
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    for (const diagnostic of diagnostics) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const start = diagnostic.file === source ? diagnostic.start : undefined;
      const range = start == null ? undefined : ranges.find((r) => start >= r.start && start <= r.end);
      if (range) {
        // Say where in the JSON, and quote the spot.
        results[range.index].push(`${message} (at ${text.slice(start, Math.min(start + 60, range.end))})`);
      } else {
        // Not inside one JSON text (an unknown type name, say): the checks of the type it
        // names get it, or every check if it names none.
        const named = ranges.filter(({index}) => message.includes(`'${checks[index].type}'`));
        for (const {index} of named.length ? named : ranges) results[index].push(message);
      }
    }
    return results;
  };

  // Read the declarations now, before the first check arrives (messages wait meanwhile).
  checkJsonLd([{type: 'Thing', json: '{"@type": "Thing"}'}]);
  parentPort.on('message', ({id, checks}) => {
    try {
      parentPort.postMessage({id, results: checkJsonLd(checks)});
    } catch (error) {
      parentPort.postMessage({id, error: String(error?.stack ?? error)});
    }
  });
}
