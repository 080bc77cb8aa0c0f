import { CandorRequestEvent } from '../internal/respond.js';
import type { Interest } from '../preferences/interests-section.js';

export interface InterestsRequestDetail {
  /** The language tag of the words the section shows (`de`, or `de-AT` where the page says so), so the host can answer in the same language. */
  locale: string;
}

/**
 * Fired by the "What we think you like" section of the privacy center when it is shown
 * and the host has not set its interests (and again on Retry). Answer with
 * `event.respondWith(promiseOfInterests)`; the section shows loading, the list, an empty
 * state, or an error with Retry.
 */
export class CandorInterestsRequestEvent extends CandorRequestEvent<InterestsRequestDetail, Interest[]> {
  static readonly type = 'candor-interests-request';
  constructor(detail: InterestsRequestDetail) {
    super(CandorInterestsRequestEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-interests-request': CandorInterestsRequestEvent;
  }
}
