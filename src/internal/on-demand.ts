// What only some pages need, in one file loaded the first time a page needs it (beside the
// ES module as milia-widgets.on-demand.js; inline in the classic script): following a
// `#milia-<id>` link, and writing structured data. Pages with neither carry none of it.
export {followLink} from './deep-link.js';
export {requestStructuredData} from './structured-data-writer.js';
