// Request and stored-data validation for the example backend: every field named, every
// type checked, unknown fields refused. One schema per payload; the same checks guard what
// comes over HTTP and what is read back from the data file.

/** A failure the client caused (or a file that fails its checks): the status and a plain message naming the field. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Response headers that go with it (`Allow` on a 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

interface Optional {
  /** The field may be left out. */
  optional?: boolean;
}

export type Rule = Optional &
  (
    | {
        type: 'string';
        /** Most characters allowed. */
        max?: number;
        /** Allowed values, when the field is an enumeration. */
        oneOf?: readonly string[];
        /** An ISO 8601 date and time ("2026-11-03T10:15:00.000Z"). */
        dateTime?: boolean;
        pattern?: RegExp;
        nullable?: boolean;
      }
    | { type: 'boolean' }
    | { type: 'number'; min?: number; max?: number }
    /** An array of strings. */
    | { type: 'strings'; max?: number; oneOf?: readonly string[] }
    /** An object of booleans (consent decisions by purpose id). */
    | { type: 'flags' }
    /** An array of objects, each checked against `schema`. */
    | { type: 'objects'; schema: Record<string, Rule> }
    /** An object of objects keyed by id, each checked against `schema`. */
    | { type: 'map'; key: RegExp; schema: Record<string, Rule> }
    /** An object checked against `schema`. */
    | { type: 'object'; schema: Record<string, Rule> }
  );

/** A schema names every field of `T` (optional ones too), so a field added to `T` must be added here. */
export type Schema<T> = { [K in keyof T]-?: Rule };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const PURPOSE_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Parses a request body as JSON and checks it against `schema`. Throws a 400 naming the field. */
export function parseBody<T>(text: string, schema: Schema<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RequestError(400, `The body is not valid JSON (${reason}).`);
  }
  return checkObject(value, schema as Record<string, Rule>) as T;
}

/**
 * Checks `value` against `schema`. `path` is where it sits ("" for a whole body or file,
 * "visitors.x" deeper in), so a message names the exact field. Throws a 400.
 */
export function checkObject(value: unknown, schema: Record<string, Rule>, path = ''): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new RequestError(400, path ? `Field "${path}" must be an object, not ${describe(value)}.` : `The body must be a JSON object, not ${describe(value)}.`);
  }
  const prefix = path ? `${path}.` : '';
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(schema, key)) {
      throw new RequestError(400, `Unknown field "${prefix}${key}"; expected only: ${Object.keys(schema).join(', ')}.`);
    }
  }
  for (const [key, rule] of Object.entries(schema)) {
    const field = `${prefix}${key}`;
    if (!Object.hasOwn(value, key) || value[key] === undefined) {
      if (rule.optional) continue;
      throw new RequestError(400, `Field "${field}" is missing.`);
    }
    checkField(value[key], rule, field);
  }
  return value;
}

function checkField(value: unknown, rule: Rule, field: string): void {
  const fail = (expected: string): never => {
    throw new RequestError(400, `Field "${field}" must be ${expected}, not ${describe(value)}.`);
  };
  switch (rule.type) {
    case 'string': {
      if (value === null && rule.nullable) return;
      if (typeof value !== 'string') return fail(rule.nullable ? 'a string or null' : 'a string');
      if (rule.oneOf && !rule.oneOf.includes(value)) return fail(`one of ${rule.oneOf.map((v) => JSON.stringify(v)).join(', ')}`);
      if (rule.max !== undefined && value.length > rule.max) return fail(`at most ${rule.max} characters long`);
      if (rule.dateTime && (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) return fail('an ISO 8601 date and time');
      if (rule.pattern && !rule.pattern.test(value)) return fail(`a string matching ${rule.pattern}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail('true or false');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('a number');
      if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
        return fail(`a number from ${rule.min ?? '-∞'} to ${rule.max ?? '∞'}`);
      }
      return;
    case 'strings': {
      if (!Array.isArray(value)) return fail('an array of strings');
      if (rule.max !== undefined && value.length > rule.max) return fail(`an array of at most ${rule.max} strings`);
      value.forEach((entry, index) => {
        if (typeof entry !== 'string') throw new RequestError(400, `Field "${field}[${index}]" must be a string, not ${describe(entry)}.`);
        if (rule.oneOf && !rule.oneOf.includes(entry)) {
          throw new RequestError(400, `Field "${field}[${index}]" must be one of ${rule.oneOf.map((v) => JSON.stringify(v)).join(', ')}, not ${describe(entry)}.`);
        }
      });
      return;
    }
    case 'flags': {
      if (!isPlainObject(value)) return fail('an object of true/false values by purpose id');
      for (const [key, flag] of Object.entries(value)) {
        if (!PURPOSE_ID.test(key)) throw new RequestError(400, `Field "${field}" has a key ${JSON.stringify(key)} that is not a purpose id.`);
        if (typeof flag !== 'boolean') throw new RequestError(400, `Field "${field}.${key}" must be true or false, not ${describe(flag)}.`);
      }
      return;
    }
    case 'objects':
      if (!Array.isArray(value)) return fail('an array of objects');
      value.forEach((entry, index) => checkObject(entry, rule.schema, `${field}[${index}]`));
      return;
    case 'map':
      if (!isPlainObject(value)) return fail('an object');
      for (const [key, entry] of Object.entries(value)) {
        if (!rule.key.test(key)) throw new RequestError(400, `Field "${field}" has a key ${JSON.stringify(key)} that does not match ${rule.key}.`);
        checkObject(entry, rule.schema, `${field}.${key}`);
      }
      return;
    case 'object':
      checkObject(value, rule.schema, field);
      return;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a wrong value was, for the message: its type, and short values as themselves. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length <= 40 ? `the string ${JSON.stringify(value)}` : 'a longer string';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
