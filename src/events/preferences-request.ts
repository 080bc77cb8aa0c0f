/** What a requester asks of the privacy center. */
export interface PreferencesRequestDetail {
  /** The consent store's storage key; leave it out for the page's default store. */
  storeKey?: string;
  /**
   * Where to open the panel: `history`, `data`, or a purpose id (its details are expanded).
   * Leave it out to open at the top.
   */
  section?: string;
}

/**
 * Asks the page's `<candor-preferences>` to open. Dispatched (bubbling, composed) by
 * whatever wants the privacy center: the banner's "Let me choose", a "Privacy choices"
 * link, a "why" popover, host code. The panel that serves the store key calls
 * `preventDefault()` and opens, returning focus to the event's origin
 * (`composedPath()[0]`) when it closes. Use `requestPreferences()` to dispatch one: it
 * warns in the console when nothing answered.
 *
 * @example
 * ```js
 * button.dispatchEvent(new CandorPreferencesRequestEvent({ section: 'history' }));
 * ```
 */
export class CandorPreferencesRequestEvent extends Event {
  static readonly type = 'candor-preferences-request';
  readonly detail: PreferencesRequestDetail;
  constructor(detail: PreferencesRequestDetail = {}) {
    super(CandorPreferencesRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = { ...detail };
  }
}

const PREFERENCES_TAG = 'candor-preferences';

/**
 * Opens the privacy center from `origin` (the control the visitor used; focus returns to
 * it). When no panel on the page answers but the `<candor-preferences>` tag is
 * registered, one is added to `document.body` for the store and asked again, so a page
 * with only a banner still works. Returns whether a panel opened.
 */
export function requestPreferences(origin: EventTarget, detail: PreferencesRequestDetail = {}): boolean {
  if (!origin.dispatchEvent(new CandorPreferencesRequestEvent(detail))) return true;
  const Panel = customElements.get(PREFERENCES_TAG);
  if (Panel && document.body) {
    const panel = new Panel();
    if (detail.storeKey) panel.setAttribute('store-key', detail.storeKey);
    document.body.append(panel);
    if (!origin.dispatchEvent(new CandorPreferencesRequestEvent(detail))) return true;
  }
  console.warn(
    `Candor: nothing opened the privacy choices${detail.storeKey ? ` for store "${detail.storeKey}"` : ''}. ` +
      `Put a <${PREFERENCES_TAG}> element on the page (and import "candor/define/${PREFERENCES_TAG}" or "candor/all").`,
  );
  return false;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'candor-preferences-request': CandorPreferencesRequestEvent;
  }
}
