import {unsafeCSS} from 'lit';

/**
 * Our stylesheet is one literal with nothing interpolated, so it needs none of what Lit's
 * `css` tag adds (a check, shipped with its error message, that interpolated values are
 * CSS results). This tag hands the literal's text to Lit as a stylesheet; it takes no
 * values (TypeScript refuses a `${}` in it), so nothing can be mixed in. The "css" in its
 * name has the build's template minifier minify it like any `css` template.
 */
const staticCss = (strings: TemplateStringsArray) => unsafeCSS(strings[0]);

/**
 * Styles shared by every accordion element.
 *
 * Defaults are derived from `currentColor` because the widget cannot know the host page's
 * background: the host's own text colour already has contrast against it, on a light page
 * and on a dark one. Each `--milia-*` property is read where it is used, with its default.
 */
export const accordionStyles = staticCss`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }

  /* Resets what a host page may have set on the element itself and that would be inherited
     (uppercase, letter-spacing, centring...), while keeping the host's font and colour. */
  .root {
    font-family: var(--milia-font-family, inherit);
    font-size: var(--milia-font-size, 1em);
    font-style: normal;
    font-weight: normal;
    line-height: var(--milia-line-height, 1.5);
    color: var(--milia-color-text, inherit);
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
    white-space: normal;
    overflow-wrap: break-word;
  }

  /* Layout by class, not by element: the prerendered HTML draws the same controls as inert
     spans until the element upgrades, and must look exactly the same. */
  button {
    margin: 0;
    border: 0;
    background: none;
    font: inherit;
    color: inherit;
  }
  .toggle,
  .show-all {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    border-radius: var(--milia-radius, 0.25rem);
    text-align: start;
    cursor: pointer;
  }
  :focus-visible {
    outline: var(--milia-focus-ring, 3px solid currentColor);
    outline-offset: 2px;
  }

  .controls {
    display: flex;
    justify-content: flex-end;
  }
  .show-all {
    padding: 0.25em 0.5em;
    color: var(--milia-color-accent, currentColor);
    text-decoration: underline;
  }

  .section {
    border-block: 1px solid var(--milia-color-border, color-mix(in srgb, currentColor 40%, transparent));
    background: var(--milia-color-surface, transparent);
    scroll-margin-top: var(--milia-scroll-margin, 0px);
  }
  .section + .section {
    border-top: 0;
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.35;
  }
  .toggle {
    width: 100%;
    padding: calc(var(--milia-space, 1rem) * 0.75) calc(var(--milia-space, 1rem) / 2);
    font-weight: bold;
  }
  .toggle:hover .title {
    text-decoration: underline;
  }
  .title {
    flex: 1;
  }
  .icon {
    flex: none;
    width: 0.5em;
    height: 0.5em;
    margin: 0 0.4em 0.25em;
    border: solid var(--milia-color-accent, currentColor);
    border-width: 0 0.15em 0.15em 0;
    transform: rotate(45deg);
  }
  /* Only a live control's chevron turns: on the prerendered (inert) controls a stylesheet that
     applies after the first paint (Firefox, WebKit) would swing every chevron into place. */
  button > .icon {
    transition: transform 0.2s;
  }
  [aria-expanded='true'] > .icon {
    transform: translateY(0.25em) rotate(225deg);
  }

  .panel {
    padding: 0 calc(var(--milia-space, 1rem) / 2) var(--milia-space, 1rem);
  }
  /* hidden="until-found" keeps the box (content-visibility: hidden), so it must not keep
     its padding on screen; in print every panel shows, padding included. */
  @media screen {
    .panel[hidden] {
      padding: 0;
    }
  }
  p,
  ul,
  ol {
    margin: 0 0 0.75em;
  }
  a {
    color: var(--milia-color-accent, currentColor);
  }

  .footer {
    margin-top: var(--milia-space, 1rem);
    color: var(--milia-color-muted, inherit);
    font-size: 0.875em;
  }
  /* Source links sit 24px apart or more (WCAG 2.5.8 target size). */
  .footer li {
    padding: 0.2em 0;
  }

  @media (prefers-reduced-motion: reduce) {
    button > .icon {
      transition: none;
    }
  }
  /* In forced colours the system picks every colour; keep lines and focus visible. */
  @media (forced-colors: active) {
    .section {
      border-color: CanvasText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
  /* Paper cannot be clicked: every panel prints open (or, with print="open", only the open
     ones), without the controls, and the footer spells out each source's address. */
  @media print {
    :host(:not([print='open' i])) .panel[hidden] {
      display: block !important;
      content-visibility: visible !important;
    }
    :host([print='open' i]) .section:has(> .panel[hidden]),
    .controls,
    .icon {
      display: none;
    }
    .footer a::after {
      content: ' (' attr(href) ')';
    }
  }
`;
