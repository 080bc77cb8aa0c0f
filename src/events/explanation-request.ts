import { CandorRequestEvent } from '../internal/respond.js';
import type { Explanation, ExplanationKind } from '../why/why.types.js';

export interface ExplanationRequestDetail {
  /** The item's id (`item-id` of `<candor-why>`). */
  itemId: string;
  /** `recommendation` or `ad`, when the element's `kind` attribute says. */
  kind?: ExplanationKind;
  /** The language tag of the words the popover shows (`de`, or `de-AT` where the page says so), so the host can answer in the same language. */
  locale: string;
}

/**
 * Fired by `<candor-why>` the first time its popover opens without an `explanation`
 * property (and again on Retry). Answer with `event.respondWith(promiseOfExplanation)`;
 * the popover shows loading, then the answer, an error with Retry, or a timeout.
 *
 * @example
 * ```js
 * document.addEventListener('candor-explanation-request', (event) => {
 *   event.respondWith(fetch(`/api/why/${event.detail.itemId}`).then((r) => r.json()));
 * });
 * ```
 */
export class CandorExplanationRequestEvent extends CandorRequestEvent<ExplanationRequestDetail, Explanation> {
  static readonly type = 'candor-explanation-request';
  constructor(detail: ExplanationRequestDetail) {
    super(CandorExplanationRequestEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-explanation-request': CandorExplanationRequestEvent;
  }
}
