// Assembles one prerendered widget from the prerender kit (dist/prerender-kit.json, made at
// build time by tools/prerender/ from the elements' own templates). Plain string work with
// no dependencies, so the CLI runs anywhere Node does; the WordPress plugin does the same in
// PHP (wordpress/includes/class-milia-widgets-kit.php) and a test checks they agree byte for byte.
//
// Kit schema: {version, stylesheet, css, elements: {<tag>: {kind, list}}, languages: [...],
//   content: {<lang>: {<kind>: {ids, start, controls: {closed, open},
//     items: {<id>: {closed, open, sources: [sourceId]}},   // "{level}" marks the heading level
//     footer: {start, sources: {<sourceId>: html}, end}}}}}

/** Element attributes, in the order they are written; booleans are bare. */
const ATTRIBUTES = ['sections', 'questions', 'expanded', 'heading-level', 'single', 'structured-data', 'lang'];
const BOOLEAN = new Set(['single', 'structured-data']);

const escapeAttribute = (value) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `es-ES`, `es_ES`, `ES` -> `es` when the kit has it, else English (as the element does). */
export const languageOf = (kit, tag) => {
  const primary = String(tag ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  return kit.languages.includes(primary) ? primary : 'en';
};

const tokens = (value) => [
  ...new Set(
    String(value ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
  ),
];

/**
 * The HTML of one element with its declarative shadow root.
 * @param {object} kit the prerender kit
 * @param {'milia-info' | 'milia-faq'} tag
 * @param {Record<string, string | boolean | undefined>} attributes element attribute names
 *   (`sections`, `expanded`, `heading-level`, `single`, ...); values the element would reject
 *   are written as given, for it to warn about, and the prerendered part shows the valid rest
 * @param {{cssHref?: string, inlineCss?: boolean}} [options] where the stylesheet is (default:
 *   beside the page), or `inlineCss` to put the styles in the HTML: one request fewer before
 *   the text shows, but a strict Content-Security-Policy (`style-src 'self'`) blocks it
 */
export function assemble(kit, tag, attributes = {}, {cssHref = kit.stylesheet, inlineCss = false} = {}) {
  const element = kit.elements[tag];
  if (!element) throw new Error(`unknown element "${tag}"`);
  const lang = languageOf(kit, attributes.lang);
  const k = kit.content[lang][element.kind];
  const named = tokens(attributes[element.list]).filter((id) => k.ids.includes(id));
  const ids = named.length ? named : k.ids;
  const single = isOn(attributes.single);
  const expanded = attributes.expanded;
  const value = typeof expanded === 'string' ? expanded.trim().toLowerCase() : expanded;
  let open =
    value == null || value === false || value === 'none'
      ? []
      : value === true || value === '' || value === 'all'
        ? ids
        : ids.filter((id) => tokens(expanded).includes(id));
  if (single) open = open.slice(0, 1);
  const level = /^\s*[2-6]\s*$/.test(String(attributes['heading-level'] ?? ''))
    ? String(attributes['heading-level']).trim()
    : '2';

  const cited = new Set(ids.flatMap((id) => k.items[id].sources));
  const parts = [
    `<${tag}${hostAttributes(attributes)}><template shadowrootmode="open">`,
    // The CSS text is ours, built from the element's own styles: it holds no "</style".
    inlineCss ? `<style>${kit.css}</style>` : `<link rel="stylesheet" href="${escapeAttribute(cssHref)}">`,
    k.start,
    ids.length > 1 && !single ? k.controls[ids.every((id) => open.includes(id)) ? 'open' : 'closed'] : '',
    ...ids.map((id) => k.items[id][open.includes(id) ? 'open' : 'closed'].replaceAll('{level}', level)),
    k.footer.start,
    ...Object.entries(k.footer.sources)
      .filter(([id]) => cited.has(id))
      .map(([, html]) => html),
    k.footer.end,
    `</template></${tag}>`,
  ];
  return parts.join('');
}

/** HTML's boolean attributes are on when present; the CLI and plugin pass true/false too. */
const isOn = (value) => value !== undefined && value !== null && value !== false;

function hostAttributes(attributes) {
  return ATTRIBUTES.filter((name) => isOn(attributes[name]))
    .map((name) =>
      BOOLEAN.has(name) || attributes[name] === true ? ` ${name}` : ` ${name}="${escapeAttribute(attributes[name])}"`
    )
    .join('');
}
