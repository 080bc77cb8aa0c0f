// Registers <candor-feedback>. Importing this module has that one side effect.
import { CandorFeedback } from '../feedback/feedback.js';
import { defineElement } from '../internal/define-element.js';

defineElement('candor-feedback', CandorFeedback);

export { CandorFeedback };

declare global {
  interface HTMLElementTagNameMap {
    'candor-feedback': CandorFeedback;
  }
}
