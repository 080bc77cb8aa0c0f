// Svelte 5 template typings for every Candor element (svelte-check / the Svelte language
// server): `import type {} from 'candor/svelte'` once, e.g. in src/app.d.ts.
//
// Svelte 5 sets a prop on a registered custom element as a property when the element has a
// setter by that name, else as an attribute; an attribute `on` + an event's exact name
// (`oncandor-feedback={…}`) adds a listener for that event.
import type { HTMLAttributes } from 'svelte/elements';
import type { CandorElementOf, CandorElements, CandorEventsOf, CandorTagName } from './shared.js';

export type * from './shared.js';

/** `oncandor-feedback={(event) => …}`: one typed listener per event the tag fires. */
export type CandorSvelteEventProps<T extends CandorTagName> = {
  [E in keyof CandorEventsOf<T> & string as `on${E}`]?: (event: CandorEventsOf<T>[E]) => void;
};

/**
 * Attributes under HTML names that are not also property names. Svelte writes
 * `privacy-button={false}` as the text "false", which an element reads as present, so such
 * a boolean attribute takes only `true` (or no value); `false` goes through the property
 * (`privacyButton={false}`). A name that is also a property (`modal`, `open`) is set as the
 * property, so it takes the property's type.
 */
export type CandorSvelteAttributes<T extends CandorTagName> = {
  [A in Exclude<keyof CandorElements[T]['attributes'], keyof CandorElements[T]['properties']>]?: [
    CandorElements[T]['attributes'][A],
  ] extends [boolean | undefined]
    ? true
    : CandorElements[T]['attributes'][A];
};

type OwnProps<T extends CandorTagName> = Partial<CandorElements[T]['properties']> &
  CandorSvelteAttributes<T> &
  CandorSvelteEventProps<T>;

/** The attributes of `<candor-…>` in a Svelte template: Candor's own, then the usual HTML ones. */
export type CandorSvelteProps<T extends CandorTagName> = Omit<HTMLAttributes<CandorElementOf<T>>, keyof OwnProps<T>> &
  OwnProps<T>;

type CandorSvelteElements = { [T in CandorTagName]: CandorSvelteProps<T> };

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends CandorSvelteElements {}
}
