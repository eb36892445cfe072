/**
 * Reading an AT-SPI tree as atspi-tree.py prints it: {id, role, name, states, attrs, text?,
 * lang?, actions?, children}. The engines shape the same page differently (Chromium adds a
 * `static` object for every run of text, WebKit gives buttons and landmarks no text of their
 * own), so the tests ask questions that hold in all three: what is there, in what order,
 * with which name, states and words.
 */

const EMBEDDED = '\ufffc';

/** Every node under `node` (itself included), depth first, in document order. */
export function* walk(node) {
  yield node;
  for (const child of node.children) yield* walk(child);
}

export const find = (node, test) => [...walk(node)].filter(test);

export const hasState = (node, state) => node.states.includes(state);

export const isButton = (node) => node.role === 'push button' || node.role === 'toggle button';

/** ARIA regions, whatever role the engine maps them to (`landmark`; `section` when unnamed). */
export const isRegion = (node) => /\bregion\b/.test(node.attrs['xml-roles'] ?? '');

/**
 * The words a screen reader reads for a subtree, in order. A node's text holds U+FFFC where
 * a child object sits; Chromium's `static` children repeat text their parent already has.
 */
export function textOf(node) {
  const objects = node.children.filter((child) => child.role !== 'static');
  if (node.text === undefined) {
    return node.children.map(textOf).join(' ');
  }
  const slots = node.text.split(EMBEDDED).length - 1;
  if (slots === objects.length) {
    let index = 0;
    return node.text.replace(/\ufffc/g, () => ` ${textOf(objects[index++])} `);
  }
  // The engine's text and its children disagree: keep both rather than lose words.
  return `${node.text.replace(/\ufffc/g, ' ')} ${objects.map(textOf).join(' ')}`;
}

export const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** Every name, description and text in the subtree, for "is this anywhere" questions. */
export function everything(node) {
  return squash([textOf(node), ...[...walk(node)].flatMap((n) => [n.name, n.description ?? ''])].join(' '));
}

/**
 * A one-line-per-node outline, for failure messages. Chromium's `static` text objects are
 * left out: their words are already in their parent's text.
 */
export function outline(root, max = 80) {
  const lines = [];
  const visit = (node, depth) => {
    if (lines.length > max) return;
    if (lines.length === max) return void lines.push('  …');
    const states = node.states.filter((s) => ['expandable', 'expanded', 'focused'].includes(s));
    const attrs = ['level', 'xml-roles'].filter((k) => node.attrs[k]).map((k) => `${k}=${node.attrs[k]}`);
    const text = node.text?.trim()
      ? ` text=${JSON.stringify(node.text.length > 40 ? `${node.text.slice(0, 40)}…` : node.text)}`
      : '';
    const lang = node.lang ? ` lang=${node.lang}` : '';
    lines.push(
      `${'  '.repeat(depth)}${node.role} ${JSON.stringify(node.name.slice(0, 60))} ${[...states, ...attrs].join(' ')}${text}${lang}`
    );
    for (const child of node.children) if (child.role !== 'static') visit(child, depth + 1);
  };
  visit(root, 0);
  return lines.join('\n');
}
