import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './locales/locale-codes.js';

export type CandorLocale = (typeof allLocales)[number];
type TargetLocale = (typeof targetLocales)[number];

export { allLocales, sourceLocale, targetLocales };

/**
 * One loader per shipped locale, so each is its own chunk and a page downloads only the
 * language it shows. A host that runs its own `@lit/localize` set-up can call these from
 * its `loadLocale` and merge the `templates` with its own (see README, "Localization").
 */
export const localeLoaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('./locales/de.js'),
};

/**
 * The shipped locale that best serves a list of language tags (most wanted first):
 * exact match, then the tag's language alone (`pt-BR` → `pt`), else English.
 */
export function matchLocale(requested: readonly (string | null | undefined)[]): CandorLocale {
  const shipped = allLocales as readonly string[];
  for (const tag of requested) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    const exact = shipped.find((code) => code.toLowerCase() === lower);
    if (exact) return exact as CandorLocale;
    const base = lower.split('-')[0];
    const byLanguage = shipped.find((code) => code.toLowerCase() === base);
    if (byLanguage) return byLanguage as CandorLocale;
  }
  return sourceLocale;
}

/** The locale a page asks for: `<html lang>`, then the browser's languages. */
export function documentLocale(): CandorLocale {
  return matchLocale([document.documentElement.lang, ...navigator.languages]);
}

export interface LocalizationOptions {
  /**
   * A locale code, or `"auto"` (the default): follow `<html lang>`, then the browser's
   * languages, and keep following `<html lang>` when the page changes it.
   */
  locale?: string;
}

export interface Localization {
  getLocale(): string;
  /** Switches every Candor element to another locale; resolves when it has re-rendered. */
  setLocale(locale: string): Promise<void>;
}

let active: Localization | undefined;

/**
 * Turns on Candor's translations. `@lit/localize` allows one set-up per page, so the
 * library never calls this on import: the page (or the `candor/auto` script) does, once.
 * Calling it again returns the first set-up and applies a new explicit locale.
 */
export function setupLocalization(options: LocalizationOptions = {}): Localization {
  const requested = options.locale ?? 'auto';
  if (!active) {
    let lit: ReturnType<typeof configureLocalization>;
    try {
      lit = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (locale) => localeLoaders[locale as TargetLocale](),
      });
    } catch (error) {
      throw new Error(
        'Candor could not set up localization: this page already configured @lit/localize. ' +
          "Merge Candor's locales into your own set-up instead (see README, \"Localization\").",
        { cause: error },
      );
    }
    active = {
      getLocale: lit.getLocale,
      setLocale: (locale) => lit.setLocale(matchLocale([locale])),
    };
    if (requested === 'auto') followDocumentLanguage(active);
  }
  void active.setLocale(requested === 'auto' ? documentLocale() : requested);
  return active;
}

function followDocumentLanguage(localization: Localization): void {
  new MutationObserver(() => void localization.setLocale(documentLocale())).observe(
    document.documentElement,
    { attributes: true, attributeFilter: ['lang'] },
  );
}

export { LOCALE_STATUS_EVENT };
