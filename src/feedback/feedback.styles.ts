import { css } from 'lit';

/** Styles of `<candor-feedback>`, shared by every instance (one constructed sheet). */
export const feedbackStyles = css`
  :host {
    display: block;
    --_candor-feedback-gap: var(--candor-feedback-gap, 0.5rem);
  }
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_candor-feedback-gap);
  }
  .question {
    margin-inline-end: 0.25rem;
  }
  .toggle[aria-pressed='true'] {
    background: var(--_candor-action);
    color: var(--_candor-on-action);
  }
  .toggle[aria-disabled='true'] {
    cursor: progress;
  }
  :host([variant='compact']) .toggle {
    min-block-size: 2rem;
    min-inline-size: 2rem;
    padding-block: 0.25rem;
    padding-inline: 0.375rem;
  }
  .thumb {
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  .thumb.not-helpful {
    transform: rotate(180deg);
  }
  .reasons {
    display: grid;
    gap: var(--_candor-feedback-gap);
    margin-block-start: var(--_candor-feedback-gap);
    padding: var(--_candor-space);
    border: var(--_candor-border-width) solid var(--_candor-border);
    border-radius: var(--_candor-radius);
    background: var(--_candor-surface);
    max-inline-size: 32rem;
  }
  fieldset {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    border: none;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  .reason {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 1.75rem;
    cursor: pointer;
  }
  .reason input {
    flex-shrink: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_candor-action);
  }
  .comment-label {
    font-weight: 600;
  }
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    padding: 0.5rem;
    border: var(--_candor-border-width) solid var(--_candor-border);
    border-radius: var(--_candor-radius);
    background: var(--_candor-surface);
    color: var(--_candor-text);
    font: inherit;
    resize: vertical;
  }
  .counter {
    justify-self: end;
    color: var(--_candor-text-muted);
    font-size: var(--_candor-font-size-small);
    font-variant-numeric: tabular-nums;
  }
  .form-actions,
  .outcome {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_candor-feedback-gap);
  }
  .status {
    margin: 0;
  }
  .status:not(:empty) {
    margin-block-start: var(--_candor-feedback-gap);
  }
  .status.sent {
    color: var(--_candor-success);
  }
  .status.failed,
  .status.declined {
    color: var(--_candor-danger);
  }
  .outcome .button {
    margin-block-start: var(--_candor-feedback-gap);
  }
  @media (forced-colors: active) {
    .toggle[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    .reasons,
    textarea {
      border-color: CanvasText;
    }
    .reason input {
      accent-color: auto;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .button {
      transition: none;
    }
  }
`;
