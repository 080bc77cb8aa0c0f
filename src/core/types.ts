/**
 * The consent core's public types. Everything here is plain data that survives
 * `JSON.stringify` unchanged, so a host can POST it as-is.
 */

/** A purpose id: lowercase letters, digits and "-", starting with a letter (at most 40). */
export type PurposeId = string;

/** The built-in purposes a policy may name by id alone. */
export type PresetPurposeId = 'necessary' | 'functional' | 'personalization' | 'analytics' | 'advertising';

/** GDPR Art. 6 bases that a purpose may rest on. */
export type LegalBasis = 'consent' | 'legitimate-interest' | 'contract' | 'legal-obligation';

/** Where a decision was made. `gpc`: the store applied the browser's Global Privacy Control signal. */
export type ConsentSource = 'banner' | 'preferences' | 'why' | 'api' | 'gpc';

/** One purpose as a host describes it. Any field left out of a preset id keeps the preset's text. */
export interface PurposeConfig {
  id: PurposeId;
  label?: string;
  description?: string;
  /** Strictly necessary: always on, never asked, cannot be refused. */
  required?: boolean;
  /** What data the purpose uses, in plain words ("pages you view"). */
  dataCategories?: string[];
  /** How long data is kept, in plain words ("13 months"). */
  retention?: string;
  /** Who receives the data ("this site only", a named vendor). */
  recipients?: string[];
  legalBasis?: LegalBasis;
  /** A sale or share of personal information (CPRA). Global Privacy Control denies it by default. */
  saleOrShare?: boolean;
}

/** A policy as a host writes it. `definePolicy` validates it and fills in presets. */
export interface PolicyConfig {
  /** Any string that changes when the policy changes ("2026-11"). */
  version: string;
  /** Date of the last change, `YYYY-MM-DD`. */
  updated?: string;
  /** Link to the full policy: http(s) or relative. */
  url?: string;
  /** A plain-language summary shown on the first layer. */
  summary?: string;
  /** Purposes, each a preset id or a full description. */
  purposes: Array<PresetPurposeId | PurposeConfig>;
}

/** A purpose after validation: every field present. Text fields of presets follow the active locale. */
export interface Purpose {
  readonly id: PurposeId;
  readonly label: string;
  readonly description: string;
  readonly required: boolean;
  readonly dataCategories: readonly string[];
  readonly retention: string;
  readonly recipients: readonly string[];
  readonly legalBasis: LegalBasis;
  readonly saleOrShare: boolean;
  /** Which preset this purpose came from, if any. */
  readonly preset: PresetPurposeId | null;
  /**
   * A short hash of what the visitor was told about this purpose (locale-independent),
   * kept in the record so that a reworded purpose can be shown as changed.
   */
  readonly fingerprint: string;
}

/** A validated policy. */
export interface Policy {
  readonly version: string;
  readonly updated: string | null;
  readonly url: string | null;
  readonly summary: string | null;
  readonly purposes: readonly Purpose[];
}

/** A decision per purpose id: `true` granted, `false` refused. */
export type Decisions = Record<PurposeId, boolean>;

/** An earlier decision kept in the record's history. */
export interface HistoryEntry {
  receiptId: string;
  policyVersion: string;
  decisions: Decisions;
  source: ConsentSource;
  gpc: boolean;
  locale: string;
  decidedAt: string;
}

/** The visitor's consent record: the one thing Candor stores. */
export interface ConsentRecord extends HistoryEntry {
  /** Schema version of this record. */
  schema: 1;
  /** Fingerprints of the purposes as they were when the visitor chose. */
  purposes: Record<PurposeId, string>;
  /** Purposes the visitor granted explicitly although Global Privacy Control was on. */
  gpcOverrides: PurposeId[];
  expiresAt: string;
  /** Earlier decisions, newest first, at most 20. */
  history: HistoryEntry[];
  /** Integrity check over the rest of the record; a record that fails it is not consent. */
  check: string;
}

/** Why the visitor must be asked (again). */
export type PromptReason = 'no-record' | 'expired' | 'policy-changed' | 'invalid-record';

/** What changed in the policy since the visitor last chose. */
export interface PolicyChanges {
  added: PurposeId[];
  removed: PurposeId[];
  reworded: PurposeId[];
}

export type PromptState =
  | { needed: false; reason: null; changes: null }
  | { needed: true; reason: PromptReason; changes: PolicyChanges | null };

/** Names of the storage adapters; a custom adapter names itself. */
export type StorageKind = 'local' | 'cookie' | 'memory' | (string & {});

/** What the store says about where the record lives. */
export interface PersistenceState {
  /** The adapter in use. */
  kind: StorageKind;
  /** False when the last read or write failed and the record is held in memory only. */
  ok: boolean;
  /** The last problem, in plain words, or null. */
  problem: string | null;
}

/** The detail of a consent change: what a host would POST to its backend. */
export interface ConsentChangeDetail {
  receiptId: string;
  policyVersion: string;
  decisions: Decisions;
  /** Purposes whose decision differs from before. */
  changed: PurposeId[];
  /** Decisions before this change (all refused when there was no record). */
  previous: Decisions;
  source: ConsentSource;
  gpc: boolean;
  locale: string;
  decidedAt: string;
  expiresAt: string;
  /** Whether the record reached storage before this event fired. */
  persisted: boolean;
  storage: StorageKind;
  /** The store's storage key, so a page with several stores can tell their events apart. */
  storeKey: string;
  /** True when the change was made in another tab and reached this one. */
  fromOtherTab: boolean;
}

export type ConsentProblemKind =
  | 'invalid-record'
  | 'future-schema'
  | 'tampered-record'
  | 'storage-read-failed'
  | 'storage-write-failed';

/** A problem the store met and recovered from. */
export interface ConsentProblemDetail {
  kind: ConsentProblemKind;
  /** Plain-language explanation, also written to the console. */
  message: string;
  storage: StorageKind;
  key: string;
}

/** What the store knows at one moment; subscribers receive it after every change. */
export interface ConsentState {
  readonly policy: Policy | null;
  /** The valid stored record, or null (none, unreadable, or not yet configured). */
  readonly record: ConsentRecord | null;
  /** Effective decision per purpose of the policy (empty without a policy). */
  readonly decisions: Decisions;
  readonly prompt: PromptState;
  /** Whether Global Privacy Control is on. */
  readonly gpc: boolean;
  readonly persistence: PersistenceState;
  /** The current decision and the earlier ones, newest first. */
  readonly history: HistoryEntry[];
}
