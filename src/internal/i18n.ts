/**
 * Candor's own translation runtime: `msg()` reads the templates of the locale being
 * rendered, not one page-wide locale, so every element can follow its own `lang`.
 *
 * Source files keep writing `msg()` and `str` as with `@lit/localize`, so
 * `lit-localize extract` and `build` keep working: the extractor recognises a msg call by
 * its TYPE (the `_LIT_LOCALIZE_MSG_` brand), which the `msg` below carries. Candor never
 * calls `configureLocalization`, so a host that uses `@lit/localize` itself is unaffected.
 *
 * No Lit in here: the consent core (purpose presets, the store) imports it too.
 */
import type { msg as litMsg, TemplateLike, TemplateMap } from '@lit/localize';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import { sourceLocale } from '../locales/locale-codes.js';

export { str } from '@lit/localize/internal/str-tag.js';
export type { TemplateMap };

/** Templates by locale code: loaded modules merged with what the host registered. */
const catalogs = new Map<string, TemplateMap>();

interface Context {
  /** The tag dates and lists are formatted for (`en-GB` while the words are `en`). */
  format: string;
  templates: TemplateMap | undefined;
}

let active: Context = { format: sourceLocale, templates: undefined };

/**
 * Makes a string localizable (same signature as `@lit/localize`'s `msg`). Inside
 * `withLocale` (every Candor element's update runs inside one) it returns the text of
 * that locale; anywhere else, and for a message the locale lacks, the English source.
 */
export const msg = ((template: TemplateLike, options?: { id?: string; desc?: string }) => {
  try {
    return runtimeMsg(active.templates, template, options);
  } catch (error) {
    // A host's registered text that does not fit the message (a str template where the
    // source has no placeholders): show the English source rather than nothing.
    console.error('Candor: a registered translation could not be used', options?.id ?? template, error);
    return runtimeMsg(undefined, template, options);
  }
}) as typeof litMsg;

/**
 * Runs `compute` with `locale`'s templates as the ones `msg()` reads: how text that is
 * made outside a render (an announcement, an exported record) is put in the right
 * language. `format` is the tag for dates and lists (default: the locale).
 */
export function withLocale<T>(locale: string, compute: () => T, format: string = locale): T {
  const previous = active;
  active = { format, templates: catalogs.get(locale) };
  try {
    return compute();
  } finally {
    active = previous;
  }
}

/** The language tag to format dates and lists with now. */
export function formattingLocale(): string {
  return active.format;
}

/** Stores the templates of a locale (a loaded module merged with the host's). */
export function setCatalog(locale: string, templates: TemplateMap): void {
  catalogs.set(locale, Object.freeze({ ...templates }));
}

/** The locale each element (or embed placeholder) last showed its words in. */
const shown = new WeakMap<object, string>();

export function markShown(target: object, locale: string): void {
  shown.set(target, locale);
}

/**
 * The locale the visitor read where `origin` is: the nearest element, through shadow
 * roots, that Candor rendered text in. Null when Candor showed nothing there.
 */
export function localeShownAt(origin: EventTarget | undefined): string | null {
  if (!origin) return null;
  for (let node: EventTarget | null = origin; node; node = composedParent(node)) {
    const locale = shown.get(node);
    if (locale) return locale;
  }
  return null;
}

function composedParent(node: EventTarget): EventTarget | null {
  if (typeof ShadowRoot !== 'undefined' && node instanceof ShadowRoot) return node.host;
  return typeof Node !== 'undefined' && node instanceof Node ? node.parentNode : null;
}

/**
 * `dir` and `lang` values Candor itself wrote on an element (a right-to-left locale on a
 * page that sets no direction; English shown where the page asked for a language Candor
 * does not ship), so they are not mistaken for the page's own choice.
 */
const writtenByCandor = new WeakMap<Element, Map<string, string>>();

/**
 * Attributes the page removed or changed after Candor wrote them. The page decided: Candor
 * never writes them on that element again (writing back would fight the page's script in an
 * endless loop of mutations).
 */
const declinedByPage = new WeakMap<Element, Set<string>>();

function writtenValue(element: Element, name: string): string | undefined {
  return writtenByCandor.get(element)?.get(name);
}

/**
 * Writes (or with `null` removes) an attribute Candor owns. A value the page set is never
 * touched, and once the page removes or changes what Candor wrote, Candor leaves that
 * attribute on that element alone for good.
 */
function setOwnAttribute(element: Element, name: 'dir' | 'lang', value: string | null): void {
  if (declinedByPage.get(element)?.has(name)) return;
  const ours = writtenValue(element, name);
  const current = element.getAttribute(name);
  if (ours !== undefined && ours !== current) {
    writtenByCandor.get(element)!.delete(name);
    if (!declinedByPage.has(element)) declinedByPage.set(element, new Set());
    declinedByPage.get(element)!.add(name);
    return;
  }
  if (value === null) {
    if (ours !== undefined) {
      element.removeAttribute(name);
      writtenByCandor.get(element)!.delete(name);
    }
    return;
  }
  if (current === value) return;
  if (current !== null && ours === undefined) return; // the page's own value wins
  element.setAttribute(name, value);
  if (!writtenByCandor.has(element)) writtenByCandor.set(element, new Map());
  writtenByCandor.get(element)!.set(name, value);
}

/** The language of a tag, lower case: `pt-BR` → `pt`, `de_AT` → `de`. */
export function languageOf(tag: string): string {
  return tag.trim().toLowerCase().replace(/_/g, '-').split('-')[0]!;
}

/** Languages written right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Whether a locale is written right to left (`ar`, `he`, …). */
export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.has(languageOf(locale));
}

/**
 * Marks what `element` shows where the page does not already say it: `dir="rtl"` for a
 * right-to-left locale on a page that sets no direction, and `lang` when the words are in
 * another language than the one the element has without the mark (English in a
 * `lang="ko"` section; German in a Korean section of a German page, since the nearest
 * `lang` is what screen readers go by; any words where no `lang` or `lang=""` is set; the
 * old language while a new one loads), so screen readers pronounce them right. Both go
 * again when no longer needed; a value the page set itself is never touched.
 *
 * `lang` also goes on `content`, the nodes Candor rendered the words in (the top of a shadow
 * root, holding everything shown there, popovers and dialogs in the top layer included): it
 * is what says their language where the element itself cannot (the page set its `lang`, say
 * `lang="ko"` on an element showing German, or removed Candor's), and in engines that do not
 * inherit a host's language into its shadow tree. A page-set `dir` needs no such mark: the
 * page's direction wins by design.
 */
export function markLanguageAndDirection(element: Element, shown: string, content: Iterable<Element> = []): void {
  setOwnAttribute(element, 'dir', isRightToLeft(shown) && !hasExplicitDirection(element) ? 'rtl' : null);
  const around = languageWithoutMark(element);
  setOwnAttribute(element, 'lang', sameLanguage(around, shown) ? null : shown);
  // Always, not only where the element's own lang disagrees: Firefox does not carry a
  // host's language into its shadow tree (`:lang()` and the accessibility tree see none).
  for (const node of content) setOwnAttribute(node, 'lang', shown);
}

/** Whether `lang` (an attribute's value, null when none is set) says the language of `locale`. */
function sameLanguage(lang: string | null, locale: string): boolean {
  return !!lang && languageOf(lang) === languageOf(locale);
}

/**
 * The language `element` has by HTML's rules: the nearest `lang` attribute on it or an
 * ancestor, through shadow roots, Candor's marks included (screen readers go by them too).
 * Null or "" when the language is unknown.
 */
function languageAt(element: Element | null): string | null {
  for (let at = element; at; at = composedParentElement(at)) {
    const lang = at.getAttribute('lang');
    if (lang !== null) return lang.trim();
  }
  return null;
}

/** The language `element` has (see `languageAt`) leaving out a `lang` Candor wrote on the element itself. */
function languageWithoutMark(element: Element): string | null {
  const own = element.getAttribute('lang');
  if (own !== null && writtenValue(element, 'lang') !== own) return own.trim();
  return languageAt(composedParentElement(element));
}

/** Whether `node` or an ancestor (through shadow roots) sets `dir` itself. */
function hasExplicitDirection(node: Element): boolean {
  for (let element: Element | null = node; element; element = composedParentElement(element)) {
    const dir = element.getAttribute('dir');
    if (dir !== null && writtenValue(element, 'dir') !== dir) return true;
  }
  return false;
}

/**
 * Every language declared on `node` and its ancestors, nearest first, through shadow roots
 * (`<html lang>` last), leaving out empty ones and a `lang` Candor wrote itself: the
 * languages the page asks for there, in the order a locale is looked for.
 */
export function* declaredLanguages(node: Element): Generator<string> {
  for (let element: Element | null = node; element; element = composedParentElement(element)) {
    const lang = element.getAttribute('lang')?.trim();
    if (lang && writtenValue(element, 'lang') !== element.getAttribute('lang')) yield lang;
  }
}

function composedParentElement(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

type LanguageListener = (changedCatalog: string | null) => void;
const listeners = new Set<LanguageListener>();
let observer: MutationObserver | null = null;
const OBSERVED: MutationObserverInit = { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true };

/**
 * Calls `listener` whenever something that decides a locale or direction may have
 * changed: `lang`/`dir` anywhere in the document (and in the shadow roots around `node`),
 * the browser's languages, or a catalog (`changedCatalog` names its locale). One shared
 * MutationObserver serves every subscriber. Returns the unsubscribe function.
 */
export function watchLanguage(node: Node, listener: LanguageListener): () => void {
  if (!observer) {
    observer = new MutationObserver(() => notify(null));
    observer.observe(document, OBSERVED);
    window.addEventListener('languagechange', () => notify(null));
  }
  // `subtree` stops at shadow roots: observe each one the element sits in (again is harmless).
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    observer.observe(root, OBSERVED);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every subscriber to look at its locale again. */
export function notify(changedCatalog: string | null): void {
  for (const listener of [...listeners]) listener(changedCatalog);
}
