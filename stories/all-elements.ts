// One page with all four elements, as a site would use them together: a product with its
// "Why am I seeing this?" and feedback widget, the site's own way back to the privacy
// center, the banner and the privacy center. Shared by the theming playground and the
// event log. Every request the elements send is answered, as a connected site would.
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/define/candor-banner.js';
import '../src/define/candor-feedback.js';
import '../src/define/candor-preferences.js';
import '../src/define/candor-why.js';
import type { CandorBanner } from '../src/banner/banner.js';
import type { CandorDataRequestEvent } from '../src/events/data-request.js';
import type { CandorExplanationControlEvent } from '../src/events/explanation-control.js';
import type { CandorExplanationRequestEvent } from '../src/events/explanation-request.js';
import type { CandorFeedbackEvent } from '../src/events/feedback.js';
import type { CandorFeedbackUndoEvent } from '../src/events/feedback-undo.js';
import type { CandorInterestsRequestEvent } from '../src/events/interests-request.js';
import type { CandorProfileEditEvent } from '../src/events/profile-edit.js';
import type { CandorFeedback } from '../src/feedback/feedback.js';
import type { CandorPreferences } from '../src/preferences/preferences.js';
import type { CandorWhy } from '../src/why/why.js';
import { ALL_PURPOSES, storyStore } from './consent-story-store.js';
import { recommendation } from './fixtures/explanations.js';

const interests = [
  { id: 'cycling', label: 'Cycling', source: 'Articles you read', weight: 0.8 },
  { id: 'trail-running', label: 'Trail running', source: 'You told us', weight: 0.4 },
];

const acknowledge = (event: CandorFeedbackEvent | CandorFeedbackUndoEvent | CandorExplanationControlEvent | CandorProfileEditEvent) =>
  event.respondWith(Promise.resolve());

/**
 * The story's consent store key. A re-render (a control or toolbar change) keeps the key
 * the page already shows, so the visitor's answers in the story survive it; a fresh mount
 * starts with a new store and the banner asks again.
 */
function storeKeyFor(canvas: HTMLElement, name: string): string {
  const shown = canvas.querySelector('candor-banner')?.getAttribute('store-key');
  return shown?.startsWith(`story-${name}-`) ? shown : storyStore(name);
}

/** All four elements on one page; `name` keeps each story's consent store apart. */
export function renderAllElements(canvas: HTMLElement, name: string): TemplateResult {
  const key = storeKeyFor(canvas, name);
  // Two cards side by side, so the open popover (below its trigger) and the feedback form
  // (below its buttons) are both in view; room at the end for the banner fixed to the bottom.
  return html`<div style="display: grid; gap: 1.5rem; max-inline-size: 64rem; padding: 1.5rem; padding-block-end: 24rem; font-family: system-ui, sans-serif">
    <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 1.5rem; align-items: start">
    <article style="display: grid; gap: 0.5rem" aria-labelledby="all-elements-item">
      <h2 id="all-elements-item" style="margin: 0; font-size: 1.25rem">Trail running shoes, €89</h2>
      <p style="margin: 0">
        Recommended for you.
        <candor-why
          item-id="shoe-42"
          item-label="Trail running shoes"
          kind="recommendation"
          store-key=${key}
          @candor-explanation-request=${(event: CandorExplanationRequestEvent) => event.respondWith(Promise.resolve(recommendation))}
          @candor-explanation-control=${acknowledge}
        ></candor-why>
      </p>
    </article>
    <article style="display: grid; gap: 0.5rem" aria-labelledby="all-elements-article">
      <h2 id="all-elements-article" style="margin: 0; font-size: 1.25rem">Ten quiet trails for a first ultra</h2>
      <candor-feedback item-id="article-7" item-label="Ten quiet trails for a first ultra" @candor-feedback=${acknowledge} @candor-feedback-undo=${acknowledge}></candor-feedback>
    </article>
    </div>
    <p style="margin: 0"><a href="/privacy" data-candor-preferences=${key}>Privacy choices</a></p>
    <candor-banner
      store-key=${key}
      purposes=${ALL_PURPOSES}
      policy-version="2026-11"
      policy-url="/privacy"
      policy-updated="2026-11-01"
      privacy-button
    ></candor-banner>
    <candor-preferences
      store-key=${key}
      @candor-data-request=${(event: CandorDataRequestEvent) =>
        event.respondWith(Promise.resolve({ message: 'We will email you within 30 days.' }))}
      @candor-interests-request=${(event: CandorInterestsRequestEvent) => event.respondWith(Promise.resolve(interests))}
      @candor-profile-edit=${acknowledge}
    ></candor-preferences>
  </div>`;
}

export const elementIn = <T extends Element>(canvas: HTMLElement, tag: string): T => {
  const element = canvas.querySelector<T>(tag);
  if (!element) throw new Error(`<${tag}> is not in the story`);
  return element;
};

/** Opens the "why" popover and waits until it shows the explanation. */
export async function openWhy(canvas: HTMLElement): Promise<CandorWhy> {
  const why = elementIn<CandorWhy>(canvas, 'candor-why');
  await why.updateComplete;
  await why.show();
  await waitFor(() => {
    if (!why.shadowRoot?.querySelector('[part="headline"]')) throw new Error('the explanation is not shown yet');
  });
  return why;
}

/** Presses "Not helpful", so the reasons and the comment field show. */
export async function openFeedbackReasons(canvas: HTMLElement): Promise<CandorFeedback> {
  const feedback = elementIn<CandorFeedback>(canvas, 'candor-feedback');
  await feedback.updateComplete;
  feedback.shadowRoot?.querySelector<HTMLButtonElement>('[part="not-helpful-button"]')?.click();
  await feedback.updateComplete;
  return feedback;
}

/** Opens the privacy center. */
export async function openPreferences(canvas: HTMLElement): Promise<CandorPreferences> {
  const panel = elementIn<CandorPreferences>(canvas, 'candor-preferences');
  await panel.updateComplete;
  await panel.show();
  await panel.updateComplete;
  return panel;
}

/** Waits until the banner has rendered its choices. */
export async function bannerShown(canvas: HTMLElement): Promise<CandorBanner> {
  const banner = elementIn<CandorBanner>(canvas, 'candor-banner');
  await waitFor(() => {
    if (!banner.shadowRoot?.querySelector('[part~="base"], [part~="privacy-button"]')) throw new Error('the banner is not shown yet');
  });
  return banner;
}
