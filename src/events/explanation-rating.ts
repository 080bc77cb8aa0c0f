export interface ExplanationRatingDetail {
  itemId: string;
  /** The visitor's answer to "Was this explanation helpful?". */
  helpful: boolean;
  /** When the visitor answered (ISO 8601). */
  at: string;
}

/**
 * Fired by `<candor-why>` when the visitor answers "Was this explanation helpful?", so
 * the site can evaluate its explanations. Nothing to answer.
 */
export class CandorExplanationRatingEvent extends Event {
  static readonly type = 'candor-explanation-rating';
  readonly detail: ExplanationRatingDetail;
  constructor(detail: ExplanationRatingDetail) {
    super(CandorExplanationRatingEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-explanation-rating': CandorExplanationRatingEvent;
  }
}
