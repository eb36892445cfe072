// The prerender kit's assembly algorithm, written from its specification a second time, in
// JavaScript, to check the plugin's PHP against it on cases the CLI refuses (bad ids,
// duplicates, odd spacing). The CLI (bin/milia-widgets.mjs) is the reference for valid ones.
const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

/**
 * @param {object} kit        the decoded prerender-kit.json
 * @param {string} tag        milia-info | milia-faq
 * @param {Record<string, string|true>} attributes  element attributes (true: bare)
 * @param {string} cssHref
 */
export function assemble(kit, tag, attributes, cssHref) {
  const el = kit.elements[tag];
  const get = (name) => (attributes[name] === undefined || attributes[name] === null ? null : attributes[name]);
  const primary = String(get('lang') ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  const k = kit.content[kit.languages.includes(primary) ? primary : 'en'][el.kind];
  const tokens = (value) => [
    ...new Set(
      String(value === true ? '' : (value ?? ''))
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
    ),
  ];
  let ids = tokens(get(el.list)).filter((id) => k.ids.includes(id));
  if (!ids.length) ids = k.ids;
  const expanded = get('expanded');
  const value =
    expanded === true
      ? ''
      : String(expanded ?? '')
          .trim()
          .toLowerCase();
  let open =
    expanded === null || value === 'none'
      ? []
      : value === '' || value === 'all'
        ? ids
        : ids.filter((id) => tokens(expanded).includes(id));
  const single = get('single') !== null;
  if (single) open = open.slice(0, 1);
  const levelText = String(get('heading-level') ?? '').trim();
  const level = /^[2-6]$/.test(levelText) ? Number(levelText) : 2;
  let html = `<${tag}`;
  for (const name of [el.list, 'expanded', 'heading-level', 'single', 'structured-data', 'lang']) {
    const v = get(name);
    if (v === null) continue;
    html += name === 'single' || name === 'structured-data' || v === true ? ` ${name}` : ` ${name}="${escape(v)}"`;
  }
  html += `><template shadowrootmode="open"><link rel="stylesheet" href="${escape(cssHref)}">${k.start}`;
  if (ids.length > 1 && !single) html += k.controls[open.length === ids.length ? 'open' : 'closed'];
  const cited = new Set();
  for (const id of ids) {
    html += k.items[id][open.includes(id) ? 'open' : 'closed'].replaceAll('{level}', String(level));
    for (const source of k.items[id].sources) cited.add(source);
  }
  html += k.footer.start;
  for (const [source, li] of Object.entries(k.footer.sources)) if (cited.has(source)) html += li;
  return `${html}${k.footer.end}</template></${tag}>`;
}
