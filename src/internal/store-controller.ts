import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_STORAGE_KEY, getConsentStore, type ConsentStore } from '../core/index.js';

/**
 * Connects an element to the page's consent store for a storage key and re-renders it on
 * every change (this tab, another tab, a new policy). Elements keep no consent state of
 * their own: they read it from here and write through the store's API.
 */
export class StoreController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;
  private currentKey: string | undefined;
  /** The last unusable key reported, so a bad `store-key` is said once, not on every render. */
  private reportedKey: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly key: () => string | undefined,
  ) {
    host.addController(this);
  }

  /**
   * The store for the element's key. A key that cannot name storage (a typo in `store-key`)
   * is reported once and the page's default store is used, so the element keeps working.
   */
  get store(): ConsentStore {
    const key = this.key();
    try {
      return getConsentStore({ key });
    } catch (error) {
      if (key !== this.reportedKey) {
        this.reportedKey = key;
        const reason = error instanceof Error ? error.message.replace(/^Candor: /, '') : String(error);
        console.error(`Candor <${this.host.localName}>: store-key: ${reason}; the default store "${DEFAULT_STORAGE_KEY}" is used instead.`);
      }
      return getConsentStore();
    }
  }

  hostConnected(): void {
    this.connect();
  }

  hostUpdate(): void {
    // The element's storage key may change after it connected.
    if (this.key() !== this.currentKey) this.connect();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private connect(): void {
    this.unsubscribe?.();
    this.currentKey = this.key();
    this.unsubscribe = this.store.subscribe(() => this.host.requestUpdate());
  }
}
