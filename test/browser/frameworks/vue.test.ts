// Types for the framework bundles; tests are not in tsconfig, so the reference brings them in.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./frameworks.d.ts" />
// Vue 3 rendering the elements from templates (compiled in the browser by Vue's
// self-contained build) and from a render function.
import {expect} from '@open-wc/testing';
import {createApp, h, nextTick, ref, type App, type Component} from 'vue/dist/vue.esm-browser.prod.js';
import {MiliaFaq, MiliaInfo, type MiliaToggleDetail} from '../../../src/index.js';
import {openIds, toggles} from '../helpers.js';

type ToggleEvent = CustomEvent<MiliaToggleDetail>;

const buttonIds = (el: Element) => toggles(el).map((button) => button.id);
const headingTags = (el: Element) => toggles(el).map((button) => button.parentElement!.localName);

let container: HTMLElement | undefined;
let app: App | undefined;

function mount(component: Component): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  app = createApp(component);
  // Our tags are custom elements, not Vue components.
  app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('milia-');
  app.mount(container);
  return container;
}

/** The one element of that tag Vue rendered, after its first complete render. */
async function rendered<T extends MiliaInfo | MiliaFaq>(tag: 'milia-info' | 'milia-faq'): Promise<T> {
  await nextTick();
  const el = container!.querySelector(tag) as T | null;
  expect(el, `Vue rendered no <${tag}>`).to.exist;
  await el!.updateComplete;
  return el!;
}

describe('Vue 3', () => {
  afterEach(() => {
    app?.unmount();
    container?.remove();
    app = container = undefined;
  });

  it('binds reactive refs, hears milia-toggle with @milia-toggle, and updates on change', async () => {
    const sections = ref('overview causes');
    const expanded = ref('causes');
    const heard: ToggleEvent[] = [];
    mount({
      setup() {
        const log = ref<string[]>([]);
        const onToggle = (event: ToggleEvent) => {
          heard.push(event);
          log.value.push(`${event.detail.section}:${event.detail.expanded}`);
        };
        return {sections, expanded, log, onToggle};
      },
      template: `
        <milia-info :sections="sections" :expanded="expanded" heading-level="3" @milia-toggle="onToggle"></milia-info>
        <p class="log">{{ log.join(' ') || 'none' }}</p>`,
    });
    const el = await rendered<MiliaInfo>('milia-info');
    const log = container!.querySelector('p.log')!;

    expect(el).to.be.instanceOf(MiliaInfo);
    expect(el.sections).to.equal('overview causes');
    expect(buttonIds(el)).to.deep.equal(['button-overview', 'button-causes']);
    expect(headingTags(el)).to.deep.equal(['h3', 'h3']);
    expect(openIds(el)).to.deep.equal(['causes']);
    expect(log.textContent).to.equal('none');

    toggles(el)[0].click();
    expect(heard).to.have.length(1);
    expect(heard[0].detail).to.deep.equal({section: 'overview', expanded: true, trigger: 'click', lang: 'en'});
    expect(heard[0].target).to.equal(el);
    await nextTick();
    expect(log.textContent).to.equal('overview:true');

    sections.value = 'removal';
    expanded.value = 'removal';
    await nextTick();
    await el.updateComplete;
    expect(container!.querySelector('milia-info'), 'the same element, updated in place').to.equal(el);
    expect(buttonIds(el)).to.deep.equal(['button-removal']);
    expect(openIds(el)).to.deep.equal(['removal']);
    // A changed `expanded` announces what it opened, and Vue hears that too.
    expect(heard.map((event) => event.detail)).to.deep.equal([
      {section: 'overview', expanded: true, trigger: 'click', lang: 'en'},
      {section: 'removal', expanded: true, trigger: 'api', lang: 'en'},
    ]);
    await nextTick();
    expect(log.textContent).to.equal('overview:true removal:true');
  });

  it('passes static attributes from a template', async () => {
    mount({template: `<milia-faq questions="contagious pop" heading-level="4"></milia-faq>`});
    const el = await rendered<MiliaFaq>('milia-faq');

    expect(el).to.be.instanceOf(MiliaFaq);
    expect(el.getAttribute('heading-level')).to.equal('4');
    expect(buttonIds(el)).to.deep.equal(['button-contagious', 'button-pop']);
    expect(headingTags(el)).to.deep.equal(['h4', 'h4']);
    expect(openIds(el)).to.be.empty;
  });

  it('works from a render function and leaves cleanly when a condition removes it', async () => {
    const show = ref(true);
    const heard: MiliaToggleDetail[] = [];
    mount({
      render: () =>
        show.value
          ? h('milia-info', {
              sections: 'home-care see-a-doctor',
              single: true,
              onMiliaToggle: (event: ToggleEvent) => heard.push(event.detail),
            })
          : h('p', {class: 'gone'}, 'Gone'),
    });
    const el = await rendered<MiliaInfo>('milia-info');
    expect(el.single).to.equal(true);
    expect(buttonIds(el)).to.deep.equal(['button-home-care', 'button-see-a-doctor']);

    toggles(el)[1].click();
    await el.updateComplete;
    expect(heard).to.deep.equal([{section: 'see-a-doctor', expanded: true, trigger: 'click', lang: 'en'}]);
    expect(openIds(el)).to.deep.equal(['see-a-doctor']);

    show.value = false;
    await nextTick();
    expect(el.isConnected).to.be.false;
    expect(container!.querySelector('milia-info')).to.equal(null);
    expect(container!.querySelector('p.gone')).to.exist;
  });
});
