// JSX types for React apps: `<milia-info sections="overview" />` type-checks, with each prop
// typed from the element class, and `onmilia-toggle` typed as our event. Opt in once, in any
// file of the app (nothing is added for apps that do not ask, so they need no @types/react):
//
//   import type {} from 'milia-widgets/react-jsx';
//
// React 19 sets a prop as a property when the element has one (`headingLevel={3}`,
// `sections={['overview', 'causes']}`), else as an attribute (`heading-level="3"`), and
// listens to `onmilia-toggle` as the `milia-toggle` event, named exactly as written.
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {MiliaFaq, MiliaInfo, MiliaToggleEvent} from '../dist/types/index.js';

/** Props both elements take: their shared properties, the same as attributes, and the event. */
export type MiliaAccordionProps<E extends MiliaInfo | MiliaFaq> = DetailedHTMLProps<HTMLAttributes<E>, E> & {
  /** Items open at start: `none`, `all`, ids (a string or an array), or `true`/`false`. */
  expanded?: E['expanded'];
  /** Level of each item's heading, 2 to 6. */
  headingLevel?: E['headingLevel'];
  'heading-level'?: E['headingLevel'];
  /** Opening one item closes the others. */
  single?: boolean;
  /** Adds the page's JSON-LD structured data for the items shown. */
  structuredData?: boolean;
  'structured-data'?: boolean;
  /** What prints: `all` items or only the `open` ones. */
  print?: 'all' | 'open';
  /** An item opened or closed; `event.detail` says which, how and in which language. */
  'onmilia-toggle'?: (event: MiliaToggleEvent) => void;
};

/** `<milia-info>`: `sections` picks the sections, in order. */
export type MiliaInfoProps = MiliaAccordionProps<MiliaInfo> & {sections?: MiliaInfo['sections']};

/** `<milia-faq>`: `questions` picks the questions, in order. */
export type MiliaFaqProps = MiliaAccordionProps<MiliaFaq> & {questions?: MiliaFaq['questions']};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'milia-info': MiliaInfoProps;
      'milia-faq': MiliaFaqProps;
    }
  }
}
