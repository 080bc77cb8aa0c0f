import { deepActiveElement } from './deep-active-element.js';

/**
 * Remembers what had focus when a layer (dialog, popover) opened and gives focus back when
 * it closes — but only if focus is still inside the layer or nowhere, so a visitor who
 * already moved on is not pulled back.
 */
export class FocusReturn {
  private opener: HTMLElement | null = null;

  /** Call just before the layer opens. `fallback` is used when nothing had focus. */
  remember(fallback: HTMLElement | null = null): void {
    const active = deepActiveElement();
    this.opener = active instanceof HTMLElement && active !== document.body ? active : fallback;
  }

  /** Call after the layer closed; `layer` is the closed layer's root (or its host). */
  restore(layer: Element): void {
    const opener = this.opener;
    this.opener = null;
    if (!opener || !opener.isConnected) return;
    const active = deepActiveElement();
    const focusIsLost = !active || active === document.body || containsDeep(layer, active);
    if (focusIsLost) opener.focus();
  }
}

function containsDeep(layer: Element, node: Element): boolean {
  for (let current: Node | null = node; current; ) {
    if (current === layer) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}
