import { deepActiveElement } from './deep-active-element.js';

/**
 * Remembers what had focus when a layer (dialog, popover) opened and gives focus back when
 * it closes — but only if focus is still inside the layer or nowhere, so a visitor who
 * already moved on is not pulled back.
 */
export class FocusReturn {
  private opener: HTMLElement | null = null;
  private previous: HTMLElement | null = null;

  /**
   * Call just before the layer opens. `fallback` is used when nothing had focus.
   * `prefer` names the control that asked for the layer (e.g. the origin of a request
   * event) when that may differ from the focused element: focus goes back to it.
   */
  remember(fallback: HTMLElement | null = null, { prefer }: { prefer?: HTMLElement | null } = {}): void {
    const active = deepActiveElement();
    this.previous = active instanceof HTMLElement && active !== document.body ? active : null;
    this.opener = prefer ?? this.previous ?? fallback;
  }

  /** Call after the layer closed; `layer` is the closed layer's root (or its host). */
  restore(layer: Element): void {
    const { opener, previous } = this;
    this.opener = null;
    this.previous = null;
    if (!opener || !opener.isConnected) return;
    const active = deepActiveElement();
    // A closing <dialog> puts focus back on what had it before; that is "lost" too when
    // the layer was asked for by another control.
    const focusIsLost =
      !active || active === document.body || containsDeep(layer, active) || (active === previous && opener !== previous);
    if (!focusIsLost) return;
    opener.focus();
    if (deepActiveElement() !== opener && previous?.isConnected) previous.focus();
  }
}

/** Whether `node` is `layer` or inside it, looking through shadow roots. */
export function containsDeep(layer: Element, node: Node): boolean {
  for (let current: Node | null = node; current; ) {
    if (current === layer) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}
