import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from './deep-active-element.js';
import { openLayer } from './dialog.js';
import { FocusReturn } from './focus-return.js';

/** How the popover is placed next to its trigger: CSS anchor positioning, or measured in script. */
export type PlacementMode = 'css' | 'js';

export interface PopoverOptions {
  /** The button that opens the popover (rendered by the host). */
  trigger: () => HTMLElement | null | undefined;
  /** The element with `popover="auto"` (rendered by the host once `controller.activated`). */
  popover: () => HTMLElement | null | undefined;
  /** Called after the popover opened or closed. */
  onToggle?: (open: boolean) => void;
}

const GAP = 4;
const VIEWPORT_MARGIN = 8;
let anchorCount = 0;
let anchorSupport: boolean | undefined;

/** Whether this engine supports what the CSS placement needs (anchors, position-area, flip fallbacks). */
export function supportsAnchorPositioning(): boolean {
  anchorSupport ??=
    typeof CSS !== 'undefined' &&
    CSS.supports('anchor-name: --candor') &&
    CSS.supports('position-area: bottom span-right') &&
    CSS.supports('position-try-fallbacks: flip-block');
  return anchorSupport;
}

/**
 * A non-modal popover anchored to a trigger button, for any element that needs one:
 * - native `popover="auto"`: Escape and a click outside close it (light dismiss), and
 *   opening another auto popover closes this one;
 * - the trigger gets `aria-haspopup="dialog"` and `aria-expanded`, and becomes the
 *   popover's invoker (`popoverTargetElement`), so it toggles without a light-dismiss race;
 * - focus moves into the popover when it opens (the host marks the element to focus with
 *   `autofocus`, or the popover itself receives it) and returns to the trigger when it
 *   closes, through the shared `FocusReturn`;
 * - while open it is a layer of the shared dismiss stack (`openLayer` from dialog.ts), so
 *   inside a Candor dialog Escape closes the popover first, not the dialog;
 * - placement below the trigger (above when there is no room), aligned with the trigger's
 *   inline start so RTL mirrors, kept inside the viewport: CSS anchor positioning where the
 *   engine supports it, else measured in script; a CSS placement that still overflows
 *   falls back to the script placement for that opening.
 *
 * The host renders the popover lazily: `activated` turns true on the first `show()`, and
 * the host's template includes the popover from then on (idle elements stay cheap).
 */
export class PopoverController implements ReactiveController {
  /** Forces a placement mode for every popover (tests); `null` picks by engine support. */
  static placementMode: PlacementMode | null = null;

  /** True while the popover is showing. */
  open = false;
  /** True once the popover has been asked for: the host renders it from then on. */
  activated = false;
  /** How the current (or last) opening was placed. */
  placement: PlacementMode | null = null;

  private readonly focusReturn = new FocusReturn();
  private readonly anchorName = `--candor-popover-anchor-${++anchorCount}`;
  private wiredTrigger: HTMLElement | null = null;
  private wiredPopover: HTMLElement | null = null;
  private frame = 0;
  private closeLayer: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PopoverOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const trigger = this.options.trigger() ?? null;
    const popover = this.options.popover() ?? null;
    if (trigger !== this.wiredTrigger) {
      this.wiredTrigger?.removeEventListener('click', this.onTriggerClick);
      trigger?.addEventListener('click', this.onTriggerClick);
      this.wiredTrigger = trigger;
    }
    if (popover !== this.wiredPopover) {
      this.wiredPopover?.removeEventListener('beforetoggle', this.onBeforeToggle);
      this.wiredPopover?.removeEventListener('toggle', this.onToggle);
      popover?.addEventListener('beforetoggle', this.onBeforeToggle);
      popover?.addEventListener('toggle', this.onToggle);
      this.wiredPopover = popover;
    }
    if (trigger) {
      trigger.setAttribute('aria-haspopup', 'dialog');
      trigger.setAttribute('aria-expanded', String(this.open));
      if (popover && 'popoverTargetElement' in trigger) {
        (trigger as HTMLButtonElement).popoverTargetElement = popover;
      }
    }
  }

  hostDisconnected(): void {
    this.stopTracking();
    // A removed popover closes without a reliable toggle event: leave the dismiss stack now.
    this.closeLayer?.();
    this.closeLayer = null;
    if (this.open) this.hide();
    this.open = false;
  }

  /** Opens the popover (rendering it first if needed). Resolves once it is showing. */
  async show(): Promise<void> {
    this.activated = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const popover = this.options.popover();
    if (!popover || !popover.isConnected || popover.matches(':popover-open')) return;
    popover.showPopover();
  }

  hide(): void {
    const popover = this.options.popover();
    if (popover?.matches(':popover-open')) popover.hidePopover();
  }

  async toggle(): Promise<void> {
    if (this.open) this.hide();
    else await this.show();
  }

  /** Places the popover again (e.g. after its content changed size). */
  reposition(): void {
    const trigger = this.options.trigger();
    const popover = this.options.popover();
    if (!this.open || !trigger || !popover) return;
    if (this.placement === 'js' || !placedWell(popover, trigger)) this.placeInScript(trigger, popover);
  }

  /**
   * Before the popover exists the trigger has no invoker target: the first click renders
   * and opens it. That click's default action is cancelled, because a keyboard click runs
   * microtasks between listeners: the trigger may already be the invoker of the freshly
   * opened popover when the default action would toggle it shut again.
   */
  private onTriggerClick = (event: Event): void => {
    const trigger = this.options.trigger() as HTMLButtonElement | null;
    if (this.options.popover() && trigger?.popoverTargetElement) return;
    event.preventDefault();
    void this.show();
  };

  private onBeforeToggle = (event: Event): void => {
    const { newState } = event as ToggleEvent;
    const trigger = this.options.trigger();
    const popover = this.options.popover();
    if (newState !== 'open' || !trigger || !popover) return;
    this.focusReturn.remember(trigger);
    this.placement = PopoverController.placementMode ?? (supportsAnchorPositioning() ? 'css' : 'js');
    resetPlacement(trigger, popover);
    if (this.placement === 'css') {
      const rtl = getComputedStyle(trigger).direction === 'rtl';
      trigger.style.setProperty('anchor-name', this.anchorName);
      popover.style.setProperty('position-anchor', this.anchorName);
      popover.style.setProperty('position-area', rtl ? 'bottom span-left' : 'bottom span-right');
      popover.style.setProperty('position-try-fallbacks', 'flip-block, flip-inline, flip-block flip-inline');
      popover.style.inset = 'auto';
      popover.style.margin = '0';
      popover.style.setProperty('margin-block', `${GAP}px`);
    } else {
      // Hidden until measured, so it never shows for a frame in the wrong place.
      popover.style.visibility = 'hidden';
    }
  };

  private onToggle = (event: Event): void => {
    const open = (event as ToggleEvent).newState === 'open';
    const popover = this.options.popover();
    const trigger = this.options.trigger();
    if (open === this.open || !popover) return;
    this.open = open;
    if (open && trigger) {
      this.closeLayer = openLayer({ dismiss: () => this.hide() });
      if (this.placement === 'css' && !placedWell(popover, trigger)) this.placement = 'js';
      if (this.placement === 'js') {
        this.placeInScript(trigger, popover);
        this.startTracking();
      }
      // Engines that skip the popover focusing steps still move focus in.
      const active = deepActiveElement();
      if (!active || !popover.contains(active)) {
        (popover.querySelector<HTMLElement>('[autofocus]') ?? popover).focus();
      }
    } else {
      this.closeLayer?.();
      this.closeLayer = null;
      this.stopTracking();
      this.focusReturn.restore(popover);
    }
    this.host.requestUpdate();
    this.options.onToggle?.(open);
  };

  private placeInScript(trigger: HTMLElement, popover: HTMLElement): void {
    resetPlacement(trigger, popover);
    const style = popover.style;
    style.position = 'fixed';
    style.inset = 'auto';
    style.margin = '0';
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = document.documentElement.clientHeight;
    const anchor = trigger.getBoundingClientRect();
    const below = viewHeight - anchor.bottom - GAP - VIEWPORT_MARGIN;
    const above = anchor.top - GAP - VIEWPORT_MARGIN;
    let size = popover.getBoundingClientRect();
    let top: number;
    if (size.height <= below) {
      top = anchor.bottom + GAP;
    } else if (size.height <= above) {
      top = anchor.top - GAP - size.height;
    } else {
      // Fits neither way: use the larger side and let the popover scroll inside.
      const room = Math.max(below, above, 120);
      style.maxBlockSize = `${room}px`;
      size = popover.getBoundingClientRect();
      top = below >= above ? anchor.bottom + GAP : Math.max(VIEWPORT_MARGIN, anchor.top - GAP - size.height);
    }
    const rtl = getComputedStyle(trigger).direction === 'rtl';
    const start = rtl ? anchor.right - size.width : anchor.left;
    const left = Math.max(VIEWPORT_MARGIN, Math.min(start, viewWidth - VIEWPORT_MARGIN - size.width));
    style.top = `${Math.round(top)}px`;
    style.left = `${Math.round(left)}px`;
    style.visibility = '';
  }

  private startTracking(): void {
    window.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    window.addEventListener('resize', this.onViewportChange, { passive: true });
  }

  private stopTracking(): void {
    window.removeEventListener('scroll', this.onViewportChange, { capture: true });
    window.removeEventListener('resize', this.onViewportChange);
    cancelAnimationFrame(this.frame);
  }

  private onViewportChange = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.reposition());
  };
}

function resetPlacement(trigger: HTMLElement, popover: HTMLElement): void {
  trigger.style.removeProperty('anchor-name');
  for (const property of [
    'position-anchor',
    'position-area',
    'position-try-fallbacks',
    'margin-block',
    'position',
    'inset',
    'margin',
    'top',
    'left',
    'max-block-size',
    'visibility',
  ]) {
    popover.style.removeProperty(property);
  }
}

/**
 * Whether a CSS placement worked: inside the viewport and not over its trigger (when no
 * fallback fits, engines shift the popover onto the trigger instead).
 */
function placedWell(popover: HTMLElement, trigger: HTMLElement): boolean {
  const rect = popover.getBoundingClientRect();
  const anchor = trigger.getBoundingClientRect();
  const root = document.documentElement;
  const inside = rect.top >= 0 && rect.left >= 0 && rect.bottom <= root.clientHeight + 0.5 && rect.right <= root.clientWidth + 0.5;
  const overlaps = rect.top < anchor.bottom - 0.5 && rect.bottom > anchor.top + 0.5 && rect.left < anchor.right - 0.5 && rect.right > anchor.left + 0.5;
  return inside && !overlaps;
}
