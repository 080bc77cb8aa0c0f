import { CandorRequestEvent } from '../internal/respond.js';

/** `access`: a copy of the data the site holds about the visitor. `delete`: erase it. */
export type DataRequestKind = 'access' | 'delete';

export interface DataRequestDetail {
  kind: DataRequestKind;
  /** The receipt id of the visitor's current consent record (null before any choice). */
  receiptId: string | null;
  /** The consent store's storage key, so a host with several stores knows which one. */
  storeKey: string;
  /** When the visitor asked (ISO 8601). */
  requestedAt: string;
}

/**
 * What a host answers to a data request. Resolve to confirm (optionally with a message
 * the panel shows, and for `access` a link to the copy); resolve `{ ok: false, message }`
 * to decline with a reason; reject when the request failed (the panel offers Retry).
 * Every string is shown as text; `url` must be http(s) or relative.
 */
export type DataRequestAnswer = void | undefined | { ok?: boolean; message?: string; url?: string };

/**
 * Fired by `<candor-preferences>` when the visitor asks for a copy of their data or for
 * its deletion. Answer synchronously with `event.respondWith(promise)`: the panel shows
 * "pending", then the answer, or a failure with Retry. Without an answer the panel says
 * that the site has not connected data requests.
 *
 * @example
 * ```js
 * document.addEventListener('candor-data-request', (event) => {
 *   event.respondWith(
 *     fetch('/api/privacy/requests', { method: 'POST', body: JSON.stringify(event.detail) })
 *       .then((r) => (r.ok ? { message: 'We will email you within 30 days.' } : Promise.reject(r))),
 *   );
 * });
 * ```
 */
export class CandorDataRequestEvent extends CandorRequestEvent<DataRequestDetail, DataRequestAnswer> {
  static readonly type = 'candor-data-request';
  constructor(detail: DataRequestDetail) {
    super(CandorDataRequestEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-data-request': CandorDataRequestEvent;
  }
}
