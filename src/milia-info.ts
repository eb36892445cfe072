import type {PropertyDeclarations} from 'lit';
import {AccordionElement, type AccordionConfig} from './internal/accordion-element.js';
import {defineElement} from './internal/define.js';

export type {MiliaToggleDetail, MiliaToggleEvent, MiliaToggleTrigger} from './internal/accordion-element.js';

/**
 * Plain-language information about milia as expandable sections.
 *
 * @summary The milia article as an accessible accordion.
 * @tagname milia-info
 *
 * @slot header - Content above the sections, such as an introduction from the site.
 * @slot footer - Content above our footer lines (the review dates, sources and disclaimer always stay).
 * @slot - Children without a slot are fallback for readers without JavaScript; hidden once the element upgrades.
 *
 * @fires {CustomEvent<{section: string, expanded: boolean, trigger: string, lang: string}>} milia-toggle - A section opened or closed, by any means; `trigger` says how (click, show-all, find, link, api, single) and `lang` which content language shows. Bubbles, composed.
 *
 * @csspart section - Wrapper of one section: heading and panel.
 * @csspart heading - The h2..h6 element of a section.
 * @csspart button - The button that opens and closes a section.
 * @csspart icon - The chevron in each button and in the show-all control.
 * @csspart panel - The text of a section.
 * @csspart controls - Wrapper of the "Show all sections" button.
 * @csspart footer - Review dates, sources and the disclaimer.
 *
 * @cssprop [--milia-font-family=inherit] - Font of all text.
 * @cssprop [--milia-font-size=1em] - Base font size.
 * @cssprop [--milia-line-height=1.5] - Line height of body text.
 * @cssprop [--milia-color-text=inherit] - Text colour.
 * @cssprop [--milia-color-muted=inherit] - Footer text colour.
 * @cssprop [--milia-color-accent=currentColor] - Links, icons and the show-all control.
 * @cssprop [--milia-color-surface=transparent] - Background of each section.
 * @cssprop [--milia-color-border=color-mix(in srgb, currentColor 40%, transparent)] - Lines between sections.
 * @cssprop [--milia-radius=0.25rem] - Corner radius of buttons and focus rings.
 * @cssprop [--milia-space=1rem] - Base spacing unit.
 * @cssprop [--milia-focus-ring=3px solid currentColor] - Outline of focused buttons and links.
 * @cssprop [--milia-scroll-margin=0px] - Space kept above a section scrolled to by a `#milia-<id>` link (for sticky headers).
 */
export class MiliaInfo extends AccordionElement {
  static override properties: PropertyDeclarations = {sections: {}};

  /** Space-separated section ids (or an array of them) to show, in that order; all sections when absent. */
  sections: string | readonly string[] | null = null;

  /**
   * Adds one MedicalWebPage `application/ld+json` script to `document.head` for the sections
   * shown (shared by every `<milia-info>` on the page that asks), with its review date.
   */
  declare structuredData: boolean;

  /** @internal */
  protected override readonly config: AccordionConfig = {
    kind: 'info',
    listAttribute: 'sections',
    regions: true,
    showAllLabels: ['showAllSections', 'hideAllSections'],
  };
}

defineElement('milia-info', MiliaInfo);

declare global {
  interface HTMLElementTagNameMap {
    'milia-info': MiliaInfo;
  }
}
