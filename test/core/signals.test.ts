import { expect } from '@open-wc/testing';
import { destroyConsentStore, parseRecord, type CandorConsentChangeEvent } from '../../src/core/index.js';
import { cleanup, DAY, freshStore, recordEvents, stubProperty } from './fixtures/store.js';

describe('signals', () => {
  afterEach(cleanup);

  describe('expiry', () => {
    it('lasts 182 days by default, then asks again and grants nothing', () => {
      const { store, clock } = freshStore();
      const detail = store.acceptAll();
      expect(Date.parse(detail.expiresAt) - Date.parse(detail.decidedAt)).to.equal(182 * DAY);
      clock.time += 182 * DAY - 1;
      expect(store.isGranted('analytics')).to.equal(true);
      expect(store.prompt.needed).to.equal(false);
      clock.time += 1;
      expect(store.isGranted('analytics')).to.equal(false);
      expect(store.isGranted('necessary')).to.equal(true);
      expect(store.prompt).to.deep.equal({ needed: true, reason: 'expired', changes: null });
      expect(store.history).to.have.length(1);
    });

    it('lasts as many days as configured', () => {
      const { store, clock } = freshStore({ expiresAfterDays: 30 });
      store.set({ analytics: true });
      clock.advanceDays(29);
      expect(store.isGranted('analytics')).to.equal(true);
      clock.advanceDays(1);
      expect(store.prompt.reason).to.equal('expired');
      expect(store.isGranted('analytics')).to.equal(false);
    });

    it('starts again from the new decision', () => {
      const { store, clock } = freshStore({ expiresAfterDays: 30 });
      store.acceptAll();
      clock.advanceDays(31);
      const detail = store.rejectAll();
      expect(detail.previous.analytics).to.equal(false);
      expect(detail.expiresAt).to.equal(new Date(clock.time + 30 * DAY).toISOString());
      expect(store.prompt.needed).to.equal(false);
      expect(store.record!.history).to.have.length(1);
    });
  });

  describe('Global Privacy Control', () => {
    it('is read from navigator.globalPrivacyControl unless configured', () => {
      stubProperty(navigator, 'globalPrivacyControl', { value: true });
      const { store } = freshStore();
      expect(store.gpc).to.equal(false);
      store.configure({ gpc: undefined });
      expect(store.gpc).to.equal(false);
      const { store: unconfigured } = freshStore({ gpc: undefined });
      expect(unconfigured.gpc).to.equal(true);
    });

    it('keeps sale and share purposes out of "accept all" and says so in the record', () => {
      const { store } = freshStore({ gpc: true });
      const detail = store.acceptAll();
      expect(store.decisions).to.deep.equal({ necessary: true, functional: true, personalization: true, analytics: true, advertising: false });
      expect(detail.gpc).to.equal(true);
      expect(store.record).to.include({ gpc: true });
      expect(store.record!.gpcOverrides).to.deep.equal([]);
    });

    it('grants sale and share in "accept all" when it is off', () => {
      const { store } = freshStore({ gpc: false });
      store.acceptAll();
      expect(store.isGranted('advertising')).to.equal(true);
      expect(store.record).to.include({ gpc: false });
    });

    it('yields to an explicit choice of the visitor, recorded as an override', () => {
      const { store, key } = freshStore({ gpc: true });
      store.set({ advertising: true });
      expect(store.isGranted('advertising')).to.equal(true);
      expect(store.record!.gpcOverrides).to.deep.equal(['advertising']);
      store.acceptAll();
      store.set({ analytics: false });
      expect(store.isGranted('advertising')).to.equal(true);
      destroyConsentStore(key);
      const { store: reopened } = freshStore({ gpc: true }, key);
      expect(reopened.isGranted('advertising')).to.equal(true);
      expect(reopened.record!.source).to.equal('api');
    });

    it('forgets the override when the visitor refuses again', () => {
      const { store } = freshStore({ gpc: true });
      store.set({ advertising: true });
      store.set({ advertising: false });
      expect(store.record!.gpcOverrides).to.deep.equal([]);
      store.acceptAll();
      expect(store.isGranted('advertising')).to.equal(false);
      store.set({ advertising: true });
      store.rejectAll();
      store.acceptAll();
      expect(store.isGranted('advertising')).to.equal(false);
    });

    it('refuses, on load, a sale or share granted before the signal was on', () => {
      const { store, key, clock } = freshStore({ gpc: false });
      store.acceptAll({ source: 'banner' });
      const granted = store.record!;
      destroyConsentStore(key);
      clock.time += 1000;
      const events = recordEvents<CandorConsentChangeEvent>(document, 'candor-consent-change');
      const { store: reopened } = freshStore({ gpc: true, now: clock.now }, key);
      expect(reopened.isGranted('advertising')).to.equal(false);
      expect(reopened.isGranted('analytics')).to.equal(true);
      expect(reopened.record).to.include({ source: 'gpc', gpc: true, policyVersion: granted.policyVersion, expiresAt: granted.expiresAt });
      expect(reopened.record!.history[0]!.receiptId).to.equal(granted.receiptId);
      expect(parseRecord(localStorage.getItem(key), clock.time).record?.receiptId).to.equal(reopened.record!.receiptId);
      expect(events).to.have.length(1);
      expect(events[0]!.detail).to.include({ source: 'gpc', persisted: true, fromOtherTab: false });
      expect(events[0]!.detail.changed).to.deep.equal(['advertising']);
      expect(reopened.prompt.needed).to.equal(false);
    });

    it('leaves a record alone when it refuses sale and share already', () => {
      const { store, key } = freshStore({ gpc: false });
      store.set({ analytics: true });
      const receiptId = store.record!.receiptId;
      destroyConsentStore(key);
      const events = recordEvents(document, 'candor-consent-change');
      const { store: reopened } = freshStore({ gpc: true }, key);
      expect(reopened.record!.receiptId).to.equal(receiptId);
      expect(events).to.have.length(0);
    });
  });
});
