// The script-tag entry: registers every element.
export {MiliaInfo} from './milia-info.js';
export type {MiliaToggleDetail} from './internal/accordion-element.js';
