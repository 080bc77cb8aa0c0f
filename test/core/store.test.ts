import { expect } from '@open-wc/testing';
import {
  CandorConsentChangeEvent,
  CandorConsentProblemEvent,
  DEFAULT_STORAGE_KEY,
  destroyConsentStore,
  getConsentStore,
  parseRecord,
  PolicyError,
  type ConsentState,
} from '../../src/core/index.js';
import { ALL_PRESETS, cleanup, DAY, freshStore, onCleanup, OPTIONAL_PURPOSES, recordEvents, recordWarnings, stubProperty, uniqueKey } from './fixtures/store.js';

const ALL_REFUSED = { necessary: true, functional: false, personalization: false, analytics: false, advertising: false };
const ALL_GRANTED = { necessary: true, functional: true, personalization: true, analytics: true, advertising: true };

describe('store', () => {
  afterEach(cleanup);

  describe('one store per page and key', () => {
    it('returns the same store for the same key, and another for another key', () => {
      const key = uniqueKey();
      const store = getConsentStore({ key });
      expect(getConsentStore({ key })).to.equal(store);
      expect(getConsentStore({ key: uniqueKey() })).to.not.equal(store);
      destroyConsentStore(key);
      expect(getConsentStore({ key })).to.not.equal(store);
      destroyConsentStore(key);
    });

    it('uses the key "candor-consent" by default', () => {
      const store = getConsentStore();
      expect(store.key).to.equal('candor-consent');
      expect(DEFAULT_STORAGE_KEY).to.equal('candor-consent');
      expect(getConsentStore({ key: undefined })).to.equal(store);
      destroyConsentStore();
    });

    it('keeps its stores in a registry on globalThis that a second copy of Candor finds', () => {
      const { store, key } = freshStore();
      const registry = (globalThis as Record<symbol, unknown>)[Symbol.for('candor.stores')] as Map<string, { store: unknown }>;
      expect(registry.get(key)?.store).to.equal(store);
    });

    it('refuses a key that cannot name storage', () => {
      expect(() => getConsentStore({ key: 'my key;' })).to.throw('Candor: key "my key;" must be 1 to 64 letters, digits, ".", "_" or "-"');
    });
  });

  describe('without a policy', () => {
    it('grants nothing and asks nothing', () => {
      const key = uniqueKey();
      const store = getConsentStore({ key });
      try {
        expect(store.policy).to.equal(null);
        expect(store.decisions).to.deep.equal({});
        expect(store.isGranted('analytics')).to.equal(false);
        expect(store.prompt).to.deep.equal({ needed: false, reason: null, changes: null });
        expect(() => store.acceptAll()).to.throw('Candor: acceptAll() needs a policy first: store.configure({ policy })');
      } finally {
        destroyConsentStore(key);
      }
    });
  });

  describe('decisions', () => {
    it('starts with required purposes on, everything else off, and a prompt', () => {
      const { store } = freshStore();
      expect(store.decisions).to.deep.equal(ALL_REFUSED);
      expect(store.record).to.equal(null);
      expect(store.prompt).to.deep.equal({ needed: true, reason: 'no-record', changes: null });
      expect(store.history).to.deep.equal([]);
    });

    it('accepts all', () => {
      const { store } = freshStore();
      store.acceptAll();
      expect(store.decisions).to.deep.equal(ALL_GRANTED);
      for (const id of OPTIONAL_PURPOSES) expect(store.isGranted(id), id).to.equal(true);
      expect(store.prompt.needed).to.equal(false);
    });

    it('rejects all as easily', () => {
      const { store } = freshStore();
      store.acceptAll();
      const detail = store.rejectAll();
      expect(store.decisions).to.deep.equal(ALL_REFUSED);
      expect(detail.changed).to.deep.equal(OPTIONAL_PURPOSES);
      expect(store.prompt.needed).to.equal(false);
    });

    it('sets some purposes and keeps the others', () => {
      const { store } = freshStore();
      store.set({ analytics: true });
      store.set({ functional: true });
      expect(store.decisions).to.deep.equal({ ...ALL_REFUSED, analytics: true, functional: true });
      const detail = store.set({ analytics: false });
      expect(detail.changed).to.deep.equal(['analytics']);
      expect(store.decisions).to.deep.equal({ ...ALL_REFUSED, functional: true });
    });

    it('withdraws everything that is not required, with the source given', () => {
      const { store } = freshStore();
      store.acceptAll({ source: 'banner' });
      const detail = store.withdraw({ source: 'preferences' });
      expect(store.decisions).to.deep.equal(ALL_REFUSED);
      expect(detail.source).to.equal('preferences');
      expect(store.record?.source).to.equal('preferences');
    });

    it('keeps required purposes on whatever it is told', () => {
      const { store } = freshStore();
      store.set({ necessary: false, analytics: true });
      expect(store.isGranted('necessary')).to.equal(true);
      store.rejectAll();
      expect(store.isGranted('necessary')).to.equal(true);
      expect(store.record?.decisions.necessary).to.equal(true);
    });

    it('throws on a purpose the policy does not have, naming it', () => {
      const { store } = freshStore();
      expect(() => store.set({ analytcs: true })).to.throw(
        'Candor: set() was given "analytcs", which is not a purpose of policy "1" (necessary, functional, personalization, analytics, advertising)',
      );
      expect(() => store.set({ analytics: 'yes' as unknown as boolean })).to.throw('Candor: set() needs true or false for "analytics" (got string)');
      expect(store.record).to.equal(null);
    });

    it('throws on an unknown source', () => {
      const { store } = freshStore();
      expect(() => store.acceptAll({ source: 'popup' as 'api' })).to.throw(
        'Candor: acceptAll() source "popup" must be one of banner, preferences, why, api, gpc',
      );
    });

    it('never reads an inherited or unknown name as granted', () => {
      const { store } = freshStore();
      store.acceptAll();
      for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'newsletter', '']) {
        expect(store.isGranted(id), id).to.equal(false);
      }
    });

    it('hands out copies that cannot change its state', () => {
      const { store } = freshStore();
      store.rejectAll();
      const decisions = store.decisions;
      decisions.analytics = true;
      expect(store.isGranted('analytics')).to.equal(false);
      expect(() => {
        (store.record!.decisions as Record<string, boolean>).analytics = true;
      }).to.throw(TypeError);
    });
  });

  describe('records', () => {
    it('makes a new record for each decision', () => {
      const { store, clock } = freshStore({ expiresAfterDays: 182 });
      store.acceptAll({ source: 'banner' });
      const record = store.record!;
      expect(record).to.include({ schema: 1, policyVersion: '1', source: 'banner', gpc: false, locale: 'en' });
      expect(record.decidedAt).to.equal(new Date(clock.time).toISOString());
      expect(record.expiresAt).to.equal(new Date(clock.time + 182 * DAY).toISOString());
      expect(Object.keys(record.purposes)).to.deep.equal(Object.keys(ALL_GRANTED));
      expect(record.purposes.analytics).to.equal(store.policy!.purposes.find((purpose) => purpose.id === 'analytics')!.fingerprint);
      clock.advanceDays(1);
      store.acceptAll();
      expect(store.record!.receiptId).to.not.equal(record.receiptId);
      expect(store.record!.history[0]!.receiptId).to.equal(record.receiptId);
    });

    it('writes the record to storage', () => {
      const { store, key } = freshStore();
      store.set({ analytics: true });
      const stored = parseRecord(localStorage.getItem(key), Date.now());
      expect(stored.record).to.deep.equal(store.record);
    });

    it('reads the stored record when a page opens', () => {
      const { store, key } = freshStore();
      store.set({ personalization: true });
      const receiptId = store.record!.receiptId;
      destroyConsentStore(key);
      const reopened = freshStore({}, key).store;
      expect(reopened).to.not.equal(store);
      expect(reopened.record?.receiptId).to.equal(receiptId);
      expect(reopened.isGranted('personalization')).to.equal(true);
      expect(reopened.prompt.needed).to.equal(false);
    });

    it('lists the history newest first, current decision included, 20 earlier ones at most', () => {
      const { store, clock } = freshStore();
      const receipts: string[] = [];
      for (let index = 0; index < 25; index++) {
        clock.time += 1000;
        receipts.unshift((index % 2 ? store.acceptAll() : store.rejectAll()).receiptId);
      }
      expect(store.record!.history).to.have.length(20);
      expect(store.history.map((entry) => entry.receiptId)).to.deep.equal(receipts.slice(0, 21));
      expect(store.history[0]!.decisions).to.deep.equal(ALL_REFUSED);
      expect(store.history[1]!.decisions).to.deep.equal(ALL_GRANTED);
    });

    it('exports the record and what the policy said as JSON', () => {
      const { store, key } = freshStore();
      const empty = JSON.parse(store.exportRecord());
      expect(empty.record).to.equal(null);
      expect(empty.policy.version).to.equal('1');
      store.set({ analytics: true });
      const exported = JSON.parse(store.exportRecord());
      expect(exported.storageKey).to.equal(key);
      expect(exported.record).to.deep.equal(JSON.parse(JSON.stringify(store.record)));
      const analytics = exported.policy.purposes.find((purpose: { id: string }) => purpose.id === 'analytics');
      expect(analytics).to.include({ label: 'Analytics', granted: true, legalBasis: 'consent' });
      // What the visitor was told and the decision, nothing internal (preset, fingerprint).
      expect(Object.keys(analytics)).to.deep.equal([
        'id', 'label', 'description', 'required', 'dataCategories', 'retention', 'recipients', 'legalBasis', 'saleOrShare', 'granted',
      ]);
      expect(analytics.description).to.be.a('string').and.not.equal('');
      expect(exported.policy.purposes.find((purpose: { id: string }) => purpose.id === 'functional').granted).to.equal(false);
    });
  });

  describe('change events', () => {
    it('carry the decision as plain JSON', () => {
      const { store, clock, key } = freshStore();
      const events = recordEvents<CandorConsentChangeEvent>(document, 'candor-consent-change');
      const detail = store.set({ analytics: true }, { source: 'preferences' });
      expect(events).to.have.length(1);
      expect(events[0]).to.be.instanceOf(CandorConsentChangeEvent);
      expect(events[0]!.detail).to.equal(detail);
      expect(detail).to.deep.equal({
        receiptId: store.record!.receiptId,
        policyVersion: '1',
        decisions: { ...ALL_REFUSED, analytics: true },
        changed: ['analytics'],
        previous: ALL_REFUSED,
        source: 'preferences',
        gpc: false,
        locale: 'en',
        decidedAt: new Date(clock.time).toISOString(),
        expiresAt: new Date(clock.time + 182 * DAY).toISOString(),
        persisted: true,
        storage: 'local',
        storeKey: key,
        fromOtherTab: false,
      });
      expect(JSON.parse(JSON.stringify(detail))).to.deep.equal(detail);
    });

    it('fire after the record is written', () => {
      const { store, key } = freshStore();
      let storedAtEvent: string | null = null;
      const listener = () => {
        storedAtEvent = localStorage.getItem(key);
      };
      document.addEventListener('candor-consent-change', listener);
      try {
        const detail = store.acceptAll();
        expect(parseRecord(storedAtEvent, Date.now()).record?.receiptId).to.equal(detail.receiptId);
      } finally {
        document.removeEventListener('candor-consent-change', listener);
      }
    });

    it('fire even when nothing changed: the visitor confirmed', () => {
      const { store } = freshStore();
      const first = store.rejectAll();
      const events = recordEvents<CandorConsentChangeEvent>(document, 'candor-consent-change');
      const second = store.rejectAll();
      expect(events).to.have.length(1);
      expect(second.changed).to.deep.equal([]);
      expect(second.receiptId).to.not.equal(first.receiptId);
    });

    it('bubble from the element the visitor used, out of its shadow root', () => {
      const { store } = freshStore();
      const host = document.createElement('div');
      const button = document.createElement('button');
      host.attachShadow({ mode: 'open' }).append(button);
      document.body.append(host);
      try {
        const origins: EventTarget[] = [];
        const listener = (event: Event) => origins.push(event.composedPath()[0]!);
        document.addEventListener('candor-consent-change', listener);
        onCleanup(() => document.removeEventListener('candor-consent-change', listener));
        store.acceptAll({ source: 'banner', origin: button });
        expect(origins).to.have.length(1);
        expect(origins[0] === button, 'dispatched from the button').to.equal(true);
      } finally {
        host.remove();
      }
    });

    it('come from the event target when the element is no longer in the page', () => {
      const { store } = freshStore();
      const events = recordEvents<CandorConsentChangeEvent>(document, 'candor-consent-change');
      store.acceptAll({ origin: document.createElement('button') });
      expect(events).to.have.length(1);
      expect(events[0]!.target === document, 'dispatched from document').to.equal(true);
    });

    it('go to the configured event target', () => {
      const target = new EventTarget();
      const { store } = freshStore({ eventTarget: target });
      const onTarget = recordEvents(target, 'candor-consent-change');
      const onDocument = recordEvents(document, 'candor-consent-change');
      store.acceptAll();
      expect(onTarget).to.have.length(1);
      expect(onDocument).to.have.length(0);
    });
  });

  describe('subscribers', () => {
    it('are called after every change with the new state, until they unsubscribe', () => {
      const { store } = freshStore();
      const states: ConsentState[] = [];
      const unsubscribe = store.subscribe((state) => states.push(state));
      store.set({ analytics: true });
      expect(states).to.have.length(1);
      expect(states[0]!.decisions.analytics).to.equal(true);
      expect(states[0]!.record).to.equal(store.record);
      expect(states[0]!.prompt.needed).to.equal(false);
      unsubscribe();
      store.rejectAll();
      expect(states).to.have.length(1);
    });

    it('are called when the configuration changes what they see, and only then', () => {
      const { store } = freshStore();
      let calls = 0;
      store.subscribe(() => void (calls += 1));
      store.configure({ policy: ALL_PRESETS });
      store.configure({ expiresAfterDays: 182 });
      expect(calls).to.equal(0);
      store.configure({ gpc: true });
      expect(calls).to.equal(1);
      store.configure({ policy: { version: '1', purposes: ['necessary', 'analytics'] } });
      expect(calls).to.equal(2);
    });

    it('are told when a policy arrives after they subscribed', () => {
      const key = uniqueKey();
      const store = getConsentStore({ key });
      const states: ConsentState[] = [];
      store.subscribe((state) => states.push(state));
      try {
        store.configure({ policy: ALL_PRESETS, gpc: false });
        expect(states).to.have.length(1);
        expect(states[0]!.decisions).to.deep.equal(ALL_REFUSED);
        expect(states[0]!.prompt.reason).to.equal('no-record');
      } finally {
        destroyConsentStore(key);
      }
    });

    it('cannot stop other subscribers or the event by throwing', () => {
      const { store } = freshStore();
      const reported: unknown[] = [];
      stubProperty(window, 'reportError', { value: (error: unknown) => reported.push(error), writable: true });
      let second = 0;
      store.subscribe(() => {
        throw new Error('broken subscriber');
      });
      store.subscribe(() => void (second += 1));
      const events = recordEvents(document, 'candor-consent-change');
      store.acceptAll();
      expect(second).to.equal(1);
      expect(events).to.have.length(1);
      expect((reported[0] as Error).message).to.equal('broken subscriber');
    });
  });

  describe('configuration', () => {
    it('refuses an unknown option', () => {
      const { store } = freshStore();
      expect(() => store.configure({ expiresAfter: 10 } as never)).to.throw(
        'Candor: configure() has no option "expiresAfter"; options are policy, storage, cookie, expiresAfterDays, gpc, now, eventTarget',
      );
    });

    it('requires expiresAfterDays between 1 and 395', () => {
      const { store } = freshStore();
      expect(() => store.configure({ expiresAfterDays: 0 })).to.throw('Candor: expiresAfterDays must be a number of days from 1 to 395 (got 0)');
      expect(() => store.configure({ expiresAfterDays: 396 })).to.throw('Candor: expiresAfterDays must be a number of days from 1 to 395 (got 396)');
      store.configure({ expiresAfterDays: 395 });
    });

    it('leaves everything as it was when a policy is invalid', () => {
      const { store } = freshStore();
      const policy = store.policy;
      expect(() => store.configure({ gpc: true, policy: { version: '2', purposes: ['marketing'] } as never })).to.throw(PolicyError);
      expect(store.policy).to.equal(policy);
      expect(store.gpc).to.equal(false);
    });

    it('keeps the policy object when the same policy is configured again', () => {
      const { store } = freshStore();
      const policy = store.policy;
      store.configure({ policy: { ...ALL_PRESETS } });
      expect(store.policy).to.equal(policy);
    });

    it('warns once when a different policy version replaces the first', () => {
      const { store } = freshStore();
      const warnings = recordWarnings();
      store.configure({ policy: { version: '2', purposes: ['necessary'] } });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('policy version "2" replaces version "1"');
      expect(store.policy!.version).to.equal('2');
    });
  });

  describe('policy changes', () => {
    const chat = { id: 'chat', label: 'Chat', description: 'Live chat with our team.' };

    it('asks again, listing purposes added, removed and reworded', () => {
      const { store } = freshStore({ policy: { version: '1', purposes: ['necessary', 'personalization', 'analytics', chat] } });
      store.acceptAll();
      const warnings = recordWarnings();
      store.configure({ policy: { version: '2', purposes: ['necessary', 'personalization', { id: 'analytics', retention: '25 months' }, 'advertising'] } });
      expect(warnings).to.have.length(1);
      expect(store.prompt).to.deep.equal({
        needed: true,
        reason: 'policy-changed',
        changes: { added: ['advertising'], removed: ['chat'], reworded: ['analytics'] },
      });
      // What the visitor agreed to still holds; a reworded purpose waits for a new answer.
      expect(store.decisions).to.deep.equal({ necessary: true, personalization: true, analytics: false, advertising: false });
      store.acceptAll();
      expect(store.prompt.needed).to.equal(false);
    });

    it('asks again when only the version changed', () => {
      const { store } = freshStore();
      store.acceptAll();
      recordWarnings();
      store.configure({ policy: { ...ALL_PRESETS, version: '2' } });
      expect(store.prompt).to.deep.equal({ needed: true, reason: 'policy-changed', changes: { added: [], removed: [], reworded: [] } });
      expect(store.isGranted('analytics')).to.equal(true);
    });

    it('asks again when a purpose is reworded under the same version', () => {
      const { store } = freshStore({ policy: { version: '1', purposes: ['necessary', chat] } });
      store.acceptAll();
      store.configure({ policy: { version: '1', purposes: ['necessary', { ...chat, description: 'Live chat with a bot.' }] } });
      expect(store.prompt).to.deep.equal({ needed: true, reason: 'policy-changed', changes: { added: [], removed: [], reworded: ['chat'] } });
      expect(store.isGranted('chat')).to.equal(false);
    });

    it('does not ask about a required purpose alone, but lists it with other changes', () => {
      const { store } = freshStore({ policy: { version: '1', purposes: ['analytics'] } });
      store.acceptAll();
      store.configure({ policy: { version: '1', purposes: ['necessary', 'analytics'] } });
      expect(store.prompt.needed).to.equal(false);
      recordWarnings();
      store.configure({ policy: { version: '2', purposes: ['necessary', 'analytics', 'functional'] } });
      expect(store.prompt.changes).to.deep.equal({ added: ['necessary', 'functional'], removed: [], reworded: [] });
    });

    it('asks nothing when every purpose is required', () => {
      const { store } = freshStore({ policy: { version: '1', purposes: ['necessary'] } });
      expect(store.prompt).to.deep.equal({ needed: false, reason: null, changes: null });
      expect(store.isGranted('necessary')).to.equal(true);
    });
  });

  describe('a stored record that cannot be trusted', () => {
    it('is no consent, reported once, and kept until the visitor decides', () => {
      const key = uniqueKey();
      localStorage.setItem(key, '{"schema":1,"decisions":{"analytics":true}}');
      const warnings = recordWarnings();
      const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
      const { store } = freshStore({}, key);
      expect(store.isGranted('analytics')).to.equal(false);
      expect(store.prompt).to.deep.equal({ needed: true, reason: 'invalid-record', changes: null });
      store.configure({ policy: { version: '1', purposes: ['necessary', 'analytics'] } });
      expect(problems).to.have.length(1);
      expect(problems[0]!.detail).to.deep.equal({
        kind: 'invalid-record',
        message: 'Candor: the stored consent record is not valid: the record has no "receiptId". No consent is assumed until the visitor chooses again.',
        storage: 'local',
        key,
      });
      expect(warnings).to.deep.equal([problems[0]!.detail.message]);
      expect(localStorage.getItem(key)).to.equal('{"schema":1,"decisions":{"analytics":true}}');
      store.rejectAll();
      expect(parseRecord(localStorage.getItem(key), Date.now()).record?.receiptId).to.equal(store.record!.receiptId);
      expect(store.prompt.needed).to.equal(false);
    });

    it('reports a tampered record as such', () => {
      const { store, key } = freshStore();
      store.rejectAll();
      destroyConsentStore(key);
      localStorage.setItem(key, localStorage.getItem(key)!.replace('"analytics":false', '"analytics":true'));
      recordWarnings();
      const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
      const reopened = freshStore({}, key).store;
      expect(reopened.isGranted('analytics')).to.equal(false);
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['tampered-record']);
      expect(reopened.prompt.reason).to.equal('invalid-record');
    });
  });
});
