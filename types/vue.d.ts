// Vue 3 template typings for every Candor element (vue-tsc / Volar):
// `import type {} from 'candor/vue'` once, e.g. in env.d.ts. Vue itself must treat the tags
// as custom elements: `compilerOptions.isCustomElement: (tag) => tag.startsWith('candor-')`.
//
// A listener `@candor-feedback="…"` compiles to the prop `onCandorFeedback`, which Vue adds
// with addEventListener('candor-feedback'); the handler receives the event itself.
import type { HTMLAttributes, ReservedProps } from 'vue';
import type { CandorElementOf, CandorEventsOf, CandorTagName, CandorValuesOf } from './shared.js';

export type * from './shared.js';

/** `candor-feedback-undo` → `CandorFeedbackUndo`. */
type PascalCase<S extends string> = S extends `${infer Head}-${infer Rest}`
  ? `${Capitalize<Head>}${PascalCase<Rest>}`
  : Capitalize<S>;

/** `@candor-feedback="(event) => …"`: one typed listener per event the tag fires. */
export type CandorVueEventProps<T extends CandorTagName> = {
  [E in keyof CandorEventsOf<T> & string as `on${PascalCase<E>}`]?: (event: CandorEventsOf<T>[E]) => void;
};

type OwnProps<T extends CandorTagName> = CandorValuesOf<T> & CandorVueEventProps<T>;

/** The props of `<candor-…>` in a template: Candor's own, then Vue's usual HTML attributes. */
export type CandorVueProps<T extends CandorTagName> = Omit<HTMLAttributes & ReservedProps, keyof OwnProps<T>> &
  OwnProps<T>;

/**
 * What vue-tsc reads for a tag in GlobalComponents: an instance type (the element itself,
 * so a template ref is typed) with `$props` for the template.
 */
export type CandorVueElement<T extends CandorTagName> = new () => CandorElementOf<T> & {
  /** For template type checking only: the element has no `$props`. */
  $props: CandorVueProps<T>;
};

type CandorGlobalComponents = { [T in CandorTagName]: CandorVueElement<T> };

declare module 'vue' {
  interface GlobalComponents extends CandorGlobalComponents {}
}
