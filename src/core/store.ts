import { CandorConsentChangeEvent } from '../events/consent-change.js';
import { CandorConsentProblemEvent } from '../events/consent-problem.js';
import { effectiveDecisions, promptState, purposesDeniedByGpc } from './evaluate.js';
import { canonicalJson } from './hash.js';
import { definePolicy } from './policy.js';
import {
  CONSENT_SOURCES,
  createRecord,
  historyEntry,
  isLocaleTag,
  parseRecord,
  serializeRecord,
  withHistoryLimit,
} from './record.js';
import { localStorageAdapter, storageFor, type ConsentStorage, type CookieOptions, type StorageOption } from './storage.js';
import { CrossTabSync } from './sync.js';
import { localeShownAt } from '../internal/i18n.js';
import type {
  ConsentChangeDetail,
  ConsentProblemKind,
  ConsentRecord,
  ConsentSource,
  ConsentState,
  Decisions,
  HistoryEntry,
  PersistenceState,
  Policy,
  PolicyConfig,
  PromptState,
  PurposeId,
} from './types.js';

export const DEFAULT_STORAGE_KEY = 'candor-consent';
export const DEFAULT_EXPIRY_DAYS = 182;
const MAX_EXPIRY_DAYS = 395;
const DAY_MS = 86_400_000;
const STORAGE_KEY = /^[A-Za-z0-9._-]{1,64}$/;
const CONFIGURE_KEYS = ['policy', 'storage', 'cookie', 'expiresAfterDays', 'gpc', 'now', 'eventTarget'];

export interface ConsentStoreOptions {
  /** The policy, as a configuration or as returned by `definePolicy`. */
  policy?: PolicyConfig | Policy;
  /** Where the record lives. Default `'local'` (localStorage). */
  storage?: StorageOption;
  /** Cookie attributes when `storage` is `'cookie'`. */
  cookie?: CookieOptions;
  /** How long a decision lasts, in days: 1 to 395. Default 182 (about 6 months). */
  expiresAfterDays?: number;
  /** Overrides `navigator.globalPrivacyControl` (tests, or a host that reads the signal elsewhere). */
  gpc?: boolean;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Where change (from the API or another tab) and problem events are dispatched. Default `document`. */
  eventTarget?: EventTarget;
}

export interface DecisionOptions {
  /** Where the visitor decided. Default `'api'`. */
  source?: ConsentSource;
  /** The element the visitor used: the change event is dispatched from it (it bubbles and is composed). */
  origin?: EventTarget;
}

/** The consent store of one page and storage key. Every read is synchronous. */
export interface ConsentStore extends ConsentState {
  readonly key: string;
  /** Sets options; may be called many times (later values win). Throws on a bad option or policy. */
  configure(options: ConsentStoreOptions): void;
  isGranted(id: PurposeId): boolean;
  acceptAll(options?: DecisionOptions): ConsentChangeDetail;
  rejectAll(options?: DecisionOptions): ConsentChangeDetail;
  /** Changes some decisions and keeps the others. Throws on an id that is not in the policy. */
  set(decisions: Decisions, options?: DecisionOptions): ConsentChangeDetail;
  /** Refuses everything that is not required: as easy as granting. */
  withdraw(options?: DecisionOptions): ConsentChangeDetail;
  /** Calls `listener` after every change (this tab, another tab, configuration). Returns the unsubscribe function. */
  subscribe(listener: (state: ConsentState) => void): () => void;
  /** The record and what the policy said, as pretty JSON the visitor can keep. */
  exportRecord(): string;
}

interface DecisionRequest {
  policy: Policy;
  source: ConsentSource;
  origin?: EventTarget;
  current: Decisions;
}

interface RegistryEntry {
  store: ConsentStore;
  close(): void;
}

/**
 * Stores by key, on `globalThis` under a registered symbol: two copies of Candor on one
 * page (a host bundle and the script tag, say) share one store per key.
 */
function registry(): Map<string, RegistryEntry> {
  const global = globalThis as Record<symbol, unknown>;
  return (global[Symbol.for('candor.stores')] ??= new Map<string, RegistryEntry>()) as Map<string, RegistryEntry>;
}

/** The page's consent store for a storage key (default `candor-consent`), created on first use. */
export function getConsentStore(options: { key?: string | undefined } = {}): ConsentStore {
  const key = options.key ?? DEFAULT_STORAGE_KEY;
  if (typeof key !== 'string' || !STORAGE_KEY.test(key)) {
    throw new Error(`Candor: key ${JSON.stringify(key)} must be 1 to 64 letters, digits, ".", "_" or "-"`);
  }
  const existing = registry().get(key);
  if (existing) return existing.store;
  const store = new Store(key);
  registry().set(key, { store, close: () => store.close() });
  store.start();
  return store;
}

/** Forgets the store of a key: stops its cross-tab sync and listeners. For tests; storage is left as it is. */
export function destroyConsentStore(key: string = DEFAULT_STORAGE_KEY): void {
  registry().get(key)?.close();
  registry().delete(key);
}

class Store implements ConsentStore {
  private currentPolicy: Policy | null = null;
  private policySignature = '';
  private storage: ConsentStorage = localStorageAdapter();
  private storageChoice: StorageOption = 'local';
  /** Tells whether a configuration names the adapter in use: the choice, with the cookie options. */
  private storageSignature: unknown = 'local';
  private cookieOptions: CookieOptions = {};
  private expiresAfterDays = DEFAULT_EXPIRY_DAYS;
  private gpcOverride: boolean | null = null;
  private clock: () => number = Date.now;
  private target: EventTarget = document;
  private currentRecord: ConsentRecord | null = null;
  /** The stored value could not be trusted (it stays in storage until the visitor decides). */
  private invalidRecord = false;
  private lastReportedValue: string | null = null;
  /**
   * Storage is first read when something needs the record, not on creation: by then the
   * page has usually configured where the record lives, so a store told to use cookies
   * never touches (or reports on) localStorage.
   */
  private loaded = false;
  private persistenceState: PersistenceState = { kind: 'local', ok: true, problem: null };
  private readonly listeners = new Set<(state: ConsentState) => void>();
  private sync: CrossTabSync | null = null;

  constructor(readonly key: string) {}

  start(): void {
    this.sync = new CrossTabSync(
      this.key,
      () => this.storage.kind === 'local',
      (record, persisted) => this.adopt(record, persisted),
    );
  }

  close(): void {
    this.sync?.close();
    this.sync = null;
    this.listeners.clear();
  }

  get policy(): Policy | null {
    return this.currentPolicy;
  }

  get record(): ConsentRecord | null {
    this.ensureLoaded();
    return this.currentRecord;
  }

  get gpc(): boolean {
    return this.gpcOverride ?? (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
  }

  get decisions(): Decisions {
    if (this.currentPolicy === null) return {};
    this.ensureLoaded();
    return effectiveDecisions(this.currentPolicy, this.currentRecord, { gpc: this.gpc, now: this.clock() });
  }

  get prompt(): PromptState {
    this.ensureLoaded();
    return promptState(this.currentPolicy, this.currentRecord, { invalidRecord: this.invalidRecord, now: this.clock() });
  }

  get persistence(): PersistenceState {
    this.ensureLoaded();
    return { ...this.persistenceState };
  }

  get history(): HistoryEntry[] {
    const record = this.record;
    return record ? [historyEntry(record), ...record.history] : [];
  }

  isGranted(id: PurposeId): boolean {
    const decisions = this.decisions;
    return typeof id === 'string' && Object.hasOwn(decisions, id) && decisions[id] === true;
  }

  configure(options: ConsentStoreOptions): void {
    if (options === null || typeof options !== 'object') throw new Error('Candor: configure() takes an options object');
    for (const name of Object.keys(options)) {
      if (!CONFIGURE_KEYS.includes(name)) {
        throw new Error(`Candor: configure() has no option "${name}"; options are ${CONFIGURE_KEYS.join(', ')}`);
      }
    }
    // Everything is checked before anything changes, so a bad option leaves the store as it was.
    const { now, gpc, eventTarget } = options;
    if (now !== undefined && typeof now !== 'function') throw new Error('Candor: configure({ now }) must be a function returning milliseconds');
    if (gpc !== undefined && typeof gpc !== 'boolean') throw new Error('Candor: configure({ gpc }) must be true or false');
    if (eventTarget !== undefined && typeof eventTarget?.dispatchEvent !== 'function') {
      throw new Error('Candor: configure({ eventTarget }) must be an EventTarget');
    }
    const expiresAfterDays = options.expiresAfterDays ?? this.expiresAfterDays;
    if (typeof expiresAfterDays !== 'number' || !(expiresAfterDays >= 1 && expiresAfterDays <= MAX_EXPIRY_DAYS)) {
      throw new Error(
        `Candor: expiresAfterDays must be a number of days from 1 to ${MAX_EXPIRY_DAYS} (got ${JSON.stringify(options.expiresAfterDays)})`,
      );
    }
    const cookieOptions = options.cookie ?? this.cookieOptions;
    const storageChoice = options.storage ?? this.storageChoice;
    const storage = storageFor(storageChoice, cookieOptions, expiresAfterDays);
    const policy = options.policy === undefined ? null : definePolicy(options.policy);

    const wasLoaded = this.loaded;
    const before = wasLoaded ? this.stateKey() : null;
    let reload = false;
    const gpcBefore = this.gpc;
    this.expiresAfterDays = expiresAfterDays;
    this.cookieOptions = cookieOptions;
    if (gpc !== undefined) this.gpcOverride = gpc;
    if (eventTarget !== undefined) this.target = eventTarget;
    if (now !== undefined && now !== this.clock) {
      this.clock = now;
      reload = true;
    }
    if (storage.signature !== this.storageSignature) {
      this.storage = storage.adapter;
      this.storageChoice = storageChoice;
      this.storageSignature = storage.signature;
      reload = true;
    }
    const policyChanged = policy !== null && this.usePolicy(policy);
    if (reload && wasLoaded) this.load();
    // A GPC decision notifies on its own; otherwise tell subscribers if what they see changed.
    if (this.applyGpc()) return;
    const changed = wasLoaded
      ? this.stateKey() !== before
      : this.listeners.size > 0 && (reload || policyChanged || this.gpc !== gpcBefore);
    if (changed) this.notify();
  }

  acceptAll(options?: DecisionOptions): ConsentChangeDetail {
    const request = this.request('acceptAll', options);
    const kept = this.keptOverrides(request.current);
    const gpc = this.gpc;
    const next = Object.fromEntries(
      request.policy.purposes.map((purpose) => {
        // Under GPC, "accept all" is not an explicit choice to sell or share: only an earlier override keeps it.
        const deniedByGpc = gpc && purpose.saleOrShare && !purpose.required && !kept.has(purpose.id);
        return [purpose.id, !deniedByGpc];
      }),
    );
    return this.decide(next, kept, request);
  }

  rejectAll(options?: DecisionOptions): ConsentChangeDetail {
    return this.refuseAll(this.request('rejectAll', options));
  }

  withdraw(options?: DecisionOptions): ConsentChangeDetail {
    return this.refuseAll(this.request('withdraw', options));
  }

  set(decisions: Decisions, options?: DecisionOptions): ConsentChangeDetail {
    const request = this.request('set', options);
    const { policy, current } = request;
    if (decisions === null || typeof decisions !== 'object' || Array.isArray(decisions)) {
      throw new Error('Candor: set() takes an object of purpose ids and true/false, e.g. set({ analytics: true })');
    }
    const overrides = this.keptOverrides(current);
    const gpc = this.gpc;
    const next: Decisions = { ...current };
    for (const [id, granted] of Object.entries(decisions)) {
      const purpose = policy.purposes.find((candidate) => candidate.id === id);
      if (!purpose) {
        throw new Error(
          `Candor: set() was given ${JSON.stringify(id)}, which is not a purpose of policy "${policy.version}" ` +
            `(${policy.purposes.map((candidate) => candidate.id).join(', ')})`,
        );
      }
      if (typeof granted !== 'boolean') throw new Error(`Candor: set() needs true or false for "${id}" (got ${typeof granted})`);
      if (purpose.required) continue;
      next[id] = granted;
      if (!granted) overrides.delete(id);
      else if (gpc && purpose.saleOrShare) overrides.add(id);
    }
    return this.decide(next, overrides, request);
  }

  subscribe(listener: (state: ConsentState) => void): () => void {
    if (typeof listener !== 'function') throw new Error('Candor: subscribe() takes a function');
    // A wrapper per call, so subscribing one function twice gives two independent subscriptions.
    const entry = (state: ConsentState) => listener(state);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  exportRecord(): string {
    const policy = this.currentPolicy;
    const decisions = this.decisions;
    const exported = {
      exportedAt: new Date(this.clock()).toISOString(),
      storageKey: this.key,
      record: this.record,
      policy: policy && {
        version: policy.version,
        updated: policy.updated,
        url: policy.url,
        // What the visitor was told (preset texts in the current locale), without the internal bookkeeping.
        purposes: policy.purposes.map(({ preset: _preset, fingerprint: _fingerprint, ...told }) => ({
          ...told,
          granted: decisions[told.id] === true,
        })),
      },
    };
    return JSON.stringify(exported, null, 2);
  }

  /** What every decision starts from: the policy, where the visitor decided, and the decisions in force before. */
  private request(method: string, options: DecisionOptions | undefined): DecisionRequest {
    const policy = this.requirePolicy(method);
    return { policy, ...decisionOptions(options, method), current: this.decisions };
  }

  private refuseAll(request: DecisionRequest): ConsentChangeDetail {
    const next = Object.fromEntries(request.policy.purposes.map((purpose) => [purpose.id, purpose.required]));
    return this.decide(next, new Set(), request);
  }

  /** Sale/share grants the visitor made explicitly under GPC and still holds. */
  private keptOverrides(current: Decisions): Set<PurposeId> {
    const overrides = this.currentRecord?.gpcOverrides ?? [];
    return new Set(overrides.filter((id) => Object.hasOwn(current, id) && current[id] === true));
  }

  private decide(decisions: Decisions, overrides: Set<PurposeId>, { policy, source, origin, current }: DecisionRequest): ConsentChangeDetail {
    const now = this.clock();
    const record = createRecord({
      policyVersion: policy.version,
      purposes: Object.fromEntries(policy.purposes.map((purpose) => [purpose.id, purpose.fingerprint])),
      decisions,
      source,
      gpc: this.gpc,
      gpcOverrides: [...overrides].filter((id) => decisions[id] === true),
      locale: this.locale(origin),
      decidedAt: now,
      expiresAt: now + this.expiresAfterDays * DAY_MS,
      previous: this.currentRecord,
    });
    return this.commit(record, current, origin);
  }

  /**
   * A valid record that grants a sale/share purpose while GPC is on, without the visitor's
   * explicit override, gets a new decision (source `gpc`) refusing just those purposes.
   * It keeps the record's policy version, fingerprints and expiry: the visitor confirmed nothing.
   */
  private applyGpc(): boolean {
    const policy = this.currentPolicy;
    if (policy === null || !this.gpc) return false;
    const record = this.record;
    if (record === null) return false;
    const now = this.clock();
    const denied = purposesDeniedByGpc(policy, record, now);
    if (denied.length === 0) return false;
    const previous = effectiveDecisions(policy, record, { gpc: false, now });
    const updated = createRecord({
      policyVersion: record.policyVersion,
      purposes: record.purposes,
      decisions: Object.fromEntries(Object.entries(record.decisions).map(([id, granted]) => [id, granted && !denied.includes(id)])),
      source: 'gpc',
      gpc: true,
      gpcOverrides: record.gpcOverrides,
      locale: this.locale(),
      decidedAt: now,
      expiresAt: Date.parse(record.expiresAt),
      previous: record,
    });
    this.commit(updated, previous, undefined);
    return true;
  }

  /** Writes, then tells other tabs, subscribers and listeners, in that order. */
  private commit(record: ConsentRecord, previous: Decisions, origin: EventTarget | undefined): ConsentChangeDetail {
    const persisted = this.persist(record);
    this.invalidRecord = false;
    this.sync?.post(serializeRecord(this.currentRecord as ConsentRecord), persisted);
    const detail = this.changeDetail(previous, persisted, false);
    this.notify();
    dispatchFrom(origin, this.target, new CandorConsentChangeEvent(detail));
    return detail;
  }

  /**
   * Writes the record. Storage that refuses it (a full quota, a cookie over the size limit)
   * is tried again with a shorter history before giving up: the decision itself matters more
   * than its past. On failure the record is kept in memory and the problem reported.
   */
  private persist(record: ConsentRecord): boolean {
    let firstError: unknown;
    for (const limit of halvings(record.history.length)) {
      const candidate = limit === record.history.length ? record : withHistoryLimit(record, limit);
      try {
        this.storage.write(this.key, serializeRecord(candidate));
        this.currentRecord = candidate;
        this.setPersistence(null);
        return true;
      } catch (error) {
        firstError ??= error;
      }
    }
    this.currentRecord = record;
    const consequence = 'the choice is kept in memory and will be asked for again on the next visit.';
    this.storageFailed('storage-write-failed', 'save the consent record to', firstError, consequence);
    return false;
  }

  private ensureLoaded(): void {
    if (!this.loaded) this.load();
  }

  private load(): void {
    this.loaded = true;
    let value: string | null;
    try {
      value = this.storage.read(this.key);
    } catch (error) {
      this.currentRecord = null;
      this.invalidRecord = false;
      const consequence = 'choices are kept in memory until the page closes.';
      this.storageFailed('storage-read-failed', 'read the consent record from', error, consequence);
      return;
    }
    this.setPersistence(null);
    const { record, problem } = parseRecord(value, this.clock());
    this.currentRecord = record;
    this.invalidRecord = problem !== null;
    if (problem !== null && value !== this.lastReportedValue) {
      this.lastReportedValue = value;
      this.report(problem.kind, `Candor: ${problem.message}. No consent is assumed until the visitor chooses again.`);
    }
  }

  /** Takes a record another tab made, if it is valid and newer than ours. Never sends it back. */
  private adopt(value: string, persisted: boolean): void {
    const { record } = parseRecord(value, this.clock());
    if (record === null) return;
    const firstLook = !this.loaded;
    const previous = firstLook ? this.decisionsWithoutRecord() : this.decisions;
    this.ensureLoaded();
    const current = this.currentRecord;
    if (current !== null && !isNewer(record, current)) {
      // Shared storage already held this record (or a newer one) when this tab first looked: still news here.
      if (firstLook) this.announce(previous, true);
      return;
    }
    this.currentRecord = record;
    this.invalidRecord = false;
    this.announce(previous, persisted);
  }

  private decisionsWithoutRecord(): Decisions {
    const policy = this.currentPolicy;
    return policy ? effectiveDecisions(policy, null, { gpc: this.gpc, now: this.clock() }) : {};
  }

  private announce(previous: Decisions, persisted: boolean): void {
    const detail = this.changeDetail(previous, persisted, true);
    this.notify();
    this.target.dispatchEvent(new CandorConsentChangeEvent(detail));
  }

  private changeDetail(previous: Decisions, persisted: boolean, fromOtherTab: boolean): ConsentChangeDetail {
    const record = this.currentRecord as ConsentRecord;
    const decisions = this.decisions;
    const ids = new Set([...Object.keys(previous), ...Object.keys(decisions)]);
    return {
      receiptId: record.receiptId,
      policyVersion: record.policyVersion,
      decisions,
      changed: [...ids].filter((id) => (previous[id] === true) !== (decisions[id] === true)),
      previous: { ...previous },
      source: record.source,
      gpc: record.gpc,
      locale: record.locale,
      decidedAt: record.decidedAt,
      expiresAt: record.expiresAt,
      persisted,
      storage: this.storage.kind,
      storeKey: this.key,
      fromOtherTab,
    };
  }

  /** Takes the policy unless it is the one in use; says whether it changed. */
  private usePolicy(policy: Policy): boolean {
    const signature = canonicalJson({
      version: policy.version,
      updated: policy.updated,
      url: policy.url,
      summary: policy.summary,
      purposes: policy.purposes.map((purpose) => [purpose.id, purpose.fingerprint]),
    });
    if (signature === this.policySignature) return false;
    const earlier = this.currentPolicy;
    if (earlier !== null && earlier.version !== policy.version) {
      console.warn(
        `Candor: policy version "${policy.version}" replaces version "${earlier.version}" configured earlier on this page ` +
          `(store "${this.key}"). Configure one policy for the page, or visitors are asked about different things.`,
      );
    }
    this.currentPolicy = policy;
    this.policySignature = signature;
    return true;
  }

  private requirePolicy(method: string): Policy {
    if (this.currentPolicy === null) {
      throw new Error(`Candor: ${method}() needs a policy first: store.configure({ policy })`);
    }
    return this.currentPolicy;
  }

  /**
   * The language the visitor was shown: the locale Candor rendered its words in where the
   * choice was made (`origin`), else the page's, else the browser's.
   */
  private locale(origin?: EventTarget): string {
    const candidates = [localeShownAt(origin), document.documentElement.lang, navigator.language];
    return candidates.find((tag): tag is string => typeof tag === 'string' && isLocaleTag(tag)) ?? 'und';
  }

  private setPersistence(problem: string | null): void {
    this.persistenceState = { kind: this.storage.kind, ok: problem === null, problem };
  }

  /** Storage refused a read or a write: said in the persistence state, the console and a problem event. */
  private storageFailed(kind: ConsentProblemKind, attempt: string, error: unknown, consequence: string): void {
    const message = `Candor: could not ${attempt} ${this.storage.kind} storage (${describeError(error)}); ${consequence}`;
    this.setPersistence(message);
    this.report(kind, message);
  }

  private report(kind: ConsentProblemKind, message: string): void {
    console.warn(message);
    this.target.dispatchEvent(new CandorConsentProblemEvent({ kind, message, storage: this.storage.kind, key: this.key }));
  }

  private snapshot(): ConsentState {
    return {
      policy: this.policy,
      record: this.record,
      decisions: this.decisions,
      prompt: this.prompt,
      gpc: this.gpc,
      persistence: this.persistence,
      history: this.history,
    };
  }

  /** What subscribers would see, as text, to tell whether a configuration changed anything. */
  private stateKey(): string {
    const { policy: _policy, history: _history, record, ...rest } = this.snapshot();
    return JSON.stringify({ ...rest, policy: this.policySignature, receipt: record?.receiptId ?? null });
  }

  private notify(): void {
    const state = this.snapshot();
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch (error) {
        // One failing subscriber must not keep the others (or the change event) from running.
        reportError(error);
      }
    }
  }
}

function decisionOptions(options: DecisionOptions | undefined, method: string): { source: ConsentSource; origin?: EventTarget } {
  const { source = 'api', origin } = options ?? {};
  if (!CONSENT_SOURCES.includes(source)) {
    throw new Error(`Candor: ${method}() source ${JSON.stringify(source)} must be one of ${CONSENT_SOURCES.join(', ')}`);
  }
  if (origin !== undefined && typeof origin?.dispatchEvent !== 'function') {
    throw new Error(`Candor: ${method}() origin must be an element or other EventTarget`);
  }
  return origin === undefined ? { source } : { source, origin };
}

/** The event goes from the element the visitor used, so it bubbles to the host; from the store's target otherwise. */
function dispatchFrom(origin: EventTarget | undefined, fallback: EventTarget, event: Event): void {
  const usable = origin !== undefined && !(origin instanceof Node && !origin.isConnected);
  (usable ? origin : fallback).dispatchEvent(event);
}

/**
 * Whether `candidate` replaces `current`. A record that lists the other in its history was
 * made after it, whatever the clocks said (a clock set back between two decisions); else
 * newer by decision time, then by receipt id, so two tabs always agree on which one wins.
 */
function isNewer(candidate: ConsentRecord, current: ConsentRecord): boolean {
  if (candidate.history.some((entry) => entry.receiptId === current.receiptId)) return true;
  if (current.history.some((entry) => entry.receiptId === candidate.receiptId)) return false;
  const difference = Date.parse(candidate.decidedAt) - Date.parse(current.decidedAt);
  return difference > 0 || (difference === 0 && candidate.receiptId > current.receiptId);
}

/** n, n/2, n/4 … 0: history lengths to try when storage refuses a record. */
function halvings(length: number): number[] {
  const limits = [length];
  for (let limit = Math.floor(length / 2); limit > 0; limit = Math.floor(limit / 2)) limits.push(limit);
  if (length > 0) limits.push(0);
  return limits;
}

function describeError(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}
