/**
 * The shape of compiled content (see tools/content/markdown.mjs for how Markdown becomes
 * these). Short keys because every byte ships in the bundle.
 */
export type Inline = string | {em: Inline[]} | {strong: Inline[]} | {a: Inline[]; href: string};
export type Block = {p: Inline[]} | {ul: Inline[][]} | {ol: Inline[][]};

/** One section of `<milia-info>` or one question of `<milia-faq>`. */
export interface ContentItem {
  id: string;
  /** Section title, or the question. */
  title: string;
  /** The sources the text rests on, as indexes into the locale's `sources` list. */
  sources: number[];
  body: Block[];
}

export interface LocaleStrings {
  showAllSections: string;
  hideAllSections: string;
  showAllAnswers: string;
  hideAllAnswers: string;
  /** "Checked against its sources on <date>.", the date already written for the language. */
  reviewedOn: string;
  /** "Next review due <date>." (twelve months after the check), date already written. */
  nextReviewDue: string;
  sourcesLabel: string;
  disclaimer: string;
}

export interface LocaleContent {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The day this language's text was last checked against its sources, `YYYY-MM-DD`. */
  checked: string;
  /** The day the next check is due (twelve months later), `YYYY-MM-DD`. */
  nextReview: string;
  strings: LocaleStrings;
  info: ContentItem[];
  faq: ContentItem[];
  /** Every source, in content/sources.yaml order. */
  sources: Source[];
}

export type ContentKind = 'info' | 'faq';

export interface Source {
  title: string;
  url: string;
  /** The language of the title and page, when it differs from the content's. */
  lang?: string;
}
