import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { FocusReturn } from './focus-return.js';

/**
 * Something open that Escape closes: a modal dialog, or a smaller layer opened inside one
 * (an inline confirmation). Escape closes only the layer on top.
 */
export interface DismissibleLayer {
  dismiss(): void;
}

/** The page's open layers, oldest first; shared by every copy of the library on the page. */
const layers: DismissibleLayer[] = ((globalThis as Record<symbol, unknown>)[Symbol.for('candor.layers')] ??=
  []) as DismissibleLayer[];

/** Puts a layer on top of the stack; call the returned function when it closes. */
export function openLayer(layer: DismissibleLayer): () => void {
  layers.push(layer);
  return () => {
    const index = layers.lastIndexOf(layer);
    if (index >= 0) layers.splice(index, 1);
  };
}

/** The layer Escape would close now, if any. */
export function topLayer(): DismissibleLayer | undefined {
  return layers.at(-1);
}

export type DialogCloseReason = 'escape' | 'request' | 'disconnected';

export interface DialogOptions {
  /** The `<dialog>` element in the host's shadow root (rendered, possibly closed). */
  dialog: () => HTMLDialogElement | null | undefined;
  /**
   * What receives focus when the dialog opens: a heading with `tabindex="-1"`, never a
   * choice (a pre-focused "Accept" would be a nudge). Default: the dialog itself.
   */
  initialFocus?: () => HTMLElement | null | undefined;
  /** Called once the dialog has closed, for any reason, before focus goes back. */
  onClose?: (reason: DialogCloseReason) => void;
}

/**
 * The modal dialog shell every Candor layer uses: a native `<dialog>` opened with
 * `showModal()` (the page behind becomes inert and the top layer stacks correctly),
 * focus moved in without pre-selecting a choice, Escape closing only the top layer (an
 * inner layer registered with `openLayer()` first), and focus returned to the opener when
 * it closes.
 */
export class DialogController implements ReactiveController, DismissibleLayer {
  private readonly focusReturn = new FocusReturn();
  private state: 'closed' | 'opening' | 'open' = 'closed';
  private openDialog: HTMLDialogElement | null = null;
  private removeLayer: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DialogOptions,
  ) {
    host.addController(this);
  }

  /** True from `show()` until the dialog has closed. */
  get isOpen(): boolean {
    return this.state !== 'closed';
  }

  /**
   * Opens the dialog once the host has rendered it. `opener` is the control that asked
   * for it; focus returns there on close (default: whatever had focus).
   */
  async show(opener: HTMLElement | null = null): Promise<void> {
    if (this.state !== 'closed') return;
    this.state = 'opening';
    this.focusReturn.remember(null, { prefer: opener });
    await this.host.updateComplete;
    const dialog = this.options.dialog();
    if (this.state !== 'opening' || !dialog || !this.host.isConnected) {
      this.state = 'closed';
      return;
    }
    this.state = 'open';
    this.openDialog = dialog;
    dialog.addEventListener('keydown', this.onKeydown);
    dialog.addEventListener('cancel', this.onCancel);
    dialog.addEventListener('close', this.onNativeClose);
    this.removeLayer = openLayer(this);
    if (!dialog.open) dialog.showModal();
    this.focusInitial();
  }

  /** Moves focus to the dialog's starting point (after a re-render that changed it, say). */
  focusInitial(): void {
    const dialog = this.openDialog;
    if (!dialog) return;
    const target = this.options.initialFocus?.() ?? dialog;
    if (target === dialog && !dialog.hasAttribute('tabindex')) dialog.tabIndex = -1;
    target.focus();
  }

  /** Closes the dialog and returns focus to the opener. */
  close(): void {
    this.finish('request');
  }

  dismiss(): void {
    this.finish('escape');
  }

  hostDisconnected(): void {
    this.finish('disconnected');
  }

  /**
   * Escape is handled on keydown, before the browser turns it into a close request, so an
   * inner layer can take it; a cancelled keydown is not a close request.
   */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    (topLayer() ?? this).dismiss();
  };

  /** A close request that did not come from a key (e.g. a back gesture). */
  private readonly onCancel = (event: Event): void => {
    const top = topLayer();
    if (top && top !== this) {
      event.preventDefault();
      top.dismiss();
    }
  };

  /** The dialog closed by other means (a form with method="dialog", a close request). */
  private readonly onNativeClose = (): void => {
    // A `close` event is queued as a task: one left over from an earlier closing must not close the dialog again.
    if (this.openDialog?.open) return;
    this.finish('escape');
  };

  private finish(reason: DialogCloseReason): void {
    if (this.state === 'opening') this.state = 'closed';
    const dialog = this.openDialog;
    if (!dialog) return;
    this.state = 'closed';
    this.openDialog = null;
    this.removeLayer?.();
    this.removeLayer = null;
    dialog.removeEventListener('keydown', this.onKeydown);
    dialog.removeEventListener('cancel', this.onCancel);
    dialog.removeEventListener('close', this.onNativeClose);
    if (dialog.open) dialog.close();
    this.options.onClose?.(reason);
    if (reason !== 'disconnected') this.focusReturn.restore(this.host);
  }
}

/** The look of every Candor dialog; the content inside is the element's own. */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(40rem, calc(100vw - 2rem));
    max-inline-size: calc(100vw - 2rem);
    max-block-size: calc(100dvh - 2rem);
    margin: auto;
    padding: 0;
    border: var(--_candor-border-width) solid var(--_candor-border);
    border-radius: var(--_candor-radius);
    background: var(--_candor-surface);
    color: var(--_candor-text);
    box-shadow: var(--_candor-shadow);
    overflow: auto;
    overscroll-behavior: contain;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog:focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: -3px;
  }
  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
  }
`;
