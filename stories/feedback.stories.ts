import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/define/candor-feedback.js';
import type { CandorFeedback } from '../src/feedback/feedback.js';
import type { FeedbackVariant } from '../src/feedback/feedback.types.js';
import type { CandorFeedbackEvent } from '../src/events/feedback.js';
import type { CandorFeedbackUndoEvent } from '../src/events/feedback-undo.js';

interface FeedbackArgs {
  itemLabel: string;
  variant: FeedbackVariant;
  commentMaxLength: number;
}

const acknowledge = (event: CandorFeedbackEvent | CandorFeedbackUndoEvent) => event.respondWith(Promise.resolve());

function renderFeedback(args: FeedbackArgs, onFeedback: (event: CandorFeedbackEvent) => void = acknowledge): TemplateResult {
  return html`<article style="max-inline-size: 36rem">
    <p>Trail running shoes, €89</p>
    <candor-feedback
      item-id="shoe-42"
      item-label=${args.itemLabel}
      variant=${args.variant}
      comment-max-length=${args.commentMaxLength}
      @candor-feedback=${onFeedback}
      @candor-feedback-undo=${acknowledge}
    ></candor-feedback>
  </article>`;
}

const feedback = (canvas: HTMLElement) => canvas.querySelector('candor-feedback') as CandorFeedback;
const part = <T extends HTMLElement>(el: CandorFeedback, name: string) => el.shadowRoot!.querySelector<T>(`[part="${name}"]`);

async function untilStatus(el: CandorFeedback, expected: string): Promise<void> {
  await waitFor(() => {
    const status = part(el, 'status')?.textContent?.trim();
    if (status !== expected) throw new Error(`status is "${status}"`);
  });
}

const meta: Meta<FeedbackArgs> = {
  title: 'Elements/candor-feedback',
  component: 'candor-feedback',
  args: { itemLabel: 'Trail running shoes', variant: 'inline', commentMaxLength: 500 },
  argTypes: {
    variant: { control: 'inline-radio', options: ['inline', 'compact'] },
    commentMaxLength: { control: { type: 'number', min: 1 } },
  },
  render: (args) => renderFeedback(args),
  parameters: {
    docs: {
      description: {
        component:
          'Helpful / not helpful feedback on one item. The host confirms `candor-feedback` (and `candor-feedback-undo`) with `event.respondWith(promise)`; the widget announces the outcome.',
      },
    },
  },
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
    await untilStatus(el, 'Thank you. Your feedback was sent.');
  },
};

/** Sent, then withdrawn with Undo. */
export const Undone: Story = {
  play: async ({ canvasElement }) => {
    const el = feedback(canvasElement);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'helpful-button')!.click();
    await untilStatus(el, 'Thank you. Your feedback was sent.');
    part<HTMLButtonElement>(el, 'undo-button')!.click();
    await untilStatus(el, 'Your feedback was withdrawn.');
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
    await untilStatus(el, 'Your feedback could not be sent.');
  },
};

/** The host declined the feedback with its own reason. */
export const Declined: Story = {
  render: (args) => renderFeedback(args, (event) => event.respondWith({ ok: false, message: 'Feedback is closed for sold-out items.' })),
  play: async ({ canvasElement }) => {
    const el = feedback(canvasElement);
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'helpful-button')!.click();
    await untilStatus(el, 'The site did not accept your feedback: Feedback is closed for sold-out items.');
  },
};
