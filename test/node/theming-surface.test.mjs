// The documented theming surface (JSDoc @cssprop / @csspart on the element classes, read by
// the custom-elements manifest) must match design.md and must be what the code really uses.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';

const DESIGN_PROPERTIES = [
  '--milia-font-family',
  '--milia-font-size',
  '--milia-line-height',
  '--milia-color-text',
  '--milia-color-muted',
  '--milia-color-accent',
  '--milia-color-surface',
  '--milia-color-border',
  '--milia-radius',
  '--milia-space',
  '--milia-focus-ring',
  '--milia-scroll-margin',
];
const DESIGN_PARTS = ['section', 'heading', 'button', 'icon', 'panel', 'controls', 'footer'];

const styles = readFileSync('src/internal/accordion.styles.ts', 'utf8');
// The markup lives in templates.ts (shared with the prerenderer) and the element's own controls.
const templates = ['src/internal/templates.ts', 'src/internal/accordion-element.ts']
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
/** The fallbacks of every `var(name, fallback)` in the styles, nested parentheses included. */
function fallbacksOf(name) {
  const found = [];
  for (let at = styles.indexOf(`var(${name}, `); at !== -1; at = styles.indexOf(`var(${name}, `, at + 1)) {
    let depth = 1;
    let end = at + `var(${name}, `.length;
    const start = end;
    for (; depth; end++) depth += styles[end] === '(' ? 1 : styles[end] === ')' ? -1 : 0;
    found.push(styles.slice(start, end - 1));
  }
  return found;
}

const documented = (file) => {
  const source = readFileSync(file, 'utf8');
  return {
    properties: [...source.matchAll(/@cssprop \[(--[\w-]+)=([^\]]+)\]/g)].map(([, name, fallback]) => ({name, fallback})),
    parts: [...source.matchAll(/@csspart ([\w-]+)/g)].map(([, name]) => name),
  };
};

for (const file of ['src/milia-info.ts', 'src/milia-faq.ts']) {
  const {properties, parts} = documented(file);

  test(`${file} documents exactly the custom properties of design.md`, () => {
    assert.deepEqual(properties.map((p) => p.name).sort(), [...DESIGN_PROPERTIES].sort());
  });

  test(`${file}: every documented custom property is used, with the documented default`, () => {
    for (const {name, fallback} of properties) {
      const uses = fallbacksOf(name);
      assert.ok(uses.length, `${name} is not used in accordion.styles.ts`);
      for (const used of uses) assert.equal(used, fallback, `${name} falls back to ${used}, documented ${fallback}`);
    }
  });

  test(`${file} documents exactly the parts of design.md, and each is rendered`, () => {
    assert.deepEqual([...parts].sort(), [...DESIGN_PARTS].sort());
    for (const part of parts) assert.match(templates, new RegExp(`part="${part}"`), `part="${part}" not in the template`);
  });
}

test('the styles use no --milia-* property that is not documented', () => {
  const used = new Set([...styles.matchAll(/var\((--milia-[\w-]+)/g)].map((m) => m[1]));
  assert.deepEqual(
    [...used].filter((name) => !DESIGN_PROPERTIES.includes(name)),
    []
  );
});
