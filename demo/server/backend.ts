// The example personalization backend: plain Node HTTP, mounted by scripts/serve-demo.mjs
// in front of the demo's dev server (127.0.0.1 only). The shop page POSTs Candor's event
// details here as they are, and reads its recommendations, explanations and interests back.
//
//   POST   /api/consent               candor-consent-change detail (or the same fields of store.record)
//   GET    /api/recommendations       the order, each item with the explanation of its place
//   POST   /api/views                 { itemId, at }: kept only with personalization granted
//   POST   /api/feedback              candor-feedback detail
//   POST   /api/feedback/undo         candor-feedback-undo detail
//   POST   /api/explanation-controls  candor-explanation-control detail
//   POST   /api/explanation-ratings   candor-explanation-rating detail (sent with sendBeacon)
//   GET    /api/interests             "What we think you like"
//   POST   /api/profile-edits         candor-profile-edit detail
//   DELETE /api/hidden                shows hidden products again
//   POST   /api/data-requests         candor-data-request detail: access or delete
//   GET    /api/data/export           everything held about the visitor, as a JSON download
//   GET    /api/owner/summary         the site owner's view (aggregates)
//
// The visitor is the random id in the `trailhead_visitor` cookie. Every body is checked
// field by field: bad JSON, unknown fields and wrong types get a 400 naming the field.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ConsentChangeDetail,
  DataRequestDetail,
  ExplanationControlDetail,
  ExplanationRatingDetail,
  FeedbackDetail,
  FeedbackUndoDetail,
  Interest,
  ProfileEditDetail,
} from '../../src/index.js';
import { TOPICS, isTopic, productById, topicByNoun, type Product } from '../catalog.js';
import {
  VISITOR_COOKIE,
  VISITOR_ID,
  type Acknowledged,
  type DataRequestReply,
  type RankingAnswer,
  type ReceiptAnswer,
  type ViewAnswer,
} from './api-types.js';
import { ownerSummary } from './owner-report.js';
import { describeHeldData, interestsOf, profileData, recommend, sourceOf } from './recommender.js';
import { DataFile } from './storage.js';
import { RequestError, parseBody, type Schema } from './validate.js';
import {
  CONTROL_FIELDS,
  FEEDBACK_FIELDS,
  PROFILE_EDIT_FIELDS,
  RATING_FIELDS,
  RECEIPT_FIELDS,
  SIGNAL_SOURCES,
  addSignal,
  deleteVisitorData,
  forgetTopic,
  latestReceipt,
  newVisitor,
  personalizationGranted,
  withdrawFeedbackSignal,
  type SignalSource,
  type StoredFeedback,
  type VisitorRecord,
} from './visitor.js';

export interface BackendOptions {
  /** The JSON data file; created on the first write. */
  dataFile: string;
  /** Pretend network latency in milliseconds, so the page's loading states show (default 0). */
  latencyMs?: number;
  /** The clock (tests). */
  now?: () => Date;
  /** Where problems are written (default console.error). */
  report?: (message: string) => void;
}

export interface Backend {
  /** Connect-style middleware: answers /api/*, refuses /.data/*, hands everything else to `next`. */
  handle(request: IncomingMessage, response: ServerResponse, next?: () => void): void;
  /** Waits for every pending write. */
  close(): Promise<void>;
  readonly dataFile: string;
  /** Why the data file was moved aside at start, or null. */
  readonly storageProblem: string | null;
}

type Method = 'GET' | 'POST' | 'DELETE';

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The stored data changed: written to the file before the reply is sent. */
  changed?: boolean;
}

interface Context {
  body: string;
  now: Date;
  /** The visitor's id from the cookie (a 400 when missing or malformed). */
  visitorId(): string;
  /** The visitor's stored record, created on first write. */
  visitor(): VisitorRecord;
  /** The visitor's stored record, or null: reading never creates one. */
  existingVisitor(): VisitorRecord | null;
}

type Handler = (context: Context) => Reply;

const MAX_BODY_BYTES = 64 * 1024;
/** Any path through a `.data` folder. */
const DATA_PATH = /(^|\/)\.data(\/|$)/;
const EXPORT_URL = '/api/data/export';

type ReceiptBody = Pick<
  ConsentChangeDetail,
  'receiptId' | 'policyVersion' | 'decisions' | 'source' | 'gpc' | 'locale' | 'decidedAt' | 'expiresAt'
> &
  Partial<Pick<ConsentChangeDetail, 'changed' | 'previous' | 'persisted' | 'storage' | 'storeKey' | 'fromOtherTab'>>;

const RECEIPT_BODY: Schema<ReceiptBody> = {
  ...RECEIPT_FIELDS,
  // The rest of the candor-consent-change detail; left out when the page sends store.record's fields.
  changed: { type: 'strings', max: 50, optional: true },
  previous: { type: 'flags', optional: true },
  persisted: { type: 'boolean', optional: true },
  storage: { type: 'string', max: 40, optional: true },
  storeKey: { type: 'string', max: 100, optional: true },
  fromOtherTab: { type: 'boolean', optional: true },
};
const FEEDBACK_BODY: Schema<FeedbackDetail> = FEEDBACK_FIELDS;
const CONTROL_BODY: Schema<ExplanationControlDetail> = CONTROL_FIELDS;
const RATING_BODY: Schema<ExplanationRatingDetail> = RATING_FIELDS;
const PROFILE_EDIT_BODY: Schema<ProfileEditDetail> = PROFILE_EDIT_FIELDS;
const UNDO_BODY: Schema<FeedbackUndoDetail> = {
  requestId: FEEDBACK_FIELDS.requestId,
  itemId: FEEDBACK_FIELDS.itemId,
  at: FEEDBACK_FIELDS.at,
};
const DATA_REQUEST_BODY: Schema<DataRequestDetail> = {
  kind: { type: 'string', oneOf: ['access', 'delete'] },
  receiptId: { type: 'string', max: 64, nullable: true },
  storeKey: { type: 'string', max: 100 },
  requestedAt: { type: 'string', dateTime: true },
};
interface ViewBody {
  itemId: string;
  at: string;
}
const VIEW_BODY: Schema<ViewBody> = { itemId: FEEDBACK_FIELDS.itemId, at: FEEDBACK_FIELDS.at };

const SIGNAL_NAMES: Record<SignalSource, string> = {
  'liked-items': 'the products you liked',
  'viewed-items': 'the products you looked at',
};

const ROUTES: Record<string, Partial<Record<Method, Handler>>> = {
  '/api/consent': { POST: storeReceipt },
  '/api/recommendations': { GET: recommendations },
  '/api/views': { POST: storeView },
  '/api/feedback': { POST: storeFeedback },
  '/api/feedback/undo': { POST: undoFeedback },
  '/api/explanation-controls': { POST: applyControl },
  '/api/explanation-ratings': { POST: storeRating },
  '/api/interests': { GET: interests },
  '/api/profile-edits': { POST: editProfile },
  '/api/hidden': { DELETE: unhideAll },
  '/api/data-requests': { POST: dataRequest },
  [EXPORT_URL]: { GET: exportData },
};

export function createBackend(options: BackendOptions): Backend {
  const report = options.report ?? ((message: string) => console.error(message));
  const clock = options.now ?? (() => new Date());
  const latencyMs = options.latencyMs ?? 0;
  const file = new DataFile(options.dataFile, report);
  const { visitors } = file.data;

  const routes: Record<string, Partial<Record<Method, Handler>>> = {
    ...ROUTES,
    '/api/owner/summary': { GET: ({ now }) => json(200, ownerSummary(file.data, now, file.problem)) },
  };

  async function answer(request: IncomingMessage, url: URL): Promise<Reply> {
    const route = routes[url.pathname];
    if (!route) throw new RequestError(404, `No such route: ${url.pathname}. Routes: ${Object.keys(routes).join(', ')}.`);
    const method = request.method ?? 'GET';
    const handler = route[method as Method];
    if (!handler) {
      const allowed = Object.keys(route).join(', ');
      throw new RequestError(405, `${url.pathname} takes ${allowed}, not ${method}.`, { Allow: allowed });
    }
    const parameter = [...url.searchParams.keys()][0];
    if (parameter !== undefined) throw new RequestError(400, `Unknown query parameter "${parameter}": ${url.pathname} takes none.`);
    const body = method === 'POST' ? await readBody(request) : (await drain(request), '');
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));

    let id: string | null = null;
    const context: Context = {
      body,
      now: clock(),
      visitorId: () => (id ??= visitorIdOf(request)),
      visitor: () => (visitors[context.visitorId()] ??= newVisitor(context.now)),
      existingVisitor: () => (Object.hasOwn(visitors, context.visitorId()) ? visitors[context.visitorId()]! : null),
    };
    const reply = handler(context);
    if (reply.changed) await file.save();
    return reply;
  }

  function handle(request: IncomingMessage, response: ServerResponse, next?: () => void): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // The data file lives under the demo's folder: never serve it, whatever the static server
    // would do, however the path is spelled (/.data/…, /%2Edata/…, /@fs/…/.data/…).
    if (DATA_PATH.test(safeDecode(url.pathname))) {
      send(response, json(404, { error: 'Not found.' }));
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      if (next) next();
      else send(response, json(404, { error: `Not found: ${url.pathname}` }));
      return;
    }
    answer(request, url).then(
      (reply) => send(response, reply),
      (error: unknown) => {
        if (error instanceof RequestError) {
          send(response, json(error.status, { error: error.message }, error.headers));
          return;
        }
        report(`Example backend: ${request.method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        send(response, json(500, { error: 'The example backend failed; its console says why.' }));
      },
    );
  }

  return { handle, close: () => file.flush(), dataFile: file.path, storageProblem: file.problem };
}

// ── Handlers: each checks its body, changes the visitor's record, and says what it did ──

function storeReceipt({ body, now, visitor }: Context): Reply {
  const detail = parseBody(body, RECEIPT_BODY);
  const record = visitor();
  const known = record.receipts.some((receipt) => receipt.receiptId === detail.receiptId);
  if (!known) {
    const { receiptId, policyVersion, decisions, source, gpc, locale, decidedAt, expiresAt } = detail;
    record.receipts.push({ receiptId, policyVersion, decisions, source, gpc, locale, decidedAt, expiresAt, receivedAt: now.toISOString() });
  }
  const answer: ReceiptAnswer = { stored: !known, personalized: personalizationGranted(record, now) };
  return { ...json(known ? 200 : 201, answer), changed: !known };
}

function recommendations({ now, existingVisitor }: Context): Reply {
  const record = existingVisitor() ?? newVisitor(now);
  const personalized = personalizationGranted(record, now);
  const { items, signalsUsed } = recommend(profileData(record), personalized);
  const answer: RankingAnswer = {
    personalized,
    receiptId: latestReceipt(record)?.receiptId ?? null,
    signalsUsed,
    items,
    hidden: [...record.profile.hidden],
  };
  return json(200, answer);
}

function storeView({ body, now, visitor, existingVisitor }: Context): Reply {
  const { itemId, at } = parseBody(body, VIEW_BODY);
  const product = requireProduct(itemId);
  const existing = existingVisitor();
  if (!existing || !personalizationGranted(existing, now)) return json(200, { stored: false } satisfies ViewAnswer);
  addSignal(visitor(), { kind: 'view', itemId, topic: product.topic, at, feedbackId: null });
  return { ...json(201, { stored: true } satisfies ViewAnswer), changed: true };
}

function storeFeedback({ body, now, visitor }: Context): Reply {
  const detail = parseBody(body, FEEDBACK_BODY);
  const product = requireProduct(detail.itemId);
  const record = visitor();
  // A retry sends the same requestId: answer as the first time, store nothing twice.
  const earlier = record.feedback.find((entry) => entry.requestId === detail.requestId);
  if (earlier) return acknowledge(feedbackMessage(earlier, product));
  const personalized = personalizationGranted(record, now);
  const stored: StoredFeedback = { ...detail, addedToProfile: personalized, withdrawnAt: null };
  record.feedback.push(stored);
  if (personalized) {
    const kind = detail.sentiment === 'helpful' ? 'like' : 'dislike';
    addSignal(record, { kind, itemId: product.id, topic: product.topic, at: detail.at, feedbackId: detail.requestId });
  }
  return { ...acknowledge(feedbackMessage(stored, product)), changed: true };
}

function feedbackMessage(feedback: StoredFeedback, product: Product): string {
  const noun = TOPICS[product.topic].noun;
  if (!feedback.addedToProfile) {
    return 'Thank you. Personalization is off, so your answer only counts in the shop’s feedback report: it is not added to a profile and does not change what you see.';
  }
  return feedback.sentiment === 'helpful' ? `Thank you. You'll see more ${noun} products.` : `Thank you. You'll see fewer ${noun} products.`;
}

function undoFeedback({ body, existingVisitor }: Context): Reply {
  const detail = parseBody(body, UNDO_BODY);
  const feedback = existingVisitor()?.feedback.find((entry) => entry.requestId === detail.requestId);
  if (!feedback) return acknowledge('We had not kept that answer, so there is nothing to withdraw.');
  if (feedback.itemId !== detail.itemId) {
    throw new RequestError(400, `Field "itemId" is "${detail.itemId}", but feedback ${detail.requestId} was about "${feedback.itemId}".`);
  }
  if (feedback.withdrawnAt !== null) return acknowledge('Your feedback was withdrawn and no longer counts.');
  feedback.withdrawnAt = detail.at;
  withdrawFeedbackSignal(existingVisitor()!, detail.requestId);
  return { ...acknowledge('Your feedback was withdrawn and no longer counts.'), changed: true };
}

function applyControl({ body, now, visitor }: Context): Reply {
  const detail = parseBody(body, CONTROL_BODY);
  const { action, itemId, target } = detail;
  const product = requireProduct(itemId);
  const record = visitor();
  record.controls.push({ ...detail, receivedAt: now.toISOString() });
  const at = now.toISOString();
  const changed = (message: string, ok = true): Reply => ({ ...acknowledge(message, ok), changed: true });
  switch (action) {
    case 'turn-off-personalization':
    case 'manage-preferences':
      return changed('Noted. Candor carries this out in the page.');
    case 'not-interested': {
      const topic = topicByNoun(target) ?? product.topic;
      addSignal(record, { kind: 'not-interested', itemId, topic, at, feedbackId: null });
      return changed(`Done: ${TOPICS[topic].noun} products move to the end of your recommendations.`);
    }
    case 'fewer-like-this': {
      const topic = topicByNoun(target) ?? product.topic;
      addSignal(record, { kind: 'fewer', itemId, topic, at, feedbackId: null });
      return changed(`Done: ${TOPICS[topic].noun} products count for less in your recommendations.`);
    }
    case 'hide-item':
      if (!record.profile.hidden.includes(itemId)) record.profile.hidden.push(itemId);
      return changed(`Done: “${product.name}” is hidden. It leaves the list when you close this box.`);
    case 'dont-use-signal': {
      if (!SIGNAL_SOURCES.includes(target as SignalSource)) return changed('This site does not know that signal.', false);
      const source = target as SignalSource;
      if (!record.profile.ignored.includes(source)) record.profile.ignored.push(source);
      return changed(`Done: ${SIGNAL_NAMES[source]} will no longer be used to choose what you see.`);
    }
  }
}

function storeRating({ body, visitor }: Context): Reply {
  const detail = parseBody(body, RATING_BODY);
  requireProduct(detail.itemId);
  visitor().ratings.push(detail);
  return { ...json(201, { stored: true }), changed: true };
}

function interests({ now, existingVisitor }: Context): Reply {
  const record = existingVisitor() ?? newVisitor(now);
  const personalized = personalizationGranted(record, now);
  const answer: Interest[] = interestsOf(profileData(record)).map(({ topic, share, summary }) => ({
    id: topic,
    label: TOPICS[topic].label,
    source: personalized ? sourceOf(summary) : `${sourceOf(summary)} (kept, but not used while personalization is off)`,
    weight: share,
  }));
  return json(200, answer);
}

function editProfile({ body, now, visitor }: Context): Reply {
  const detail = parseBody(body, PROFILE_EDIT_BODY);
  const { interestId, action } = detail;
  if (!isTopic(interestId)) {
    throw new RequestError(400, `Field "interestId" must be one of ${Object.keys(TOPICS).join(', ')}, not "${interestId}".`);
  }
  const record = visitor();
  record.profileEdits.push(detail);
  forgetTopic(record, interestId);
  const label = TOPICS[interestId].label;
  if (action === 'mark-wrong') {
    addSignal(record, { kind: 'fewer', itemId: '', topic: interestId, at: now.toISOString(), feedbackId: null });
    return { ...acknowledge(`Thank you. “${label}” is removed, and ${TOPICS[interestId].noun} products count for less.`), changed: true };
  }
  return { ...acknowledge(`“${label}” is removed from your profile and no longer used.`), changed: true };
}

function unhideAll({ existingVisitor }: Context): Reply {
  const record = existingVisitor();
  if (!record?.profile.hidden.length) return acknowledge('No products were hidden.');
  record.profile.hidden = [];
  return { ...acknowledge('Hidden products are shown again.'), changed: true };
}

function dataRequest({ body, now, existingVisitor }: Context): Reply {
  const detail = parseBody(body, DATA_REQUEST_BODY);
  const record = existingVisitor();
  if (detail.kind === 'access') {
    const message = record ? describeHeldData(record) : 'We hold nothing about you.';
    record?.dataRequests.push({ kind: 'access', requestedAt: detail.requestedAt, answeredAt: now.toISOString() });
    return { ...json(200, { ok: true, message, url: EXPORT_URL } satisfies DataRequestReply), changed: record !== null };
  }
  if (!record) return json(200, { ok: true, message: 'We held nothing about you, so there was nothing to delete.' } satisfies DataRequestReply);
  deleteVisitorData(record);
  record.dataRequests.push({ kind: 'delete', requestedAt: detail.requestedAt, answeredAt: now.toISOString() });
  const message =
    'Done: your profile, hidden products, feedback and answers are deleted from the shop’s server. ' +
    'Your consent receipts stay, so we can show what you agreed to.';
  return { ...json(200, { ok: true, message } satisfies DataRequestReply), changed: true };
}

function exportData({ now, visitorId, existingVisitor }: Context): Reply {
  const record = existingVisitor();
  const date = now.toISOString().slice(0, 10);
  const body = {
    about:
      'Everything the Trailhead example backend holds about you, as stored. "profile" is what orders your ' +
      'recommendations (used only while personalization is on); the rest is the record of what you did and chose.',
    exportedAt: now.toISOString(),
    visitorId: visitorId(),
    personalizationGranted: record ? personalizationGranted(record, now) : false,
    ...(record ?? newVisitor(now)),
    derivedInterests: record ? interestsOf(profileData(record)).map(({ topic, share }) => ({ topic, share })) : [],
  };
  return json(200, body, { 'Content-Disposition': `attachment; filename="trailhead-data-${date}.json"` });
}

// ── Helpers ──

function requireProduct(itemId: string): Product {
  const product = productById(itemId);
  if (!product) throw new RequestError(400, `Field "itemId" names no product: "${itemId}".`);
  return product;
}

function acknowledge(message: string, ok = true): Reply {
  return json(200, { ok, message } satisfies Acknowledged);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

function send(response: ServerResponse, { status, body, headers = {} }: Reply): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(text);
}

/** A decoded path; one that cannot be decoded is compared as it is. */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function visitorIdOf(request: IncomingMessage): string {
  const cookies = (request.headers.cookie ?? '').split(';').map((part) => part.trim());
  const entry = cookies.find((part) => part.startsWith(`${VISITOR_COOKIE}=`));
  if (!entry) {
    throw new RequestError(400, `Missing the visitor id: the page must set the cookie "${VISITOR_COOKIE}" (8–64 letters, digits or "-").`);
  }
  const id = decodeURIComponent(entry.slice(VISITOR_COOKIE.length + 1));
  if (!VISITOR_ID.test(id)) throw new RequestError(400, `The cookie "${VISITOR_COOKIE}" must be 8–64 letters, digits or "-".`);
  return id;
}

/** Reads a POST body as text: JSON (fetch) or text/plain (sendBeacon with a string), at most 64 KiB. */
async function readBody(request: IncomingMessage): Promise<string> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const text = await new Promise<string | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is still read (and dropped), so the 413 reaches the client.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new RequestError(415, `Send the body as application/json (or text/plain from sendBeacon), not "${type || 'no content type'}".`);
  }
  if (text === null) throw new RequestError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  return text;
}

/** Reads and drops a body nobody asked for, so the connection can answer. */
async function drain(request: IncomingMessage): Promise<void> {
  request.resume();
  if (!request.readableEnded) await new Promise((resolve) => request.once('end', resolve).once('error', resolve));
}
