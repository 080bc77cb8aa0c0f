import { safeUrl } from '../internal/safe-url.js';
import { canonicalJson, fnv1a } from './hash.js';
import { isPresetPurposeId, PRESET_PURPOSE_IDS, PRESETS, presetSignature, type PurposeTexts } from './presets.js';
import type { LegalBasis, Policy, PresetPurposeId, Purpose } from './types.js';

/** A policy configuration that breaks a rule. `field` is the path of the bad value, `rule` names the rule. */
export class PolicyError extends Error {
  readonly field: string;
  readonly rule: PolicyRule;
  constructor(field: string, rule: PolicyRule, message: string) {
    super(message);
    this.name = 'PolicyError';
    this.field = field;
    this.rule = rule;
  }
}

export type PolicyRule =
  | 'type'
  | 'length'
  | 'date'
  | 'url'
  | 'pattern'
  | 'reserved'
  | 'duplicate'
  | 'missing'
  | 'unknown-preset'
  | 'unknown-key'
  | 'enum'
  | 'conflict';

export const LEGAL_BASES: readonly LegalBasis[] = Object.freeze([
  'consent',
  'legitimate-interest',
  'contract',
  'legal-obligation',
]);

const PURPOSE_ID = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Whether a string can name a purpose: lowercase letters, digits or "-", starting with a
 * letter, at most 40 characters, and not a name every object inherits (`constructor`),
 * so that `decisions[id]` can never read an inherited value as a grant.
 */
export function isPurposeId(id: unknown): id is string {
  return typeof id === 'string' && PURPOSE_ID.test(id) && !(id in Object.prototype);
}

const LIMITS = { version: 64, summary: 2000, purposes: 50, label: 200, description: 2000, text: 200, list: 20 };
const POLICY_KEYS = ['version', 'updated', 'url', 'summary', 'purposes'];

/**
 * Policies this library (any copy of it on the page) has validated. Shared through the
 * global symbol registry so that a policy made by one copy is accepted by another.
 */
function validatedPolicies(): WeakSet<object> {
  const global = globalThis as Record<symbol, unknown>;
  return (global[Symbol.for('candor.policies')] ??= new WeakSet<object>()) as WeakSet<object>;
}

/**
 * Validates a policy configuration and returns the frozen policy. Throws one
 * `PolicyError` naming the first field that breaks a rule. Texts a host gives are kept as
 * they are (never parsed as HTML); texts of presets are read in the active locale each
 * time they are read. A policy already returned by `definePolicy` is returned unchanged.
 */
export function definePolicy(config: unknown): Policy {
  if (isPlainObject(config) && validatedPolicies().has(config)) return config as unknown as Policy;
  if (!isPlainObject(config)) {
    fail('policy', 'type', `policy must be an object with "version" and "purposes" (got ${describe(config)})`);
  }
  rejectUnknownKeys(config, POLICY_KEYS, 'policy');

  const version = text(config.version, 'policy.version', LIMITS.version);
  const updated = optional(config, 'updated');
  if (updated !== null && !isRealDate(updated)) {
    fail('policy.updated', 'date', `policy.updated ${describe(updated)} must be a real date written YYYY-MM-DD`);
  }
  const url = optional(config, 'url');
  const safe = url === null ? null : safeUrl(url as string);
  if (url !== null && safe === null) {
    fail('policy.url', 'url', `policy.url ${describe(url)} must be an http(s) or relative URL`);
  }
  const summary = optional(config, 'summary');
  if (summary !== null && (typeof summary !== 'string' || summary.length > LIMITS.summary)) {
    fail('policy.summary', 'type', `policy.summary must be a string of at most ${LIMITS.summary} characters (got ${describe(summary)})`);
  }
  const entries = config.purposes;
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > LIMITS.purposes) {
    fail('policy.purposes', 'type', `policy.purposes must be a non-empty array of at most ${LIMITS.purposes} purposes (got ${describe(entries)})`);
  }

  const firstIndexOf = new Map<string, number>();
  const purposes = entries.map((entry, index) => {
    const purpose = definePurpose(entry, `policy.purposes[${index}]`);
    const earlier = firstIndexOf.get(purpose.id);
    if (earlier !== undefined) {
      fail(`policy.purposes[${index}].id`, 'duplicate', `policy.purposes[${index}].id "${purpose.id}" is a duplicate of policy.purposes[${earlier}]`);
    }
    firstIndexOf.set(purpose.id, index);
    return purpose;
  });

  const policy: Policy = Object.freeze({
    version,
    updated: updated as string | null,
    url: safe,
    summary: summary as string | null,
    purposes: Object.freeze(purposes),
  });
  validatedPolicies().add(policy);
  return policy;
}

/** What a host may override on a preset, or must give for its own purpose. */
interface PurposeFields {
  label?: string;
  description?: string;
  required?: boolean;
  dataCategories?: readonly string[];
  retention?: string;
  recipients?: readonly string[];
  legalBasis?: LegalBasis;
  saleOrShare?: boolean;
}

/** How each optional field of a purpose is checked, in the order the checks run. */
const PURPOSE_FIELDS: { [key in keyof PurposeFields]-?: (value: unknown, field: string) => PurposeFields[key] } = {
  label: (value, field) => text(value, field, LIMITS.label),
  description: (value, field) => text(value, field, LIMITS.description),
  required: flag,
  dataCategories: list,
  retention: (value, field) => text(value, field, LIMITS.text),
  recipients: list,
  legalBasis: (value, field) => {
    if (!LEGAL_BASES.includes(value as LegalBasis)) {
      fail(field, 'enum', `${field} ${describe(value)} must be one of ${LEGAL_BASES.join(', ')}`);
    }
    return value as LegalBasis;
  },
  saleOrShare: flag,
};
const PURPOSE_KEYS = ['id', ...Object.keys(PURPOSE_FIELDS)];

function definePurpose(entry: unknown, path: string): Purpose {
  if (typeof entry === 'string') {
    if (!isPresetPurposeId(entry)) fail(path, 'unknown-preset', notBuiltIn(path, entry));
    return presetPurpose(entry, {});
  }
  if (!isPlainObject(entry)) {
    fail(path, 'type', `${path} must be a preset id string or an object (got ${describe(entry)})`);
  }
  rejectUnknownKeys(entry, PURPOSE_KEYS, path);
  const id = entry.id;
  if (id === undefined) fail(`${path}.id`, 'missing', `${path}.id is missing`);
  if (typeof id !== 'string' || !PURPOSE_ID.test(id)) {
    fail(`${path}.id`, 'pattern', `${path}.id ${describe(id)} must be lowercase letters, digits or "-" (starting with a letter, at most 40)`);
  }
  if (!isPurposeId(id)) fail(`${path}.id`, 'reserved', `${path}.id "${id}" is reserved by JavaScript; choose another id`);

  const fields = readPurposeFields(entry, path);
  const isPreset = isPresetPurposeId(id);
  if (!isPreset) {
    if (fields.label === undefined) fail(`${path}.label`, 'missing', `${path}.label is required: "${id}" is not a built-in purpose`);
    if (fields.description === undefined) {
      fail(`${path}.description`, 'missing', `${path}.description is required: "${id}" is not a built-in purpose`);
    }
  }
  const required = fields.required ?? (isPreset ? PRESETS[id].required : false);
  const saleOrShare = fields.saleOrShare ?? (isPreset ? PRESETS[id].saleOrShare : false);
  if (required && saleOrShare) {
    fail(path, 'conflict', `${path} cannot be both required and saleOrShare: a sale or share of personal information is never strictly necessary`);
  }
  return isPreset ? presetPurpose(id, fields) : customPurpose(id, fields);
}

function readPurposeFields(entry: Record<string, unknown>, path: string): PurposeFields {
  const fields: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(PURPOSE_FIELDS)) {
    const value = optional(entry, key);
    if (value !== null) fields[key] = read(value, `${path}.${key}`);
  }
  return fields as PurposeFields;
}

/**
 * A preset purpose: what the host overrode is kept as given, the rest is read from the
 * preset (in the active locale) each time it is read. The fingerprint names the preset's
 * revision and the overrides, so it does not change with the locale.
 */
function presetPurpose(id: PresetPurposeId, overrides: PurposeFields): Purpose {
  const preset = PRESETS[id];
  const hasOverrides = Object.keys(overrides).length > 0;
  const fingerprint = fnv1a(presetSignature(id) + (hasOverrides ? canonicalJson(overrides) : ''));
  const fixed = (value: unknown): PropertyDescriptor => ({ value, enumerable: true });
  // Lists come out frozen like everything else in a policy (freezing a string changes nothing).
  const translated = (key: keyof PurposeTexts): PropertyDescriptor =>
    overrides[key] !== undefined ? fixed(overrides[key]) : { get: () => Object.freeze(preset.texts()[key]), enumerable: true };
  const purpose = Object.defineProperties({} as Purpose, {
    id: fixed(id),
    label: translated('label'),
    description: translated('description'),
    required: fixed(overrides.required ?? preset.required),
    dataCategories: translated('dataCategories'),
    retention: translated('retention'),
    recipients: translated('recipients'),
    legalBasis: fixed(overrides.legalBasis ?? preset.legalBasis),
    saleOrShare: fixed(overrides.saleOrShare ?? preset.saleOrShare),
    preset: fixed(id),
    fingerprint: fixed(fingerprint),
  });
  return Object.freeze(purpose);
}

function customPurpose(id: string, fields: PurposeFields): Purpose {
  const required = fields.required ?? false;
  const described = {
    id,
    label: fields.label as string,
    description: fields.description as string,
    required,
    dataCategories: fields.dataCategories ?? Object.freeze([]),
    retention: fields.retention ?? '',
    recipients: fields.recipients ?? Object.freeze([]),
    legalBasis: fields.legalBasis ?? (required ? 'legitimate-interest' : 'consent'),
    saleOrShare: fields.saleOrShare ?? false,
  } satisfies Omit<Purpose, 'preset' | 'fingerprint'>;
  return Object.freeze({ ...described, preset: null, fingerprint: fnv1a(`custom:${canonicalJson(described)}`) });
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    fail(field, 'type', `${field} must be a non-empty string of at most ${max} characters (got ${describe(value)})`);
  }
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail(field, 'type', `${field} must be true or false (got ${describe(value)})`);
  return value;
}

function list(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value) || value.length > LIMITS.list) {
    fail(field, 'type', `${field} must be an array of at most ${LIMITS.list} non-empty strings (got ${describe(value)})`);
  }
  value.forEach((item, index) => text(item, `${field}[${index}]`, LIMITS.text));
  return Object.freeze([...(value as string[])]);
}

/**
 * The value of an optional key, or null when it is absent, undefined or null (what
 * `getAttribute` returns for a missing attribute, so elements can pass it straight on).
 */
function optional(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) && object[key] !== undefined ? object[key] : null;
}

function rejectUnknownKeys(object: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : `; known keys are ${known.join(', ')}`;
    fail(`${path}.${key}`, 'unknown-key', `${path} has an unknown key ${describe(key)}${hint}`);
  }
}

function notBuiltIn(path: string, id: string): string {
  return (
    `${path} ${describe(id)} is not a built-in purpose (${PRESET_PURPOSE_IDS.join(', ')}); ` +
    'give an object with id, label and description instead'
  );
}

function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A short, safe rendering of a bad value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint' || typeof value === 'symbol') return typeof value;
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

/** The known key a typo most likely meant: at most two edits away. */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function fail(field: string, rule: PolicyRule, message: string): never {
  throw new PolicyError(field, rule, message);
}
