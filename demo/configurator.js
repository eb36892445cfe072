// "Make your snippet": the demo page's configurator. Every control feeds one function,
// update(), that sets the live preview's attributes, themes it through a constructable
// stylesheet and writes the HTML and CSS to copy.
//
// It runs under the page's strict Content-Security-Policy: no inline script or style, no
// style="" attribute, and Trusted Types, so no innerHTML: DOM is built with createElement
// and textContent, and colours reach the preview through document.adoptedStyleSheets.

const $ = (id) => document.getElementById(id);

/** What each element calls its list attribute, and what the page calls its items. */
const ELEMENTS = {
  'milia-info': {list: 'sections', legend: 'Sections to show', noun: 'sections'},
  'milia-faq': {list: 'questions', legend: 'Questions to show', noun: 'questions'},
};
/** The files `npm run build` writes, keyed as in dist/integrity.json. */
const BUILDS = {
  module: {file: 'milia-widgets.js', tag: (src, sri) => `<script type="module" src="${src}"${sri}></script>`},
  classic: {file: 'milia-widgets.iife.js', tag: (src, sri) => `<script defer src="${src}"${sri}></script>`},
};
/**
 * jsDelivr mirrors every npm release. `@0` follows new releases (content corrections are
 * patch releases), so a snippet pasted as it comes stays correct; `@<version>` is frozen.
 */
const CDN_PACKAGE = 'https://cdn.jsdelivr.net/npm/milia-widgets';
const DEFAULT_BASE = `${CDN_PACKAGE}@0/dist/`;
/** Hosts that serve npm packages by name: a package path there without an exact version follows new releases. */
const NPM_CDN_HOSTS = /(^|\.)(jsdelivr\.net|unpkg\.com|esm\.sh|jspm\.io|skypack\.dev)$/i;
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:[-+][\w.+-]+)?$/;
const DEFAULT_HEADING_LEVEL = '2';
const LANGUAGE_NAMES = {en: 'English', es: 'Spanish'};
/** WCAG AA: text (and links) 4.5 to 1; a focus indicator, like any non-text control, 3 to 1. */
const AA_TEXT = 4.5;
const AA_NON_TEXT = 3;

const form = $('cfg-form');
const preview = $('cfg-preview');
const itemsList = $('cfg-items-list');
const expandedSelect = $('cfg-expanded');
/** The widget's colours (each sets a custom property); the page's own colours are apart. */
const colorInputs = [...form.querySelectorAll('input[type="color"][data-property]')];
const pageInputs = {background: $('cfg-page-background'), text: $('cfg-page-text')};
const controls = {
  single: $('cfg-single'),
  structuredData: $('cfg-structured-data'),
  structuredDataRow: $('cfg-structured-data-row'),
  headingLevel: $('cfg-heading-level'),
  lang: $('cfg-lang'),
  radius: $('cfg-radius'),
  font: $('cfg-font'),
  base: $('cfg-base'),
  integrity: $('cfg-integrity'),
  className: $('cfg-class'),
};
const out = {
  html: $('cfg-html'),
  css: $('cfg-css'),
  cssBlock: $('cfg-css-block'),
  files: $('cfg-files'),
  integrityNote: $('cfg-integrity-note'),
  htmlStatus: $('cfg-html-status'),
  cssStatus: $('cfg-css-status'),
  contrast: $('cfg-contrast'),
  baseError: $('cfg-base-error'),
  baseNote: $('cfg-base-note'),
  classError: $('cfg-class-error'),
};

/** Ids the reader unticked, per element; everything else is shown. */
const unticked = {'milia-info': new Set(), 'milia-faq': new Set()};
/** Section and question titles as the element renders them, per element and language. */
const titleCache = new Map();
/** The items listed right now, in content order: [{id, title}]. */
let items = [];
let widget = preview.querySelector('milia-info, milia-faq');
/** dist/integrity.json once fetched; null if it could not be read. */
let integrity;

// The preview's theme: one constructable stylesheet, rewritten on every change.
const previewSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, previewSheet];

// Elements that hold nothing until JavaScript runs, and a hidden place to render titles in.
const catalogue = document.createElement('div');
catalogue.hidden = true;
$('configurator').append(catalogue);

// ---- reading the controls ------------------------------------------------------------------

const selectedTag = () => form.elements.element.value;
const selectedBuild = () => form.elements.build.value;

/** The colours and shape the reader changed, as custom property declarations. */
function themeDeclarations() {
  const declarations = [];
  for (const input of colorInputs) {
    if (input.dataset.set) declarations.push([input.dataset.property, input.value.toLowerCase()]);
  }
  const radius = radiusValue();
  if (radius != null) declarations.push(['--milia-radius', `${radius}px`]);
  if (controls.font.value) declarations.push(['--milia-font-family', controls.font.value]);
  return declarations;
}

function radiusValue() {
  const raw = controls.radius.value.trim();
  if (raw === '' || !controls.radius.checkValidity()) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.min(32, Math.max(0, Math.round(value))) : null;
}

/** The class name typed, if it is a valid one; `error` says why not. */
function className() {
  const raw = controls.className.value.trim();
  if (!raw) return {value: ''};
  if (/^-?[A-Za-z_][\w-]*$/.test(raw)) return {value: raw};
  return {
    value: '',
    error: 'A class name starts with a letter and has only letters, digits, - and _. The code leaves it out for now.',
  };
}

/**
 * The folder address typed, read as a site owner means it:
 * - `value`: the folder, ending in "/" (a file's address becomes its folder; an npm CDN's
 *   package address gets its dist/ folder), or the default when the address cannot be used;
 * - `error`: why it cannot be used; `note`: what was changed, so nothing happens silently;
 * - `updates`: `follows` (an npm CDN address without an exact version: the file changes with
 *   each release), `pinned` (an exact version, `version`) or `own` (the site's own copy);
 * - `remote`: a full address, which may be on another site than the page.
 */
function baseUrl() {
  const raw = controls.base.value.trim();
  const fallback = (error) => ({
    ...describeFolder(new URL(DEFAULT_BASE), false),
    error: `${error} The code uses ${DEFAULT_BASE} for now.`,
  });
  if (!raw) return fallback('Type the web address of the folder.');
  const onThisSite = /^\/(?!\/)/.test(raw);
  let url;
  try {
    // A path on the site itself is read against a placeholder origin and written back as a path.
    url = new URL(raw, onThisSite ? 'https://your-site.invalid' : undefined);
  } catch {
    return fallback('Type a full web address starting with https://, or a path starting with /.');
  }
  if (!/^https?:$/.test(url.protocol)) return fallback('The address must start with https://.');
  url.search = '';
  url.hash = '';
  const notes = [];
  const file = /[^/]+\.m?js$/i.exec(url.pathname)?.[0];
  if (file) {
    url.pathname = url.pathname.slice(0, -file.length);
    notes.push(
      `That is the address of a file, ${decodeURIComponent(file)}: the code uses its folder and the file chosen under “Script file”.`
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  // The package itself on an npm CDN: the script files are in its dist/ folder.
  if (/\/milia-widgets(@[^/]*)?\/$/.test(url.pathname) && (NPM_CDN_HOSTS.test(url.hostname) || /@[^/]*\/$/.test(url.pathname))) {
    url.pathname += 'dist/';
    notes.push('The script files are in the package’s dist folder: the code uses that.');
  }
  const folder = describeFolder(url, onThisSite);
  if (notes.length) folder.note = `${notes.join(' ')} (${folder.value})`;
  if (url.protocol === 'http:') {
    const insecure = 'A page on https:// cannot load a script from http://: use https:// if that server has it.';
    folder.note = folder.note ? `${folder.note} ${insecure}` : insecure;
  }
  return folder;
}

/** What a folder address means for updates and integrity (see baseUrl). */
function describeFolder(url, onThisSite) {
  const spec = /\/milia-widgets@([^/]+)\//.exec(url.pathname)?.[1];
  const version = spec && decodeURIComponent(spec);
  let updates = 'own';
  if (version) updates = EXACT_VERSION.test(version) ? 'pinned' : 'follows';
  else if (NPM_CDN_HOSTS.test(url.hostname) && /\/milia-widgets\//.test(url.pathname)) updates = 'follows';
  return {
    value: onThisSite ? url.pathname : url.href,
    updates,
    version,
    remote: !onThisSite,
    host: url.host,
    cdn: NPM_CDN_HOSTS.test(url.hostname),
  };
}

/** The version of the bundle this page runs: the one whose hashes dist/integrity.json holds. */
const buildVersion = () => customElements.get('milia-info')?.miliaVersion;

/**
 * Whether the script tag gets an integrity hash, and a sentence that says why or why not.
 * Never on an address whose file changes (a hash there breaks the widget at the next
 * release); on a pinned version only if it is the version these hashes belong to.
 */
function integrityFor(base, build) {
  const version = buildVersion();
  const hash = integrity?.[BUILDS[build].file];
  if (!controls.integrity.checked) return {note: 'No integrity hash: you turned it off.'};
  if (base.updates === 'follows') {
    const what = base.version ? `@${base.version}` : 'this address';
    return {
      note:
        `No integrity hash: ${what} follows new releases, so the file changes with the next correction and a hash would ` +
        `make browsers refuse it: the widget would disappear. For a hash, pin one version${version ? ` (${CDN_PACKAGE}@${version}/dist/)` : ''}.`,
    };
  }
  if (integrity === undefined || !version) return {note: 'Reading the integrity hashes…'};
  if (!hash) return {note: 'No integrity hash: dist/integrity.json is missing. Run npm run build.'};
  if (base.updates === 'pinned' && base.version !== version) {
    return {
      note: `No integrity hash: this page has the hashes of version ${version} only. Pin ${version}, or take the hash from version ${base.version}’s dist/integrity.json.`,
    };
  }
  if (base.updates === 'pinned') {
    return {
      hash,
      note: `With an integrity hash: version ${version} never changes, so browsers can check every byte. It gets no corrections: to update, change the version and the hash together (make the code here again).`,
    };
  }
  return {
    hash,
    note: `With the integrity hash of the files in this dist folder (version ${version}). When you replace them with a newer version, make the code again: the hash changes.`,
  };
}

/** What the file host must send when the script comes from another site, if anything. */
function corsNote(base, build, hash) {
  if (!base.remote || (build === 'classic' && !hash)) return '';
  const why = build === 'module' ? 'A module script' : 'A script with an integrity hash';
  if (base.cdn) return `${why} from another site needs the header Access-Control-Allow-Origin from it: jsDelivr sends it.`;
  return (
    `${why} from another site needs the header Access-Control-Allow-Origin from it. If ${base.host} is not your page’s own site, ` +
    `set that server to send it (for example Access-Control-Allow-Origin: *), or browsers block the script and the widget does not appear.`
  );
}

/** The element's attributes, in the order the snippet writes them; `true` means boolean. */
function attributesFor(tag) {
  const attributes = [];
  const shown = items.filter((item) => !unticked[tag].has(item.id));
  if (shown.length && shown.length < items.length) {
    attributes.push([ELEMENTS[tag].list, shown.map((item) => item.id).join(' ')]);
  }
  if (expandedSelect.value !== 'none') attributes.push(['expanded', expandedSelect.value]);
  if (controls.headingLevel.value !== DEFAULT_HEADING_LEVEL) attributes.push(['heading-level', controls.headingLevel.value]);
  if (controls.single.checked) attributes.push(['single', true]);
  if (tag === 'milia-faq' && controls.structuredData.checked) attributes.push(['structured-data', true]);
  if (controls.lang.value) attributes.push(['lang', controls.lang.value]);
  const {value: cls} = className();
  if (cls) attributes.push(['class', cls]);
  return attributes;
}

// ---- writing the outputs -------------------------------------------------------------------

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function openingTag(tag, attributes) {
  const parts = attributes.map(([name, value]) => (value === true ? name : `${name}="${escapeAttribute(value)}"`));
  return `<${[tag, ...parts].join(' ')}>`;
}

/** The script tag; crossorigin only with a hash (a classic script without one needs no CORS). */
function scriptTag(base, hash) {
  const build = BUILDS[selectedBuild()];
  const src = escapeAttribute(base.value + build.file);
  return build.tag(src, hash ? ` integrity="${escapeAttribute(hash)}" crossorigin="anonymous"` : '');
}

/** The files to upload (none from a CDN), and what SRI does and does not cover. */
function filesNote(base, hash) {
  const build = selectedBuild();
  const languageFiles = Object.keys(integrity ?? {}).filter((file) => /^milia-widgets\.lang-[a-z]{2,3}\.js$/.test(file));
  const extra = languageFiles.map((file) => {
    const lang = /\.lang-([a-z]+)\.js$/.exec(file)[1];
    return `${file} (${LANGUAGE_NAMES[lang] ?? lang})`;
  });
  if (integrity?.['milia-widgets.structured-data.js']) extra.push('milia-widgets.structured-data.js (structured data)');
  let note;
  if (base.cdn) {
    note =
      build === 'classic'
        ? `jsDelivr serves ${BUILDS.classic.file}, with every language inside: nothing to upload.`
        : `jsDelivr serves ${BUILDS.module.file} and the files it loads when needed${extra.length ? ` (${extra.join(', ')})` : ''}: nothing to upload.`;
  } else if (build === 'classic') {
    note = `Put ${BUILDS.classic.file} from the dist folder in that folder on your site. It has every language inside.`;
  } else {
    note = `Put ${[BUILDS.module.file, ...extra].join(' and ')} from the dist folder together in that folder on your site.`;
  }
  if (build === 'module' && hash && extra.length) {
    note += ' The integrity hash checks only the first file: for strict checks, choose the classic script.';
  }
  return note;
}

function fitRows(textarea) {
  textarea.rows = Math.max(2, textarea.value.split('\n').length + 1);
}

/** Keeps the preview element, its attributes and theme in step with the controls. */
function updatePreview(tag, attributes, declarations) {
  if (widget.localName !== tag) {
    const next = document.createElement(tag);
    widget.replaceWith(next);
    widget = next;
  }
  const wanted = new Map(attributes);
  for (const name of ['sections', 'questions', 'expanded', 'heading-level', 'single', 'structured-data', 'lang', 'class']) {
    if (!wanted.has(name)) widget.removeAttribute(name);
  }
  for (const [name, value] of wanted) {
    const text = value === true ? '' : value;
    if (widget.getAttribute(name) !== text) widget.setAttribute(name, text);
  }
  // Scoped to the preview, so the examples further down keep their own look.
  const body = declarations.map(([property, value]) => `${property}: ${value};`).join(' ');
  const rules = body ? [`#cfg-preview > milia-info, #cfg-preview > milia-faq { ${body} }`] : [];
  // The preview stands on the page the reader described.
  const page = [];
  if (pageInputs.background.dataset.set) page.push(`background-color: ${pageInputs.background.value};`);
  if (pageInputs.text.dataset.set) page.push(`color: ${pageInputs.text.value};`);
  if (page.length) rules.push(`#cfg-preview { ${page.join(' ')} }`);
  previewSheet.replaceSync(rules.join('\n'));
}

function update() {
  const tag = selectedTag();
  const attributes = attributesFor(tag);
  const declarations = themeDeclarations();
  updatePreview(tag, attributes, declarations);

  const base = baseUrl();
  showError(controls.base, out.baseError, base.error);
  out.baseNote.hidden = !base.note;
  out.baseNote.textContent = base.note ?? '';
  showError(controls.className, out.classError, className().error);

  const build = selectedBuild();
  const {hash, note} = integrityFor(base, build);
  const html = `${scriptTag(base, hash)}\n${openingTag(tag, attributes)}</${tag}>`;
  setOutput(out.html, out.htmlStatus, html);

  const {value: cls} = className();
  const selector = cls ? `${tag}.${cls}` : tag;
  const css = declarations.length
    ? `${selector} {\n${declarations.map(([property, value]) => `  ${property}: ${value};`).join('\n')}\n}`
    : '';
  setOutput(out.css, out.cssStatus, css);
  out.cssBlock.hidden = !css;
  out.integrityNote.textContent = [note, corsNote(base, build, hash)].filter(Boolean).join(' ');
  out.files.textContent = filesNote(base, hash);
  if (buildVersion()) $('cfg-cdn-pinned').textContent = `jsDelivr, version ${buildVersion()} only`;

  for (const input of colorInputs) {
    $(`${input.id}-value`).textContent = input.dataset.set ? input.value.toLowerCase() : 'Not set';
  }
  for (const input of Object.values(pageInputs)) $(`${input.id}-value`).textContent = input.value.toLowerCase();
}

/** A new output makes an earlier "Copied" untrue, so the status is cleared. */
function setOutput(textarea, status, text) {
  if (textarea.value === text) return;
  textarea.value = text;
  fitRows(textarea);
  status.textContent = '';
  delete status.dataset.result;
}

function showError(input, message, error) {
  message.hidden = !error;
  message.textContent = error ?? '';
  if (error) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a, b) {
  const luminance = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A computed CSS colour (`rgb(…)`/`rgba(…)`) as #rrggbb, or null when transparent or unreadable. */
function cssToHex(css) {
  const parts = /^rgba?\(([^)]+)\)$/
    .exec(css.trim())?.[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3 || parts.slice(0, 3).some(Number.isNaN) || parts[3] === 0) return null;
  return `#${parts
    .slice(0, 3)
    .map((n) => Math.round(n).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** The colour actually behind an element: its own background, or the nearest one painted below it. */
function backgroundBehind(element) {
  for (let el = element; el; el = el.parentElement) {
    const hex = cssToHex(getComputedStyle(el).backgroundColor);
    if (hex) return hex;
  }
  return '#ffffff';
}

/**
 * Warns when colours are hard to read or see, against the page the reader described (not an
 * assumed white page). Section titles, their text and links sit on the title background
 * (the page itself when that is not set); the "show all" control, the footer and its links sit
 * on the page. Text and links need 4.5 to 1; the focus ring, drawn in the focused control's
 * own colour (text for titles, links colour for links and "show all"), needs 3 to 1 against
 * what is around it.
 */
function updateContrast() {
  const value = (input, fallback) => (input.dataset.set ? input.value : fallback);
  const page = {background: pageInputs.background.value, text: pageInputs.text.value};
  const surfaceSet = Boolean($('cfg-color-surface').dataset.set);
  const surface = value($('cfg-color-surface'), page.background);
  const text = value($('cfg-color-text'), page.text);
  const accent = value($('cfg-color-accent'), text);
  const muted = value($('cfg-color-muted'), text);
  const titles = surfaceSet ? 'the title background' : 'your page background';
  const textPairs = [
    ['Text', text, surface, titles],
    ['Links and arrows', accent, surface, titles],
    ['Links', accent, page.background, 'your page background'],
    ['Small print', muted, page.background, 'your page background'],
  ];
  const ringPairs = [
    ['around titles (text colour)', text, surface, titles],
    ['around titles (text colour)', text, page.background, 'your page background'],
    ['around links (links colour)', accent, surface, titles],
    ['around links (links colour)', accent, page.background, 'your page background'],
  ];
  const touched = [...colorInputs, ...Object.values(pageInputs)].some((input) => input.dataset.set);
  // Each pair of colours is named once (without a title background, titles sit on the page).
  const problems = (pairs, minimum, say) => {
    const found = new Map();
    for (const [name, fg, bg, where] of touched ? pairs : []) {
      const ratio = contrast(fg, bg);
      if (ratio < minimum && !found.has(`${fg} ${bg}`)) found.set(`${fg} ${bg}`, say(name, where, ratio.toFixed(1)));
    }
    return [...found.values()];
  };
  const hard = problems(textPairs, AA_TEXT, (name, where, ratio) => `${name} on ${where}: ${ratio} to 1.`);
  const rings = problems(ringPairs, AA_NON_TEXT, (name, where, ratio) => `The focus ring ${name} on ${where}: ${ratio} to 1.`);
  const messages = [];
  if (hard.length) messages.push(`Hard to read: ${hard.join(' ')} Aim for at least ${AA_TEXT} to 1 for text.`);
  if (rings.length) messages.push(`Hard to see: ${rings.join(' ')} A focus ring needs at least ${AA_NON_TEXT} to 1.`);
  out.contrast.textContent = messages.join(' ');
}

// ---- the item checkboxes -------------------------------------------------------------------

/** Titles as the element renders them in that language, read from a hidden instance. */
function titlesFor(tag, lang) {
  const key = `${tag} ${lang}`;
  if (!titleCache.has(key)) {
    titleCache.set(
      key,
      (async () => {
        await customElements.whenDefined(tag);
        const probe = document.createElement(tag);
        if (lang) probe.setAttribute('lang', lang);
        catalogue.append(probe);
        try {
          // The first render may come before a language file has loaded: wait for the final one.
          for (let tries = 0; tries < 5 && !probe.shadowRoot?.querySelector('button[aria-controls]'); tries++) {
            await probe.updateComplete;
          }
          return [...probe.shadowRoot.querySelectorAll('button[aria-controls]')].map((button) => ({
            id: button.id.replace(/^button-/, ''),
            title: button.textContent.trim(),
          }));
        } finally {
          // Gone from the page, it takes no part in deep links or structured data.
          probe.remove();
        }
      })()
    );
  }
  return titleCache.get(key);
}

let listGeneration = 0;

/** Rebuilds the item checkboxes and the "open" choices for the element and language picked. */
async function rebuildItems() {
  const generation = ++listGeneration;
  const tag = selectedTag();
  itemsList.setAttribute('aria-busy', 'true');
  const titles = await titlesFor(tag, controls.lang.value);
  if (generation !== listGeneration) return;

  items = titles;
  $('cfg-items-legend').textContent = ELEMENTS[tag].legend;
  $('cfg-items-hint').textContent = `Untick the ones you do not want. None ticked shows all ${ELEMENTS[tag].noun}.`;
  controls.structuredDataRow.hidden = tag !== 'milia-faq';

  const rows = items.map(({id, title}) => {
    const row = document.createElement('div');
    row.className = 'cfg-choice';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `cfg-item-${id}`;
    box.value = id;
    box.checked = !unticked[tag].has(id);
    box.dataset.item = '';
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = title;
    row.append(box, label);
    return row;
  });
  itemsList.replaceChildren(...rows);
  itemsList.setAttribute('aria-busy', 'false');
  rebuildExpanded();
  update();
}

/** "Open when the page loads": none, all, or one of the items shown. */
function rebuildExpanded() {
  const tag = selectedTag();
  const previous = expandedSelect.value;
  const shown = items.filter((item) => !unticked[tag].has(item.id));
  const options = [['none', 'None: all closed'], ['all', 'All'], ...shown.map(({id, title}) => [id, `Only “${title}”`])].map(
    ([value, text]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      return option;
    }
  );
  // With "only one open at a time", "all" would open just the first.
  options[1].disabled = controls.single.checked;
  expandedSelect.replaceChildren(...options);
  const still = options.find((option) => option.value === previous && !option.disabled);
  expandedSelect.value = still ? previous : 'none';
}

// ---- copying -------------------------------------------------------------------------------

const withTimeout = (promise, ms) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);

/**
 * Writes the text to the clipboard. Where that is refused (plain http, no permission, no
 * user gesture) it selects the text for the reader to copy with the keyboard instead.
 */
async function copy(textarea, status) {
  status.textContent = '';
  delete status.dataset.result;
  let result;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API here');
    // Some browsers wait on a permission prompt that never comes: do not wait for ever.
    await withTimeout(navigator.clipboard.writeText(textarea.value), 2000);
    result = ['copied', 'Copied. Now paste it into your page.'];
  } catch {
    textarea.focus();
    textarea.select();
    result = ['selected', 'The code is selected. Press Ctrl+C (Cmd+C on a Mac) to copy it.'];
  }
  // A moment later, so a screen reader announces it even when the text is the same as before.
  await new Promise((resolve) => setTimeout(resolve, 50));
  status.dataset.result = result[0];
  status.textContent = result[1];
}

// ---- wiring --------------------------------------------------------------------------------

form.addEventListener('submit', (event) => event.preventDefault());

function onChange(event) {
  const target = event.target;
  if (target.type === 'color') target.dataset.set = 'true';
  if (target.dataset.item !== undefined && target.type === 'checkbox') {
    if (target.checked) unticked[selectedTag()].delete(target.value);
    else unticked[selectedTag()].add(target.value);
    rebuildExpanded();
  }
  if (target.name === 'element' || target === controls.lang) {
    // A new language shows at once; the lists follow when the titles are in. A new element
    // waits for its own list, so it never gets the other element's ids.
    if (target === controls.lang) update();
    rebuildItems();
    return;
  }
  if (target === controls.single) rebuildExpanded();
  if (event.type === 'change' && target.type === 'color') updateContrast();
  update();
}
// "Where the files come from" sits beside the code it changes, outside the form.
for (const source of [form, $('cfg-where')]) {
  source.addEventListener('input', onChange);
  source.addEventListener('change', onChange);
}

$('cfg-reset-look').addEventListener('click', () => {
  for (const input of colorInputs) {
    input.value = input.defaultValue;
    delete input.dataset.set;
  }
  controls.radius.value = '';
  controls.font.value = '';
  updateContrast();
  update();
});

$('cfg-cdn-follow').addEventListener('click', () => useBase(DEFAULT_BASE));
$('cfg-cdn-pinned').addEventListener('click', () => buildVersion() && useBase(`${CDN_PACKAGE}@${buildVersion()}/dist/`));
/** Fills in the folder address, as if typed. */
function useBase(address) {
  controls.base.value = address;
  update();
}

$('cfg-copy-html').addEventListener('click', () => copy(out.html, out.htmlStatus));
$('cfg-copy-css').addEventListener('click', () => copy(out.css, out.cssStatus));

async function loadIntegrity() {
  try {
    const response = await fetch(new URL('../dist/integrity.json', import.meta.url), {cache: 'no-cache'});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    integrity = await response.json();
  } catch (error) {
    console.warn(`milia-widgets demo: could not read dist/integrity.json (${error}); the snippet has no integrity hash.`);
    integrity = null;
  }
}

// The page the preview stands on, as it really is (the reader can change it).
pageInputs.background.value = backgroundBehind(preview);
pageInputs.text.value = cssToHex(getComputedStyle(preview).color) ?? pageInputs.text.value;

await Promise.all([loadIntegrity(), rebuildItems()]);
update();
$('configurator').dataset.ready = 'true';
