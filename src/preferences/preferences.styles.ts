import { css } from 'lit';

/** The privacy center's own look; the dialog shell comes from `dialogStyles`. */
export const preferencesStyles = css`
  :host {
    display: contents;
  }
  dialog {
    inline-size: min(var(--candor-preferences-inline-size, 44rem), calc(100vw - 2rem));
  }
  .panel {
    padding: var(--_candor-space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin-block-end: 0.5rem;
  }
  h2 {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.3;
  }
  h3 {
    margin-block: 1.25em 0.5em;
    font-size: 1.125em;
    line-height: 1.3;
  }
  h4 {
    margin: 0;
    font-size: 1em;
    line-height: 1.3;
  }
  :is(h2, h3, h4, p)[tabindex='-1']:focus {
    outline: none;
  }
  :is(h2, h3, h4, p)[tabindex='-1']:focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: 2px;
  }
  p {
    margin-block: 0 0.75em;
  }
  .text,
  .text *,
  summary,
  h4,
  dd {
    overflow-wrap: anywhere;
  }
  .personalization {
    margin-block: 1rem;
    padding: 0.75rem;
    border: var(--_candor-border-width) solid var(--_candor-border);
    border-radius: var(--_candor-radius);
    background: var(--_candor-surface-raised);
  }
  .personalization .button {
    inline-size: 100%;
  }
  .purposes {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .purpose {
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_candor-border);
  }
  .purpose:first-child {
    border-block-start: 1px solid var(--_candor-border);
  }
  .purpose-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }
  .purpose-head h4 {
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  .purpose p {
    margin-block: 0.25rem 0.5rem;
  }
  .always-on {
    font-weight: 600;
    color: var(--_candor-success);
  }
  summary {
    cursor: pointer;
    color: var(--_candor-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    padding-block: 0.25rem;
  }
  .facts {
    margin-block: 0.5rem 0;
  }
  .fact {
    margin-block-end: 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  /* Every consent choice gets one equal cell: same width, same height, whatever its label. */
  .actions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    grid-auto-rows: 1fr;
    gap: 0.75rem;
    margin-block: 1rem;
  }
  .actions .button,
  .data-actions .button {
    inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .history {
    margin-block: 1rem 0.5rem;
  }
  .history-list {
    margin-block: 0.5rem 0;
    padding-inline-start: 1.25em;
  }
  .history-list li {
    margin-block-end: 0.75rem;
  }
  .history-list p {
    margin-block: 0;
  }
  .data-actions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: 0.75rem;
    margin-block: 0.5rem;
  }
  .confirm {
    margin-block: 0.5rem;
    padding: 0.75rem;
    border: var(--_candor-border-width) solid var(--_candor-danger);
    border-radius: var(--_candor-radius);
  }
  .data-status {
    margin-block: 0.5rem;
  }
  .data-status:empty {
    margin: 0;
  }
  /* No motion at all for visitors who ask for less: this wins over any transition set through ::part(). */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    .confirm,
    .personalization {
      border-color: CanvasText;
    }
    summary {
      color: LinkText;
    }
  }
`;
