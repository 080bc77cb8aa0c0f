import { css } from 'lit';

/**
 * Buttons, links, notices and focus rings shared by every element. There is one button style on
 * purpose: "Accept all" and "Reject all" (and every other choice) must look equally
 * prominent, so no element may style one choice more strongly than another.
 */
export const controlStyles = css`
  .button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: var(--_candor-border-width) solid var(--_candor-action);
    border-radius: var(--_candor-radius);
    background: var(--_candor-action);
    color: var(--_candor-on-action);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    cursor: pointer;
    transition: filter var(--_candor-motion) ease-out;
  }
  .button:hover {
    filter: brightness(1.15);
  }
  /* A quieter button for secondary actions that are not consent choices (close, undo). */
  .button.quiet {
    background: transparent;
    color: var(--_candor-action);
  }
  .button[aria-disabled='true'],
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .link {
    color: var(--_candor-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    background: none;
    border: none;
    padding: 0;
    font: inherit;
    cursor: pointer;
  }
  :is(.button, .link, [role='switch'], summary, a, input, textarea, select, [tabindex]):focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: 2px;
  }
  /* Secondary text, and a notice that stands out without colour alone (a thick start border). */
  .muted {
    color: var(--_candor-text-muted);
    font-size: var(--_candor-font-size-small);
  }
  .notice {
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border-inline-start: 4px solid var(--_candor-action);
    background: var(--_candor-surface-raised);
  }
  @media (forced-colors: active) {
    .notice {
      border-inline-start-color: CanvasText;
    }
    .button {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
      forced-color-adjust: none;
    }
    .button:focus-visible,
    .link:focus-visible {
      outline-color: Highlight;
    }
    .link {
      color: LinkText;
    }
  }
`;
