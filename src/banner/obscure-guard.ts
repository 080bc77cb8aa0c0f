/**
 * Keeps a box fixed to the viewport's edge from hiding the focused element (WCAG 2.4.11)
 * without moving anything on the page:
 *
 * 1. While the box is shown, the document root's `scroll-padding-block-end` grows by the
 *    box's height (kept current with a ResizeObserver), so when focus moves to an element
 *    the browser scrolls it clear of the box. The page's own scroll padding is kept and
 *    added to; the root's inline value is restored when the box goes.
 * 2. Where scrolling cannot help (the last controls of a page that is already scrolled to
 *    its end), the box moves to the other edge of the viewport while focus is on an
 *    element it would cover less there, and back when focus leaves it. As long as the box
 *    is at most half the viewport high (the banner's default), one of the two edges
 *    always leaves the focused element at least partly in view.
 *
 * No space is reserved in the page and no element moves: the box sits in the top layer of
 * fixed positioning only.
 */
import { containsDeep } from '../internal/focus-return.js';

export type Edge = 'end' | 'start';

export class ObscureGuard {
  private box: HTMLElement | null = null;
  private observer: ResizeObserver | null = null;
  private edge: Edge = 'end';
  private height = 0;
  private savedStart = '';
  private savedEnd = '';
  private frame = 0;

  /**
   * @param host the element whose own focus is never "covered" (the banner itself)
   * @param onEdge called when the box should move to the other edge
   */
  constructor(
    private readonly host: HTMLElement,
    private readonly onEdge: (edge: Edge) => void,
  ) {}

  /** Starts guarding `box` (or stops, with null). Safe to call on every render. */
  watch(box: HTMLElement | null): void {
    if (box === this.box) return;
    this.stop();
    if (!box) return;
    this.box = box;
    const root = document.documentElement;
    this.savedStart = root.style.scrollPaddingBlockStart;
    this.savedEnd = root.style.scrollPaddingBlockEnd;
    // The observer reports the box's first size too, after layout and before the first paint:
    // measuring here instead would force a layout of the whole page in the middle of a render.
    this.observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.height = Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.target.getBoundingClientRect().height);
      this.applyPadding();
    });
    this.observer.observe(box);
    document.addEventListener('focusin', this.onFocusIn, true);
  }

  stop(): void {
    if (!this.box) return;
    this.observer?.disconnect();
    this.observer = null;
    document.removeEventListener('focusin', this.onFocusIn, true);
    cancelAnimationFrame(this.frame);
    const root = document.documentElement;
    root.style.scrollPaddingBlockStart = this.savedStart;
    root.style.scrollPaddingBlockEnd = this.savedEnd;
    this.box = null;
    this.height = 0;
    this.setEdge('end');
  }

  /** Sets the root's scroll padding at the current edge to the page's own plus the box's height. */
  private applyPadding(): void {
    if (!this.box) return;
    const root = document.documentElement;
    // Measure the page's own padding without ours, then add the box's height to it.
    root.style.scrollPaddingBlockStart = this.savedStart;
    root.style.scrollPaddingBlockEnd = this.savedEnd;
    const property = this.edge === 'end' ? 'scrollPaddingBlockEnd' : 'scrollPaddingBlockStart';
    const own = getComputedStyle(root)[property];
    root.style[property] = own && own !== 'auto' && own !== '0px' ? `calc(${own} + ${this.height}px)` : `${this.height}px`;
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || containsDeep(this.host, target)) return;
    // Let the browser finish scrolling the element into view first.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.placeFor(target));
  };

  private placeFor(focused: Element): void {
    if (!this.box || !focused.isConnected) return;
    const rect = focused.getBoundingClientRect();
    const viewport = window.visualViewport?.height ?? window.innerHeight;
    const covered = (from: number, to: number) => Math.max(0, Math.min(rect.bottom, to) - Math.max(rect.top, from));
    const atEnd = covered(viewport - this.height, viewport);
    const atStart = covered(0, this.height);
    this.setEdge(atEnd > 0 && atStart < atEnd ? 'start' : 'end');
  }

  private setEdge(edge: Edge): void {
    if (edge === this.edge) return;
    this.edge = edge;
    this.applyPadding();
    this.onEdge(edge);
  }
}
