// What the React, Vue and Svelte typings share: per tag, the props a template may set.
// Shipped as candor/dist/frameworks/shared.d.ts; `CandorElements` is generated from the
// element classes (see elements.d.ts beside this file).
import type { CandorElements } from './elements.js';

export type { CandorElements };

/** Every Candor tag name. */
export type CandorTagName = keyof CandorElements;

/** The element class behind a tag (`CandorBanner` for `candor-banner`). */
export type CandorElementOf<T extends CandorTagName> = CandorElements[T]['element'];

/** The events a tag fires, by name, with their event classes (`detail` typed). */
export type CandorEventsOf<T extends CandorTagName> = CandorElements[T]['events'];

/**
 * What a template may set on a tag: every settable property under its own name and every
 * attribute under its HTML name, both typed as the class declares the property, all optional.
 */
export type CandorValuesOf<T extends CandorTagName> = Partial<CandorElements[T]['properties']> &
  Partial<CandorElements[T]['attributes']>;
