// Registers <candor-banner>. Importing this module has that one side effect.
import { CandorBanner } from '../banner/banner.js';
import { defineElement } from '../internal/define-element.js';

defineElement('candor-banner', CandorBanner);

export { CandorBanner };

declare global {
  interface HTMLElementTagNameMap {
    'candor-banner': CandorBanner;
  }
}
