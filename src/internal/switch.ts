import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface SwitchOptions {
  /** The id of the element whose text names the switch (the purpose's label). */
  labelledBy: string;
  /** Ids of elements that describe it (the purpose's description). */
  describedBy?: string;
  checked: boolean;
  /** Called with the new state on click, Space or Enter (a native button gives all three). */
  onToggle: (checked: boolean) => void;
  part?: string;
}

/**
 * An on/off switch: a real `<button role="switch">` so it is reachable, named by its
 * purpose, and operable with Space and Enter. Its state is spoken as "on"/"off" by screen
 * readers from `aria-checked`; the visible "On"/"Off" text is hidden from them to avoid
 * saying it twice, and the track never relies on colour alone (the thumb moves).
 */
export function renderSwitch(options: SwitchOptions, stateText: string): TemplateResult {
  const { labelledBy, describedBy, checked, onToggle, part = 'switch' } = options;
  return html`<button
    type="button"
    role="switch"
    class="switch"
    part=${part}
    aria-checked=${checked ? 'true' : 'false'}
    aria-labelledby=${labelledBy}
    aria-describedby=${ifDefined(describedBy)}
    @click=${() => onToggle(!checked)}
  >
    <span class="switch-track" aria-hidden="true"><span class="switch-thumb"></span></span>
    <span class="switch-text" aria-hidden="true">${stateText}</span>
  </button>`;
}

export const switchStyles = css`
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    padding-block: 0;
    padding-inline: 0.25rem;
    border: none;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .switch-track {
    box-sizing: border-box;
    display: inline-block;
    position: relative;
    inline-size: 2.75rem;
    block-size: 1.5rem;
    border-radius: 999px;
    border: 2px solid var(--_candor-switch-off);
    background: var(--_candor-surface);
    transition: background-color var(--_candor-motion) ease-out;
  }
  .switch-thumb {
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: 1rem;
    block-size: 1rem;
    border-radius: 50%;
    background: var(--_candor-switch-off);
    transition: inset-inline-start var(--_candor-motion) ease-out;
  }
  .switch[aria-checked='true'] .switch-track {
    border-color: var(--_candor-switch-on);
    background: var(--_candor-switch-on);
  }
  .switch[aria-checked='true'] .switch-thumb {
    inset-inline-start: calc(100% - 1rem - 2px);
    background: var(--_candor-surface);
  }
  @media (forced-colors: active) {
    .switch-track {
      border-color: ButtonText;
    }
    .switch-thumb {
      background: ButtonText;
    }
    .switch[aria-checked='true'] .switch-track {
      background: Highlight;
      border-color: Highlight;
    }
    .switch[aria-checked='true'] .switch-thumb {
      background: HighlightText;
    }
  }
`;
