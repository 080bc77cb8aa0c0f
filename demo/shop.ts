// The shop's "Recommended for you" / "Popular right now" list, ordered by the example backend
// (GET /api/recommendations). Tiles are built once per product and moved, never rebuilt, so
// each <candor-why> and <candor-feedback> keeps its state (a sent "Helpful", an open
// explanation) while the list is reordered.
//
// When the order changes:
// - consent changes, hidden items and deleted data apply at once (the visitor asked for
//   exactly that), but never while an explanation popover is open: they wait until it closes;
// - likes, views and "fewer like this" do not move tiles under the visitor's pointer or focus:
//   the "Update the list" button turns on, and the list reorders when they press it.
// Each ranking arrives with the explanation of every item's place in it; "Why am I seeing
// this?" answers from the ranking shown, never from a newer one waiting to be applied.
import type { CandorWhy, Explanation } from '../src/index.js';
import type { BackendClient } from './api.js';
import { PRODUCTS, TOPICS, formatPrice, type Product } from './catalog.js';
import { el } from './dom.js';
import type { RankingAnswer } from './server/api-types.js';

/** `moveBefore` (Chromium 133+) moves a node without taking it out of the document, so focus stays put. */
type MovableParent = Element & { moveBefore?: (node: Node, child: Node | null) => void };

export interface ShopElements {
  heading: HTMLElement;
  basis: HTMLElement;
  status: HTMLElement;
  grid: HTMLElement;
  updateButton: HTMLButtonElement;
  hiddenBox: HTMLElement;
  hiddenText: HTMLElement;
  unhideButton: HTMLButtonElement;
  problem: HTMLElement;
  problemText: HTMLElement;
  retryButton: HTMLButtonElement;
}

export interface ShopActions {
  /** The visitor opened a product's details. */
  viewed(itemId: string): void;
  /** "Show hidden products". */
  unhide(): void;
}

export class Shop {
  private readonly tiles = new Map<string, HTMLLIElement>();
  /** The ranking the list shows: explanations describe exactly this. */
  private shown: RankingAnswer | null = null;
  /** A newer ranking in another order, applied when the visitor presses "Update the list". */
  private offered: RankingAnswer | null = null;
  /** Set while a change that applies at once waits for its ranking; a later fetch carries it. */
  private applyNext: { announce: string[] } | null = null;
  private requests = 0;
  /** The newest request's decision: an older request resolves with it, so `pending` is current. */
  private latest: Promise<void> = Promise.resolve();
  private waiting: (() => void) | null = null;
  private waitTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly client: BackendClient,
    private readonly ui: ShopElements,
    private readonly actions: ShopActions,
  ) {
    for (const product of PRODUCTS) this.tiles.set(product.id, this.buildTile(product));
    ui.updateButton.addEventListener('click', () => {
      // Focus stays on the button (now "The list is up to date"); the grid follows it.
      const offered = this.offered;
      if (offered) this.apply(offered, 'The list is updated.');
    });
    ui.unhideButton.addEventListener('click', () => actions.unhide());
    ui.retryButton.addEventListener('click', () => void this.refreshNow());
    ui.basis.textContent = 'Asking the shop’s server for the list…';
  }

  get pending(): boolean {
    return this.offered !== null;
  }

  /** The explanation of one item's place in the list as shown. */
  explanationFor(itemId: string): Explanation | null {
    return this.shown?.items.find((item) => item.id === itemId)?.explanation ?? null;
  }

  /**
   * Consent changed, an item was hidden or shown again, or the data was deleted: asks for the
   * list and applies it as soon as no explanation is open. Resolves once the list has arrived.
   */
  refreshNow(announce?: string): Promise<void> {
    this.applyNext ??= { announce: [] };
    if (announce) this.applyNext.announce.push(announce);
    return this.refresh();
  }

  /**
   * The profile learned something: asks for the list, then offers to reorder, or adopts it
   * silently when the order stays the same. Resolves once that is decided (`pending` says which).
   */
  refreshOffered(): Promise<void> {
    return this.refresh();
  }

  private refresh(): Promise<void> {
    const latest = this.fetchAndDecide(++this.requests);
    this.latest = latest;
    return latest;
  }

  private async fetchAndDecide(request: number): Promise<void> {
    let ranking: RankingAnswer;
    try {
      ranking = await this.client.recommendations();
    } catch (error) {
      if (request === this.requests) this.showProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    // A newer request is on its way: it decides (and carries any change that applies at once).
    if (request !== this.requests) return this.latest;
    this.showProblem(null);
    const now = this.applyNext;
    const shown = this.shown;
    if (now || !shown || (ranking.personalized === shown.personalized && sameOrder(ranking, shown))) {
      this.applyNext = null;
      this.offered = null;
      this.setPending(false);
      this.whenSafe(() => this.apply(ranking, now?.announce.join(' ')));
    } else {
      this.offered = ranking;
      this.setPending(true);
    }
  }

  private showProblem(message: string | null): void {
    this.ui.problem.hidden = message === null;
    this.ui.problemText.textContent =
      message === null ? '' : `The shop’s server did not answer (${message}). Is \`npm start\` still running?`;
    if (message !== null && !this.shown) this.ui.basis.textContent = 'The list could not be loaded.';
  }

  private setPending(pending: boolean): void {
    const button = this.ui.updateButton;
    button.setAttribute('aria-disabled', String(!pending));
    button.classList.toggle('primary', pending);
    button.textContent = pending ? 'Update the list' : 'The list is up to date';
  }

  private whenSafe(run: () => void): void {
    if (!this.popoverOpen()) {
      run();
      return;
    }
    this.waiting = run;
    clearInterval(this.waitTimer);
    // The popover lives in the element's shadow root; its `open` getter is the public way to ask.
    this.waitTimer = setInterval(() => {
      if (this.popoverOpen()) return;
      clearInterval(this.waitTimer);
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.();
    }, 200);
  }

  private popoverOpen(): boolean {
    return [...this.ui.grid.querySelectorAll<CandorWhy>('candor-why')].some((why) => why.open);
  }

  private apply(ranking: RankingAnswer, announce?: string): void {
    const before = this.shown;
    this.shown = ranking;
    if (this.offered === ranking) this.offered = null;
    this.setPending(this.offered !== null);

    const active = document.activeElement;
    const focusInHiddenBox = this.ui.hiddenBox.contains(active);
    const focusedTile = [...this.tiles.values()].find((tile) => tile.contains(active));
    const grid = this.ui.grid as MovableParent;
    const wanted = ranking.items.map((item) => this.tiles.get(item.id)).filter((tile) => tile !== undefined);
    const removed = [...grid.children].filter((child) => !wanted.includes(child as HTMLLIElement));
    const removedIndex = focusedTile && removed.includes(focusedTile) ? [...grid.children].indexOf(focusedTile) : -1;
    for (const tile of removed) tile.remove();
    wanted.forEach((tile, index) => {
      const current = grid.children[index] ?? null;
      if (current === tile) return;
      if (tile.isConnected && grid.moveBefore) grid.moveBefore(tile, current);
      else grid.insertBefore(tile, current);
    });

    // Every explanation is asked for again on its next opening: the ranking behind it changed.
    for (const why of this.ui.grid.querySelectorAll<CandorWhy>('candor-why')) {
      if (!why.open) why.explanation = why.explanation === null ? undefined : null;
    }

    const personalized = ranking.personalized;
    this.ui.heading.textContent = personalized ? 'Recommended for you' : 'Popular right now';
    this.ui.basis.textContent = personalized
      ? ranking.signalsUsed === 0
        ? 'Personalization is on. Ordered by what you like; the shop’s server knows nothing about that yet, so popular products come first. Tell us with “Helpful” or “Not helpful”, or open a product’s details.'
        : `Personalization is on. Ordered by what you liked and looked at (${ranking.signalsUsed} ${ranking.signalsUsed === 1 ? 'signal' : 'signals'} on the shop’s server), then by popularity.`
      : 'Personalization is off. Ordered by what all shoppers bought this month: the same list for everyone, with the same products and features.';

    const hidden = PRODUCTS.filter((product) => ranking.hidden.includes(product.id));
    this.ui.hiddenBox.hidden = !hidden.length;
    this.ui.hiddenText.textContent =
      hidden.length === 1 ? `You hid “${hidden[0]!.name}”.` : `You hid ${hidden.length} products.`;

    const modeChanged = before !== null && before.personalized !== personalized;
    const messages: string[] = [];
    if (announce) messages.push(announce);
    const newlyHidden = hidden.filter((product) => before && !before.hidden.includes(product.id));
    if (newlyHidden.length) {
      messages.push(`${newlyHidden.map((product) => `“${product.name}”`).join(', ')} ${newlyHidden.length === 1 ? 'is' : 'are'} hidden. “Show hidden products” below the list brings ${newlyHidden.length === 1 ? 'it' : 'them'} back.`);
    } else if (before?.hidden.length && !hidden.length) {
      messages.push('Hidden products are shown again.');
    }
    if (modeChanged) {
      messages.push(
        personalized
          ? 'Personalization is on: the list is now ordered for you.'
          : 'Personalization is off: the list now shows what is popular with all shoppers.',
      );
    }
    if (messages.length) this.announce(messages.join(' '));

    // Focus never falls back to the page: a hidden tile hands it to its neighbour's name,
    // a reorder without moveBefore hands it back to the moved tile's name.
    if (removedIndex >= 0) {
      const next = grid.children[Math.min(removedIndex, grid.children.length - 1)];
      (next?.querySelector<HTMLElement>('.tile-name') ?? this.ui.heading).focus();
    } else if (focusedTile && document.activeElement !== active) {
      focusedTile.querySelector<HTMLElement>('.tile-name')?.focus();
    } else if (focusInHiddenBox && this.ui.hiddenBox.hidden) {
      this.ui.heading.focus();
    }
  }

  private announce(text: string): void {
    // Emptied first so the same words are announced again.
    this.ui.status.textContent = '';
    requestAnimationFrame(() => (this.ui.status.textContent = text));
  }

  private buildTile(product: Product): HTMLLIElement {
    const topic = TOPICS[product.topic];
    const nameId = `product-${product.id}-name`;
    const detailsId = `product-${product.id}-details`;

    const tile = el('li', { class: 'tile', 'data-item-id': product.id, 'data-topic': product.topic });
    const article = el('article', { class: 'tile-card', 'aria-labelledby': nameId });
    const art = el('div', { class: 'tile-art', 'aria-hidden': 'true' });

    const tag = el('p', { class: 'tile-topic' });
    if (product.sponsor) {
      tag.append(el('span', { class: 'tile-sponsored' }, 'Sponsored'), ` · ${topic.label}`);
    } else {
      tag.append(topic.label);
    }
    const name = el('h3', { class: 'tile-name', id: nameId, tabindex: '-1' }, product.name);
    const text = el('p', { class: 'tile-text' }, product.text);
    const price = el('p', { class: 'tile-price' }, formatPrice(product.price));
    const sponsor = product.sponsor ? el('p', { class: 'tile-by' }, `Ad by ${product.sponsor.onBehalfOf}`) : null;

    const viewButton = el(
      'button',
      { type: 'button', class: 'tile-view', 'aria-expanded': 'false', 'aria-controls': detailsId },
      'Details',
    );
    viewButton.append(el('span', { class: 'visually-hidden' }, `: ${product.name}`));
    const details = el('p', { class: 'tile-details', id: detailsId, hidden: '' }, product.details);
    viewButton.addEventListener('click', () => {
      const open = viewButton.getAttribute('aria-expanded') !== 'true';
      viewButton.setAttribute('aria-expanded', String(open));
      details.hidden = !open;
      if (open) this.actions.viewed(product.id);
    });

    const why = el('candor-why', { 'item-id': product.id, 'item-label': product.name, ...(product.sponsor ? { kind: 'ad' } : {}) });
    const feedback = el('candor-feedback', { 'item-id': product.id, 'item-label': product.name, variant: 'compact' });
    const actions = el('div', { class: 'tile-actions' });
    actions.append(why, feedback);

    const body = el('div', { class: 'tile-body' });
    body.append(tag, name, text, ...(sponsor ? [sponsor] : []), price, viewButton, details);
    article.append(art, body, actions);
    tile.append(article);
    return tile;
  }
}

function sameOrder(a: RankingAnswer, b: RankingAnswer): boolean {
  return a.items.length === b.items.length && a.items.every((item, index) => item.id === b.items[index]!.id);
}
