// The render CLI (`npx milia-widgets render …`, bin/milia-widgets.mjs) as site builders run it:
// a child process, its stdout, stderr and exit code. Needs the build (dist/prerender-kit.json
// and dist/html/); `npm test` builds first. What the printed HTML looks like in a browser, and
// that it matches the live element, is tested in test/browser/prerender/.
import {test, describe, before} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, statSync} from 'node:fs';

const ROOT = new URL('../../', import.meta.url);
const BIN = new URL('bin/milia-widgets.mjs', ROOT);
const KIT = new URL('dist/prerender-kit.json', ROOT);

const INFO_IDS = ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor'];
const FAQ_IDS = [
  'what-are-milia',
  'whiteheads',
  'contagious',
  'babies',
  'go-away',
  'pop',
  'causes',
  'removal',
  'retinoids',
  'eyes',
  'prevention',
  'see-a-doctor',
];

/** Runs the CLI with `args`; returns its exit code and output. */
function cli(...args) {
  const result = spawnSync(process.execPath, [BIN.pathname, ...args], {encoding: 'utf8'});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** `cli('render', …)` that must succeed: its HTML, without the final newline. */
function render(...args) {
  const {code, stdout, stderr} = cli('render', ...args);
  assert.equal(code, 0, `render ${args.join(' ')} exited ${code}: ${stderr}`);
  assert.equal(stderr, '', 'nothing on stderr');
  return stdout.replace(/\n$/, '');
}

/** What a printed widget holds, read off its HTML. */
function parse(html) {
  const host =
    /^<(milia-info|milia-faq)((?:\s[\w-]+(?:="[^"]*")?)*)><template shadowrootmode="open"><link rel="stylesheet" href="([^"]*)">/.exec(
      html
    );
  assert.ok(host, `starts with the element, its declarative shadow root and the stylesheet link: ${html.slice(0, 160)}`);
  const attributes = Object.fromEntries(
    [...host[2].matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, value ?? true])
  );
  const ids = [...html.matchAll(/id="section-([\w-]+)"/g)].map((m) => m[1]);
  const panels = Object.fromEntries(
    [...html.matchAll(/<div class="panel" part="panel" id="panel-([\w-]+)"([^>]*)>/g)].map(([, id, rest]) => [id, rest.trim()])
  );
  const toggles = Object.fromEntries(
    [...html.matchAll(/<span class="toggle" part="button" id="button-([\w-]+)" data-expanded="(true|false)">/g)].map(
      ([, id, open]) => [id, open === 'true']
    )
  );
  const showAll = /<span class="show-all" data-expanded="(true|false)">([^<]*)</.exec(html);
  return {
    tag: host[1],
    attributes,
    cssHref: host[3],
    ids,
    open: ids.filter((id) => toggles[id]),
    panels,
    headings: [...html.matchAll(/<(h\d) class="heading"/g)].map((m) => m[1]),
    showAll: showAll && {expanded: showAll[1] === 'true', label: showAll[2]},
    rootLang: /<div class="root" lang="([^"]*)"/.exec(html)?.[1],
    sources: [...html.matchAll(/<li><a href="([^"]*)"[^>]*>/g)].map((m) => m[1]),
  };
}

/** A usage error: exit code 2, nothing on stdout, one message on stderr that matches every pattern. */
function refuses(args, ...patterns) {
  const {code, stdout, stderr} = cli(...args);
  assert.equal(code, 2, `exit code of ${JSON.stringify(args)} (stderr: ${stderr})`);
  assert.equal(stdout, '', 'nothing on stdout');
  assert.match(stderr, /^milia-widgets: /, 'the message says who speaks');
  for (const pattern of patterns) assert.match(stderr, pattern);
  return stderr;
}

const quotedAll = (ids) => new RegExp(ids.map((id) => `"${id}"`).join(', '));

let kit;
before(() => {
  assert.ok(existsSync(KIT), 'dist/prerender-kit.json exists (run npm run build first)');
  kit = JSON.parse(readFileSync(KIT, 'utf8'));
});

describe('milia-widgets render: the package bin', () => {
  test('package.json names bin/milia-widgets.mjs, which is executable and starts with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
    assert.equal(pkg.bin['milia-widgets'], './bin/milia-widgets.mjs');
    assert.ok(pkg.files.includes('bin/'), 'bin/ is in the published files');
    assert.match(readFileSync(BIN, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.ok(statSync(BIN).mode & 0o111, 'executable');
  });

  for (const args of [['--help'], ['-h'], [], ['render', '--help']]) {
    test(`${args.join(' ') || '(no arguments)'} prints the usage, every option and an example, exit 0`, () => {
      const {code, stdout, stderr} = cli(...args);
      assert.equal(code, 0);
      assert.equal(stderr, '');
      assert.match(stdout, /^Usage: milia-widgets render <milia-info\|milia-faq> \[options\]/);
      for (const option of [
        '--sections',
        '--questions',
        '--expanded',
        '--heading-level',
        '--lang',
        '--single',
        '--structured-data',
        '--css-href',
        '--help',
      ]) {
        assert.match(stdout, new RegExp(`^\\s+${option}\\b`, 'm'), `explains ${option}`);
      }
      assert.match(stdout, /2 to 6/, 'names the heading levels');
      assert.match(stdout, /\ben\b.*\bes\b/, 'names the languages');
      assert.match(stdout, /strict Content-Security-Policy/, 'says strict-CSP sites host the stylesheet themselves');
      assert.match(stdout, /npx milia-widgets render milia-info --sections "overview causes"/, 'an example');
    });
  }
});

describe('milia-widgets render: output', () => {
  for (const tag of ['milia-info', 'milia-faq']) {
    for (const lang of ['en', 'es']) {
      test(`render ${tag}${lang === 'es' ? ' --lang es' : ''} prints dist/html/${tag}.${lang}.html byte for byte`, () => {
        const {stdout} = cli('render', tag, ...(lang === 'es' ? ['--lang', 'es'] : []));
        assert.equal(stdout, readFileSync(new URL(`dist/html/${tag}.${lang}.html`, ROOT), 'utf8'));
      });
    }
  }

  test('the default widget: every item in content order, all collapsed, h2, the show-all control, lang="en"', () => {
    const info = parse(render('milia-info'));
    assert.deepEqual(info.ids, INFO_IDS);
    assert.deepEqual(info.open, []);
    assert.deepEqual(
      info.headings,
      INFO_IDS.map(() => 'h2')
    );
    assert.deepEqual(info.showAll, {expanded: false, label: 'Show all sections'});
    assert.deepEqual(info.attributes, {lang: 'en'});
    assert.equal(info.rootLang, 'en');
    for (const id of INFO_IDS) assert.equal(info.panels[id], 'hidden="until-found"', `panel ${id} collapsed until found`);
    const faq = parse(render('milia-faq'));
    assert.deepEqual(faq.ids, FAQ_IDS);
    assert.deepEqual(faq.showAll, {expanded: false, label: 'Show all answers'});
  });

  const lines = [
    ['milia-info'],
    ['milia-faq', '--lang', 'es', '--expanded', 'all'],
    ['milia-info', '--sections', 'overview causes', '--expanded', 'overview', '--heading-level', '3', '--lang', 'es'],
    ['milia-faq', '--questions', 'pop eyes', '--single', '--structured-data', '--css-href', '/assets/milia-widgets.css'],
  ];
  for (const args of lines) {
    test(`one line, nothing a CMS filter would turn into markup: render ${args.join(' ')}`, () => {
      const {stdout} = cli('render', ...args);
      assert.ok(stdout.endsWith('</template></' + args[0] + '>\n'), 'ends with the element and one newline');
      assert.equal(stdout.split(/\r\n|\r|\n/).length, 2, 'no line break inside (wpautop turns them into <p> and <br>)');
      assert.doesNotMatch(
        stdout,
        /<!--|<\?lit|<style|style="/,
        'no comments, Lit markers or inline styles (blocked by a strict CSP)'
      );
      assert.doesNotMatch(stdout, /<button|tabindex/, 'no control that needs script');
    });
  }

  test('--sections shows those sections in that order, and cites only their sources', () => {
    const out = parse(render('milia-info', '--sections', 'see-a-doctor overview'));
    assert.deepEqual(out.ids, ['see-a-doctor', 'overview']);
    assert.equal(out.attributes.sections, 'see-a-doctor overview', 'the element gets the same attribute');
    const en = kit.content.en.info;
    const cited = new Set([...en.items['see-a-doctor'].sources, ...en.items.overview.sources]);
    const expected = Object.entries(en.footer.sources)
      .filter(([id]) => cited.has(id))
      .map(([, html]) => /href="([^"]*)"/.exec(html)[1]);
    assert.deepEqual(out.sources, expected);
    assert.ok(out.sources.length < parse(render('milia-info')).sources.length, 'fewer sources than the whole article');
  });

  test('--questions picks questions in milia-faq', () => {
    const out = parse(render('milia-faq', '--questions', 'pop contagious'));
    assert.deepEqual(out.ids, ['pop', 'contagious']);
    assert.equal(out.attributes.questions, 'pop contagious');
  });

  test('--expanded none, all and ids: open panels show (and are labelled regions in milia-info)', () => {
    assert.deepEqual(parse(render('milia-info', '--expanded', 'none')).open, []);
    const all = parse(render('milia-info', '--expanded', 'all'));
    assert.deepEqual(all.open, INFO_IDS);
    assert.deepEqual(all.showAll, {expanded: true, label: 'Hide all sections'});
    const some = parse(render('milia-info', '--expanded', 'causes types'));
    assert.deepEqual(some.open, ['types', 'causes'], 'in display order');
    assert.equal(some.panels.causes, 'role="region" aria-labelledby="button-causes"');
    assert.equal(some.panels.overview, 'hidden="until-found"');
    assert.equal(some.attributes.expanded, 'causes types');
    const faq = parse(render('milia-faq', '--expanded', 'pop'));
    assert.deepEqual(faq.open, ['pop']);
    assert.equal(faq.panels.pop, '', 'no region role in milia-faq');
  });

  for (const level of ['2', '3', '4', '5', '6']) {
    test(`--heading-level ${level}: every item heading is h${level}`, () => {
      const out = parse(render('milia-info', '--heading-level', level));
      assert.deepEqual(
        out.headings,
        INFO_IDS.map(() => `h${level}`)
      );
      assert.equal(out.attributes['heading-level'], level);
    });
  }

  test('--lang es and region tags (es-MX): Spanish content; the element keeps the tag as given', () => {
    const es = parse(render('milia-info', '--lang', 'es'));
    assert.equal(es.attributes.lang, 'es');
    assert.equal(es.rootLang, 'es');
    assert.deepEqual(es.showAll, {expanded: false, label: 'Mostrar todas las secciones'});
    const mx = parse(render('milia-faq', '--lang', 'es-MX'));
    assert.equal(mx.attributes.lang, 'es-MX');
    assert.equal(mx.rootLang, 'es');
    assert.equal(parse(render('milia-info', '--lang', 'en-US')).rootLang, 'en');
  });

  test('--single: the attribute, no show-all control, and only the first of several --expanded ids open', () => {
    const out = parse(render('milia-info', '--single', '--expanded', 'removal causes'));
    assert.equal(out.attributes.single, true);
    assert.equal(out.showAll, null);
    assert.deepEqual(out.open, ['causes']);
  });

  test('one item shown: no show-all control', () => {
    assert.equal(parse(render('milia-faq', '--questions', 'pop')).showAll, null);
  });

  test('--structured-data: the bare attribute for the script to act on', () => {
    assert.equal(parse(render('milia-faq', '--structured-data')).attributes['structured-data'], true);
  });

  test('--css-href changes the stylesheet link (and is escaped); the default is milia-widgets.css beside the page', () => {
    assert.equal(parse(render('milia-info')).cssHref, 'milia-widgets.css');
    assert.equal(
      parse(render('milia-info', '--css-href', '/static/milia/milia-widgets.css')).cssHref,
      '/static/milia/milia-widgets.css'
    );
    const odd = render('milia-info', '--css-href', 'x.css?a=1&b="2"');
    assert.match(odd, /<link rel="stylesheet" href="x\.css\?a=1&amp;b=&quot;2&quot;">/);
  });
});

describe('milia-widgets render: refusals (exit code 2, a message naming the valid values)', () => {
  test('a bad element', () => {
    refuses(['render', 'milia-foo'], /"milia-foo"/, /"milia-info", "milia-faq"/);
  });
  test('no element', () => {
    refuses(['render'], /unknown element/, /"milia-info", "milia-faq"/);
  });
  test('an unknown command', () => {
    refuses(['draw', 'milia-info'], /"draw"/, /"render"/);
  });
  test('an unknown option', () => {
    refuses(
      ['render', 'milia-info', '--colour', 'red'],
      /--colour/,
      /--sections, --questions, --expanded, --heading-level, --lang/
    );
  });
  test('an option without its value: the message names what it takes', () => {
    refuses(['render', 'milia-info', '--sections'], /--sections needs a value/, quotedAll(INFO_IDS));
    refuses(['render', 'milia-faq', '--questions'], /--questions needs a value/, quotedAll(FAQ_IDS));
    refuses(['render', 'milia-info', '--heading-level'], /--heading-level needs a value/, /2, 3, 4, 5, 6/);
    refuses(['render', 'milia-info', '--lang'], /--lang needs a value/, /"en", "es"/);
    refuses(['render', 'milia-info', '--expanded'], /--expanded needs a value/, /"none", "all"/);
  });
  test('a list of ids not in quotes (a stray argument)', () => {
    refuses(['render', 'milia-info', '--sections', 'overview', 'causes'], /"causes"/, /quotes/);
  });
  test('an unknown id in --sections is refused, not skipped', () => {
    refuses(['render', 'milia-info', '--sections', 'overview nope'], /"nope"/, quotedAll(INFO_IDS));
  });
  test('an unknown id in --questions', () => {
    refuses(['render', 'milia-faq', '--questions', 'pop bogus'], /"bogus"/, quotedAll(FAQ_IDS));
  });
  test('an empty --sections', () => {
    refuses(['render', 'milia-info', '--sections', ''], /--sections/, quotedAll(INFO_IDS));
  });
  test('an unknown id in --expanded', () => {
    refuses(['render', 'milia-info', '--expanded', 'overview nope'], /"nope"/, quotedAll(INFO_IDS));
  });
  test('an --expanded id that --sections does not show', () => {
    refuses(['render', 'milia-info', '--sections', 'overview', '--expanded', 'causes'], /"causes"/, /"overview"/);
  });
  test('--sections on milia-faq (and --questions on milia-info)', () => {
    refuses(['render', 'milia-faq', '--sections', 'overview'], /--sections/, /--questions/);
    refuses(['render', 'milia-info', '--questions', 'pop'], /--questions/, /--sections/);
  });
  for (const level of ['1', '7', 'two', '2.5', '']) {
    test(`--heading-level "${level}"`, () => {
      refuses(['render', 'milia-info', '--heading-level', level], new RegExp(`"${level.replace('.', '\\.')}"`), /2, 3, 4, 5, 6/);
    });
  }
  for (const lang of ['fr', 'english', '']) {
    test(`--lang "${lang}"`, () => {
      refuses(['render', 'milia-info', '--lang', lang], new RegExp(`"${lang}"`), /"en", "es"/);
    });
  }
});
