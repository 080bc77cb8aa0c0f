// The shop's "Recommended for you" / "Popular right now" list. Tiles are built once per
// product and moved, never rebuilt, so each <candor-why> and <candor-feedback> keeps its state
// (a sent "Helpful", an open explanation) while the list is reordered.
//
// When the order changes:
// - consent changes, hidden items and deleted data apply at once (the visitor asked for
//   exactly that), but never while an explanation popover is open: they wait until it closes;
// - likes, views and "fewer like this" do not move tiles under the visitor's pointer or focus:
//   the "Update the list" button turns on, and the list reorders when they press it.
import type { CandorWhy, ConsentStore } from '../src/index.js';
import { PRODUCTS, TOPICS, formatPrice, type Product } from './catalog.js';
import { explain, rank, type ProfileData, type Profile, type Ranking } from './profile.js';

const PERSONALIZATION = 'personalization';

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
}

export class Shop {
  private readonly tiles = new Map<string, HTMLLIElement>();
  /** What the list as shown was ranked from: explanations describe exactly this. */
  private applied: { data: ProfileData; ranking: Ranking } | null = null;
  /** The profile learned something that would reorder the list: "Update the list" is offered. */
  private pendingUpdate = false;
  private waiting: (() => void) | null = null;
  private waitTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: ConsentStore,
    private readonly profile: Profile,
    private readonly ui: ShopElements,
  ) {
    for (const product of PRODUCTS) this.tiles.set(product.id, this.buildTile(product));
    ui.updateButton.addEventListener('click', () => {
      // Focus stays on the button (now "The list is up to date"); the grid follows it.
      if (this.pending) this.apply({ announce: 'The list is updated.' });
    });
    ui.unhideButton.addEventListener('click', () => this.profile.unhideAll());
    this.apply({});
  }

  get pending(): boolean {
    return this.pendingUpdate;
  }

  get personalized(): boolean {
    return this.store.isGranted(PERSONALIZATION);
  }

  /** The explanation of one item, from the data and consent the shown list was ranked with. */
  explanationFor(itemId: string) {
    const ranking = this.applied?.ranking ?? rank(this.profile.snapshot(), this.personalized);
    const product = PRODUCTS.find((entry) => entry.id === itemId);
    if (!product) return null;
    const index = ranking.items.indexOf(product);
    return explain(product, {
      data: this.applied?.data ?? this.profile.snapshot(),
      personalized: ranking.personalized,
      position: index >= 0 ? index + 1 : ranking.items.length + 1,
      total: ranking.items.length,
    });
  }

  /** Consent changed, an item was hidden or shown again, or the profile was deleted: apply when safe. */
  refreshNow(announce?: string): void {
    this.whenSafe(() => this.apply({ announce }));
  }

  /** The profile learned something: offer to reorder, or adopt silently when the order stays the same. */
  refreshOffered(): void {
    const next = rank(this.profile.snapshot(), this.personalized);
    const shown = this.applied?.ranking;
    if (shown && next.personalized === shown.personalized && sameOrder(next.items, shown.items)) {
      this.whenSafe(() => this.apply({}));
    } else {
      this.setPending(true);
    }
  }

  private setPending(pending: boolean): void {
    this.pendingUpdate = pending;
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

  private apply({ announce }: { announce?: string | undefined }): void {
    const data = this.profile.snapshot();
    const ranking = rank(data, this.personalized);
    const before = this.applied;
    this.applied = { data, ranking };
    this.setPending(false);

    const active = document.activeElement;
    const focusInHiddenBox = this.ui.hiddenBox.contains(active);
    const focusedTile = [...this.tiles.values()].find((tile) => tile.contains(active));
    const grid = this.ui.grid as MovableParent;
    const wanted = ranking.items.map((product) => this.tiles.get(product.id)!);
    const removed = [...grid.children].filter((child) => !wanted.includes(child as HTMLLIElement));
    const removedIndex = focusedTile && removed.includes(focusedTile) ? [...grid.children].indexOf(focusedTile) : -1;
    for (const tile of removed) tile.remove();
    wanted.forEach((tile, index) => {
      const current = grid.children[index] ?? null;
      if (current === tile) return;
      if (tile.isConnected && grid.moveBefore) grid.moveBefore(tile, current);
      else grid.insertBefore(tile, current);
    });

    // Every explanation is asked for again on its next opening: the data behind it changed.
    for (const why of this.ui.grid.querySelectorAll<CandorWhy>('candor-why')) {
      if (!why.open) why.explanation = why.explanation === null ? undefined : null;
    }

    const personalized = ranking.personalized;
    this.ui.heading.textContent = personalized ? 'Recommended for you' : 'Popular right now';
    this.ui.basis.textContent = personalized
      ? data.signals.length === 0
        ? 'Personalization is on. Ordered by what you like on this visit; we know nothing yet, so popular products come first. Tell us with “Helpful” or “Not helpful”, or open a product’s details.'
        : 'Personalization is on. Ordered by what you liked and looked at on this visit, then by popularity.'
      : 'Personalization is off. Ordered by what all shoppers bought this month: the same list for everyone, with the same products and features.';

    const hidden = PRODUCTS.filter((product) => data.hidden.has(product.id));
    this.ui.hiddenBox.hidden = !hidden.length;
    this.ui.hiddenText.textContent =
      hidden.length === 1 ? `You hid “${hidden[0]!.name}”.` : `You hid ${hidden.length} products.`;

    const modeChanged = before !== null && before.ranking.personalized !== personalized;
    const messages: string[] = [];
    if (announce) messages.push(announce);
    const newlyHidden = hidden.filter((product) => before && !before.data.hidden.has(product.id));
    if (newlyHidden.length) {
      messages.push(`${newlyHidden.map((product) => `“${product.name}”`).join(', ')} ${newlyHidden.length === 1 ? 'is' : 'are'} hidden. “Show hidden products” below the list brings ${newlyHidden.length === 1 ? 'it' : 'them'} back.`);
    } else if (before?.data.hidden.size && !hidden.length) {
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
      // A view is remembered only with personalization on, and only when details are opened.
      if (open && this.personalized) this.profile.add({ kind: 'view', itemId: product.id, topic: product.topic });
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

function sameOrder(a: readonly Product[], b: readonly Product[]): boolean {
  return a.length === b.length && a.every((product, index) => product === b[index]);
}

/** Creates an element with attributes and text (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
