// Storage that fails and clocks that lie, seen through the elements (issue 7). The store's
// own handling is tested in test/core/persistence.test.ts and store.test.ts; here the
// banner, the privacy center and the gates must keep working for the session and tell the
// visitor the truth: a choice that could not be stored is never called "saved", and a
// record that could not be trusted is reported and asked about again.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { destroyConsentStore, getConsentStore, type CandorConsentProblemEvent, type ConsentChangeDetail, type PolicyConfig } from '../../src/core/index.js';
import '../../src/define/candor-banner.js';
import '../../src/define/candor-preferences.js';
import { gateScripts } from '../../src/gating/scripts.js';
import type { CandorBanner } from '../../src/banner/banner.js';
import type { CandorPreferences } from '../../src/preferences/preferences.js';
import { cleanup, DAY, onCleanup, recordEvents, recordWarnings, stubProperty, uniqueKey } from '../core/fixtures/store.js';
import { part, settle, textOf } from '../helpers/consent-ui.js';
import { bringTestPageToFront, openOtherPage } from '../helpers/pages.js';

declare global {
  interface Window {
    faultGateRan?: boolean;
  }
}

const POLICY: PolicyConfig = { version: '1', purposes: ['necessary', 'analytics'] };
const NOT_STORED = 'This browser would not let us store your choice, so it applies to this page only.';

interface Page {
  key: string;
  banner: CandorBanner;
  panel: CandorPreferences;
  problems: CandorConsentProblemEvent[];
  changes: Array<CustomEvent<ConsentChangeDetail>>;
}

/** A banner, a privacy center and a gated script on one key, as a site would put them. */
async function mountPage({ key = uniqueKey('fault'), storage = 'local' }: { key?: string; storage?: 'local' | 'cookie' } = {}): Promise<Page> {
  onCleanup(() => {
    destroyConsentStore(key);
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage is made to throw in some tests.
    }
    delete window.faultGateRan;
  });
  recordWarnings();
  const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
  const changes = recordEvents<CustomEvent<ConsentChangeDetail>>(document, 'candor-consent-change');
  const page = await fixture<HTMLDivElement>(html`<div>
    <candor-banner purposes="necessary analytics" policy-version="1" store-key=${key} storage=${storage}></candor-banner>
    <candor-preferences store-key=${key}></candor-preferences>
    <script type="text/plain" data-candor-purpose="analytics">window.faultGateRan = true;</script>
  </div>`);
  const gate = gateScripts({ store: getConsentStore({ key }), root: page });
  onCleanup(() => gate.stop());
  const banner = page.querySelector<CandorBanner>('candor-banner')!;
  const panel = page.querySelector<CandorPreferences>('candor-preferences')!;
  await settle(banner, panel);
  return { key, banner, panel, problems, changes };
}

/** The banner's heading and confirmation once a choice was made in it. */
async function chooseInBanner(banner: CandorBanner, button: 'accept-button' | 'reject-button'): Promise<string> {
  part(banner, button).click();
  await waitUntil(() => banner.shadowRoot!.querySelector('[part~="confirmation"]'), 'the confirmation');
  await settle(banner);
  return textOf(part(banner, 'confirmation'));
}

/** Opens the privacy center, turns analytics to `on`, saves; returns what it announced after closing. */
async function saveInPanel(panel: CandorPreferences, on: boolean): Promise<string> {
  await panel.show();
  const analytics = panel.shadowRoot!.querySelector<HTMLElement>('[role="switch"][aria-labelledby="purpose-analytics-label"]')!;
  if ((analytics.getAttribute('aria-checked') === 'true') !== on) analytics.click();
  await settle(panel);
  part(panel, 'save-button').click();
  await settle(panel);
  return textOf(panel.shadowRoot!.querySelector('[role="status"]'));
}

/** A record another visit left: the store on `key` decides with its clock at `at`, then forgets. */
function earlierVisit(key: string, at: number, decide: 'acceptAll' | 'rejectAll' = 'acceptAll'): void {
  const store = getConsentStore({ key });
  store.configure({ policy: POLICY, gpc: false, now: () => at });
  store[decide]();
  destroyConsentStore(key);
}

describe('hardening: storage faults and clock skew, through the elements', () => {
  afterEach(cleanup);

  describe('storage that fails', () => {
    it('storage quota exhausted: the choice applies for the session and is never called saved', async () => {
      stubProperty(Storage.prototype, 'setItem', {
        writable: true,
        value() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      });
      const { banner, panel, problems, changes, key } = await mountPage();
      expect(textOf(part(banner, 'title'))).to.equal('Can this site use your data?');
      const confirmation = await chooseInBanner(banner, 'accept-button');
      expect(confirmation).to.contain(NOT_STORED);
      expect(confirmation).to.contain('You accepted everything');
      expect(confirmation).not.to.match(/saved/i);
      expect(window.faultGateRan, 'the gated script runs for this page').to.equal(true);
      expect(changes.at(-1)!.detail.persisted).to.equal(false);
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['storage-write-failed']);
      expect(problems[0]!.detail.message).to.contain('QuotaExceededError');
      expect(localStorage.getItem(key)).to.equal(null);

      const announced = await saveInPanel(panel, false);
      expect(announced).to.contain(NOT_STORED);
      expect(announced).not.to.match(/saved/i);
      expect(getConsentStore({ key }).isGranted('analytics')).to.equal(false);
    });

    it('storage that throws on access: the banner still asks, and says the choice was not stored', async () => {
      stubProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
      const { banner, problems } = await mountPage();
      expect(part(banner, 'reject-button')).to.exist;
      const confirmation = await chooseInBanner(banner, 'reject-button');
      expect(confirmation).to.contain(NOT_STORED);
      expect(confirmation).not.to.match(/saved/i);
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['storage-read-failed', 'storage-write-failed']);
      for (const problem of problems) expect(problem.detail.message).to.contain('SecurityError');
    });

    it('cookies that the browser silently drops: the write is noticed and reported, never called saved', async () => {
      const key = uniqueKey('fault');
      const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
      stubProperty(document, 'cookie', { get: () => real.get!.call(document), set: () => undefined });
      expect(navigator.cookieEnabled, 'the browser claims cookies work').to.equal(true);
      const { banner, problems, changes } = await mountPage({ key, storage: 'cookie' });
      const confirmation = await chooseInBanner(banner, 'accept-button');
      expect(confirmation).to.contain(NOT_STORED);
      expect(confirmation).not.to.match(/saved/i);
      expect(window.faultGateRan).to.equal(true);
      expect(changes.at(-1)!.detail).to.include({ persisted: false, storage: 'cookie' });
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['storage-write-failed']);
      expect(problems[0]!.detail.message).to.contain(`the browser did not keep the consent cookie "${key}"`);
      expect(real.get!.call(document)).not.to.contain(key);
    });

    it('says "saved" when the choice was stored (the check above can pass)', async () => {
      const { banner, panel, key } = await mountPage();
      const confirmation = await chooseInBanner(banner, 'accept-button');
      expect(textOf(part(banner, 'title'))).to.equal('Your privacy choices are saved');
      expect(confirmation).not.to.contain(NOT_STORED);
      expect(await saveInPanel(panel, false)).to.equal('You refused everything optional. Off: Analytics.');
      expect(JSON.parse(localStorage.getItem(key)!).decisions.analytics).to.equal(false);
    });
  });

  describe('clocks that lie', () => {
    it('a record decided in the future is not trusted: reported, and the banner asks again', async () => {
      const key = uniqueKey('fault');
      earlierVisit(key, Date.now() + 2 * DAY);
      const { banner, problems } = await mountPage({ key });
      expect(getConsentStore({ key }).isGranted('analytics')).to.equal(false);
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['invalid-record']);
      expect(problems[0]!.detail.message).to.contain('"decidedAt" of the record is in the future');
      expect(textOf(part(banner, 'title'))).to.equal('Can this site use your data?');
      expect(window.faultGateRan).to.equal(undefined);
      await chooseInBanner(banner, 'reject-button');
      expect(getConsentStore({ key }).prompt.needed).to.equal(false);
    });

    it('a record whose expiry has passed asks again and grants nothing meanwhile', async () => {
      const key = uniqueKey('fault');
      earlierVisit(key, Date.now() - 200 * DAY);
      const { banner, problems } = await mountPage({ key });
      expect(problems, 'an expired record is not a fault').to.deep.equal([]);
      expect(textOf(part(banner, 'title'))).to.equal('Please confirm your privacy choices');
      expect(textOf(part(banner, 'summary'))).to.contain('Your earlier choices have expired');
      expect(window.faultGateRan).to.equal(undefined);
      await chooseInBanner(banner, 'accept-button');
      expect(window.faultGateRan).to.equal(true);
    });

    it('the clock moved back between load and decision: the new decision wins here, in storage and in another tab', async () => {
      const key = uniqueKey('fault');
      const now = Date.now();
      earlierVisit(key, now - 60_000, 'rejectAll');
      let clock = now;
      getConsentStore({ key }).configure({ now: () => clock });
      const { panel } = await mountPage({ key });
      const other = await openOtherPage();
      onCleanup(() => void other.close());
      // A new tab comes to the front; this page's animation frames stop until it is back.
      await bringTestPageToFront();
      const otherReceipt = `(async () => {
        const { getConsentStore } = await import('/src/core/index.ts');
        const store = getConsentStore({ key: ${JSON.stringify(key)} });
        store.configure({ gpc: false, policy: ${JSON.stringify(POLICY)} });
        return store.record?.receiptId ?? null;
      })()`;
      const earlier = getConsentStore({ key }).record!.receiptId;
      expect(await other.evaluate(otherReceipt)).to.equal(earlier);

      clock = now - 60 * 60_000; // an hour back, before the record on file was decided
      expect(await saveInPanel(panel, true)).to.equal('You accepted everything. On: Analytics.');
      const decided = getConsentStore({ key }).record!;
      expect(decided.receiptId).not.to.equal(earlier);
      expect(JSON.parse(localStorage.getItem(key)!).receiptId).to.equal(decided.receiptId);
      await waitUntil(async () => (await other.evaluate(otherReceipt)) === decided.receiptId, 'the other tab takes the new decision', { timeout: 3000 });
    });

    it('the clock jumped forward before the decision: the choice applies, and the next visit reports it untrusted', async () => {
      const key = uniqueKey('fault');
      let clock = Date.now();
      getConsentStore({ key }).configure({ now: () => clock });
      const { banner } = await mountPage({ key });
      clock += 3 * DAY;
      await chooseInBanner(banner, 'accept-button');
      expect(window.faultGateRan).to.equal(true);

      destroyConsentStore(key);
      const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
      const nextVisit = getConsentStore({ key });
      nextVisit.configure({ policy: POLICY });
      expect(nextVisit.isGranted('analytics')).to.equal(false);
      expect(nextVisit.prompt.reason).to.equal('invalid-record');
      expect(problems.map((event) => event.detail.message)).to.deep.equal([
        'Candor: the stored consent record is not valid: "decidedAt" of the record is in the future. No consent is assumed until the visitor chooses again.',
      ]);
    });
  });
});
