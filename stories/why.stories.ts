import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/define/candor-why.js';
import type { CandorWhy } from '../src/why/why.js';
import type { Explanation } from '../src/why/why.types.js';
import { getConsentStore } from '../src/core/index.js';
import type { CandorExplanationControlEvent } from '../src/events/explanation-control.js';
import type { CandorExplanationRequestEvent } from '../src/events/explanation-request.js';
import { ad, recommendation } from './fixtures/explanations.js';

interface WhyArgs {
  itemId: string;
  itemLabel: string;
  kind: 'recommendation' | 'ad';
  timeout: number;
  /** Documented from the manifest; each story keeps its own store. */
  storeKey?: string;
}

/**
 * Each story gets its own in-memory consent store with personalization on (a story
 * must not change another's state, nor the browser's storage).
 */
function storyStore(key: string, personalization = true): string {
  const store = getConsentStore({ key });
  store.configure({ policy: { version: 'story-1', purposes: ['necessary', 'personalization', 'advertising'] }, storage: 'memory' });
  if (personalization !== store.isGranted('personalization')) {
    if (personalization) store.acceptAll();
    else store.rejectAll();
  }
  return key;
}

interface Setup {
  store: string;
  /** Whether the visitor allows personalization (default: yes). */
  personalization?: boolean;
  explanation?: Explanation;
  onRequest?: (event: CandorExplanationRequestEvent) => void;
  onControl?: (event: CandorExplanationControlEvent) => void;
}

function renderWhy(args: WhyArgs, setup: Setup): TemplateResult {
  // Room below the trigger, so the open popover sits inside the story's canvas.
  return html`<div style="min-block-size: 36rem">
    <p>Trail running shoes, €89 <candor-why
      item-id=${args.itemId}
      item-label=${args.itemLabel}
      kind=${args.kind}
      timeout=${args.timeout}
      store-key=${storyStore(setup.store, setup.personalization ?? true)}
      .explanation=${setup.explanation}
      @candor-explanation-request=${setup.onRequest ?? (() => {})}
      @candor-explanation-control=${setup.onControl ?? (() => {})}
    ></candor-why></p>
  </div>`;
}

const why = (canvas: HTMLElement) => canvas.querySelector('candor-why') as CandorWhy;
const statusOf = (el: CandorWhy) => el.shadowRoot!.querySelector('[part="status"]');

async function open(canvas: HTMLElement): Promise<CandorWhy> {
  const el = why(canvas);
  await el.updateComplete;
  await el.show();
  await waitFor(() => {
    if (!el.open) throw new Error('the popover did not open');
  });
  return el;
}

/** Uses a control and waits for the outcome by its tone, not its words (the story runs in every locale). */
async function useControl(canvas: HTMLElement, action: string, tone: 'success' | 'failure'): Promise<void> {
  const el = await open(canvas);
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
  await waitFor(() => {
    const status = statusOf(el);
    if (!status?.classList.contains(tone) || !status.textContent?.trim()) throw new Error(`status is "${status?.textContent?.trim()}"`);
  });
}

const meta: Meta<WhyArgs> = {
  title: 'Elements/candor-why',
  component: 'candor-why',
  args: { itemId: 'shoe-42', itemLabel: 'Trail running shoes', kind: 'recommendation', timeout: 8000 },
  // Descriptions, types, defaults and the `kind` options come from the element's JSDoc. Each
  // story keeps its own consent store, so `store-key` is documented but not a control here.
  argTypes: {
    timeout: { control: { type: 'number', min: 0, step: 500 } },
    storeKey: { control: false },
  },
};
export default meta;
type Story = StoryObj<WhyArgs>;

/** Idle: only the trigger is rendered; the popover is built on first use. */
export const Closed: Story = {
  render: (args) => renderWhy(args, { store: 'story-why-closed', explanation: recommendation }),
};

/** Waiting for the host's answer to `candor-explanation-request`. */
export const Loading: Story = {
  render: (args) =>
    renderWhy(args, { store: 'story-why-loading', onRequest: (event) => event.respondWith(new Promise(() => {})) }),
  play: async ({ canvasElement }) => {
    await open(canvasElement);
  },
};

/** A recommendation with weighted reasons, the data used and the main-parameters link. */
export const Recommendation: Story = {
  render: (args) => renderWhy(args, { store: 'story-why-recommendation', explanation: recommendation }),
  play: async ({ canvasElement }) => {
    await open(canvasElement);
  },
};

/** A paid placement: who it is shown for and who paid (EU DSA Art. 26). */
export const AdWithSponsor: Story = {
  args: { kind: 'ad', itemLabel: 'Velo Shop ad' },
  render: (args) => renderWhy(args, { store: 'story-why-ad', explanation: ad }),
  play: async ({ canvasElement }) => {
    await open(canvasElement);
  },
};

/** Not every main reason is listed: the popover says how many are left out. */
export const IncompleteReasons: Story = {
  render: (args) =>
    renderWhy(args, { store: 'story-why-incomplete', explanation: { ...recommendation, reasons: recommendation.reasons.slice(0, 1), omittedReasons: 3 } }),
  play: async ({ canvasElement }) => {
    await open(canvasElement);
  },
};

/** The host's answer failed: an error with Try again. */
export const LoadFailed: Story = {
  name: 'Error',
  render: (args) =>
    renderWhy(args, { store: 'story-why-error', onRequest: (event) => event.respondWith(Promise.reject(new Error('offline'))) }),
  play: async ({ canvasElement }) => {
    const el = await open(canvasElement);
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('[part="retry-button"]')) throw new Error('no Retry yet');
    });
  },
};

/** The visitor chose "Not interested in cycling" and the host confirmed it. */
export const ControlAcknowledged: Story = {
  render: (args) =>
    renderWhy(args, { store: 'story-why-acknowledged', explanation: recommendation, onControl: (event) => event.respondWith(Promise.resolve()) }),
  play: async ({ canvasElement }) => {
    await useControl(canvasElement, 'not-interested', 'success');
  },
};

/** The host could not carry out "Hide this item": the popover says nothing changed. */
export const ControlFailed: Story = {
  render: (args) =>
    renderWhy(args, {
      store: 'story-why-failed',
      explanation: recommendation,
      onControl: (event) => event.respondWith(Promise.reject(new Error('503'))),
    }),
  play: async ({ canvasElement }) => {
    await useControl(canvasElement, 'hide-item', 'failure');
  },
};

/** The visitor has turned personalization off: the popover says so plainly. */
export const PersonalizationOff: Story = {
  render: (args) =>
    renderWhy(args, {
      store: 'story-why-off',
      personalization: false,
      explanation: { ...recommendation, reasons: [{ kind: 'popularity', label: 'Popular with all readers this week' }] },
    }),
  play: async ({ canvasElement }) => {
    await open(canvasElement);
  },
};
