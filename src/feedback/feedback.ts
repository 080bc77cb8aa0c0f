import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../internal/i18n.js';
import { CandorElement } from '../internal/candor-element.js';
import { feedbackWords } from '../locales/chunks.js';
import { controlStyles } from '../internal/controls.styles.js';
import { DEFAULT_TIMEOUT_MS, readAcknowledgement, request, type AckResult } from '../internal/respond.js';
import { CandorFeedbackEvent } from '../events/feedback.js';
import { CandorFeedbackUndoEvent } from '../events/feedback-undo.js';
import { feedbackStyles } from './feedback.styles.js';
import { FEEDBACK_REASONS, type FeedbackDetail, type FeedbackReason, type FeedbackSentiment, type FeedbackVariant } from './feedback.types.js';

/**
 * Where the widget is: `idle` (nothing chosen), `choosing` (the reason form is open),
 * `sending`, `sent` (acknowledged), `failed` (not delivered: Try again), `declined`
 * (the site said no), `undoing`.
 */
type Phase = 'idle' | 'choosing' | 'sending' | 'sent' | 'failed' | 'declined' | 'undoing';

const COUNTER_PAUSE_MS = 1000;

/**
 * Feedback on one item: "Helpful" / "Not helpful" toggle buttons; on "Not helpful" a
 * reason chooser (native radios, arrow keys move between them) and an optional comment
 * with a character counter; Send; Undo. The outcome (sent, declined by the site, failed)
 * is announced in a polite live region.
 *
 * The host receives `candor-feedback` and confirms through `respondWith`; until it does,
 * the widget says it is sending, and a second click sends nothing twice. The reason UI is
 * built only when "Not helpful" is pressed, so a page can hold a thousand of these.
 *
 * No slots: every word is built in and translated. Styling: the parts and CSS property
 * below, and the theme tokens (`--candor-color-*`, type, spacing, elevation, motion) every
 * Candor element shares, with their defaults per theme (`themeStyles` in
 * src/internal/theme.styles.ts).
 *
 * @tagname candor-feedback
 * @summary Helpful / not helpful feedback on one item, with a reason, a comment and undo.
 *
 * @fires {CandorFeedbackEvent} candor-feedback - The visitor sent feedback. `detail`: `FeedbackDetail` (`requestId`, `itemId`, `sentiment: 'helpful' | 'not-helpful'`, `reason`, `comment`, `at`). Confirm with `event.respondWith(promise)`: resolve to acknowledge, resolve `{ ok: false, message }` to decline, reject when it failed.
 * @fires {CandorFeedbackUndoEvent} candor-feedback-undo - The visitor withdrew acknowledged feedback with Undo. `detail`: `FeedbackUndoDetail` (`requestId` of the feedback, `itemId`, `at`). Confirm with `event.respondWith(promise)`.
 *
 * @csspart base - The row with the question and the two buttons (role="group").
 * @csspart question - "Was this helpful?" (visually hidden in the compact variant).
 * @csspart helpful-button - The "Helpful" toggle button.
 * @csspart not-helpful-button - The "Not helpful" toggle button.
 * @csspart reasons - The form with the reasons, the comment and Send.
 * @csspart legend - "Why wasn't it helpful? (optional)", the heading of the reasons.
 * @csspart reason - One reason (a label around its radio).
 * @csspart comment-label - "Anything else? (optional)", the comment field's label.
 * @csspart comment - The comment field.
 * @csspart counter - The visible character counter.
 * @csspart submit-button - "Send feedback".
 * @csspart cancel-button - "Cancel" (closes the reasons).
 * @csspart outcome - The row with the status, Undo and Try again.
 * @csspart status - The live region with the confirmation or the failure.
 * @csspart undo-button - "Undo".
 * @csspart retry-button - "Try again" after a failure.
 *
 * @cssproperty [--candor-feedback-gap=0.5rem] - Space between the widget's controls.
 */
export class CandorFeedback extends CandorElement {
  static override localeGroups = [feedbackWords];
  static override styles = [...CandorElement.styles, controlStyles, feedbackStyles];

  /** The item's id, sent in every event. */
  @property({ attribute: 'item-id', reflect: true }) itemId = '';

  /** The item's name, read with the question ("Was this helpful? Trail shoes"). */
  @property({ attribute: 'item-label' }) itemLabel = '';

  /** `inline` (default): the question and worded buttons. `compact`: icon buttons, the question for screen readers only. */
  @property({ reflect: true }) variant: FeedbackVariant = 'inline';

  /** Most characters a comment may have. */
  @property({ attribute: 'comment-max-length', type: Number }) commentMaxLength = 500;

  /** Milliseconds to wait for the host's answer. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT_MS;

  @state() private phase: Phase = 'idle';
  /** The pressed toggle: what was chosen, sent or being sent. */
  @state() private sentiment: FeedbackSentiment | null = null;
  @state() private reason: FeedbackReason | null = null;
  @state() private comment = '';
  /** The live region's words; called while rendering, so they follow the active locale. */
  @state() private statusText: () => string = () => '';
  /** Characters left, announced once typing pauses (null: nothing to announce yet). */
  @state() private charactersLeft: number | null = null;

  /** The feedback last sent (kept for Try again and Undo). */
  private last: FeedbackDetail | null = null;
  private counterTimer: ReturnType<typeof setTimeout> | undefined;

  /** The sentiment the host has acknowledged, or null. */
  get value(): FeedbackSentiment | null {
    return this.phase === 'sent' || this.phase === 'undoing' ? (this.last?.sentiment ?? null) : null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.counterTimer);
  }

  protected override render(): TemplateResult {
    const compact = this.variant === 'compact';
    const busy = this.phase === 'sending' || this.phase === 'undoing';
    const label = this.itemLabel.trim();
    return html`<div class="base" part="base" role="group" aria-labelledby="fb-question">
        <span id="fb-question" part="question" class=${compact ? 'visually-hidden' : 'question'}
          >${msg('Was this helpful?', { desc: 'Question of the feedback widget' })}${label
            ? html`<span class="visually-hidden"> ${label}</span>`
            : nothing}</span
        >
        ${this.renderToggle('helpful', compact, busy)} ${this.renderToggle('not-helpful', compact, busy)}
      </div>
      ${this.phase === 'choosing' ? this.renderReasons() : nothing}
      <div class="outcome" part="outcome">
        <p class=${`status ${this.phase}`} part="status" role="status">${this.statusText()}</p>
        ${this.phase === 'sent'
          ? html`<button type="button" class="button quiet" part="undo-button" @click=${this.undo}>
              ${msg('Undo', { id: 'candor-feedback.undo', desc: 'Withdraws the feedback just sent' })}
            </button>`
          : nothing}
        ${this.phase === 'failed' && this.last
          ? html`<button type="button" class="button quiet" part="retry-button" @click=${this.retry}>
              ${msg('Try again', { id: 'candor-feedback.retry', desc: 'Sends the same feedback again after a failure' })}
            </button>`
          : nothing}
      </div>`;
  }

  private renderToggle(sentiment: FeedbackSentiment, compact: boolean, busy: boolean): TemplateResult {
    const text =
      sentiment === 'helpful'
        ? msg('Helpful', { id: 'candor-feedback.helpful', desc: 'Feedback button: the item was helpful' })
        : msg('Not helpful', { id: 'candor-feedback.not-helpful', desc: 'Feedback button: the item was not helpful' });
    return html`<button
      type="button"
      class="button quiet toggle"
      part=${sentiment === 'helpful' ? 'helpful-button' : 'not-helpful-button'}
      data-sentiment=${sentiment}
      aria-pressed=${this.sentiment === sentiment ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => this.onToggle(sentiment)}
    >
      ${compact ? thumb(sentiment) : nothing}<span class=${compact ? 'visually-hidden' : ''}>${text}</span>
    </button>`;
  }

  private renderReasons(): TemplateResult {
    const max = this.commentMaxLength;
    const used = this.comment.length;
    return html`<form class="reasons" part="reasons" @submit=${this.onSubmit}>
      <fieldset>
        <legend part="legend">${msg("Why wasn't it helpful? (optional)", { desc: 'Legend of the reason chooser' })}</legend>
        ${FEEDBACK_REASONS.map(
          (reason) => html`<label class="reason" part="reason">
            <input
              type="radio"
              name="reason"
              .value=${reason}
              .checked=${this.reason === reason}
              @change=${() => (this.reason = reason)}
            />
            <span>${reasonName(reason)}</span>
          </label>`,
        )}
      </fieldset>
      <label class="comment-label" part="comment-label" for="fb-comment">${msg('Anything else? (optional)', { desc: 'Label of the feedback comment field' })}</label>
      <textarea
        id="fb-comment"
        part="comment"
        rows="3"
        maxlength=${max}
        aria-describedby="fb-limit"
        .value=${this.comment}
        @input=${this.onCommentInput}
      ></textarea>
      <span class="counter" part="counter" aria-hidden="true">${msg(str`Characters: ${used} of ${max}`, { desc: 'Visible character counter under the comment' })}</span>
      <span id="fb-limit" class="visually-hidden">${msg(str`Up to ${max} characters.`, { desc: 'Read with the comment field: its length limit' })}</span>
      <span class="visually-hidden" role="status"
        >${this.charactersLeft === null
          ? ''
          : msg(str`Characters left: ${this.charactersLeft}`, { desc: 'Announced after typing pauses in the comment field' })}</span
      >
      <div class="form-actions">
        <button type="submit" class="button" part="submit-button">${msg('Send feedback', { desc: 'Sends the not-helpful feedback' })}</button>
        <button type="button" class="button quiet" part="cancel-button" @click=${this.cancel}>
          ${msg('Cancel', { id: 'candor-feedback.cancel', desc: 'Closes the reasons without sending' })}
        </button>
      </div>
    </form>`;
  }

  private onToggle(sentiment: FeedbackSentiment): void {
    if (this.phase === 'sending' || this.phase === 'undoing') return;
    const pressed = this.sentiment === sentiment;
    if (pressed && this.phase === 'sent') {
      void this.undo();
    } else if (pressed && this.phase === 'choosing') {
      this.cancel();
    } else if (sentiment === 'helpful') {
      void this.send(this.newDetail('helpful', null, null));
    } else {
      this.sentiment = 'not-helpful';
      this.phase = 'choosing';
      this.statusText = () => '';
    }
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.phase !== 'choosing') return;
    const comment = this.comment.trim().slice(0, this.commentMaxLength);
    void this.send(this.newDetail('not-helpful', this.reason, comment || null));
  };

  private onCommentInput = (event: InputEvent): void => {
    this.comment = (event.target as HTMLTextAreaElement).value;
    // Announce the count once the visitor pauses, not on every keystroke.
    clearTimeout(this.counterTimer);
    this.counterTimer = setTimeout(() => {
      this.charactersLeft = Math.max(0, this.commentMaxLength - this.comment.length);
    }, COUNTER_PAUSE_MS);
  };

  private cancel = (): void => {
    this.phase = 'idle';
    this.sentiment = null;
    void this.keepFocus('not-helpful');
  };

  private retry = (): void => {
    if (this.last && this.phase === 'failed') void this.send(this.last);
  };

  private newDetail(sentiment: FeedbackSentiment, reason: FeedbackReason | null, comment: string | null): FeedbackDetail {
    return { requestId: randomId(), itemId: this.itemId, sentiment, reason, comment, at: new Date().toISOString() };
  }

  private async send(detail: FeedbackDetail): Promise<void> {
    if (this.phase === 'sending' || this.phase === 'undoing') return;
    this.last = detail;
    this.sentiment = detail.sentiment;
    this.phase = 'sending';
    this.statusText = () => msg('Sending your feedback…', { desc: 'Shown while the site confirms feedback' });
    void this.keepFocus(detail.sentiment);
    const result = readAcknowledgement(await request(this, new CandorFeedbackEvent({ ...detail }), { timeout: this.timeout }));
    this.showSendResult(result);
    void this.keepFocus(detail.sentiment);
  }

  private showSendResult(result: AckResult): void {
    if (result.status === 'acknowledged') {
      this.phase = 'sent';
      this.statusText = () => result.message ?? msg('Thank you. Your feedback was sent.', { desc: 'Confirms feedback was received' });
      this.reason = null;
      this.comment = '';
      return;
    }
    if (result.status === 'declined') {
      this.phase = 'declined';
      this.sentiment = null;
      this.statusText = () =>
        result.message
          ? msg(str`The site did not accept your feedback: ${result.message}`, { desc: 'Feedback declined; the placeholder is the site\'s reason' })
          : msg('The site did not accept your feedback.', { desc: 'Feedback declined without a reason' });
      return;
    }
    this.phase = 'failed';
    this.statusText = () =>
      result.reason === 'unhandled'
        ? msg('Your feedback could not be sent: this site is not set up to receive it.', { desc: 'Nobody answered the feedback event' })
        : result.reason === 'timeout'
          ? msg('Your feedback could not be sent: the site did not answer in time.', { desc: 'Feedback timed out' })
          : msg('Your feedback could not be sent.', { desc: 'Feedback failed' });
  }

  private undo = async (): Promise<void> => {
    const last = this.last;
    if (this.phase !== 'sent' || !last) return;
    this.phase = 'undoing';
    this.statusText = () => msg('Withdrawing your feedback…', { desc: 'Shown while the site confirms an undo' });
    void this.keepFocus(last.sentiment);
    const detail = { requestId: last.requestId, itemId: this.itemId, at: new Date().toISOString() };
    const result = readAcknowledgement(await request(this, new CandorFeedbackUndoEvent(detail), { timeout: this.timeout }));
    if (result.status === 'acknowledged') {
      this.phase = 'idle';
      this.sentiment = null;
      this.last = null;
      this.statusText = () => result.message ?? msg('Your feedback was withdrawn.', { desc: 'Confirms the feedback was undone' });
    } else {
      this.phase = 'sent';
      this.statusText = () =>
        result.status === 'declined' && result.message
          ? msg(str`Your feedback could not be withdrawn: ${result.message}`, { desc: 'Undo declined; the placeholder is the site\'s reason' })
          : msg('Your feedback could not be withdrawn. It still counts.', { desc: 'Undo failed' });
    }
    void this.keepFocus(last.sentiment);
  };

  /** When the control that had focus disappears (the form, Undo), focus moves to the toggle, not to the page. */
  private async keepFocus(sentiment: FeedbackSentiment): Promise<void> {
    const hadFocus = this.matches(':focus-within');
    await this.updateComplete;
    if (hadFocus && !this.shadowRoot?.activeElement) {
      this.renderRoot.querySelector<HTMLElement>(`[data-sentiment="${sentiment}"]`)?.focus();
    }
  }
}

function reasonName(reason: FeedbackReason): string {
  switch (reason) {
    case 'not-relevant':
      return msg('Not relevant to me', { desc: 'Feedback reason' });
    case 'already-have':
      return msg('I already have it or have seen it', { desc: 'Feedback reason' });
    case 'too-often':
      return msg('I see this too often', { desc: 'Feedback reason' });
    case 'wrong-about-me':
      return msg("It's based on something wrong about me", { desc: 'Feedback reason' });
    case 'offensive':
      return msg('Offensive or inappropriate', { desc: 'Feedback reason' });
    default:
      return msg('Something else', { desc: 'Feedback reason: none of the others' });
  }
}

function thumb(sentiment: FeedbackSentiment): TemplateResult {
  // One thumb drawn once; "not helpful" is the same shape turned over.
  return html`<svg class=${`thumb ${sentiment}`} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path
      d="M2 9h3v9H2zM7 18h7.2a2 2 0 0 0 1.9-1.4l1.8-5.6A2 2 0 0 0 16 8.4h-4.3l.7-3.6a1.6 1.6 0 0 0-2.8-1.3L7 8z"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linejoin="round"
    />
  </svg>`;
}

/** A random UUID v4 (crypto.randomUUID exists only in secure contexts). */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
