import {fixture, nextFrame} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import type {AccordionElement, MiliaToggleDetail} from '../../src/internal/accordion-element.js';
import {linkFollowed, loadOnDemand} from '../../src/internal/page.js';
import {structuredDataWritten} from '../../src/internal/structured-data-writer.js';

/** Renders a template and waits until the element (and any language file) has rendered. */
export async function render<T extends AccordionElement>(template: TemplateResult): Promise<T> {
  const el = await fixture<T>(template);
  await el.updateComplete;
  return el;
}

export const shadow = (el: Element) => el.shadowRoot!;
export const toggles = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button[aria-controls]')];
export const panels = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[part~="panel"]')];
export const showAll = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part~="controls"] button');
export const titles = (el: Element) => toggles(el).map((b) => b.textContent!.trim());
export const isOpen = (button: HTMLButtonElement) => button.getAttribute('aria-expanded') === 'true';
export const openIds = (el: Element) =>
  toggles(el)
    .filter(isOpen)
    .map((b) => b.id.replace(/^button-/, ''));
export const panelFor = (button: HTMLButtonElement) =>
  shadow(button.getRootNode() instanceof ShadowRoot ? (button.getRootNode() as ShadowRoot).host : button).getElementById(
    button.getAttribute('aria-controls')!
  )!;

/** Collects `milia-toggle` events heard on `target` (the document by default: they are composed). */
export function recordToggles(target: EventTarget = document) {
  const events: MiliaToggleDetail[] = [];
  const listener = (event: Event) => events.push((event as CustomEvent<MiliaToggleDetail>).detail);
  target.addEventListener('milia-toggle', listener);
  return {events, stop: () => target.removeEventListener('milia-toggle', listener)};
}

/** Collects console.warn calls while still printing them (the real console stays in place). */
export function recordWarnings() {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return {messages, restore: () => (console.warn = original)};
}

/**
 * Waits for a `#milia-` link to be followed (its code loads on demand) and for two frames:
 * deep-link scrolling and Lit updates triggered by events settle.
 */
export async function settle(el?: AccordionElement) {
  await nextFrame();
  await linkFollowed();
  await nextFrame();
  await nextFrame();
  if (el) await el.updateComplete;
}

/** Waits until the page's structured data is written (its code loads on demand, then writes once per microtask). */
export async function structuredDataSettled(...elements: Element[]) {
  await Promise.all(elements.map((el) => (el as AccordionElement).updateComplete));
  // The file the elements asked for, loaded (the first time over the network)...
  await loadOnDemand();
  // ...its answers to them run, then the write they scheduled.
  await new Promise((resolve) => setTimeout(resolve));
  await structuredDataWritten();
}

/** The engine this test file runs in (the visual and prerender tests differ per engine). */
export type Engine = 'chromium' | 'firefox' | 'webkit';
export const engine: Engine = navigator.userAgent.includes('Chrome/')
  ? 'chromium'
  : navigator.userAgent.includes('Firefox/')
    ? 'firefox'
    : 'webkit';
