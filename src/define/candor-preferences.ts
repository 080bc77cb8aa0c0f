// Registers <candor-preferences>. Importing this module has that one side effect.
import { CandorPreferences } from '../preferences/preferences.js';
import { defineElement } from '../internal/define-element.js';

defineElement('candor-preferences', CandorPreferences);

export { CandorPreferences };

declare global {
  interface HTMLElementTagNameMap {
    'candor-preferences': CandorPreferences;
  }
}
