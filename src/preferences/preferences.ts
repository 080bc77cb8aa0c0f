import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../internal/i18n.js';
import { DEFAULT_STORAGE_KEY, type ConsentStore, type HistoryEntry, type Policy, type Purpose } from '../core/index.js';
import { CandorDataRequestEvent, type DataRequestAnswer, type DataRequestKind } from '../events/data-request.js';
import { CandorPreferencesRequestEvent } from '../events/preferences-request.js';
import { CandorElement } from '../internal/candor-element.js';
import { consentWords, preferencesWords } from '../locales/chunks.js';
import { renderConsentChoices } from '../internal/consent-choices.js';
import { controlStyles } from '../internal/controls.styles.js';
import { DialogController, dialogStyles, openLayer } from '../internal/dialog.js';
import { downloadJson } from '../internal/download.js';
import { awaitResponse } from '../internal/respond.js';
import { safeUrl } from '../internal/safe-url.js';
import { StoreController } from '../internal/store-controller.js';
import { renderSwitch, switchStyles } from '../internal/switch.js';
import {
  decisionSentence,
  formatDateTime,
  gpcSentence,
  legalBasisLabel,
  listOf,
  notStoredSentence,
  optionalPurposes,
  personalizationPurposes,
  purposeLabel,
  renderPolicyLink,
  sourceLabel,
  summarizeDecisions,
} from './consent-text.js';
import { InterestsSection, interestsSectionStyles, type Interest } from './interests-section.js';
import { preferencesStyles } from './preferences.styles.js';
import { installPrivacyChoicesLinks } from './privacy-links.js';

/** What the visitor sees of a data request they sent. */
export type DataRequestState =
  | { kind: DataRequestKind; status: 'pending' }
  | { kind: DataRequestKind; status: 'done'; message: string | null; url: string | null }
  | { kind: DataRequestKind; status: 'declined'; message: string | null }
  | { kind: DataRequestKind; status: 'failed'; reason: 'error' | 'timeout' }
  | { kind: DataRequestKind; status: 'unhandled' };

export interface ShowPreferencesOptions {
  /** `history`, `data` or a purpose id: opened and focused. */
  section?: string | undefined;
  /** The control that asked; focus returns to it when the panel closes. */
  opener?: HTMLElement | null | undefined;
}

/** How long the panel waits for the host to answer a data request. */
const DATA_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The privacy center: a modal dialog where visitors choose purpose by purpose, turn
 * personalization off in one click, read their consent history, download their consent
 * record, and ask for a copy or the deletion of their data.
 *
 * It reads the policy and the decisions from the page's consent store (configured by
 * `<candor-banner>` or the host) and keeps no consent state of its own: switches show the
 * store's decisions (all off on a first visit, the earlier choices after a policy change)
 * plus the visitor's unsaved edits.
 *
 * **Opening it**: `show()` from host code; a `candor-preferences-request` event from
 * anywhere (it listens on `document`; the banner's "Let me choose" sends one); any element
 * with the `data-candor-preferences` attribute (e.g. the site's own "Privacy choices"
 * footer link); or the `open` attribute. Focus moves to the heading (never to a choice),
 * the page behind is inert, Escape closes only the top layer (an open confirmation first),
 * and focus returns to the control that opened it.
 *
 * No slots: every word is built in and translated, or comes from the policy (as text).
 * Styling: the parts and CSS properties below, and the theme tokens (`--candor-color-*`,
 * type, spacing, elevation, motion) every Candor element shares, with their defaults
 * per theme (`themeStyles` in src/internal/theme.styles.ts).
 *
 * @tagname candor-preferences
 * @summary Privacy center: per-purpose switches, one-click opt-out, history, record export, data requests.
 *
 * @fires {CandorConsentChangeEvent} candor-consent-change - After Save choices, Accept all, Reject all or "Turn off personalization", once the record is written. `detail`: `ConsentChangeDetail` (`decisions`, `changed`, `previous`, `source: 'preferences'`, `receiptId`, `persisted`, `storeKey`, …).
 * @fires {CandorDataRequestEvent} candor-data-request - "Get a copy of my data" / "Delete my data". `detail`: `DataRequestDetail` (`kind: 'access' | 'delete'`, `receiptId`, `storeKey`, `requestedAt`). Answer with `event.respondWith(promise)` of a `DataRequestAnswer` (`{ ok?, message?, url? }`); unanswered, the panel says the site has not connected data requests.
 * @fires {CandorInterestsRequestEvent} candor-interests-request - "What we think you like" needs the visitor's interests (unless `interests` is set). `detail`: `InterestsRequestDetail` (`locale`). Answer with `event.respondWith(promise)` of `Interest[]`.
 * @fires {CandorProfileEditEvent} candor-profile-edit - The visitor removed an interest or marked it wrong. `detail`: `ProfileEditDetail` (`interestId`, `action: 'remove' | 'mark-wrong'`, `at`). Confirm with `event.respondWith(promise)`.
 *
 * @csspart base - The `<dialog>`.
 * @csspart panel - The content box inside it.
 * @csspart header - Title and close button.
 * @csspart title - The heading.
 * @csspart close-button - "Close".
 * @csspart policy-link - The link to the full privacy policy.
 * @csspart gpc-notice - The Global Privacy Control notice.
 * @csspart changes - The notice that the policy changed since the visitor last chose.
 * @csspart section-title - The headings "What your data is used for" and "Your data".
 * @csspart personalization - The "Turn off personalization" box.
 * @csspart personalization-button - "Turn off personalization" / "Turn personalization back on".
 * @csspart purposes - The list of purposes.
 * @csspart purpose - One purpose.
 * @csspart purpose-label - A purpose's name (its heading).
 * @csspart purpose-description - What a purpose does.
 * @csspart switch - A purpose's on/off switch (`aria-checked` says whether it is on).
 * @csspart always-on - "Always on" of a required purpose.
 * @csspart details - A purpose's disclosure (data, retention, recipients, legal basis).
 * @csspart actions - Accept all, Reject all, Save choices.
 * @csspart accept-button - "Accept all".
 * @csspart reject-button - "Reject all".
 * @csspart save-button - "Save choices".
 * @csspart history - The consent history disclosure.
 * @csspart history-entry - One earlier decision.
 * @csspart download-button - "Download my consent record".
 * @csspart data - The "Your data" section.
 * @csspart access-button - "Get a copy of my data".
 * @csspart delete-button - "Delete my data".
 * @csspart data-status - The live region that reports a data request.
 * @csspart delete-confirmation - The box that asks before a deletion request is sent.
 * @csspart confirm-delete-button - "Yes, ask to delete my data" in that box.
 * @csspart cancel-delete-button - "Cancel" in that confirmation.
 * @csspart retry-button - "Try again" after a failed data request.
 * @csspart interests - The "What we think you like" section.
 * @csspart interests-list - Its list of interests.
 * @csspart interest - One interest: its name, where it came from, its strength and its buttons.
 * @csspart interest-weight - An interest's strength (bar and number).
 * @csspart interest-bar - The bar that draws an interest's strength.
 * @csspart interest-remove - "Remove" on one interest.
 * @csspart interest-wrong - "This is wrong" on one interest.
 * @csspart interests-status - The live region that reports loading, edits and failures.
 * @csspart interests-retry - "Try again" after the interests failed to load.
 *
 * @cssproperty [--candor-preferences-inline-size=44rem] - Width of the dialog (it never exceeds the viewport).
 */
export class CandorPreferences extends CandorElement {
  static override localeGroups = [consentWords, preferencesWords];
  static override styles = [
    ...CandorElement.styles,
    controlStyles,
    switchStyles,
    dialogStyles,
    preferencesStyles,
    ...interestsSectionStyles,
  ];

  /** The consent store's storage key (default `candor-consent`). */
  @property({ attribute: 'store-key' }) storeKey?: string;
  /** Whether the panel is open. Setting it opens or closes the panel. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Unsaved switch positions, by purpose id. */
  @state() private edits: ReadonlyMap<string, boolean> = new Map();
  @state() private section: string | null = null;
  @state() private dataRequest: DataRequestState | null = null;
  @state() private confirmingDelete = false;
  /** Spoken inside the open panel (turning personalization off, saving). */
  @state() private panelStatus = '';
  /** Spoken after the panel closed, when no banner confirms the choice instead. */
  @state() private closedStatus = '';

  private readonly consent = new StoreController(this, () => this.storeKey);
  private readonly interestsSection = new InterestsSection(this);

  /**
   * What the site believes the visitor likes ("What we think you like"). Leave unset to have
   * the panel ask with `candor-interests-request` when it opens; `null` asks again.
   */
  get interests(): Interest[] | null {
    return this.interestsSection.interests;
  }
  set interests(value: readonly Interest[] | null | undefined) {
    this.interestsSection.interests = value;
  }
  private readonly dialog = new DialogController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    initialFocus: () =>
      (this.section && this.renderRoot.querySelector<HTMLElement>(`[data-section="${CSS.escape(this.section)}"]`)) ||
      this.renderRoot.querySelector<HTMLElement>('#title'),
    onClose: () => this.onDialogClose(),
  });
  private opener: HTMLElement | null = null;
  private closeDeleteLayer: (() => void) | null = null;

  private get store(): ConsentStore {
    return this.consent.store;
  }

  private get key(): string {
    return this.storeKey || DEFAULT_STORAGE_KEY;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    installPrivacyChoicesLinks();
    document.addEventListener(CandorPreferencesRequestEvent.type, this.onRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(CandorPreferencesRequestEvent.type, this.onRequest);
  }

  /**
   * Opens the panel. `section` (`history`, `data` or a purpose id) is expanded and
   * focused; `opener` gets focus back on close (default: whatever had focus).
   */
  async show(options: ShowPreferencesOptions = {}): Promise<void> {
    this.section = options.section ?? null;
    this.opener = options.opener ?? null;
    if (this.dialog.isOpen) {
      await this.updateComplete;
      this.dialog.focusInitial();
      return;
    }
    this.edits = new Map();
    this.panelStatus = '';
    this.closedStatus = '';
    this.open = true;
    await this.dialog.show(this.opener);
  }

  /** Closes the panel, discarding unsaved switch changes; focus returns to the opener. */
  close(): void {
    this.open = false;
    this.dialog.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.isOpen) void this.show({ section: this.section ?? undefined, opener: this.opener });
    else if (!this.open && this.dialog.isOpen) this.dialog.close();
  }

  private readonly onRequest = (event: CandorPreferencesRequestEvent): void => {
    if (event.defaultPrevented || (event.detail.storeKey || DEFAULT_STORAGE_KEY) !== this.key) return;
    event.preventDefault();
    const origin = event.composedPath()[0];
    void this.show({ section: event.detail.section, opener: origin instanceof HTMLElement ? origin : null });
  };

  private onDialogClose(): void {
    this.open = false;
    this.edits = new Map();
    this.section = null;
    this.endDeleteConfirmation();
    this.opener = null;
  }

  /** The switch position shown: an unsaved edit, else the store's decision. */
  private shown(purpose: Purpose): boolean {
    if (purpose.required) return true;
    return this.edits.get(purpose.id) ?? this.store.decisions[purpose.id] === true;
  }

  private toggle(purpose: Purpose, checked: boolean): void {
    const edits = new Map(this.edits);
    if (checked === (this.store.decisions[purpose.id] === true)) edits.delete(purpose.id);
    else edits.set(purpose.id, checked);
    this.edits = edits;
  }

  private save(): void {
    const policy = this.store.policy;
    if (!policy) return;
    const decisions = Object.fromEntries(optionalPurposes(policy).map((purpose) => [purpose.id, this.shown(purpose)]));
    this.store.set(decisions, { source: 'preferences', origin: this });
    this.finishChoice();
  }

  private acceptAll(): void {
    this.store.acceptAll({ source: 'preferences', origin: this });
    this.finishChoice();
  }

  private rejectAll(): void {
    this.store.rejectAll({ source: 'preferences', origin: this });
    this.finishChoice();
  }

  /** After a choice: the panel closes at once (so focus is back before anything re-renders) and the choice is announced. */
  private finishChoice(): void {
    const policy = this.store.policy;
    const persisted = this.store.persistence.ok;
    const sentence = policy
      ? this.inLocale(() => [decisionSentence(summarizeDecisions(policy, this.store.decisions), persisted), persisted ? '' : notStoredSentence()].join(' ').trim())
      : '';
    const banner = this.opener?.getRootNode();
    const bannerConfirms = banner instanceof ShadowRoot && banner.host.localName === 'candor-banner';
    this.close();
    this.closedStatus = bannerConfirms ? '' : sentence;
  }

  /** "Turn off personalization" and back: one click each way, applied at once. */
  private togglePersonalization(group: Purpose[], restore: Record<string, boolean> | null): void {
    const turnOn = restore !== null;
    const decisions = turnOn ? restore : Object.fromEntries(group.map((purpose) => [purpose.id, false]));
    this.store.set(decisions, { source: 'preferences', origin: this });
    const edits = new Map(this.edits);
    for (const purpose of group) edits.delete(purpose.id);
    this.edits = edits;
    const persisted = this.store.persistence.ok;
    this.panelStatus = this.inLocale(() =>
      [
        turnOn
          ? msg('Personalization is back on, as you had it before.', { desc: 'Announced after turning personalization back on.' })
          : msg('Personalization is off. What you see is no longer based on your data.', {
              desc: 'Announced after turning personalization off.',
            }),
        persisted ? '' : notStoredSentence(),
      ].join(' ').trim(),
    );
  }

  /** The decisions to restore for "Turn personalization back on": the latest earlier choice that had any of them on. */
  private restorable(group: Purpose[]): Record<string, boolean> | null {
    const earlier = this.store.history.slice(1);
    const entry = earlier.find((candidate) => group.some((purpose) => candidate.decisions[purpose.id] === true));
    if (!entry) return null;
    return Object.fromEntries(group.map((purpose) => [purpose.id, entry.decisions[purpose.id] === true]));
  }

  private download(): void {
    const record = this.store.record;
    if (!record) return;
    // The export names the purposes in the visitor's language, as the panel does.
    downloadJson(`consent-record-${record.receiptId}.json`, this.inLocale(() => this.store.exportRecord()));
    this.panelStatus = this.inLocale(() => msg('Your consent record was downloaded.', { desc: 'Announced after downloading the consent record.' }));
  }

  private async requestData(kind: DataRequestKind): Promise<void> {
    if (this.dataRequest?.status === 'pending') return;
    this.dataRequest = { kind, status: 'pending' };
    const event = new CandorDataRequestEvent({
      kind,
      receiptId: this.store.record?.receiptId ?? null,
      storeKey: this.key,
      requestedAt: new Date().toISOString(),
    });
    this.dispatchEvent(event);
    const outcome = await awaitResponse<DataRequestAnswer>(event, { timeout: DATA_REQUEST_TIMEOUT_MS });
    if (outcome.status === 'unhandled') this.dataRequest = { kind, status: 'unhandled' };
    else if (outcome.status === 'error' || outcome.status === 'timeout') {
      this.dataRequest = { kind, status: 'failed', reason: outcome.status };
    } else {
      const answer = outcome.value;
      const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : null);
      const message = answer && typeof answer === 'object' ? text(answer.message) : null;
      if (answer && typeof answer === 'object' && answer.ok === false) {
        this.dataRequest = { kind, status: 'declined', message };
      } else {
        const url = answer && typeof answer === 'object' && typeof answer.url === 'string' ? safeUrl(answer.url) : null;
        this.dataRequest = { kind, status: 'done', message, url };
      }
    }
  }

  private retry(): void {
    if (this.dataRequest) void this.requestData(this.dataRequest.kind);
  }

  private async askToDelete(): Promise<void> {
    if (this.confirmingDelete || this.dataRequest?.status === 'pending') return;
    this.confirmingDelete = true;
    this.closeDeleteLayer = openLayer({ dismiss: () => void this.cancelDelete() });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#delete-question')?.focus();
  }

  private async cancelDelete(): Promise<void> {
    this.endDeleteConfirmation();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="delete-button"]')?.focus();
  }

  private async confirmDelete(): Promise<void> {
    this.endDeleteConfirmation();
    void this.requestData('delete');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="delete-button"]')?.focus();
  }

  private endDeleteConfirmation(): void {
    this.confirmingDelete = false;
    this.closeDeleteLayer?.();
    this.closeDeleteLayer = null;
  }

  protected override render(): TemplateResult {
    const policy = this.store.policy;
    return html`<dialog part="base" aria-labelledby="title">
        ${this.open ? this.renderPanel(policy) : nothing}
      </dialog>
      <div class="visually-hidden" role="status">${this.closedStatus}</div>`;
  }

  private renderPanel(policy: Policy | null): TemplateResult {
    return html`<div class="panel" part="panel">
      <div class="header" part="header">
        <h2 id="title" part="title" tabindex="-1">${msg('Privacy choices', { desc: 'Accessible name of the consent banner region and the persistent button.' })}</h2>
        <button type="button" class="button quiet" part="close-button" @click=${this.close}>
          ${msg('Close', { desc: 'Closes the privacy center without saving unsaved changes.' })}
        </button>
      </div>
      ${policy
        ? this.renderContent(policy)
        : html`<p>${msg('This site has not set up its privacy choices yet.', { desc: 'Privacy center when no policy is configured.' })}</p>`}
      <div class="visually-hidden" role="status">${this.panelStatus}</div>
    </div>`;
  }

  private renderContent(policy: Policy): TemplateResult {
    const store = this.store;
    return html`
      <div class="text">
        <p>
          ${policy.summary ??
          msg('Choose what this site may use your data for. Nothing optional is on unless you turn it on, and you can change your mind at any time.', {
            desc: 'Privacy center: built-in introduction when the site gives no summary.',
          })}
        </p>
        ${renderPolicyLink(policy)}
        ${store.gpc ? html`<p class="notice" part="gpc-notice">${gpcSentence(policy, store.decisions)}</p>` : nothing}
        ${store.prompt.reason === 'policy-changed' && store.prompt.changes
          ? html`<p class="notice" part="changes">
              ${msg('Our privacy policy has changed since you last chose. Your earlier choices are shown below; nothing new is on until you turn it on.', {
                desc: 'Privacy center notice after a policy change.',
              })}
            </p>`
          : nothing}
      </div>
      ${this.renderPersonalization(policy)} ${this.interestsSection.render()}
      <h3 class="section-title" part="section-title">${msg('What your data is used for', { desc: 'Privacy center: heading of the list of purposes.' })}</h3>
      <ul class="purposes" part="purposes">
        ${policy.purposes.map((purpose) => this.renderPurpose(purpose))}
      </ul>
      ${this.edits.size
        ? html`<p class="muted">${msg('You have changes that are not saved yet.', { desc: 'Privacy center: unsaved switch changes.' })}</p>`
        : nothing}
      ${renderConsentChoices({
        accept: this.acceptAll,
        reject: this.rejectAll,
        other: html`<button type="button" class="button" part="save-button" @click=${this.save}>
          ${msg('Save choices', { desc: 'Privacy center: save the switch positions.' })}
        </button>`,
      })}
      ${this.renderHistory(policy)} ${this.renderData(policy)}
    `;
  }

  private renderPersonalization(policy: Policy): TemplateResult | typeof nothing {
    const group = personalizationPurposes(policy);
    if (group.length === 0) return nothing;
    const decisions = this.store.decisions;
    const on = group.filter((purpose) => decisions[purpose.id] === true);
    const restore = on.length ? null : this.restorable(group);
    const labels = listOf(group.map((purpose) => purpose.label));
    return html`<div class="personalization" part="personalization">
      <p>
        ${on.length
          ? msg(str`Personalization is on: ${listOf(on.map((purpose) => purpose.label))}. Turning it off costs you nothing: the site works the same, just less tailored to you.`, {
              desc: 'Privacy center: personalization is on. The placeholder lists the purposes that are on.',
            })
          : msg(str`Personalization is off. Not used: ${labels}.`, {
              desc: 'Privacy center: personalization is off. The placeholder lists the purposes.',
            })}
      </p>
      ${on.length || restore
        ? html`<button
            type="button"
            class="button"
            part="personalization-button"
            @click=${() => this.togglePersonalization(group, restore)}
          >
            ${on.length
              ? msg('Turn off personalization', { desc: 'One-click control that refuses personalization, advertising and any sale or share.' })
              : msg('Turn personalization back on', { desc: 'Restores the personalization choices the visitor had before turning it off.' })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderPurpose(purpose: Purpose): TemplateResult {
    const labelId = `purpose-${purpose.id}-label`;
    const descriptionId = `purpose-${purpose.id}-description`;
    const checked = this.shown(purpose);
    const gpcDenied = this.store.gpc && purpose.saleOrShare && !checked;
    return html`<li class="purpose" part="purpose">
      <div class="purpose-head">
        <h4 id=${labelId} class="purpose-label" part="purpose-label" data-section=${purpose.id} tabindex="-1">${purpose.label}</h4>
        ${purpose.required
          ? html`<span class="always-on" part="always-on">${msg('Always on', { desc: 'A required purpose has no switch: it is always on.' })}</span>`
          : renderSwitch(
              { labelledBy: labelId, describedBy: descriptionId, checked, onToggle: (next) => this.toggle(purpose, next) },
              checked ? msg('On', { desc: 'Visible state of a purpose switch.' }) : msg('Off', { desc: 'Visible state of a purpose switch.' }),
            )}
      </div>
      <p id=${descriptionId} class="text" part="purpose-description">${purpose.description}</p>
      ${gpcDenied
        ? html`<p class="muted">
            ${msg('Off because your browser sends a Global Privacy Control signal. Turn it on here only if you want to.', {
              desc: 'Privacy center: a sale/share purpose is off because of the browser privacy signal.',
            })}
          </p>`
        : nothing}
      <details part="details" ?open=${this.section === purpose.id}>
        <summary>${msg(str`Details about ${purpose.label}`, { desc: 'Disclosure of a purpose: data, retention, recipients. The placeholder is the purpose name.' })}</summary>
        <dl class="facts text">
          ${fact(msg('Data used', { desc: 'Purpose detail: data categories.' }), purpose.dataCategories.length ? listOf(purpose.dataCategories) : null)}
          ${fact(msg('Kept for', { desc: 'Purpose detail: retention.' }), purpose.retention || null)}
          ${fact(msg('Who receives it', { desc: 'Purpose detail: recipients.' }), purpose.recipients.length ? listOf(purpose.recipients) : null)}
          ${fact(msg('Legal basis', { desc: 'Purpose detail: GDPR legal basis.' }), legalBasisLabel(purpose.legalBasis))}
          ${purpose.saleOrShare
            ? fact(
                msg('Sale or sharing', { desc: 'Purpose detail: whether it is a sale or share of personal information.' }),
                msg('Yes: this counts as selling or sharing your personal information under US state privacy laws such as the CCPA.', {
                  desc: 'Purpose detail: the purpose is a sale or share (CCPA/CPRA).',
                }),
              )
            : nothing}
        </dl>
      </details>
    </li>`;
  }

  private renderHistory(policy: Policy): TemplateResult {
    const history = this.store.history;
    return html`<details class="history" part="history" ?open=${this.section === 'history'}>
        <summary data-section="history">
          ${msg(str`Your consent history (${history.length})`, { desc: 'Disclosure with the list of earlier decisions. The placeholder is their number.' })}
        </summary>
        ${history.length
          ? html`<ol class="history-list">
              ${history.map((entry, index) => this.renderHistoryEntry(policy, entry, history[index + 1] ?? null))}
            </ol>`
          : html`<p>${msg('You have not made a choice on this site yet.', { desc: 'Consent history when there is none.' })}</p>`}
      </details>
      ${this.store.record
        ? html`<p>
            <button type="button" class="button quiet" part="download-button" @click=${this.download}>
              ${msg('Download my consent record', { desc: 'Saves the visitor consent record as a JSON file.' })}
            </button>
          </p>`
        : nothing}`;
  }

  private renderHistoryEntry(policy: Policy, entry: HistoryEntry, older: HistoryEntry | null): TemplateResult {
    const optional = (ids: string[]) => ids.filter((id) => !policy.purposes.find((purpose) => purpose.id === id)?.required);
    const labels = (ids: string[]) => listOf(ids.map((id) => purposeLabel(policy, id)));
    let what: string;
    if (!older) {
      const on = optional(Object.keys(entry.decisions).filter((id) => entry.decisions[id] === true));
      const off = optional(Object.keys(entry.decisions).filter((id) => entry.decisions[id] !== true));
      what = msg(str`First choice. On: ${on.length ? labels(on) : '—'}. Off: ${off.length ? labels(off) : '—'}.`, {
        desc: 'Consent history: the first decision. Placeholders list purposes (or a dash).',
      });
    } else {
      const ids = optional([...new Set([...Object.keys(entry.decisions), ...Object.keys(older.decisions)])]);
      const turnedOn = ids.filter((id) => entry.decisions[id] === true && older.decisions[id] !== true);
      const turnedOff = ids.filter((id) => entry.decisions[id] !== true && older.decisions[id] === true);
      const parts = [];
      if (turnedOn.length) parts.push(msg(str`Turned on: ${labels(turnedOn)}.`, { desc: 'Consent history: purposes turned on. The placeholder lists them.' }));
      if (turnedOff.length) parts.push(msg(str`Turned off: ${labels(turnedOff)}.`, { desc: 'Consent history: purposes turned off. The placeholder lists them.' }));
      what = parts.length ? parts.join(' ') : msg('No change: you confirmed your choices.', { desc: 'Consent history: a decision that changed nothing.' });
    }
    return html`<li part="history-entry">
      <p>
        <time datetime=${entry.decidedAt}>${formatDateTime(entry.decidedAt)}</time>.
        ${sourceLabel(entry.source)}.
      </p>
      <p class="text">${what}</p>
      <p class="muted">${msg(str`Policy version ${entry.policyVersion}`, { desc: 'Consent history: the policy version of a decision.' })}</p>
    </li>`;
  }

  private renderData(policy: Policy): TemplateResult {
    const busy = this.dataRequest?.status === 'pending';
    return html`<section class="data" part="data" aria-labelledby="data-title">
      <h3 id="data-title" class="section-title" part="section-title" data-section="data" tabindex="-1">
        ${msg('Your data', { desc: 'Privacy center: heading of the data requests section.' })}
      </h3>
      <p>${msg('You can ask this site for a copy of the personal data it holds about you, or ask it to delete that data.', { desc: 'Privacy center: explains data requests.' })}</p>
      <div class="data-actions">
        <button type="button" class="button quiet" part="access-button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.requestData('access')}>
          ${msg('Get a copy of my data', { desc: 'Asks the site for a copy of the visitor data.' })}
        </button>
        <button
          type="button"
          class="button quiet"
          part="delete-button"
          aria-disabled=${busy ? 'true' : 'false'}
          aria-expanded=${this.confirmingDelete ? 'true' : 'false'}
          aria-controls="delete-confirmation"
          @click=${this.askToDelete}
        >
          ${msg('Delete my data', { desc: 'Asks the site to delete the visitor data (asks for confirmation first).' })}
        </button>
      </div>
      <div id="delete-confirmation" class="confirm" part="delete-confirmation" ?hidden=${!this.confirmingDelete}>
        ${this.confirmingDelete
          ? html`<p id="delete-question" tabindex="-1">
                ${msg('Ask this site to delete the personal data it holds about you? Your privacy choices stay saved in this browser.', {
                  desc: 'Confirmation question before a data deletion request.',
                })}
              </p>
              <div class="data-actions">
                <button type="button" class="button" part="confirm-delete-button" @click=${this.confirmDelete}>
                  ${msg('Yes, ask to delete my data', { desc: 'Confirms the data deletion request.' })}
                </button>
                <button type="button" class="button quiet" part="cancel-delete-button" @click=${this.cancelDelete}>
                  ${msg('Cancel', { desc: 'Cancels the data deletion request.' })}
                </button>
              </div>`
          : nothing}
      </div>
      <div class="data-status" part="data-status" role="status">${this.renderDataStatus(policy)}</div>
      ${this.dataRequest?.status === 'failed'
        ? html`<button type="button" class="button quiet" part="retry-button" @click=${this.retry}>
            ${msg('Try again', { desc: 'Sends a failed data request again.' })}
          </button>`
        : nothing}
    </section>`;
  }

  private renderDataStatus(policy: Policy): TemplateResult | typeof nothing {
    const request = this.dataRequest;
    if (!request) return nothing;
    const access = request.kind === 'access';
    switch (request.status) {
      case 'pending':
        return html`<p>
          ${access
            ? msg('Sending your request for a copy of your data…', { desc: 'Data request pending (access).' })
            : msg('Sending your request to delete your data…', { desc: 'Data request pending (deletion).' })}
        </p>`;
      case 'done':
        return html`<p class="text">
            ${request.message ??
            (access
              ? msg('The site received your request for a copy of your data.', { desc: 'Data request done (access), when the site gives no message.' })
              : msg('The site received your request to delete your data.', { desc: 'Data request done (deletion), when the site gives no message.' }))}
          </p>
          ${request.url
            ? html`<p><a class="link" href=${request.url}>${msg('Download your data', { desc: 'Link to the copy of the visitor data given by the site.' })}</a></p>`
            : nothing}`;
      case 'declined':
        return html`<p class="text">
          ${request.message ?? msg('The site could not accept your request.', { desc: 'Data request declined by the site, without a reason.' })}
        </p>`;
      case 'failed':
        return html`<p>
          ${request.reason === 'timeout'
            ? msg('Your request could not be sent: the site did not answer in time.', { desc: 'Data request failed by timeout.' })
            : msg('Your request could not be sent: something went wrong on the site.', { desc: 'Data request failed with an error.' })}
        </p>`;
      case 'unhandled':
      default:
        return html`<p>
          ${msg('This site cannot take data requests from here yet, so nothing was sent. Please contact the site directly.', {
            desc: 'Data request with no handler on the site.',
          })}
          ${policy.url && safeUrl(policy.url)
            ? html`<a class="link" href=${safeUrl(policy.url)!}>${msg('The privacy policy says how to contact the site.', { desc: 'Link to the privacy policy after an unhandled data request.' })}</a>`
            : nothing}
        </p>`;
    }
  }
}

function fact(term: string, value: string | null): TemplateResult | typeof nothing {
  if (value === null) return nothing;
  return html`<div class="fact"><dt>${term}</dt><dd>${value}</dd></div>`;
}
