import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { serializeRecord, type CandorConsentProblemEvent, type ConsentRecord, type ConsentStorage } from '../../src/core/index.js';
import { canonicalJson, fnv1a } from '../../src/core/hash.js';
import { cleanup, freshStore, OPTIONAL_PURPOSES, recordEvents, recordWarnings } from './fixtures/store.js';

const RUNS = 10_000;

/** A storage adapter that holds one fixed value, as if another page had left it there. */
function holding(value: string): ConsentStorage {
  return { kind: 'fuzz', read: () => value, write: () => {}, remove: () => {} };
}

/** The record with some fields replaced and its check recomputed: only type checks can stop it. */
function forge(record: ConsentRecord, changes: Record<string, unknown>): string {
  const { check: _check, ...rest } = { ...record, ...changes } as Record<string, unknown>;
  return JSON.stringify({ ...rest, check: fnv1a(canonicalJson(rest)) });
}

/** What other consent libraries store (cookie values or localStorage), decoded and as stored. */
const FOREIGN = [
  // vanilla-cookieconsent v3, cookie "cc_cookie"
  '{"categories":["necessary","analytics","advertising"],"revision":0,"data":null,"consentTimestamp":"2025-05-01T10:00:00.000Z","consentId":"0d3b1c1e-6a8f-4c1e-9c1a-2f6e9d7a1b2c","services":{"necessary":[],"analytics":["ga"]},"languageCode":"en","lastConsentTimestamp":"2025-05-01T10:00:00.000Z","expirationTime":1777629600000}',
  // Klaro, cookie "klaro"
  '{"analytics":true,"advertising":true,"personalization":true,"functional":true}',
  // tarteaucitron, cookie "tarteaucitron"
  '!analytics=true!advertising=true!gtag=true',
  // Cookiebot, cookie "CookieConsent" (a JavaScript object literal, not JSON)
  "{stamp:'-1',necessary:true,preferences:true,statistics:true,marketing:true,method:'explicit',ver:1,utc:1714550400000,region:'de'}",
  // OneTrust, cookie "OptanonConsent"
  'isGpcEnabled=0&datestamp=Wed+May+01+2025&version=202405.1.0&groups=C0001%3A1%2CC0002%3A1%2CC0004%3A1&consentId=abc',
  // Osano, Complianz and a plain flag
  '{"ANALYTICS":"ACCEPT","MARKETING":"ACCEPT","PERSONALIZATION":"ACCEPT"}',
  'allow',
  'true',
];

/** Values of every JSON type except the one a field must have. */
const notString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }));
const notBoolean = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.boolean(), { maxLength: 3 }), fc.constant({}));
const notObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }));
const notArray = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }));
const WRONG_TYPE: Record<string, fc.Arbitrary<unknown>> = {
  receiptId: notString,
  policyVersion: notString,
  source: notString,
  locale: notString,
  decidedAt: notString,
  expiresAt: notString,
  gpc: notBoolean,
  decisions: fc.oneof(notObject, fc.dictionary(fc.constantFrom(...OPTIONAL_PURPOSES), notBoolean, { minKeys: 1 })),
  purposes: fc.oneof(notObject, fc.dictionary(fc.constantFrom(...OPTIONAL_PURPOSES), notString, { minKeys: 1 })),
  gpcOverrides: fc.oneof(notArray, fc.array(notString, { minLength: 1, maxLength: 3 })),
  history: fc.oneof(notArray, fc.array(notObject, { minLength: 1, maxLength: 3 })),
  schema: fc.oneof(notString.filter((value) => value !== 1 as unknown), fc.string(), fc.double().filter((value) => value !== 1)),
};

/** A new value of the right type for a field, different from the record's. */
function editedValue(record: ConsentRecord): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    receiptId: fc.uuid({ version: 4 }),
    policyVersion: fc.string({ minLength: 1, maxLength: 64 }),
    source: fc.constantFrom('banner', 'preferences', 'why', 'api', 'gpc'),
    locale: fc.constantFrom('de', 'fr-FR', 'pt-BR', 'en-GB'),
    decidedAt: fc.integer({ min: Date.parse(record.decidedAt) - 1e10, max: Date.parse(record.decidedAt) }).map((time) => new Date(time).toISOString()),
    expiresAt: fc.integer({ min: Date.parse(record.expiresAt), max: Date.parse(record.expiresAt) + 1e10 }).map((time) => new Date(time).toISOString()),
    gpc: fc.boolean(),
    decisions: fc.dictionary(fc.constantFrom('necessary', ...OPTIONAL_PURPOSES), fc.boolean()),
    gpcOverrides: fc.subarray(OPTIONAL_PURPOSES),
  };
  return fc
    .constantFrom(...Object.keys(fields))
    .chain((field) => fields[field]!.map((value) => ({ [field]: value })))
    .filter((change) => {
      const [field, value] = Object.entries(change)[0]!;
      return canonicalJson(value) !== canonicalJson((record as unknown as Record<string, unknown>)[field]);
    });
}

function storedValues(real: ConsentRecord): fc.Arbitrary<string> {
  const raw = serializeRecord(real);
  const huge = [
    'x'.repeat(1_000_000),
    forge(real, { locale: 'en-'.repeat(100_000) }),
    `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    `{"schema":1,"decisions":{${Array.from({ length: 5000 }, (_, index) => `"p${index}":true`).join(',')}}}`,
  ];
  const hostileKeys = fc
    .dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'analytics', 'schema'), fc.jsonValue(), { minKeys: 1 })
    .map((object) => JSON.stringify(object));
  return fc.oneof(
    { arbitrary: fc.json(), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
    { arbitrary: fc.anything().map((value) => { try { return JSON.stringify(value) ?? String(value); } catch { return String(value); } }), weight: 1 },
    { arbitrary: fc.integer({ min: 0, max: raw.length - 1 }).map((length) => raw.slice(0, length)), weight: 3 },
    {
      arbitrary: fc.constantFrom(...Object.keys(WRONG_TYPE)).chain((field) => WRONG_TYPE[field]!.map((value) => forge(real, { [field]: value }))),
      weight: 3,
    },
    { arbitrary: editedValue(real).map((change) => JSON.stringify({ ...real, ...change })), weight: 3 },
    { arbitrary: fc.oneof(notString, fc.string()).map((check) => JSON.stringify({ ...real, check })), weight: 1 },
    { arbitrary: fc.integer({ min: 2, max: 1000 }).map((schema) => forge(real, { schema })), weight: 1 },
    { arbitrary: hostileKeys, weight: 1 },
    {
      arbitrary: fc.constantFrom(
        raw.replace('"decisions":{', '"decisions":{"__proto__":true,"constructor":true,'),
        forge(real, { decisions: JSON.parse('{"__proto__":{"analytics":true},"constructor":true}') }),
        `{"__proto__":${raw}}`,
        raw.replace('{', '{"__proto__":{"check":"x"},'),
      ),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...FOREIGN, ...FOREIGN.map(encodeURIComponent)), weight: 1 },
    { arbitrary: fc.constantFrom(...huge), weight: 1 },
  );
}

describe('record', () => {
  afterEach(cleanup);

  it(`reads none of ${RUNS.toLocaleString('en')} generated stored values as a grant, and never throws`, function () {
    this.timeout(60_000);
    const { store } = freshStore({ storage: 'memory' });
    store.acceptAll();
    const real = store.record!;
    // The unmodified record does grant: so every refusal below is the validation at work.
    store.configure({ storage: holding(serializeRecord(real)) });
    expect(store.isGranted('advertising')).to.equal(true);

    recordWarnings();
    const problems = recordEvents<CandorConsentProblemEvent>(document, 'candor-consent-problem');
    fc.assert(
      fc.property(storedValues(real), (value) => {
        store.configure({ storage: holding(value) });
        return store.record === null && store.prompt.needed && OPTIONAL_PURPOSES.every((id) => !store.isGranted(id));
      }),
      { numRuns: RUNS },
    );
    // Each kind of untrustworthy value was met, and reported.
    expect([...new Set(problems.map((event) => event.detail.kind))].sort()).to.deep.equal(['future-schema', 'invalid-record', 'tampered-record']);
  });
});
