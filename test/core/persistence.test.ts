import { expect } from '@open-wc/testing';
import {
  cookieAdapter,
  destroyConsentStore,
  memoryAdapter,
  parseRecord,
  type CandorConsentProblemEvent,
  type ConsentStorage,
} from '../../src/core/index.js';
import { cleanup, freshStore, onCleanup, recordEvents, recordWarnings, stubProperty, uniqueKey } from './fixtures/store.js';

function throwing(name: 'SecurityError' | 'QuotaExceededError') {
  return () => {
    throw new DOMException(`${name} (test)`, name);
  };
}

/** Every cookie string the page assigns until cleanup, still passed on to the browser. */
function recordCookieWrites(): string[] {
  const writes: string[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  stubProperty(document, 'cookie', {
    get: () => descriptor.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      descriptor.set!.call(document, value);
    },
  });
  return writes;
}

function removeCookie(name: string): void {
  document.cookie = `${name}=; Max-Age=0; Path=/`;
}

describe('persistence', () => {
  afterEach(cleanup);

  describe('localStorage faults', () => {
    it('keeps working in memory when reading throws SecurityError', () => {
      stubProperty(Storage.prototype, 'getItem', { value: throwing('SecurityError'), writable: true });
      const warnings = recordWarnings();
      const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
      const { store, key } = freshStore();
      expect(store.record).to.equal(null);
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['storage-read-failed']);
      expect(problems[0]!.detail).to.include({ storage: 'local', key });
      expect(problems[0]!.detail.message).to.equal(
        'Candor: could not read the consent record from local storage (SecurityError: SecurityError (test)); choices are kept in memory until the page closes.',
      );
      expect(warnings).to.deep.equal([problems[0]!.detail.message]);
      expect(store.persistence).to.deep.equal({ kind: 'local', ok: false, problem: problems[0]!.detail.message });
      expect(store.prompt.reason).to.equal('no-record');
      store.acceptAll();
      expect(store.isGranted('analytics')).to.equal(true);
      expect(store.persistence.ok).to.equal(true);
    });

    for (const name of ['QuotaExceededError', 'SecurityError'] as const) {
      it(`keeps the decision in memory and says persisted: false when writing throws ${name}`, () => {
        const { store } = freshStore();
        stubProperty(Storage.prototype, 'setItem', { value: throwing(name), writable: true });
        const warnings = recordWarnings();
        const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
        const changes = recordEvents<CustomEvent>(document, 'candor-consent-change');
        const detail = store.acceptAll();
        expect(detail.persisted).to.equal(false);
        expect(changes[0]!.detail.persisted).to.equal(false);
        expect(store.isGranted('analytics')).to.equal(true);
        expect(problems).to.have.length(1);
        expect(problems[0]!.detail.kind).to.equal('storage-write-failed');
        expect(problems[0]!.detail.message).to.equal(
          `Candor: could not save the consent record to local storage (${name}: ${name} (test)); the choice is kept in memory and will be asked for again on the next visit.`,
        );
        expect(warnings).to.deep.equal([problems[0]!.detail.message]);
        expect(store.persistence).to.deep.equal({ kind: 'local', ok: false, problem: problems[0]!.detail.message });
      });
    }

    it('drops old history rather than the decision when storage is nearly full', () => {
      const { store, key, clock } = freshStore();
      for (let index = 0; index < 25; index++) {
        clock.time += 1000;
        store.acceptAll();
      }
      expect(store.record!.history).to.have.length(20);
      const setItem = Storage.prototype.setItem;
      stubProperty(Storage.prototype, 'setItem', {
        writable: true,
        value(this: Storage, name: string, value: string) {
          if (value.length > 2500) throw new DOMException('full', 'QuotaExceededError');
          setItem.call(this, name, value);
        },
      });
      const detail = store.rejectAll();
      expect(detail.persisted).to.equal(true);
      const length = store.record!.history.length;
      expect(length).to.be.within(1, 19);
      expect(parseRecord(localStorage.getItem(key), clock.time).record).to.deep.equal(store.record);
    });
  });

  describe('cookies', () => {
    it('round-trips through a first-party cookie with the attributes asked for', () => {
      const key = uniqueKey('cookie');
      onCleanup(() => removeCookie(key));
      const writes = recordCookieWrites();
      const adapter = cookieAdapter({ path: '/', sameSite: 'Strict', secure: false, maxAgeDays: 30 });
      adapter.write(key, '{"a":"b; c=d"}');
      expect(adapter.kind).to.equal('cookie');
      expect(adapter.read(key)).to.equal('{"a":"b; c=d"}');
      expect(writes[0]).to.equal(`${key}=${encodeURIComponent('{"a":"b; c=d"}')}; Max-Age=2592000; Path=/; SameSite=Strict`);
      adapter.remove(key);
      expect(adapter.read(key)).to.equal(null);
      expect(document.cookie).to.not.contain(key);
    });

    it('writes Domain and Secure when asked', () => {
      const writes = recordCookieWrites();
      const key = uniqueKey('cookie');
      try {
        cookieAdapter({ domain: 'example.com', sameSite: 'None', secure: true }).write(key, 'x');
      } catch {
        // This page is neither on example.com nor https: the browser refuses the cookie, as it should.
      }
      expect(writes[0]).to.equal(`${key}=x; Max-Age=15724800; Path=/; Domain=example.com; SameSite=None; Secure`);
    });

    it('throws when the browser does not keep the cookie', () => {
      const key = uniqueKey('cookie');
      expect(() => cookieAdapter({ domain: 'example.com' }).write(key, 'x')).to.throw(`the browser did not keep the consent cookie "${key}"`);
    });

    it('throws before writing a cookie over the size limit', () => {
      const key = uniqueKey('cookie');
      const writes = recordCookieWrites();
      expect(() => cookieAdapter().write(key, 'x'.repeat(4100))).to.throw(/over the 4096-byte limit of browsers/);
      expect(writes).to.deep.equal([]);
    });

    it('refuses bad options with a message naming them', () => {
      expect(() => cookieAdapter({ domain: 'evil.com; Path=/x' })).to.throw('cookie.domain "evil.com; Path=/x" must be a host name such as "example.com"');
      expect(() => cookieAdapter({ path: 'account' })).to.throw('cookie.path "account" must start with "/" and contain no ";", "," or spaces');
      expect(() => cookieAdapter({ sameSite: 'lax' as 'Lax' })).to.throw('cookie.sameSite "lax" must be one of Strict, Lax, None');
      expect(() => cookieAdapter({ sameSite: 'None', secure: false })).to.throw('cookie.sameSite "None" needs cookie.secure: true');
      expect(() => cookieAdapter({ maxAgeDays: 0 })).to.throw('cookie.maxAgeDays must be a number of days from 1 to 400');
      expect(() => cookieAdapter({ expires: 3 } as never)).to.throw('cookie.expires is not a cookie option');
    });

    it('keeps the record in a cookie for the store, and reads it back on the next page', () => {
      const key = uniqueKey('cookie');
      onCleanup(() => removeCookie(key));
      const localBefore = localStorage.length;
      const { store } = freshStore({ storage: 'cookie', cookie: { sameSite: 'Lax' } }, key);
      const detail = store.set({ analytics: true });
      expect(detail).to.include({ persisted: true, storage: 'cookie' });
      expect(store.persistence).to.deep.equal({ kind: 'cookie', ok: true, problem: null });
      expect(localStorage.length).to.equal(localBefore);
      destroyConsentStore(key);
      const { store: reopened } = freshStore({ storage: 'cookie' }, key);
      expect(reopened.record?.receiptId).to.equal(detail.receiptId);
      expect(reopened.isGranted('analytics')).to.equal(true);
    });

    it('keeps persisting past the cookie size limit by shortening the history', () => {
      const key = uniqueKey('cookie');
      onCleanup(() => removeCookie(key));
      const { store, clock } = freshStore({ storage: 'cookie' }, key);
      for (let index = 0; index < 25; index++) {
        clock.time += 1000;
        expect(store.set({ analytics: index % 2 === 0 }).persisted, `decision ${index}`).to.equal(true);
      }
      expect(store.record!.history.length).to.be.within(1, 19);
      destroyConsentStore(key);
      expect(freshStore({ storage: 'cookie' }, key).store.record).to.deep.equal(store.record);
    });

    it('never touches localStorage when configured for cookies before the first read', () => {
      const key = uniqueKey('cookie');
      onCleanup(() => removeCookie(key));
      let localReads = 0;
      const getItem = Storage.prototype.getItem;
      stubProperty(Storage.prototype, 'getItem', {
        writable: true,
        value(this: Storage, name: string) {
          localReads += 1;
          return getItem.call(this, name);
        },
      });
      const { store } = freshStore({ storage: 'cookie' }, key);
      store.acceptAll();
      expect(store.persistence.kind).to.equal('cookie');
      expect(localReads).to.equal(0);
    });

    it('keeps working in memory when cookies are disabled', () => {
      stubProperty(navigator, 'cookieEnabled', { value: false });
      const warnings = recordWarnings();
      const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
      const { store } = freshStore({ storage: 'cookie' });
      expect(store.prompt.reason).to.equal('no-record');
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['storage-read-failed']);
      const detail = store.acceptAll();
      expect(detail.persisted).to.equal(false);
      expect(store.isGranted('analytics')).to.equal(true);
      expect(problems.map((event) => event.detail.kind)).to.deep.equal(['storage-read-failed', 'storage-write-failed']);
      expect(problems[1]!.detail.message).to.contain('cookies are disabled in this browser');
      expect(warnings).to.have.length(2);
    });
  });

  describe('other storage', () => {
    it('holds the record in memory only, writing nothing to the browser', () => {
      const cookies = document.cookie;
      const localKeys = Object.keys(localStorage).sort();
      const { store } = freshStore({ storage: 'memory' });
      const detail = store.acceptAll();
      expect(detail).to.include({ persisted: true, storage: 'memory' });
      expect(store.isGranted('analytics')).to.equal(true);
      expect(document.cookie).to.equal(cookies);
      expect(Object.keys(localStorage).sort()).to.deep.equal(localKeys);
    });

    it('takes an adapter of the host', () => {
      const inner = memoryAdapter();
      const writes: string[] = [];
      const adapter: ConsentStorage = {
        kind: 'session',
        read: (key) => inner.read(key),
        write: (key, value) => {
          writes.push(key);
          inner.write(key, value);
        },
        remove: (key) => inner.remove(key),
      };
      const { store, key } = freshStore({ storage: adapter });
      const detail = store.rejectAll();
      expect(detail.storage).to.equal('session');
      expect(store.persistence.kind).to.equal('session');
      expect(writes).to.deep.equal([key]);
      expect(parseRecord(inner.read(key), Date.now()).record).to.deep.equal(store.record);
    });

    it('refuses storage it does not know', () => {
      const { store } = freshStore();
      expect(() => store.configure({ storage: 'session' as 'local' })).to.throw(
        'Candor: configure({ storage }) must be "local", "cookie", "memory" or an adapter (got "session")',
      );
      expect(() => store.configure({ storage: { kind: 'x' } as ConsentStorage })).to.throw(
        'Candor: configure({ storage }) needs "local", "cookie", "memory" or an object with kind, read, write and remove',
      );
    });
  });

  describe('footprint', () => {
    it('writes its record and nothing else, and makes no network request', () => {
      const resources = performance.getEntriesByType('resource').length;
      const cookies = document.cookie;
      const localKeys = Object.keys(localStorage).sort();
      const sessionKeys = Object.keys(sessionStorage).sort();
      const { store, key, clock } = freshStore();
      store.acceptAll();
      clock.advanceDays(1);
      store.set({ advertising: false });
      store.configure({ gpc: true });
      store.withdraw();
      store.exportRecord();
      expect(Object.keys(localStorage).sort()).to.deep.equal([...localKeys, key].sort());
      expect(Object.keys(sessionStorage).sort()).to.deep.equal(sessionKeys);
      expect(document.cookie).to.equal(cookies);
      expect(performance.getEntriesByType('resource')).to.have.length(resources);
    });
  });
});
