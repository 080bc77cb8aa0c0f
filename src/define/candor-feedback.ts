import { CandorFeedback } from '../feedback/feedback.js';

const tag = 'candor-feedback';
const existing = customElements.get(tag);
if (!existing) {
  customElements.define(tag, CandorFeedback);
} else if (existing !== CandorFeedback) {
  console.warn(`Candor: <${tag}> is already defined by another class (a second copy of Candor on this page?); keeping the first.`);
}

export { CandorFeedback };

declare global {
  interface HTMLElementTagNameMap {
    'candor-feedback': CandorFeedback;
  }
}
