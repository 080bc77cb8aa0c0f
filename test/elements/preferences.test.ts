import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { destroyConsentStore, getConsentStore, type ConsentStore, type PolicyConfig } from '../../src/core/index.js';
import '../../src/define/candor-banner.js';
import '../../src/define/candor-preferences.js';
import type { CandorBanner } from '../../src/banner/banner.js';
import type { CandorPreferences } from '../../src/preferences/preferences.js';
import { CandorDataRequestEvent, type DataRequestAnswer } from '../../src/events/data-request.js';
import { CandorPreferencesRequestEvent } from '../../src/events/preferences-request.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import {
  tabTo,
  ActionCounter,
  applyTextSpacing,
  clippedText,
  destroyStores,
  expectEqualProminence,
  expectFocused,
  expectSame,
  freshKey,
  maybePart,
  part,
  settle,
  shiftTab,
  textOf,
} from '../helpers/consent-ui.js';
import { expectNoXss, resetXss, XSS_PAYLOADS } from '../helpers/xss.js';

const POLICY: PolicyConfig = {
  version: '2026-11',
  url: '/privacy',
  updated: '2026-11-01',
  purposes: ['necessary', 'functional', 'personalization', 'analytics', 'advertising'],
};

interface PanelOptions {
  policy?: PolicyConfig;
  gpc?: boolean;
  /** Decisions made before the test (each one a history entry). */
  decide?: (store: ConsentStore) => void;
  /** An earlier page view under another policy, whose record is in localStorage. */
  earlier?: { policy: PolicyConfig; decide: (store: ConsentStore) => void };
  storage?: 'memory' | 'local';
  theme?: string;
  dir?: 'ltr' | 'rtl';
}

interface Mounted {
  panel: CandorPreferences;
  store: ConsentStore;
  key: string;
  opener: HTMLButtonElement;
  link: HTMLAnchorElement;
}

/** A page with an opener button, a footer "Privacy choices" link and a privacy center, on a fresh store. */
async function mount(options: PanelOptions = {}): Promise<Mounted> {
  const key = freshKey();
  if (options.earlier) {
    const before = getConsentStore({ key });
    before.configure({ storage: 'local', gpc: false, policy: options.earlier.policy });
    options.earlier.decide(before);
    destroyConsentStore(key);
  }
  const store = getConsentStore({ key });
  const storage = options.storage ?? (options.earlier ? 'local' : 'memory');
  store.configure({ storage, gpc: options.gpc ?? false, policy: options.policy ?? POLICY });
  options.decide?.(store);
  const page = await fixture<HTMLDivElement>(html`<div dir=${options.dir ?? 'ltr'}>
    <button id="opener">Open privacy choices</button>
    <candor-preferences store-key=${key} theme=${options.theme ?? 'auto'}></candor-preferences>
    <footer><a href="/privacy" id="footer-link" data-candor-preferences=${key}>Privacy choices</a></footer>
  </div>`);
  const panel = page.querySelector<CandorPreferences>('candor-preferences')!;
  await settle(panel);
  return {
    panel,
    store,
    key,
    opener: page.querySelector<HTMLButtonElement>('#opener')!,
    link: page.querySelector<HTMLAnchorElement>('#footer-link')!,
  };
}

/** Opens the panel from the opener button, as a click would. */
async function open(mounted: Mounted, section?: string): Promise<void> {
  mounted.opener.focus();
  await mounted.panel.show({ opener: mounted.opener, section });
  await settle(mounted.panel);
}

function purposeSwitch(panel: CandorPreferences, id: string): HTMLElement {
  const label = panel.shadowRoot!.getElementById(`purpose-${id}-label`);
  if (!label) throw new Error(`no purpose "${id}"`);
  return label.closest('li')!.querySelector<HTMLElement>('[role="switch"]')!;
}

function switchStates(panel: CandorPreferences): Record<string, boolean> {
  return Object.fromEntries(
    Array.from(panel.shadowRoot!.querySelectorAll<HTMLElement>('[role="switch"]')).map((element) => [
      element.getAttribute('aria-labelledby')!.replace(/^purpose-|-label$/g, ''),
      element.getAttribute('aria-checked') === 'true',
    ]),
  );
}

/** Answers the next data request with `answer` (a promise, or a function making one). */
function answerDataRequests(answer: () => Promise<DataRequestAnswer>): { events: CandorDataRequestEvent[]; stop: () => void } {
  const events: CandorDataRequestEvent[] = [];
  const listener = (event: CandorDataRequestEvent) => {
    events.push(event);
    event.respondWith(answer());
  };
  document.addEventListener(CandorDataRequestEvent.type, listener);
  return { events, stop: () => document.removeEventListener(CandorDataRequestEvent.type, listener) };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}


afterEach(async () => {
  document.querySelectorAll('candor-preferences').forEach((panel) => (panel as CandorPreferences).close());
  destroyStores();
  await setViewport({ width: 800, height: 600 });
});

describe('<candor-preferences>', () => {
  describe('accessibility', () => {
    const never = () => new Promise<DataRequestAnswer>(() => {});
    const states: Record<string, (options: PanelOptions) => Promise<CandorPreferences>> = {
      'open on a first visit': async (options) => {
        const mounted = await mount(options);
        await open(mounted);
        return mounted.panel;
      },
      'a disclosure expanded': async (options) => {
        const mounted = await mount(options);
        await open(mounted, 'analytics');
        return mounted.panel;
      },
      'policy changed, GPC on': async (options) => {
        const mounted = await mount({
          ...options,
          gpc: true,
          earlier: { policy: { version: '1', purposes: ['necessary', 'analytics'] }, decide: (store) => store.acceptAll() },
        });
        await open(mounted);
        return mounted.panel;
      },
      'history shown': async (options) => {
        const mounted = await mount({
          ...options,
          decide: (store) => {
            store.acceptAll({ source: 'banner' });
            store.set({ analytics: false }, { source: 'preferences' });
            store.rejectAll({ source: 'preferences' });
          },
        });
        await open(mounted, 'history');
        return mounted.panel;
      },
      'data request pending': async (options) => {
        const mounted = await mount(options);
        await open(mounted);
        const answers = answerDataRequests(never);
        part(mounted.panel, 'access-button').click();
        answers.stop();
        await settle(mounted.panel);
        return mounted.panel;
      },
      'data request done': async (options) => {
        const mounted = await mount(options);
        await open(mounted);
        const answers = answerDataRequests(async () => ({ message: 'We will email you a copy within 30 days.', url: '/my-data.zip' }));
        part(mounted.panel, 'access-button').click();
        answers.stop();
        await waitFor(() => !!maybePart(mounted.panel, 'data-status')?.querySelector('a'), 'the answer');
        await settle(mounted.panel);
        return mounted.panel;
      },
      'data request failed': async (options) => {
        const mounted = await mount(options);
        await open(mounted);
        const answers = answerDataRequests(() => Promise.reject(new Error('offline')));
        part(mounted.panel, 'access-button').click();
        answers.stop();
        await waitFor(() => !!maybePart(mounted.panel, 'retry-button'), 'the failure');
        await settle(mounted.panel);
        return mounted.panel;
      },
      'data request not connected': async (options) => {
        const mounted = await mount(options);
        await open(mounted);
        part(mounted.panel, 'access-button').click();
        await waitFor(() => textOf(maybePart(mounted.panel, 'data-status')).includes('cannot take data requests'), 'the message');
        await settle(mounted.panel);
        return mounted.panel;
      },
      'delete confirmation': async (options) => {
        const mounted = await mount(options);
        await open(mounted);
        part(mounted.panel, 'delete-button').click();
        await settle(mounted.panel);
        return mounted.panel;
      },
      'personalization turned off': async (options) => {
        const mounted = await mount({ ...options, decide: (store) => store.acceptAll() });
        await open(mounted);
        part(mounted.panel, 'personalization-button').click();
        await settle(mounted.panel);
        return mounted.panel;
      },
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
          const panel = await make({ theme, dir });
          expect(part<HTMLDialogElement>(panel, 'base').open).to.equal(true);
          await expectNoAxeViolations(panel);
        });
      }
    }

    it('adds no landmark of its own, so a page with its own header stays free of landmark violations', async () => {
      const mounted = await mount();
      const page = mounted.opener.parentElement!;
      // The fixture's own small controls are not under test here: give them target size.
      for (const control of [mounted.opener, mounted.link]) {
        control.style.cssText = 'display: inline-block; min-block-size: 44px; min-inline-size: 44px; margin: 8px';
      }
      page.prepend(Object.assign(document.createElement('header'), { textContent: 'An example site' }));
      await open(mounted);
      await expectNoAxeViolations(page);
    });

    it('is a modal dialog named by its heading; focus moves to the heading and the page behind is inert', async () => {
      const mounted = await mount();
      await open(mounted);
      const dialog = part<HTMLDialogElement>(mounted.panel, 'base');
      expect(dialog.localName).to.equal('dialog');
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
      expectFocused(part(mounted.panel, 'title'));
      mounted.opener.focus();
      expectFocused(part(mounted.panel, 'title'), 'the page behind cannot take focus');
    });

    it('gives each optional purpose a switch named by its label, and required purposes "Always on" with no switch', async () => {
      const mounted = await mount();
      await open(mounted);
      const { panel } = mounted;
      const analytics = purposeSwitch(panel, 'analytics');
      expect(analytics.getAttribute('role')).to.equal('switch');
      expect(panel.shadowRoot!.getElementById(analytics.getAttribute('aria-labelledby')!)!.textContent).to.equal('Analytics');
      expect(panel.shadowRoot!.getElementById(analytics.getAttribute('aria-describedby')!)!.textContent).to.contain('Measures how the site is used');
      const necessary = panel.shadowRoot!.getElementById('purpose-necessary-label')!.closest('li')!;
      expect(necessary.querySelector('[role="switch"]')).to.equal(null);
      expect(textOf(necessary.querySelector('[part~="always-on"]'))).to.equal('Always on');
    });

    it('shows nothing pre-ticked on a first visit, and the earlier choices after a policy change', async () => {
      const first = await mount();
      await open(first);
      expect(switchStates(first.panel)).to.deep.equal({ functional: false, personalization: false, analytics: false, advertising: false });
      const changed = await mount({
        earlier: {
          policy: { ...POLICY, version: '1', purposes: ['necessary', 'analytics', 'personalization'] },
          decide: (store) => store.set({ analytics: true, personalization: false }),
        },
      });
      await open(changed);
      expect(switchStates(changed.panel)).to.deep.equal({ functional: false, personalization: false, analytics: true, advertising: false });
      expect(textOf(part(changed.panel, 'changes'))).to.contain('Our privacy policy has changed');
    });

    it('each purpose discloses its data, retention, recipients and legal basis', async () => {
      const mounted = await mount();
      await open(mounted, 'advertising');
      const details = purposeSwitch(mounted.panel, 'advertising').closest('li')!.querySelector('details')!;
      expect(details.open).to.equal(true);
      const text = textOf(details);
      for (const term of ['Data used', 'Kept for', 'Who receives it', 'Legal basis', 'Sale or sharing']) expect(text).to.contain(term);
    });

    it('renders host text as text, never as markup', async () => {
      resetXss();
      const payload = XSS_PAYLOADS[0]!;
      const mounted = await mount({
        policy: {
          version: '1',
          summary: payload,
          purposes: [{ id: 'custom', label: payload, description: payload, dataCategories: [payload], recipients: [payload], retention: payload }],
        },
      });
      await open(mounted, 'custom');
      const answers = answerDataRequests(async () => ({ message: XSS_PAYLOADS[1], url: 'javascript:window.__candorXss=true' }));
      part(mounted.panel, 'access-button').click();
      answers.stop();
      await waitFor(() => textOf(maybePart(mounted.panel, 'data-status')).includes('<script>'), 'the answer');
      expect(textOf(mounted.panel.shadowRoot!)).to.contain(payload);
      await expectNoXss(mounted.panel);
    });
  });

  describe('keyboard', () => {
    it('Space and Enter toggle a switch; Save choices records them and focus returns to the opener', async () => {
      const mounted = await mount();
      const { panel, store, opener } = mounted;
      await open(mounted);
      const analytics = purposeSwitch(panel, 'analytics');
      await tabTo(analytics);
      await sendKeys({ press: ' ' });
      await settle(panel);
      expect(analytics.getAttribute('aria-checked')).to.equal('true');
      expect(store.isGranted('analytics'), 'nothing is saved before Save').to.equal(false);
      const functional = purposeSwitch(panel, 'functional');
      functional.focus();
      await sendKeys({ press: 'Enter' });
      await settle(panel);
      expect(functional.getAttribute('aria-checked')).to.equal('true');
      await tabTo(part(panel, 'save-button'));
      await sendKeys({ press: 'Enter' });
      await settle(panel);
      expect(panel.open).to.equal(false);
      expect(store.decisions).to.deep.equal({ necessary: true, functional: true, personalization: false, analytics: true, advertising: false });
      expect(store.record?.source).to.equal('preferences');
      expectFocused(opener);
    });

    it('reaches every control with Tab and Shift+Tab', async () => {
      const mounted = await mount({ decide: (store) => store.acceptAll() });
      const { panel } = mounted;
      await open(mounted);
      const controls = Array.from(
        panel.shadowRoot!.querySelectorAll<HTMLElement>('dialog button, dialog a[href], dialog summary'),
      );
      const reached: HTMLElement[] = [];
      for (let presses = 0; presses < controls.length * 2 && reached.length < controls.length; presses++) {
        await sendKeys({ press: 'Tab' });
        const active = panel.shadowRoot!.activeElement as HTMLElement | null;
        if (active && controls.includes(active) && !reached.includes(active)) reached.push(active);
      }
      expect(reached.length, 'every control was reached').to.equal(controls.length);
      const last = panel.shadowRoot!.activeElement;
      await shiftTab();
      expect(panel.shadowRoot!.activeElement !== last && panel.shadowRoot!.contains(panel.shadowRoot!.activeElement)).to.equal(true);
    });

    it('Escape closes the panel without saving, and focus returns to the opener', async () => {
      const mounted = await mount();
      await open(mounted);
      purposeSwitch(mounted.panel, 'analytics').click();
      await sendKeys({ press: 'Escape' });
      await settle(mounted.panel);
      expect(mounted.panel.open).to.equal(false);
      expect(mounted.store.record).to.equal(null);
      expectFocused(mounted.opener);
    });

    it('Escape closes only the top layer: the delete confirmation first, then the panel', async () => {
      const mounted = await mount();
      await open(mounted);
      const deleteButton = part(mounted.panel, 'delete-button');
      deleteButton.focus();
      await sendKeys({ press: 'Enter' });
      await settle(mounted.panel);
      expect(deleteButton.getAttribute('aria-expanded')).to.equal('true');
      expectFocused(mounted.panel.shadowRoot!.getElementById('delete-question'));
      await sendKeys({ press: 'Escape' });
      await settle(mounted.panel);
      expect(mounted.panel.open, 'the panel stays open').to.equal(true);
      expect(maybePart(mounted.panel, 'confirm-delete-button')).to.equal(null);
      expectFocused(deleteButton);
      await sendKeys({ press: 'Escape' });
      await settle(mounted.panel);
      expect(mounted.panel.open).to.equal(false);
      expectFocused(mounted.opener);
    });

    it('a "Privacy choices" link with data-candor-preferences opens the panel with Enter, and gets focus back', async () => {
      const mounted = await mount();
      mounted.link.focus();
      await sendKeys({ press: 'Enter' });
      await settle(mounted.panel);
      expect(mounted.panel.open).to.equal(true);
      expect(location.pathname, 'the link did not navigate').not.to.equal('/privacy');
      await sendKeys({ press: 'Escape' });
      await settle(mounted.panel);
      expectFocused(mounted.link);
    });

    it('Turn off personalization works with one key press and the same control turns it back on', async () => {
      const mounted = await mount({ decide: (store) => store.set({ personalization: true, advertising: true, analytics: true }) });
      await open(mounted);
      const button = part(mounted.panel, 'personalization-button');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settle(mounted.panel);
      expect(mounted.store.decisions).to.include({ personalization: false, advertising: false, analytics: true });
      expect(textOf(part(mounted.panel, 'personalization-button'))).to.equal('Turn personalization back on');
      expectFocused(part(mounted.panel, 'personalization-button'));
      await sendKeys({ press: 'Enter' });
      await settle(mounted.panel);
      expect(mounted.store.decisions).to.include({ personalization: true, advertising: true, analytics: true });
      expect(textOf(part(mounted.panel, 'personalization-button'))).to.equal('Turn off personalization');
    });
  });

  describe('events', () => {
    it('answers a candor-preferences-request for its store, returns focus to the origin, and ignores other stores', async () => {
      const mounted = await mount();
      const other = new CandorPreferencesRequestEvent({ storeKey: 'some-other-store' });
      mounted.opener.dispatchEvent(other);
      expect(other.defaultPrevented).to.equal(false);
      expect(mounted.panel.open).to.equal(false);
      const mine = new CandorPreferencesRequestEvent({ storeKey: mounted.key, section: 'history' });
      mounted.opener.dispatchEvent(mine);
      expect(mine.defaultPrevented).to.equal(true);
      await settle(mounted.panel);
      expect(mounted.panel.open).to.equal(true);
      expect(part<HTMLDetailsElement>(mounted.panel, 'history').open, 'the section asked for is open').to.equal(true);
      expectFocused(mounted.panel.shadowRoot!.querySelector('[data-section="history"]'));
      mounted.panel.close();
      await settle(mounted.panel);
      expectFocused(mounted.opener);
    });

    it('Save choices dispatches candor-consent-change from the panel with what the store recorded', async () => {
      const mounted = await mount();
      await open(mounted);
      purposeSwitch(mounted.panel, 'analytics').click();
      await settle(mounted.panel);
      const heard = oneEvent(document, 'candor-consent-change');
      part(mounted.panel, 'save-button').click();
      const event = await heard;
      expectSame(event.target, mounted.panel, 'the event comes from the panel');
      expect(event.detail.source).to.equal('preferences');
      expect(event.detail.changed).to.deep.equal(['analytics']);
      expect(event.detail.decisions).to.deep.equal(mounted.store.decisions);
      expect(event.detail.receiptId).to.equal(mounted.store.record!.receiptId);
    });

    it('announces the saved choice after closing, in a status region outside the dialog', async () => {
      const mounted = await mount();
      mounted.link.click();
      await settle(mounted.panel);
      purposeSwitch(mounted.panel, 'analytics').click();
      await settle(mounted.panel);
      part(mounted.panel, 'save-button').click();
      await settle(mounted.panel);
      const status = Array.from(mounted.panel.shadowRoot!.children).find((child) => child.getAttribute('role') === 'status');
      expect(textOf(status)).to.equal('Your choices are saved. On: Analytics. Off: Preferences, Personalization, and Advertising.');
      expectFocused(mounted.link);
    });

    it('Accept all and Reject all in the panel go through the store', async () => {
      const mounted = await mount();
      await open(mounted);
      part(mounted.panel, 'accept-button').click();
      expect(mounted.store.isGranted('advertising')).to.equal(true);
      await open(mounted);
      part(mounted.panel, 'reject-button').click();
      expect(Object.values(mounted.store.decisions).filter(Boolean)).to.have.length(1);
      expect(mounted.store.history.map((entry) => entry.source)).to.deep.equal(['preferences', 'preferences']);
    });

    it('under Global Privacy Control, names what it turned off, and an explicit switch still grants it', async () => {
      const mounted = await mount({ gpc: true });
      await open(mounted);
      expect(textOf(part(mounted.panel, 'gpc-notice'))).to.contain('These stay off unless you turn them on yourself: Advertising');
      purposeSwitch(mounted.panel, 'advertising').click();
      await settle(mounted.panel);
      part(mounted.panel, 'save-button').click();
      expect(mounted.store.isGranted('advertising')).to.equal(true);
      expect(mounted.store.record?.gpcOverrides).to.deep.equal(['advertising']);
    });

    it('Get a copy of my data: pending, then done with the host message (as text) and link', async () => {
      const mounted = await mount({ decide: (store) => store.acceptAll() });
      await open(mounted);
      let resolve!: (answer: DataRequestAnswer) => void;
      const answers = answerDataRequests(() => new Promise((done) => (resolve = done)));
      part(mounted.panel, 'access-button').click();
      answers.stop();
      await settle(mounted.panel);
      const [event] = answers.events;
      expect(event!.detail.kind).to.equal('access');
      expect(event!.detail.receiptId).to.equal(mounted.store.record!.receiptId);
      expect(event!.detail.storeKey).to.equal(mounted.key);
      expect(event!.bubbles && event!.composed).to.equal(true);
      const status = part(mounted.panel, 'data-status');
      expect(status.getAttribute('role')).to.equal('status');
      expect(textOf(status)).to.contain('Sending your request for a copy of your data');
      resolve({ message: 'Your copy will be emailed to you.', url: '/exports/123.json' });
      await waitFor(() => textOf(status).includes('emailed'), 'done');
      await settle(mounted.panel);
      expect(status.querySelector('a')!.getAttribute('href')).to.equal('/exports/123.json');
    });

    it('Delete my data asks first, then sends a delete request; a failure offers Retry, which sends it again', async () => {
      const mounted = await mount();
      await open(mounted);
      let attempt = 0;
      const answers = answerDataRequests(() => (++attempt === 1 ? Promise.reject(new Error('down')) : Promise.resolve({ message: 'Deleted.' })));
      part(mounted.panel, 'delete-button').click();
      await settle(mounted.panel);
      expect(answers.events, 'nothing is sent before confirming').to.have.length(0);
      part(mounted.panel, 'confirm-delete-button').click();
      await waitFor(() => !!maybePart(mounted.panel, 'retry-button'), 'the failure');
      expect(answers.events[0]!.detail.kind).to.equal('delete');
      expect(textOf(part(mounted.panel, 'data-status'))).to.contain('could not be sent');
      part(mounted.panel, 'retry-button').click();
      await waitFor(() => textOf(maybePart(mounted.panel, 'data-status')).includes('Deleted.'), 'the retry');
      answers.stop();
      expect(answers.events).to.have.length(2);
      expect(answers.events[1]!.detail.kind).to.equal('delete');
    });

    it('a declined request shows the host reason, and with no handler the panel says it cannot take data requests yet', async () => {
      const mounted = await mount();
      await open(mounted);
      const answers = answerDataRequests(async () => ({ ok: false, message: 'Please sign in first.' }));
      part(mounted.panel, 'access-button').click();
      answers.stop();
      await waitFor(() => textOf(maybePart(mounted.panel, 'data-status')).includes('sign in'), 'the refusal');
      part(mounted.panel, 'access-button').click();
      await waitFor(() => textOf(maybePart(mounted.panel, 'data-status')).includes('cannot take data requests from here yet'), 'the message');
    });

    it('respondWith must be called during dispatch', async () => {
      const mounted = await mount();
      await open(mounted);
      const heard = oneEvent(document, CandorDataRequestEvent.type) as unknown as Promise<CandorDataRequestEvent>;
      part(mounted.panel, 'access-button').click();
      const event = await heard;
      await settle(mounted.panel);
      expect(() => event.respondWith(Promise.resolve())).to.throw(/synchronously/);
    });

    it('Download my consent record saves the store export as a JSON file', async () => {
      const mounted = await mount({ decide: (store) => store.acceptAll({ source: 'banner' }) });
      await open(mounted);
      let saved: { name: string; href: string } | null = null;
      const capture = (event: MouseEvent) => {
        const link = event.target;
        if (link instanceof HTMLAnchorElement && link.download) {
          event.preventDefault();
          saved = { name: link.download, href: link.href };
        }
      };
      document.addEventListener('click', capture, true);
      try {
        part(mounted.panel, 'download-button').click();
      } finally {
        document.removeEventListener('click', capture, true);
      }
      expect(saved).to.not.equal(null);
      const { name, href } = saved!;
      expect(name).to.equal(`consent-record-${mounted.store.record!.receiptId}.json`);
      const exported = JSON.parse(await (await fetch(href)).text());
      const expected = JSON.parse(mounted.store.exportRecord());
      expect(exported.record).to.deep.equal(expected.record);
      expect(exported.policy).to.deep.equal(expected.policy);
      expect(exported.record.receiptId).to.equal(mounted.store.record!.receiptId);
    });

    it('the history says when, how and what changed, newest first', async () => {
      const mounted = await mount({
        decide: (store) => {
          store.acceptAll({ source: 'banner' });
          store.set({ analytics: false }, { source: 'preferences' });
          store.set({}, { source: 'preferences' });
        },
      });
      await open(mounted, 'history');
      const entries = Array.from(mounted.panel.shadowRoot!.querySelectorAll('[part~="history-entry"]')).map((entry) => textOf(entry));
      expect(entries).to.have.length(3);
      expect(entries[0]).to.contain('No change: you confirmed your choices.');
      expect(entries[1]).to.contain('In your privacy choices').and.contain('Turned off: Analytics.');
      expect(entries[2]).to.contain('In the privacy banner').and.contain('First choice. On: Preferences, Personalization, Analytics, and Advertising');
      const time = mounted.panel.shadowRoot!.querySelector('[part~="history-entry"] time')!;
      expect(time.getAttribute('datetime')).to.equal(mounted.store.history[0]!.decidedAt);
    });
  });

  describe('persistence', () => {
    it('nothing is stored but the consent record, and no cookie is set', async () => {
      localStorage.clear();
      const cookies = document.cookie;
      const mounted = await mount({ storage: 'local' });
      await open(mounted);
      purposeSwitch(mounted.panel, 'analytics').click();
      part(mounted.panel, 'save-button').click();
      await open(mounted);
      maybePart(mounted.panel, 'personalization-button')?.click();
      expect(Object.keys(localStorage)).to.deep.equal([mounted.key]);
      expect(document.cookie).to.equal(cookies);
    });

    it('withdrawing takes no more actions than consenting did', async () => {
      // Consent, from a page where the visitor had refused: open the privacy choices, Accept all.
      const refused = await mount({ decide: (store) => store.rejectAll({ source: 'banner' }) });
      const giving = new ActionCounter();
      giving.click(refused.link);
      await settle(refused.panel);
      giving.click(part(refused.panel, 'accept-button'));
      expect(refused.store.isGranted('analytics')).to.equal(true);

      // Withdrawal, from a page with consent given: the same path with Reject all …
      const consented = await mount({ decide: (store) => store.acceptAll({ source: 'banner' }) });
      const withdrawing = new ActionCounter();
      withdrawing.click(consented.link);
      await settle(consented.panel);
      withdrawing.click(part(consented.panel, 'reject-button'));
      expect(Object.entries(consented.store.decisions).filter(([, on]) => on).map(([id]) => id)).to.deep.equal(['necessary']);
      expect(withdrawing.count).to.be.at.most(giving.count);

      // … and turning personalization off.
      const personalized = await mount({ decide: (store) => store.acceptAll({ source: 'banner' }) });
      const optingOut = new ActionCounter();
      optingOut.click(personalized.link);
      await settle(personalized.panel);
      optingOut.click(part(personalized.panel, 'personalization-button'));
      expect(personalized.store.isGranted('personalization') || personalized.store.isGranted('advertising')).to.equal(false);
      expect(optingOut.count).to.be.at.most(giving.count);
    });

    it('on a first visit, refusing in the banner takes exactly as many actions as accepting', async () => {
      const counts: number[] = [];
      for (const choice of ['accept-button', 'reject-button']) {
        const key = freshKey();
        getConsentStore({ key }).configure({ storage: 'memory', gpc: false });
        const banner = await fixture<CandorBanner>(html`<candor-banner store-key=${key} storage="memory" purposes="necessary analytics" policy-version="1"></candor-banner>`);
        await settle(banner);
        const counter = new ActionCounter();
        counter.click(part(banner, choice));
        expect(getConsentStore({ key }).record).to.not.equal(null);
        counts.push(counter.count);
      }
      expect(counts).to.deep.equal([1, 1]);
    });

    it('reads the record another page left: switches show the earlier choices', async () => {
      const key = freshKey();
      const earlier = getConsentStore({ key });
      earlier.configure({ storage: 'local', policy: POLICY, gpc: false });
      earlier.set({ functional: true });
      destroyConsentStore(key);
      getConsentStore({ key }).configure({ gpc: false, policy: POLICY });
      const panel = await fixture<CandorPreferences>(html`<candor-preferences store-key=${key}></candor-preferences>`);
      await panel.show();
      await settle(panel);
      expect(switchStates(panel)).to.deep.equal({ functional: true, personalization: false, analytics: false, advertising: false });
    });
  });

  describe('layout', () => {
    for (const theme of ['auto', 'light', 'dark', 'high-contrast']) {
      it(`gives Accept all, Reject all and Save choices equal prominence: ${theme} theme`, async () => {
        const mounted = await mount({ theme });
        await open(mounted);
        expectEqualProminence(
          ['accept-button', 'reject-button', 'save-button'].map((name) => part(mounted.panel, name)),
          theme,
        );
      });
    }

    for (const width of [320, 1024]) {
      it(`loses no content at ${width} px with WCAG 1.4.12 text spacing, every section open`, async () => {
        await setViewport({ width, height: 700 });
        const mounted = await mount({
          gpc: true,
          decide: (store) => {
            store.acceptAll({ source: 'banner' });
            store.set({ analytics: false }, { source: 'preferences' });
          },
        });
        await open(mounted, 'history');
        const remove = applyTextSpacing([mounted.panel]);
        try {
          mounted.panel.shadowRoot!.querySelectorAll('details').forEach((details) => (details.open = true));
          part(mounted.panel, 'delete-button').click();
          await settle(mounted.panel);
          const dialog = part(mounted.panel, 'base');
          expect(dialog.getBoundingClientRect().right).to.be.at.most(width);
          expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
          expect(clippedText(mounted.panel, part(mounted.panel, 'panel'))).to.deep.equal([]);
          expectEqualProminence(['accept-button', 'reject-button', 'save-button'].map((name) => part(mounted.panel, name)), `${width}px`);
        } finally {
          remove();
        }
      });
    }
  });
});
