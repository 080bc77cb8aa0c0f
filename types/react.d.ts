// React 19 JSX typings for every Candor element: `import type {} from 'candor/react'` once.
//
// React 19 sets a prop on a custom element as a property when the element has one by that
// name (`policyVersion`, `explanation`), else as an attribute (`policy-version`). A prop
// named `on` + an event's exact name (`oncandor-feedback`) holding a function is added with
// addEventListener for that event: the name is case-sensitive, so `onCandorFeedback` would
// listen for an event that never fires and is not offered here.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CandorElementOf, CandorEventsOf, CandorTagName, CandorValuesOf } from './shared.js';

export type * from './shared.js';

/** `oncandor-feedback={(event) => …}`: one typed listener prop per event the tag fires. */
export type CandorReactEventProps<T extends CandorTagName> = {
  [E in keyof CandorEventsOf<T> & string as `on${E}`]?: (event: CandorEventsOf<T>[E]) => void;
};

type OwnProps<T extends CandorTagName> = CandorValuesOf<T> & CandorReactEventProps<T>;

/** The props of `<candor-…>` in JSX: Candor's own, then React's usual HTML props (`ref` is typed to the element). */
export type CandorReactProps<T extends CandorTagName> = Omit<
  DetailedHTMLProps<HTMLAttributes<CandorElementOf<T>>, CandorElementOf<T>>,
  keyof OwnProps<T>
> &
  OwnProps<T>;

type CandorIntrinsicElements = { [T in CandorTagName]: CandorReactProps<T> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CandorIntrinsicElements {}
  }
}
