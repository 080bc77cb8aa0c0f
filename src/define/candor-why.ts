import { CandorWhy } from '../why/why.js';

const tag = 'candor-why';
const existing = customElements.get(tag);
if (!existing) {
  customElements.define(tag, CandorWhy);
} else if (existing !== CandorWhy) {
  console.warn(`Candor: <${tag}> is already defined by another class (a second copy of Candor on this page?); keeping the first.`);
}

export { CandorWhy };

declare global {
  interface HTMLElementTagNameMap {
    'candor-why': CandorWhy;
  }
}
