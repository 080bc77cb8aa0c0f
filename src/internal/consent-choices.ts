import { html, nothing, type TemplateResult } from 'lit';
import { msg } from './i18n.js';

export interface ConsentChoices {
  /** Grants every optional purpose; left out where only refusing is offered (bad configuration). */
  accept?: () => void;
  reject: () => void;
  /** The third choice of the place ("Let me choose", "Save choices"), styled like the others. */
  other?: TemplateResult;
}

/**
 * "Accept all" and "Reject all", written once for every element that asks, so the two can
 * never drift apart in markup, order or style: equal prominence by construction.
 */
export function renderConsentChoices({ accept, reject, other }: ConsentChoices): TemplateResult {
  return html`<div class="actions" part="actions">
    ${accept
      ? html`<button type="button" class="button" part="accept-button" @click=${accept}>
          ${msg('Accept all', { desc: 'Consent choice: grant every optional purpose.' })}
        </button>`
      : nothing}
    <button type="button" class="button" part="reject-button" @click=${reject}>
      ${msg('Reject all', { desc: 'Consent choice: refuse every optional purpose.' })}
    </button>
    ${other ?? nothing}
  </div>`;
}
