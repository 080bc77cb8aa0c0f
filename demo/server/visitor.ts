// What the example backend keeps about one visitor, and every change to it. The logs
// (receipts, feedback, controls, profile edits, ratings, data requests) are what happened;
// `profile` is what the recommender reads. Nothing here touches the file: storage.ts does.
import type { ConsentSource, FeedbackDetail } from '../../src/index.js';
import { EXPLANATION_ACTIONS, type ExplanationAction } from '../../src/why/why.types.js';
import { FEEDBACK_REASONS } from '../../src/feedback/feedback.types.js';
import { TOPICS, type TopicId } from '../catalog.js';
import type { Rule, Schema } from './validate.js';

export type SignalKind = 'like' | 'dislike' | 'view' | 'fewer' | 'not-interested';

/** Signals a visitor can exclude with "Don't use this" in an explanation. */
export type SignalSource = 'liked-items' | 'viewed-items';
export const SIGNAL_SOURCES: readonly SignalSource[] = ['liked-items', 'viewed-items'];

/** One thing the visitor did that counts towards a topic. */
export interface Signal {
  kind: SignalKind;
  /** The item it came from ("" for a topic-wide edit in the privacy center). */
  itemId: string;
  topic: TopicId;
  at: string;
  /** The feedback that created it, so Undo takes exactly it back. */
  feedbackId: string | null;
}

export interface StoredReceipt {
  receiptId: string;
  policyVersion: string;
  decisions: Record<string, boolean>;
  source: ConsentSource;
  gpc: boolean;
  locale: string;
  decidedAt: string;
  expiresAt: string;
  receivedAt: string;
}

/** The feedback event's detail as received, and what the backend did with it. */
export interface StoredFeedback extends FeedbackDetail {
  /** Whether it was added to the profile (only while personalization was granted). */
  addedToProfile: boolean;
  withdrawnAt: string | null;
}

export interface StoredControl {
  itemId: string;
  action: ExplanationAction;
  target: string | null;
  receivedAt: string;
}

export interface StoredProfileEdit {
  interestId: string;
  action: 'remove' | 'mark-wrong';
  at: string;
}

export interface StoredRating {
  itemId: string;
  helpful: boolean;
  at: string;
}

export interface StoredDataRequest {
  kind: 'access' | 'delete';
  requestedAt: string;
  answeredAt: string;
}

export interface VisitorProfile {
  signals: Signal[];
  /** Items the visitor hid (honoured with personalization on or off: it is their explicit choice). */
  hidden: string[];
  ignored: SignalSource[];
}

export interface VisitorRecord {
  firstSeen: string;
  receipts: StoredReceipt[];
  feedback: StoredFeedback[];
  controls: StoredControl[];
  profileEdits: StoredProfileEdit[];
  ratings: StoredRating[];
  dataRequests: StoredDataRequest[];
  profile: VisitorProfile;
}

export function newVisitor(now: Date): VisitorRecord {
  return {
    firstSeen: now.toISOString(),
    receipts: [],
    feedback: [],
    controls: [],
    profileEdits: [],
    ratings: [],
    dataRequests: [],
    profile: { signals: [], hidden: [], ignored: [] },
  };
}

/** The receipt that counts now: the latest decision (by decision time, then arrival). */
export function latestReceipt(visitor: VisitorRecord): StoredReceipt | null {
  let latest: StoredReceipt | null = null;
  for (const receipt of visitor.receipts) {
    if (!latest || Date.parse(receipt.decidedAt) >= Date.parse(latest.decidedAt)) latest = receipt;
  }
  return latest;
}

/** Personalization is granted by the latest receipt, if it has not expired. */
export function personalizationGranted(visitor: VisitorRecord, now: Date): boolean {
  const receipt = latestReceipt(visitor);
  return receipt !== null && receipt.decisions.personalization === true && Date.parse(receipt.expiresAt) > now.getTime();
}

/** Adds a signal; the latest feedback on an item replaces the earlier one. */
export function addSignal(visitor: VisitorRecord, signal: Signal): void {
  const { profile } = visitor;
  if (signal.feedbackId) profile.signals = profile.signals.filter((entry) => !(entry.feedbackId && entry.itemId === signal.itemId));
  profile.signals.push(signal);
}

/** Takes back the signal of one piece of feedback; returns whether there was one. */
export function withdrawFeedbackSignal(visitor: VisitorRecord, feedbackId: string): boolean {
  const before = visitor.profile.signals.length;
  visitor.profile.signals = visitor.profile.signals.filter((entry) => entry.feedbackId !== feedbackId);
  return visitor.profile.signals.length !== before;
}

/** Forgets everything about a topic; returns whether anything was held. */
export function forgetTopic(visitor: VisitorRecord, topic: TopicId): boolean {
  const before = visitor.profile.signals.length;
  visitor.profile.signals = visitor.profile.signals.filter((entry) => entry.topic !== topic);
  return visitor.profile.signals.length !== before;
}

/**
 * "Delete my data": the profile and every log about what the visitor did go. The consent
 * receipts stay (the site must be able to show what the visitor agreed to, GDPR Art. 7(1)),
 * and so does the note that a deletion was done.
 */
export function deleteVisitorData(visitor: VisitorRecord): void {
  visitor.feedback = [];
  visitor.controls = [];
  visitor.profileEdits = [];
  visitor.ratings = [];
  visitor.profile = { signals: [], hidden: [], ignored: [] };
}

// ── Schemas of the data file (checked on load) ──

const TOPIC_IDS = Object.keys(TOPICS);
const SOURCES = ['banner', 'preferences', 'why', 'api', 'gpc'] as const satisfies readonly ConsentSource[];
const dateTime: Rule = { type: 'string', dateTime: true };
const nullableDateTime: Rule = { type: 'string', dateTime: true, nullable: true };
const shortText: Rule = { type: 'string', max: 200 };

export const RECEIPT_FIELDS = {
  receiptId: { type: 'string', max: 64, pattern: /^[A-Za-z0-9-]+$/ },
  policyVersion: { type: 'string', max: 64 },
  decisions: { type: 'flags' },
  source: { type: 'string', oneOf: SOURCES },
  gpc: { type: 'boolean' },
  locale: { type: 'string', max: 35 },
  decidedAt: dateTime,
  expiresAt: dateTime,
} as const satisfies Record<string, Rule>;

const STORED_RECEIPT: Schema<StoredReceipt> = { ...RECEIPT_FIELDS, receivedAt: dateTime };

export const FEEDBACK_FIELDS = {
  requestId: { type: 'string', max: 64, pattern: /^[A-Za-z0-9-]+$/ },
  itemId: shortText,
  sentiment: { type: 'string', oneOf: ['helpful', 'not-helpful'] },
  reason: { type: 'string', oneOf: FEEDBACK_REASONS, nullable: true },
  comment: { type: 'string', max: 2000, nullable: true },
  at: dateTime,
} as const satisfies Record<string, Rule>;

const STORED_FEEDBACK: Schema<StoredFeedback> = { ...FEEDBACK_FIELDS, addedToProfile: { type: 'boolean' }, withdrawnAt: nullableDateTime };

export const CONTROL_FIELDS = {
  itemId: shortText,
  action: { type: 'string', oneOf: EXPLANATION_ACTIONS },
  target: { type: 'string', max: 200, nullable: true },
} as const satisfies Record<string, Rule>;

const STORED_CONTROL: Schema<StoredControl> = { ...CONTROL_FIELDS, receivedAt: dateTime };

export const PROFILE_EDIT_FIELDS = {
  interestId: shortText,
  action: { type: 'string', oneOf: ['remove', 'mark-wrong'] },
  at: dateTime,
} as const satisfies Record<string, Rule>;

export const RATING_FIELDS = { itemId: shortText, helpful: { type: 'boolean' }, at: dateTime } as const satisfies Record<string, Rule>;

const STORED_DATA_REQUEST: Schema<StoredDataRequest> = {
  kind: { type: 'string', oneOf: ['access', 'delete'] },
  requestedAt: dateTime,
  answeredAt: dateTime,
};

const SIGNAL: Schema<Signal> = {
  kind: { type: 'string', oneOf: ['like', 'dislike', 'view', 'fewer', 'not-interested'] },
  itemId: { type: 'string', max: 200 },
  topic: { type: 'string', oneOf: TOPIC_IDS },
  at: dateTime,
  feedbackId: { type: 'string', max: 64, nullable: true },
};

const PROFILE: Schema<VisitorProfile> = {
  signals: { type: 'objects', schema: SIGNAL },
  hidden: { type: 'strings' },
  ignored: { type: 'strings', oneOf: SIGNAL_SOURCES },
};

export const VISITOR_RECORD: Schema<VisitorRecord> = {
  firstSeen: dateTime,
  receipts: { type: 'objects', schema: STORED_RECEIPT },
  feedback: { type: 'objects', schema: STORED_FEEDBACK },
  controls: { type: 'objects', schema: STORED_CONTROL },
  profileEdits: { type: 'objects', schema: PROFILE_EDIT_FIELDS satisfies Schema<StoredProfileEdit> },
  ratings: { type: 'objects', schema: RATING_FIELDS satisfies Schema<StoredRating> },
  dataRequests: { type: 'objects', schema: STORED_DATA_REQUEST },
  profile: { type: 'object', schema: PROFILE },
};
