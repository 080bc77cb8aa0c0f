// Registers <candor-banner>. Importing this module has that one side effect.
import { CandorBanner } from '../banner/banner.js';

export { CandorBanner };

const tag = 'candor-banner';
const existing = customElements.get(tag);
if (!existing) customElements.define(tag, CandorBanner);
else if (existing !== CandorBanner) {
  console.warn(`Candor: <${tag}> is already defined by another copy of the library; this copy's element is not used.`);
}

declare global {
  interface HTMLElementTagNameMap {
    'candor-banner': CandorBanner;
  }
}
