// What the example backend answers, shared by the server and the shop page (which imports
// these types only, plus the cookie name). Request bodies are Candor's own event details,
// POSTed as they are; see the route table in backend.ts.
import type { Explanation, FeedbackReason } from '../../src/index.js';

/**
 * The first-party cookie holding the visitor's random id. The shop page sets it (host
 * storage, not Candor's); fetch and sendBeacon send it with every request to the backend.
 */
export const VISITOR_COOKIE = 'trailhead_visitor';
/** A visitor id: a UUID or any 8–64 letters, digits and "-". */
export const VISITOR_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Every error: 400 (bad request, naming the field), 404, 405, 413, 415, 500. */
export interface ApiError {
  error: string;
}

/** `GET /api/recommendations`: the order and, for each item, the explanation of exactly that order. */
export interface RankingAnswer {
  /** Whether the visitor's latest consent receipt (held by the backend) grants personalization. */
  personalized: boolean;
  /** The receipt that decision followed, or null when the backend holds none for this visitor. */
  receiptId: string | null;
  /** How many stored signals (likes, views, "fewer like this" …) the order used; 0 when not personalized. */
  signalsUsed: number;
  items: RankedItem[];
  /** Items the visitor hid: left out of `items`. */
  hidden: string[];
}

export interface RankedItem {
  id: string;
  explanation: Explanation;
}

/** Answers to writes that Candor's elements show to the visitor (`respondWith`). */
export interface Acknowledged {
  ok: boolean;
  message: string;
}

/** `POST /api/consent`. */
export interface ReceiptAnswer {
  /** False when the receipt was already stored (a retry, or the same change seen in two tabs). */
  stored: boolean;
  personalized: boolean;
}

/** `POST /api/views`. */
export interface ViewAnswer {
  /** Views are kept only while personalization is granted. */
  stored: boolean;
}

/** `POST /api/data-requests`: what the privacy center shows. `url` is the export to download. */
export interface DataRequestReply {
  ok: boolean;
  message: string;
  url?: string;
}

/** `GET /api/owner/summary`: the site owner's view of the same backend. */
export interface OwnerSummary {
  generatedAt: string;
  /** Visitors the backend holds anything about. */
  visitors: number;
  receipts: number;
  /** Purpose ids seen in receipts, in first-seen order. */
  purposes: string[];
  consentOverTime: ConsentOverTime;
  feedback: FeedbackReport;
  explanationRatings: { helpful: number; notHelpful: number };
  /** The newest receipts first (at most 10), without visitor ids. */
  latestReceipts: ReceiptRow[];
  /** Set when the data file could not be read at start and was moved aside. */
  storageNotice: string | null;
}

export interface ConsentOverTime {
  /** The length of each period, in minutes; chosen so that at most 12 periods cover the data. */
  periodMinutes: number;
  periods: ConsentPeriod[];
}

/** Of the visitors who decided in one period (their last decision in it), how many allowed each purpose. */
export interface ConsentPeriod {
  start: string;
  visitors: number;
  granted: Record<string, number>;
}

export interface FeedbackReport {
  /** Feedback that stands (withdrawn answers are not counted). */
  helpful: number;
  notHelpful: number;
  withdrawn: number;
  /** "Not helpful" answers by reason, every reason listed (also at 0); `none`: no reason given. */
  reasons: Array<{ reason: FeedbackReason | 'none'; count: number }>;
}

export interface ReceiptRow {
  receiptId: string;
  decidedAt: string;
  source: string;
  gpc: boolean;
  policyVersion: string;
  decisions: Record<string, boolean>;
}
