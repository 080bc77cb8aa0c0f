/**
 * Candor's languages: which ones ship, how a locale is chosen for an element, and how a
 * page loads or adds one. Every Candor element follows the `lang` around it by itself;
 * nothing here needs to be called for that (see README, "Localization").
 * @module
 */
import type { LocaleModule, TemplateMap } from '@lit/localize';
import { declaredLanguage, localeShownAt, notify, setCatalog } from './internal/i18n.js';
import { allLocales, sourceLocale, targetLocales } from './locales/locale-codes.js';

export type CandorLocale = (typeof allLocales)[number];
export type TargetLocale = (typeof targetLocales)[number];

export { allLocales, sourceLocale, targetLocales };
export type { LocaleModule, TemplateMap };

/**
 * One loader per shipped locale, each its own module (and chunk), so a page downloads
 * only the languages it shows. Typed by `TargetLocale`, so the typecheck fails when a
 * locale in lit-localize.json has no loader.
 */
export const localeLoaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  ga: () => import('./locales/ga.js'),
  he: () => import('./locales/he.js'),
  hr: () => import('./locales/hr.js'),
  hu: () => import('./locales/hu.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  lt: () => import('./locales/lt.js'),
  lv: () => import('./locales/lv.js'),
  mt: () => import('./locales/mt.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ro: () => import('./locales/ro.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sv: () => import('./locales/sv.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
};

/** Languages written right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Old or alternative codes for a language Candor ships under another code. */
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', iw: 'he', ji: 'yi', in: 'id' };

/** Locales the host added with `registerLocale` that Candor does not ship. */
const registered = new Set<string>();
/** The host's own templates per locale, laid over the shipped ones. */
const overrides = new Map<string, TemplateMap>();
/** Loaded shipped templates per locale. */
const shipped = new Map<string, TemplateMap>();
const loading = new Map<string, Promise<void>>();

function isShipped(code: string): code is TargetLocale {
  return (targetLocales as readonly string[]).includes(code);
}

/** Every locale an element can show: the shipped ones and those the host registered. */
export function availableLocales(): string[] {
  return [...allLocales, ...registered];
}

/**
 * The available locale that best serves a list of language tags (most wanted first):
 * the exact tag, then its language alone (`pt-BR` → `pt`), then a known alias of it
 * (`no`/`nn` → `nb`, `iw` → `he`), else English. Case does not matter.
 */
export function matchLocale(requested: readonly (string | null | undefined)[]): string {
  const available = availableLocales();
  const find = (code: string) => available.find((candidate) => candidate.toLowerCase() === code);
  for (const tag of requested) {
    if (!tag) continue;
    const lower = tag.trim().toLowerCase().replace(/_/g, '-');
    const language = lower.split('-')[0]!;
    const match = find(lower) ?? find(language) ?? (ALIASES[language] ? find(ALIASES[language]) : undefined);
    if (match) return match;
  }
  return sourceLocale;
}

/**
 * The locale Candor shows at `element`: its `lang`, else the nearest ancestor's (through
 * shadow roots, up to `<html lang>`), else the browser's languages, else English.
 */
export function localeFor(element: Element): string {
  return matchLocale([declaredLanguage(element), ...navigator.languages]);
}

/** The language tag dates and lists are formatted for at `element` (`en-GB` where the words are `en`). */
export function formatTagFor(element: Element, locale: string): string {
  const declared = declaredLanguage(element);
  if (declared && matchLocale([declared]) === locale) {
    try {
      return Intl.getCanonicalLocales(declared)[0] ?? locale;
    } catch {
      return locale;
    }
  }
  return locale;
}

/** Whether a locale is written right to left (`ar`, `he`, …). */
export function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.has(locale.toLowerCase().split('-')[0]!);
}

/**
 * The shipped locale a registered regional one builds on (`pt` under a host's `pt-BR`):
 * what the host did not translate comes from there, not from English.
 */
function parentOf(locale: string): TargetLocale | null {
  if (!registered.has(locale)) return null;
  const language = locale.toLowerCase().split('-')[0]!;
  return isShipped(language) ? language : null;
}

/** Whether a locale's words are available without loading anything. */
export function isLocaleReady(locale: string): boolean {
  if (locale === sourceLocale || shipped.has(locale)) return true;
  if (!registered.has(locale)) return false;
  const parent = parentOf(locale);
  return parent === null || shipped.has(parent);
}

/**
 * Loads a locale's module (once) and resolves when elements can show it. A code Candor
 * neither ships nor has registered resolves at once: elements show English for it.
 * Storybook's locale toolbar and tests await it; pages never need to, elements load
 * what they show by themselves.
 */
export function loadLocale(code: string): Promise<void> {
  const matched = matchLocale([code]);
  const locale = parentOf(matched) ?? matched;
  if (isLocaleReady(locale) || !isShipped(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = localeLoaders[locale]().then(
      (module) => {
        shipped.set(locale, module.templates);
        publish(locale);
      },
      (error: unknown) => {
        loading.delete(locale); // a later request may try again
        throw new Error(`Candor could not load its "${locale}" translations; English is shown instead.`, { cause: error });
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Adds a language Candor does not ship, or replaces some of its strings in one it does
 * (English included). `templates` maps message ids (the `id` of each `<trans-unit>` in
 * Candor's `xliff/*.xlf`) to a string, or to a `str` template whose `${0}`, `${1}` …
 * stand for the source's placeholders in order — the shape of a `lit-localize build`
 * module's `templates`. Strings render as text. Calling it again for the same code adds
 * to what was registered before. Elements showing that locale re-render; elements whose
 * `lang` asks for a newly added language switch to it.
 */
export function registerLocale(code: string, templates: TemplateMap): void {
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(code)[0]!;
  } catch {
    throw new TypeError(`Candor registerLocale: "${String(code)}" is not a language tag such as "fr" or "pt-BR"`);
  }
  if (templates === null || typeof templates !== 'object') {
    throw new TypeError('Candor registerLocale: templates must be an object of message id → text');
  }
  for (const [id, text] of Object.entries(templates)) {
    const isStr = text !== null && typeof text === 'object' && 'strTag' in text && Array.isArray(text.strings);
    if (typeof text !== 'string' && !isStr) {
      throw new TypeError(`Candor registerLocale: the text of "${id}" must be a string or a str\`\` template`);
    }
  }
  const known = availableLocales().find((candidate) => candidate.toLowerCase() === locale.toLowerCase());
  locale = known ?? locale;
  if (!known) registered.add(locale);
  overrides.set(locale, { ...overrides.get(locale), ...templates });
  publish(locale);
}

/**
 * Merges shipped and registered templates into the catalog `msg()` reads (for the
 * locale and the host's regional locales built on it), and tells the elements.
 */
function publish(locale: string): void {
  const affected = [locale, ...[...registered].filter((code) => parentOf(code) === locale)];
  for (const code of affected) {
    const parent = parentOf(code);
    const base = parent ? { ...shipped.get(parent), ...overrides.get(parent) } : shipped.get(code);
    setCatalog(code, { ...base, ...overrides.get(code) });
    notify(code);
  }
}

/**
 * The locale a Candor element (or the element around `node`) last showed its words in,
 * e.g. to log it beside a host's own records. Null when Candor showed nothing there.
 */
export function shownLocale(node: Node): string | null {
  return localeShownAt(node);
}
