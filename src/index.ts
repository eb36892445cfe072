// The script-tag entry: registers every element.
export {MiliaInfo} from './milia-info.js';
export {MiliaFaq} from './milia-faq.js';
export type {MiliaToggleDetail, MiliaToggleEvent} from './internal/accordion-element.js';
// Last, on purpose: see internal/english.ts.
import './internal/english.js';
