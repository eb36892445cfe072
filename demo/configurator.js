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
const DEFAULT_BASE = 'https://example.org/js/';
const DEFAULT_HEADING_LEVEL = '2';
const LANGUAGE_NAMES = {en: 'English', es: 'Spanish'};
/** The preview sits on the page's white background; unset colours come from the page. */
const PAGE = {text: '#1d1d1f', background: '#ffffff'};

const form = $('cfg-form');
const preview = $('cfg-preview');
const itemsList = $('cfg-items-list');
const expandedSelect = $('cfg-expanded');
const colorInputs = [...form.querySelectorAll('input[type="color"]')];
const controls = {
  single: $('cfg-single'),
  structuredData: $('cfg-structured-data'),
  structuredDataRow: $('cfg-structured-data-row'),
  headingLevel: $('cfg-heading-level'),
  lang: $('cfg-lang'),
  radius: $('cfg-radius'),
  font: $('cfg-font'),
  base: $('cfg-base'),
  className: $('cfg-class'),
};
const out = {
  html: $('cfg-html'),
  css: $('cfg-css'),
  cssBlock: $('cfg-css-block'),
  files: $('cfg-files'),
  htmlStatus: $('cfg-html-status'),
  cssStatus: $('cfg-css-status'),
  contrast: $('cfg-contrast'),
  baseError: $('cfg-base-error'),
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

/** The folder address typed, ending in "/"; `error` says why it cannot be used. */
function baseUrl() {
  const raw = controls.base.value.trim();
  const fallback = (error) => ({value: DEFAULT_BASE, error: `${error} The code uses ${DEFAULT_BASE} for now.`});
  if (!raw) return fallback('Type the web address of the folder.');
  if (/^\/(?!\/)/.test(raw)) return {value: raw.replace(/\/?$/, '/')};
  let url;
  try {
    url = new URL(raw);
  } catch {
    return fallback('Type a full web address starting with https://, or a path starting with /.');
  }
  if (!/^https?:$/.test(url.protocol)) return fallback('The address must start with https://.');
  url.search = '';
  url.hash = '';
  return {value: url.href.replace(/\/?$/, '/')};
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

function scriptTag() {
  const build = BUILDS[selectedBuild()];
  const src = escapeAttribute(baseUrl().value + build.file);
  const hash = integrity?.[build.file];
  return build.tag(src, hash ? ` integrity="${escapeAttribute(hash)}" crossorigin="anonymous"` : '');
}

/** The files to upload, and what SRI does and does not cover. */
function filesNote() {
  if (integrity === undefined) return 'Reading the integrity hashes…';
  const build = selectedBuild();
  const languageFiles = Object.keys(integrity ?? {}).filter((file) => /^milia-widgets\.lang-[a-z]{2,3}\.js$/.test(file));
  let note;
  if (build === 'classic') {
    note = `Put ${BUILDS.classic.file} from the dist folder in that folder on your site. It has every language inside.`;
  } else {
    const extra = languageFiles.map((file) => {
      const lang = /\.lang-([a-z]+)\.js$/.exec(file)[1];
      return `${file} (${LANGUAGE_NAMES[lang] ?? lang})`;
    });
    if (integrity?.['milia-widgets.structured-data.js']) extra.push('milia-widgets.structured-data.js (structured data)');
    note = `Put ${[BUILDS.module.file, ...extra].join(' and ')} from the dist folder together in that folder on your site.`;
    if (extra.length) note += ' The integrity hash checks only the first file: for strict checks, choose the classic script.';
  }
  if (integrity === null) note += ' The integrity hash is missing: run npm run build to make dist/integrity.json.';
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
  previewSheet.replaceSync(body ? `#cfg-preview > milia-info, #cfg-preview > milia-faq { ${body} }` : '');
}

function update() {
  const tag = selectedTag();
  const attributes = attributesFor(tag);
  const declarations = themeDeclarations();
  updatePreview(tag, attributes, declarations);

  const base = baseUrl();
  showError(controls.base, out.baseError, base.error);
  showError(controls.className, out.classError, className().error);

  const html = `${scriptTag()}\n${openingTag(tag, attributes)}</${tag}>`;
  setOutput(out.html, out.htmlStatus, html);

  const {value: cls} = className();
  const selector = cls ? `${tag}.${cls}` : tag;
  const css = declarations.length
    ? `${selector} {\n${declarations.map(([property, value]) => `  ${property}: ${value};`).join('\n')}\n}`
    : '';
  setOutput(out.css, out.cssStatus, css);
  out.cssBlock.hidden = !css;
  out.files.textContent = filesNote();

  for (const input of colorInputs) {
    $(`${input.id}-value`).textContent = input.dataset.set ? input.value.toLowerCase() : 'Not set';
  }
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
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Warns when colours chosen here are hard to read (WCAG AA: 4.5 to 1 for text). The section
 * titles and text sit on the section background; the "show all" control, the footer and its
 * links sit on the page itself, white here as in the preview.
 */
function updateContrast() {
  const value = (id, fallback) => ($(id).dataset.set ? $(id).value : fallback);
  const surface = value('cfg-color-surface', PAGE.background);
  const text = value('cfg-color-text', PAGE.text);
  const accent = value('cfg-color-accent', text);
  const pairs = [
    ['Text', text, surface, 'the title background'],
    ['Links and arrows', accent, surface, 'the title background'],
    ['Text', text, PAGE.background, 'a white page'],
    ['Links', accent, PAGE.background, 'a white page'],
    ['Small print', value('cfg-color-muted', text), PAGE.background, 'a white page'],
  ];
  const touched = colorInputs.some((input) => input.dataset.set);
  const problems = new Set();
  for (const [name, fg, bg, where] of touched ? pairs : []) {
    const ratio = contrast(fg, bg);
    if (ratio < 4.5) problems.add(`${name} on ${where}: ${ratio.toFixed(1)} to 1.`);
  }
  out.contrast.textContent = problems.size ? `Hard to read: ${[...problems].join(' ')} Aim for at least 4.5 to 1.` : '';
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
form.addEventListener('input', onChange);
form.addEventListener('change', onChange);

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

await Promise.all([loadIntegrity(), rebuildItems()]);
update();
$('configurator').dataset.ready = 'true';
