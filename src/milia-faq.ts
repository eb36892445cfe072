import type {PropertyDeclarations, PropertyValues} from 'lit';
import {AccordionElement, type AccordionConfig} from './internal/accordion-element.js';
import {defineOnce} from './internal/define.js';
import {requestStructuredData, type StructuredDataSource} from './internal/structured-data.js';

export type {MiliaToggleDetail, MiliaToggleEvent} from './internal/accordion-element.js';

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
 * @fires {CustomEvent<{section: string, expanded: boolean}>} milia-toggle - A question opened or closed, by any means; `section` holds the question id. Bubbles, composed.
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
export class MiliaFaq extends AccordionElement implements StructuredDataSource {
  static override properties: PropertyDeclarations = {
    questions: {},
    structuredData: {type: Boolean, attribute: 'structured-data'},
  };

  /** Space-separated question ids to show, in that order; all questions when absent. */
  questions: string | null = null;

  /**
   * Adds one FAQPage `application/ld+json` script to `document.head` for the questions shown
   * (shared by every element on the page that asks).
   */
  structuredData = false;

  protected override readonly __config: AccordionConfig = {
    kind: 'faq',
    listAttribute: 'questions',
    regions: false,
    showAllLabels: ['showAllAnswers', 'hideAllAnswers'],
  };

  /** @internal */
  __structuredData() {
    return this.__locale ? {locale: this.__locale, ids: this.__items.map((item) => item.id)} : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    requestStructuredData(this, this.structuredData);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) requestStructuredData(this, this.structuredData);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    requestStructuredData(this, false);
  }
}

defineOnce('milia-faq', MiliaFaq);

declare global {
  interface HTMLElementTagNameMap {
    'milia-faq': MiliaFaq;
  }
}
