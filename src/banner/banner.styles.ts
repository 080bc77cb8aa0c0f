import { css } from 'lit';

/**
 * The banner's own look. The host takes no space (`display: contents`): the region is
 * fixed to the viewport's block end, so showing or hiding it never moves the page.
 */
export const bannerStyles = css`
  :host {
    display: contents;
    --_candor-banner-max-inline-size: var(--candor-banner-max-inline-size, 60rem);
    /* At most half the viewport, so a focused element always has a half it can be seen in. */
    --_candor-banner-max-block-size: var(--candor-banner-max-block-size, 50dvh);
  }
  .region {
    position: fixed;
    inset-inline: 0;
    inset-block-end: 0;
    z-index: var(--_candor-z-index);
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    max-block-size: var(--_candor-banner-max-block-size);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-block-start: var(--_candor-border-width) solid var(--_candor-border);
    background: var(--_candor-surface);
    color: var(--_candor-text);
    box-shadow: var(--_candor-shadow);
  }
  .region.at-start {
    inset-block-end: auto;
    inset-block-start: 0;
    border-block-start: none;
    border-block-end: var(--_candor-border-width) solid var(--_candor-border);
  }
  .panel {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: var(--_candor-banner-max-inline-size);
    margin-inline: auto;
    padding: var(--_candor-space);
  }
  /* In the region, the text scrolls and the choices stay in view. */
  .region .panel {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  .region .scroll {
    flex: 1 1 auto;
    min-block-size: 4.5em;
    overflow-y: auto;
  }
  .region .actions {
    flex: none;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: 2px;
  }
  dialog .panel {
    max-inline-size: none;
  }
  h2 {
    margin-block: 0 0.5em;
    font-size: 1.25em;
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: 2px;
  }
  p,
  ul {
    margin-block: 0 0.75em;
  }
  ul {
    padding-inline-start: 1.25em;
  }
  li + li {
    margin-block-start: 0.25em;
  }
  .text,
  .text * {
    overflow-wrap: anywhere;
  }
  .notice ul {
    margin-block-end: 0;
  }
  /* Every choice gets one equal cell: same width, same height, whatever its label. */
  .actions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    grid-auto-rows: 1fr;
    gap: 0.75rem;
    margin-block-start: 1rem;
  }
  .actions .button {
    inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .confirmation {
    margin-block-end: 0.5em;
  }
  .confirmation:focus {
    outline: none;
  }
  .confirmation:focus-visible {
    outline: 3px solid var(--_candor-focus);
    outline-offset: 2px;
  }
  .privacy-button {
    position: fixed;
    inset-block-end: 0.75rem;
    inset-inline-start: 0.75rem;
    z-index: var(--_candor-z-index);
    box-shadow: var(--_candor-shadow);
  }
  .privacy-button.at-start {
    inset-block-end: auto;
    inset-block-start: 0.75rem;
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
    .region {
      border-block-start: 2px solid CanvasText;
    }
    .region.at-start {
      border-block-end: 2px solid CanvasText;
    }
  }
`;
