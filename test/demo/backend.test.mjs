// The example backend's HTTP API (demo/server/), over real HTTP on 127.0.0.1: storage that
// survives a restart, ranking with and without consent, explanations that match the signals
// used, export and deletion, and a 400/404/405 for every kind of bad request.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { runnerImport } from 'vite';
import { ROOT, scratchDir, serveBackend, visitorClient } from './helpers.mjs';

const HOUR = 3_600_000;
const { module: catalog } = await runnerImport(`${ROOT}demo/catalog.ts`, { configFile: false, logLevel: 'error' });

/** What "by popularity" means: organic products by sales, the paid placement in its fixed slot. */
const POPULARITY_ORDER = (() => {
  const organic = catalog.PRODUCTS.filter((product) => !product.sponsor).sort((a, b) => b.popularity - a.popularity);
  const ids = organic.map((product) => product.id);
  for (const ad of catalog.PRODUCTS.filter((product) => product.sponsor)) ids.splice(catalog.AD_SLOT, 0, ad.id);
  return ids;
})();
const topicOf = (id) => catalog.productById(id).topic;

function receipt({ personalization = true, decidedAt = new Date(), ...rest } = {}) {
  return {
    receiptId: randomUUID(),
    policyVersion: '2026-11',
    decisions: { necessary: true, personalization, analytics: false, advertising: false },
    source: 'banner',
    gpc: false,
    locale: 'en',
    decidedAt: decidedAt.toISOString(),
    expiresAt: new Date(decidedAt.getTime() + 182 * 24 * HOUR).toISOString(),
    ...rest,
  };
}

/** A candor-consent-change detail exactly as the store dispatches it. */
function consentChangeDetail(options) {
  const base = receipt(options);
  return {
    ...base,
    changed: ['personalization'],
    previous: { necessary: true, personalization: false, analytics: false, advertising: false },
    persisted: true,
    storage: 'local',
    storeKey: 'candor-consent',
    fromOtherTab: false,
  };
}

function feedback(itemId, sentiment = 'helpful', extra = {}) {
  return { requestId: randomUUID(), itemId, sentiment, reason: null, comment: null, at: new Date().toISOString(), ...extra };
}

const ids = (ranking) => ranking.items.map((item) => item.id);
const explanationOf = (ranking, id) => ranking.items.find((item) => item.id === id).explanation;

let scratch;
let server;
let dataFile;
beforeEach(async () => {
  scratch = scratchDir();
  dataFile = join(scratch.path, 'data', 'backend.json');
  mkdirSync(join(scratch.path, 'data'));
  server = await serveBackend({ dataFile });
});
afterEach(async () => {
  await server?.close();
  scratch.remove();
});

describe('storage', () => {
  test('what was stored survives a restart of the server', async () => {
    const visitor = visitorClient(server.url, 'visitor-restart-1');
    assert.equal((await visitor('POST', '/api/consent', receipt())).status, 201);
    assert.equal((await visitor('POST', '/api/feedback', feedback('trekking-poles'))).status, 200);
    await server.close();

    server = await serveBackend({ dataFile });
    const again = visitorClient(server.url, 'visitor-restart-1');
    const ranking = (await again('GET', '/api/recommendations')).json;
    assert.equal(ranking.personalized, true, 'the receipt was kept');
    assert.equal(ranking.signalsUsed, 1, 'the like was kept');
    const exported = (await again('GET', '/api/data/export')).json;
    assert.equal(exported.feedback.length, 1);
    assert.equal(exported.feedback[0].itemId, 'trekking-poles');
  });

  test('every write replaces the file whole: valid JSON each time, no temporary file left behind', async () => {
    const visitor = visitorClient(server.url, 'visitor-atomic-1');
    await visitor('POST', '/api/consent', receipt());
    for (const id of ['trail-shoes', 'rain-jacket', 'repair-kit']) {
      await visitor('POST', '/api/feedback', feedback(id));
      const stored = JSON.parse(readFileSync(dataFile, 'utf8'));
      assert.ok(stored.visitors['visitor-atomic-1'].feedback.some((entry) => entry.itemId === id), `${id} is on disk when the answer arrives`);
    }
    await Promise.all(['merino-socks', 'cycling-gloves', 'two-person-tent'].map((id) => visitor('POST', '/api/feedback', feedback(id))));
    assert.equal(JSON.parse(readFileSync(dataFile, 'utf8')).visitors['visitor-atomic-1'].feedback.length, 6, 'concurrent writes all land');
    assert.deepEqual(readdirSync(join(scratch.path, 'data')), ['backend.json']);
  });

  test('a file that is not JSON is moved aside and reported, and the server keeps answering', async () => {
    await server.close();
    writeFileSync(dataFile, '{"version": 1, "visitors": {', 'utf8');
    server = await serveBackend({ dataFile });
    assert.equal(server.problems.length, 1);
    assert.match(server.problems[0], /not valid JSON/);
    const aside = readdirSync(join(scratch.path, 'data')).find((name) => name.startsWith('backend.json.corrupt-'));
    assert.ok(aside, 'the bad file was moved aside, not deleted');
    assert.equal(readFileSync(join(scratch.path, 'data', aside), 'utf8'), '{"version": 1, "visitors": {');
    assert.ok(!existsSync(dataFile));

    const summary = await visitorClient(server.url)('GET', '/api/owner/summary');
    assert.equal(summary.status, 200);
    assert.match(summary.json.storageNotice, /moved to/);
    const visitor = visitorClient(server.url, 'visitor-after-corrupt');
    assert.equal((await visitor('POST', '/api/consent', receipt())).status, 201);
    assert.equal(JSON.parse(readFileSync(dataFile, 'utf8')).visitors['visitor-after-corrupt'].receipts.length, 1, 'a fresh file');
  });

  test('a JSON file that fails its checks is moved aside with the field named', async () => {
    await server.close();
    writeFileSync(dataFile, JSON.stringify({ version: 1, visitors: { 'visitor-bad-1': { receipts: 'none' } } }), 'utf8');
    server = await serveBackend({ dataFile });
    assert.equal(server.problems.length, 1);
    assert.match(server.problems[0], /visitors\.visitor-bad-1/);
    assert.ok(readdirSync(join(scratch.path, 'data')).some((name) => name.startsWith('backend.json.corrupt-')));
    assert.equal((await visitorClient(server.url, 'visitor-bad-1')('GET', '/api/recommendations')).status, 200);
  });
});

describe('ranking', () => {
  test('without a consent receipt: popularity order, every product, nothing personal', async () => {
    const ranking = (await visitorClient(server.url, 'visitor-anonymous')('GET', '/api/recommendations')).json;
    assert.equal(ranking.personalized, false);
    assert.equal(ranking.receiptId, null);
    assert.deepEqual(ids(ranking), POPULARITY_ORDER);
  });

  test('refused personalization: feedback is kept for the report only, and the order stays popularity', async () => {
    const visitor = visitorClient(server.url, 'visitor-refused');
    await visitor('POST', '/api/consent', receipt({ personalization: false }));
    const answer = (await visitor('POST', '/api/feedback', feedback('two-person-tent'))).json;
    assert.equal(answer.ok, true);
    assert.match(answer.message, /Personalization is off/);
    assert.deepEqual((await visitor('POST', '/api/views', { itemId: 'two-person-tent', at: new Date().toISOString() })).json, { stored: false });

    const ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.equal(ranking.personalized, false);
    assert.equal(ranking.signalsUsed, 0);
    assert.deepEqual(ids(ranking), POPULARITY_ORDER);
    const exported = (await visitor('GET', '/api/data/export')).json;
    assert.equal(exported.feedback[0].addedToProfile, false);
    assert.deepEqual(exported.profile.signals, []);
  });

  test('granted personalization: what the visitor liked and viewed moves its topic up', async () => {
    const visitor = visitorClient(server.url, 'visitor-granted');
    await visitor('POST', '/api/consent', consentChangeDetail());
    await visitor('POST', '/api/feedback', feedback('two-person-tent'));
    let ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.equal(ranking.personalized, true);
    assert.equal(ids(ranking)[0], 'two-person-tent', 'the liked camping product, last by popularity, comes first');

    for (let view = 0; view < 5; view += 1) {
      assert.equal((await visitor('POST', '/api/views', { itemId: 'cycling-gloves', at: new Date().toISOString() })).status, 201);
    }
    ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.equal(ranking.signalsUsed, 6);
    assert.deepEqual(ids(ranking).slice(0, 2), ['repair-kit', 'cycling-gloves'], 'five views of cycling outweigh one like of camping');
    assert.equal(ids(ranking)[catalog.AD_SLOT], 'aurora-head-torch', 'the paid placement keeps its slot');
  });

  test('the same products either way: personalization reorders, it never removes or adds', async () => {
    const visitor = visitorClient(server.url, 'visitor-same-features');
    await visitor('POST', '/api/consent', receipt());
    await visitor('POST', '/api/feedback', feedback('merino-socks', 'not-helpful', { reason: 'already-have' }));
    const personalized = (await visitor('GET', '/api/recommendations')).json;
    const anonymous = (await visitorClient(server.url, 'visitor-other')('GET', '/api/recommendations')).json;
    assert.notDeepEqual(ids(personalized), ids(anonymous));
    assert.deepEqual([...ids(personalized)].sort(), [...ids(anonymous)].sort());
  });

  test('withdrawing personalization returns to popularity at once, keeping the profile unused', async () => {
    const visitor = visitorClient(server.url, 'visitor-withdraws');
    const start = new Date(Date.now() - HOUR);
    await visitor('POST', '/api/consent', receipt({ decidedAt: start }));
    await visitor('POST', '/api/feedback', feedback('two-person-tent'));
    assert.equal((await visitor('GET', '/api/recommendations')).json.personalized, true);

    const later = receipt({ personalization: false, decidedAt: new Date(start.getTime() + 60_000) });
    assert.deepEqual((await visitor('POST', '/api/consent', later)).json, { stored: true, personalized: false });
    const ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.equal(ranking.receiptId, later.receiptId);
    assert.deepEqual(ids(ranking), POPULARITY_ORDER);
    const interests = (await visitor('GET', '/api/interests')).json;
    assert.equal(interests[0].id, 'camping');
    assert.match(interests[0].source, /not used while personalization is off/);
  });

  test('a receipt sent twice (a retry, or two tabs) is stored once', async () => {
    const visitor = visitorClient(server.url, 'visitor-twice');
    const detail = receipt();
    assert.equal((await visitor('POST', '/api/consent', detail)).status, 201);
    const again = await visitor('POST', '/api/consent', { ...detail, fromOtherTab: true });
    assert.equal(again.status, 200);
    assert.equal(again.json.stored, false);
    assert.equal((await visitor('GET', '/api/data/export')).json.receipts.length, 1);
  });
});

describe('explanations', () => {
  test('each explanation is built from the signals that placed the item, and says its place', async () => {
    const visitor = visitorClient(server.url, 'visitor-explained');
    await visitor('POST', '/api/consent', receipt());
    await visitor('POST', '/api/feedback', feedback('trekking-poles'));
    await visitor('POST', '/api/views', { itemId: 'rain-jacket', at: new Date().toISOString() });
    const ranking = (await visitor('GET', '/api/recommendations')).json;

    const jacket = explanationOf(ranking, 'rain-jacket');
    assert.match(jacket.headline, /because you liked “Trekking poles”/);
    assert.match(jacket.headline, new RegExp(`number ${ids(ranking).indexOf('rain-jacket') + 1} of ${ranking.items.length}`));
    const liked = jacket.reasons.find((reason) => reason.signal === 'liked-items');
    const viewed = jacket.reasons.find((reason) => reason.signal === 'viewed-items');
    assert.equal(liked.kind, 'your-activity');
    assert.match(liked.label, /Trekking poles/);
    assert.match(viewed.label, /once/);
    assert.ok(liked.weight > viewed.weight, 'a like (1) counts more than a view (0.3)');
    assert.deepEqual(jacket.dataCategories, ['Products you liked', 'Products you viewed']);

    // A topic the visitor did nothing about: popularity only, and it says so.
    const socks = explanationOf(ranking, 'merino-socks');
    assert.deepEqual(socks.reasons.map((reason) => reason.kind), ['popularity']);
    assert.deepEqual(socks.dataCategories, []);
  });

  test('without consent every explanation says nothing personal was used', async () => {
    const visitor = visitorClient(server.url, 'visitor-unexplained');
    await visitor('POST', '/api/consent', receipt({ personalization: false }));
    const ranking = (await visitor('GET', '/api/recommendations')).json;
    for (const { id, explanation } of ranking.items) {
      assert.deepEqual(explanation.dataCategories, [], id);
      assert.ok(!explanation.reasons.some((reason) => reason.signal), `${id} names no personal signal`);
      if (explanation.kind !== 'ad') assert.match(explanation.headline, /nothing about you was used/);
    }
    const ad = explanationOf(ranking, 'aurora-head-torch');
    assert.equal(ad.kind, 'ad');
    assert.equal(ad.sponsor.onBehalfOf, 'Aurora Lights Ltd');
  });

  test('“Don’t use this” takes the signal out of the order and out of every explanation', async () => {
    const visitor = visitorClient(server.url, 'visitor-dont-use');
    await visitor('POST', '/api/consent', receipt());
    await visitor('POST', '/api/feedback', feedback('two-person-tent'));
    const control = { itemId: 'two-person-tent', action: 'dont-use-signal', target: 'liked-items' };
    const answer = (await visitor('POST', '/api/explanation-controls', control)).json;
    assert.equal(answer.ok, true);
    assert.match(answer.message, /products you liked will no longer be used/);

    const ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.equal(ranking.signalsUsed, 0);
    assert.deepEqual(ids(ranking), POPULARITY_ORDER);
    assert.ok(!JSON.stringify(ranking.items).includes('liked-items'));
  });

  test('hiding an item leaves it out of the list until the visitor shows hidden items again', async () => {
    const visitor = visitorClient(server.url, 'visitor-hides');
    await visitor('POST', '/api/explanation-controls', { itemId: 'merino-socks', action: 'hide-item', target: null });
    let ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.deepEqual(ranking.hidden, ['merino-socks']);
    assert.ok(!ids(ranking).includes('merino-socks'));
    assert.equal((await visitor('DELETE', '/api/hidden')).json.ok, true);
    ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.deepEqual(ids(ranking), POPULARITY_ORDER);
  });
});

describe('feedback', () => {
  test('a retry with the same requestId is stored once; undo withdraws the like', async () => {
    const visitor = visitorClient(server.url, 'visitor-undo');
    await visitor('POST', '/api/consent', receipt());
    const detail = feedback('two-person-tent');
    await visitor('POST', '/api/feedback', detail);
    await visitor('POST', '/api/feedback', detail);
    let exported = (await visitor('GET', '/api/data/export')).json;
    assert.equal(exported.feedback.length, 1);
    assert.equal(exported.profile.signals.length, 1);

    const undo = await visitor('POST', '/api/feedback/undo', { requestId: detail.requestId, itemId: 'two-person-tent', at: new Date().toISOString() });
    assert.match(undo.json.message, /withdrawn/);
    exported = (await visitor('GET', '/api/data/export')).json;
    assert.ok(exported.feedback[0].withdrawnAt);
    assert.deepEqual(exported.profile.signals, []);
    assert.deepEqual(ids((await visitor('GET', '/api/recommendations')).json), POPULARITY_ORDER);
  });

  test('an explanation rating sent by sendBeacon (text/plain) is stored', async () => {
    const visitor = visitorClient(server.url, 'visitor-beacon');
    const rating = { itemId: 'rain-jacket', helpful: true, at: new Date().toISOString() };
    const sent = await visitor('POST', '/api/explanation-ratings', JSON.stringify(rating), { headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    assert.equal(sent.status, 201);
    assert.deepEqual((await visitor('GET', '/api/data/export')).json.ratings, [rating]);
  });
});

describe('data requests', () => {
  async function visitorWithEverything(id) {
    const visitor = visitorClient(server.url, id);
    await visitor('POST', '/api/consent', receipt());
    await visitor('POST', '/api/feedback', feedback('trail-shoes', 'not-helpful', { reason: 'too-often', comment: 'Seen it' }));
    await visitor('POST', '/api/views', { itemId: 'rain-jacket', at: new Date().toISOString() });
    await visitor('POST', '/api/explanation-controls', { itemId: 'repair-kit', action: 'hide-item', target: null });
    await visitor('POST', '/api/explanation-ratings', { itemId: 'rain-jacket', helpful: false, at: new Date().toISOString() });
    await visitor('POST', '/api/profile-edits', { interestId: 'running', action: 'mark-wrong', at: new Date().toISOString() });
    return visitor;
  }

  test('access: the answer links a download of everything stored about the visitor', async () => {
    const visitor = await visitorWithEverything('visitor-export');
    const access = { kind: 'access', receiptId: null, storeKey: 'candor-consent', requestedAt: new Date().toISOString() };
    const answer = (await visitor('POST', '/api/data-requests', access)).json;
    assert.equal(answer.ok, true);
    assert.equal(answer.url, '/api/data/export');
    assert.match(answer.message, /1 consent receipt and 1 feedback answer/);

    const download = await visitor('GET', answer.url);
    assert.match(download.headers.get('content-disposition'), /^attachment; filename="trailhead-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const exported = download.json;
    const stored = JSON.parse(readFileSync(dataFile, 'utf8')).visitors['visitor-export'];
    assert.equal(exported.visitorId, 'visitor-export');
    for (const key of Object.keys(stored)) assert.deepEqual(exported[key], stored[key], `the export holds "${key}" as stored`);
    assert.equal(exported.feedback[0].comment, 'Seen it');
    assert.equal(exported.controls[0].action, 'hide-item');
    assert.equal(exported.profileEdits[0].interestId, 'running');
    assert.equal(exported.dataRequests[0].kind, 'access');
  });

  test('deletion removes the profile and every log of what the visitor did, keeping receipts and other visitors', async () => {
    const visitor = await visitorWithEverything('visitor-delete');
    const other = await visitorWithEverything('visitor-kept');
    const request = { kind: 'delete', receiptId: null, storeKey: 'candor-consent', requestedAt: new Date().toISOString() };
    const answer = (await visitor('POST', '/api/data-requests', request)).json;
    assert.equal(answer.ok, true);
    assert.match(answer.message, /deleted/);

    const stored = JSON.parse(readFileSync(dataFile, 'utf8')).visitors;
    const deleted = stored['visitor-delete'];
    for (const key of ['feedback', 'controls', 'profileEdits', 'ratings']) assert.deepEqual(deleted[key], [], key);
    assert.deepEqual(deleted.profile, { signals: [], hidden: [], ignored: [] });
    assert.equal(deleted.receipts.length, 1, 'the consent receipt stays as proof of consent');
    assert.deepEqual(deleted.dataRequests.map((entry) => entry.kind), ['delete']);
    assert.equal(stored['visitor-kept'].feedback.length, 1);

    const ranking = (await visitor('GET', '/api/recommendations')).json;
    assert.equal(ranking.signalsUsed, 0);
    assert.deepEqual(ids(ranking), POPULARITY_ORDER);
    assert.equal((await other('GET', '/api/recommendations')).json.hidden.length, 1);
  });
});

describe('bad requests', () => {
  const visitor = () => visitorClient(server.url, 'visitor-bad-requests');

  test('bad JSON, a non-object, unknown fields, wrong types and missing fields get a 400 naming the field', async () => {
    const cases = [
      ['{"itemId": ', /not valid JSON/],
      ['[1, 2]', /must be a JSON object/],
      [{ ...feedback('trail-shoes'), extra: true }, /Unknown field "extra"/],
      [{ ...feedback('trail-shoes'), itemId: 42 }, /Field "itemId" must be a string, not number 42/],
      [{ ...feedback('trail-shoes'), sentiment: 'meh' }, /Field "sentiment" must be one of "helpful", "not-helpful"/],
      [{ ...feedback('trail-shoes'), at: 'yesterday' }, /Field "at" must be an ISO 8601 date and time/],
      [{ ...feedback('trail-shoes'), comment: 'x'.repeat(2001) }, /Field "comment" must be at most 2000 characters/],
      [(({ sentiment: _sentiment, ...rest }) => rest)(feedback('trail-shoes')), /Field "sentiment" is missing/],
      [feedback('no-such-product'), /Field "itemId" names no product/],
    ];
    for (const [body, message] of cases) {
      const response = await visitor()('POST', '/api/feedback', body);
      assert.equal(response.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(response.json.error, message);
    }
    const badDecision = await visitor()('POST', '/api/consent', { ...receipt(), decisions: { personalization: 'yes' } });
    assert.equal(badDecision.status, 400);
    assert.match(badDecision.json.error, /Field "decisions.personalization" must be true or false/);
    assert.ok(!existsSync(dataFile), 'nothing was stored');
  });

  test('unknown routes get 404, wrong methods 405 with Allow, and the data file is never served', async () => {
    const notFound = await visitor()('GET', '/api/nothing-here');
    assert.equal(notFound.status, 404);
    assert.match(notFound.json.error, /No such route: \/api\/nothing-here/);

    const wrongMethod = await visitor()('PUT', '/api/feedback', feedback('trail-shoes'));
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    assert.equal((await visitor()('GET', '/api/feedback')).status, 405);

    await visitor()('POST', '/api/consent', receipt());
    assert.ok(existsSync(dataFile));
    for (const path of ['/.data/backend.json', '/%2Edata/backend.json', '/@fs/work/main/demo/.data/backend.json']) {
      assert.equal((await visitor()('GET', path)).status, 404, path);
    }
  });

  test('a missing or malformed visitor cookie, a wrong content type, a huge body or a query parameter get a clear error', async () => {
    const anonymous = visitorClient(server.url);
    const noCookie = await anonymous('POST', '/api/feedback', feedback('trail-shoes'));
    assert.equal(noCookie.status, 400);
    assert.match(noCookie.json.error, /cookie "trailhead_visitor"/);
    assert.equal((await visitorClient(server.url, 'bad id!')('GET', '/api/recommendations')).status, 400);

    const form = await visitor()('POST', '/api/feedback', 'itemId=x', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415);
    assert.match(form.json.error, /application\/json/);

    const huge = await visitor()('POST', '/api/feedback', { ...feedback('trail-shoes'), comment: 'x'.repeat(70_000) });
    assert.equal(huge.status, 413);

    const query = await visitor()('GET', '/api/recommendations?debug=1');
    assert.equal(query.status, 400);
    assert.match(query.json.error, /Unknown query parameter "debug"/);
  });
});

describe('site owner summary', () => {
  test('consent rates per purpose per period, and feedback by reason', async () => {
    const start = new Date('2026-11-03T10:00:00Z');
    let clock = start;
    await server.close();
    server = await serveBackend({ dataFile, now: () => clock });
    const at = (minutes) => new Date(start.getTime() + minutes * 60_000);
    const decide = (id, minutes, personalization) =>
      visitorClient(server.url, id)('POST', '/api/consent', receipt({ personalization, decidedAt: at(minutes) }));
    await decide('owner-visitor-1', 0, true);
    await decide('owner-visitor-2', 2, false);
    await decide('owner-visitor-2', 3, true); // changed their mind in the same period: the last decision counts
    await decide('owner-visitor-3', 20, false);
    const first = visitorClient(server.url, 'owner-visitor-1');
    await first('POST', '/api/feedback', feedback('trail-shoes', 'not-helpful', { reason: 'too-often' }));
    await first('POST', '/api/feedback', feedback('rain-jacket'));
    const withdrawn = feedback('repair-kit', 'not-helpful');
    await first('POST', '/api/feedback', withdrawn);
    await first('POST', '/api/feedback/undo', { requestId: withdrawn.requestId, itemId: 'repair-kit', at: at(1).toISOString() });

    clock = at(25);
    const summary = (await visitorClient(server.url)('GET', '/api/owner/summary')).json;
    assert.equal(summary.visitors, 3);
    assert.equal(summary.receipts, 4);
    assert.deepEqual(summary.purposes, ['necessary', 'personalization', 'analytics', 'advertising']);
    assert.equal(summary.consentOverTime.periodMinutes, 5);
    const periods = summary.consentOverTime.periods;
    assert.equal(periods.length, 6);
    assert.deepEqual(periods.map((period) => [period.visitors, period.granted.personalization ?? 0]), [
      [2, 2],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 0],
      [0, 0],
    ]);
    assert.deepEqual(summary.feedback.reasons.find((entry) => entry.reason === 'too-often'), { reason: 'too-often', count: 1 });
    assert.equal(summary.feedback.helpful, 1);
    assert.equal(summary.feedback.notHelpful, 1);
    assert.equal(summary.feedback.withdrawn, 1);
    assert.equal(summary.latestReceipts[0].decidedAt, at(20).toISOString());
    assert.ok(!JSON.stringify(summary).includes('owner-visitor'), 'no visitor ids in the owner view');
  });
});
