import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { allEventNames, elements } from '../.storybook/manifest.js';
import { waitFor } from 'storybook/test';
import { bannerShown, elementIn, renderAllElements } from './all-elements.js';
import type { CandorFeedback } from '../src/feedback/feedback.js';

interface LoggedEvent {
  count: number;
  time: string;
  type: string;
  from: string;
  detail: string;
  answer: string;
}

/** Request events carry `respondWith`; `response` says whether a listener answered. */
const answerOf = (event: Event): string => {
  if (!('respondWith' in event)) return 'nothing to answer';
  return (event as unknown as { response: unknown }).response ? 'answered by the page' : 'not answered';
};

/** Where an event came from, as the page sees it (retargeted to the element that fired it). */
const sourceOf = (event: Event): string => {
  const target = event.target;
  if (target === document) return 'document (the consent store)';
  if (!(target instanceof Element)) return String(target);
  const id = target.getAttribute('item-id');
  return `<${target.localName}${id ? ` item-id="${id}"` : ''}>`;
};

/**
 * A readable log of every typed event the elements fire: listens on `window` (every Candor
 * event bubbles and is composed) for each event name in the manifest, after the page's own
 * listeners, so it can say whether a request was answered. A table, not a live region: an
 * auditor reads it at their own pace.
 */
class StoryEventLog extends LitElement {
  static override properties = { entries: { state: true } };
  entries: LoggedEvent[] = [];
  private count = 0;
  private readonly names = allEventNames();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of this.names) window.addEventListener(name, this.record);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of this.names) window.removeEventListener(name, this.record);
  }

  private readonly record = (event: Event): void => {
    this.count += 1;
    const detail = (event as Event & { detail?: unknown }).detail;
    this.entries = [
      {
        count: this.count,
        time: new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
        type: event.type,
        from: sourceOf(event),
        detail: detail === undefined ? '—' : JSON.stringify(detail, null, 2),
        answer: answerOf(event),
      },
      ...this.entries,
    ];
  };

  protected override render(): TemplateResult {
    return html`<div style="display: grid; gap: 0.75rem">
      <div style="display: flex; flex-wrap: wrap; align-items: center; gap: 1rem">
        <h2 id="event-log-title" style="margin: 0; font-size: 1.25rem">Events fired, newest first</h2>
        <button type="button" style="min-block-size: 2.75rem; padding-inline: 1rem; font: inherit" @click=${() => (this.entries = [])}>
          Clear the log
        </button>
      </div>
      ${this.entries.length
        ? html`<div
            role="region"
            aria-labelledby="event-log-title"
            tabindex="0"
            style="max-block-size: 18rem; overflow: auto; border: 1px solid currentColor"
          ><table style="border-collapse: collapse; inline-size: 100%; font-size: 0.875rem">
            <thead>
              <tr>
                ${['#', 'Time', 'Event', 'From', 'Answer', 'detail'].map(
                  (heading) => html`<th scope="col" style="text-align: start; padding: 0.375rem; border-block-end: 2px solid currentColor">${heading}</th>`,
                )}
              </tr>
            </thead>
            <tbody>
              ${this.entries.map(
                (entry) => html`<tr style="vertical-align: top">
                  <td style="padding: 0.375rem; border-block-end: 1px solid currentColor">${entry.count}</td>
                  <td style="padding: 0.375rem; border-block-end: 1px solid currentColor">${entry.time}</td>
                  <td style="padding: 0.375rem; border-block-end: 1px solid currentColor"><code>${entry.type}</code></td>
                  <td style="padding: 0.375rem; border-block-end: 1px solid currentColor"><code>${entry.from}</code></td>
                  <td style="padding: 0.375rem; border-block-end: 1px solid currentColor">${entry.answer}</td>
                  <td style="padding: 0.375rem; border-block-end: 1px solid currentColor">
                    <pre style="margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8125rem">${entry.detail}</pre>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p style="margin: 0">Nothing yet. Use any element below: every event it fires appears here with its detail.</p>`}
    </div>`;
  }
}
if (!customElements.get('candor-story-event-log')) customElements.define('candor-story-event-log', StoryEventLog);

/** Which element fires which event, with its class and what `detail` holds (from the manifest). */
function renderEventList(): TemplateResult {
  return html`<details>
    <summary style="cursor: pointer; min-block-size: 1.5rem">Every event the elements fire (${allEventNames().length})</summary>
    <dl>
      ${elements.map(
        (element) => html`<dt style="margin-block-start: 0.5rem; font-weight: 600"><code>&lt;${element.tagName}&gt;</code></dt>
          ${(element.events ?? []).length
            ? (element.events ?? []).map(
                (event) => html`<dd style="margin-inline-start: 1rem"><code>${event.name}</code> (${event.type?.text ?? 'Event'}): ${event.description ?? nothing}</dd>`,
              )
            : html`<dd>None.</dd>`}`,
      )}
    </dl>
  </details>`;
}

const meta: Meta = {
  title: 'Auditing/Event log',
  parameters: {
    layout: 'fullscreen',
    docs: {
      story: { inline: false, iframeHeight: 1000 },
      description: {
        component:
          'For auditors: every typed event the four elements fire, as it happens, with its `detail` as text and whether the page answered it (request events such as `candor-feedback` wait for `event.respondWith`). The page here answers every request the way a connected site would. Nothing is sent anywhere.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The four elements and the log below them. The banner still asks: choose, open the privacy center, rate an explanation, send feedback. */
export const EventLog: Story = {
  // The log first, in a box of its own height, so the elements below stay in place as it grows.
  render: (_args, { canvasElement }) => html`<div style="display: grid; gap: 1rem; padding-inline: 1.5rem; font-family: system-ui, sans-serif">
    <h1 style="margin-block: 1.5rem 0; font-size: 1.5rem">Event log</h1>
    ${renderEventList()}
    <candor-story-event-log></candor-story-event-log>
    ${renderAllElements(canvasElement, 'event-log')}
  </div>`,
  play: async ({ canvasElement }) => {
    // One event to start with, so the log shows its columns: feedback sent and answered.
    await bannerShown(canvasElement);
    const feedback = elementIn<CandorFeedback>(canvasElement, 'candor-feedback');
    await feedback.updateComplete;
    feedback.shadowRoot?.querySelector<HTMLButtonElement>('[part="helpful-button"]')?.click();
    await waitFor(() => {
      if (!canvasElement.querySelector('candor-story-event-log td')) throw new Error('nothing logged yet');
    });
  },
};
