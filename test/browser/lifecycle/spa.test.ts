import {expect, nextFrame} from '@open-wc/testing';
import '../../../src/index.js';
import type {MiliaInfo} from '../../../src/milia-info.js';
import type {MiliaFaq} from '../../../src/milia-faq.js';
import {pageMembers} from '../../../src/internal/page.js';
import {structuredDataAskers} from '../../../src/internal/structured-data-writer.js';
import {openIds, recordToggles, recordWarnings, settle, shadow, structuredDataSettled, titles, toggles} from '../helpers.js';

// An application's view of the elements: created by a framework, put in a page or in a
// component's shadow root, moved between layouts, removed on navigation, and created again.

const SPANISH_OVERVIEW = '¿Qué son los milios?';
const ENGLISH_OVERVIEW = 'What are milia?';
const innerLang = (el: Element) => shadow(el).querySelector('.root')!.getAttribute('lang');
const jsonLdScripts = () => document.head.querySelectorAll('script[type="application/ld+json"]').length;

function create<T extends MiliaInfo | MiliaFaq>(tag: 'milia-info' | 'milia-faq', attributes: Record<string, string> = {}): T {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** A host component: what it is given goes into its open shadow root. */
function component(attributes: Record<string, string> = {}, ...children: Node[]): HTMLElement {
  const host = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  host.attachShadow({mode: 'open'}).append(...children);
  return host;
}
const div = (attributes: Record<string, string> = {}, ...children: Node[]) => {
  const el = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
};

async function hashChange(hash: string) {
  const changed = new Promise((resolve) => addEventListener('hashchange', resolve, {once: true}));
  location.hash = hash;
  await changed;
  await settle();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The application: one outlet whose content each route replaces. */
let outlet: HTMLElement;
const start = location.href;
beforeEach(() => {
  outlet = div({id: 'outlet'});
  document.body.append(outlet);
});
afterEach(() => {
  outlet.remove();
  history.replaceState(null, '', start);
});

describe('elements that an application adds, moves and removes', function () {
  this.timeout(20000);

  it('appended and removed in the same task: no render, no page-wide registration, no structured data, no event on a later hash change', async () => {
    const members = pageMembers();
    const askers = structuredDataAskers();
    const scripts = jsonLdScripts();
    const el = create<MiliaInfo>('milia-info', {'structured-data': ''});
    const heard: string[] = [];
    el.addEventListener('milia-toggle', (event) => heard.push(event.detail.section));
    outlet.append(el);
    el.remove();
    await el.updateComplete;
    await structuredDataSettled();
    await nextFrame();
    expect(toggles(el), 'rendered while out of the page').to.have.length(0);
    expect(pageMembers(), 'page-wide members').to.equal(members);
    expect(structuredDataAskers(), 'structured-data askers').to.equal(askers);
    expect(jsonLdScripts(), 'JSON-LD scripts').to.equal(scripts);
    await hashChange('#milia-causes');
    expect(heard, 'events from an element that is not on the page').to.deep.equal([]);

    // Coming back later, it renders, and follows the link in the URL.
    outlet.append(el);
    await el.updateComplete;
    await settle(el);
    expect(titles(el)[0]).to.equal(ENGLISH_OVERVIEW);
    expect(openIds(el)).to.deep.equal(['causes']);
    expect(pageMembers()).to.equal(members + 1);
    el.remove();
    expect(pageMembers()).to.equal(members);
  });

  it('appended and removed in the same task while a #milia- link is in the URL: nothing opens, nothing is kept', async () => {
    history.replaceState(null, '', '#milia-types');
    const members = pageMembers();
    const el = create<MiliaFaq>('milia-faq');
    const heard: string[] = [];
    el.addEventListener('milia-toggle', (event) => heard.push(event.detail.section));
    outlet.append(el);
    el.remove();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).to.deep.equal([]);
    expect(pageMembers()).to.equal(members);
    expect(toggles(el)).to.have.length(0);
  });

  it('rendered, then removed before the #milia- link in the URL was followed: it neither opens nor announces', async () => {
    history.replaceState(null, '', '#milia-types');
    const el = create<MiliaInfo>('milia-info');
    const heard: string[] = [];
    el.addEventListener('milia-toggle', (event) => heard.push(event.detail.section));
    outlet.append(el);
    await el.updateComplete; // rendered (English needs no file); the link is followed a task later
    expect(toggles(el)).to.have.length(6);
    el.remove();
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).to.deep.equal([]);
    expect(openIds(el)).to.deep.equal([]);
  });

  it('removed after rendering: leaves the page-wide state and answers no later hash change', async () => {
    const members = pageMembers();
    const askers = structuredDataAskers();
    const el = create<MiliaFaq>('milia-faq', {'structured-data': ''});
    outlet.append(el);
    await el.updateComplete;
    await structuredDataSettled(el);
    expect(pageMembers()).to.equal(members + 1);
    expect(structuredDataAskers()).to.equal(askers + 1);
    const heard: string[] = [];
    el.addEventListener('milia-toggle', (event) => heard.push(event.detail.section));
    el.remove();
    await structuredDataSettled();
    expect(pageMembers()).to.equal(members);
    expect(structuredDataAskers()).to.equal(askers);
    await hashChange('#milia-pop');
    expect(heard).to.deep.equal([]);
  });

  it('moved between layouts (page, component shadow root): keeps its open items, stays one member, answers a link once', async () => {
    const members = pageMembers();
    const el = create<MiliaInfo>('milia-info', {expanded: 'types'});
    const sidebar = div({id: 'sidebar'});
    const main = component();
    outlet.append(sidebar, main);
    sidebar.append(el);
    await el.updateComplete;
    el.toggle('removal');
    await el.updateComplete;
    main.shadowRoot!.append(el); // the layout changes: the same element moves
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['types', 'removal']);
    expect(pageMembers()).to.equal(members + 1);
    const log = recordToggles(el);
    await hashChange('#milia-causes');
    log.stop();
    expect(log.events).to.deep.equal([{section: 'causes', expanded: true, trigger: 'link', lang: 'en'}]);
  });

  it('an SPA harness: routes replace their views; each view works, and leaving the last widget leaves nothing', async () => {
    const members = pageMembers();
    const askers = structuredDataAskers();
    const scripts = jsonLdScripts();
    /** Route -> the view a framework would render into the outlet. */
    const routes: Record<string, () => Node[]> = {
      '/article': () => [div({}, 'Article'), create('milia-info', {sections: 'overview causes', 'structured-data': ''})],
      '/help': () => [component({lang: 'es'}, create('milia-faq', {questions: 'pop contagious', 'structured-data': ''}))],
      '/both': () => [
        create('milia-info', {sections: 'causes'}),
        component({}, component({}, create('milia-faq', {questions: 'pop'}))),
      ],
      '/home': () => [div({}, 'Nothing about milia here')],
    };
    const widgetsIn = (root: ParentNode): (MiliaInfo | MiliaFaq)[] => [
      ...root.querySelectorAll<MiliaInfo | MiliaFaq>('milia-info, milia-faq'),
      ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? widgetsIn(el.shadowRoot) : [])),
    ];
    const navigate = async (path: string) => {
      history.pushState(null, '', `${location.pathname}${location.search}#route=${path}`);
      outlet.replaceChildren(...routes[path]());
      const widgets = widgetsIn(outlet);
      await Promise.all(widgets.map((el) => el.updateComplete));
      await structuredDataSettled(...widgets);
      return widgets;
    };
    for (const path of ['/article', '/help', '/both', '/home', '/help', '/article', '/home']) {
      const widgets = await navigate(path);
      expect(pageMembers(), `${path}: page-wide members`).to.equal(members + widgets.length);
      for (const el of widgets) {
        expect(titles(el).length, `${path}: <${el.localName}> rendered`).to.be.greaterThan(0);
        const log = recordToggles(el);
        toggles(el)[0].click();
        await el.updateComplete;
        log.stop();
        expect(log.events, `${path}: a click on <${el.localName}>`).to.have.length(1);
      }
      const asking = widgets.filter((el) => el.structuredData).length;
      expect(structuredDataAskers(), `${path}: structured-data askers`).to.equal(askers + asking);
      expect(jsonLdScripts(), `${path}: JSON-LD scripts`).to.equal(scripts + (asking ? 1 : 0));
    }
    // On /home now: no widget, so nothing of ours remains or answers.
    expect(pageMembers()).to.equal(members);
    expect(structuredDataAskers()).to.equal(askers);
    const log = recordToggles();
    await hashChange('#milia-causes');
    log.stop();
    expect(log.events).to.deep.equal([]);
  });
});

describe('languages inside applications', function () {
  this.timeout(20000);
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => warnings.restore());

  it('moving an element re-resolves its inherited language, keeping its open items', async () => {
    const english = div({lang: 'en'});
    const spanish = div({lang: 'es'}, div({}, div({id: 'deep'})));
    const mexican = component({lang: 'es-MX'});
    const french = div({lang: 'fr'});
    outlet.append(english, spanish, mexican, french);
    const el = create<MiliaInfo>('milia-info', {expanded: 'causes'});
    english.append(el);
    await el.updateComplete;
    expect(titles(el)[0]).to.equal(ENGLISH_OVERVIEW);
    spanish.querySelector('#deep')!.append(el);
    await el.updateComplete;
    expect(titles(el)[0], 'in the Spanish subtree').to.equal(SPANISH_OVERVIEW);
    expect(openIds(el)).to.deep.equal(['causes']);
    english.append(el);
    await el.updateComplete;
    expect(titles(el)[0], 'back in English').to.equal(ENGLISH_OVERVIEW);
    mexican.shadowRoot!.append(el);
    await el.updateComplete;
    expect(titles(el)[0], 'in a component whose host says es-MX').to.equal(SPANISH_OVERVIEW);
    french.append(el);
    await el.updateComplete;
    expect(titles(el)[0], 'inherited French: English').to.equal(ENGLISH_OVERVIEW);
    expect(warnings.messages, 'an inherited language we lack is not the site owner asking').to.deep.equal([]);
  });

  it('an SPA changing <html lang>: elements that inherit it follow; own lang and closer ancestors win', async () => {
    const html = document.documentElement;
    const before = html.getAttribute('lang');
    try {
      html.setAttribute('lang', 'en');
      const inheriting = create<MiliaInfo>('milia-info');
      const inComponent = create<MiliaFaq>('milia-faq', {questions: 'pop'});
      const own = create<MiliaInfo>('milia-info', {lang: 'en'});
      const closer = create<MiliaInfo>('milia-info');
      outlet.append(inheriting, component({}, inComponent), own, div({lang: 'en-GB'}, closer));
      const all = [inheriting, inComponent, own, closer];
      await Promise.all(all.map((el) => el.updateComplete));
      html.setAttribute('lang', 'es-ES');
      await nextFrame();
      await Promise.all(all.map((el) => el.updateComplete));
      expect(all.map(innerLang)).to.deep.equal(['es', 'es', 'en', 'en']);
      expect(titles(inheriting)[0]).to.equal(SPANISH_OVERVIEW);
      html.setAttribute('lang', 'en-US');
      await nextFrame();
      await Promise.all(all.map((el) => el.updateComplete));
      expect(all.map(innerLang)).to.deep.equal(['en', 'en', 'en', 'en']);
    } finally {
      if (before === null) html.removeAttribute('lang');
      else html.setAttribute('lang', before);
    }
  });

  it("a change of an ancestor's lang, also inside another component's shadow root (two deep), is picked up", async () => {
    const inPage = create<MiliaInfo>('milia-info');
    const wrapper = div({lang: 'en'}, inPage);
    const deep = create<MiliaInfo>('milia-info');
    const section = div({lang: 'en'}, component({}, deep)); // inside the outer component's shadow root
    const outer = component({}, section);
    outlet.append(wrapper, outer);
    await Promise.all([inPage.updateComplete, deep.updateComplete]);
    // One change at a time: any change the observer sees makes every element look again.
    section.setAttribute('lang', 'es');
    await nextFrame();
    await Promise.all([inPage.updateComplete, deep.updateComplete]);
    expect(innerLang(deep), "ancestor inside a component's shadow root").to.equal('es');
    expect(innerLang(inPage)).to.equal('en');
    wrapper.setAttribute('lang', 'es');
    await nextFrame();
    await inPage.updateComplete;
    expect(innerLang(inPage), 'ancestor in the page').to.equal('es');
    section.removeAttribute('lang');
    outer.setAttribute('lang', 'en');
    await nextFrame();
    await deep.updateComplete;
    expect(innerLang(deep), 'the lang of the outer host').to.equal('en');
  });

  it('lang="" is an unknown language: English, not inherited, at most one warning', async () => {
    const el = create<MiliaInfo>('milia-info', {lang: ''});
    outlet.append(div({lang: 'es'}, el));
    await el.updateComplete;
    expect(titles(el)[0]).to.equal(ENGLISH_OVERVIEW);
    expect(innerLang(el)).to.equal('en');
    el.toggle('causes');
    el.setAttribute('sections', 'overview causes');
    await el.updateComplete;
    // A framework writing an empty value through the property does the same.
    const viaProperty = create<MiliaFaq>('milia-faq');
    outlet.append(div({lang: 'es'}, viaProperty));
    await viaProperty.updateComplete;
    expect(titles(viaProperty)[0], 'inherits before').to.match(/^¿/);
    viaProperty.lang = '';
    await viaProperty.updateComplete;
    expect(innerLang(viaProperty)).to.equal('en');
    viaProperty.toggle('pop');
    await viaProperty.updateComplete;
    viaProperty.removeAttribute('lang');
    await viaProperty.updateComplete;
    expect(innerLang(viaProperty), 'inherits again without the attribute').to.equal('es');
    const about = (tag: string) => warnings.messages.filter((message) => message.includes(`<${tag}>`));
    expect(about('milia-info').length, warnings.messages.join('\n')).to.be.at.most(1);
    expect(about('milia-faq').length, warnings.messages.join('\n')).to.be.at.most(1);
  });
});

describe('state across changes of configuration', function () {
  this.timeout(20000);

  it('turning single on with six items open keeps only the first open one in display order; the others close with milia-toggle "single"', async () => {
    const order = ['causes', 'overview', 'types', 'removal', 'home-care', 'see-a-doctor'];
    const el = create<MiliaInfo>('milia-info', {sections: order.join(' '), expanded: 'all'});
    outlet.append(el);
    await el.updateComplete;
    expect(openIds(el)).to.have.length(6);
    const log = recordToggles(el);
    el.single = true;
    await el.updateComplete;
    log.stop();
    expect(openIds(el)).to.deep.equal(['causes']);
    expect(log.events).to.deep.equal(
      order.slice(1).map((section) => ({section, expanded: false, trigger: 'single', lang: 'en'}))
    );
  });

  it('single set as an attribute on a FAQ whose first shown question is closed: the first open one stays', async () => {
    const el = create<MiliaFaq>('milia-faq', {questions: 'pop contagious eyes babies', expanded: 'eyes contagious babies'});
    outlet.append(el);
    await el.updateComplete;
    const log = recordToggles(el);
    el.setAttribute('single', '');
    await el.updateComplete;
    log.stop();
    expect(openIds(el)).to.deep.equal(['contagious']);
    expect(log.events.map(({section, trigger}) => `${section} ${trigger}`)).to.deep.equal(['eyes single', 'babies single']);
  });

  it('reordering sections keeps each item’s elements, and the focused item’s button keeps focus', async () => {
    const el = create<MiliaInfo>('milia-info', {sections: 'overview types causes', expanded: 'causes'});
    outlet.append(el);
    await el.updateComplete;
    const nodes = (id: string) => ['section', 'button', 'panel'].map((kind) => shadow(el).getElementById(`${kind}-${id}`));
    const before = Object.fromEntries(['overview', 'types', 'causes'].map((id) => [id, nodes(id)]));
    const focused = shadow(el).getElementById('button-causes') as HTMLButtonElement;
    focused.focus();
    expect(shadow(el).activeElement).to.equal(focused);

    el.sections = ['causes', 'overview', 'types'];
    await el.updateComplete;
    expect(titles(el)[0]).to.equal('What causes milia?');
    for (const id of ['overview', 'types', 'causes']) expect(nodes(id), `${id}: same nodes`).to.deep.equal(before[id]);
    expect(shadow(el).activeElement, 'focus on the same item, now first').to.equal(focused);
    expect(document.activeElement).to.equal(el);

    el.sections = 'types causes';
    await el.updateComplete;
    expect(shadow(el).activeElement, 'focus kept when another item leaves').to.equal(focused);
    expect(openIds(el)).to.deep.equal(['causes']);
  });

  it('reordering FAQ questions keeps the focused question’s button focused, not the same position', async () => {
    const el = create<MiliaFaq>('milia-faq', {questions: 'pop contagious eyes'});
    outlet.append(el);
    await el.updateComplete;
    const second = toggles(el)[1];
    second.focus();
    el.questions = ['eyes', 'pop', 'contagious'];
    await el.updateComplete;
    expect(toggles(el)[2], 'the same button, now third').to.equal(second);
    expect(shadow(el).activeElement?.id).to.equal('button-contagious');
  });
});
