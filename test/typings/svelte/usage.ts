// Svelte 5 usage of every Candor element and event, through the `svelte/elements`
// augmentation shipped as `candor/svelte` (dist/frameworks/svelte.d.ts). svelte-check turns
// `<candor-feedback item-id="a" oncandor-feedback={send} />` into a check of that object
// against `SvelteHTMLElements['candor-feedback']`; these objects are checked the same way.
// Each `@ts-expect-error` line is a mistake the typings must refuse.
import type {} from 'candor/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { Acknowledgement, ConsentChangeDetail, Explanation, FeedbackDetail, Interest } from 'candor';

type Attributes<Tag extends keyof SvelteHTMLElements> = SvelteHTMLElements[Tag];
declare function post(path: string, body: unknown): Promise<Acknowledgement>;
declare const explanation: Explanation;

export const banner: Attributes<'candor-banner'> = {
  purposes: 'necessary analytics',
  'policy-version': '2026-11',
  policyUrl: '/privacy',
  'privacy-button': true,
  theme: 'dark',
  class: 'site-banner',
  'oncandor-consent-change': (event) => {
    const detail: ConsentChangeDetail = event.detail;
    void post('/api/consent', detail);
  },
  'oncandor-preferences-request': (event) => console.log(event.detail.section),
};

export const preferences: Attributes<'candor-preferences'> = {
  'store-key': 'candor-consent',
  open: false,
  'oncandor-consent-change': (event) => console.log(event.detail.persisted),
  'oncandor-data-request': (event) => event.respondWith(post(`/api/privacy/${event.detail.kind}`, event.detail)),
  'oncandor-interests-request': (event) =>
    event.respondWith(fetch('/api/interests').then((response) => response.json() as Promise<Interest[]>)),
  'oncandor-profile-edit': (event) => event.respondWith(post('/api/profile', event.detail)),
};

export const why: Attributes<'candor-why'> = {
  'item-id': 'sku-42',
  'item-label': 'Trail shoes',
  kind: 'recommendation',
  explanation,
  'oncandor-explanation-request': (event) =>
    event.respondWith(fetch(`/api/why/${event.detail.itemId}`).then((response) => response.json() as Promise<Explanation>)),
  'oncandor-explanation-control': (event) => event.respondWith(post('/api/controls', event.detail)),
  'oncandor-explanation-rating': (event) => console.log(event.detail.helpful),
  'oncandor-preferences-request': (event) => console.log(event.detail.storeKey),
  'oncandor-consent-change': (event) => console.log(event.detail.source),
};

export const feedback: Attributes<'candor-feedback'> = {
  'item-id': 'sku-42',
  variant: 'inline',
  'comment-max-length': 280,
  'oncandor-feedback': (event) => {
    const detail: FeedbackDetail = event.detail;
    event.respondWith(post('/api/feedback', detail));
  },
  'oncandor-feedback-undo': (event) => event.respondWith(post('/api/feedback/undo', event.detail)),
};

// What the typings refuse.
export const refused: Attributes<'candor-feedback'>[] = [
  // @ts-expect-error: variant is inline or compact
  { variant: 'large' },
  // @ts-expect-error: comment-max-length is a number
  { 'comment-max-length': 'long' },
  // @ts-expect-error: "blue" is not a theme
  { theme: 'blue' },
  {
    'oncandor-feedback': (event) => {
      // @ts-expect-error: FeedbackDetail has no rating
      console.log(event.detail.rating);
    },
  },
];
// @ts-expect-error: storage is local, cookie or memory
export const badBanner: Attributes<'candor-banner'> = { storage: 'session' };
// @ts-expect-error: Svelte would write "false", which reads as present: use privacyButton={false}
export const falseAttribute: Attributes<'candor-banner'> = { 'privacy-button': false };
export const falseProperty: Attributes<'candor-banner'> = { privacyButton: false, modal: true };
export const badWhy: Attributes<'candor-why'> = {
  'oncandor-explanation-request': (event) => {
    // @ts-expect-error: the answer must be an Explanation
    event.respondWith({ headline: 'Because' });
  },
};
