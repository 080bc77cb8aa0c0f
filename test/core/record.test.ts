import { expect } from '@open-wc/testing';
import { HISTORY_LIMIT, parseRecord, serializeRecord } from '../../src/core/index.js';
import { canonicalJson, fnv1a } from '../../src/core/hash.js';
import { createRecord, historyEntry, newReceiptId, type NewRecord } from '../../src/core/record.js';
import type { ConsentRecord } from '../../src/core/types.js';

const NOW = Date.UTC(2026, 0, 15, 12);
const DAY = 86_400_000;

function input(overrides: Partial<NewRecord> = {}): NewRecord {
  return {
    policyVersion: '1',
    purposes: { necessary: 'aaaaaaaa', analytics: 'bbbbbbbb' },
    decisions: { necessary: true, analytics: true },
    source: 'banner',
    gpc: false,
    gpcOverrides: [],
    locale: 'en',
    decidedAt: NOW,
    expiresAt: NOW + 182 * DAY,
    previous: null,
    ...overrides,
  };
}

/** The stored text of a record with some fields replaced, its integrity check recomputed (a forgery that types must catch). */
function forged(record: ConsentRecord, changes: Record<string, unknown>): string {
  const { check: _check, ...rest } = { ...record, ...changes } as Record<string, unknown>;
  return JSON.stringify({ ...rest, check: fnv1a(canonicalJson(rest)) });
}

function problemOf(raw: string): string | undefined {
  const { record, problem } = parseRecord(raw, NOW);
  expect(record).to.equal(null);
  return problem?.kind;
}

describe('record', () => {
  it('reads back a record it wrote', () => {
    const record = createRecord(input());
    const { record: read, problem } = parseRecord(serializeRecord(record), NOW);
    expect(problem).to.equal(null);
    expect(read).to.deep.equal(record);
  });

  it('has every field of schema 1', () => {
    const record = createRecord(input());
    expect(Object.keys(record).sort()).to.deep.equal(
      ['check', 'decidedAt', 'decisions', 'expiresAt', 'gpc', 'gpcOverrides', 'history', 'locale', 'policyVersion', 'purposes', 'receiptId', 'schema', 'source'],
    );
    expect(record).to.include({ schema: 1, policyVersion: '1', source: 'banner', gpc: false, locale: 'en' });
    expect(record.decidedAt).to.equal(new Date(NOW).toISOString());
    expect(record.expiresAt).to.equal(new Date(NOW + 182 * DAY).toISOString());
  });

  it('is frozen', () => {
    const record = createRecord(input());
    expect(Object.isFrozen(record)).to.equal(true);
    expect(Object.isFrozen(record.decisions)).to.equal(true);
    expect(() => {
      (record.decisions as Record<string, boolean>).analytics = false;
    }).to.throw(TypeError);
  });

  it('gives each record a random version 4 UUID', () => {
    const ids = new Set(Array.from({ length: 200 }, newReceiptId));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('pushes the record it replaces onto the history, newest first, keeping at most 20', () => {
    let record = createRecord(input());
    const receipts = [record.receiptId];
    for (let index = 1; index <= 25; index++) {
      record = createRecord(input({ decidedAt: NOW + index, previous: record }));
      receipts.unshift(record.receiptId);
    }
    expect(record.history).to.have.length(HISTORY_LIMIT);
    expect(record.history.map((entry) => entry.receiptId)).to.deep.equal(receipts.slice(1, 21));
    expect(Object.keys(record.history[0]!).sort()).to.deep.equal(['decidedAt', 'decisions', 'gpc', 'locale', 'policyVersion', 'receiptId', 'source']);
    expect(parseRecord(serializeRecord(record), NOW + 100).record).to.deep.equal(record);
  });

  it('is no record and no problem when nothing is stored', () => {
    expect(parseRecord(null, NOW)).to.deep.equal({ record: null, problem: null });
  });

  it('reports text that is not JSON', () => {
    expect(parseRecord('{"schema":1,', NOW).problem).to.deep.equal({
      kind: 'invalid-record',
      message: 'the stored consent record is not valid: it is not JSON',
    });
  });

  it('reports JSON that is not an object', () => {
    for (const raw of ['null', '[]', '"yes"', '1', 'true']) expect(problemOf(raw), raw).to.equal('invalid-record');
  });

  it('reports a record of a later schema as future-schema', () => {
    const raw = forged(createRecord(input()), { schema: 2 });
    expect(parseRecord(raw, NOW).problem).to.deep.equal({
      kind: 'future-schema',
      message: 'the stored consent record uses schema 2, written by a newer version of Candor',
    });
  });

  it('reports any other schema value as invalid', () => {
    for (const schema of [0, 1.5, '1', null, -1]) expect(problemOf(forged(createRecord(input()), { schema })), String(schema)).to.equal('invalid-record');
  });

  it('reports a record edited outside Candor as tampered', () => {
    const record = createRecord(input({ decisions: { necessary: true, analytics: false } }));
    const edited = serializeRecord(record).replace('"analytics":false', '"analytics":true');
    expect(parseRecord(edited, NOW).problem).to.deep.equal({
      kind: 'tampered-record',
      message: 'the stored consent record fails its integrity check (it was changed outside Candor)',
    });
  });

  it('checks the record whatever the order of its keys', () => {
    const record = createRecord(input());
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(record).reverse()));
    expect(parseRecord(reordered, NOW).record).to.deep.equal(record);
  });

  it('refuses unknown and missing keys', () => {
    const record = createRecord(input());
    expect(parseRecord(forged(record, { extra: 1 }), NOW).problem?.message).to.equal(
      'the stored consent record is not valid: the record has an unknown key "extra"',
    );
    const { locale: _locale, ...withoutLocale } = record;
    expect(parseRecord(forged(withoutLocale as ConsentRecord, {}), NOW).problem?.message).to.equal(
      'the stored consent record is not valid: the record has no "locale"',
    );
  });

  it('refuses each field of the wrong shape', () => {
    const record = createRecord(input());
    const cases: Record<string, unknown>[] = [
      { receiptId: 'not-a-uuid' },
      { receiptId: '123e4567-e89b-12d3-a456-426614174000' },
      { policyVersion: '' },
      { policyVersion: 'v'.repeat(65) },
      { decisions: [] },
      { decisions: { analytics: 'true' } },
      { decisions: { Analytics: true } },
      { decisions: Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`p${index}`, false])) },
      { purposes: { analytics: 'not hex' } },
      { purposes: [] },
      { gpcOverrides: 'advertising' },
      { gpcOverrides: ['advertising', 'advertising'] },
      { source: 'cookie-wall' },
      { gpc: 'false' },
      { locale: 'english please' },
      { locale: 'a'.repeat(36) },
      { decidedAt: 'yesterday' },
      { decidedAt: '2026-02-30T00:00:00.000Z' },
      { expiresAt: record.decidedAt },
      { history: {} },
      { history: [{ receiptId: record.receiptId }] },
      { history: Array.from({ length: 21 }, () => historyEntry(record)) },
    ];
    for (const changes of cases) expect(problemOf(forged(record, changes)), JSON.stringify(changes).slice(0, 80)).to.equal('invalid-record');
  });

  it('refuses a record dated more than a day in the future', () => {
    const record = createRecord(input({ decidedAt: NOW + 2 * DAY, expiresAt: NOW + 100 * DAY }));
    expect(parseRecord(serializeRecord(record), NOW).problem?.message).to.equal(
      'the stored consent record is not valid: "decidedAt" of the record is in the future',
    );
    expect(parseRecord(serializeRecord(record), NOW + DAY + 1).record).to.not.equal(null);
  });

  it('never reads an inherited name as a purpose', () => {
    const record = createRecord(input());
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const raw = forged(record, {}).replace('"decisions":{', `"decisions":{"${key}":true,`);
      expect(parseRecord(raw, NOW).problem?.message, key).to.equal(
        'the stored consent record is not valid: "decisions" of the record has a key that is not a purpose id',
      );
    }
  });

  it('copies into fresh objects, so a "__proto__" key cannot change a prototype', () => {
    const raw = `{"__proto__":{"analytics":true},${serializeRecord(createRecord(input())).slice(1)}`;
    expect(problemOf(raw)).to.equal('invalid-record');
    expect(({} as Record<string, unknown>).analytics).to.equal(undefined);
  });

  it('refuses values far larger than any record', () => {
    expect(parseRecord(`"${'x'.repeat(300_000)}"`, NOW).problem?.message).to.equal('the stored consent record is not valid: it is too large');
  });
});
