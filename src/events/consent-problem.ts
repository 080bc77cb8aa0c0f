import type { ConsentProblemDetail } from '../core/types.js';

/**
 * Fired on `document` when the store meets a stored record it cannot trust or storage
 * that fails. The store recovers (no consent is assumed; memory holds the record) and
 * also writes `detail.message` to the console.
 */
export class CandorConsentProblemEvent extends Event {
  static readonly type = 'candor-consent-problem';
  readonly detail: ConsentProblemDetail;
  constructor(detail: ConsentProblemDetail) {
    super(CandorConsentProblemEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-consent-problem': CandorConsentProblemEvent;
  }
}
