import {expect, fixture, html, nextFrame} from '@open-wc/testing';
import {emulateMedia, executeServerCommand} from '@web/test-runner-commands';
import {visualDiff} from '@web/test-runner-visual-regression';
import {nothing} from 'lit';
import '../../src/index.js';
import type {AccordionElement} from '../../src/internal/accordion-element.js';
import {engine, type Engine} from '../browser/helpers.js';

/**
 * Visual baselines: what a reader sees, per engine. Each shot is a host "page" (a box of the
 * given width with the host's background, colour and font) holding one widget, compared
 * pixel for pixel with test/visual/baselines/<engine>/<name>.png. A failed comparison leaves
 * the new shot and a diff image in test/visual/failed/<engine>/ (git-ignored) and names the
 * diff. Renew the baselines on purpose with `npm run update-baselines` (see the README).
 *
 * Repeatable by construction: DejaVu Sans (Debian's fonts-dejavu-core); no transitions
 * (reduced motion emulated where the engine can, and transitions off through ::part()
 * everywhere); no hover; one viewport per width, sized before the widget renders; WebKit
 * painting on one thread (web-test-runner.config.mjs).
 */

export {engine, type Engine};

const HOST_CSS = `
  body { margin: 0; }
  .visual-host {
    box-sizing: border-box;
    padding: 16px;
    font: 16px/1.5 'DejaVu Sans', sans-serif;
    /* Where the pointer rests is an accident of the window layout (under Xvfb, WebKit's
       window gets the screen's pointer): no hover styles in a baseline. */
    pointer-events: none;
  }
  .visual-host.light { background: #ffffff; color: #1b1b1b; }
  .visual-host.dark { background: #111418; color: #e9e9e9; color-scheme: dark; }
  /* A declaration from outside a shadow root wins over the root's own (normal, not
     !important) one: the chevron turns without a transition in every engine. */
  milia-info::part(icon), milia-faq::part(icon) { transition: none; }
`;

export interface Shot {
  element: 'milia-info' | 'milia-faq';
  /** Item ids open at first render; collapsed when absent. */
  expanded?: string;
  host: 'light' | 'dark';
  width: 320 | 1280;
  lang?: 'es';
}

/** Taller than the tallest shot (info expanded at 320 px: some 1700 px). */
const VIEWPORT_HEIGHT = 2400;

export const nameOf = ({element, expanded, host, width, lang}: Shot) =>
  [element.replace('milia-', ''), lang, expanded ? 'expanded' : 'collapsed', host, width].filter(Boolean).join('-');

/** Every element collapsed and expanded, on a light and a dark host, 1280 and 320 px wide. */
export function shotsOf(element: Shot['element'], open: string): Shot[] {
  const shots: Shot[] = [];
  for (const expanded of [undefined, open]) {
    for (const host of ['light', 'dark'] as const) {
      for (const width of [1280, 320] as const) shots.push({element, expanded, host, width});
    }
  }
  return shots;
}

/** Adds the host page's styles for the file's tests (call in `describe`). */
export function useHostPage() {
  let style: HTMLStyleElement;
  before(async () => {
    style = document.createElement('style');
    style.textContent = HOST_CSS;
    document.head.append(style);
    if (engine === 'chromium') await emulateMedia({reducedMotion: 'reduce'});
  });
  after(() => style.remove());
}

/** Sizes the viewport (a no-op when it already has that size) and says what it got. */
async function viewport(width: number) {
  return (await executeServerCommand('viewport', {width, height: VIEWPORT_HEIGHT})) as {width: number; height: number} | false;
}

/** Renders the shot's host box and widget, settled, ready to be photographed. */
export async function renderShot(shot: Shot): Promise<HTMLElement> {
  const {element, expanded, host, width, lang} = shot;
  // Size first, render second: a shot never follows a resize (WebKit cuts its shots from
  // the viewport, and a repaint after a resize need not match a first paint).
  const got = await viewport(width);
  const widget =
    element === 'milia-info'
      ? html`<milia-info expanded=${expanded ?? nothing} lang=${lang ?? nothing}></milia-info>`
      : html`<milia-faq expanded=${expanded ?? nothing} lang=${lang ?? nothing}></milia-faq>`;
  const box = await fixture<HTMLElement>(html`<div class="visual-host ${host}" style="width: ${width}px">${widget}</div>`);
  await (box.firstElementChild as AccordionElement).updateComplete;
  await document.fonts.ready;
  const height = box.getBoundingClientRect().height;
  if (got) expect(got.height, `viewport (${got.width}x${got.height}) tall enough for ${nameOf(shot)}`).to.be.at.least(height);
  window.scrollTo(0, 0);
  await nextFrame();
  await nextFrame();
  return box;
}

/** visualDiff, with a message that says where the files are and how to renew a baseline. */
export async function compare(box: HTMLElement, name: string) {
  try {
    await visualDiff(box, name);
  } catch (error) {
    const message = (error as Error).message;
    const missing = /no baseline/.test(message)
      ? ` (test/visual/baselines/${engine}/${name}.png; the new shot is test/visual/failed/${engine}/${name}.png)`
      : '';
    throw new Error(`${name}: ${message}${missing}\nIf the change is intended: npm run update-baselines (see README).`);
  }
}

/** Forced colours (Windows High Contrast) can only be emulated in Chromium, through CDP. */
export async function shootForcedColors(shot: Shot) {
  const set = (value: string) => executeServerCommand('media-features', {features: [{name: 'forced-colors', value}]});
  expect(await set('active'), 'forced colours emulated').to.be.true;
  try {
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
    await compare(await renderShot(shot), `${nameOf(shot)}-forced-colors`);
  } finally {
    await set('none');
  }
}

/**
 * PRERENDERED STATE: what readers see before the script runs. The built snippet
 * (dist/html/milia-info.en.html and the like) pasted as written on a host page with
 * milia-widgets.css beside it and linked in its <head> too, as the README advises, and no
 * script (test/runner/prerender/prerender-pages.mjs),
 * shot in a 1280 px frame. Skipped until the build makes the file.
 */
export async function shootPrerendered(context: {skip(): void}, file: string) {
  if (!(await executeServerCommand('dist-file-exists', {path: `html/${file}`}))) context.skip();
  await viewport(1280);
  const snippet = file.replace(/\.html$/, '');
  const box = await fixture<HTMLElement>(html`<div class="visual-host light" style="width: 1280px"></div>`);
  // The listener goes on before the frame is in the page: a fast load must not be missed.
  const frame = Object.assign(document.createElement('iframe'), {
    title: 'prerendered',
    src: `/test/runner/prerender/k/visual-${Date.now()}/page.html?snippet=${snippet}&script=none&headcss=1`,
  });
  frame.style.cssText = 'display: block; border: 0; width: 100%; height: 1200px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  box.append(frame);
  await loaded;
  // No transition to wait for: the inert controls of a prerendered widget have none.
  window.scrollTo(0, 0);
  await nextFrame();
  await nextFrame();
  await compare(box, `prerendered-${snippet.replace('.', '-')}`);
}
