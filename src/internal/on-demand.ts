// What only some pages need, in one file loaded the first time a page needs it (beside the
// ES module as milia-widgets.on-demand.js; inline in the classic script): following a
// `#milia-<id>` link, writing structured data, and rare warnings. Other pages carry none of it.
export {followLink} from './deep-link.js';
export {requestStructuredData} from './structured-data-writer.js';
export {warnNameTaken, warnReviewDue, warnStillOn} from './rare-warnings.js';
