// Calls an app must NOT be able to make: each marked line must be exactly that type error
// (test/package/types.test.mjs compares tsc's errors with the `// TSnnnn` marks).
import {MiliaInfo} from 'milia-widgets';
import {AccordionElement} from 'milia-widgets/internal/accordion-element.js'; // TS2307

const info = document.querySelector('milia-info')!;
info.toggle(3); // TS2345
info.expandAll('overview'); // TS2554
info.sections = 42; // TS2322
info.headingLevel = true; // TS2322
info.single = 'yes'; // TS2322
info.addEventListener('milia-toggle', (event) => event.detail.trigger === 'keyboard'); // TS2367
info.addEventListener('milia-toggle', (event) => event.detail.id); // TS2339
const info2: MiliaInfo = document.createElement('milia-faq'); // TS2741
console.log(info2, AccordionElement);
