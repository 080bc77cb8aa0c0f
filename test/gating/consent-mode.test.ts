import { expect } from '@open-wc/testing';
import {
  bridgeConsentMode,
  DEFAULT_CONSENT_MAPPING,
  type ConsentModeOptions,
  type ConsentModeState,
} from '../../src/gating/consent-mode.js';
import { destroyConsentStore } from '../../src/core/index.js';
import { ALL_PRESETS, cleanup, freshStore, onCleanup } from '../core/fixtures/store.js';
import { outsideRequests } from './helpers.js';

const ALL_DENIED: ConsentModeState = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

const ALL_GRANTED: ConsentModeState = {
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
  analytics_storage: 'granted',
  functionality_storage: 'granted',
  personalization_storage: 'granted',
  security_storage: 'granted',
};

/** Starts a bridge that is stopped on cleanup. */
function bridge(options: ConsentModeOptions): void {
  const running = bridgeConsentMode(options);
  onCleanup(() => running.stop());
}

function isArguments(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Arguments]';
}

/** The data layer's entries as plain arrays, after checking each is an `arguments` object as gtag pushes. */
function commands(dataLayer: unknown[]): unknown[][] {
  return dataLayer.map((entry, index) => {
    expect(isArguments(entry), `dataLayer[${index}] is an Arguments object`).to.equal(true);
    return Array.from(entry as IArguments);
  });
}

describe('bridgeConsentMode', () => {
  afterEach(cleanup);
  after(() => expect(outsideRequests()).to.deep.equal([]));

  describe('the default', () => {
    it('denies everything but security_storage at once, with wait_for_update', () => {
      const { store } = freshStore();
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer });
      expect(commands(dataLayer)).to.deep.equal([['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }]]);
    });

    it('takes another wait_for_update', () => {
      const { store } = freshStore();
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer, waitForUpdate: 2000 });
      expect(commands(dataLayer)).to.deep.equal([['consent', 'default', { ...ALL_DENIED, wait_for_update: 2000 }]]);
    });

    it('comes before the update from a stored decision', () => {
      const { store } = freshStore();
      store.acceptAll();
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer });
      expect(commands(dataLayer)).to.deep.equal([
        ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }],
        ['consent', 'update', ALL_GRANTED],
      ]);
    });

    it('is followed by an update for a stored refusal too, so tags stop waiting', () => {
      const { store } = freshStore();
      store.rejectAll();
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer });
      expect(commands(dataLayer)).to.deep.equal([
        ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }],
        ['consent', 'update', ALL_DENIED],
      ]);
    });

    it('goes to window.dataLayer, created when missing, without gtag', () => {
      const { store } = freshStore();
      const page = window as Window & { dataLayer?: unknown[] };
      const before = page.dataLayer;
      delete page.dataLayer;
      onCleanup(() => {
        page.dataLayer = before;
        if (before === undefined) delete page.dataLayer;
      });
      bridge({ store });
      expect(page.dataLayer).to.be.an('array');
      expect(commands(page.dataLayer!)).to.deep.equal([['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }]]);
    });

    it('goes through gtag when given, and nothing into dataLayer', () => {
      const { store } = freshStore();
      store.set({ analytics: true });
      const calls: unknown[][] = [];
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer, gtag: (...args: unknown[]) => void calls.push(args) });
      expect(calls).to.deep.equal([
        ['consent', 'default', { ...ALL_DENIED, wait_for_update: 500 }],
        ['consent', 'update', { ...ALL_DENIED, analytics_storage: 'granted' }],
      ]);
      expect(dataLayer).to.deep.equal([]);
    });
  });

  describe('updates', () => {
    it('follow every change of the decisions, and only changes', () => {
      const { store } = freshStore();
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer });
      store.set({ analytics: true });
      store.set({ analytics: true });
      store.set({ functional: true, personalization: true });
      store.withdraw();
      expect(commands(dataLayer).slice(1)).to.deep.equal([
        ['consent', 'update', { ...ALL_DENIED, analytics_storage: 'granted' }],
        ['consent', 'update', { ...ALL_DENIED, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }],
        ['consent', 'update', ALL_DENIED],
      ]);
    });

    it('grant a type only when every purpose mapped to it is granted', () => {
      const { store } = freshStore();
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer, mapping: { ad_user_data: ['advertising', 'personalization'] } });
      store.set({ advertising: true });
      store.set({ personalization: true });
      expect(commands(dataLayer).slice(1)).to.deep.equal([
        ['consent', 'update', { ...ALL_DENIED, ad_storage: 'granted', ad_personalization: 'granted' }],
        ['consent', 'update', { ...ALL_GRANTED, analytics_storage: 'denied', functionality_storage: 'denied' }],
      ]);
    });

    it('deny a type mapped to a purpose the policy lacks', () => {
      const { store } = freshStore();
      const dataLayer: unknown[] = [];
      bridge({ store, dataLayer, mapping: { analytics_storage: ['analytics', 'statistics'] } });
      store.acceptAll();
      expect(commands(dataLayer).slice(1)).to.deep.equal([['consent', 'update', { ...ALL_GRANTED, analytics_storage: 'denied' }]]);
    });

    it('wait for the policy when the page configures the store later', () => {
      const { store, key } = freshStore();
      store.acceptAll();
      // A new page: the record is stored, but the banner has not configured the policy yet.
      destroyConsentStore(key);
      const later = freshStore({ policy: undefined }, key).store;
      expect(later.record).to.not.equal(null);
      const dataLayer: unknown[] = [];
      bridge({ store: later, dataLayer });
      expect(commands(dataLayer)).to.have.length(1);
      later.configure({ policy: ALL_PRESETS });
      expect(commands(dataLayer).slice(1)).to.deep.equal([['consent', 'update', ALL_GRANTED]]);
    });

    it('stop when the bridge is stopped', () => {
      const { store } = freshStore();
      const dataLayer: unknown[] = [];
      bridgeConsentMode({ store, dataLayer }).stop();
      store.acceptAll();
      expect(dataLayer).to.have.length(1);
    });
  });

  describe('configuration', () => {
    it('maps the presets by default', () => {
      expect(DEFAULT_CONSENT_MAPPING).to.deep.equal({
        ad_storage: ['advertising'],
        ad_user_data: ['advertising'],
        ad_personalization: ['advertising'],
        analytics_storage: ['analytics'],
        functionality_storage: ['functional'],
        personalization_storage: ['personalization'],
        security_storage: [],
      });
    });

    it('refuses a bad mapping or option, naming it', () => {
      const { store } = freshStore();
      const bad: Array<[unknown, string]> = [
        [{ mapping: { analytics: ['analytics'] } }, 'Candor: bridgeConsentMode({ mapping }) has no consent type "analytics"; types are ad_storage, ad_user_data, ad_personalization, analytics_storage, functionality_storage, personalization_storage, security_storage'],
        [{ mapping: { analytics_storage: 'analytics' } }, 'Candor: bridgeConsentMode({ mapping }) mapping.analytics_storage must be a list of purpose ids, e.g. ["analytics"]'],
        [{ waitForUpdate: -1 }, 'Candor: bridgeConsentMode({ waitForUpdate }) must be a whole number of milliseconds (got -1)'],
        [{ gtag: 'gtag' }, 'Candor: bridgeConsentMode({ gtag }) must be the gtag function'],
        [{ dataLayer: {} }, 'Candor: bridgeConsentMode({ dataLayer }) must be an array'],
      ];
      for (const [options, message] of bad) {
        const dataLayer: unknown[] = [];
        expect(() => bridgeConsentMode({ store, dataLayer, ...(options as ConsentModeOptions) })).to.throw(message);
        expect(dataLayer, 'nothing sent').to.deep.equal([]);
      }
    });
  });
});
