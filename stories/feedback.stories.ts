import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/define/candor-feedback.js';
import type { CandorFeedback } from '../src/feedback/feedback.js';
import type { FeedbackVariant } from '../src/feedback/feedback.types.js';
import type { CandorFeedbackEvent } from '../src/events/feedback.js';
import type { CandorFeedbackUndoEvent } from '../src/events/feedback-undo.js';

interface FeedbackArgs {
  itemId: string;
  itemLabel: string;
  variant: FeedbackVariant;
  commentMaxLength: number;
  timeout: number;
}

const acknowledge = (event: CandorFeedbackEvent | CandorFeedbackUndoEvent) => event.respondWith(Promise.resolve());

function renderFeedback(args: FeedbackArgs, onFeedback: (event: CandorFeedbackEvent) => void = acknowledge): TemplateResult {
  return html`<article style="max-inline-size: 36rem">
    <p>Trail running shoes, €89</p>
    <candor-feedback
      item-id=${args.itemId}
      item-label=${args.itemLabel}
      variant=${args.variant}
      comment-max-length=${args.commentMaxLength}
      timeout=${args.timeout}
      @candor-feedback=${onFeedback}
      @candor-feedback-undo=${acknowledge}
    ></candor-feedback>
  </article>`;
}

const feedback = (canvas: HTMLElement) => canvas.querySelector('candor-feedback') as CandorFeedback;
const part = <T extends HTMLElement>(el: CandorFeedback, name: string) => el.shadowRoot!.querySelector<T>(`[part="${name}"]`);

/**
 * Waits until the live region reports an outcome (its class names the widget's phase).
 * Not its words: the story runs in every locale of the toolbar.
 */
async function untilOutcome(el: CandorFeedback, phase: 'sent' | 'failed' | 'declined' | 'idle'): Promise<void> {
  await waitFor(() => {
    const status = part(el, 'status');
    if (!status?.classList.contains(phase) || !status.textContent?.trim()) throw new Error(`status is "${status?.className}": "${status?.textContent?.trim()}"`);
  });
}

const meta: Meta<FeedbackArgs> = {
  title: 'Elements/candor-feedback',
  component: 'candor-feedback',
  args: { itemId: 'shoe-42', itemLabel: 'Trail running shoes', variant: 'inline', commentMaxLength: 500, timeout: 8000 },
  // Descriptions, types, defaults and the `variant` options come from the element's JSDoc.
  argTypes: {
    commentMaxLength: { control: { type: 'number', min: 1 } },
    timeout: { control: { type: 'number', min: 0, step: 500 } },
  },
  render: (args) => renderFeedback(args),
};
export default meta;
type Story = StoryObj<FeedbackArgs>;

/** Nothing chosen yet. */
export const Initial: Story = {};

/** The compact variant: icon buttons, the question for screen readers only. */
export const Compact: Story = { args: { variant: 'compact' } };

/** "Not helpful" pressed: the reasons and the optional comment. */
export const ReasonsOpen: Story = {
  play: async ({ canvasElement }) => {
    const el = feedback(canvasElement);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'not-helpful-button')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="too-often"]')!.click();
    await el.updateComplete;
  },
};

/** Sent and acknowledged by the host, with Undo. */
export const Submitted: Story = {
  play: async ({ canvasElement }) => {
    const el = feedback(canvasElement);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'helpful-button')!.click();
    await untilOutcome(el, 'sent');
  },
};

/** Sent, then withdrawn with Undo. */
export const Undone: Story = {
  play: async ({ canvasElement }) => {
    const el = feedback(canvasElement);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'helpful-button')!.click();
    await untilOutcome(el, 'sent');
    part<HTMLButtonElement>(el, 'undo-button')!.click();
    await untilOutcome(el, 'idle');
  },
};

/** The host's answer failed: the widget says so and offers Try again. */
export const Failed: Story = {
  render: (args) => renderFeedback(args, (event) => event.respondWith(Promise.reject(new Error('503')))),
  play: async ({ canvasElement }) => {
    const el = feedback(canvasElement);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'not-helpful-button')!.click();
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await untilOutcome(el, 'failed');
  },
};

/** The host declined the feedback with its own reason. */
export const Declined: Story = {
  render: (args) => renderFeedback(args, (event) => event.respondWith({ ok: false, message: 'Feedback is closed for sold-out items.' })),
  play: async ({ canvasElement }) => {
    const el = feedback(canvasElement);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'helpful-button')!.click();
    await untilOutcome(el, 'declined');
  },
};
