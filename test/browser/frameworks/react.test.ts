// Types for the framework bundles; tests are not in tsconfig, so the reference brings them in.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./frameworks.d.ts" />
// React 19 (production build) rendering the elements, through @lit/react and as plain
// custom-element JSX. React comes from the bundle served by test/runner/framework-bundles-plugin.mjs;
// the elements come from src as in every other browser test.
import {expect, waitUntil} from '@open-wc/testing';
import type {EventName} from '@lit/react';
import type {ReactNode} from 'react';
import {
  React,
  createComponent,
  createElement,
  createRoot,
  flushSync,
  Fragment,
  useState,
  type Root,
} from '/__frameworks__/react.js';
import {MiliaFaq, MiliaInfo, type MiliaToggleDetail} from '../../../src/index.js';
import {openIds, showAll, toggles} from '../helpers.js';

type ToggleEvent = CustomEvent<MiliaToggleDetail>;

const MiliaInfoReact = createComponent({
  react: React,
  tagName: 'milia-info',
  elementClass: MiliaInfo,
  events: {onMiliaToggle: 'milia-toggle' as EventName<ToggleEvent>},
});

const buttonIds = (el: Element) => toggles(el).map((button) => button.id);
const headingTags = (el: Element) => toggles(el).map((button) => button.parentElement!.localName);

let container: HTMLElement | undefined;
let root: Root | undefined;

/** Renders into a fresh root and commits synchronously (the production build has no `act`). */
function mount(node: ReactNode): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const newRoot = (root = createRoot(container));
  flushSync(() => newRoot.render(node));
  return container;
}

/** The one element of that tag React rendered, after its first complete render. */
async function rendered<T extends MiliaInfo | MiliaFaq>(tag: 'milia-info' | 'milia-faq'): Promise<T> {
  const el = container!.querySelector(tag) as T | null;
  expect(el, `React rendered no <${tag}>`).to.exist;
  await el!.updateComplete;
  return el!;
}

describe('React 19', () => {
  afterEach(() => {
    root?.unmount();
    container?.remove();
    root = container = undefined;
  });

  describe('through @lit/react createComponent', () => {
    it('sets properties, and the milia-toggle event reaches the handler and React state', async () => {
      const heard: ToggleEvent[] = [];
      function App() {
        const [log, setLog] = useState<string[]>([]);
        return createElement(
          Fragment,
          null,
          createElement(MiliaInfoReact, {
            sections: 'overview causes',
            expanded: 'causes',
            headingLevel: 3,
            onMiliaToggle: (event: ToggleEvent) => {
              heard.push(event);
              const {section, expanded} = event.detail;
              setLog((entries) => [...entries, `${section}:${expanded}`]);
            },
          }),
          createElement('p', {className: 'log'}, `${log.length} toggles: ${log.join(' ') || 'none'}`)
        );
      }
      mount(createElement(App));
      const el = await rendered<MiliaInfo>('milia-info');
      const log = container!.querySelector('p.log')!;

      expect(el).to.be.instanceOf(MiliaInfo);
      expect(el.sections).to.equal('overview causes');
      expect(buttonIds(el)).to.deep.equal(['button-overview', 'button-causes']);
      expect(headingTags(el)).to.deep.equal(['h3', 'h3']);
      expect(openIds(el)).to.deep.equal(['causes']);
      expect(heard, 'no event for the state `expanded` sets at first render').to.be.empty;
      expect(log.textContent).to.equal('0 toggles: none');

      toggles(el)[0].click();
      expect(heard).to.have.length(1);
      expect(heard[0].detail).to.deep.equal({section: 'overview', expanded: true, trigger: 'click', lang: 'en'});
      expect(heard[0].target).to.equal(el);
      await waitUntil(() => log.textContent === '1 toggles: overview:true', `React rendered "${log.textContent}"`);
      await el.updateComplete;
      expect(openIds(el)).to.deep.equal(['overview', 'causes']);

      // After React re-rendered, the listener is the same one (updated, not added twice).
      toggles(el)[0].click();
      expect(heard.map((event) => event.detail)).to.deep.equal([
        {section: 'overview', expanded: true, trigger: 'click', lang: 'en'},
        {section: 'overview', expanded: false, trigger: 'click', lang: 'en'},
      ]);
      await waitUntil(() => log.textContent === '2 toggles: overview:true overview:false', `React rendered "${log.textContent}"`);
    });

    it('updates the element when a re-render changes or drops props', async () => {
      const steps = [{sections: 'overview causes', headingLevel: 3}, {sections: 'removal', headingLevel: 4}, {headingLevel: 5}];
      function App() {
        const [step, setStep] = useState(0);
        return createElement(
          Fragment,
          null,
          createElement('button', {type: 'button', className: 'next', onClick: () => setStep((n) => n + 1)}, 'Next'),
          createElement(MiliaInfoReact, steps[step])
        );
      }
      mount(createElement(App));
      const el = await rendered<MiliaInfo>('milia-info');
      const next = container!.querySelector<HTMLButtonElement>('button.next')!;
      expect(buttonIds(el)).to.deep.equal(['button-overview', 'button-causes']);
      expect(headingTags(el)).to.deep.equal(['h3', 'h3']);

      next.click();
      await waitUntil(() => el.sections === 'removal', 'React did not pass the new sections');
      await el.updateComplete;
      expect(container!.querySelector('milia-info'), 'the same element, updated in place').to.equal(el);
      expect(buttonIds(el)).to.deep.equal(['button-removal']);
      expect(headingTags(el)).to.deep.equal(['h4']);

      // A prop no longer passed is unset, so the element falls back to every section.
      next.click();
      await waitUntil(() => el.headingLevel === 5, 'React did not pass the new heading level');
      await el.updateComplete;
      expect(el.sections).to.equal(undefined);
      expect(buttonIds(el)).to.deep.equal(
        ['overview', 'types', 'causes', 'removal', 'home-care', 'see-a-doctor'].map((id) => `button-${id}`)
      );
      expect(headingTags(el)).to.deep.equal(Array(6).fill('h5'));
    });
  });

  describe('as plain custom-element JSX', () => {
    it('sets properties and hears milia-toggle through an `onmilia-toggle` prop', async () => {
      const heard: MiliaToggleDetail[] = [];
      const camelCase: Event[] = [];
      let refNode: MiliaFaq | null = null;
      mount(
        createElement('milia-faq', {
          questions: 'pop eyes',
          expanded: 'eyes',
          headingLevel: 4,
          single: true,
          // React 19 listens to the event named after `on`, exactly as written...
          'onmilia-toggle': (event: ToggleEvent) => heard.push(event.detail),
          // ...so the camelCase name of @lit/react listens to a `MiliaToggle` event that never comes.
          onMiliaToggle: (event: Event) => camelCase.push(event),
          ref: (node: MiliaFaq | null) => {
            refNode = node;
          },
        })
      );
      const el = await rendered<MiliaFaq>('milia-faq');

      expect(el).to.be.instanceOf(MiliaFaq);
      expect(refNode).to.equal(el);
      // Properties, not attributes: the number and the boolean arrive as they are.
      expect(el.questions).to.equal('pop eyes');
      expect(el.headingLevel).to.equal(4);
      expect(el.single).to.equal(true);
      expect(el.hasAttribute('single'), 'the boolean property reflects').to.be.true;
      expect(buttonIds(el)).to.deep.equal(['button-pop', 'button-eyes']);
      expect(headingTags(el)).to.deep.equal(['h4', 'h4']);
      expect(openIds(el)).to.deep.equal(['eyes']);
      expect(showAll(el), 'no show-all control in single mode').to.equal(null);

      toggles(el)[0].click();
      await el.updateComplete;
      expect(heard).to.deep.equal([
        {section: 'pop', expanded: true, trigger: 'click', lang: 'en'},
        {section: 'eyes', expanded: false, trigger: 'single', lang: 'en'},
      ]);
      expect(camelCase).to.be.empty;
      expect(openIds(el)).to.deep.equal(['pop']);
    });
  });

  it('unmounts the elements without errors', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    const consoleError = console.error;
    window.addEventListener('error', onError);
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      consoleError(...args);
    };
    try {
      mount(
        createElement(
          'section',
          null,
          createElement(MiliaInfoReact, {sections: 'home-care', expanded: 'all', onMiliaToggle: () => {}}),
          createElement('milia-faq', {questions: 'contagious', structuredData: true})
        )
      );
      const info = await rendered<MiliaInfo>('milia-info');
      const faq = await rendered<MiliaFaq>('milia-faq');
      expect(openIds(info)).to.deep.equal(['home-care']);
      expect(buttonIds(faq)).to.deep.equal(['button-contagious']);
      const faqPage = () => document.head.querySelector('script[type="application/ld+json"]');
      await waitUntil(faqPage, 'the boolean structuredData property added no FAQPage');

      const mounted = root!;
      root = undefined;
      expect(() => mounted.unmount()).not.to.throw();
      expect(container!.childElementCount).to.equal(0);
      expect(info.isConnected).to.be.false;
      expect(faq.isConnected).to.be.false;
      // What the elements do on leaving the page settles quietly: the FAQPage goes with them.
      await waitUntil(() => !faqPage(), 'the FAQPage outlived its element');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).to.be.empty;
    } finally {
      window.removeEventListener('error', onError);
      console.error = consoleError;
    }
  });
});
