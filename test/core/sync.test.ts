import { expect } from '@open-wc/testing';
import { serializeRecord, type CandorConsentChangeEvent, type ConsentStore } from '../../src/core/index.js';
import { createRecord } from '../../src/core/record.js';
import { openOtherPage, type OtherPage } from '../helpers/pages.js';
import { ALL_PRESETS, cleanup, DAY, freshStore, onCleanup, recordEvents } from './fixtures/store.js';

/** The next change event on `document` that came from another tab. */
function nextChangeFromOtherTab(timeout = 5000): Promise<CandorConsentChangeEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      document.removeEventListener('candor-consent-change', listener);
      reject(new Error('no change arrived from the other tab'));
    }, timeout);
    const listener = (event: CandorConsentChangeEvent) => {
      if (!event.detail.fromOtherTab) return;
      clearTimeout(timer);
      document.removeEventListener('candor-consent-change', listener);
      resolve(event);
    };
    document.addEventListener('candor-consent-change', listener);
  });
}

/** Code for the other page: its store for the key, configured like ours. */
function otherStore(key: string, storage: 'local' | 'memory'): string {
  return `
    const { getConsentStore } = await import('/src/core/index.ts');
    const store = getConsentStore({ key: ${JSON.stringify(key)} });
    store.configure({ gpc: false, storage: ${JSON.stringify(storage)}, policy: ${JSON.stringify(ALL_PRESETS)} });`;
}

/** Waits in the other page until its store holds the receipt, then says what it grants. */
function otherStoreState(key: string, storage: 'local' | 'memory', receiptId: string): string {
  return `(async () => {
    ${otherStore(key, storage)}
    for (let tries = 0; tries < 200 && store.record?.receiptId !== ${JSON.stringify(receiptId)}; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { receiptId: store.record?.receiptId ?? null, analytics: store.isGranted('analytics') };
  })()`;
}

/** A record of our policy decided at `time`, granting analytics or nothing, as another tab would post it. */
function recordAt(store: ConsentStore, time: number, analytics: boolean): string {
  return serializeRecord(
    createRecord({
      policyVersion: '1',
      purposes: Object.fromEntries(store.policy!.purposes.map((purpose) => [purpose.id, purpose.fingerprint])),
      // From the policy alone: reading store.decisions would make the store read storage.
      decisions: Object.fromEntries(store.policy!.purposes.map((purpose) => [purpose.id, purpose.required || (purpose.id === 'analytics' && analytics)])),
      source: 'preferences',
      gpc: false,
      gpcOverrides: [],
      locale: 'de',
      decidedAt: time,
      expiresAt: time + 182 * DAY,
      previous: null,
    }),
  );
}

describe('sync', () => {
  let other: OtherPage | null = null;

  afterEach(async () => {
    cleanup();
    await other?.close();
    other = null;
  });

  it('brings a decision made in another tab to this one without a reload, and back', async () => {
    const { store, key } = freshStore({ now: Date.now });
    other = await openOtherPage();
    const arrived = nextChangeFromOtherTab();
    const receiptId = await other.evaluate<string>(`(async () => {
      ${otherStore(key, 'local')}
      return store.acceptAll({ source: 'banner' }).receiptId;
    })()`);
    const event = await arrived;
    expect(event.detail).to.include({ receiptId, source: 'banner', fromOtherTab: true, persisted: true });
    expect(event.detail.changed).to.deep.equal(['functional', 'personalization', 'analytics', 'advertising']);
    expect(store.record?.receiptId).to.equal(receiptId);
    expect(store.isGranted('analytics')).to.equal(true);
    expect(store.prompt.needed).to.equal(false);

    const back = store.rejectAll({ source: 'preferences' });
    expect(await other.evaluate(otherStoreState(key, 'local', back.receiptId))).to.deep.equal({ receiptId: back.receiptId, analytics: false });
  });

  it('syncs through the channel when nothing is stored', async () => {
    const localKeys = Object.keys(localStorage).sort();
    const { store, key } = freshStore({ now: Date.now, storage: 'memory' });
    other = await openOtherPage();
    // Every expression returns a value: the page plugin takes `undefined` for an unknown command.
    expect(await other.evaluate(`(async () => { ${otherStore(key, 'memory')} return store.key; })()`)).to.equal(key);
    const detail = store.set({ analytics: true });
    expect(await other.evaluate(otherStoreState(key, 'memory', detail.receiptId))).to.deep.equal({ receiptId: detail.receiptId, analytics: true });
    const arrived = nextChangeFromOtherTab();
    await other.evaluate(`(async () => { ${otherStore(key, 'memory')} return store.withdraw({ source: 'preferences' }).receiptId; })()`);
    expect((await arrived).detail).to.include({ source: 'preferences', storage: 'memory', fromOtherTab: true });
    expect(store.isGranted('analytics')).to.equal(false);
    expect(Object.keys(localStorage).sort()).to.deep.equal(localKeys);
  });

  it('takes only valid records newer than its own, and sends nothing back', async () => {
    const { store, key, clock } = freshStore();
    store.set({ analytics: true });
    const ours = store.record!.receiptId;
    const channel = new BroadcastChannel(`candor:${key}`);
    onCleanup(() => channel.close());
    const echoed: unknown[] = [];
    channel.onmessage = (event) => echoed.push(event.data);
    const changes = recordEvents<CandorConsentChangeEvent>(document, 'candor-consent-change');

    const arrived = nextChangeFromOtherTab();
    channel.postMessage({ type: 'candor-record', record: recordAt(store, clock.time - 1000, false), persisted: true });
    channel.postMessage({ type: 'candor-record', record: '{"schema":1}', persisted: true });
    channel.postMessage({ type: 'other-library', record: recordAt(store, clock.time + 2000, false) });
    const newer = recordAt(store, clock.time + 1000, false);
    channel.postMessage({ type: 'candor-record', record: newer, persisted: false });
    const event = await arrived;

    expect(changes).to.have.length(1);
    expect(event.detail.receiptId).to.equal(JSON.parse(newer).receiptId);
    expect(event.detail.receiptId).to.not.equal(ours);
    expect(event.detail).to.include({ persisted: false, locale: 'de', fromOtherTab: true });
    expect(event.detail.changed).to.deep.equal(['analytics']);
    expect(store.isGranted('analytics')).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(echoed).to.deep.equal([]);
  });

  it('announces a record another tab stored before this tab first looked at consent', async () => {
    const { store, key, clock } = freshStore();
    const stored = recordAt(store, clock.time, true);
    localStorage.setItem(key, stored);
    const channel = new BroadcastChannel(`candor:${key}`);
    onCleanup(() => channel.close());
    const arrived = nextChangeFromOtherTab();
    channel.postMessage({ type: 'candor-record', record: stored, persisted: true });
    const event = await arrived;
    expect(event.detail).to.include({ receiptId: JSON.parse(stored).receiptId, fromOtherTab: true, persisted: true });
    expect(event.detail.changed).to.deep.equal(['analytics']);
    expect(store.isGranted('analytics')).to.equal(true);
  });

  it('takes a newer record from a storage event for its key only', () => {
    const { store, key, clock } = freshStore();
    const changes = recordEvents<CandorConsentChangeEvent>(document, 'candor-consent-change');
    const newer = recordAt(store, clock.time, true);
    window.dispatchEvent(new StorageEvent('storage', { key: `${key}-other`, newValue: newer, storageArea: localStorage }));
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: null, storageArea: localStorage }));
    expect(changes).to.have.length(0);
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: newer, storageArea: localStorage }));
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail.fromOtherTab).to.equal(true);
    expect(store.isGranted('analytics')).to.equal(true);
  });
});
