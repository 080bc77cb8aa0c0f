// Registers <candor-preferences>. Importing this module has that one side effect.
import { CandorPreferences } from '../preferences/preferences.js';

export { CandorPreferences };

const tag = 'candor-preferences';
const existing = customElements.get(tag);
if (!existing) customElements.define(tag, CandorPreferences);
else if (existing !== CandorPreferences) {
  console.warn(`Candor: <${tag}> is already defined by another copy of the library; this copy's element is not used.`);
}

declare global {
  interface HTMLElementTagNameMap {
    'candor-preferences': CandorPreferences;
  }
}
