import type {PropertyDeclarations} from 'lit';
import {AccordionElement, type AccordionConfig} from './internal/accordion-element.js';
import {defineElement} from './internal/define.js';

export type {MiliaToggleDetail, MiliaToggleEvent, MiliaToggleTrigger} from './internal/accordion-element.js';

/**
 * Frequently asked questions about milia, each answer in an expandable panel.
 *
 * @summary Milia FAQ as an accessible accordion, with optional FAQPage structured data.
 * @tagname milia-faq
 *
 * @slot header - Content above the questions.
 * @slot footer - Content above our footer lines (the review dates, sources and disclaimer always stay).
 * @slot - Children without a slot are fallback for readers without JavaScript; hidden once the element upgrades.
 *
 * @fires {CustomEvent<{section: string, expanded: boolean, trigger: string, lang: string}>} milia-toggle - A question opened or closed, by any means; `section` holds the question id, `trigger` says how (click, show-all, find, link, api, single) and `lang` which content language shows. Bubbles, composed.
 *
 * @csspart section - Wrapper of one question: heading and answer.
 * @csspart heading - The h2..h6 element of a question.
 * @csspart button - The button that opens and closes an answer.
 * @csspart icon - The chevron in each button and in the show-all control.
 * @csspart panel - The answer.
 * @csspart controls - Wrapper of the "Show all answers" button.
 * @csspart footer - Review dates, sources and the disclaimer.
 *
 * @cssprop [--milia-font-family=inherit] - Font of all text.
 * @cssprop [--milia-font-size=1em] - Base font size.
 * @cssprop [--milia-line-height=1.5] - Line height of body text.
 * @cssprop [--milia-color-text=inherit] - Text colour.
 * @cssprop [--milia-color-muted=inherit] - Footer text colour.
 * @cssprop [--milia-color-accent=currentColor] - Links, icons and the show-all control.
 * @cssprop [--milia-color-surface=transparent] - Background of each question.
 * @cssprop [--milia-color-border=color-mix(in srgb, currentColor 40%, transparent)] - Lines between questions.
 * @cssprop [--milia-radius=0.25rem] - Corner radius of buttons and focus rings.
 * @cssprop [--milia-space=1rem] - Base spacing unit.
 * @cssprop [--milia-focus-ring=3px solid currentColor] - Outline of focused buttons and links.
 * @cssprop [--milia-scroll-margin=0px] - Space kept above a question scrolled to by a `#milia-<id>` link (for sticky headers).
 */
export class MiliaFaq extends AccordionElement {
  static override properties: PropertyDeclarations = {questions: {}};

  /** Space-separated question ids (or an array of them) to show, in that order; all questions when absent. */
  questions: string | readonly string[] | null = null;

  /**
   * Adds one FAQPage `application/ld+json` script to `document.head` for the questions shown
   * (shared by every `<milia-faq>` on the page that asks).
   */
  declare structuredData: boolean;

  /** @internal */
  protected override readonly config: AccordionConfig = {
    kind: 'faq',
    listAttribute: 'questions',
    regions: false,
    showAllLabels: ['showAllAnswers', 'hideAllAnswers'],
  };
}

defineElement('milia-faq', MiliaFaq);

declare global {
  interface HTMLElementTagNameMap {
    'milia-faq': MiliaFaq;
  }
}
