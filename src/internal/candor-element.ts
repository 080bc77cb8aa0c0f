import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { themeStyles, type Theme } from './theme.styles.js';

/**
 * What every Candor element shares: the theme attribute and the tokens behind it.
 * Behaviour (store, dialogs, popovers) lives in controllers and modules the elements
 * compose, not in this class.
 */
export class CandorElement extends LitElement {
  static override styles = [themeStyles];

  /** `auto` follows `prefers-color-scheme`; `light`, `dark` and `high-contrast` force a theme. */
  @property({ reflect: true }) theme: Theme = 'auto';
}
