import {fromMarkdown} from 'mdast-util-from-markdown';

/**
 * Turns Markdown into the small tree the widgets render: paragraphs and lists of inline
 * text, emphasis, strong and https links. Everything else is refused here, at build time,
 * so the run-time renderer never meets markup it does not know.
 *
 * Output shapes (kept short because they ship in the bundle):
 *   Block  = {p: Inline[]} | {ul: Inline[][]} | {ol: Inline[][]}
 *   Inline = string | {em: Inline[]} | {strong: Inline[]} | {a: Inline[], href: string}
 *
 * @param {string} markdown
 * @param {string} file
 * @param {number} lineOffset  lines before the Markdown body in the file
 * @param {import('./content-error.mjs').ProblemList} problems
 */
export function markdownToBlocks(markdown, file, lineOffset, problems) {
  const lineOf = (node) => (node.position?.start.line ?? 1) + lineOffset;
  const refuse = (node, reason) => problems.add(file, lineOf(node), reason);

  const REFUSED = {
    html: 'raw HTML is not allowed; write plain Markdown',
    image: 'images are not allowed',
    imageReference: 'images are not allowed',
    heading: 'headings are not allowed inside a section; the title comes from front matter',
    code: 'code blocks are not allowed',
    inlineCode: 'inline code is not allowed',
    blockquote: 'block quotes are not allowed',
    thematicBreak: 'horizontal rules are not allowed',
    table: 'tables are not allowed',
    linkReference: 'reference-style links are not allowed; write [text](https://...)',
    definition: 'link definitions are not allowed; write [text](https://...)',
    footnoteReference: 'footnotes are not allowed',
  };

  /** @returns {any[]} */
  function inlines(children) {
    const out = [];
    for (const node of children) {
      const item = inline(node);
      if (item === undefined) continue;
      // Merge neighbouring text so the shipped tree stays small.
      if (typeof item === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += item;
      else out.push(item);
    }
    return out;
  }

  function inline(node) {
    switch (node.type) {
      case 'text':
        return node.value.replace(/\s*\n\s*/g, ' ');
      case 'break':
        return ' ';
      case 'emphasis':
        return {em: inlines(node.children)};
      case 'strong':
        return {strong: inlines(node.children)};
      case 'link':
        if (!/^https:\/\/[^\s]+$/i.test(node.url)) {
          refuse(node, `link "${node.url}" is not an https:// address`);
          return undefined;
        }
        return {a: inlines(node.children), href: node.url};
      default:
        refuse(node, REFUSED[node.type] ?? `"${node.type}" is not allowed inline`);
        return undefined;
    }
  }

  function listItem(node) {
    const [first, ...rest] = node.children;
    if (!first || first.type !== 'paragraph' || rest.length) {
      refuse(node, 'a list item must hold one paragraph of text (no nested lists or blocks)');
      return [];
    }
    return inlines(first.children);
  }

  const blocks = [];
  for (const node of fromMarkdown(markdown).children) {
    if (node.type === 'paragraph') {
      blocks.push({p: trimEnds(inlines(node.children))});
    } else if (node.type === 'list') {
      blocks.push({[node.ordered ? 'ol' : 'ul']: node.children.map((item) => trimEnds(listItem(item)))});
    } else {
      refuse(node, REFUSED[node.type] ?? `"${node.type}" is not allowed`);
    }
  }
  return blocks;
}

/** Drops whitespace that soft line breaks leave at the start and end of a run. */
function trimEnds(nodes) {
  if (typeof nodes[0] === 'string') nodes[0] = nodes[0].trimStart();
  const last = nodes.length - 1;
  if (typeof nodes[last] === 'string') nodes[last] = nodes[last].trimEnd();
  return nodes.filter((n) => n !== '');
}
