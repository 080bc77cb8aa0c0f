import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { allLocales, loadLocale, sourceLocale } from '../src/localization.js';

import { argTypesFromManifest, componentDescription, manifest } from './manifest.js';

// Docs pages and controls read the elements' JSDoc through the Custom Elements Manifest.
setCustomElementsManifest(manifest);

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

/**
 * Theme and direction from the toolbar (or `&globals=theme:dark;dir:rtl` in the URL).
 * Direction "auto" sets no `dir` at all, as on a page that declares none: the elements then
 * choose it from their language (Arabic and Hebrew right to left).
 */
const withThemeAndDirection: Decorator = (story, { globals, canvasElement }) => {
  const theme = THEMES.includes(globals.theme) ? (globals.theme as string) : 'light';
  const dir = globals.dir === 'rtl' || globals.dir === 'ltr' ? (globals.dir as string) : null;
  for (const element of [document.documentElement, canvasElement]) {
    if (dir === null) element.removeAttribute('dir');
    else element.dir = dir;
  }
  // The page behind follows the theme, as a site would pair them: the trigger of <candor-why>
  // and the feedback buttons sit on the page itself. High contrast is a theme for black pages.
  document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  document.body.style.background = theme === 'high-contrast' ? '#000000' : 'Canvas';
  document.body.style.color = theme === 'high-contrast' ? '#ffffff' : 'CanvasText';
  applyTheme(canvasElement, theme);
  return story();
};

const tokensSet = new WeakMap<HTMLElement, Set<string>>();

/**
 * `--candor-*` args (the CSS custom property controls) set on the story's canvas, where
 * every element in the story inherits them, as a designer would set them on a page.
 */
const withTokens: Decorator = (story, { args, canvasElement }) => {
  const before = tokensSet.get(canvasElement) ?? new Set<string>();
  const now = new Set<string>();
  for (const [name, value] of Object.entries(args)) {
    if (!name.startsWith('--candor-') || value === undefined || value === null || String(value).trim() === '') continue;
    canvasElement.style.setProperty(name, String(value));
    now.add(name);
  }
  for (const name of before) if (!now.has(name)) canvasElement.style.removeProperty(name);
  tokensSet.set(canvasElement, now);
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
          { value: 'auto', title: 'From the language' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: { locale: sourceLocale, theme: 'light', dir: 'auto' },
  loaders: [
    async ({ globals }) => {
      // The elements follow <html lang>; loading first means the story renders in that language at once.
      const locale = allLocales.includes(globals.locale) ? (globals.locale as string) : sourceLocale;
      await loadLocale(locale);
      document.documentElement.lang = locale;
      return {};
    },
  ],
  decorators: [withTokens, withThemeAndDirection],
  parameters: {
    // Violations fail the story in Storybook's own test UI too; scripts/audit-stories.mjs is the gate.
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { extractArgTypes: argTypesFromManifest, extractComponentDescription: componentDescription },
  },
};

export default preview;
