import {expect, nextFrame} from '@open-wc/testing';
import type {MiliaInfo} from '../../../src/milia-info.js';
import type {MiliaFaq} from '../../../src/milia-faq.js';
import {openIds, titles} from '../helpers.js';
import {openHostPage, waitFor, type HostFrame} from './host-frame.js';

// The Spanish language file of the built ES module, served late (by SLOW_MS, as set in
// test/runner/lifecycle/dist-variants.mjs) or not at all, on pages of their own: each test
// gets a fresh iframe, so the file has not loaded yet when the test starts.
const SLOW_MS = 700;
const SPANISH_OVERVIEW = '¿Qué son los milios?';
const ENGLISH_OVERVIEW = 'What are milia?';

/** Requests the frame made for its Spanish file. */
const spanishRequests = (page: HostFrame) =>
  page.win.performance.getEntriesByType('resource').filter((entry) => /milia-widgets\.lang-es\.js/.test(entry.name)).length;

describe('language files that are slow or fail (built ES module)', function () {
  this.timeout(20000);
  let page: HostFrame | undefined;
  afterEach(() => {
    page?.close();
    page = undefined;
  });

  it('updateComplete read in the same task as insertion resolves only once the late Spanish content has rendered', async () => {
    page = await openHostPage('lifecycle-es-slow');
    const info = page.create<MiliaInfo>('milia-info', {lang: 'es', expanded: 'causes'});
    const faq = page.create<MiliaFaq>('milia-faq', {questions: 'pop contagious'});
    faq.lang = 'es-MX'; // as React writes it: the property
    const started = performance.now();
    page.doc.body.append(info, faq);
    await Promise.all([info.updateComplete, faq.updateComplete]);
    expect(performance.now() - started, 'the file really came late').to.be.at.least(SLOW_MS - 100);
    expect(titles(info)[0]).to.equal(SPANISH_OVERVIEW);
    expect(titles(info)).to.have.length(6);
    expect(openIds(info), 'expanded applied at the first real render').to.deep.equal(['causes']);
    expect(titles(faq)).to.have.length(2);
    expect(titles(faq)[1]).to.equal('¿Los milios son contagiosos?');
    expect(page.toggles, 'no events for the state expanded sets at first render').to.deep.equal([]);
    expect(spanishRequests(page), 'one request for both elements').to.equal(1);
  });

  it('updateComplete after a change of lang waits for the late file too', async () => {
    page = await openHostPage('lifecycle-es-slow');
    const el = page.create<MiliaInfo>('milia-info', {expanded: 'types'});
    page.doc.body.append(el);
    await el.updateComplete;
    expect(titles(el)[0]).to.equal(ENGLISH_OVERVIEW);
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    expect(titles(el)[0]).to.equal(SPANISH_OVERVIEW);
    expect(openIds(el), 'open sections kept').to.deep.equal(['types']);
  });

  it('methods called while the file loads warn and change nothing; the element still renders, and methods work after updateComplete', async () => {
    page = await openHostPage('lifecycle-es-slow');
    const el = page.create<MiliaInfo>('milia-info', {lang: 'es'});
    page.doc.body.append(el);
    await nextFrame(); // inserted, first update run, file still on its way
    const before = page.warnings().length;
    expect(el.toggle('causes'), 'toggle() answers "not open"').to.be.false;
    expect(page.warnings().length, 'toggle() while loading warns').to.be.greaterThan(before);
    const afterToggle = page.warnings().length;
    el.expandAll();
    expect(page.warnings().length, 'expandAll() while loading warns').to.be.greaterThan(afterToggle);
    await el.updateComplete;
    expect(titles(el)[0]).to.equal(SPANISH_OVERVIEW);
    expect(openIds(el), 'nothing opened by the early calls').to.deep.equal([]);
    expect(page.toggles).to.deep.equal([]);

    expect(el.toggle('causes')).to.be.true;
    el.expandAll();
    await el.updateComplete;
    expect(openIds(el)).to.have.length(6);
    expect(page.toggles[0]).to.deep.equal({section: 'causes', expanded: true, trigger: 'api', lang: 'es'});
    expect(page.toggles).to.have.length(6);
    expect(page.win.__early.errors).to.deep.equal([]);
  });

  it('the warning for a method called while the file loads says to wait for updateComplete, not that a valid id is invalid', async () => {
    page = await openHostPage('lifecycle-es-slow');
    const el = page.create<MiliaInfo>('milia-info', {lang: 'es'});
    page.doc.body.append(el);
    await nextFrame();
    const before = page.warnings().length;
    el.toggle('causes');
    const said = page.warnings().slice(before);
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/updateComplete/);
    expect(said[0], '"causes" is a valid section').not.to.match(/not valid: "causes"/);
    await el.updateComplete;
  });

  it('a language file that fails: English, one warning per page, updateComplete still resolves, no page error', async () => {
    page = await openHostPage('lifecycle-es-404');
    const first = page.create<MiliaInfo>('milia-info', {lang: 'es'});
    const second = page.create<MiliaFaq>('milia-faq', {lang: 'es-ES', questions: 'pop'});
    page.doc.body.append(first, second);
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect(titles(first)[0]).to.equal(ENGLISH_OVERVIEW);
    expect(titles(second)).to.have.length(1);
    expect(first.shadowRoot!.querySelector('.root')!.getAttribute('lang'), 'content marked as what it is').to.equal('en');
    // A later element asks for the failed file again: English at once, no second warning.
    const later = page.create<MiliaInfo>('milia-info', {lang: 'es'});
    page.doc.body.append(later);
    await later.updateComplete;
    expect(titles(later)[0]).to.equal(ENGLISH_OVERVIEW);
    const failures = page.warnings().filter((message) => /"es" language file did not load/.test(message));
    expect(failures, page.warnings().join('\n')).to.have.length(1);
    later.toggle('causes');
    expect(page.toggles).to.deep.equal([{section: 'causes', expanded: true, trigger: 'api', lang: 'en'}]);
    expect(page.win.__early.errors).to.deep.equal([]);
  });

  it('a language changed again while its file loads: the latest wins, and the late file changes nothing', async () => {
    page = await openHostPage('lifecycle-es-slow');
    const el = page.create<MiliaInfo>('milia-info');
    page.doc.body.append(el);
    await el.updateComplete;
    el.lang = 'es';
    await nextFrame();
    el.lang = 'en';
    await el.updateComplete;
    expect(titles(el)[0]).to.equal(ENGLISH_OVERVIEW);
    await waitFor(() => spanishRequests(page!) === 1, 'the Spanish file requested');
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS + 200));
    await el.updateComplete;
    expect(titles(el)[0], 'after the Spanish file arrived').to.equal(ENGLISH_OVERVIEW);
  });

  it('an element removed while its file loads answers no later link, and renders at once when it comes back', async () => {
    page = await openHostPage('lifecycle-es-slow');
    const el = page.create<MiliaInfo>('milia-info', {lang: 'es'});
    const heard: string[] = [];
    el.addEventListener('milia-toggle', (event) => heard.push((event as CustomEvent).detail.section));
    page.doc.body.append(el);
    await nextFrame();
    el.remove();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    page.win.location.hash = '#milia-causes';
    await new Promise((resolve) => page!.win.addEventListener('hashchange', resolve, {once: true}));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard, 'a removed element answered a hash change').to.deep.equal([]);
    page.doc.body.append(el);
    await el.updateComplete;
    expect(titles(el)[0]).to.equal(SPANISH_OVERVIEW);
    await waitFor(() => heard.length, 'the link in the URL followed when the element came back');
    expect(openIds(el)).to.deep.equal(['causes']);
    expect(page.win.__early.errors).to.deep.equal([]);
  });
});
