import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '../internal/i18n.js';
import type { ConsentStore, Policy, PolicyConfig, PromptState } from '../core/index.js';
import { requestPreferences } from '../events/preferences-request.js';
import { CandorElement } from '../internal/candor-element.js';
import { consentWords } from '../locales/chunks.js';
import { renderConsentChoices } from '../internal/consent-choices.js';
import { controlStyles } from '../internal/controls.styles.js';
import { deepActiveElement } from '../internal/deep-active-element.js';
import { DialogController, dialogStyles, type DialogCloseReason } from '../internal/dialog.js';
import { containsDeep } from '../internal/focus-return.js';
import { StoreController } from '../internal/store-controller.js';
import {
  decisionSentence,
  formatDate,
  gpcSentence,
  listOf,
  notStoredSentence,
  optionalPurposes,
  purposeLabel,
  renderPolicyLink,
  requiredPurposes,
  summarizeDecisions,
} from '../preferences/consent-text.js';
import { installPrivacyChoicesLinks } from '../preferences/privacy-links.js';
import { resolveBannerPolicy, type BannerPolicy } from './banner-config.js';
import { bannerStyles } from './banner.styles.js';
import { ObscureGuard, type Edge } from './obscure-guard.js';

/**
 * Where the banner is in its life on this page: `watching` (nothing to ask), `prompting`,
 * `confirming` (a choice was just made), `closed` (the visitor hid the confirmation) or
 * `dismissed` (the modal variant was closed with Escape: nothing was granted).
 */
type Phase = 'watching' | 'prompting' | 'confirming' | 'closed' | 'dismissed';

const STORAGE_CHOICES = ['local', 'cookie', 'memory'] as const;
type StorageChoice = (typeof STORAGE_CHOICES)[number];

/**
 * The first layer of consent: a plain-language summary of what the site would like to do
 * with the visitor's data, and three equal choices — Accept all, Reject all, Let me choose.
 *
 * It appears only when the consent store needs an answer (first visit, a changed policy,
 * an expired or unreadable record) and says why. Nothing is pre-selected or pre-focused,
 * and leaving it unanswered grants nothing.
 *
 * **Default pattern** (like the GOV.UK cookie banner): a labelled, non-modal
 * `role="region"` with real buttons and no focus trap, fixed to the bottom of the
 * viewport. After a choice, a confirmation in a live region receives focus, with
 * "Change your choices" and "Hide"; it also hides once focus moves on to the page.
 * With `modal`, the same content sits in a native modal `<dialog>`.
 *
 * **No layout shift, focus never hidden (WCAG 2.4.11).** The element takes no space (its
 * host is `display: contents` and the region is `position: fixed`), so the page never
 * moves. While shown, it adds its own height to the document's
 * `scroll-padding-block-end` (a ResizeObserver keeps it current), so the browser scrolls
 * every newly focused element clear of it. Where scrolling cannot help (the last controls
 * of a page already scrolled to its end), the region moves to the top of the viewport
 * while such an element has focus. The region is at most half the viewport high (its text
 * scrolls, the choices stay in view), so one of the two edges always leaves the focused
 * element in view. The `privacy-button` gets the same treatment.
 *
 * With `modal`, Escape dismisses the banner without granting anything; it asks again on
 * the next page.
 *
 * **Configuration**: attributes (`purposes`, `policy-version`, …) with the built-in
 * purpose presets, the `policy` property (a full `PolicyConfig`), or `policy-source`
 * naming a `<script type="application/json">`. A bad configuration is reported with one
 * `console.error` naming the field; the banner then still offers "Reject all", recorded
 * against a fallback policy made of the purposes that are valid, so the visitor can refuse
 * (never grant) until the site fixes it.
 *
 * No slots: every word is built in and translated, or comes from the policy (as text).
 * Styling: the parts and CSS properties below, and the theme tokens (`--candor-color-*`,
 * type, spacing, elevation, motion) every Candor element shares, with their defaults
 * per theme (`themeStyles` in src/internal/theme.styles.ts).
 *
 * @tagname candor-banner
 * @summary Consent banner: Accept all, Reject all and Let me choose, with equal prominence.
 *
 * @fires {CandorConsentChangeEvent} candor-consent-change - After Accept all or Reject all, once the record is written. `detail`: `ConsentChangeDetail` (`decisions`, `changed`, `previous`, `source: 'banner'`, `receiptId`, `persisted`, `storeKey`, …).
 * @fires {CandorPreferencesRequestEvent} candor-preferences-request - "Let me choose", "Change your choices" or the privacy button asks `<candor-preferences>` to open. `detail`: `PreferencesRequestDetail` (`storeKey?`, `section?`); cancel it to open your own UI.
 *
 * @csspart base - The region (or `<dialog>` with `modal`).
 * @csspart panel - The content box inside it.
 * @csspart title - The heading.
 * @csspart summary - The plain-language summary and the list of purposes.
 * @csspart purposes - The list of optional purposes.
 * @csspart purpose - One optional purpose: its name, what it does, how long data is kept.
 * @csspart changes - What changed since the visitor last chose (policy change).
 * @csspart gpc-notice - The Global Privacy Control notice.
 * @csspart policy-link - The link to the full privacy policy.
 * @csspart actions - The row of choices.
 * @csspart accept-button - "Accept all".
 * @csspart reject-button - "Reject all".
 * @csspart choose-button - "Let me choose".
 * @csspart confirmation - The confirmation message (a live region that receives focus).
 * @csspart change-button - "Change your choices" in the confirmation.
 * @csspart hide-button - "Hide" in the confirmation.
 * @csspart privacy-button - The persistent "Privacy choices" button (`privacy-button` attribute).
 *
 * @cssproperty [--candor-banner-max-inline-size=60rem] - Width of the content inside the full-width region.
 * @cssproperty [--candor-banner-max-block-size=50dvh] - Tallest the region gets before its text scrolls. Keep it at most half the viewport: that is what guarantees a focused element is never hidden.
 */
export class CandorBanner extends CandorElement {
  static override localeGroups = [consentWords];
  static override styles = [...CandorElement.styles, controlStyles, dialogStyles, bannerStyles];

  /** Purposes by preset id, space-separated: `necessary functional personalization analytics advertising`. */
  @property() purposes?: string;
  /** The policy version; a new version asks the visitor again, showing what changed. */
  @property({ attribute: 'policy-version' }) policyVersion?: string;
  /** Link to the full privacy policy (http(s) or relative). */
  @property({ attribute: 'policy-url' }) policyUrl?: string;
  /** When the policy last changed, `YYYY-MM-DD`. */
  @property({ attribute: 'policy-updated' }) policyUpdated?: string;
  /** The site's own plain-language summary, replacing the built-in sentence. */
  @property({ attribute: 'policy-summary' }) policySummary?: string;
  /** The id of a `<script type="application/json">` holding a full `PolicyConfig`. */
  @property({ attribute: 'policy-source' }) policySource?: string;
  /** A full policy (wins over `policy-source` and the attributes). */
  @property({ attribute: false }) policy?: PolicyConfig | Policy;
  /** The consent store's storage key (default `candor-consent`). */
  @property({ attribute: 'store-key' }) storeKey?: string;
  /** How long a choice lasts, in days (1–395; default 182). */
  @property({ attribute: 'expires-after-days', type: Number }) expiresAfterDays?: number;
  /** Where the record is kept: `local` (default), `cookie` or `memory`. */
  @property() storage?: StorageChoice;
  /** Shows the banner as a modal dialog instead of a non-modal region. */
  @property({ type: Boolean, reflect: true }) modal = false;
  /**
   * Leaves a small "Privacy choices" button in the bottom inline-start corner whenever
   * the banner is not shown, so visitors can always change their choices.
   */
  @property({ type: Boolean, attribute: 'privacy-button' }) privacyButton = false;

  @state() private phase: Phase = 'watching';
  @state() private configuration: BannerPolicy = { kind: 'none' };
  @state() private edge: Edge = 'end';

  @query('.region, dialog') private baseElement?: HTMLElement | null;
  @query('.confirmation') private confirmationElement?: HTMLElement | null;
  @query('.region .scroll') private scrollElement?: HTMLElement | null;
  @query('.privacy-button') private privacyButtonElement?: HTMLElement | null;

  private readonly consent = new StoreController(this, () => this.storeKey);
  private readonly dialog = new DialogController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    initialFocus: () => this.renderRoot.querySelector<HTMLElement>('h2, .confirmation'),
    onClose: (reason) => this.onDialogClose(reason),
  });
  private readonly guard = new ObscureGuard(this, (edge) => (this.edge = edge));
  private readonly overflowObserver = new ResizeObserver(() => this.checkOverflow());
  private observedScroll: Element | null = null;
  /** The receipt the confirmation speaks about; a new one is announced and focused again. */
  private confirmedReceipt: string | null = null;
  private focusConfirmation = false;
  /** Where focus was before it entered the banner, to go back there when the banner hides. */
  private focusBefore: HTMLElement | null = null;

  private get store(): ConsentStore {
    return this.consent.store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installPrivacyChoicesLinks();
    this.addEventListener('focusin', this.onFocusIn);
    this.addEventListener('focusout', this.onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusin', this.onFocusIn);
    this.removeEventListener('focusout', this.onFocusOut);
    this.guard.stop();
    this.overflowObserver.disconnect();
    this.observedScroll = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configKeys = [
      'purposes',
      'policyVersion',
      'policyUrl',
      'policyUpdated',
      'policySummary',
      'policySource',
      'policy',
      'storeKey',
      'expiresAfterDays',
      'storage',
    ] as const;
    if (configKeys.some((key) => changed.has(key))) this.configureStore();
    this.updatePhase();
  }

  protected override updated(): void {
    const shownInline = !this.modal && (this.phase === 'prompting' || this.phase === 'confirming');
    this.guard.watch(shownInline ? (this.baseElement ?? null) : (this.privacyButtonElement ?? null));
    if (this.modal) {
      const wanted = this.phase === 'prompting' || this.phase === 'confirming';
      if (wanted && !this.dialog.isOpen) void this.dialog.show();
      else if (!wanted && this.dialog.isOpen) this.dialog.close();
    }
    const scroll = this.scrollElement ?? null;
    if (scroll !== this.observedScroll) {
      // A new scroll box is checked by the observer's first report, after layout: reading its
      // size here would force a layout of the page in the middle of the first render.
      this.overflowObserver.disconnect();
      if (scroll) this.overflowObserver.observe(scroll);
      this.observedScroll = scroll;
    } else {
      this.checkOverflow();
    }
    if (this.focusConfirmation && this.confirmationElement) {
      this.focusConfirmation = false;
      this.confirmationElement.focus();
    }
  }

  /** Text that overflows (small viewport, large text) becomes a tab stop, so a keyboard can scroll it. */
  private checkOverflow(): void {
    const scroll = this.scrollElement;
    if (!scroll) return;
    if (scroll.scrollHeight > scroll.clientHeight + 1) scroll.setAttribute('tabindex', '0');
    else scroll.removeAttribute('tabindex');
  }

  /** Reads the configuration and hands it to the store; reports a bad one. */
  private configureStore(): void {
    const store = this.store;
    const resolved = resolveBannerPolicy(this, this.getRootNode());
    this.configuration = resolved;
    const options: Parameters<ConsentStore['configure']>[0] = {};
    if (resolved.kind === 'valid') options.policy = resolved.policy;
    if (resolved.kind === 'invalid') {
      console.error(`Candor <candor-banner>: ${resolved.message}. The banner offers only "Reject all" until this is fixed.`);
      // A policy set up elsewhere on the page (by the host) stays; otherwise refusals are recorded against the fallback.
      if (!store.policy) options.policy = resolved.fallback;
    }
    if (this.storage !== undefined) {
      if ((STORAGE_CHOICES as readonly string[]).includes(this.storage)) options.storage = this.storage;
      else console.error(`Candor <candor-banner>: storage "${this.storage}" must be one of ${STORAGE_CHOICES.join(', ')}; using the default.`);
    }
    if (this.expiresAfterDays !== undefined) options.expiresAfterDays = this.expiresAfterDays;
    try {
      store.configure(options);
    } catch (error) {
      console.error(`Candor <candor-banner>: ${error instanceof Error ? error.message : String(error)} (expires-after-days or storage).`);
      if (options.policy) store.configure({ policy: options.policy });
    }
  }

  private get broken(): boolean {
    return this.configuration.kind === 'invalid';
  }

  /** Whether the banner has something to ask: the store needs a prompt, or a broken configuration still lets the visitor refuse. */
  private get needsAnswer(): boolean {
    const store = this.store;
    if (!store.policy) return false;
    return store.prompt.needed || (this.broken && store.record === null);
  }

  private updatePhase(): void {
    const store = this.store;
    if (this.needsAnswer) {
      if (this.phase !== 'dismissed') this.phase = 'prompting';
      return;
    }
    const receipt = store.record?.receiptId ?? null;
    if (this.phase === 'prompting' || (this.phase === 'confirming' && receipt !== this.confirmedReceipt)) {
      this.phase = 'confirming';
      this.confirmedReceipt = receipt;
      this.focusConfirmation = this.focusIsHereOrLost();
    }
  }

  /** Focus is in the banner, or nowhere (the button that had it was just replaced). */
  private focusIsHereOrLost(): boolean {
    const active = deepActiveElement();
    return !active || active === document.body || containsDeep(this, active);
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !containsDeep(this, from)) this.focusBefore = from;
  };

  /** The confirmation hides once the visitor moves on to the page (not to the privacy center they opened). */
  private readonly onFocusOut = (event: FocusEvent): void => {
    if (this.phase !== 'confirming' || this.modal) return;
    const to = event.relatedTarget;
    // Moving into the privacy center (opened from "Change your choices") is not moving on.
    if (!(to instanceof Element) || containsDeep(this, to) || to.localName === 'candor-preferences') return;
    this.phase = 'closed';
  };

  private accept(): void {
    this.store.acceptAll({ source: 'banner', origin: this });
  }

  private reject(): void {
    this.store.rejectAll({ source: 'banner', origin: this });
  }

  private choose(event: Event): void {
    requestPreferences(event.currentTarget as HTMLElement, this.storeKey ? { storeKey: this.storeKey } : {});
  }

  /**
   * Hides the confirmation. Focus goes to the "Privacy choices" button when there is one,
   * else back to where it was before it entered the banner.
   */
  private async hide(): Promise<void> {
    this.phase = 'closed';
    await this.updateComplete;
    const active = deepActiveElement();
    if (active && active !== document.body) return;
    const target = this.privacyButtonElement ?? (!this.modal && this.focusBefore?.isConnected ? this.focusBefore : null);
    target?.focus();
  }

  private onDialogClose(reason: DialogCloseReason): void {
    if (reason !== 'escape') return;
    // Escape on the modal banner: the visitor dismissed it. Nothing is granted; it asks again on the next page.
    if (this.phase === 'prompting') this.phase = 'dismissed';
    else if (this.phase === 'confirming') this.phase = 'closed';
  }

  protected override render(): TemplateResult | typeof nothing {
    const policy = this.store.policy;
    const shown = (this.phase === 'prompting' || this.phase === 'confirming') && policy;
    if (!shown) return this.renderPrivacyButton(policy);
    const content = this.phase === 'prompting' ? this.renderPrompt(policy) : this.renderConfirmation(policy);
    if (this.modal) {
      return html`<dialog part="base" aria-labelledby="title">
        <div class="panel" part="panel">${content}</div>
      </dialog>`;
    }
    return html`<div
      class="region ${this.edge === 'start' ? 'at-start' : ''}"
      part="base"
      role="region"
      aria-label=${msg('Privacy choices', { desc: 'Accessible name of the consent banner region and the persistent button.' })}
    >
      <div class="panel" part="panel">${content}</div>
    </div>`;
  }

  private renderPrivacyButton(policy: Policy | null): TemplateResult | typeof nothing {
    if (!this.privacyButton || !policy) return nothing;
    return html`<button
      type="button"
      class="button privacy-button ${this.edge === 'start' ? 'at-start' : ''}"
      part="privacy-button"
      @click=${this.choose}
    >
      ${msg('Privacy choices', { desc: 'Accessible name of the consent banner region and the persistent button.' })}
    </button>`;
  }

  private renderPrompt(policy: Policy): TemplateResult {
    if (this.broken) return this.renderBroken();
    const prompt = this.store.prompt;
    return html`
      <div class="scroll" role="group" aria-labelledby="title">
        <h2 id="title" part="title" tabindex="-1">${this.titleFor(prompt)}</h2>
        <div class="text" part="summary">
          ${this.renderReason(policy, prompt)}
          <p>
            ${policy.summary ??
            msg('We would like to use some of your data for the purposes below. Nothing optional is turned on unless you say yes, and you can change your mind at any time.', {
              desc: 'Consent banner: built-in summary when the site gives none.',
            })}
          </p>
          ${this.renderPurposes(policy)}
          ${this.store.gpc ? html`<p class="notice" part="gpc-notice">${gpcSentence(policy, this.store.decisions)}</p>` : nothing}
          ${renderPolicyLink(policy)}
        </div>
      </div>
      ${renderConsentChoices({
        accept: this.accept,
        reject: this.reject,
        other: html`<button type="button" class="button" part="choose-button" aria-haspopup="dialog" @click=${this.choose}>
          ${msg('Let me choose', { desc: 'Consent choice: open the privacy center to choose purpose by purpose.' })}
        </button>`,
      })}
    `;
  }

  private titleFor(prompt: PromptState): string {
    switch (prompt.reason) {
      case 'policy-changed':
        return msg('Our privacy policy has changed', { desc: 'Consent banner heading when the policy changed since the last choice.' });
      case 'expired':
        return msg('Please confirm your privacy choices', { desc: 'Consent banner heading when the last choice expired.' });
      default:
        return msg('Can this site use your data?', { desc: 'Consent banner heading on a first visit.' });
    }
  }

  private renderReason(policy: Policy, prompt: PromptState): TemplateResult | typeof nothing {
    if (prompt.reason === 'expired') {
      return html`<p>
        ${msg('Your earlier choices have expired, so everything optional is off until you choose again.', {
          desc: 'Consent banner: the last choice expired.',
        })}
      </p>`;
    }
    if (prompt.reason !== 'policy-changed' || !prompt.changes) return nothing;
    const { added, removed, reworded } = prompt.changes;
    const decided = this.store.record?.decidedAt;
    const labels = (ids: string[]) => listOf(ids.map((id) => purposeLabel(policy, id)));
    const earlier = summarizeDecisions(policy, this.store.decisions);
    return html`<div class="notice" part="changes">
      <p>
        ${decided
          ? msg(str`What changed since you last chose, on ${formatDate(decided)}:`, {
              desc: 'Consent banner: introduces the list of policy changes. The placeholder is a date.',
            })
          : msg('What changed since you last chose:', { desc: 'Consent banner: introduces the list of policy changes.' })}
      </p>
      <ul>
        ${added.length
          ? html`<li>${msg(str`New: ${labels(added)}.`, { desc: 'Policy change list: purposes added. The placeholder lists them.' })}</li>`
          : nothing}
        ${reworded.length
          ? html`<li>
              ${msg(str`Described differently: ${labels(reworded)}.`, {
                desc: 'Policy change list: purposes whose description changed. The placeholder lists them.',
              })}
            </li>`
          : nothing}
        ${removed.length
          ? html`<li>
              ${msg(str`No longer used: ${labels(removed)}.`, {
                desc: 'Policy change list: purposes removed. The placeholder lists their names (a site\'s own purposes by their ids).',
              })}
            </li>`
          : nothing}
        ${versionChange(this.store.record?.policyVersion, policy.version)}
      </ul>
      <p>
        ${earlier.on.length
          ? msg(str`Until you choose again, only what you allowed before stays on: ${listOf(earlier.on)}. Everything new is off.`, {
              desc: 'Consent banner after a policy change: earlier grants still apply. The placeholder lists them.',
            })
          : msg('Until you choose again, everything optional stays off.', {
              desc: 'Consent banner after a policy change when nothing optional was allowed before.',
            })}
      </p>
    </div>`;
  }

  private renderPurposes(policy: Policy): TemplateResult {
    const required = requiredPurposes(policy);
    return html`<ul class="purposes" part="purposes">
        ${optionalPurposes(policy).map(
          (purpose) => html`<li part="purpose">
            <strong>${purpose.label}:</strong> ${purpose.description}
            ${purpose.retention
              ? html`<span class="muted">${msg(str`Kept for: ${purpose.retention}.`, {
                  desc: 'Consent banner: how long a purpose keeps data. The placeholder is a duration.',
                })}</span>`
              : nothing}
          </li>`,
        )}
      </ul>
      ${required.length
        ? html`<p class="muted">
            ${msg(str`Always on, because the site cannot work without them: ${listOf(required.map((purpose) => purpose.label))}.`, {
              desc: 'Consent banner: the required purposes. The placeholder lists them.',
            })}
          </p>`
        : nothing}`;
  }


  private renderBroken(): TemplateResult {
    return html`
      <div class="scroll">
        <h2 id="title" part="title" tabindex="-1">${msg('Privacy choices', { desc: 'Accessible name of the consent banner region and the persistent button.' })}</h2>
        <div class="text" part="summary">
          <p>
            ${msg('This site’s privacy settings could not be loaded, so it cannot ask for your consent properly. Nothing optional is turned on. You can record that you refuse everything.', {
              desc: 'Consent banner when the site configured it wrongly: only refusing is offered.',
            })}
          </p>
        </div>
      </div>
      ${renderConsentChoices({ reject: this.reject })}
    `;
  }

  private renderConfirmation(policy: Policy): TemplateResult {
    const summary = summarizeDecisions(policy, this.store.decisions);
    const persisted = this.store.persistence.ok;
    // Empty when nothing was stored and there was nothing optional to decide.
    const decision = decisionSentence(summary, persisted);
    return html`
      <div class="scroll">
        <div class="confirmation text" part="confirmation" role="alert" tabindex="-1">
          <h2 id="title" part="title">
            ${persisted
              ? msg('Your privacy choices are saved', { desc: 'Consent banner confirmation heading.' })
              : msg('Privacy choices', { desc: 'Accessible name of the consent banner region and the persistent button.' })}
          </h2>
          ${decision ? html`<p>${decision}</p>` : nothing}
          ${persisted ? nothing : html`<p>${notStoredSentence()}</p>`}
          <p>${msg('You can change your choices at any time.', { desc: 'Consent banner confirmation: choices are reversible.' })}</p>
        </div>
      </div>
      <div class="actions" part="actions">
        <button type="button" class="button" part="change-button" aria-haspopup="dialog" @click=${this.choose}>
          ${msg('Change your choices', { desc: 'Button in the consent confirmation: open the privacy center.' })}
        </button>
        <button type="button" class="button" part="hide-button" @click=${this.hide}>
          ${msg('Hide this message', { desc: 'Button in the consent confirmation: hide the banner.' })}
        </button>
      </div>
    `;
  }
}

/** "Policy version A → B", when both are known and differ. */
function versionChange(before: string | undefined, now: string): TemplateResult | typeof nothing {
  if (!before || before === now) return nothing;
  return html`<li class="muted">
    ${msg(str`Policy version ${before} is now ${now}.`, {
      desc: 'Policy change list: the old and new policy version identifiers.',
    })}
  </li>`;
}
