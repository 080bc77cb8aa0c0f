import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { analyzeElements, manifestProblems } from '../scripts/manifest.mjs';

const MANIFEST_ID = 'virtual:candor/custom-elements-manifest';

/**
 * The Custom Elements Manifest as a module (`virtual:candor/custom-elements-manifest`), made by
 * the same analysis as dist/custom-elements.json (scripts/manifest.mjs) whenever Storybook
 * starts or builds, so docs and controls never read a stale file or need `npm run build`
 * first. In `storybook dev` it is made again when a source file changes.
 */
function customElementsManifest(): Plugin {
  const resolvedId = `\0${MANIFEST_ID}`;
  let made: Promise<string> | null = null;
  const make = () =>
    (made ??= analyzeElements().then((manifest) => {
      for (const problem of manifestProblems(manifest)) console.warn(`custom-elements.json: ${problem}`);
      return `export default ${JSON.stringify(manifest)};`;
    }));
  return {
    name: 'candor-custom-elements-manifest',
    resolveId: (id) => (id === MANIFEST_ID ? resolvedId : null),
    load: (id) => (id === resolvedId ? make() : null),
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (!/[/\\]src[/\\].+\.ts$/.test(file) || /[/\\]src[/\\]locales[/\\]/.test(file)) return;
        made = null;
        const module = server.moduleGraph.getModuleById(resolvedId);
        if (module) server.moduleGraph.invalidateModule(module);
      });
    },
  };
}

// Vite settings (Lit pre-bundled once, decorators) come from the project's vite.config.ts.
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // Candor makes no network request; neither should its tooling.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => ({ ...viteConfig, plugins: [...(viteConfig.plugins ?? []), customElementsManifest()] }),
};

export default config;
