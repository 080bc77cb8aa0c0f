import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { formatTagFor, hasLocaleWords, loadLocaleWords, localeFor, sourceLocale, type LocaleGroup } from '../localization.js';
import { markLanguageAndDirection, markShown, watchLanguage, withLocale } from './i18n.js';
import { themeStyles, type Theme } from './theme.styles.js';

/**
 * What every Candor element shares: the theme attribute and the tokens behind it, and
 * its language. Behaviour (store, dialogs, popovers) lives in controllers and modules the
 * elements compose, not in this class.
 *
 * Language: the element shows the first locale Candor has among its own `lang`, its
 * ancestors' (through shadow roots) and `<html lang>`, nearest first; else the browser's
 * languages; else English; and follows any of them changing. Of a locale, only the groups of words the element
 * declares in `localeGroups` are loaded, when first needed; the first render waits for
 * them (no flash of English), later changes keep the old words until the new ones are
 * there. A right-to-left locale renders right to left unless the element or an ancestor
 * sets `dir`.
 */
export class CandorElement extends LitElement {
  static override styles = [themeStyles];

  /** `auto` follows `prefers-color-scheme`; `light`, `dark` and `high-contrast` force a theme. */
  @property({ reflect: true }) theme: Theme = 'auto';

  /**
   * The groups of words the element shows (`consentWords`, `whyWords` … from
   * src/locales/chunks.ts): of a locale, only these chunks are downloaded for it. Every
   * element class declares its own (scripts/locale-chunks.mjs checks that it does).
   */
  static localeGroups: readonly LocaleGroup[] = [];

  /** The locale the element renders in (its words are loaded). */
  #shownLocale: string = sourceLocale;
  /** The locale its `lang` and the page ask for (it may still be loading). */
  #wantedLocale: string | null = null;
  /** Settles when the wanted locale's chunks have loaded (or failed to). */
  #localeLoading: Promise<void> | null = null;
  #stopWatchingLanguage: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingLanguage = watchLanguage(this, (changedCatalog) => {
      if (changedCatalog !== null && changedCatalog === this.#shownLocale) this.requestUpdate();
      this.#followLanguage();
    });
    this.#followLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingLanguage?.();
    this.#stopWatchingLanguage = null;
  }

  /** Runs `compute` in the element's locale: for words made outside a render (announcements, exports). */
  protected inLocale<T>(compute: () => T): T {
    return withLocale(this.#shownLocale, compute, formatTagFor(this, this.#shownLocale));
  }

  /** The first render waits for the locale's words, so a Greek page never shows English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated && this.#localeLoading) return this.#renderWhenLocaleReady();
    return super.scheduleUpdate();
  }

  async #renderWhenLocaleReady(): Promise<unknown> {
    // The wanted locale may change while one loads: wait until none is pending.
    while (this.#localeLoading) await this.#localeLoading;
    return super.scheduleUpdate();
  }

  /** The whole update (willUpdate, render, updated, controllers) reads the element's locale. */
  protected override performUpdate(): void {
    this.inLocale(() => super.performUpdate());
    markShown(this, this.#shownLocale);
    this.#markLanguage(); // the render may have replaced the nodes that carried a mark
  }

  #followLanguage(): void {
    const wanted = localeFor(this);
    if (wanted !== this.#wantedLocale) {
      this.#wantedLocale = wanted;
      if (hasLocaleWords(wanted, this.#groups)) {
        this.#localeLoading = null; // a load still running for an earlier wish must not hold the first render
        this.#show(wanted);
      } else this.#load(wanted);
    }
    this.#markLanguage();
  }

  #load(locale: string): void {
    const loading = loadLocaleWords(locale, this.#groups).then(
      () => {
        if (this.#wantedLocale === locale) this.#show(hasLocaleWords(locale, this.#groups) ? locale : sourceLocale);
      },
      (error: unknown) => {
        console.error(error);
        if (this.#wantedLocale !== locale) return;
        this.#wantedLocale = null; // so the next language change asks for it again
        this.#show(sourceLocale);
      },
    );
    this.#localeLoading = loading;
    void loading.finally(() => {
      if (this.#localeLoading === loading) this.#localeLoading = null;
    });
  }

  get #groups(): readonly LocaleGroup[] {
    return (this.constructor as typeof CandorElement).localeGroups;
  }

  /** Says the language of the words: on the element where needed, and on the top-level nodes of its shadow root. */
  #markLanguage(): void {
    markLanguageAndDirection(this, this.#shownLocale, this.renderRoot.children);
  }

  #show(locale: string): void {
    if (locale !== this.#shownLocale) {
      this.#shownLocale = locale;
      this.#markLanguage();
    }
    this.requestUpdate();
  }

}
