import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '../internal/i18n.js';
import { wordsTagFor } from '../localization.js';
import { CandorElement } from '../internal/candor-element.js';
import { whyWords } from '../locales/chunks.js';
import { controlStyles } from '../internal/controls.styles.js';
import { PopoverController } from '../internal/popover.js';
import { DEFAULT_TIMEOUT_MS, readAcknowledgement, request, type AckResult } from '../internal/respond.js';
import { StoreController } from '../internal/store-controller.js';
import { PayloadError } from '../internal/validate.js';
import { renderWeight, weightStyles } from '../internal/weight.js';
import { CandorExplanationControlEvent } from '../events/explanation-control.js';
import { CandorExplanationRatingEvent } from '../events/explanation-rating.js';
import { CandorExplanationRequestEvent } from '../events/explanation-request.js';
import { requestPreferences } from '../events/preferences-request.js';
import { parseExplanation } from './explanation.js';
import { whyStyles } from './why.styles.js';
import type { Explanation, ExplanationAction, ExplanationKind, ReasonKind, ValidExplanation } from './why.types.js';

type Phase = 'idle' | 'loading' | 'ready' | 'error' | 'unavailable';

/** A message in the popover's live region, with whether it reports success. */
interface Status {
  /** Called while rendering, so the words follow the active locale. */
  text: () => string;
  tone: 'success' | 'failure' | 'neutral';
}

const PERSONALIZATION = 'personalization';

/**
 * "Why am I seeing this?" for one recommended item or ad: a small trigger button and a
 * non-modal dialog popover with the reasons and how much each weighed, the data used,
 * who paid (ads), and controls that act on what the visitor sees.
 *
 * The explanation is the `explanation` property, or is fetched the first time the
 * popover opens through `candor-explanation-request` (answered with `respondWith`).
 * An idle element renders only its trigger: the popover is built on first use, so a page
 * can hold a thousand of them.
 *
 * No slots: every word is built in and translated, or comes from the explanation (as text).
 * Styling: the parts and CSS properties below, and the theme tokens (`--candor-color-*`,
 * type, spacing, elevation, motion) every Candor element shares, with their defaults
 * per theme (`themeStyles` in src/internal/theme.styles.ts). The popover opens below the
 * trigger, aligned with its inline start (its right edge in a right-to-left page).
 *
 * @tagname candor-why
 * @summary "Why am I seeing this?" trigger and popover for one item or ad.
 *
 * @fires {CandorExplanationRequestEvent} candor-explanation-request - The popover needs an explanation (first opening, and Try again). `detail`: `ExplanationRequestDetail` (`itemId`, `kind?`, `locale`). Answer with `event.respondWith(promise)` of an `Explanation`.
 * @fires {CandorExplanationControlEvent} candor-explanation-control - The visitor used a control ("Not interested in …", "Hide this item", …). `detail`: `ExplanationControlDetail` (`itemId`, `action`, `target`). Confirm with `event.respondWith(promise)` so the popover can say what changed.
 * @fires {CandorExplanationRatingEvent} candor-explanation-rating - The visitor answered "Was this explanation helpful?". `detail`: `ExplanationRatingDetail` (`itemId`, `helpful`, `at`). Nothing to answer.
 * @fires {CandorPreferencesRequestEvent} candor-preferences-request - "Manage privacy choices" asks the privacy center to open. `detail`: `PreferencesRequestDetail` (`storeKey?`, `section?`).
 * @fires {CandorConsentChangeEvent} candor-consent-change - "Turn off personalization" changed the visitor's consent. `detail`: `ConsentChangeDetail` (`decisions`, `changed`, `source: 'why'`, …).
 *
 * @csspart trigger - The "Why am I seeing this?" button.
 * @csspart trigger-icon - The icon in the trigger.
 * @csspart trigger-label - The trigger's visible text.
 * @csspart popover - The popover (role="dialog").
 * @csspart header - The popover's title row.
 * @csspart title - The popover's title.
 * @csspart item - The item's name under the title (`item-label`).
 * @csspart section-title - The headings "Main reasons", "Data used" and "Change what you see".
 * @csspart close-button - The popover's Close button.
 * @csspart body - Everything below the title.
 * @csspart notice - The "Personalization is off" notice.
 * @csspart headline - The explanation's headline.
 * @csspart sponsor - Who the ad is shown for and who paid.
 * @csspart reasons - The list of reasons.
 * @csspart reason - One reason.
 * @csspart reason-kind - The reason's kind ("Your activity").
 * @csspart reason-label - The reason in words.
 * @csspart weight - A reason's weight (bar and number).
 * @csspart weight-bar - The bar that draws a reason's weight.
 * @csspart completeness - "These are all the main reasons" / "N more reasons are not shown".
 * @csspart data - The list of data categories used.
 * @csspart parameters-link - The link to the site's main parameters page.
 * @csspart controls - The row of controls.
 * @csspart control - One control button.
 * @csspart status - The live region that says what changed or what failed.
 * @csspart retry-button - Retry after a failed load.
 * @csspart rating - "Was this explanation helpful?" and its buttons.
 * @csspart rating-button - "Yes" and "No" under that question (`aria-pressed` says which was chosen).
 *
 * @cssproperty [--candor-why-popover-width=24rem] - Largest inline size of the popover (it never exceeds the viewport).
 * @cssproperty [--candor-why-bar-color=var(--candor-color-action)] - Colour of the weight bars; the theme's action colour unless set.
 */
export class CandorWhy extends CandorElement {
  static override localeGroups = [whyWords];
  static override styles = [...CandorElement.styles, controlStyles, weightStyles, whyStyles];

  /** The item's id, sent in every event. */
  @property({ attribute: 'item-id', reflect: true }) itemId = '';

  /** The item's name, part of the trigger's accessible name ("Why am I seeing this: Trail shoes?"). */
  @property({ attribute: 'item-label' }) itemLabel = '';

  /** `recommendation` or `ad`: words the trigger and title, and is sent in the request. */
  @property() kind: ExplanationKind | undefined;

  /** Milliseconds to wait for the host's answer to a request or control. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT_MS;

  /** The consent store's storage key (the page's default store when absent). */
  @property({ attribute: 'store-key' }) storeKey: string | undefined;

  /** The explanation; when unset, it is requested on first open with `candor-explanation-request`. */
  @property({ attribute: false }) explanation: Explanation | null | undefined;

  @state() private phase: Phase = 'idle';
  @state() private failure: 'error' | 'timeout' = 'error';
  @state() private valid: ValidExplanation | null = null;
  @state() private status: Status | null = null;
  @state() private pending = new Set<string>();
  @state() private done = new Set<string>();
  @state() private rating: boolean | null = null;

  @query('.trigger') private triggerButton?: HTMLButtonElement;
  @query('.popover') private popoverElement?: HTMLElement;

  private readonly popoverController = new PopoverController(this, {
    trigger: () => this.triggerButton,
    popover: () => this.popoverElement,
    onToggle: (open) => {
      if (open && this.phase === 'idle') void this.load();
    },
  });

  /** Connected to the consent store on first use only, so idle elements cost nothing per change. */
  private storeController: StoreController | null = null;
  private loadAbort: AbortController | null = null;

  /** True while the popover is showing. */
  get open(): boolean {
    return this.popoverController.open;
  }

  /** Opens the popover (fetching the explanation if needed). */
  show(): Promise<void> {
    return this.popoverController.show();
  }

  /** Closes the popover; focus returns to the trigger. */
  hide(): void {
    this.popoverController.hide();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('explanation')) this.adoptExplanation();
    if (this.popoverController.activated && !this.storeController) {
      this.storeController = new StoreController(this, () => this.storeKey);
    }
  }

  protected override render(): TemplateResult {
    const ad = this.isAd;
    const visible = ad ? msg('Why am I seeing this ad?', { desc: 'Trigger next to an ad' }) : msg('Why am I seeing this?', { desc: 'Trigger next to a recommended item' });
    const named = this.itemLabel.trim();
    const accessibleName = named
      ? ad
        ? msg(str`Why am I seeing this ad: ${named}?`, { desc: 'Accessible name of the trigger next to an ad; the placeholder is the ad' })
        : msg(str`Why am I seeing this: ${named}?`, { desc: 'Accessible name of the trigger next to an item; the placeholder is the item' })
      : undefined;
    return html`<button type="button" class="trigger" part="trigger" aria-label=${ifDefined(accessibleName)}>
        <svg class="trigger-icon" part="trigger-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" />
          <rect x="7.25" y="7" width="1.5" height="5" fill="currentColor" />
          <circle cx="8" cy="4.75" r="1" fill="currentColor" />
        </svg>
        <span part="trigger-label">${visible}</span></button
      >${this.popoverController.activated ? this.renderPopover() : nothing}`;
  }

  private renderPopover(): TemplateResult {
    const named = this.itemLabel.trim();
    const title = this.isAd
      ? msg("Why you're seeing this ad", { desc: 'Title of the explanation popover for an ad' })
      : msg("Why you're seeing this", { desc: 'Title of the explanation popover for a recommended item' });
    return html`<div
      class="popover"
      part="popover"
      popover="auto"
      role="dialog"
      aria-labelledby=${named ? 'why-title why-item' : 'why-title'}
      tabindex="-1"
      autofocus
    >
      <div class="header" part="header">
        <div>
          <h2 class="title" id="why-title" part="title">${title}</h2>
          ${named ? html`<p class="item" part="item" id="why-item">${named}</p>` : nothing}
        </div>
        <button type="button" class="button quiet close" part="close-button" @click=${() => this.hide()}>
          ${msg('Close', { id: 'candor-why.close', desc: 'Closes the explanation popover' })}
        </button>
      </div>
      <div class="body" part="body" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>${this.renderBody()}</div>
      <p
        class=${classMap({ status: true, [this.status?.tone ?? 'neutral']: true })}
        part="status"
        role="status"
      >${this.status?.text() ?? ''}</p>
      ${this.phase === 'ready' ? this.renderRating() : nothing}
    </div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    switch (this.phase) {
      case 'idle':
      case 'loading':
        return html`<p class="loading">${msg('Loading the explanation…', { desc: 'Shown while the site prepares the explanation' })}</p>`;
      case 'error':
        return html`<p>
            ${this.failure === 'timeout'
              ? msg('The site did not answer in time, so the explanation could not be shown.', { desc: 'Explanation request timed out' })
              : msg('Something went wrong, so the explanation could not be shown.', { desc: 'Explanation request failed' })}
          </p>
          <button type="button" class="button" part="retry-button" @click=${() => this.load()}>
            ${msg('Try again', { id: 'candor-why.retry', desc: 'Retries loading the explanation' })}
          </button>`;
      case 'unavailable':
        return html`<p>${msg('No explanation is available for this item.', { desc: 'The site gave no usable explanation' })}</p>
          ${this.renderControls(null)}`;
      case 'ready':
        return this.valid ? this.renderExplanation(this.valid) : nothing;
    }
  }

  private renderExplanation(explanation: ValidExplanation): TemplateResult {
    const omitted = explanation.omittedReasons;
    return html`${this.renderPersonalizationNotice()}
      <p class="headline" part="headline">${explanation.headline}</p>
      ${explanation.sponsor ? this.renderSponsor(explanation.sponsor) : nothing}
      <h3 id="why-reasons" part="section-title">${msg('Main reasons', { desc: 'Heading above the list of reasons' })}</h3>
      <ul class="reasons" part="reasons" aria-labelledby="why-reasons">
        ${explanation.reasons.map((reason, index) => this.renderReason(explanation, reason, index))}
      </ul>
      <p class="completeness" part="completeness">
        ${omitted === 0
          ? msg('These are all the main reasons.', { desc: 'Says the list of reasons is complete' })
          : omitted === 1
            ? msg('1 more reason is not shown.', { desc: 'One reason was left out of the list' })
            : msg(str`${omitted} more reasons are not shown.`, { desc: 'Several reasons were left out; the placeholder is how many' })}
      </p>
      ${explanation.dataCategories.length
        ? html`<h3 id="why-data" part="section-title">${msg('Data used', { id: 'candor-why.data-used', desc: 'Heading above the data categories used' })}</h3>
            <ul class="data" part="data" aria-labelledby="why-data">
              ${explanation.dataCategories.map((category) => html`<li>${category}</li>`)}
            </ul>`
        : nothing}
      ${explanation.mainParametersUrl
        ? html`<p>
            <a class="link" part="parameters-link" href=${explanation.mainParametersUrl}>
              ${this.isAd
                ? msg('How ads are chosen on this site', { desc: 'Link to the page describing how ads are selected' })
                : msg('How recommendations work on this site', { desc: 'Link to the page describing the recommender system' })}
            </a>
          </p>`
        : nothing}
      ${this.renderControls(explanation)}`;
  }

  private renderPersonalizationNotice(): TemplateResult | typeof nothing {
    if (!this.hasPersonalizationPurpose || this.personalizationOn) return nothing;
    return html`<p class="notice" part="notice">
      ${msg('Personalization is off: this site does not use your activity or interests to choose what you see.', {
        desc: 'Shown when the visitor has not allowed personalization',
      })}
    </p>`;
  }

  private renderSponsor(sponsor: NonNullable<ValidExplanation['sponsor']>): TemplateResult {
    return html`<dl class="sponsor" part="sponsor">
      <dt>${msg('Shown on behalf of', { desc: 'Label for the advertiser of an ad (EU DSA Art. 26)' })}</dt>
      <dd>${sponsor.onBehalfOf}</dd>
      <dt>${msg('Paid for by', { desc: 'Label for who paid for an ad (EU DSA Art. 26)' })}</dt>
      <dd>${sponsor.paidBy ?? sponsor.onBehalfOf}</dd>
    </dl>`;
  }

  private renderReason(explanation: ValidExplanation, reason: ValidExplanation['reasons'][number], index: number): TemplateResult {
    const offerSignal = reason.signal !== null && explanation.controls.includes('dont-use-signal');
    return html`<li class="reason" part="reason">
      <span class="reason-kind" part="reason-kind">${reasonKindName(reason.kind)}</span>
      <span class="reason-label" part="reason-label" id=${`why-reason-${index}`}>${reason.label}</span>
      ${reason.weight === null
        ? nothing
        : renderWeight(reason.weight, msg('Weight:', { desc: 'Read before the weight of a reason, e.g. "Weight: 60%"' }), {
            weight: 'weight',
            bar: 'weight-bar',
          })}
      ${offerSignal
        ? this.renderControl('dont-use-signal', reason.signal, html`${msg("Don't use this", { desc: 'Stops the site using the signal behind one reason' })}<span class="visually-hidden">: ${reason.label}</span>`, 'link')
        : nothing}
    </li>`;
  }

  private renderControls(explanation: ValidExplanation | null): TemplateResult | typeof nothing {
    const offered = explanation?.controls ?? ['manage-preferences', 'turn-off-personalization'];
    const topic = explanation?.topic ?? null;
    const buttons: TemplateResult[] = [];
    for (const action of offered) {
      if (action === 'not-interested' && topic) {
        buttons.push(this.renderControl(action, topic, msg(str`Not interested in ${topic}`, { desc: 'Control; the placeholder is a topic such as "cycling"' })));
      } else if (action === 'fewer-like-this') {
        buttons.push(this.renderControl(action, topic, msg('Show fewer like this', { desc: 'Control: see fewer items like this one' })));
      } else if (action === 'hide-item') {
        buttons.push(
          this.renderControl(action, this.itemId, this.isAd ? msg('Hide this ad', { desc: 'Control: hide this ad' }) : msg('Hide this item', { desc: 'Control: hide this item' })),
        );
      } else if (action === 'manage-preferences') {
        buttons.push(this.renderControl(action, null, msg('Manage privacy choices', { id: 'candor-why.manage-preferences', desc: 'Control: opens the privacy center' })));
      } else if (action === 'turn-off-personalization' && this.hasPersonalizationPurpose && this.personalizationOn) {
        buttons.push(this.renderControl(action, null, msg('Turn off personalization', { id: 'candor-why.turn-off-personalization', desc: 'Control: refuses personalization in one click' })));
      }
    }
    if (!buttons.length) return nothing;
    return html`<h3 id="why-controls" part="section-title">${msg('Change what you see', { desc: 'Heading above the controls in the explanation popover' })}</h3>
      <div class="controls" part="controls" role="group" aria-labelledby="why-controls">${buttons}</div>`;
  }

  private renderControl(action: ExplanationAction, target: string | null, label: TemplateResult | string, look: 'button' | 'link' = 'button'): TemplateResult {
    const key = controlKey(action, target);
    const busy = this.pending.has(key);
    const used = this.done.has(key);
    return html`<button
      type="button"
      class=${look === 'link' ? 'link control' : 'button control'}
      part="control"
      data-action=${action}
      aria-disabled=${busy || used ? 'true' : 'false'}
      @click=${() => this.runControl(action, target)}
    >
      ${label}
    </button>`;
  }

  private renderRating(): TemplateResult {
    return html`<div class="rating" part="rating" role="group" aria-labelledby="why-rating">
      <span id="why-rating">${msg('Was this explanation helpful?', { desc: 'Question at the foot of the explanation popover' })}</span>
      <button type="button" class="button quiet" part="rating-button" aria-pressed=${this.rating === true ? 'true' : 'false'} @click=${() => this.rate(true)}>
        ${msg('Yes', { id: 'candor-why.rating-yes', desc: 'Answer: the explanation was helpful' })}
      </button>
      <button type="button" class="button quiet" part="rating-button" aria-pressed=${this.rating === false ? 'true' : 'false'} @click=${() => this.rate(false)}>
        ${msg('No', { id: 'candor-why.rating-no', desc: 'Answer: the explanation was not helpful' })}
      </button>
    </div>`;
  }

  private get isAd(): boolean {
    return (this.valid?.kind ?? this.kind) === 'ad';
  }

  private get hasPersonalizationPurpose(): boolean {
    return Boolean(this.storeController?.store.policy?.purposes.some((purpose) => purpose.id === PERSONALIZATION));
  }

  private get personalizationOn(): boolean {
    return Boolean(this.storeController?.store.isGranted(PERSONALIZATION));
  }

  /** Takes the `explanation` property as the source of truth (null/undefined: fetch on open). */
  private adoptExplanation(): void {
    this.loadAbort?.abort();
    if (this.explanation === undefined || this.explanation === null) {
      this.valid = null;
      this.phase = 'idle';
      if (this.popoverController.open) void this.load();
      return;
    }
    this.accept(this.explanation);
  }

  private accept(value: unknown): void {
    try {
      this.valid = parseExplanation(value);
      this.phase = 'ready';
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      console.error(`<candor-why item-id="${this.itemId}">: ${error.message}. No explanation is shown.`);
      this.valid = null;
      this.phase = 'unavailable';
    }
  }

  private async load(): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    this.phase = 'loading';
    this.status = null;
    const detail = {
      itemId: this.itemId,
      ...(this.kind ? { kind: this.kind } : {}),
      locale: wordsTagFor(this),
    };
    const outcome = await request(this, new CandorExplanationRequestEvent(detail), { timeout: this.timeout, signal: abort.signal });
    if (abort.signal.aborted) return;
    this.loadAbort = null;
    if (outcome.status === 'ok') {
      this.accept(outcome.value);
    } else if (outcome.status === 'unhandled') {
      this.phase = 'unavailable';
    } else {
      this.failure = outcome.status;
      this.phase = 'error';
      this.status = {
        text: () => msg('The explanation could not be loaded.', { desc: 'Announced when loading the explanation failed' }),
        tone: 'failure',
      };
    }
    await this.updateComplete;
    this.popoverController.reposition();
  }

  private async runControl(action: ExplanationAction, target: string | null): Promise<void> {
    const key = controlKey(action, target);
    if (this.pending.has(key) || this.done.has(key)) return;
    const event = new CandorExplanationControlEvent({ itemId: this.itemId, action, target });

    if (action === 'manage-preferences') {
      this.dispatchEvent(event);
      event.seal();
      const section = this.hasPersonalizationPurpose ? PERSONALIZATION : undefined;
      // Dispatched from the trigger, so the privacy center gives focus back to it when it closes.
      const opened = requestPreferences(this.triggerButton ?? this, {
        ...(this.storeKey ? { storeKey: this.storeKey } : {}),
        ...(section ? { section } : {}),
      });
      if (opened) this.hide();
      else this.status = { text: () => msg('This site has no privacy choices panel to open.', { desc: 'Manage privacy choices found no panel' }), tone: 'failure' };
      return;
    }

    if (action === 'turn-off-personalization') {
      this.turnOffPersonalization();
      this.dispatchEvent(event);
      event.seal();
      return;
    }

    this.pending = new Set(this.pending).add(key);
    this.status = { text: () => msg('Saving your choice…', { desc: 'Shown while the site confirms a control' }), tone: 'neutral' };
    const result = readAcknowledgement(await request(this, event, { timeout: this.timeout }));
    const pending = new Set(this.pending);
    pending.delete(key);
    this.pending = pending;
    if (result.status === 'acknowledged') this.done = new Set(this.done).add(key);
    this.status = this.describeResult(action, target, result);
  }

  private turnOffPersonalization(): void {
    const store = this.storeController?.store;
    const purposes = store?.policy?.purposes ?? [];
    const refused: Record<string, boolean> = {};
    for (const purpose of purposes) {
      if (!purpose.required && (purpose.id === PERSONALIZATION || purpose.id === 'advertising' || purpose.saleOrShare)) {
        refused[purpose.id] = false;
      }
    }
    if (!store || !Object.keys(refused).length) return;
    const change = store.set(refused, { source: 'why', origin: this });
    this.status = {
      text: () =>
        change.persisted
          ? msg('Personalization is off. What you see will no longer be chosen using your activity or interests. You can turn it back on in your privacy choices.', {
              desc: 'Confirms that personalization was turned off from the explanation popover',
            })
          : msg('Personalization is off for this visit, but your choice could not be saved in this browser.', {
              desc: 'Personalization was turned off but storage failed',
            }),
      tone: change.persisted ? 'success' : 'failure',
    };
  }

  private describeResult(action: ExplanationAction, target: string | null, result: AckResult): Status {
    if (result.status === 'acknowledged') {
      return { text: () => result.message ?? this.builtInConfirmation(action, target), tone: 'success' };
    }
    if (result.status === 'declined') {
      return { text: () => result.message ?? msg('The site could not make this change.', { desc: 'A control was declined by the site' }), tone: 'failure' };
    }
    const text = () =>
      result.reason === 'timeout'
        ? msg('The site did not answer in time, so nothing was changed. Please try again.', { desc: 'A control timed out' })
        : result.reason === 'unhandled'
          ? msg('This option does not work on this site yet, so nothing was changed.', { desc: 'Nobody answered a control event' })
          : msg('Something went wrong, so nothing was changed. Please try again.', { desc: 'A control failed' });
    return { text, tone: 'failure' };
  }

  private builtInConfirmation(action: ExplanationAction, target: string | null): string {
    switch (action) {
      case 'not-interested':
        return target
          ? msg(str`You'll see fewer items about ${target}.`, { desc: 'Confirms "Not interested"; the placeholder is a topic' })
          : msg("You'll see fewer items like this.", { id: 'candor-why.fewer-confirmed', desc: 'Confirms "Show fewer like this" or "Not interested" without a topic' });
      case 'fewer-like-this':
        return msg("You'll see fewer items like this.", { id: 'candor-why.fewer-confirmed', desc: 'Confirms "Show fewer like this" or "Not interested" without a topic' });
      case 'hide-item':
        return this.isAd ? msg('This ad will be hidden.', { desc: 'Confirms "Hide this ad"' }) : msg('This item will be hidden.', { desc: 'Confirms "Hide this item"' });
      default: {
        const reason = this.valid?.reasons.find((entry) => entry.signal === target);
        return reason
          ? msg(str`This will no longer be used to choose what you see: ${reason.label}`, { desc: 'Confirms "Don\'t use this"; the placeholder is the reason' })
          : msg('This signal will no longer be used to choose what you see.', { desc: 'Confirms "Don\'t use this" without a reason text' });
      }
    }
  }

  private rate(helpful: boolean): void {
    if (this.rating === helpful) return;
    this.rating = helpful;
    this.status = { text: () => msg('Thank you for your answer.', { desc: 'Confirms the visitor rated the explanation' }), tone: 'success' };
    this.dispatchEvent(new CandorExplanationRatingEvent({ itemId: this.itemId, helpful, at: new Date().toISOString() }));
  }
}

function controlKey(action: ExplanationAction, target: string | null): string {
  return `${action}\u0000${target ?? ''}`;
}

function reasonKindName(kind: ReasonKind): string {
  switch (kind) {
    case 'your-activity':
      return msg('Your activity', { desc: 'Kind of reason: based on what the visitor did' });
    case 'stated-interest':
      return msg('Interests you told us', { desc: 'Kind of reason: interests the visitor chose' });
    case 'inferred-interest':
      return msg('Interests we inferred', { desc: 'Kind of reason: interests guessed from behaviour' });
    case 'similar-visitors':
      return msg('Visitors like you', { desc: 'Kind of reason: what similar visitors liked' });
    case 'popularity':
      return msg('Popular now', { desc: 'Kind of reason: popularity' });
    case 'recency':
      return msg('New', { id: 'candor-why.kind-recency', desc: 'Kind of reason: recently published' });
    case 'context':
      return msg('This page', { desc: 'Kind of reason: the page or search being viewed' });
    case 'location':
      return msg('Your location', { desc: 'Kind of reason: approximate location' });
    case 'sponsored':
      return msg('Paid placement', { desc: 'Kind of reason: someone paid for it to be shown' });
    case 'editorial':
      return msg("Editors' choice", { desc: 'Kind of reason: chosen by the editors' });
    default:
      return msg('Other', { id: 'candor-why.kind-other', desc: 'Kind of reason: none of the others' });
  }
}
