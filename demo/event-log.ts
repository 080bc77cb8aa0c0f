// The "Event log" panel: every candor-* event that reaches the document, newest first, with
// its detail as JSON and what the page did with it: the example backend's answer given
// through respondWith(), the answer to a fetch the page made, or a beacon sent. It shows the
// host contract: plain, serializable details a page can POST as they are.
// Everything is written with textContent.

/** Every event Candor dispatches. */
export const CANDOR_EVENTS = [
  'candor-consent-change',
  'candor-consent-problem',
  'candor-preferences-request',
  'candor-explanation-request',
  'candor-explanation-control',
  'candor-explanation-rating',
  'candor-feedback',
  'candor-feedback-undo',
  'candor-interests-request',
  'candor-profile-edit',
  'candor-data-request',
] as const;

const MAX_ENTRIES = 50;

interface Entry {
  item: HTMLLIElement;
  started: number;
}

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export class EventLog {
  private readonly entries = new WeakMap<Event, Entry>();
  private count = 0;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly counter: HTMLElement | null,
  ) {
    // Capture on window: every event is logged before any handler answers it.
    for (const type of CANDOR_EVENTS) window.addEventListener(type, (event) => this.add(event), { capture: true });
    this.updateCounter();
  }

  clear(): void {
    this.list.replaceChildren();
    this.count = 0;
    this.updateCounter();
  }

  /**
   * Adds the backend's answer to an event's entry (a resolved value, a decline or a failure).
   * `via` says how it travelled: given to Candor through respondWith, or only to the page.
   */
  answered(event: Event, outcome: { value: unknown } | { error: string }, via = 'respondWith'): void {
    const entry = this.entries.get(event);
    if (!entry) return;
    const ms = Math.round(performance.now() - entry.started);
    const failed = 'error' in outcome;
    const label = element('p', 'log-answer-label', failed ? `Answer after ${ms} ms (${via}): failed` : `Answer after ${ms} ms (${via}):`);
    const parts: HTMLElement[] = [label];
    if (failed) parts.push(element('pre', 'log-json', outcome.error));
    else parts.push(element('pre', 'log-json', outcome.value === undefined ? '(nothing: acknowledged)' : json(outcome.value)));
    entry.item.querySelector('.log-body')?.append(...parts);
    entry.item.querySelector('.log-summary-state')?.replaceChildren(failed ? ' · failed' : ' · answered');
  }

  /** Notes that an event needs no answer. */
  note(event: Event, text: string): void {
    this.entries.get(event)?.item.querySelector('.log-body')?.append(element('p', 'log-answer-label', text));
  }

  private add(event: Event): void {
    const detail = (event as Event & { detail?: unknown }).detail;
    const item = document.createElement('li');
    item.className = 'log-entry';
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.append(
      element('code', 'log-type', event.type),
      element('span', 'log-meta', ` ${time.format(new Date())}${brief(detail)}`),
      element('span', 'log-summary-state', ''),
    );
    const body = element('div', 'log-body', '');
    body.append(element('pre', 'log-json', json(detail)));
    details.append(summary, body);
    item.append(details);
    this.list.prepend(item);
    while (this.list.children.length > MAX_ENTRIES) this.list.lastElementChild?.remove();
    this.entries.set(event, { item, started: performance.now() });
    this.count += 1;
    this.updateCounter();
  }

  private updateCounter(): void {
    if (!this.counter) return;
    const shown = this.list.children.length;
    this.counter.textContent =
      this.count === 0
        ? 'No events yet.'
        : `${this.count} event${this.count === 1 ? '' : 's'} so far${this.count > shown ? `; the newest ${shown} are shown` : ''}.`;
  }
}

/** A few telling fields of a detail, for the one-line summary. */
function brief(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const record = detail as Record<string, unknown>;
  const fields = ['itemId', 'action', 'target', 'sentiment', 'helpful', 'kind', 'interestId', 'section', 'source'];
  const parts = fields
    .filter((field) => record[field] !== undefined && record[field] !== null && typeof record[field] !== 'object')
    .map((field) => `${field}: ${String(record[field])}`);
  if (Array.isArray(record.changed)) parts.push(`changed: ${record.changed.join(', ') || 'nothing'}`);
  return parts.length ? ` · ${parts.join(', ')}` : '';
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}
