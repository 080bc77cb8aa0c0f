import type { Decorator, Preview } from '@storybook/web-components-vite';
import { allLocales, setupLocalization, sourceLocale } from '../src/localization.js';

// One @lit/localize set-up for the whole preview; the locale toolbar switches it.
const localization = setupLocalization({ locale: sourceLocale });

const THEMES = ['light', 'dark', 'high-contrast'] as const;


const themeObservers = new WeakMap<HTMLElement, { theme: string; observer: MutationObserver }>();

/** Sets `theme` on every candor-* element in the story, including ones it adds later (a dialog it opens). */
function applyTheme(root: HTMLElement, theme: string): void {
  const paint = () => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.startsWith('candor-') && element.getAttribute('theme') !== theme) {
        element.setAttribute('theme', theme);
      }
    }
  };
  const current = themeObservers.get(root);
  current?.observer.disconnect();
  const observer = new MutationObserver(paint);
  observer.observe(root, { childList: true, subtree: true });
  themeObservers.set(root, { theme, observer });
  queueMicrotask(paint);
}

/** Theme and direction from the toolbar (or `&globals=theme:dark;dir:rtl` in the URL). */
const withThemeAndDirection: Decorator = (story, { globals, canvasElement }) => {
  const theme = THEMES.includes(globals.theme) ? (globals.theme as string) : 'light';
  const dir = globals.dir === 'rtl' ? 'rtl' : 'ltr';
  document.documentElement.dir = dir;
  document.documentElement.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  canvasElement.dir = dir;
  applyTheme(canvasElement, theme);
  return story();
};

const languageName = (locale: string) => new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: allLocales.map((locale) => ({ value: locale, title: `${locale} · ${languageName(locale)}` })),
      },
    },
    theme: {
      description: 'Theme attribute of every candor-* element',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: THEMES.map((theme) => ({ value: theme, title: theme })),
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: { locale: sourceLocale, theme: 'light', dir: 'ltr' },
  loaders: [
    async ({ globals }) => {
      const locale = allLocales.includes(globals.locale) ? (globals.locale as string) : sourceLocale;
      document.documentElement.lang = locale;
      await localization.setLocale(locale);
      return {};
    },
  ],
  decorators: [withThemeAndDirection],
  parameters: {
    // Violations fail the story in Storybook's own test UI too; scripts/audit-stories.mjs is the gate.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
