// The consent core: policy, record, storage and the store, with no UI and no side effects.
export type * from './types.js';
export { definePolicy, isPurposeId, LEGAL_BASES, PolicyError, type PolicyRule } from './policy.js';
export { isPresetPurposeId, PRESET_PURPOSE_IDS, type PurposeTexts } from './presets.js';
export {
  CONSENT_SOURCES,
  HISTORY_LIMIT,
  parseRecord,
  RECORD_SCHEMA,
  serializeRecord,
  type ParsedRecord,
  type RecordProblem,
  type RecordProblemKind,
} from './record.js';
export {
  cookieAdapter,
  localStorageAdapter,
  memoryAdapter,
  type ConsentStorage,
  type CookieOptions,
  type StorageOption,
} from './storage.js';
export {
  DEFAULT_EXPIRY_DAYS,
  DEFAULT_STORAGE_KEY,
  destroyConsentStore,
  getConsentStore,
  type ConsentStore,
  type ConsentStoreOptions,
  type DecisionOptions,
} from './store.js';
export { CandorConsentChangeEvent } from '../events/consent-change.js';
export { CandorConsentProblemEvent } from '../events/consent-problem.js';
