// Candor's per-element localization: which locale an element shows, that it follows changes,
// that a locale is fetched only when shown (and only the chunks of words the element shows),
// and that a host can add or change words.
// The network tests run first: each needs a locale no earlier test has loaded.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configureLocalization, msg as hostMsg, str as hostStr } from '@lit/localize';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { getConsentStore } from '../../src/core/index.js';
import '../../src/define/candor-banner.js';
import '../../src/define/candor-feedback.js';
import '../../src/define/candor-preferences.js';
import '../../src/define/candor-why.js';
import type { CandorBanner } from '../../src/banner/banner.js';
import type { CandorPreferences } from '../../src/preferences/preferences.js';
import { gateEmbeds } from '../../src/gating/embeds.js';
import { decisionSentence } from '../../src/preferences/consent-text.js';
import { msg, withLocale } from '../../src/internal/i18n.js';
import { loadLocale, localeFor, matchLocale, registerLocale, shownLocale, wordsTagFor } from '../../src/localization.js';
import type { CandorWhy } from '../../src/why/why.js';
import type { CandorExplanationRequestEvent } from '../../src/events/explanation-request.js';
import { axeViolations, expectNoAxeViolations } from '../helpers/axe.js';
import { destroyStores, freshKey, maybePart, part, settle, textOf } from '../helpers/consent-ui.js';

// Every resource the page fetches from here on (an observer is not limited by the timeline buffer).
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name))).observe({ type: 'resource', buffered: true });

/**
 * Locale modules the page has requested: chunks as `pl/consent`, a whole locale module as
 * `pl` (elements never need one). locale-codes.ts and chunks.ts are not locales.
 */
function localeRequests(): string[] {
  const names = fetched
    .map((url) => /\/src\/locales\/([a-z]{2,3}(?:\/[a-z-]+)?)\.(?:js|ts)(?:\?|$)/.exec(url)?.[1])
    .filter((name): name is string => !!name);
  return [...new Set(names)].sort();
}

/** The chunks requested for one locale, e.g. `['pl/consent']`. */
function requestsFor(locale: string): string[] {
  return localeRequests().filter((name) => name === locale || name.startsWith(`${locale}/`));
}

/**
 * Waits until `element` shows `locale` with only the chunks it declared, checks those are all
 * the page fetched for the locale, then loads every chunk of the locale and checks that the
 * element's text stays the same: its own chunks held every word it shows.
 */
async function expectOwnChunksSuffice(element: Element, locale: string, chunks: string[]): Promise<void> {
  await waitUntil(() => shownLocale(element) === locale, `${element.localName} should show ${locale}`);
  await element.updateComplete;
  expect(requestsFor(locale), `what a page with only ${element.localName} in ${locale} downloads`).to.deep.equal(chunks);
  const withOwnChunks = textOf(element);
  await loadLocale(locale); // every group
  await element.updateComplete;
  expect(textOf(element), `${element.localName} in ${locale} once every chunk is loaded`).to.equal(withOwnChunks);
}

/** What Candor says for an English source text in a locale (loading it first), spaces collapsed as in `textOf`. */
async function said(locale: string, english: string, id?: string): Promise<string> {
  await loadLocale(locale);
  const text = withLocale(locale, () => msg(english, id ? { id } : {}));
  expect(text, `${locale} has a translation of "${english}"`).to.not.equal(english);
  return text.replace(/\s+/g, ' ').trim();
}

type Element = HTMLElement & { updateComplete: Promise<boolean> };

/** One element of each type, prompting (banner) and open (privacy center) so all have words. */
async function everyElement(attributes = ''): Promise<{ page: HTMLElement; elements: Element[]; banner: CandorBanner; panel: CandorPreferences }> {
  const key = freshKey();
  getConsentStore({ key }).configure({ storage: 'memory', gpc: false });
  const page = await fixture<HTMLElement>(`<div ${attributes}>
    <candor-banner store-key="${key}" storage="memory" purposes="necessary analytics" policy-version="1"></candor-banner>
    <candor-preferences store-key="${key}"></candor-preferences>
    <candor-why item-id="a" item-label="Shoes"></candor-why>
    <candor-feedback item-id="a" item-label="Shoes"></candor-feedback>
  </div>`);
  const elements = [...page.querySelectorAll<Element>('candor-banner, candor-preferences, candor-why, candor-feedback')];
  const banner = elements[0] as unknown as CandorBanner;
  const panel = elements[1] as unknown as CandorPreferences;
  await settle(...elements);
  await panel.show();
  await settle(...elements);
  return { page, elements, banner, panel };
}

/** A text each element type shows in its default state, in `locale`. */
async function signatures(locale: string): Promise<string[]> {
  return [
    await said(locale, 'Accept all'),
    await said(locale, 'Save choices'),
    await said(locale, 'Why am I seeing this?'),
    await said(locale, 'Was this helpful?'),
  ];
}

async function expectShows(element: Element, text: string, what = element.localName): Promise<void> {
  await waitUntil(() => textOf(element).includes(text), `${what} should show "${text}"; it shows "${textOf(element).slice(0, 120)}"`);
}

function withLanguages(languages: string[]): () => void {
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
  Object.defineProperty(navigator, 'language', { configurable: true, get: () => languages[0] });
  return () => {
    delete (navigator as unknown as Record<string, unknown>).languages;
    delete (navigator as unknown as Record<string, unknown>).language;
  };
}

describe('localization', () => {
  let restore: Array<() => void> = [];
  afterEach(() => {
    for (const undo of restore.splice(0).reverse()) undo();
    document.documentElement.lang = 'en';
    document.documentElement.removeAttribute('dir');
    destroyStores();
  });

  describe('network', () => {
    it('loads no locale chunk on an English page, and only the Polish consent words for a Polish banner', async () => {
      const { elements } = await everyElement();
      await expectShows(elements[0]!, 'Accept all');
      expect(localeRequests()).to.deep.equal([]);

      const key = freshKey();
      getConsentStore({ key }).configure({ storage: 'memory', gpc: false });
      const banner = await fixture<Element>(
        html`<candor-banner lang="pl" store-key=${key} storage="memory" purposes="necessary analytics" policy-version="1"></candor-banner>`,
      );
      await waitUntil(() => localeRequests().length > 0, 'the Polish consent chunk should be requested');
      // Chunks of one element are requested together: by now any other would be reported too.
      await expectOwnChunksSuffice(banner, 'pl', ['pl/consent']);
      expect(localeRequests()).to.deep.equal(['pl/consent', 'pl/feedback', 'pl/preferences', 'pl/why']); // loadLocale('pl') above
      expect(textOf(banner)).to.contain(await said('pl', 'Accept all'));
    });

    it('finds every word a banner says in its own chunk: GPC notice, policy link, confirmation', async () => {
      // Words the banner renders from shared modules (consent-text.ts) must be in its chunk too.
      const mountBanner = async () => {
        const key = freshKey();
        getConsentStore({ key }).configure({ storage: 'memory', gpc: true });
        return fixture<Element>(
          html`<candor-banner lang="cs" store-key=${key} storage="memory" purposes="necessary analytics advertising" policy-version="1" policy-url="https://example.com/privacy"></candor-banner>`,
        );
      };
      const prompting = await mountBanner();
      const answered = await mountBanner();
      await waitUntil(() => shownLocale(answered) === 'cs', 'the banner should show Czech');
      await answered.updateComplete;
      part<HTMLButtonElement>(answered, 'accept-button').click();
      await waitUntil(() => answered.shadowRoot!.querySelector('[part~="confirmation"]') !== null, 'the confirmation should show');
      await answered.updateComplete;
      const confirmation = textOf(answered);
      expect(textOf(part(prompting, 'gpc-notice')), 'the GPC notice is there to check').to.not.equal('');
      await expectOwnChunksSuffice(prompting, 'cs', ['cs/consent']);
      await answered.updateComplete;
      expect(textOf(answered), 'the confirmation once every Czech chunk is loaded').to.equal(confirmation);
    });

    it('loads only the "why" words for a why element alone, and only its own for each element type', async () => {
      const why = await fixture<Element>(html`<candor-why lang="sv" item-id="a" item-label="Shoes"></candor-why>`);
      await expectOwnChunksSuffice(why, 'sv', ['sv/why']);
      expect(textOf(why)).to.contain(await said('sv', 'Why am I seeing this?'));

      const feedback = await fixture<Element>(html`<candor-feedback lang="fi" item-id="a" item-label="Shoes"></candor-feedback>`);
      await expectOwnChunksSuffice(feedback, 'fi', ['fi/feedback']);

      const key = freshKey();
      getConsentStore({ key }).configure({ storage: 'memory', gpc: false, policy: { version: '1', purposes: ['necessary', 'analytics'] } });
      const panel = await fixture<Element & CandorPreferences>(html`<candor-preferences lang="da" store-key=${key}></candor-preferences>`);
      await panel.updateComplete;
      await panel.show();
      await expectOwnChunksSuffice(panel, 'da', ['da/consent', 'da/preferences']);
    });
  });

  describe('choosing the locale', () => {
    it('follows lang on the element, and renders nothing before the words are there', async () => {
      const feedback = document.createElement('candor-feedback') as Element;
      feedback.setAttribute('lang', 'fr');
      const page = await fixture<HTMLElement>(html`<div></div>`);
      page.append(feedback);
      // Every text the element ever shows: never English first, the first render waits for French.
      const shown: string[] = [];
      const watcher = new MutationObserver(() => shown.push(textOf(feedback)));
      watcher.observe(feedback.shadowRoot!, { childList: true, subtree: true, characterData: true });
      await feedback.updateComplete;
      watcher.disconnect();
      const french = await said('fr', 'Was this helpful?');
      expect(shown.length).to.be.greaterThan(0);
      for (const text of shown) expect(text).to.not.contain('Was this helpful?');
      expect(textOf(feedback)).to.contain(french);
      expect(shownLocale(feedback)).to.equal('fr');
    });

    it('follows the nearest ancestor with lang', async () => {
      const page = await fixture<HTMLElement>(html`<div lang="pl"><section lang="de"><p><candor-why item-id="a"></candor-why></p></section></div>`);
      const why = page.querySelector<Element>('candor-why')!;
      await why.updateComplete;
      expect(textOf(why)).to.contain('Warum sehe ich das?');
    });

    it('follows lang through a shadow root', async () => {
      const host = await fixture<HTMLElement>(html`<div lang="es"></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<div><candor-feedback item-id="a"></candor-feedback></div>';
      const feedback = shadow.querySelector<Element>('candor-feedback')!;
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain(await said('es', 'Was this helpful?'));

      // A lang change on the host outside the shadow root is followed too.
      host.setAttribute('lang', 'de');
      await expectShows(feedback, 'War das hilfreich?');
    });

    it('follows a lang set inside a shadow root around it', async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<div id="inner"><candor-feedback item-id="a"></candor-feedback></div>';
      const feedback = shadow.querySelector<Element>('candor-feedback')!;
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain('Was this helpful?');
      shadow.getElementById('inner')!.setAttribute('lang', 'de');
      await expectShows(feedback, 'War das hilfreich?');
    });

    it('follows <html lang>', async () => {
      document.documentElement.lang = 'de';
      const why = await fixture<Element>(html`<candor-why item-id="a"></candor-why>`);
      await why.updateComplete;
      expect(textOf(why)).to.contain('Warum sehe ich das?');
    });

    it("falls back to the browser's languages when no lang is set", async () => {
      document.documentElement.removeAttribute('lang');
      restore.push(withLanguages(['zu-ZA', 'it-IT', 'en-US']));
      const feedback = await fixture<Element>(html`<candor-feedback item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain(await said('it', 'Was this helpful?'));
    });

    it('falls back to English when neither the page nor the browser asks for a shipped language', async () => {
      document.documentElement.lang = 'zu';
      restore.push(withLanguages(['zu-ZA', 'xh']));
      const feedback = await fixture<Element>(html`<candor-feedback item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain('Was this helpful?');
      expect(shownLocale(feedback)).to.equal('en');
    });

    it('marks English shown on a page in another language with lang="en", and drops it when the page changes', async () => {
      const section = await fixture<HTMLElement>(html`<section lang="zu"><candor-feedback item-id="a"></candor-feedback></section>`);
      const feedback = section.querySelector('candor-feedback')!;
      await feedback.updateComplete;
      expect(feedback.getAttribute('lang'), 'English words on a Zulu page say they are English').to.equal('en');
      expect(localeFor(feedback), 'a lang Candor wrote is not the page asking for English').to.equal('en');
      section.lang = 'de';
      await waitUntil(() => shownLocale(feedback) === 'de', 'the element should follow the page to German');
      await waitUntil(() => !feedback.hasAttribute('lang'), 'German on a German page needs no lang of its own');
      section.lang = 'zu';
      await waitUntil(() => shownLocale(feedback) === 'en', 'back to English');
      await waitUntil(() => feedback.getAttribute('lang') === 'en', 'marked English again');
      feedback.setAttribute('lang', 'fr');
      await waitUntil(() => shownLocale(feedback) === 'fr', 'the page’s own lang on the element decides');
      await feedback.updateComplete;
      expect(feedback.getAttribute('lang'), 'the page’s own lang is never overwritten').to.equal('fr');
    });

    it('serves a regional tag with its language (pt-BR → pt) and knows old codes', async () => {
      const feedback = await fixture<Element>(html`<candor-feedback lang="pt-BR" item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain(await said('pt', 'Was this helpful?'));
      expect(matchLocale(['PT-br'])).to.equal('pt');
      expect(matchLocale(['de_AT'])).to.equal('de');
      expect(matchLocale(['x-klingon', 'fr-CA'])).to.equal('fr');
      expect(matchLocale(['no'])).to.equal('nb');
      expect(matchLocale(['nn-NO'])).to.equal('nb');
      expect(matchLocale(['iw'])).to.equal('he');
    });
  });

  describe('languages Candor lacks', () => {
    /** The language a screen reader goes by at `node`: the nearest lang, through shadow roots. */
    function languageAt(node: globalThis.Element): string | null {
      for (let at: globalThis.Element | null = node; at; at = at.parentElement ?? (at.parentNode instanceof ShadowRoot ? at.parentNode.host : null)) {
        if (at.hasAttribute('lang')) return at.getAttribute('lang');
      }
      return null;
    }

    it('walks out to the nearest page language it has: a Korean section of a German page is German, marked lang="de"', async () => {
      document.documentElement.lang = 'de';
      restore.push(withLanguages(['fr-FR', 'en-US'])); // the browser's come after every language of the page
      const section = await fixture<HTMLElement>(html`<section lang="ko"><candor-feedback item-id="a"></candor-feedback></section>`);
      const feedback = section.querySelector<Element>('candor-feedback')!;
      await waitUntil(() => shownLocale(feedback) === 'de', `should show German, shows ${shownLocale(feedback)}`);
      await feedback.updateComplete;
      expect(localeFor(feedback)).to.equal('de');
      expect(textOf(feedback)).to.contain('War das hilfreich?');
      expect(feedback.getAttribute('lang'), 'German words in a Korean section say they are German').to.equal('de');
      expect(part(feedback, 'base').matches(':lang(de)'), 'the words inside the shadow root are German to the browser').to.be.true;
      expect(localeFor(feedback), 'the lang Candor wrote is not the page asking for German').to.equal('de');
      await expectNoAxeViolations(section);

      // The outer language changes: the element follows it, still marked.
      document.documentElement.lang = 'it';
      await expectShows(feedback, await said('it', 'Was this helpful?'));
      await waitUntil(() => feedback.getAttribute('lang') === 'it', `marked Italian; lang is ${feedback.getAttribute('lang')}`);
      // A language Candor has on the section itself: no mark needed.
      section.lang = 'de';
      await expectShows(feedback, 'War das hilfreich?');
      await waitUntil(() => !feedback.hasAttribute('lang'), 'German in a German section needs no lang of its own');
    });

    it('proves the axe audit would see a language code that is not one', async () => {
      const paragraph = await fixture<HTMLElement>(html`<div><p lang="zz-nonsense">Text</p></div>`);
      expect((await axeViolations(paragraph)).some((line) => line.startsWith('valid-lang'))).to.be.true;
    });

    it('walks out of a shadow root too, and follows the host’s language changing', async () => {
      const host = await fixture<HTMLElement>(html`<div lang="de"></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<section lang="ko"><candor-why item-id="a" item-label="Shoes"></candor-why></section>';
      const why = shadow.querySelector<Element>('candor-why')!;
      await expectShows(why, 'Warum sehe ich das?');
      expect(why.getAttribute('lang')).to.equal('de');
      expect(languageAt(part(why, 'trigger')), 'what a screen reader reads the button in').to.equal('de');
      await expectNoAxeViolations(host);

      host.setAttribute('lang', 'es');
      await expectShows(why, await said('es', 'Why am I seeing this?'));
      await waitUntil(() => why.getAttribute('lang') === 'es', `marked Spanish; lang is ${why.getAttribute('lang')}`);
      // A shipped language inside the shadow root, between the Korean section and the host, comes first.
      shadow.innerHTML = '<div lang="pl"><section lang="ko"><candor-why item-id="a" item-label="Shoes"></candor-why></section></div>';
      const inner = shadow.querySelector<Element>('candor-why')!;
      await expectShows(inner, await said('pl', 'Why am I seeing this?'));
      expect(inner.getAttribute('lang')).to.equal('pl');
    });

    it('goes to the browser’s languages when no language of the page is one it has', async () => {
      document.documentElement.lang = 'ko';
      restore.push(withLanguages(['zu-ZA', 'it-IT']));
      const section = await fixture<HTMLElement>(html`<section lang="th"><candor-feedback item-id="a"></candor-feedback></section>`);
      const feedback = section.querySelector<Element>('candor-feedback')!;
      await expectShows(feedback, await said('it', 'Was this helpful?'));
      expect(localeFor(feedback)).to.equal('it');
      expect(feedback.getAttribute('lang'), 'Italian words on a Korean page say they are Italian').to.equal('it');
      await expectNoAxeViolations(section);
    });

    it('formats dates for the page tag that chose the words, and in English where the words are English', async () => {
      document.documentElement.lang = 'de-AT';
      const key = freshKey();
      const attributes = `store-key="${key}" storage="memory" purposes="necessary analytics" policy-version="1" policy-url="/privacy" policy-updated="2026-01-12"`;
      const section = await fixture<HTMLElement>(`<section lang="ko"><candor-banner ${attributes}></candor-banner></section>`);
      const austrian = section.querySelector<Element>('candor-banner')!;
      await expectShows(austrian, 'Alle akzeptieren');
      expect(textOf(austrian), 'the Austrian month name: the tag is de-AT, not ko').to.contain('12. Jänner 2026');

      // Korean and Swahili: languages Candor lacks that Chromium can format dates in.
      document.documentElement.lang = 'ko';
      restore.push(withLanguages(['sw-KE']));
      const english = await fixture<Element>(`<candor-banner ${attributes.replace(key, freshKey())}></candor-banner>`);
      await expectShows(english, 'Accept all');
      expect(textOf(english), 'an English date beside English words').to.contain(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 12)));
    });

    it('asks the host for text in the language of its words, with the page’s region', async () => {
      document.documentElement.lang = 'de-AT';
      restore.push(withLanguages(['fr-FR']));
      const section = await fixture<HTMLElement>(html`<section lang="ko"><candor-why item-id="a"></candor-why></section>`);
      const why = section.querySelector<CandorWhy>('candor-why')!;
      const asked: string[] = [];
      const listener = (event: Event) => asked.push((event as CandorExplanationRequestEvent).detail.locale);
      document.addEventListener('candor-explanation-request', listener);
      try {
        await waitUntil(() => shownLocale(why) === 'de', `should show German, shows ${shownLocale(why)}`);
        void why.show();
        await waitUntil(() => asked.length === 1, 'opening the popover sent no explanation request');
        expect(asked, 'German words around it, not the Korean Candor cannot show').to.deep.equal(['de-AT']);
        section.lang = 'pl';
        expect(wordsTagFor(why)).to.equal('pl');
      } finally {
        document.removeEventListener('candor-explanation-request', listener);
        why.hide();
      }
    });

    it('marks the words’ language where the page declares none, or says it is unknown', async () => {
      document.documentElement.removeAttribute('lang');
      restore.push(withLanguages(['fr-FR']));
      const feedback = await fixture<Element>(html`<candor-feedback item-id="a"></candor-feedback>`);
      await expectShows(feedback, await said('fr', 'Was this helpful?'));
      await waitUntil(() => feedback.getAttribute('lang') === 'fr', `French words on a page without lang say so; lang is ${feedback.getAttribute('lang')}`);

      document.documentElement.lang = 'de';
      const unknown = await fixture<HTMLElement>(html`<section lang=""><candor-feedback item-id="b"></candor-feedback></section>`);
      const inside = unknown.querySelector<Element>('candor-feedback')!;
      await expectShows(inside, 'War das hilfreich?');
      expect(inside.getAttribute('lang'), 'lang="" says the language is unknown: German words say they are German').to.equal('de');
      await waitUntil(() => !feedback.hasAttribute('lang'), 'the first element now shows German on a German page, with no mark');
    });

    it('marks the words inside when the page’s own lang on the element says another language, popover and dialog included', async () => {
      document.documentElement.lang = 'ko';
      restore.push(withLanguages(['fr-FR']));
      const section = await fixture<HTMLElement>(html`<div lang="de"><candor-why lang="ko" item-id="a"></candor-why></div>`);
      const why = section.querySelector<CandorWhy & Element>('candor-why')!;
      await expectShows(why, 'Warum sehe ich das?');
      await why.updateComplete;
      expect(why.getAttribute('lang'), 'the page’s own lang is never overwritten').to.equal('ko');
      const trigger = part(why, 'trigger');
      expect(trigger.matches(':lang(de)'), 'the German button reads as German').to.be.true;
      expect(trigger.matches(':lang(ko)'), 'not as Korean').to.be.false;
      await expectNoAxeViolations(section);

      // The popover is in the top layer but still in the shadow tree, under the marked nodes.
      try {
        void why.show();
        await waitUntil(() => maybePart(why, 'popover')?.matches(':popover-open'), 'the popover should open');
        await why.updateComplete;
        expect(part(why, 'title').matches(':lang(de)'), 'the popover title reads as German').to.be.true;
        expect(part(why, 'title').matches(':lang(ko)')).to.be.false;
        await expectNoAxeViolations(section);
      } finally {
        why.hide();
      }

      // The nodes Candor rendered always say their language (Firefox does not carry the host's
      // into its shadow tree), whatever the page's lang on the element.
      const marks = () => [...why.shadowRoot!.children].map((node) => node.getAttribute('lang'));
      expect(marks().length, 'the nodes Candor rendered').to.be.greaterThan(0);
      expect(marks().every((lang) => lang === 'de'), `every top node says German: ${marks().join(', ')}`).to.be.true;
      why.setAttribute('lang', 'pl');
      await waitUntil(() => marks().every((lang) => lang === 'pl'), `the page asks for Polish: ${marks().join(', ')}`);
      expect(part(why, 'trigger').matches(':lang(pl)')).to.be.true;
      // Without a lang of its own, in a German section: German, and no mark on the element.
      why.removeAttribute('lang');
      await waitUntil(() => marks().every((lang) => lang === 'de'), `German again: ${marks().join(', ')}`);
      expect(why.hasAttribute('lang'), 'German in a German section needs no lang on the element').to.be.false;
      // Korean again: German inside, still not Korean.
      why.setAttribute('lang', 'ko');
      await waitUntil(() => part(why, 'trigger').matches(':lang(de)') && !part(why, 'trigger').matches(':lang(ko)'), 'marked German inside again');
    });

    it('marks the words inside an open privacy center whose own lang Candor lacks', async () => {
      document.documentElement.lang = 'ko';
      const key = freshKey();
      getConsentStore({ key }).configure({ storage: 'memory', gpc: false, policy: { version: '1', purposes: ['necessary', 'analytics'] } });
      const section = await fixture<HTMLElement>(html`<div lang="de"><candor-preferences lang="ko" store-key=${key}></candor-preferences></div>`);
      const panel = section.querySelector<CandorPreferences & Element>('candor-preferences')!;
      await panel.updateComplete;
      await panel.show();
      await expectShows(panel, await said('de', 'Save choices'));
      await panel.updateComplete;
      expect(part(panel, 'base').matches(':modal'), 'the dialog is open in the top layer').to.be.true;
      expect(panel.getAttribute('lang')).to.equal('ko');
      expect(part(panel, 'title').matches(':lang(de)'), 'the dialog title reads as German').to.be.true;
      expect(part(panel, 'title').matches(':lang(ko)')).to.be.false;
      await expectNoAxeViolations(section);
    });

    it('leaves lang and dir alone once the page removes them, instead of writing them back forever', async () => {
      document.documentElement.removeAttribute('lang');
      restore.push(withLanguages(['ar']));
      // A site script that strips lang and dir from the element; it gives up after 20 rounds
      // so that a tug of war fails this test instead of freezing the page.
      const changes = { lang: 0, dir: 0 };
      const siteScript = new MutationObserver((records) => {
        for (const { target, attributeName } of records) {
          if (!(target instanceof HTMLElement) || target.localName !== 'candor-feedback') continue;
          const name = attributeName as 'lang' | 'dir';
          changes[name]++;
          if (target.hasAttribute(name) && changes[name] < 20) target.removeAttribute(name);
        }
      });
      siteScript.observe(document.body, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
      restore.push(() => siteScript.disconnect());

      const feedback = await fixture<Element>(html`<candor-feedback item-id="a"></candor-feedback>`);
      await expectShows(feedback, await said('ar', 'Was this helpful?'));
      await settle(feedback);
      expect(changes.lang, 'Candor wrote lang, the page removed it, and that was the end').to.be.within(1, 3);
      expect(changes.dir, 'the same for dir').to.be.within(1, 3);
      expect(feedback.hasAttribute('lang') || feedback.hasAttribute('dir'), 'the page decided').to.be.false;
      expect(part(feedback, 'base').matches(':lang(ar)'), 'the words still say they are Arabic, from inside the shadow root').to.be.true;
      await expectNoAxeViolations(feedback);

      // It keeps rendering and following the page's language.
      const seen = { ...changes };
      document.documentElement.lang = 'de';
      await expectShows(feedback, 'War das hilfreich?');
      await waitUntil(() => [...feedback.shadowRoot!.children].every((node) => node.getAttribute('lang') === 'de'), 'the words inside say German now');
      await settle(feedback);
      expect(changes, 'Candor did not touch the attributes the page took').to.deep.equal(seen);
    });
  });

  describe('following changes', () => {
    it('re-renders every element type when <html lang> changes at run time', async () => {
      const { elements } = await everyElement();
      const english = ['Accept all', 'Save choices', 'Why am I seeing this?', 'Was this helpful?'];
      for (const [index, element] of elements.entries()) expect(textOf(element), element.localName).to.contain(english[index]!);

      document.documentElement.lang = 'pl';
      const polish = await signatures('pl');
      for (const [index, element] of elements.entries()) await expectShows(element, polish[index]!);

      document.documentElement.lang = 'de';
      const german = ['Alle akzeptieren', await said('de', 'Save choices'), 'Warum sehe ich das?', 'War das hilfreich?'];
      for (const [index, element] of elements.entries()) await expectShows(element, german[index]!);
      expect(shownLocale(elements[0]!)).to.equal('de');
    });

    it('changes only the element whose own lang changed', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <candor-feedback id="one" item-id="a"></candor-feedback><candor-feedback id="two" item-id="b"></candor-feedback>
      </div>`);
      const [one, two] = [...page.querySelectorAll<Element>('candor-feedback')];
      await settle(one!, two!);
      one!.setAttribute('lang', 'de');
      await expectShows(one!, 'War das hilfreich?');
      await settle(one!, two!);
      expect(textOf(two!)).to.contain('Was this helpful?');
      expect(shownLocale(two!)).to.equal('en');

      one!.removeAttribute('lang');
      await expectShows(one!, 'Was this helpful?');
    });

    it('follows a language the browser changes to', async () => {
      document.documentElement.removeAttribute('lang');
      const feedback = await fixture<Element>(html`<candor-feedback item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      restore.push(withLanguages(['fr-FR']));
      window.dispatchEvent(new Event('languagechange'));
      await expectShows(feedback, await said('fr', 'Was this helpful?'));
    });
  });

  describe('what the visitor reads', () => {
    it('translates the purpose presets', async () => {
      const { banner } = await everyElement('lang="de"');
      const summary = textOf(part(banner, 'summary'));
      expect(summary).to.contain('Statistik');
      expect(summary).to.contain(await said('de', 'Measures how the site is used, such as which pages are visited and for how long, so that we can improve it.'));
      expect(summary).to.not.contain('Analytics');
    });

    it('formats dates and lists for the element’s language', async () => {
      const key = freshKey();
      const banner = await fixture<Element>(
        `<candor-banner lang="de" store-key="${key}" storage="memory" purposes="necessary analytics" policy-version="1" policy-url="/privacy" policy-updated="2026-03-12"></candor-banner>`,
      );
      await banner.updateComplete;
      expect(textOf(banner)).to.contain('12. März 2026');
    });

    it('announces choices made outside a render in the element’s language', async () => {
      const key = freshKey();
      getConsentStore({ key }).configure({ storage: 'memory', gpc: false });
      const panel = await fixture<CandorPreferences & Element>(
        `<candor-preferences lang="de" store-key="${key}"></candor-preferences>`,
      );
      getConsentStore({ key }).configure({ policy: { version: '1', purposes: ['necessary', 'analytics'] } });
      await panel.updateComplete;
      await panel.show();
      await panel.updateComplete;
      part(panel, 'accept-button').click();
      await panel.updateComplete;
      const status = [...panel.shadowRoot!.querySelectorAll('[role="status"]')].map((node) => node.textContent ?? '').join(' ');
      const german = withLocale('de', () => decisionSentence({ kind: 'all-on', on: ['Statistik'], off: [] }), 'de');
      expect(german).to.not.contain('You accepted');
      expect(status).to.contain(german);
    });

    it('records the language the visitor was shown with the choice', async () => {
      document.documentElement.lang = 'zu'; // not shipped: the banner is shown in English
      const key = freshKey();
      const store = getConsentStore({ key });
      store.configure({ storage: 'memory', gpc: false });
      const page = await fixture<HTMLElement>(`<div>
        <candor-banner store-key="${key}" storage="memory" purposes="necessary analytics" policy-version="1"></candor-banner>
      </div>`);
      const banner = page.querySelector<Element>('candor-banner')!;
      await banner.updateComplete;
      part(banner, 'reject-button').click();
      expect(store.record?.locale).to.equal('en');

      banner.setAttribute('lang', 'pl');
      await expectShows(banner, await said('pl', 'Change your choices'));
      store.acceptAll({ source: 'banner', origin: banner });
      expect(store.record?.locale).to.equal('pl');
    });

    it('writes an embed placeholder in the language around the embed', async () => {
      const key = freshKey();
      const store = getConsentStore({ key });
      store.configure({ storage: 'memory', gpc: false, policy: { version: '1', purposes: ['necessary', 'functional'] } });
      const page = await fixture<HTMLElement>(`<div lang="de">
        <iframe data-candor-src="/test/gating/fixtures/embed.html" data-candor-purpose="functional" title="Video"></iframe>
      </div>`);
      const running = gateEmbeds({ store, root: page });
      restore.push(() => running.stop());
      const choices = () => page.querySelector('.candor-embed-choices')?.textContent ?? '';
      await waitUntil(() => choices() === 'Datenschutz-Einstellungen', `the placeholder link says "${choices()}"`);
      page.setAttribute('lang', 'en');
      await waitUntil(() => choices() === 'Privacy choices', `the placeholder link says "${choices()}"`);
    });
    it('follows lang changes inside a shadow root it gates, and marks English on a page in another language', async () => {
      const key = freshKey();
      const store = getConsentStore({ key });
      store.configure({ storage: 'memory', gpc: false, policy: { version: '1', purposes: ['necessary', 'functional'] } });
      const host = await fixture<HTMLElement>('<div></div>');
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<section lang="de">
        <iframe data-candor-src="/test/gating/fixtures/embed.html" data-candor-purpose="functional" title="Video"></iframe>
      </section>`;
      const running = gateEmbeds({ store, root: shadow });
      restore.push(() => running.stop());
      const section = shadow.querySelector('section')!;
      const choices = () => shadow.querySelector('.candor-embed-choices')?.textContent ?? '';
      await waitUntil(() => choices() === 'Datenschutz-Einstellungen', `the placeholder link says "${choices()}"`);
      section.setAttribute('lang', 'zu');
      await waitUntil(() => choices() === 'Privacy choices', `a lang change inside the shadow root is followed; it says "${choices()}"`);
      const placeholder = shadow.querySelector('.candor-embed-choices')!.closest('[lang]');
      expect(placeholder?.getAttribute('lang'), 'English words in a Zulu section say they are English').to.equal('en');
    });
  });

  describe('direction', () => {
    it('renders a right-to-left locale right to left, unless an ancestor sets dir', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <candor-feedback lang="ar" item-id="a"></candor-feedback>
        <div dir="ltr"><candor-feedback lang="ar" item-id="b"></candor-feedback></div>
      </div>`);
      const [free, held] = [...page.querySelectorAll<Element>('candor-feedback')];
      await settle(free!, held!);
      expect(textOf(free!)).to.contain(await said('ar', 'Was this helpful?'));
      expect(getComputedStyle(part(free!, 'base')).direction).to.equal('rtl');
      expect(free!.getAttribute('dir')).to.equal('rtl');
      // Mirrored: "Helpful" sits to the right of "Not helpful".
      const helpful = part(free!, 'helpful-button').getBoundingClientRect();
      const notHelpful = part(free!, 'not-helpful-button').getBoundingClientRect();
      expect(helpful.left).to.be.greaterThan(notHelpful.left);
      expect(getComputedStyle(part(held!, 'base')).direction).to.equal('ltr');
      expect(held!.hasAttribute('dir')).to.equal(false);
      await expectNoAxeViolations(page);

      // Back to a left-to-right language: the dir Candor set goes away.
      free!.setAttribute('lang', 'de');
      await waitUntil(() => !free!.hasAttribute('dir'), 'dir should be removed');
      expect(getComputedStyle(part(free!, 'base')).direction).to.equal('ltr');
    });

    it('mirrors every element type in Hebrew on a page that sets no direction', async () => {
      const { page, elements } = await everyElement('lang="he"');
      const hebrew = await signatures('he');
      for (const [index, element] of elements.entries()) {
        expect(textOf(element), element.localName).to.contain(hebrew[index]);
        expect(element.getAttribute('dir'), element.localName).to.equal('rtl');
      }
      const actions = part(elements[0]!, 'actions').getBoundingClientRect();
      const accept = part(elements[0]!, 'accept-button').getBoundingClientRect();
      // The first choice starts at the inline start: the right edge in Hebrew.
      expect(Math.abs(actions.right - accept.right)).to.be.below(Math.abs(actions.left - accept.left));
      await expectNoAxeViolations(page);
    });
  });

  describe('hosts', () => {
    it('adds a language with registerLocale, falling back to English for what it lacks', async () => {
      registerLocale('eo', { [generateMsgId('Was this helpful?', false)]: 'Ĉu tio helpis?' });
      const feedback = await fixture<Element>(html`<candor-feedback lang="eo-001" item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain('Ĉu tio helpis?');
      expect(textOf(part(feedback, 'helpful-button'))).to.equal('Helpful');
      expect(localeFor(feedback)).to.equal('eo');
    });

    it('rewords a shipped string with registerLocale, and elements showing it re-render', async () => {
      const feedback = await fixture<Element>(html`<candor-feedback lang="de" item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain('War das hilfreich?');
      registerLocale('de', { [generateMsgId('Was this helpful?', false)]: 'Hat dir das geholfen?' });
      restore.push(() => registerLocale('de', { [generateMsgId('Was this helpful?', false)]: 'War das hilfreich?' }));
      await expectShows(feedback, 'Hat dir das geholfen?');
      // The rest stays as shipped, and the host's text is only text.
      expect(textOf(part(feedback, 'helpful-button'))).to.equal(await said('de', 'Helpful', 'candor-feedback.helpful'));
      registerLocale('de', { [generateMsgId('Was this helpful?', false)]: '<img src=x onerror="window.__candorXss=true">' });
      await expectShows(feedback, '<img src=x');
      expect(feedback.shadowRoot!.querySelector('img') === null).to.be.true;
    });

    it('shows the English source, and says why, when a registered text does not fit its message', async () => {
      const id = generateMsgId('Was this helpful?', false);
      const shipped = await said('fr', 'Was this helpful?');
      const errors: unknown[][] = [];
      const originalError = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      restore.push(() => (console.error = originalError));
      // A str template with a placeholder, for a message that has none: it cannot be filled in.
      registerLocale('fr', { [id]: hostStr`Utile ? ${0}` });
      restore.push(() => registerLocale('fr', { [id]: shipped }));
      const feedback = await fixture<Element>(html`<candor-feedback lang="fr" item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain('Was this helpful?');
      expect(errors.some((args) => String(args[0]).includes('could not be used')), 'the problem is logged').to.be.true;
    });

    it('takes a regional variant built on a shipped language', async () => {
      registerLocale('pt-BR', { [generateMsgId('Was this helpful?', false)]: 'Isso foi útil pra você?' });
      const feedback = await fixture<Element>(html`<candor-feedback lang="pt-BR" item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain('Isso foi útil pra você?');
      // What the variant does not say comes from Portuguese, not English.
      expect(textOf(part(feedback, 'helpful-button'))).to.equal(await said('pt', 'Helpful', 'candor-feedback.helpful'));
    });

    it('refuses what is not a language tag or a text', () => {
      expect(() => registerLocale('not a tag', {})).to.throw(TypeError, /language tag/);
      expect(() => registerLocale('fr', { x: 42 as unknown as string })).to.throw(TypeError, /"x"/);
    });

    it('lives beside a host that configures @lit/localize itself', async () => {
      const id = 'host.greeting';
      const { setLocale, getLocale } = configureLocalization({
        sourceLocale: 'en',
        targetLocales: ['fr'],
        loadLocale: async () => ({ templates: { [id]: 'Bonjour' } }),
      });
      await setLocale('fr');
      expect(getLocale()).to.equal('fr');
      expect(hostMsg('Hello', { id })).to.equal('Bonjour');
      // Candor's elements follow their lang, not the host's @lit/localize locale.
      const feedback = await fixture<Element>(html`<candor-feedback lang="de" item-id="a"></candor-feedback>`);
      await feedback.updateComplete;
      expect(textOf(feedback)).to.contain('War das hilfreich?');
      const english = await fixture<Element>(html`<candor-feedback lang="en" item-id="a"></candor-feedback>`);
      await english.updateComplete;
      expect(textOf(english)).to.contain('Was this helpful?');
    });
  });
});
