import {css} from 'lit';

/**
 * Styles shared by every accordion element. Public custom properties (`--milia-*`) are read
 * once into private ones (`--_*`) with their defaults, so each default lives in one place.
 *
 * Defaults are derived from `currentColor` because the widget cannot know the host page's
 * background: the host's own text colour already has contrast against it, on a light page
 * and on a dark one.
 */
export const accordionStyles = css`
  :host {
    display: block;
    --_font-family: var(--milia-font-family, inherit);
    --_font-size: var(--milia-font-size, inherit);
    --_line-height: var(--milia-line-height, 1.5);
    --_text: var(--milia-color-text, currentColor);
    --_muted: var(--milia-color-muted, currentColor);
    --_accent: var(--milia-color-accent, currentColor);
    --_surface: var(--milia-color-surface, transparent);
    --_border: var(--milia-color-border, color-mix(in srgb, currentColor 40%, transparent));
    --_radius: var(--milia-radius, 0.25rem);
    --_space: var(--milia-space, 1rem);
    --_focus-ring: var(--milia-focus-ring, 3px solid currentColor);
    --_scroll-margin: var(--milia-scroll-margin, 0px);
  }
  :host([hidden]) {
    display: none;
  }

  /* The root resets what a host page may have set on the element itself through
     inheritance (text-transform, letter-spacing, centring...), and keeps font and colour. */
  .root {
    display: block;
    margin: 0;
    padding: 0;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-weight: normal;
    font-style: normal;
    line-height: var(--_line-height);
    color: var(--_text);
    text-align: start;
    text-transform: none;
    text-indent: 0;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    overflow-wrap: break-word;
    hyphens: manual;
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: border-box;
  }

  .controls {
    display: flex;
    justify-content: flex-end;
    margin-block-end: calc(var(--_space) / 4);
  }

  button {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
    margin: 0;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  button:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  .show-all {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.25em 0.5em;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .section {
    border-block-start: 1px solid var(--_border);
    background: var(--_surface);
    scroll-margin-block-start: var(--_scroll-margin);
  }
  .section:last-of-type {
    border-block-end: 1px solid var(--_border);
  }

  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: bold;
    line-height: 1.35;
  }
  .toggle {
    display: flex;
    align-items: center;
    gap: 0.75em;
    width: 100%;
    min-height: 44px;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) / 2);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    font-weight: inherit;
    text-align: start;
  }
  .toggle:hover .title {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .title {
    flex: 1;
    min-width: 0;
  }

  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    color: var(--_accent);
    transition: transform 0.2s ease;
  }
  .show-all .icon {
    width: 1em;
    height: 1em;
  }
  [aria-expanded='true'] > .icon {
    transform: rotate(180deg);
  }

  .panel {
    padding: 0 calc(var(--_space) / 2) var(--_space);
  }
  /* hidden="until-found" keeps the box (content-visibility: hidden), so drop its padding on
     screen; in print the panel shows with its padding. */
  @media screen {
    .panel[hidden] {
      padding: 0;
    }
  }
  .panel > :first-child {
    margin-block-start: 0;
  }
  .panel > :last-child {
    margin-block-end: 0;
  }
  p,
  ul,
  ol {
    margin-block: 0 0.75em;
  }
  ul,
  ol {
    padding-inline-start: 1.5em;
  }
  li + li {
    margin-block-start: 0.25em;
  }
  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .footer {
    margin-block-start: var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .footer p,
  .footer ul {
    margin-block: 0 0.5em;
  }
  .sources-label {
    font-weight: bold;
  }

  @media (prefers-reduced-motion: reduce) {
    .icon {
      transition: none;
    }
  }

  /* In forced colours the browser picks every colour; keep the borders and focus ring
     visible with system colours instead of our mixes. */
  @media (forced-colors: active) {
    .section {
      border-color: CanvasText;
    }
    button:focus-visible,
    a:focus-visible {
      outline: 3px solid Highlight;
    }
    .icon {
      color: ButtonText;
    }
  }

  /* Paper cannot be clicked: print every panel open and leave out the controls. */
  @media print {
    .panel[hidden] {
      display: block !important;
      content-visibility: visible !important;
    }
    .controls,
    .icon {
      display: none;
    }
    .section {
      break-inside: avoid-page;
    }
  }
`;
