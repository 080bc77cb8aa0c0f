import type { StorybookConfig } from '@storybook/web-components-vite';

// Vite settings (Lit pre-bundled once, decorators) come from the project's vite.config.ts.
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // Candor makes no network request; neither should its tooling.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
