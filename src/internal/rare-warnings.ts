import {version} from 'milia-content';
import {warnOnce} from './warn.js';

/**
 * Warnings that few pages ever need, in the on-demand file (see on-demand.ts) so that the
 * main module does not carry their words.
 */

/** `<name>` was registered before us: by another release of milia-widgets (`by`), or by another script. */
export function warnNameTaken(name: string, by: string | undefined): void {
  console.warn(
    `milia-widgets: <${name}> is already defined by ${by ? `milia-widgets ${by}` : 'another script'}; milia-widgets ${version} leaves it alone.`
  );
}

/** The bundled content is past its next-review date (`nextReview`, YYYY-MM-DD): once per page. */
export function warnReviewDue(element: Element, nextReview: string): void {
  warnOnce(
    element,
    `the content of milia-widgets ${version} was due for review on ${nextReview}; get a newer version: npmjs.com/package/milia-widgets`,
    document
  );
}

/** CMS editors write single="false" expecting "off"; HTML reads any value as "on". */
export function warnStillOn(element: Element, name: string, value: string): void {
  warnOnce(element, `${name}="${value}" is still on: remove the attribute to turn it off.`);
}
