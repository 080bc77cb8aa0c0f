import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import { getConsentStore, type ConsentStore } from '../src/core/index.js';
import '../src/define/candor-preferences.js';
import type { CandorDataRequestEvent, DataRequestAnswer } from '../src/events/data-request.js';
import type { CandorPreferences } from '../src/preferences/preferences.js';
import { ALL_PURPOSES, storyPolicy, storyStore, type StoryStoreOptions } from './consent-story-store.js';

interface PreferencesArgs {
  /** Purposes of the story's policy, by preset id. */
  purposes: string;
  policyVersion: string;
  /** The site's own summary at the top of the panel; empty for the built-in one. */
  summary: string;
  /** Global Privacy Control in the visitor's browser. */
  gpc: boolean;
  /** Where the panel opens: `history`, `data` or a purpose id. */
  section: string;
  /** Documented from the manifest; the story manages the store and opens the panel itself. */
  storeKey?: string;
  open?: boolean;
}

interface Setup extends StoryStoreOptions {
  /** Decisions the visitor made on this page before the story (each one a history entry). */
  decide?: (store: ConsentStore) => void;
  /** How the host answers data requests; leave out for a site that has not connected them. */
  answer?: () => Promise<DataRequestAnswer>;
}

function renderPreferences(args: PreferencesArgs, name: string, setup: Setup = {}): TemplateResult {
  const key = storyStore(name, { gpc: args.gpc, ...setup });
  const store = getConsentStore({ key });
  store.configure({ policy: storyPolicy(args.purposes, args.policyVersion, args.summary ? { summary: args.summary } : {}) });
  setup.decide?.(store);
  const onDataRequest = (event: CandorDataRequestEvent) => {
    if (setup.answer) event.respondWith(setup.answer());
  };
  // Room for the dialog, and a page behind it with the site's own way back in.
  return html`<div style="min-block-size: 40rem">
    <p><a href="/privacy" data-candor-preferences=${key}>Privacy choices</a></p>
    <candor-preferences store-key=${key} @candor-data-request=${onDataRequest}></candor-preferences>
  </div>`;
}

const panelIn = (canvas: HTMLElement) => canvas.querySelector('candor-preferences') as CandorPreferences;
const partOf = (element: Element, name: string) => element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

async function open(canvas: HTMLElement, section?: string): Promise<CandorPreferences> {
  const panel = panelIn(canvas);
  await panel.updateComplete;
  await panel.show(section ? { section } : {});
  await panel.updateComplete;
  return panel;
}

/**
 * Opens the panel, clicks a data-request button and waits until `shown` holds. The outcome
 * is told by what is on screen, not by built-in words: the story runs in every locale.
 */
async function requestData(
  canvas: HTMLElement,
  button: 'access-button' | 'delete-button',
  shown: (status: HTMLElement, panel: CandorPreferences) => boolean,
): Promise<void> {
  const panel = await open(canvas, 'data');
  partOf(panel, button)!.click();
  if (button === 'delete-button') {
    await panel.updateComplete;
    partOf(panel, 'confirm-delete-button')!.click();
  }
  await waitFor(() => {
    const status = partOf(panel, 'data-status');
    if (!status || !status.textContent?.trim() || !shown(status, panel)) throw new Error(`status is "${status?.textContent?.trim()}"`);
  });
}

const meta: Meta<PreferencesArgs> = {
  title: 'Elements/candor-preferences',
  component: 'candor-preferences',
  args: { purposes: ALL_PURPOSES, policyVersion: '2026-11', summary: '', gpc: false, section: '' },
  argTypes: {
    purposes: { description: 'Purposes of the policy, by preset id.', table: { category: 'story settings' } },
    policyVersion: { description: 'The policy version.', table: { category: 'story settings' } },
    summary: { description: 'The site’s own summary.', table: { category: 'story settings' } },
    gpc: { description: 'The visitor’s browser sends Global Privacy Control.', table: { category: 'story settings' } },
    section: { description: '`show({ section })`: `history`, `data` or a purpose id.', table: { category: 'story settings' } },
    // The element's own properties come from its JSDoc. Each story keeps its own consent
    // store and opens the panel in its play function, so these are documented, not controls.
    storeKey: { control: false },
    open: { control: false },
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      // Each story in its own frame: an open modal dialog blocks the page it is in.
      story: { inline: false, iframeHeight: 720 },
    },
  },
};
export default meta;
type Story = StoryObj<PreferencesArgs>;

/** Open on a first visit: every optional switch off, required purposes "Always on". */
export const FirstVisit: Story = {
  render: (args) => renderPreferences(args, 'preferences-first-visit'),
  play: async ({ canvasElement, args }) => void (await open(canvasElement, args.section || undefined)),
};

/** A purpose's disclosure expanded: data used, retention, recipients, legal basis. */
export const DisclosureExpanded: Story = {
  args: { section: 'advertising' },
  render: (args) => renderPreferences(args, 'preferences-disclosure'),
  play: async ({ canvasElement, args }) => void (await open(canvasElement, args.section || undefined)),
};

/** After a policy change, with Global Privacy Control on: earlier choices shown, the signal explained. */
export const PolicyChangedWithGpc: Story = {
  args: { gpc: true },
  render: (args) =>
    renderPreferences(args, 'preferences-policy-changed', {
      earlier: {
        policy: storyPolicy('necessary analytics personalization', '2026-03'),
        decide: (store) => store.set({ analytics: true }, { source: 'banner' }),
      },
    }),
  play: async ({ canvasElement }) => void (await open(canvasElement)),
};

/** The consent history: when, how and what changed, newest first. */
export const HistoryShown: Story = {
  args: { section: 'history' },
  render: (args) =>
    renderPreferences(args, 'preferences-history', {
      decide: (store) => {
        store.acceptAll({ source: 'banner' });
        store.set({ analytics: false }, { source: 'preferences' });
        store.set({ personalization: false, advertising: false }, { source: 'why' });
      },
    }),
  play: async ({ canvasElement, args }) => void (await open(canvasElement, args.section || undefined)),
};

/** "Turn off personalization" was used: one click, and the same control turns it back on. */
export const PersonalizationTurnedOff: Story = {
  render: (args) => renderPreferences(args, 'preferences-personalization-off', { decide: (store) => store.acceptAll({ source: 'banner' }) }),
  play: async ({ canvasElement }) => {
    const panel = await open(canvasElement);
    partOf(panel, 'personalization-button')!.click();
    await panel.updateComplete;
  },
};

/** A data request waiting for the host's answer. */
export const DataRequestPending: Story = {
  render: (args) => renderPreferences(args, 'preferences-data-pending', { answer: () => new Promise(() => {}) }),
  play: async ({ canvasElement }) => requestData(canvasElement, 'access-button', (_status, panel) => partOf(panel, 'access-button')?.getAttribute('aria-disabled') === 'true'),
};

/** The host answered: its message (as text) and a link to the copy. */
export const DataRequestDone: Story = {
  render: (args) =>
    renderPreferences(args, 'preferences-data-done', {
      answer: async () => ({ message: 'We will email a copy of your data within 30 days.', url: '/account/data-export' }),
    }),
  // The host's own message and link, shown as given.
  play: async ({ canvasElement }) => requestData(canvasElement, 'access-button', (status) => (status.textContent ?? '').includes('within 30 days')),
};

/** The host's answer failed: a plain message and Try again. */
export const DataRequestFailed: Story = {
  render: (args) => renderPreferences(args, 'preferences-data-failed', { answer: () => Promise.reject(new Error('offline')) }),
  play: async ({ canvasElement }) => requestData(canvasElement, 'delete-button', (_status, panel) => partOf(panel, 'retry-button') !== null),
};

/** A site that has not wired data requests: the panel says it cannot take them yet, instead of pretending. */
export const DataRequestNotConnected: Story = {
  render: (args) => renderPreferences(args, 'preferences-data-unhandled'),
  // The panel points to the privacy policy for contacting the site instead.
  play: async ({ canvasElement }) => requestData(canvasElement, 'access-button', (status) => status.querySelector('a[href="/privacy"]') !== null),
};

/** "Delete my data" asks first; Escape closes only this confirmation. */
export const DeleteConfirmation: Story = {
  render: (args) => renderPreferences(args, 'preferences-delete-confirmation'),
  play: async ({ canvasElement }) => {
    const panel = await open(canvasElement, 'data');
    partOf(panel, 'delete-button')!.click();
    await panel.updateComplete;
  },
};
