/** The visitor's verdict on an item. */
export type FeedbackSentiment = 'helpful' | 'not-helpful';

/** Why an item was not helpful. */
export type FeedbackReason =
  | 'not-relevant'
  | 'already-have'
  | 'too-often'
  | 'wrong-about-me'
  | 'offensive'
  | 'other';

export const FEEDBACK_REASONS: readonly FeedbackReason[] = [
  'not-relevant',
  'already-have',
  'too-often',
  'wrong-about-me',
  'offensive',
  'other',
];

/** Layout of `<candor-feedback>`: `inline` shows the question and worded buttons; `compact` shows icon buttons. */
export type FeedbackVariant = 'inline' | 'compact';

/** What `candor-feedback` carries: plain JSON a host can POST as-is. */
export interface FeedbackDetail {
  /**
   * A random id for this piece of feedback. A retry after a failure sends the same id, so
   * the host can ignore duplicates; the undo event names it.
   */
  requestId: string;
  itemId: string;
  sentiment: FeedbackSentiment;
  /** Why it was not helpful (null when helpful, or when the visitor chose no reason). */
  reason: FeedbackReason | null;
  /** The visitor's comment, trimmed (null when none). */
  comment: string | null;
  /** When the visitor sent it (ISO 8601). */
  at: string;
}

/** What `candor-feedback-undo` carries. */
export interface FeedbackUndoDetail {
  /** The `requestId` of the feedback being withdrawn. */
  requestId: string;
  itemId: string;
  /** When the visitor withdrew it (ISO 8601). */
  at: string;
}
