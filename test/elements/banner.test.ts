import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { destroyConsentStore, getConsentStore, type ConsentStore, type PolicyConfig } from '../../src/core/index.js';
import '../../src/define/candor-banner.js';
import '../../src/define/candor-feedback.js';
import '../../src/define/candor-preferences.js';
import type { CandorBanner } from '../../src/banner/banner.js';
import type { CandorPreferences } from '../../src/preferences/preferences.js';
import { CandorPreferencesRequestEvent, requestPreferences } from '../../src/events/preferences-request.js';
import { axeViolations, expectNoAxeViolations } from '../helpers/axe.js';
import {
  tabTo,
  applyTextSpacing,
  clippedText,
  destroyStores,
  expectEqualProminence,
  expectFocused,
  expectSame,
  focused,
  freshKey,
  maybePart,
  overlaps,
  part,
  settle,
  shiftTab,
  textOf,
} from '../helpers/consent-ui.js';
import { expectNoXss, resetXss, XSS_PAYLOADS } from '../helpers/xss.js';

const ALL_PURPOSES = 'necessary functional personalization analytics advertising';

interface BannerOptions {
  attributes?: Record<string, string | boolean>;
  /** Global Privacy Control for the test's store. */
  gpc?: boolean;
  dir?: 'ltr' | 'rtl';
  /** An earlier visit that left a record in localStorage (the banner then uses localStorage). */
  before?: (key: string) => void;
  /** Leave out the `<candor-preferences>` beside the banner. */
  withoutPanel?: boolean;
}

interface Mounted {
  banner: CandorBanner;
  panel: CandorPreferences | null;
  store: ConsentStore;
  key: string;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

/** A page with a button before and after a banner (and a privacy center), on a fresh in-memory store. */
async function mount(options: BannerOptions = {}): Promise<Mounted> {
  const key = freshKey();
  options.before?.(key);
  const store = getConsentStore({ key });
  store.configure({ gpc: options.gpc ?? false });
  const banner = document.createElement('candor-banner');
  const attributes: Record<string, string | boolean> = {
    'store-key': key,
    storage: options.before ? 'local' : 'memory',
    purposes: ALL_PURPOSES,
    'policy-version': '2026-11',
    'policy-url': '/privacy',
    'policy-updated': '2026-11-01',
    ...options.attributes,
  };
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    banner.setAttribute(name, value === true ? '' : value);
  }
  const panel = options.withoutPanel ? null : document.createElement('candor-preferences');
  panel?.setAttribute('store-key', key);
  const page = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'}>
    <button id="before">Before</button>
    ${banner}${panel}
    <button id="after">After</button>
  </div>`);
  await settle(banner, ...(panel ? [panel] : []));
  return {
    banner,
    panel,
    store,
    key,
    before: page.querySelector<HTMLButtonElement>('#before')!,
    after: page.querySelector<HTMLButtonElement>('#after')!,
  };
}

const CURRENT_POLICY: PolicyConfig = {
  version: '2026-11',
  url: '/privacy',
  updated: '2026-11-01',
  purposes: ['necessary', 'functional', 'personalization', 'analytics', 'advertising'],
};

/** An earlier page view: the visitor chose under `policy`, and the record is in localStorage. */
function earlierVisit(key: string, policy: PolicyConfig, decide: (store: ConsentStore) => void): void {
  const store = getConsentStore({ key });
  store.configure({ storage: 'local', policy, gpc: false });
  decide(store);
  destroyConsentStore(key);
}

/** A visitor who chose under policy version 1: analytics on, personalization off. */
function decidedUnderVersion1(key: string): void {
  earlierVisit(key, { version: '1', purposes: ['necessary', 'personalization', 'analytics'] }, (store) =>
    store.set({ analytics: true, personalization: false }, { source: 'banner' }),
  );
}

/** A visitor who refused everything under the current policy. */
function refusedEarlier(key: string): void {
  earlierVisit(key, CURRENT_POLICY, (store) => store.rejectAll({ source: 'banner' }));
}

/** Turns on (or off) the dark colour scheme where the engine can emulate it. */
async function prefersDark(on: boolean): Promise<boolean> {
  try {
    await emulateMedia({ colorScheme: on ? 'dark' : 'light' });
    return true;
  } catch {
    return false;
  }
}

function choices(banner: CandorBanner): HTMLElement[] {
  return ['accept-button', 'reject-button', 'choose-button'].map((name) => part(banner, name));
}


afterEach(async () => {
  destroyStores();
  await setViewport({ width: 800, height: 600 });
  window.scrollTo(0, 0);
});

describe('<candor-banner>', () => {
  describe('accessibility', () => {
    it('the axe helper reports a button with no name, even inside a shadow root', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
      const violations = await axeViolations(host);
      expect(violations.join('\n')).to.contain('button-name');
      let thrown: unknown;
      try {
        await expectNoAxeViolations(host);
      } catch (error) {
        thrown = error;
      }
      expect(String(thrown)).to.contain('button-name');
    });

    const states: Record<string, (options: BannerOptions) => Promise<CandorBanner>> = {
      'first visit': async (options) => (await mount(options)).banner,
      'policy changed': async (options) => (await mount({ ...options, before: decidedUnderVersion1 })).banner,
      'GPC on': async (options) => (await mount({ ...options, gpc: true })).banner,
      confirmation: async (options) => {
        const { banner } = await mount(options);
        part(banner, 'reject-button').click();
        await settle(banner);
        return banner;
      },
      'modal variant': async (options) =>
        (await mount({ ...options, attributes: { ...options.attributes, modal: true } })).banner,
      'modal confirmation': async (options) => {
        const { banner } = await mount({ ...options, attributes: { ...options.attributes, modal: true } });
        part(banner, 'accept-button').click();
        await settle(banner);
        return banner;
      },
      'bad configuration': async (options) =>
        (await mount({ ...options, attributes: { ...options.attributes, purposes: 'analytics adverts' } })).banner,
      'privacy button': async (options) =>
        (await mount({ ...options, attributes: { ...options.attributes, 'privacy-button': true }, before: refusedEarlier })).banner,
    };
    const looks = [
      { theme: 'light', dir: 'ltr' },
      { theme: 'dark', dir: 'ltr' },
      { theme: 'light', dir: 'rtl' },
      { theme: 'dark', dir: 'rtl' },
    ] as const;
    for (const [state, make] of Object.entries(states)) {
      for (const { theme, dir } of looks) {
        it(`has no axe violations: ${state}, ${theme}, ${dir}`, async () => {
          const quiet = console.error;
          console.error = () => {};
          let banner: CandorBanner;
          try {
            banner = await make({ attributes: { theme }, dir });
          } finally {
            console.error = quiet;
          }
          expect(banner.shadowRoot!.querySelector('[part~="base"], [part~="privacy-button"]'), 'something is shown').to.exist;
          await expectNoAxeViolations(banner);
        });
      }
    }

    it('is a labelled region (not a dialog) with real buttons and no pre-focused choice', async () => {
      const { banner } = await mount();
      const region = part(banner, 'base');
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('aria-label')).to.equal('Privacy choices');
      expect(choices(banner).map((button) => button.localName)).to.deep.equal(['button', 'button', 'button']);
      expect(focused() === null || focused() === document.body, 'nothing is focused on load').to.equal(true);
      expect(banner.shadowRoot!.querySelector('[autofocus], [aria-pressed="true"], [aria-checked="true"]')).to.equal(null);
    });

    it('says what changed since the last choice when the policy changed, and which earlier choices still apply', async () => {
      const { banner, store } = await mount({ before: decidedUnderVersion1 });
      expect(store.prompt.reason).to.equal('policy-changed');
      expect(textOf(part(banner, 'title'))).to.equal('Our privacy policy has changed');
      const changes = textOf(part(banner, 'changes'));
      expect(changes).to.contain('New: Preferences and Advertising.');
      expect(changes).to.contain('Policy version 1 is now 2026-11.');
      expect(changes).to.contain('only what you allowed before stays on: Analytics');
    });

    it('names the purposes no longer used: a preset by its label, a site’s own purpose by its id', async () => {
      const { banner } = await mount({
        attributes: { purposes: 'necessary analytics' },
        before: (key) =>
          earlierVisit(
            key,
            { version: '1', purposes: ['necessary', 'analytics', 'advertising', { id: 'chat-log', label: 'Chat history', description: 'Keeps your chats.' }] },
            (store) => store.rejectAll({ source: 'banner' }),
          ),
      });
      expect(textOf(part(banner, 'changes'))).to.contain('No longer used: Advertising and chat-log.');
    });

    it('says that Global Privacy Control is honoured and names what it turned off', async () => {
      const { banner } = await mount({ gpc: true });
      const notice = textOf(part(banner, 'gpc-notice'));
      expect(notice).to.contain('Global Privacy Control');
      expect(notice).to.contain('These stay off unless you turn them on yourself: Advertising');
    });

    it('puts host text on the page as text, never as markup', async () => {
      resetXss();
      for (const payload of XSS_PAYLOADS) {
        const { banner } = await mount({ attributes: { purposes: false, 'policy-version': false } });
        banner.policy = {
          version: '1',
          summary: payload,
          purposes: [{ id: 'custom', label: payload, description: payload, retention: payload }],
        };
        await settle(banner);
        expect(textOf(banner.shadowRoot!)).to.contain(payload);
        await expectNoXss(banner);
      }
    });

    it('never links to an unsafe policy URL: the configuration is refused and named', async () => {
      const errors: string[] = [];
      const error = console.error;
      console.error = (message: string) => errors.push(message);
      try {
        const { banner } = await mount({ attributes: { 'policy-url': 'javascript:window.__candorXss=true' } });
        expect(maybePart(banner, 'policy-link')).to.equal(null);
        expect(banner.shadowRoot!.querySelector('a[href^="javascript"]')).to.equal(null);
      } finally {
        console.error = error;
      }
      expect(errors.join('\n')).to.contain('policy.url');
      expect(errors.join('\n')).to.contain('"policy-url" attribute');
    });
  });

  describe('keyboard', () => {
    it('reaches Accept all, Reject all and Let me choose in order with Tab, and back with Shift+Tab', async () => {
      const { banner, before } = await mount();
      before.focus();
      const [accept, reject, choose] = choices(banner);
      await tabTo(accept!);
      await sendKeys({ press: 'Tab' });
      expectFocused(reject);
      await sendKeys({ press: 'Tab' });
      expectFocused(choose);
      await shiftTab();
      expectFocused(reject);
    });

    it('Enter on Accept all grants, moves focus to the confirmation and announces it', async () => {
      const { banner, store, before } = await mount();
      before.focus();
      await tabTo(part(banner, 'accept-button'));
      await sendKeys({ press: 'Enter' });
      await settle(banner);
      expect(store.isGranted('analytics')).to.equal(true);
      const confirmation = part(banner, 'confirmation');
      expectFocused(confirmation);
      expect(confirmation.getAttribute('role')).to.equal('alert');
      expect(confirmation.tabIndex).to.equal(-1);
      expect(textOf(confirmation)).to.contain('You accepted everything');
    });

    it('Space on Reject all refuses and focuses the confirmation', async () => {
      const { banner, store, before } = await mount();
      before.focus();
      await tabTo(part(banner, 'reject-button'));
      await sendKeys({ press: ' ' });
      await settle(banner);
      expect(store.record?.source).to.equal('banner');
      expect(store.isGranted('analytics')).to.equal(false);
      expectFocused(part(banner, 'confirmation'));
      expect(textOf(part(banner, 'confirmation'))).to.contain('You refused everything optional');
    });

    it('Let me choose opens the privacy center; Escape closes it and focus returns to the button', async () => {
      const { banner, panel, before } = await mount();
      before.focus();
      const choose = part(banner, 'choose-button');
      await tabTo(choose);
      await sendKeys({ press: 'Enter' });
      await settle(panel!);
      expect(panel!.open).to.equal(true);
      expectFocused(part(panel!, 'title'));
      await sendKeys({ press: 'Escape' });
      await settle(panel!, banner);
      expect(panel!.open).to.equal(false);
      expectFocused(choose);
      expect(maybePart(banner, 'accept-button'), 'closing the panel chose nothing').to.exist;
    });

    it('a choice saved in the privacy center opened from the banner lands focus on the confirmation', async () => {
      const { banner, panel, store, before } = await mount();
      before.focus();
      await tabTo(part(banner, 'choose-button'));
      await sendKeys({ press: 'Enter' });
      await settle(panel!);
      const analytics = part(panel!, 'purposes').querySelectorAll<HTMLElement>('[role="switch"]')[2]!;
      await tabTo(analytics);
      await sendKeys({ press: ' ' });
      await tabTo(part(panel!, 'save-button'));
      await sendKeys({ press: 'Enter' });
      await settle(panel!, banner);
      expect(store.decisions).to.include({ analytics: true, personalization: false });
      expectFocused(part(banner, 'confirmation'));
      expect(textOf(part(banner, 'confirmation'))).to.contain('On: Analytics');
    });

    it('from the confirmation, Tab reaches Change your choices and Hide; Hide hides the banner and focus goes to the privacy button', async () => {
      const { banner, before } = await mount({ attributes: { 'privacy-button': true } });
      before.focus();
      await tabTo(part(banner, 'accept-button'));
      await sendKeys({ press: 'Enter' });
      await settle(banner);
      await sendKeys({ press: 'Tab' });
      expectFocused(part(banner, 'change-button'));
      await sendKeys({ press: 'Tab' });
      expectFocused(part(banner, 'hide-button'));
      await sendKeys({ press: 'Enter' });
      await settle(banner);
      expect(maybePart(banner, 'base')).to.equal(null);
      expectFocused(part(banner, 'privacy-button'));
    });

    it('the confirmation hides once focus moves on to the page', async () => {
      const { banner, after } = await mount();
      part(banner, 'accept-button').click();
      await settle(banner);
      expectFocused(part(banner, 'confirmation'));
      after.focus();
      await settle(banner);
      expect(maybePart(banner, 'base')).to.equal(null);
    });

    it('the confirmation also hides when focus moves on to another Candor element on the page', async () => {
      const { banner, after } = await mount();
      const feedback = document.createElement('candor-feedback');
      feedback.setAttribute('item-id', 'socks');
      feedback.setAttribute('item-label', 'Wool socks');
      after.after(feedback);
      await (feedback as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      part(banner, 'accept-button').click();
      await settle(banner);
      expectFocused(part(banner, 'confirmation'));
      feedback.shadowRoot!.querySelector<HTMLButtonElement>('button')!.focus();
      await settle(banner);
      expect(maybePart(banner, 'base')).to.equal(null);
    });

    it('without a privacy button, Hide returns focus to where it was before the banner', async () => {
      const { banner, before } = await mount();
      before.focus();
      await tabTo(part(banner, 'reject-button'));
      await sendKeys({ press: 'Enter' });
      await settle(banner);
      part(banner, 'hide-button').focus();
      await sendKeys({ press: 'Enter' });
      await settle(banner);
      expectFocused(before);
    });

    it('modal: focus moves to the heading (never to a choice) and the page behind is inert', async () => {
      const { banner } = await mount({ attributes: { modal: true } });
      const dialog = part<HTMLDialogElement>(banner, 'base');
      expect(dialog.localName).to.equal('dialog');
      expect(dialog.matches(':modal')).to.equal(true);
      expectFocused(part(banner, 'title'));
      await sendKeys({ press: 'Tab' });
      expect(banner.shadowRoot!.contains(focused()), 'Tab stays in the dialog').to.equal(true);
    });

    it('modal: Escape dismisses the banner and grants nothing', async () => {
      const { banner, store } = await mount({ attributes: { modal: true } });
      await sendKeys({ press: 'Escape' });
      await settle(banner);
      expect(maybePart(banner, 'base')).to.equal(null);
      expect(store.record).to.equal(null);
      expect(Object.entries(store.decisions).filter(([, granted]) => granted).map(([id]) => id)).to.deep.equal(['necessary']);
      expect(store.prompt.needed, 'it asks again on the next page').to.equal(true);
    });

    it('modal: Escape in the privacy center opened from it closes only the privacy center, and focus returns into the banner', async () => {
      const { banner, panel } = await mount({ attributes: { modal: true } });
      const choose = part(banner, 'choose-button');
      choose.focus();
      await sendKeys({ press: 'Enter' });
      await settle(panel!);
      expect(panel!.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(panel!, banner);
      expect(panel!.open).to.equal(false);
      expect(part<HTMLDialogElement>(banner, 'base').open, 'the banner is still open').to.equal(true);
      expectFocused(choose);
      await sendKeys({ press: 'Escape' });
      await settle(banner);
      expect(maybePart(banner, 'base'), 'the next Escape closes the banner').to.equal(null);
    });

    it('modal: a choice shows the confirmation in the dialog with focus on it; Hide closes the dialog', async () => {
      const { banner, store } = await mount({ attributes: { modal: true } });
      part(banner, 'reject-button').focus();
      await sendKeys({ press: ' ' });
      await settle(banner);
      expect(store.record?.source).to.equal('banner');
      expectFocused(part(banner, 'confirmation'));
      part(banner, 'hide-button').focus();
      await sendKeys({ press: 'Enter' });
      await settle(banner);
      expect(maybePart(banner, 'base')).to.equal(null);
    });
  });

  describe('events', () => {
    it('Accept all dispatches candor-consent-change from the banner with what the store recorded', async () => {
      const { banner, store } = await mount();
      const heard = oneEvent(document, 'candor-consent-change');
      part(banner, 'accept-button').click();
      const event = await heard;
      expectSame(event.target, banner, 'the event comes from the banner');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.source).to.equal('banner');
      expect(event.detail.receiptId).to.equal(store.record!.receiptId);
      expect(event.detail.decisions).to.deep.equal(store.decisions);
      expect(event.detail.changed).to.have.members(['functional', 'personalization', 'analytics', 'advertising']);
      expect(JSON.parse(JSON.stringify(event.detail))).to.deep.equal(event.detail);
    });

    it('under Global Privacy Control, Accept all leaves sale/share purposes off and the confirmation says so', async () => {
      const { banner, store } = await mount({ gpc: true });
      part(banner, 'accept-button').click();
      await settle(banner);
      expect(store.isGranted('analytics')).to.equal(true);
      expect(store.isGranted('advertising')).to.equal(false);
      expect(textOf(part(banner, 'confirmation'))).to.contain('Off: Advertising');
    });

    it('Let me choose dispatches a cancelable candor-preferences-request that the privacy center takes', async () => {
      const { banner, panel, key } = await mount();
      const heard = oneEvent(document, CandorPreferencesRequestEvent.type);
      part(banner, 'choose-button').click();
      const event = await heard;
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ storeKey: key });
      expect(event.defaultPrevented).to.equal(true);
      await settle(panel!);
      expect(panel!.open).to.equal(true);
    });

    it('with no privacy center on the page, Let me choose adds one for the store and opens it', async () => {
      const { banner, key } = await mount({ withoutPanel: true });
      part(banner, 'choose-button').click();
      const added = document.body.querySelector<CandorPreferences>(`candor-preferences[store-key="${key}"]`);
      expect(added).to.exist;
      await settle(added!);
      expect(added!.open).to.equal(true);
      added!.close();
      added!.remove();
    });

    it('a request that nothing answers logs a clear warning', async () => {
      const origin = await fixture<HTMLButtonElement>(html`<button>Privacy</button>`);
      origin.addEventListener(CandorPreferencesRequestEvent.type, (event) => event.stopPropagation());
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      let opened: boolean;
      try {
        opened = requestPreferences(origin, { storeKey: 'nobody' });
      } finally {
        console.warn = warn;
        document.querySelectorAll('candor-preferences[store-key="nobody"]').forEach((element) => element.remove());
      }
      expect(opened).to.equal(false);
      expect(warnings.join('\n')).to.contain('nothing opened the privacy choices for store "nobody"');
      expect(warnings.join('\n')).to.contain('<candor-preferences>');
    });

    it('a bad configuration logs one error naming the field and the attribute, and the banner still offers Reject all', async () => {
      const errors: string[] = [];
      const error = console.error;
      console.error = (message: string) => errors.push(message);
      let mounted: Mounted;
      try {
        mounted = await mount({ attributes: { purposes: 'analytics adverts' } });
      } finally {
        console.error = error;
      }
      const { banner, store } = mounted;
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('policy.purposes[1] "adverts" is not a built-in purpose');
      expect(errors[0]).to.contain('"purposes" attribute');
      expect(maybePart(banner, 'accept-button')).to.equal(null);
      expect(maybePart(banner, 'choose-button')).to.equal(null);
      part(banner, 'reject-button').click();
      await settle(banner);
      expect(store.record?.decisions).to.deep.equal({ analytics: false });
      expect(store.record?.source).to.equal('banner');
      expect(maybePart(banner, 'confirmation')).to.exist;
    });

    it('reads a full policy from <script type="application/json"> named by policy-source', async () => {
      const script = await fixture<HTMLScriptElement>(html`<script type="application/json" id="site-policy">
        {"version": "7", "url": "/p", "purposes": ["necessary", {"id": "recs", "label": "Recommendations", "description": "Suggests articles."}]}
      </script>`);
      const { banner, store } = await mount({ attributes: { purposes: false, 'policy-version': false, 'policy-source': 'site-policy' } });
      expect(store.policy?.version).to.equal('7');
      expect(textOf(part(banner, 'summary'))).to.contain('Recommendations: Suggests articles.');
      script.remove();
    });

    it('reports policy-source that is not JSON, naming the attribute', async () => {
      await fixture(html`<script type="application/json" id="broken-policy">{"version": </script>`);
      const errors: string[] = [];
      const error = console.error;
      console.error = (message: string) => errors.push(message);
      try {
        const { banner } = await mount({ attributes: { purposes: false, 'policy-version': false, 'policy-source': 'broken-policy' } });
        expect(maybePart(banner, 'reject-button')).to.exist;
      } finally {
        console.error = error;
      }
      expect(errors.join('\n')).to.contain('policy-source "broken-policy" is not valid JSON');
    });

    it('takes a full policy from the policy property', async () => {
      const { banner, store } = await mount({ attributes: { purposes: false, 'policy-version': false } });
      banner.policy = { version: '9', purposes: ['necessary', { id: 'maps', label: 'Maps', description: 'Shows maps from a map provider.' }] };
      await settle(banner);
      expect(store.policy?.version).to.equal('9');
      expect(textOf(part(banner, 'summary'))).to.contain('Maps: Shows maps from a map provider.');
    });
  });

  describe('persistence', () => {
    it('after a visit, localStorage holds only the consent record and no cookie is set', async () => {
      localStorage.clear();
      const cookiesBefore = document.cookie;
      const { banner, key } = await mount({ attributes: { storage: 'local' } });
      part(banner, 'accept-button').click();
      await settle(banner);
      part(banner, 'hide-button').click();
      await settle(banner);
      expect(Object.keys(localStorage)).to.deep.equal([key]);
      expect(JSON.parse(localStorage.getItem(key)!).receiptId).to.equal(getConsentStore({ key }).record!.receiptId);
      expect(document.cookie).to.equal(cookiesBefore);
    });

    it('does not ask again once the visitor has chosen, and leaves the privacy button', async () => {
      const { banner } = await mount({
        attributes: { 'privacy-button': true },
        before: (key) => earlierVisit(key, CURRENT_POLICY, (store) => store.acceptAll({ source: 'banner' })),
      });
      expect(maybePart(banner, 'base')).to.equal(null);
      expect(textOf(part(banner, 'privacy-button'))).to.equal('Privacy choices');
    });

    it('asks again when the choice expired, and says everything optional is off meanwhile', async () => {
      const { banner, store } = await mount({
        before: (key) => {
          const earlier = getConsentStore({ key });
          earlier.configure({ storage: 'local', policy: CURRENT_POLICY, gpc: false, now: () => Date.now() - 200 * 86_400_000 });
          earlier.acceptAll({ source: 'banner' });
          destroyConsentStore(key);
        },
      });
      expect(store.prompt.reason).to.equal('expired');
      expect(textOf(part(banner, 'title'))).to.equal('Please confirm your privacy choices');
      expect(textOf(part(banner, 'summary'))).to.contain('Your earlier choices have expired');
      expect(store.isGranted('analytics')).to.equal(false);
    });

    it('when storage refuses the record, the confirmation says the choice applies to this page only', async () => {
      const { banner, key } = await mount({ attributes: { storage: false } });
      const refusing = {
        kind: 'local',
        read: () => null,
        write: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
        remove: () => {},
      };
      const warn = console.warn;
      console.warn = () => {};
      try {
        getConsentStore({ key }).configure({ storage: refusing });
        part(banner, 'accept-button').click();
        await settle(banner);
      } finally {
        console.warn = warn;
      }
      expect(getConsentStore({ key }).persistence.ok).to.equal(false);
      expect(textOf(part(banner, 'confirmation'))).to.contain('applies to this page only');
    });

    it('the privacy button opens the privacy center in the same corner each time', async () => {
      const { banner, panel } = await mount({ attributes: { 'privacy-button': true }, before: refusedEarlier });
      const button = part(banner, 'privacy-button');
      const rect = button.getBoundingClientRect();
      expect(rect.bottom).to.be.closeTo(window.innerHeight - 12, 2);
      expect(rect.left).to.be.closeTo(12, 2);
      button.click();
      await settle(panel!);
      expect(panel!.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(panel!);
      expectFocused(part(banner, 'privacy-button'));
    });
  });

  describe('layout', () => {
    it('never moves the page: content stays where it was when the banner shows and hides', async () => {
      const key = freshKey();
      const page = await fixture<HTMLDivElement>(html`<div><p id="marker">Page content</p></div>`);
      const marker = page.querySelector('#marker')!;
      const before = marker.getBoundingClientRect();
      const banner = document.createElement('candor-banner');
      Object.entries({ 'store-key': key, storage: 'memory', purposes: ALL_PURPOSES, 'policy-version': '1' }).forEach(([name, value]) =>
        banner.setAttribute(name, value),
      );
      page.prepend(banner);
      await settle(banner);
      expect(maybePart(banner, 'base')).to.exist;
      expect(marker.getBoundingClientRect().toJSON()).to.deep.equal(before.toJSON());
      expect(banner.getBoundingClientRect().height, 'the host takes no space').to.equal(0);
      part(banner, 'accept-button').click();
      await settle(banner);
      part(banner, 'hide-button').click();
      await settle(banner);
      expect(marker.getBoundingClientRect().toJSON()).to.deep.equal(before.toJSON());
    });

    it('is fixed to the bottom of the viewport and at most half its height', async () => {
      await setViewport({ width: 800, height: 600 });
      const { banner } = await mount();
      const rect = part(banner, 'base').getBoundingClientRect();
      expect(rect.bottom).to.be.closeTo(600, 1);
      expect(rect.height).to.be.at.most(300.5);
      expect(getComputedStyle(part(banner, 'base')).position).to.equal('fixed');
      const actions = part(banner, 'actions').getBoundingClientRect();
      expect(actions.bottom, 'the choices are in view').to.be.at.most(600);
    });

    it('adds its height to the page scroll padding while shown, and gives it back when hidden', async () => {
      document.documentElement.style.scrollPaddingBlockEnd = '';
      const { banner } = await mount();
      const height = Math.ceil(part(banner, 'base').getBoundingClientRect().height);
      expect(getComputedStyle(document.documentElement).scrollPaddingBlockEnd).to.equal(`${height}px`);
      part(banner, 'reject-button').click();
      await settle(banner);
      part(banner, 'hide-button').click();
      await settle(banner);
      expect(document.documentElement.style.scrollPaddingBlockEnd).to.equal('');
    });

    it('never hides the focused element (WCAG 2.4.11), down to the last control of the page', async () => {
      await setViewport({ width: 800, height: 600 });
      const key = freshKey();
      getConsentStore({ key }).configure({ gpc: false });
      const page = await fixture<HTMLDivElement>(html`<div>
        <candor-banner store-key=${key} storage="memory" purposes=${ALL_PURPOSES} policy-version="1"></candor-banner>
        ${Array.from({ length: 24 }, (_, index) => html`<p style="margin: 0 0 50px"><button class="page-button">Page button ${index}</button></p>`)}
      </div>`);
      const banner = page.querySelector<CandorBanner>('candor-banner')!;
      await settle(banner);
      const buttons = Array.from(page.querySelectorAll<HTMLButtonElement>('.page-button'));
      buttons[0]!.focus();
      for (const button of buttons.slice(1)) {
        await sendKeys({ press: 'Tab' });
        expectFocused(button);
        await settle(banner);
        const region = part(banner, 'base').getBoundingClientRect();
        const rect = button.getBoundingClientRect();
        const hiddenBehind = rect.top >= region.top - 0.5 && rect.bottom <= region.bottom + 0.5 && overlaps(rect, region);
        expect(hiddenBehind, `${button.textContent} is entirely behind the banner`).to.equal(false);
        expect(rect.bottom <= window.innerHeight && rect.top >= 0, `${button.textContent} is in the viewport`).to.equal(true);
      }
      window.scrollTo(0, 0);
    });

    // `auto` is checked under an emulated dark colour scheme, the case its media query exists for.
    const themes = ['auto', 'light', 'dark', 'high-contrast'] as const;
    for (const theme of themes) {
      for (const variant of ['region', 'modal'] as const) {
        const title = theme === 'auto' ? 'auto theme in a dark colour scheme' : `${theme} theme`;
        it(`gives Accept all, Reject all and Let me choose equal prominence: ${title}, ${variant}`, async function () {
          const emulated = theme === 'auto' && (await prefersDark(true));
          if (theme === 'auto' && !emulated) {
            // Firefox over WebDriver BiDi cannot emulate prefers-color-scheme; the dark
            // colours themselves are checked by the `dark` theme case in every engine.
            this.skip();
          }
          try {
            const { banner } = await mount({ attributes: { theme, modal: variant === 'modal' } });
            expectEqualProminence(choices(banner), `${theme} ${variant}`);
            part(banner, 'reject-button').click();
            await settle(banner);
            expectEqualProminence([part(banner, 'change-button'), part(banner, 'hide-button')], `${theme} ${variant} confirmation`);
          } finally {
            if (emulated) await prefersDark(false);
          }
        });
      }
    }

    it('keeps equal prominence at 320 px, where the choices stack', async () => {
      await setViewport({ width: 320, height: 640 });
      const { banner } = await mount();
      const buttons = choices(banner);
      expectEqualProminence(buttons, '320px');
      expect(buttons.every((button) => button.getBoundingClientRect().right <= 320)).to.equal(true);
    });

    for (const width of [320, 1024]) {
      it(`loses no content with WCAG 1.4.12 text spacing at ${width} px (prompt, policy change, GPC, confirmation)`, async () => {
        await setViewport({ width, height: 700 });
        const { banner } = await mount({ before: decidedUnderVersion1, gpc: true });
        const remove = applyTextSpacing([banner]);
        try {
          await settle(banner);
          expect(clippedText(banner, part(banner, 'panel'))).to.deep.equal([]);
          expectEqualProminence(choices(banner), 'text spacing');
          part(banner, 'accept-button').click();
          await settle(banner);
          expect(clippedText(banner, part(banner, 'panel'))).to.deep.equal([]);
        } finally {
          remove();
        }
      });
    }

    it('fits a 320 px viewport without horizontal scrolling, modal included', async () => {
      await setViewport({ width: 320, height: 640 });
      for (const modal of [false, true]) {
        const { banner } = await mount({ attributes: { modal } });
        const base = part(banner, 'base').getBoundingClientRect();
        expect(base.left).to.be.at.least(0);
        expect(base.right).to.be.at.most(320);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        expect(clippedText(banner, part(banner, 'panel'))).to.deep.equal([]);
      }
    });

    it('lets the text scroll by keyboard when it overflows (it becomes a tab stop)', async () => {
      await setViewport({ width: 320, height: 480 });
      const { banner } = await mount();
      const scroll = banner.shadowRoot!.querySelector<HTMLElement>('.scroll')!;
      expect(scroll.scrollHeight).to.be.greaterThan(scroll.clientHeight);
      await settle(banner);
      expect(scroll.tabIndex).to.equal(0);
      expect(scroll.getAttribute('aria-labelledby')).to.equal('title');
    });
  });
});
