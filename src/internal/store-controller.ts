import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getConsentStore, type ConsentStore } from '../core/index.js';

/**
 * Connects an element to the page's consent store for a storage key and re-renders it on
 * every change (this tab, another tab, a new policy). Elements keep no consent state of
 * their own: they read it from here and write through the store's API.
 */
export class StoreController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;
  private currentKey: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly key: () => string | undefined,
  ) {
    host.addController(this);
  }

  get store(): ConsentStore {
    return getConsentStore({ key: this.key() });
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
