import { own } from '../internal/validate.js';
import { canonicalJson, fnv1a } from './hash.js';
import { isPurposeId } from './policy.js';
import type { ConsentRecord, ConsentSource, Decisions, HistoryEntry, PurposeId } from './types.js';

export const RECORD_SCHEMA = 1 as const;
/** Earlier decisions kept in a record. */
export const HISTORY_LIMIT = 20;
export const CONSENT_SOURCES: readonly ConsentSource[] = Object.freeze(['banner', 'preferences', 'why', 'api', 'gpc']);

/** A record dated further ahead than this is from a wrong clock or forged. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Far above any real record (20 history entries of 50 purposes), far below what could hurt. */
const MAX_RAW_LENGTH = 200_000;
const MAX_PURPOSES = 50;
const MAX_VERSION_LENGTH = 64;
const MAX_LOCALE_LENGTH = 35;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FINGERPRINT = /^[0-9a-f]{8}$/;
const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const ENTRY_KEYS = ['receiptId', 'policyVersion', 'decisions', 'source', 'gpc', 'locale', 'decidedAt'] as const;
const RECORD_KEYS = [...ENTRY_KEYS, 'schema', 'purposes', 'gpcOverrides', 'expiresAt', 'history', 'check'] as const;

export type RecordProblemKind = 'invalid-record' | 'future-schema' | 'tampered-record';

export interface RecordProblem {
  kind: RecordProblemKind;
  /** Plain words; names fields, never repeats stored content. */
  message: string;
}

export interface ParsedRecord {
  record: ConsentRecord | null;
  problem: RecordProblem | null;
}

/** What a new record says; times are milliseconds since the epoch. */
export interface NewRecord {
  policyVersion: string;
  /** Fingerprints of the purposes the visitor was shown. */
  purposes: Record<PurposeId, string>;
  decisions: Decisions;
  source: ConsentSource;
  gpc: boolean;
  gpcOverrides: readonly PurposeId[];
  locale: string;
  decidedAt: number;
  expiresAt: number;
  /** The record this one replaces: it becomes the newest history entry. */
  previous: ConsentRecord | null;
}

/** A new record, frozen, with a fresh receipt id and its integrity check. */
export function createRecord(input: NewRecord): ConsentRecord {
  const history = input.previous ? [historyEntry(input.previous), ...input.previous.history] : [];
  return sealRecord({
    schema: RECORD_SCHEMA,
    receiptId: newReceiptId(),
    policyVersion: input.policyVersion,
    decisions: { ...input.decisions },
    purposes: { ...input.purposes },
    source: input.source,
    gpc: input.gpc,
    gpcOverrides: [...input.gpcOverrides],
    locale: input.locale,
    decidedAt: new Date(input.decidedAt).toISOString(),
    expiresAt: new Date(input.expiresAt).toISOString(),
    history: history.slice(0, HISTORY_LIMIT),
  });
}

/** The same record with fewer history entries (for storage that cannot hold them all). */
export function withHistoryLimit(record: ConsentRecord, limit: number): ConsentRecord {
  const { check: _check, ...rest } = record;
  return sealRecord({ ...rest, history: record.history.slice(0, limit) });
}

export function serializeRecord(record: ConsentRecord): string {
  return JSON.stringify(record);
}

/** The part of a record that its history keeps. */
export function historyEntry(record: HistoryEntry): HistoryEntry {
  const entry = Object.fromEntries(ENTRY_KEYS.map((key) => [key, record[key]])) as unknown as HistoryEntry;
  return { ...entry, decisions: { ...record.decisions } };
}

/**
 * Reads a stored value. Never throws: anything that is not a well-formed, untouched
 * record of this schema comes back as `record: null` with the problem named, so that it
 * is treated as no consent. `null` (nothing stored) is no record and no problem.
 */
export function parseRecord(raw: string | null, now: number = Date.now()): ParsedRecord {
  if (raw === null) return { record: null, problem: null };
  try {
    return { record: readRecord(raw, now), problem: null };
  } catch (error) {
    if (error instanceof RecordRejected) return { record: null, problem: { kind: error.kind, message: error.message } };
    return { record: null, problem: { kind: 'invalid-record', message: 'the stored consent record could not be read' } };
  }
}

/** A BCP 47-like language tag such as `en`, `pt-BR` or `zh-Hant-TW`. */
export function isLocaleTag(tag: unknown): tag is string {
  return typeof tag === 'string' && tag.length <= MAX_LOCALE_LENGTH && LOCALE.test(tag);
}

/** A random version 4 UUID. `crypto.randomUUID` exists only in secure contexts, so build it. */
export function newReceiptId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sealRecord(rest: Omit<ConsentRecord, 'check'>): ConsentRecord {
  return deepFreeze({ ...rest, check: fnv1a(canonicalJson(rest)) });
}

class RecordRejected extends Error {
  constructor(
    readonly kind: RecordProblemKind,
    reason: string,
  ) {
    super(kind === 'invalid-record' ? `the stored consent record is not valid: ${reason}` : reason);
  }
}

function reject(reason: string): never {
  throw new RecordRejected('invalid-record', reason);
}

function readRecord(raw: string, now: number): ConsentRecord {
  if (typeof raw !== 'string') reject('it is not text');
  if (raw.length > MAX_RAW_LENGTH) reject('it is too large');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    reject('it is not JSON');
  }
  const object = plainObject(data, 'it');
  const schema = own(object, 'schema');
  if (typeof schema === 'number' && Number.isInteger(schema) && schema > RECORD_SCHEMA) {
    throw new RecordRejected(
      'future-schema',
      `the stored consent record uses schema ${schema}, written by a newer version of Candor`,
    );
  }
  if (schema !== RECORD_SCHEMA) reject('"schema" is not 1');
  exactKeys(object, RECORD_KEYS, 'the record');

  const entry = readEntry(object, now, 'the record');
  const decidedAt = Date.parse(entry.decidedAt);
  const expiresAt = isoTime(own(object, 'expiresAt'), '"expiresAt"');
  if (Date.parse(expiresAt) <= decidedAt) reject('"expiresAt" is not after "decidedAt"');
  const history = own(object, 'history');
  if (!Array.isArray(history) || history.length > HISTORY_LIMIT) {
    reject(`"history" is not a list of at most ${HISTORY_LIMIT} entries`);
  }
  const rest: Omit<ConsentRecord, 'check'> = {
    schema: RECORD_SCHEMA,
    ...entry,
    purposes: purposeMap(own(object, 'purposes')),
    gpcOverrides: purposeList(own(object, 'gpcOverrides')),
    expiresAt,
    history: history.map((item, index) => readEntry(plainObject(item, `history[${index}]`), now, `history[${index}]`)),
  };
  const check = own(object, 'check');
  if (typeof check !== 'string' || check !== fnv1a(canonicalJson(rest))) {
    throw new RecordRejected(
      'tampered-record',
      'the stored consent record fails its integrity check (it was changed outside Candor)',
    );
  }
  return deepFreeze({ ...rest, check });
}

/** The plain fields of a decision, each with its test and what it must be. */
const ENTRY_FIELDS: Record<'receiptId' | 'policyVersion' | 'source' | 'gpc' | 'locale', [(value: unknown) => boolean, string]> = {
  receiptId: [(value) => typeof value === 'string' && UUID_V4.test(value), 'a UUID'],
  policyVersion: [(value) => typeof value === 'string' && value !== '' && value.length <= MAX_VERSION_LENGTH, 'a policy version'],
  source: [(value) => CONSENT_SOURCES.includes(value as ConsentSource), 'a known source'],
  gpc: [(value) => typeof value === 'boolean', 'true or false'],
  locale: [isLocaleTag, 'a language tag'],
};

function readEntry(object: Record<string, unknown>, now: number, where: string): HistoryEntry {
  if (where !== 'the record') exactKeys(object, ENTRY_KEYS, where);
  for (const [key, [valid, what]] of Object.entries(ENTRY_FIELDS)) {
    if (!valid(own(object, key))) reject(`"${key}" of ${where} is not ${what}`);
  }
  const decidedAt = isoTime(own(object, 'decidedAt'), `"decidedAt" of ${where}`);
  if (Date.parse(decidedAt) > now + CLOCK_SKEW_MS) reject(`"decidedAt" of ${where} is in the future`);
  const entry = object as unknown as HistoryEntry;
  return {
    receiptId: entry.receiptId,
    policyVersion: entry.policyVersion,
    decisions: decisionMap(own(object, 'decisions'), where),
    source: entry.source,
    gpc: entry.gpc,
    locale: entry.locale,
    decidedAt,
  };
}

function decisionMap(value: unknown, where: string): Decisions {
  const entries = Object.entries(plainObject(value, `"decisions" of ${where}`));
  if (entries.length > MAX_PURPOSES) reject(`"decisions" of ${where} has more than ${MAX_PURPOSES} purposes`);
  for (const [id, granted] of entries) {
    if (!isPurposeId(id)) reject(`"decisions" of ${where} has a key that is not a purpose id`);
    if (typeof granted !== 'boolean') reject(`"decisions" of ${where} has a value that is not true or false`);
  }
  return Object.fromEntries(entries) as Decisions;
}

function purposeMap(value: unknown): Record<PurposeId, string> {
  const entries = Object.entries(plainObject(value, '"purposes"'));
  if (entries.length > MAX_PURPOSES) reject(`"purposes" has more than ${MAX_PURPOSES} entries`);
  for (const [id, fingerprint] of entries) {
    if (!isPurposeId(id)) reject('"purposes" has a key that is not a purpose id');
    if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) reject('"purposes" has a value that is not a fingerprint');
  }
  return Object.fromEntries(entries) as Record<PurposeId, string>;
}

function purposeList(value: unknown): PurposeId[] {
  if (!Array.isArray(value) || value.length > MAX_PURPOSES) reject('"gpcOverrides" is not a list of purpose ids');
  if (!value.every(isPurposeId) || new Set(value).size !== value.length) {
    reject('"gpcOverrides" is not a list of distinct purpose ids');
  }
  return [...(value as PurposeId[])];
}

function isoTime(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) reject(`${what} is not an ISO time`);
  const time = Date.parse(value);
  if (!Number.isFinite(time) || new Date(time).toISOString() !== value) reject(`${what} is not a real time`);
  return value;
}

function plainObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) reject(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function exactKeys(object: Record<string, unknown>, keys: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) reject(`${where} has an unknown key ${JSON.stringify(key.slice(0, 40))}`);
  }
  for (const key of keys) {
    if (!Object.hasOwn(object, key)) reject(`${where} has no "${key}"`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
