import { css } from 'lit';

/**
 * The design tokens every Candor element shares. Public tokens are `--candor-*` (set them
 * on the page or on an element); inside, each has a private `--_candor-*` twin that holds
 * the value for the active theme, so a host token always wins over a built-in theme.
 *
 * Themes: `theme="light"`, `"dark"`, `"high-contrast"`, or `"auto"` (the default, which
 * follows `prefers-color-scheme`). Every pair below meets WCAG AA contrast (4.5:1 for text,
 * 3:1 for borders and focus rings) on its surface.
 */
const light = css`
  --_candor-surface: var(--candor-color-surface, #ffffff);
  --_candor-surface-raised: var(--candor-color-surface-raised, #f3f4f6);
  --_candor-text: var(--candor-color-text, #1b1f24);
  --_candor-text-muted: var(--candor-color-text-muted, #4b5563);
  --_candor-border: var(--candor-color-border, #6b7280);
  --_candor-action: var(--candor-color-action, #1f3a93);
  --_candor-on-action: var(--candor-color-on-action, #ffffff);
  --_candor-focus: var(--candor-color-focus, #1f3a93);
  --_candor-link: var(--candor-color-link, #1f3a93);
  --_candor-success: var(--candor-color-success, #146c2e);
  --_candor-danger: var(--candor-color-danger, #b42318);
  --_candor-switch-on: var(--candor-color-switch-on, #146c2e);
  --_candor-switch-off: var(--candor-color-switch-off, #6b7280);
  color-scheme: light;
`;

const dark = css`
  --_candor-surface: var(--candor-color-surface, #17191c);
  --_candor-surface-raised: var(--candor-color-surface-raised, #23262b);
  --_candor-text: var(--candor-color-text, #f1f3f5);
  --_candor-text-muted: var(--candor-color-text-muted, #c1c7cf);
  --_candor-border: var(--candor-color-border, #8b939e);
  --_candor-action: var(--candor-color-action, #a9c1ff);
  --_candor-on-action: var(--candor-color-on-action, #0b1530);
  --_candor-focus: var(--candor-color-focus, #a9c1ff);
  --_candor-link: var(--candor-color-link, #a9c1ff);
  --_candor-success: var(--candor-color-success, #7fd69a);
  --_candor-danger: var(--candor-color-danger, #ffa39a);
  --_candor-switch-on: var(--candor-color-switch-on, #7fd69a);
  --_candor-switch-off: var(--candor-color-switch-off, #8b939e);
  color-scheme: dark;
`;

const highContrast = css`
  --_candor-surface: var(--candor-color-surface, #000000);
  --_candor-surface-raised: var(--candor-color-surface-raised, #000000);
  --_candor-text: var(--candor-color-text, #ffffff);
  --_candor-text-muted: var(--candor-color-text-muted, #ffffff);
  --_candor-border: var(--candor-color-border, #ffffff);
  --_candor-action: var(--candor-color-action, #ffff00);
  --_candor-on-action: var(--candor-color-on-action, #000000);
  --_candor-focus: var(--candor-color-focus, #00ffff);
  --_candor-link: var(--candor-color-link, #ffff00);
  --_candor-success: var(--candor-color-success, #7dff7d);
  --_candor-danger: var(--candor-color-danger, #ff9e9e);
  --_candor-switch-on: var(--candor-color-switch-on, #7dff7d);
  --_candor-switch-off: var(--candor-color-switch-off, #ffffff);
  --_candor-border-width: var(--candor-border-width, 2px);
  color-scheme: dark;
`;

/**
 * The public design tokens, set on the page (`:root`), on a container or on one element;
 * the analyzer adds each one to every element's `cssProperties`, with its default in every
 * built-in theme read from the CSS below (scripts/manifest.mjs).
 *
 * @cssprop --candor-color-surface - Background of the banner, the privacy center, the popover and the feedback form.
 * @cssprop --candor-color-surface-raised - Background of boxes that stand out from the surface: notices, the "Turn off personalization" box, empty weight bars.
 * @cssprop --candor-color-text - Body text. Keep 4.5:1 against both surfaces.
 * @cssprop --candor-color-text-muted - Secondary text: retention, counters, reason kinds. Keep 4.5:1 against both surfaces.
 * @cssprop --candor-color-border - Borders and dividers (3:1 against the surface).
 * @cssprop --candor-color-action - Background of every button. All consent choices share it, so none stands out. Also the accent of notices and the weight bars.
 * @cssprop --candor-color-on-action - Text on buttons (4.5:1 against the action colour).
 * @cssprop --candor-color-focus - The focus ring (3:1 against the surface).
 * @cssprop --candor-color-link - Links, disclosures and the "Why am I seeing this?" trigger.
 * @cssprop --candor-color-success - Confirmations and "Always on".
 * @cssprop --candor-color-danger - Failures, and the border of the "Delete my data" confirmation.
 * @cssprop --candor-color-switch-on - Track of a switch that is on.
 * @cssprop --candor-color-switch-off - Track outline and thumb of a switch that is off (3:1 against the surface).
 * @cssprop --candor-font-family - Typeface of every element.
 * @cssprop --candor-font-size - Body text size; headings scale from it.
 * @cssprop --candor-font-size-small - Secondary text size.
 * @cssprop --candor-line-height - Line height of body text.
 * @cssprop --candor-radius - Corner radius of buttons, panels, the popover and form fields.
 * @cssprop --candor-space - Padding inside panels, the popover and the feedback form.
 * @cssprop --candor-border-width - Width of panel, popover, button and field borders.
 * @cssprop --candor-shadow - Elevation of the banner, the privacy button and the popover.
 * @cssprop --candor-z-index - Stacking level of the banner and its privacy button.
 * @cssprop --candor-motion-duration - Length of hover and switch transitions; always 0 when the visitor prefers reduced motion.
 */
export const themeStyles = css`
  :host {
    ${light}
    --_candor-font-family: var(--candor-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_candor-font-size: var(--candor-font-size, 1rem);
    --_candor-font-size-small: var(--candor-font-size-small, 0.875rem);
    --_candor-line-height: var(--candor-line-height, 1.5);
    --_candor-radius: var(--candor-radius, 0.5rem);
    --_candor-space: var(--candor-space, 1rem);
    --_candor-shadow: var(--candor-shadow, 0 0.25rem 1.5rem rgb(0 0 0 / 0.2));
    --_candor-motion: var(--candor-motion-duration, 150ms);
    --_candor-border-width: var(--candor-border-width, 1px);
    --_candor-z-index: var(--candor-z-index, 2147483000);
    font-family: var(--_candor-font-family);
    font-size: var(--_candor-font-size);
    line-height: var(--_candor-line-height);
    color: var(--_candor-text);
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([theme='high-contrast']) {
    ${highContrast}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']),
    :host(:not([theme])) {
      ${dark}
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_candor-motion: 0ms;
    }
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Names of the built-in themes, for controls and validation. */
export const THEMES = ['auto', 'light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];
