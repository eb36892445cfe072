// Type-checked by test/node/package.test.mjs against the published declarations
// (dist/types), the way an app that installs milia-widgets sees them.
import {MiliaFaq, MiliaInfo, type MiliaToggleEvent} from 'milia-widgets';
import 'milia-widgets/milia-info.js';

const info: MiliaInfo | null = document.querySelector('milia-info');
info?.expandAll();
info?.toggle('overview', true);
const faq = document.createElement('milia-faq');
const typedFaq: MiliaFaq = faq;
typedFaq.structuredData = true;
typedFaq.questions = 'pop eyes';

faq.addEventListener('milia-toggle', (event) => {
  const section: string = event.detail.section;
  const expanded: boolean = event.detail.expanded;
  console.log(section, expanded);
});
const handler = (event: MiliaToggleEvent) => event.detail.expanded;
document.body.addEventListener('milia-toggle', handler);

// @ts-expect-error: toggle takes an id string
info?.toggle(3);
