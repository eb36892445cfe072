import {expect, nextFrame} from '@open-wc/testing';
import '../../../src/index.js';
import {MiliaInfo} from '../../../src/milia-info.js';
import type {MiliaFaq} from '../../../src/milia-faq.js';
import {pageMembers} from '../../../src/internal/page.js';
import {openIds, recordToggles, recordWarnings, shadow, titles, toggles} from '../helpers.js';
// React 19 and react-dom from this repository's devDependencies (test/runner/lifecycle/lifecycle-plugin.mjs).
// @ts-expect-error: a module the test runner serves, with no types
import {createElement, createRoot, flushSync} from '/__lifecycle__/react.js';

// What frameworks pass: React 19 sets every prop that the element has as a property
// (`<milia-info expanded sections={['causes']} headingLevel={3}>`), Vue and Angular
// likewise for bound properties. None of it may throw; odd values get at most a warning.

const ids = (el: Element) => toggles(el).map((button) => button.id.replace(/^button-/, ''));
const headingTag = (el: Element) => toggles(el)[0].parentElement!.localName;

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => container.remove());

async function mount<T extends MiliaInfo | MiliaFaq>(tag: 'milia-info' | 'milia-faq', properties: Record<string, unknown> = {}) {
  const el = document.createElement(tag) as T;
  Object.assign(el, properties);
  container.append(el);
  await el.updateComplete;
  return el;
}

/** Errors thrown anywhere while `run` runs, uncaught ones and rejections included. */
async function errorsDuring(run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    errors.push(String(event.error ?? event.message));
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    event.preventDefault();
    errors.push(String(event.reason));
  };
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  try {
    await run();
  } catch (error) {
    errors.push(String(error));
  }
  await new Promise((resolve) => setTimeout(resolve));
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
  return errors;
}

describe('properties as frameworks set them', function () {
  this.timeout(20000);
  let warnings: ReturnType<typeof recordWarnings>;
  beforeEach(() => (warnings = recordWarnings()));
  afterEach(() => warnings.restore());

  it('expanded: true opens all, false, null and undefined none; an array of ids or a string opens those', async () => {
    const el = await mount<MiliaInfo>('milia-info', {expanded: true});
    expect(openIds(el), 'true at first render').to.have.length(6);
    const log = recordToggles(el);
    const cases: [unknown, string[]][] = [
      [false, []],
      [
        ['causes', 'types'],
        ['types', 'causes'],
      ],
      [null, []],
      ['removal home-care', ['removal', 'home-care']],
      [undefined, []],
      [['REMOVAL'], ['removal']],
      [true, ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor']],
      [[], []],
    ];
    for (const [value, open] of cases) {
      el.expanded = value as MiliaInfo['expanded'];
      await el.updateComplete;
      expect(openIds(el), `expanded = ${JSON.stringify(value)}`).to.deep.equal(open);
    }
    log.stop();
    expect(new Set(log.events.map((event) => event.trigger))).to.deep.equal(new Set(['api']));
    expect(warnings.messages).to.deep.equal([]);
  });

  it('sections and questions: an array of ids as well as a string; an empty array, null or undefined shows all', async () => {
    const info = await mount<MiliaInfo>('milia-info', {sections: ['see-a-doctor', 'overview']});
    expect(ids(info)).to.deep.equal(['see-a-doctor', 'overview']);
    for (const [value, shown] of [
      [['causes'], ['causes']],
      ['types causes', ['types', 'causes']],
      [[], ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor']],
      [['types'], ['types']],
      [null, ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor']],
      [undefined, ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor']],
    ] as const) {
      info.sections = value as MiliaInfo['sections'];
      await info.updateComplete;
      expect(ids(info), `sections = ${JSON.stringify(value)}`).to.deep.equal(shown);
    }
    const faq = await mount<MiliaFaq>('milia-faq', {questions: ['pop', 'contagious'], expanded: ['contagious']});
    expect(ids(faq)).to.deep.equal(['pop', 'contagious']);
    expect(openIds(faq)).to.deep.equal(['contagious']);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('headingLevel: a number or a numeric string; null and undefined mean the default', async () => {
    const el = await mount<MiliaInfo>('milia-info', {headingLevel: 3});
    expect(headingTag(el)).to.equal('h3');
    for (const [value, tag] of [
      ['4', 'h4'],
      [' 5 ', 'h5'],
      [6, 'h6'],
      [null, 'h2'],
      [undefined, 'h2'],
    ] as const) {
      el.headingLevel = value as MiliaInfo['headingLevel'];
      await el.updateComplete;
      expect(headingTag(el), `headingLevel = ${JSON.stringify(value)}`).to.equal(tag);
    }
    expect(warnings.messages).to.deep.equal([]);
  });

  it('odd values in every property never throw: at most one warning each, and the element keeps working', async () => {
    const odd: unknown[] = [
      {},
      {id: 'causes'},
      0,
      1,
      -1,
      2.5,
      NaN,
      Infinity,
      true,
      false,
      undefined,
      null,
      '',
      [],
      [1, null],
      ['causes', {}],
      () => 'causes',
      new Date(0),
    ];
    const properties = ['expanded', 'sections', 'headingLevel', 'single', 'structuredData', 'print', 'lang'];
    const el = await mount<MiliaInfo>('milia-info');
    const errors = await errorsDuring(async () => {
      for (const property of properties) {
        for (const value of odd) {
          try {
            (el as unknown as Record<string, unknown>)[property] = value;
            await el.updateComplete;
          } catch (error) {
            throw new Error(`${property} = ${String(value)}: ${error}`);
          }
        }
        (el as unknown as Record<string, unknown>)[property] = property === 'headingLevel' ? 2 : null;
        await el.updateComplete;
      }
    });
    expect(errors).to.deep.equal([]);
    el.removeAttribute('lang');
    await el.updateComplete;
    expect(titles(el)).to.have.length(6);
    toggles(el)[2].click();
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal(['causes']);
    // One warning per setting and value at most (warnings name the value: no repeats).
    expect(new Set(warnings.messages).size).to.equal(warnings.messages.length);
  });

  it('exotic values (a Symbol, an object without a prototype) do not throw either', async () => {
    const el = await mount<MiliaInfo>('milia-info');
    const failures = new Set<string>();
    const errors = await errorsDuring(async () => {
      for (const property of ['expanded', 'sections', 'headingLevel', 'print']) {
        for (const [name, value] of [
          ['Symbol()', Symbol('x')],
          ['Object.create(null)', Object.create(null)],
        ]) {
          const record = (error: unknown) => failures.add(`${property} = ${name}: ${error}`);
          try {
            (el as unknown as Record<string, unknown>)[property] = value;
            await el.updateComplete.catch(record);
          } catch (error) {
            record(error);
          }
          (el as unknown as Record<string, unknown>)[property] = property === 'headingLevel' ? 2 : null;
          await el.updateComplete.catch(() => {});
          // Lit re-raises a failed update's error at the next update: let it surface here.
          await new Promise((resolve) => setTimeout(resolve));
        }
      }
    });
    expect([...failures], errors.join('\n')).to.deep.equal([]);
  });

  it('properties set before the element is defined (a framework ahead of a lazily loaded script) apply when it upgrades', async () => {
    const tag = 'lifecycle-late-info';
    const el = document.createElement(tag) as MiliaInfo;
    Object.assign(el, {expanded: true, sections: ['causes', 'types'], headingLevel: 4});
    container.append(el);
    customElements.define(tag, class extends MiliaInfo {});
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['causes', 'types']);
    expect(openIds(el)).to.deep.equal(['causes', 'types']);
    expect(headingTag(el)).to.equal('h4');
  });
});

describe('React 19 (JSX props set as properties)', function () {
  this.timeout(20000);
  let root: {render: (node: unknown) => void; unmount: () => void} | undefined;
  afterEach(() => {
    root?.unmount();
    root = undefined;
  });

  /** Renders synchronously (the production build has no act()). */
  const render = (node: unknown) => flushSync(() => root!.render(node));

  it('<milia-info expanded sections={[...]} headingLevel={3}>: renders as asked; later renders change it; unmounting leaves nothing', async () => {
    const members = pageMembers();
    const heard: string[] = [];
    const onToggle = (event: CustomEvent) => heard.push(`${event.detail.section} ${event.detail.expanded}`);
    root = createRoot(container);
    const props = {expanded: true, sections: ['causes', 'types'], headingLevel: 3, 'onmilia-toggle': onToggle};
    render(createElement('milia-info', props));
    const el = container.querySelector('milia-info') as MiliaInfo;
    expect(el.expanded, 'React set the property, not the attribute').to.equal(true);
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['causes', 'types']);
    expect(openIds(el)).to.deep.equal(['causes', 'types']);
    expect(headingTag(el)).to.equal('h3');

    render(createElement('milia-info', {...props, expanded: false}));
    await el.updateComplete;
    expect(openIds(el)).to.deep.equal([]);
    render(
      createElement('milia-info', {...props, expanded: ['types'], sections: ['types', 'causes', 'overview'], headingLevel: '4'})
    );
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['types', 'causes', 'overview']);
    expect(openIds(el)).to.deep.equal(['types']);
    expect(headingTag(el)).to.equal('h4');
    render(createElement('milia-info', {...props, expanded: true, single: true, lang: 'es'}));
    await el.updateComplete;
    expect(titles(el)[0]).to.equal('¿Qué causa los milios?');
    expect(openIds(el), 'single: the first in display order').to.deep.equal(['causes']);
    expect(heard).to.include('types true').and.to.include('causes false');
    expect(container.querySelector('milia-info'), 'the same element throughout').to.equal(el);

    render(createElement('p', null, 'Another view'));
    await nextFrame();
    expect(pageMembers()).to.equal(members);
  });

  it('<milia-faq questions={[...]} expanded lang=""> and a view that mounts and unmounts in one commit', async () => {
    const members = pageMembers();
    root = createRoot(container);
    const wrapper = createElement(
      'div',
      {lang: 'es'},
      createElement('milia-faq', {questions: ['pop', 'eyes'], expanded: true, lang: ''})
    );
    render(wrapper);
    const faq = container.querySelector('milia-faq') as MiliaFaq;
    await faq.updateComplete;
    expect(ids(faq)).to.deep.equal(['pop', 'eyes']);
    expect(openIds(faq)).to.deep.equal(['pop', 'eyes']);
    expect(shadow(faq).querySelector('.root')!.getAttribute('lang'), 'lang="" is English, not the wrapper\'s Spanish').to.equal(
      'en'
    );
    // A state change that shows a widget and hides it again before the browser paints.
    render(createElement('div', null, createElement('milia-info', {expanded: true})));
    render(createElement('div', null, createElement('p', null, 'gone')));
    await nextFrame();
    expect(pageMembers()).to.equal(members);
  });
});
