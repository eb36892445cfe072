// The package entry and the script-tag entry: registers every element.
export {MiliaInfo} from './milia-info.js';
export {MiliaFaq} from './milia-faq.js';
export type {MiliaToggleDetail, MiliaToggleEvent, MiliaToggleTrigger} from './internal/accordion-element.js';
