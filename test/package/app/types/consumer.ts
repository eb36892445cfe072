// An app's TypeScript that uses the installed package's types (no React). Must type-check with
// `strict` and `skipLibCheck: false` (test/package/types.test.mjs).
import {MiliaFaq, MiliaInfo, type MiliaToggleDetail, type MiliaToggleEvent, type MiliaToggleTrigger} from 'milia-widgets';
import {MiliaInfo as InfoEntry} from 'milia-widgets/milia-info.js';
import {MiliaFaq as FaqEntry} from 'milia-widgets/milia-faq.js';

const info = document.querySelector('milia-info');
if (info) {
  const typed: MiliaInfo = info;
  const fromEntry: InfoEntry = typed;
  fromEntry.sections = 'overview causes';
  info.sections = ['overview', 'causes'];
  info.sections = null;
  info.expanded = 'all';
  info.expanded = ['overview'];
  info.expanded = true;
  info.expanded = false;
  info.headingLevel = 3;
  info.headingLevel = '4';
  info.single = true;
  info.structuredData = true;
  info.print = 'open';
  info.lang = 'es';
  info.expandAll();
  info.collapseAll();
  const open: boolean = info.toggle('overview');
  info.toggle('causes', !open);
  await info.updateComplete;
}

const faq = document.createElement('milia-faq');
const typedFaq: MiliaFaq = faq;
const faqEntry: FaqEntry = typedFaq;
faqEntry.questions = 'pop eyes';
faq.addEventListener('milia-toggle', (event) => {
  const section: string = event.detail.section;
  const expanded: boolean = event.detail.expanded;
  const trigger: MiliaToggleTrigger = event.detail.trigger;
  const lang: string = event.detail.lang;
  console.log(section, expanded, trigger, lang);
});
// The event bubbles and is composed: pages listen on the document or the window too.
document.addEventListener('milia-toggle', (event) => event.detail.trigger === 'show-all');
window.addEventListener('milia-toggle', (event) => console.log(event.detail.section));
const onToggle = (event: MiliaToggleEvent) => event.detail satisfies MiliaToggleDetail;
document.body.addEventListener('milia-toggle', onToggle);

// Registered classes and subclasses are typed too.
const Defined = customElements.get('milia-info');
if (Defined) console.log(new Defined() instanceof HTMLElement);
class SiteInfo extends MiliaInfo {
  override connectedCallback() {
    super.connectedCallback();
    this.headingLevel = 3;
  }
}
customElements.define('site-info', SiteInfo);
