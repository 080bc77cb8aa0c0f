// Consent stores for the banner and privacy-center stories: each story (and each re-render
// after a control changes) gets its own store key, kept in memory, so stories never affect
// one another or the browser's storage. An "earlier visit" writes a record the way a
// previous page view would have, through a storage adapter shared with the next store.
import { destroyConsentStore, getConsentStore, type ConsentStorage, type ConsentStore, type PolicyConfig } from '../src/core/index.js';

const saved = new Map<string, string>();

/** In-memory storage that outlives one store, like localStorage outlives a page. */
const sharedMemory: ConsentStorage = {
  kind: 'memory',
  read: (key) => saved.get(key) ?? null,
  write: (key, value) => void saved.set(key, value),
  remove: (key) => void saved.delete(key),
};

/** Storage that refuses every write, like a browser with its quota used up. */
const refusingStorage: ConsentStorage = {
  kind: 'memory',
  read: () => null,
  write: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  remove: () => undefined,
};

const renders = new Map<string, number>();

export interface StoryStoreOptions {
  /** Global Privacy Control, as the visitor's browser would send it. */
  gpc?: boolean;
  /** A choice the visitor made on an earlier page view, under `policy`. */
  earlier?: { policy: PolicyConfig; decide: (store: ConsentStore) => void };
  /** The browser refuses to store the choice (quota used up, storage blocked). */
  storageRefuses?: boolean;
}

/** A fresh store key for one render of a story, with the store set up as asked. */
export function storyStore(name: string, options: StoryStoreOptions = {}): string {
  const count = (renders.get(name) ?? 0) + 1;
  renders.set(name, count);
  const key = `story-${name}-${count}`;
  destroyConsentStore(key);
  saved.delete(key);
  if (options.earlier) {
    const earlier = getConsentStore({ key });
    earlier.configure({ storage: sharedMemory, gpc: false, policy: options.earlier.policy });
    options.earlier.decide(earlier);
    destroyConsentStore(key);
  }
  getConsentStore({ key }).configure({ storage: options.storageRefuses ? refusingStorage : sharedMemory, gpc: options.gpc ?? false });
  return key;
}

/** The five built-in purposes, as the stories' default policy. */
export const ALL_PURPOSES = 'necessary functional personalization analytics advertising';

export function storyPolicy(purposes: string, version: string, extra: Partial<PolicyConfig> = {}): PolicyConfig {
  return { version, url: '/privacy', updated: '2026-11-01', purposes: purposes.split(/\s+/).filter(Boolean) as PolicyConfig['purposes'], ...extra };
}
