import { css } from 'lit';

/** Styles of `<candor-why>`, shared by every instance (one constructed sheet). */
export const whyStyles = css`
  :host {
    display: inline-block;
    --_candor-why-width: var(--candor-why-popover-width, 24rem);
    --_candor-weight-fill: var(--candor-why-bar-color, var(--_candor-action));
  }
  .trigger {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-block-size: 1.5rem;
    padding-block: 0.125rem;
    padding-inline: 0.25rem;
    border: none;
    border-radius: var(--_candor-radius);
    background: none;
    color: var(--_candor-link);
    font: inherit;
    font-size: var(--_candor-font-size-small);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .trigger:focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: 2px;
  }
  .trigger-icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
  }
  .popover {
    box-sizing: border-box;
    inline-size: max-content;
    max-inline-size: min(var(--_candor-why-width), calc(100vw - 16px));
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    padding: var(--_candor-space);
    border: var(--_candor-border-width) solid var(--_candor-border);
    border-radius: var(--_candor-radius);
    background: var(--_candor-surface);
    color: var(--_candor-text);
    box-shadow: var(--_candor-shadow);
    font-family: var(--_candor-font-family);
    font-size: var(--_candor-font-size);
    line-height: var(--_candor-line-height);
    text-align: start;
  }
  .popover:focus {
    outline: none;
  }
  .popover:focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: -3px;
  }
  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.75rem;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .item {
    margin-block: 0.125rem 0;
    margin-inline: 0;
    color: var(--_candor-text-muted);
    font-size: var(--_candor-font-size-small);
  }
  .close {
    flex: none;
  }
  h3 {
    margin-block: 1rem 0.375rem;
    margin-inline: 0;
    font-size: 1em;
  }
  p {
    margin-block: 0.5rem;
    margin-inline: 0;
  }
  .headline {
    font-weight: 600;
  }
  .sponsor {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    margin-block: 0.5rem;
    margin-inline: 0;
  }
  .sponsor dt {
    color: var(--_candor-text-muted);
  }
  .sponsor dd {
    margin: 0;
    font-weight: 600;
  }
  .reasons,
  .data {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .reasons {
    list-style: none;
    padding-inline-start: 0;
    display: grid;
    gap: 0.625rem;
  }
  .reason {
    display: grid;
    gap: 0.125rem;
  }
  .reason-kind {
    color: var(--_candor-text-muted);
    font-size: var(--_candor-font-size-small);
    font-weight: 600;
  }
  .reason .link {
    justify-self: start;
    font-size: var(--_candor-font-size-small);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .status:empty {
    display: none;
  }
  .status {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-radius: var(--_candor-radius);
    border: var(--_candor-border-width) solid currentColor;
  }
  .status.success {
    color: var(--_candor-success);
  }
  .status.failure {
    color: var(--_candor-danger);
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-start: 1rem;
    padding-block-start: 0.75rem;
    border-block-start: 1px solid var(--_candor-border);
  }
  .rating span {
    margin-inline-end: auto;
  }
  .rating .button[aria-pressed='true'] {
    background: var(--_candor-action);
    color: var(--_candor-on-action);
  }
  @media (forced-colors: active) {
    .popover {
      border: 1px solid CanvasText;
    }
    .status {
      border-color: CanvasText;
    }
    .rating .button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
    .trigger {
      color: LinkText;
    }
  }
  /* The popover appears without animation; the only motion is the buttons' hover fade. */
  @media (prefers-reduced-motion: reduce) {
    .trigger,
    .button {
      transition: none;
    }
  }
`;
