// What a screen reader reads: the platform accessibility tree (AT-SPI on Linux, the API
// Orca uses) that Chromium, Firefox ESR and WebKitGTK build from the BUILT bundles in
// dist/. axe and the ARIA tests check the DOM; this checks what the DOM becomes.
//
// `npm test` runs it after the build; by hand: `npm run build && node --test test/a11y-platform/`.
// BROWSERS=chromium (or firefox, webkit, comma separated) picks engines, as for the browser
// tests. MILIA_DIST=<folder> tests other built files. Needs Debian's xvfb, dbus,
// at-spi2-core and python3-pyatspi; a missing one fails the run and names the package.
import {describe, it, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {selectedBrowsers} from '../runner/browsers.mjs';
import {compileContent} from '../../tools/content/compile.mjs';
import {CASES, expectationsFor} from './cases.mjs';
import {startPageServer} from './page-server.mjs';
import {startEngine, startXvfb} from './platform-session.mjs';
import {everything, find, hasState, isButton, isRegion, outline, squash, textOf} from './tree.mjs';

const content = compileContent();
// ATSPI_TREES=<folder>: keep each tree as first read, as JSON (to compare engines by eye).
const keepTrees = process.env.ATSPI_TREES;

/** The widget's objects: everything in <main> after the page's own heading. */
function widgetOf(doc) {
  const main = find(doc, (node) => node.attrs['xml-roles'] === 'main')[0];
  assert.ok(main, `the page's <main> landmark is in the tree\n${outline(doc)}`);
  const children = main.children.filter((child) => !(child.role === 'heading' && child.attrs.level === '1'));
  return {
    role: 'widget',
    name: '',
    states: [],
    attrs: {},
    children,
    pageHeading: main.children.find((c) => c.role === 'heading'),
  };
}

const headingsOf = (widget) => find(widget, (node) => node.role === 'heading');
const itemButton = (heading) => find(heading, isButton);
const showAllOf = (widget) => {
  const inHeadings = new Set(headingsOf(widget).flatMap(itemButton));
  return find(widget, (node) => isButton(node) && !inHeadings.has(node));
};
const landmarksOf = (widget) => find(widget, (node) => node.role === 'landmark' || isRegion(node));
const allExpanded = (widget) => headingsOf(widget).every((heading) => itemButton(heading).some((b) => hasState(b, 'expanded')));

describe('platform accessibility tree (AT-SPI)', () => {
  let xvfb;
  let server;
  before(async () => {
    server = await startPageServer();
    xvfb = await startXvfb();
  });
  after(async () => {
    await server?.close();
    xvfb?.stop();
  });

  for (const engine of selectedBrowsers()) {
    describe(engine, () => {
      let session;
      before(async () => {
        session = await startEngine(engine, {display: xvfb.display, server});
      });
      after(async () => {
        await session?.stop();
      });

      for (const testCase of CASES) {
        const expected = expectationsFor(testCase, content);
        const {items, level, lang} = expected;
        const openItems = items.filter((item) => item.open);
        describe(`${testCase.name}: ${expected.page.body}`, () => {
          let widget;
          // Shown with every failure: what the engine exposed.
          const seen = () => `\n--- ${engine} exposes ---\n${outline(widget, 60)}`;
          const read = async (ready) => {
            const answer = await session.read(expected.page.title, {ready: (doc) => ready(widgetOf(doc))});
            widget = widgetOf(answer.tree);
            return widget;
          };

          before(async () => {
            const answer = await session.open(expected.page);
            if (keepTrees) {
              mkdirSync(keepTrees, {recursive: true});
              writeFileSync(join(keepTrees, `${engine}-${testCase.name}.json`), JSON.stringify(answer, null, 1));
              writeFileSync(join(keepTrees, `${engine}-${testCase.name}.txt`), outline(answer.tree, 2000));
            }
            widget = widgetOf(answer.tree);
            // The tree may trail the DOM: wait until every item's heading is there.
            if (headingsOf(widget).length !== items.length) await read((w) => headingsOf(w).length === items.length);
          });

          it(`headings at level ${level} named by the item titles, in order`, () => {
            const headings = headingsOf(widget);
            assert.deepEqual(
              headings.map((h) => squash(h.name)),
              items.map((item) => item.title),
              seen()
            );
            for (const heading of headings)
              assert.equal(heading.attrs.level, String(level), `level of "${heading.name}"${seen()}`);
          });

          it('one push button per heading, named by its title, expanded exactly for open items', () => {
            const headings = headingsOf(widget);
            assert.equal(headings.length, items.length, seen());
            headings.forEach((heading, index) => {
              const buttons = itemButton(heading);
              const {title, open} = items[index];
              assert.equal(buttons.length, 1, `one button in the heading "${title}"${seen()}`);
              const [button] = buttons;
              assert.equal(squash(button.name), title, seen());
              assert.ok(hasState(button, 'expandable'), `"${title}" is expandable: ${button.states}${seen()}`);
              assert.equal(hasState(button, 'expanded'), open, `"${title}" expanded is ${open}: ${button.states}${seen()}`);
              assert.ok(button.actions?.includes('press'), `"${title}" has the press action: ${button.actions}${seen()}`);
            });
          });

          it('the show-all button says what it does and reports its state', () => {
            const buttons = showAllOf(widget);
            const all = items.every((item) => item.open);
            assert.equal(buttons.length, 1, `one button outside the headings${seen()}`);
            assert.equal(squash(buttons[0].name), expected.showAll[+all], seen());
            assert.ok(hasState(buttons[0], 'expandable'), seen());
            assert.equal(hasState(buttons[0], 'expanded'), all, seen());
          });

          it(
            expected.regions
              ? 'a region landmark for each open item only, named by its title (none empty, none collapsed)'
              : 'no landmarks: FAQ answers are not regions',
            () => {
              const landmarks = landmarksOf(widget);
              const want = expected.regions ? openItems.map((item) => item.title) : [];
              assert.deepEqual(
                landmarks.map((node) => squash(node.name)),
                want,
                seen()
              );
              for (const region of landmarks)
                assert.notEqual(squash(textOf(region)), '', `region "${region.name}" is not empty${seen()}`);
            }
          );

          it(`the text of each open item is in the tree${expected.regions ? ', inside its region' : ''}`, () => {
            for (const item of openItems.filter((i) => i.snippet)) {
              const where = expected.regions ? landmarksOf(widget).find((node) => squash(node.name) === item.title) : widget;
              assert.ok(where, `region "${item.title}"${seen()}`);
              assert.ok(squash(textOf(where)).includes(item.snippet), `"${item.snippet}…" in "${item.title}"${seen()}`);
            }
          });

          it('the text of collapsed items is not in the tree', () => {
            const text = everything(widget);
            for (const item of items.filter((i) => !i.open && i.snippet)) {
              assert.ok(!text.includes(item.snippet), `"${item.snippet}…" of collapsed "${item.title}" is exposed${seen()}`);
            }
          });

          it('footer links named by the source titles', () => {
            const links = find(widget, (node) => node.role === 'link').map((node) => squash(node.name));
            assert.deepEqual(links.slice(-expected.sources.length), expected.sources, seen());
          });

          it(`the content language (${lang}) is on the widget's text; the page's heading stays en`, () => {
            const tagged = find(widget, (node) => node.lang);
            assert.ok(tagged.length > 0, `${engine} exposes a language text attribute${seen()}`);
            // Source titles are English in every widget (they are the sources' own titles):
            // the links say so, and a screen reader reads them in English.
            // (Chromium also exposes each link's text as a "static" child.)
            const isSource = (node) => /^(link|static)$/.test(node.role) && expected.sources.includes(squash(node.name));
            const wrong = tagged.filter((node) => node.lang.split('-')[0] !== (isSource(node) ? 'en' : lang));
            assert.deepEqual(
              wrong.map((node) => `${node.role} "${node.name}" lang=${node.lang}`),
              [],
              seen()
            );
            const page = widget.pageHeading;
            if (page?.lang) assert.equal(page.lang.split('-')[0], 'en');
            // Chromium reports its process locale on every object (C.UTF-8 here), Firefox
            // the document's, WebKit none: the text attribute is what screen readers use.
          });

          it('the press action on a collapsed button expands it and its text appears', async () => {
            const item = items.find((i) => !i.open && i.snippet);
            const index = items.indexOf(item);
            const [button] = itemButton(headingsOf(widget)[index]);
            await session.act(button, 'press');
            await read((w) => itemButton(headingsOf(w)[index] ?? {children: []}).some((b) => hasState(b, 'expanded')));
            const [after] = itemButton(headingsOf(widget)[index]);
            assert.ok(hasState(after, 'expanded'), `"${item.title}" is expanded after press${seen()}`);
            const where = expected.regions ? landmarksOf(widget).find((node) => squash(node.name) === item.title) : widget;
            assert.ok(where, `"${item.title}" became a region${seen()}`);
            assert.ok(squash(textOf(where)).includes(item.snippet), `"${item.snippet}…" appeared${seen()}`);
          });

          it('the press action on show-all opens every item, and again closes them all (no region left)', async () => {
            await session.act(showAllOf(widget)[0], 'press');
            await read((w) => allExpanded(w) && hasState(showAllOf(w)[0], 'expanded'));
            let [showAll] = showAllOf(widget);
            assert.ok(allExpanded(widget), `all expanded${seen()}`);
            assert.equal(squash(showAll.name), expected.showAll[1], seen());
            assert.ok(hasState(showAll, 'expanded'), seen());
            assert.equal(landmarksOf(widget).length, expected.regions ? items.length : 0, seen());

            await session.act(showAll, 'press');
            await read(
              (w) =>
                !hasState(showAllOf(w)[0], 'expanded') &&
                headingsOf(w).every((h) => !itemButton(h).some((b) => hasState(b, 'expanded')))
            );
            [showAll] = showAllOf(widget);
            assert.equal(squash(showAll.name), expected.showAll[0], seen());
            assert.ok(!hasState(showAll, 'expanded'), seen());
            assert.deepEqual(
              landmarksOf(widget).map((node) => node.name),
              [],
              `no region once all are collapsed${seen()}`
            );
            const text = everything(widget);
            for (const item of items.filter((i) => i.snippet))
              assert.ok(!text.includes(item.snippet), `"${item.snippet}…" hidden again${seen()}`);
          });
        });
      }
    });
  }
});
