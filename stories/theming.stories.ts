import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { allCssProperties, cssPropertyArgType } from '../.storybook/manifest.js';
import { bannerShown, openFeedbackReasons, openPreferences, openWhy, renderAllElements } from './all-elements.js';

/**
 * Every `--candor-*` CSS property any element reads, from the Custom Elements Manifest:
 * colours get a colour picker. An empty control leaves the theme's own value; a set one
 * wins over every built-in theme, as it does on a site.
 */
const tokenArgTypes: ArgTypes = Object.fromEntries(allCssProperties().map((property) => [property.name, cssPropertyArgType(property)]));

const meta: Meta = {
  title: 'Theming/Playground',
  argTypes: tokenArgTypes,
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'none' },
    docs: {
      // Each story in its own frame: the banner is fixed to the viewport and the privacy center is modal.
      story: { inline: false, iframeHeight: 900 },
      description: {
        component:
          'All four elements on one page. Change a token in the controls and every element follows at once; switch the theme, direction and language in the toolbar. The tokens are set on the page around the elements, where a site would set them (`:root { --candor-color-action: … }`). An empty control keeps the active theme’s value; defaults per theme are listed with each token. Parts (`::part(accept-button)`) are listed on each element’s page.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The banner asking, the "why" popover open, the feedback reasons open, and the way to the privacy center. */
export const AllElements: Story = {
  render: (_args, { canvasElement }) => renderAllElements(canvasElement, 'theming-all'),
  play: async ({ canvasElement }) => {
    await bannerShown(canvasElement);
    await openFeedbackReasons(canvasElement);
    await openWhy(canvasElement);
  },
};

/** The privacy center open over the same page (it is modal, so the page behind waits). */
export const PrivacyCenter: Story = {
  render: (_args, { canvasElement }) => renderAllElements(canvasElement, 'theming-privacy-center'),
  play: async ({ canvasElement }) => {
    await bannerShown(canvasElement);
    await openPreferences(canvasElement);
  },
};
