import { CandorRequestEvent, type Acknowledgement } from '../internal/respond.js';
import type { FeedbackUndoDetail } from '../feedback/feedback.types.js';

export type { FeedbackUndoDetail };

/**
 * Fired by `<candor-feedback>` when the visitor withdraws feedback the host had
 * acknowledged. Confirm with `event.respondWith(promise)` like `candor-feedback`.
 */
export class CandorFeedbackUndoEvent extends CandorRequestEvent<FeedbackUndoDetail, Acknowledgement> {
  static readonly type = 'candor-feedback-undo';
  constructor(detail: FeedbackUndoDetail) {
    super(CandorFeedbackUndoEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-feedback-undo': CandorFeedbackUndoEvent;
  }
}
