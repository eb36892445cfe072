import {expect} from '@open-wc/testing';
import {emulateMedia, executeServerCommand} from '@web/test-runner-commands';

/**
 * Puts an element under a media condition (print, forced colours, reduced motion) and
 * returns how it was done and a function that undoes it.
 *
 * Chromium emulates the condition for real through its DevTools protocol. Firefox (over
 * WebDriver BiDi) and WebKit (over WebDriver) cannot; there the element's own `@media`
 * rules for that condition are copied into a stylesheet that applies on screen, so this
 * engine's style engine still exercises exactly those rules. Test names say which happened.
 */
export interface MediaCondition {
  /** The `@media` text our stylesheet uses, e.g. `print` or `(forced-colors: active)`. */
  mediaText: string;
  /** How Chromium emulates it; resolves to false when it could not. */
  emulate: () => Promise<unknown>;
  undo: () => Promise<unknown>;
}

export const PRINT: MediaCondition = {
  mediaText: 'print',
  emulate: () => emulateMedia({media: 'print'}),
  undo: () => emulateMedia({media: 'screen'}),
};
export const FORCED_COLORS: MediaCondition = {
  mediaText: '(forced-colors: active)',
  emulate: () => executeServerCommand('media-features', {features: [{name: 'forced-colors', value: 'active'}]}),
  undo: () => executeServerCommand('media-features', {features: [{name: 'forced-colors', value: 'none'}]}),
};
export const REDUCED_MOTION: MediaCondition = {
  mediaText: '(prefers-reduced-motion: reduce)',
  emulate: () => emulateMedia({reducedMotion: 'reduce'}),
  undo: () => emulateMedia({reducedMotion: 'no-preference'}),
};

/** Only Chromium's DevTools protocol can switch media from a test. */
export const canEmulateMedia = navigator.userAgent.includes('Chrome/');
export const emulationNote = canEmulateMedia ? '' : ' (its @media rules applied as screen: no media emulation in this engine)';

export async function underMedia(el: Element, condition: MediaCondition): Promise<() => Promise<void>> {
  if (canEmulateMedia && (await condition.emulate()) !== false) {
    expect(condition.mediaText === 'print' || matchMedia(condition.mediaText).matches, `${condition.mediaText} emulated`).to.be
      .true;
    return async () => {
      await condition.undo();
    };
  }
  const root = el.shadowRoot!;
  const rules = root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === condition.mediaText)
    .flatMap((rule) => [...rule.cssRules].map((r) => r.cssText));
  expect(rules.length, `the element has ${condition.mediaText} rules`).to.be.greaterThan(0);
  const asScreen = new CSSStyleSheet();
  asScreen.replaceSync(rules.join('\n'));
  const before = [...root.adoptedStyleSheets];
  root.adoptedStyleSheets = [...before, asScreen];
  return async () => {
    root.adoptedStyleSheets = before;
  };
}
