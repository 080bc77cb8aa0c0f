import type { ConsentChangeDetail } from '../core/types.js';

/**
 * Fired after every consent change, once the record has been written (or the write has
 * failed: see `detail.persisted`). Dispatched from the element the visitor used, or from
 * `document` for changes made through the API or in another tab.
 */
export class CandorConsentChangeEvent extends Event {
  static readonly type = 'candor-consent-change';
  readonly detail: ConsentChangeDetail;
  constructor(detail: ConsentChangeDetail) {
    super(CandorConsentChangeEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-consent-change': CandorConsentChangeEvent;
  }
}
