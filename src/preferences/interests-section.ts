import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '../internal/i18n.js';
import { wordsTagFor } from '../localization.js';
import { renderWeight, weightStyles } from '../internal/weight.js';
import { DEFAULT_TIMEOUT_MS, readAcknowledgement, request, type AckResult } from '../internal/respond.js';
import {
  PayloadError,
  expectArray,
  expectKnownKeys,
  expectNumber,
  expectObject,
  expectString,
  own,
} from '../internal/validate.js';
import { CandorInterestsRequestEvent } from '../events/interests-request.js';
import { CandorProfileEditEvent, type ProfileEditDetail } from '../events/profile-edit.js';

/** One thing the site believes the visitor likes, as the host gives it. */
export interface Interest {
  /** The host's id for the interest (sent back in `candor-profile-edit`). */
  id: string;
  /** The interest in plain words ("Cycling"). */
  label: string;
  /** Where it came from, in plain words ("Articles you read", "You told us"). */
  source: string;
  /** How strongly it counts, from 0 to 1; shown as a bar and a number. */
  weight?: number;
}

export interface InterestsSectionOptions {
  /** Milliseconds to wait for the host's answers. */
  timeout?: number;
  /** Level of the section's heading (3 by default, under the panel's own headings). */
  headingLevel?: 2 | 3 | 4;
}

type Phase = 'idle' | 'loading' | 'ready' | 'error' | 'unavailable';
type EditAction = ProfileEditDetail['action'];

export interface ValidInterest {
  id: string;
  label: string;
  source: string;
  weight: number | null;
}

const INTEREST_KEYS = ['id', 'label', 'source', 'weight'];

/**
 * "What we think you like": the interests a site holds about the visitor, each with
 * where it came from and how much it counts, and buttons to remove one or mark it wrong.
 * A self-contained section that any Candor element (the privacy center) mounts:
 *
 * ```ts
 * private readonly interestsSection = new InterestsSection(this);
 * // in render(): ${this.interestsSection.render()}
 * // in styles:   static styles = [..., ...interestsSectionStyles]
 * ```
 *
 * Data: set `section.interests` (an array of `Interest`), or leave it unset and answer
 * `candor-interests-request` with `respondWith`. Each edit fires `candor-profile-edit`;
 * the list drops the interest once the host confirms and says so, or keeps it and says
 * the change failed. Ids inside the section start with `candor-interests-`.
 *
 * Parts (exposed on the host): `interests`, `interests-list`, `interest`, `interest-weight`,
 * `interest-bar`, `interest-remove`, `interest-wrong`, `interests-status`, `interests-retry`.
 */
export class InterestsSection implements ReactiveController {
  private phase: Phase = 'idle';
  private failure: 'error' | 'timeout' | 'invalid' = 'error';
  private list: ValidInterest[] = [];
  private pending = new Map<string, EditAction>();
  /** `text` is called while rendering, so the words follow the active locale. */
  private status: { text: () => string; tone: 'success' | 'failure' | 'neutral' } | null = null;
  private given = false;
  private rendered = false;
  private focusAfterUpdate: string | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: InterestsSectionOptions = {},
  ) {
    host.addController(this);
  }

  /** The interests shown (a copy), or null while none are known. */
  get interests(): Interest[] | null {
    return this.phase === 'ready' ? this.list.map((interest) => ({ ...interest, weight: interest.weight ?? undefined })) : null;
  }

  /** Sets the interests; `null`/`undefined` goes back to asking the host with `candor-interests-request`. */
  set interests(value: readonly Interest[] | null | undefined) {
    this.abort?.abort();
    this.status = null;
    this.pending.clear();
    if (value === null || value === undefined) {
      this.given = false;
      this.phase = 'idle';
    } else {
      this.given = true;
      this.adopt(value);
    }
    this.host.requestUpdate();
  }

  /** Asks the host again (after an error, or when the host's data changed). */
  reload(): void {
    if (!this.given) void this.load();
  }

  hostUpdated(): void {
    // Asked after this update has finished, so loading starts a new update rather than
    // scheduling one inside the current update (which Lit warns about).
    if (this.rendered && this.phase === 'idle' && !this.given) {
      queueMicrotask(() => {
        if (this.phase === 'idle' && !this.given) void this.load();
      });
    }
    if (this.focusAfterUpdate) {
      const root = this.host.shadowRoot;
      const target = root?.getElementById(this.focusAfterUpdate) ?? root?.getElementById('candor-interests-heading');
      this.focusAfterUpdate = null;
      target?.focus();
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.phase === 'loading') this.phase = 'idle';
  }

  render(): TemplateResult {
    this.rendered = true;
    return html`<section class="interests" part="interests" aria-labelledby="candor-interests-heading">
      ${this.renderHeading()}
      <p class="interests-intro">
        ${msg('This site uses these interests to choose what it shows you. Remove any you do not want used, or tell us when one is wrong.', {
          desc: 'Introduction of the "What we think you like" section',
        })}
      </p>
      <div aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>${this.renderBody()}</div>
      <p class=${`interests-status ${this.status?.tone ?? 'neutral'}`} part="interests-status" role="status">${this.status?.text() ?? ''}</p>
    </section>`;
  }

  private renderHeading(): TemplateResult {
    const text = msg('What we think you like', { desc: 'Heading of the section listing the interests the site holds' });
    const level = this.options.headingLevel ?? 3;
    return html`<div class="interests-heading" id="candor-interests-heading" role="heading" aria-level=${level} tabindex="-1">${text}</div>`;
  }

  private renderBody(): TemplateResult {
    switch (this.phase) {
      case 'idle':
      case 'loading':
        return html`<p>${msg('Loading what we think you like…', { desc: 'Shown while the site sends the interests' })}</p>`;
      case 'unavailable':
        return html`<p>${msg('This site has not shared what it thinks you like.', { desc: 'No interests were given and nobody answered' })}</p>`;
      case 'error':
        return html`<p>
            ${this.failure === 'invalid'
              ? msg('The list of interests could not be shown.', { desc: 'The site sent a malformed list of interests' })
              : this.failure === 'timeout'
                ? msg('The site did not answer in time, so your interests could not be shown.', { desc: 'Interests request timed out' })
                : msg('Something went wrong, so your interests could not be shown.', { desc: 'Interests request failed' })}
          </p>
          ${this.given
            ? nothing
            : html`<button type="button" class="button" part="interests-retry" @click=${() => this.reload()}>
                ${msg('Try again', { id: 'candor-interests.retry', desc: 'Asks the site for the interests again' })}
              </button>`}`;
      case 'ready':
        return this.list.length
          ? html`<ul class="interests-list" part="interests-list">
              ${this.list.map((interest, index) => this.renderInterest(interest, index))}
            </ul>`
          : html`<p>${msg('This site has no interests recorded for you.', { desc: 'Empty list of interests' })}</p>`;
    }
  }

  private renderInterest(interest: ValidInterest, index: number): TemplateResult {
    const busy = this.pending.has(interest.id);
    return html`<li class="interest" part="interest">
      <span class="interest-label">${interest.label}</span>
      <span class="interest-source">${msg(str`Based on: ${interest.source}`, { desc: 'Where an interest came from; the placeholder is e.g. "Articles you read"' })}</span>
      ${interest.weight === null
        ? nothing
        : renderWeight(interest.weight, msg('Strength:', { desc: 'Read before the strength of an interest, e.g. "Strength: 60%"' }), {
            weight: 'interest-weight',
            bar: 'interest-bar',
          })}
      <span class="interest-actions">
        <button
          type="button"
          class="button quiet"
          part="interest-remove"
          id=${`candor-interest-${index}`}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => this.edit(interest, 'remove')}
        >
          ${msg('Remove', { id: 'candor-interests.remove', desc: 'Removes an interest' })}<span class="visually-hidden">: ${interest.label}</span>
        </button>
        <button
          type="button"
          class="button quiet"
          part="interest-wrong"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => this.edit(interest, 'mark-wrong')}
        >
          ${msg('This is wrong', { desc: 'Marks an interest as wrong about the visitor' })}<span class="visually-hidden">: ${interest.label}</span>
        </button>
      </span>
    </li>`;
  }

  private adopt(value: unknown): void {
    try {
      this.list = parseInterests(value);
      this.phase = 'ready';
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      console.error(`Candor "What we think you like": ${error.message}. The list is not shown.`);
      this.list = [];
      this.failure = 'invalid';
      this.phase = 'error';
    }
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.phase = 'loading';
    this.status = null;
    this.host.requestUpdate();
    const locale = wordsTagFor(this.host);
    const outcome = await request(this.host, new CandorInterestsRequestEvent({ locale }), {
      timeout: this.options.timeout ?? DEFAULT_TIMEOUT_MS,
      signal: abort.signal,
    });
    if (abort.signal.aborted) return;
    this.abort = null;
    if (outcome.status === 'ok') this.adopt(outcome.value);
    else if (outcome.status === 'unhandled') this.phase = 'unavailable';
    else {
      this.failure = outcome.status;
      this.phase = 'error';
    }
    this.host.requestUpdate();
  }

  private async edit(interest: ValidInterest, action: EditAction): Promise<void> {
    if (this.pending.has(interest.id)) return;
    this.pending.set(interest.id, action);
    this.status = { text: () => msg('Saving your change…', { desc: 'Shown while the site confirms a profile change' }), tone: 'neutral' };
    this.host.requestUpdate();
    const event = new CandorProfileEditEvent({ interestId: interest.id, action, at: new Date().toISOString() });
    const result = readAcknowledgement(await request(this.host, event, { timeout: this.options.timeout ?? DEFAULT_TIMEOUT_MS }));
    this.pending.delete(interest.id);
    const index = this.list.findIndex((entry) => entry.id === interest.id);
    if (result.status === 'acknowledged' && index >= 0) {
      const hadFocus = this.host.matches(':focus-within');
      this.list = this.list.filter((entry) => entry.id !== interest.id);
      // The next interest's first button takes the place of the removed one (or the heading).
      if (hadFocus) this.focusAfterUpdate = this.list.length ? `candor-interest-${Math.min(index, this.list.length - 1)}` : 'candor-interests-heading';
    }
    this.status = describeEdit(interest.label, action, result);
    this.host.requestUpdate();
  }
}

function describeEdit(label: string, action: EditAction, result: AckResult): { text: () => string; tone: 'success' | 'failure' } {
  if (result.status === 'acknowledged') {
    const text = () =>
      result.message ??
      (action === 'remove'
        ? msg(str`Removed: ${label}. It will no longer be used.`, { desc: 'Confirms an interest was removed; the placeholder is the interest' })
        : msg(str`Thank you. ${label} is marked as wrong and will no longer be used.`, { desc: 'Confirms an interest was marked wrong' }));
    return { text, tone: 'success' };
  }
  if (result.status === 'declined') {
    return {
      text: () => result.message ?? msg(str`The site could not change this: ${label}.`, { desc: 'A profile change was declined' }),
      tone: 'failure',
    };
  }
  const text = () =>
    result.reason === 'unhandled'
      ? msg('Changing your interests does not work on this site yet, so nothing was changed.', { desc: 'Nobody answered a profile edit' })
      : result.reason === 'timeout'
        ? msg(str`The site did not answer in time, so nothing was changed: ${label}.`, { desc: 'A profile edit timed out' })
        : msg(str`Something went wrong, so nothing was changed: ${label}.`, { desc: 'A profile edit failed' });
  return { text, tone: 'failure' };
}

/** Checks a host's list of interests; throws a `PayloadError` naming the first bad field. */
export function parseInterests(value: unknown): ValidInterest[] {
  const seen = new Set<string>();
  return expectArray(value, 'interests', { max: 200 }).map((entry, index) => {
    const field = `interests[${index}]`;
    const object = expectObject(entry, field);
    expectKnownKeys(object, field, INTEREST_KEYS);
    const id = expectString(own(object, 'id'), `${field}.id`, { max: 100 });
    if (seen.has(id)) throw new PayloadError(`${field}.id`, `"${id}" is used twice`);
    seen.add(id);
    const weight = own(object, 'weight');
    return {
      id,
      label: expectString(own(object, 'label'), `${field}.label`, { max: 200 }),
      source: expectString(own(object, 'source'), `${field}.source`, { max: 300 }),
      weight: weight === undefined || weight === null ? null : expectNumber(weight, `${field}.weight`, { min: 0, max: 1 }),
    };
  });
}

/** Styles of the section; the host adds them to its own `static styles` (with the shared control styles). */
export const interestsSectionStyles = [
  weightStyles,
  css`
  .interests-heading {
    margin-block: 1.25rem 0.5rem;
    font-size: 1.0625em;
    font-weight: 700;
  }
  .interests-intro {
    margin-block: 0 0.75rem;
    color: var(--_candor-text-muted);
  }
  .interests-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .interest {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 0.75rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_candor-border);
  }
  .interest-label {
    font-weight: 600;
  }
  .interest-source,
  .interest .weight {
    grid-column: 1;
    color: var(--_candor-text-muted);
    --_candor-weight-bar-size: 6rem;
  }
  .interest-source {
    font-size: var(--_candor-font-size-small);
  }
  .interest-actions {
    grid-column: 2;
    grid-row: 1 / span 3;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: end;
    gap: 0.5rem;
  }
  .interests-status:empty {
    display: none;
  }
  .interests-status.success {
    color: var(--_candor-success);
  }
  .interests-status.failure {
    color: var(--_candor-danger);
  }
  @media (max-width: 30rem) {
    .interest {
      grid-template-columns: 1fr;
    }
    .interest-actions {
      grid-column: 1;
      grid-row: auto;
      justify-content: start;
    }
  }
`,
];
