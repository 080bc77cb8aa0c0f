/**
 * Small checks for payloads a host hands to an element (explanations, interests). Each
 * failure throws a `PayloadError` whose message names the field and the rule, so the
 * element can log one clear console error and show a fallback instead of breaking.
 * Values are copied into fresh objects and arrays: nothing a host passes is kept by
 * reference, and no key is read through the prototype chain.
 */
export class PayloadError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field} ${rule}`);
    this.name = 'PayloadError';
  }
}

export type PlainObject = Record<string, unknown>;

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : String(value);
}

export function expectObject(value: unknown, field: string): PlainObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PayloadError(field, `must be an object, got ${describeValue(value)}`);
  }
  return value as PlainObject;
}

/** Reads an own property only (never `__proto__`, `constructor` or an inherited getter). */
export function own(object: PlainObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Throws for a key that is not in `allowed` (catches typos such as `reasosn`). */
export function expectKnownKeys(object: PlainObject, field: string, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new PayloadError(`${field}.${key}`, `is not a known field (expected one of ${allowed.join(', ')})`);
    }
  }
}

export function expectString(value: unknown, field: string, { max = 500, allowEmpty = false } = {}): string {
  if (typeof value !== 'string') throw new PayloadError(field, `must be a string, got ${describeValue(value)}`);
  const trimmed = value.trim();
  if (!allowEmpty && trimmed === '') throw new PayloadError(field, 'must not be empty');
  if (trimmed.length > max) throw new PayloadError(field, `must be at most ${max} characters`);
  return trimmed;
}

export function optionalString(value: unknown, field: string, options?: { max?: number }): string | null {
  return value === undefined || value === null ? null : expectString(value, field, options);
}

export function expectOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new PayloadError(field, `must be one of ${allowed.map((v) => `"${v}"`).join(', ')}, got ${describeValue(value)}`);
  }
  return value as T;
}

export function expectNumber(value: unknown, field: string, { min = -Infinity, max = Infinity, integer = false } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PayloadError(field, `must be a finite number, got ${describeValue(value)}`);
  }
  if (integer && !Number.isInteger(value)) throw new PayloadError(field, 'must be a whole number');
  if (value < min || value > max) throw new PayloadError(field, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function expectBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new PayloadError(field, `must be true or false, got ${describeValue(value)}`);
  return value;
}

export function expectArray(value: unknown, field: string, { max = 50 } = {}): unknown[] {
  if (!Array.isArray(value)) throw new PayloadError(field, `must be an array, got ${describeValue(value)}`);
  if (value.length > max) throw new PayloadError(field, `must have at most ${max} entries`);
  return Array.from(value);
}
