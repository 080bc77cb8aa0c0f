import { CandorRequestEvent, type Acknowledgement } from '../internal/respond.js';
import type { ExplanationAction } from '../why/why.types.js';

export interface ExplanationControlDetail {
  /** The item's id (`item-id` of `<candor-why>`). */
  itemId: string;
  /** What the visitor chose. */
  action: ExplanationAction;
  /**
   * What the action is about: the topic for `not-interested` and `fewer-like-this` (null
   * when the explanation names none), the reason's `signal` for `dont-use-signal`, the
   * item id for `hide-item`, null for `manage-preferences` and `turn-off-personalization`.
   */
  target: string | null;
}

/**
 * Fired by `<candor-why>` when the visitor uses a control in the popover. For
 * `not-interested`, `fewer-like-this`, `hide-item` and `dont-use-signal` the host must
 * confirm with `event.respondWith(promise)` (see `Acknowledgement`): the popover says what
 * changed, or that it failed (also when nobody answers). `turn-off-personalization` is
 * carried out by Candor through the consent store and `manage-preferences` opens the
 * privacy center; for those two the event only informs and any answer is ignored.
 */
export class CandorExplanationControlEvent extends CandorRequestEvent<ExplanationControlDetail, Acknowledgement> {
  static readonly type = 'candor-explanation-control';
  constructor(detail: ExplanationControlDetail) {
    super(CandorExplanationControlEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-explanation-control': CandorExplanationControlEvent;
  }
}
