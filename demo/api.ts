// The shop page's side of the example backend (demo/server/): one method per route, each
// sending a Candor event's `detail` as it is. fetch where the page needs the answer;
// navigator.sendBeacon where it does not (it also survives the page being closed).
//
// The visitor is a random id in a first-party cookie that this page sets: the host's own
// storage, not Candor's (Candor stores only the consent record). fetch and sendBeacon send
// the cookie with every request, so no call has to carry the id.
import type {
  ConsentChangeDetail,
  ConsentStore,
  DataRequestDetail,
  ExplanationControlDetail,
  ExplanationRatingDetail,
  FeedbackDetail,
  FeedbackUndoDetail,
  Interest,
  ProfileEditDetail,
} from '../src/index.js';
import {
  VISITOR_COOKIE,
  VISITOR_ID,
  type Acknowledged,
  type ApiError,
  type DataRequestReply,
  type OwnerSummary,
  type RankingAnswer,
  type ReceiptAnswer,
  type ViewAnswer,
} from './server/api-types.js';

/** How long the visitor id is kept: as long as a consent record at most. */
const VISITOR_COOKIE_MAX_AGE = 182 * 24 * 60 * 60;

/** The visitor's id, from the cookie, or a new random one (set in the cookie). */
export function ensureVisitorId(): string {
  const current = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${VISITOR_COOKIE}=`))
    ?.slice(VISITOR_COOKIE.length + 1);
  if (current && VISITOR_ID.test(current)) return current;
  const id = crypto.randomUUID();
  document.cookie = `${VISITOR_COOKIE}=${id}; Path=/; Max-Age=${VISITOR_COOKIE_MAX_AGE}; SameSite=Lax`;
  return id;
}

/** Forgets the visitor id (the next page load starts as a new visitor). */
export function forgetVisitorId(): void {
  document.cookie = `${VISITOR_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
}

/** The receipt fields of the stored record, for a backend that may not have it yet. */
export function receiptOf(store: ConsentStore): ReceiptFields | null {
  const record = store.record;
  if (!record) return null;
  const { receiptId, policyVersion, source, gpc, locale, decidedAt, expiresAt } = record;
  return { receiptId, policyVersion, decisions: store.decisions, source, gpc, locale, decidedAt, expiresAt };
}

export type ReceiptFields = Pick<
  ConsentChangeDetail,
  'receiptId' | 'policyVersion' | 'decisions' | 'source' | 'gpc' | 'locale' | 'decidedAt' | 'expiresAt'
>;

export class BackendClient {
  /** Consent receipts in flight: every read waits for them, so the backend ranks with the latest decision. */
  private receipts: Promise<unknown> = Promise.resolve();

  /** `candor-consent-change`'s detail (or the stored record's fields). */
  sendReceipt(detail: ConsentChangeDetail | ReceiptFields): Promise<ReceiptAnswer> {
    const sent = this.receipts.then(() => call<ReceiptAnswer>('POST', '/api/consent', detail, { keepalive: true }));
    this.receipts = sent.catch(() => undefined);
    return sent;
  }

  async recommendations(): Promise<RankingAnswer> {
    await this.receipts;
    return call<RankingAnswer>('GET', '/api/recommendations');
  }

  view(itemId: string): Promise<ViewAnswer> {
    return call<ViewAnswer>('POST', '/api/views', { itemId, at: new Date().toISOString() });
  }

  feedback(detail: FeedbackDetail): Promise<Acknowledged> {
    return call<Acknowledged>('POST', '/api/feedback', detail);
  }

  undoFeedback(detail: FeedbackUndoDetail): Promise<Acknowledged> {
    return call<Acknowledged>('POST', '/api/feedback/undo', detail);
  }

  control(detail: ExplanationControlDetail): Promise<Acknowledged> {
    return call<Acknowledged>('POST', '/api/explanation-controls', detail);
  }

  /** A control Candor carries out itself: recorded, nothing to wait for. Returns whether the beacon was queued. */
  noteControl(detail: ExplanationControlDetail): boolean {
    return beacon('/api/explanation-controls', detail);
  }

  /** "Was this explanation helpful?" needs no answer: a beacon. Returns whether it was queued. */
  rateExplanation(detail: ExplanationRatingDetail): boolean {
    return beacon('/api/explanation-ratings', detail);
  }

  async interests(): Promise<Interest[]> {
    await this.receipts;
    return call<Interest[]>('GET', '/api/interests');
  }

  editProfile(detail: ProfileEditDetail): Promise<Acknowledged> {
    return call<Acknowledged>('POST', '/api/profile-edits', detail);
  }

  unhideAll(): Promise<Acknowledged> {
    return call<Acknowledged>('DELETE', '/api/hidden');
  }

  dataRequest(detail: DataRequestDetail): Promise<DataRequestReply> {
    return call<DataRequestReply>('POST', '/api/data-requests', detail);
  }

  ownerSummary(): Promise<OwnerSummary> {
    return call<OwnerSummary>('GET', '/api/owner/summary');
  }
}

/** One request; a non-2xx answer rejects with the backend's message (which names the field). */
async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (payload as ApiError | null)?.error ?? response.statusText;
    throw new Error(`${method} ${path}: ${response.status} ${message}`);
  }
  return payload as T;
}

/** sendBeacon with a string body (sent as text/plain, which the backend accepts as JSON). */
function beacon(path: string, body: unknown): boolean {
  return typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(path, JSON.stringify(body));
}
