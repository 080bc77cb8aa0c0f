import { CandorRequestEvent, type Acknowledgement } from '../internal/respond.js';
import type { FeedbackDetail } from '../feedback/feedback.types.js';

export type { FeedbackDetail };

/**
 * Fired by `<candor-feedback>` when the visitor sends feedback. Confirm with
 * `event.respondWith(promise)` (see `Acknowledgement`): resolve to acknowledge, resolve
 * `{ ok: false, message }` to decline, reject when it failed. The widget shows which; it
 * also reports a failure when nobody answers, so feedback is never lost silently.
 */
export class CandorFeedbackEvent extends CandorRequestEvent<FeedbackDetail, Acknowledgement> {
  static readonly type = 'candor-feedback';
  constructor(detail: FeedbackDetail) {
    super(CandorFeedbackEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-feedback': CandorFeedbackEvent;
  }
}
