// One Vite configuration for the demo server, Storybook and the two builds:
//   vite build                     → the ESM library in dist/ (Lit external), one module per entry
//   vite build --mode standalone   → dist/candor.js, Lit inside, for a plain <script type="module">
// Storybook's Vite builder drops the `build` section, so the library settings stay out of it.
// Decorators: tsconfig.json keeps `experimentalDecorators`; Vite 8 leaves standard
// decorators untransformed, which breaks every built story (see TOOLCHAIN.md).
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';
import { minifyLiteralsVite } from './scripts/minify-literals.mjs';
import { stripMsgDescVite } from './scripts/strip-msg-desc.mjs';

const src = new URL('./src/', import.meta.url);

/** The runtime dependencies a library user installs once and shares with their own code. */
const RUNTIME_DEPENDENCY = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/localize)(\/|$)/;

/** `src/<dir>/*.ts` as entry names `<dir>/<file>`, so a new element or locale needs no config. */
function entriesIn(dir: string): Record<string, string> {
  const folder = new URL(`${dir}/`, src);
  if (!existsSync(folder)) return {};
  return Object.fromEntries(
    readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => [`${dir}/${file.slice(0, -3)}`, new URL(file, folder).pathname]),
  );
}

/**
 * Every public entry point that exists. Storybook loads this config too, so it never throws;
 * scripts/build.mjs checks afterwards that every path in package.json `exports` was built.
 */
function libraryEntries(): Record<string, string> {
  const fixed = ['index', 'core/index', 'localization', 'all', 'auto'].filter((name) =>
    existsSync(new URL(`${name}.ts`, src)),
  );
  return {
    ...Object.fromEntries(fixed.map((name) => [name, new URL(`${name}.ts`, src).pathname])),
    ...entriesIn('define'),
    // Gating helpers: one entry each (`candor/gating/scripts` …), outside the main entry.
    ...entriesIn('gating'),
    // Entries of their own, so `candor/locales/de` exists for hosts that merge Candor's
    // translations into their own @lit/localize set-up, and `localization` loads the same file.
    ...entriesIn('locales'),
  };
}

const library: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: true,
  copyPublicDir: false,
  target: 'es2022',
  minify: false,
  sourcemap: true,
  lib: { entry: {}, formats: ['es'] },
  rolldownOptions: {
    external: (id) => RUNTIME_DEPENDENCY.test(id),
    output: {
      // One output file per source module: dist/ mirrors src/, the .d.ts files sit beside
      // their modules, and package.json `sideEffects` can name the registration modules
      // exactly (shared chunks would hide a define() call in a file it does not list).
      preserveModules: true,
      preserveModulesRoot: 'src',
      // Compiler helpers (the decorator helper) come from a virtual module: give them a plain path.
      entryFileNames: ({ name }) => (name.startsWith('_virtual/') ? `helpers/${name.split('/').pop()}.js` : '[name].js'),
    },
  },
};

const standalone: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: false,
  copyPublicDir: false,
  target: 'es2022',
  minify: true,
  sourcemap: true,
  lib: { entry: { candor: new URL('auto.ts', src).pathname }, formats: ['es'] },
  rolldownOptions: {
    // Locale chunks import the translation runtime from candor.js itself, so an English
    // page fetches one file (lib mode would otherwise split the shared code into a chunk).
    preserveEntrySignatures: 'allow-extension',
    output: {
      entryFileNames: '[name].js',
      // Lib mode keeps whitespace for `es` (so bundlers see pure annotations); nobody
      // re-bundles this file, so minify it fully.
      minify: true,
      // Locale chunks load on demand, from beside candor.js: `candor/pl-consent-[hash].js`.
      chunkFileNames: ({ facadeModuleId }) => {
        const chunk = /\/locales\/([^/]+)\/([^/]+)\.ts$/.exec(facadeModuleId ?? '');
        return chunk ? `candor/${chunk[1]}-${chunk[2]}-[hash].js` : 'candor/[name]-[hash].js';
      },
    },
  },
};

export default defineConfig(({ command, mode }) => ({
  // Translator notes (`msg(…, { desc })`) are for the XLIFF files only: never shipped (builds).
  // Then css/html templates lose their indentation and comments, in the dev server and
  // Storybook too, so stories and tests exercise the templates that ship.
  plugins: [stripMsgDescVite(), minifyLiteralsVite()],
  // Without these, Storybook's dev server pre-bundles Lit twice ("Multiple versions of Lit loaded").
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', '@lit/localize'] },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build:
    command !== 'build'
      ? undefined
      : mode === 'standalone'
        ? standalone
        : { ...library, lib: { entry: libraryEntries(), formats: ['es'] } },
}));
