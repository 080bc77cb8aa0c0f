import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitFor } from 'storybook/test';
import '../src/define/candor-banner.js';
import '../src/define/candor-preferences.js';
import type { CandorBanner } from '../src/banner/banner.js';
import { ALL_PURPOSES, storyPolicy, storyStore, type StoryStoreOptions } from './consent-story-store.js';

interface BannerArgs {
  purposes: string;
  policyVersion: string;
  policyUrl: string;
  policyUpdated: string;
  policySummary: string;
  expiresAfterDays: number;
  modal: boolean;
  privacyButton: boolean;
  /** Global Privacy Control in the visitor's browser (a story setting, not an attribute). */
  gpc: boolean;
  /** Documented from the manifest; the story manages the store itself. */
  storeKey?: string;
  storage?: string;
  policySource?: string;
}

function renderBanner(args: BannerArgs, name: string, options: StoryStoreOptions = {}): TemplateResult {
  const key = storyStore(name, { gpc: args.gpc, ...options });
  // A page behind the banner, with the site's own persistent "Privacy choices" link.
  return html`<div style="min-block-size: 32rem">
    <h1>Example page</h1>
    <p>Page content. The banner is fixed to the bottom of the viewport and takes no space here.</p>
    <p><a href="/privacy" data-candor-preferences=${key}>Privacy choices</a></p>
    <candor-banner
      store-key=${key}
      purposes=${args.purposes}
      policy-version=${args.policyVersion}
      policy-url=${args.policyUrl}
      policy-updated=${args.policyUpdated}
      policy-summary=${ifDefined(args.policySummary || undefined)}
      expires-after-days=${args.expiresAfterDays}
      ?modal=${args.modal}
      ?privacy-button=${args.privacyButton}
    ></candor-banner>
    <candor-preferences store-key=${key}></candor-preferences>
  </div>`;
}

const bannerIn = (canvas: HTMLElement) => canvas.querySelector('candor-banner') as CandorBanner;
const partOf = (element: Element, name: string) => element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Clicks one of the banner's choices and waits for the confirmation. */
async function choose(canvas: HTMLElement, choice: 'accept-button' | 'reject-button'): Promise<void> {
  const banner = bannerIn(canvas);
  await banner.updateComplete;
  partOf(banner, choice)!.click();
  await waitFor(() => {
    if (!partOf(banner, 'confirmation')) throw new Error('no confirmation yet');
  });
}

const meta: Meta<BannerArgs> = {
  title: 'Elements/candor-banner',
  component: 'candor-banner',
  args: {
    purposes: ALL_PURPOSES,
    policyVersion: '2026-11',
    policyUrl: '/privacy',
    policyUpdated: '2026-11-01',
    policySummary: '',
    expiresAfterDays: 182,
    modal: false,
    privacyButton: true,
    gpc: false,
  },
  // Descriptions, types and defaults of the element's own properties come from its JSDoc
  // (the Custom Elements Manifest). The story keeps each render's consent store in memory,
  // so the store settings are documented but not controls here.
  argTypes: {
    gpc: { description: 'The visitor’s browser sends Global Privacy Control.', table: { category: 'story settings' } },
    storeKey: { control: false },
    storage: { control: false },
    policySource: { control: false },
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      // Each story in its own frame: banners are fixed to the viewport and a modal one blocks the page.
      story: { inline: false, iframeHeight: 560 },
    },
  },
};
export default meta;
type Story = StoryObj<BannerArgs>;

/** A first visit: nothing is on until the visitor chooses. */
export const FirstVisit: Story = {
  render: (args) => renderBanner(args, 'banner-first-visit'),
};

/** The policy changed since the visitor chose: what changed, and which earlier choices still apply. */
export const PolicyChanged: Story = {
  render: (args) =>
    renderBanner(args, 'banner-policy-changed', {
      earlier: {
        policy: storyPolicy('necessary personalization analytics', '2026-03'),
        decide: (store) => store.set({ analytics: true, personalization: false }, { source: 'banner' }),
      },
    }),
};

/** The browser sends Global Privacy Control: the banner says so and names what stays off. */
export const GlobalPrivacyControl: Story = {
  args: { gpc: true },
  render: (args) => renderBanner(args, 'banner-gpc'),
};

/** After a choice: the confirmation has focus and is announced; the visitor can change or hide it. */
export const Confirmation: Story = {
  render: (args) => renderBanner(args, 'banner-confirmation'),
  play: async ({ canvasElement }) => choose(canvasElement, 'reject-button'),
};

/** `modal`: the same content in a native modal dialog; focus starts on the heading, not on a choice. */
/** The browser would not store the choice: the banner says it applies to this page only, never "saved". */
export const ConfirmationNotSaved: Story = {
  render: (args) => renderBanner(args, 'banner-confirmation-not-saved', { storageRefuses: true }),
  play: async ({ canvasElement }) => choose(canvasElement, 'accept-button'),
};

export const Modal: Story = {
  args: { modal: true },
  render: (args) => renderBanner(args, 'banner-modal'),
};

/** The modal variant after a choice. */
export const ModalConfirmation: Story = {
  args: { modal: true },
  render: (args) => renderBanner(args, 'banner-modal-confirmation'),
  play: async ({ canvasElement }) => choose(canvasElement, 'accept-button'),
};

/** A returning visitor: no banner, only the persistent "Privacy choices" button in its corner. */
export const PrivacyButton: Story = {
  render: (args) =>
    renderBanner(args, 'banner-privacy-button', {
      earlier: {
        policy: storyPolicy(args.purposes, args.policyVersion),
        decide: (store) => store.rejectAll({ source: 'banner' }),
      },
    }),
};
