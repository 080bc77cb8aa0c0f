// Registers <candor-why>. Importing this module has that one side effect.
import { CandorWhy } from '../why/why.js';
import { defineElement } from '../internal/define-element.js';

defineElement('candor-why', CandorWhy);

export { CandorWhy };

declare global {
  interface HTMLElementTagNameMap {
    'candor-why': CandorWhy;
  }
}
