// What a server render (Vite SSR, Nuxt, Astro) imports: both entries, module top level only.
export {MiliaFaq, MiliaInfo} from 'milia-widgets';
export {MiliaInfo as InfoEntry} from 'milia-widgets/milia-info.js';
export {MiliaFaq as FaqEntry} from 'milia-widgets/milia-faq.js';
