// React 19 usage of every Candor element and event, type-checked by scripts/check-typings.mjs
// against the built typings (`candor/react` → dist/frameworks/react.d.ts). Each
// `@ts-expect-error` line is a mistake the typings must refuse: if one stops being an
// error, tsc reports the unused directive and the check fails.
import type {} from 'candor/react';
import { useRef } from 'react';
import type {
  Acknowledgement,
  CandorFeedback,
  CandorWhy,
  ConsentChangeDetail,
  DataRequestKind,
  Explanation,
  ExplanationAction,
  FeedbackDetail,
  FeedbackUndoDetail,
  Interest,
  PreferencesRequestDetail,
} from 'candor';

declare function post(path: string, body: unknown): Promise<Acknowledgement>;

export function Shop({ explanation, interests }: { explanation: Explanation; interests: Interest[] }) {
  const feedback = useRef<CandorFeedback>(null);
  const why = useRef<CandorWhy>(null);
  return (
    <>
      {/* Attributes under their HTML names and properties under their own: both typed. */}
      <candor-banner
        purposes="necessary personalization analytics"
        policy-version="2026-11"
        policyUrl="/privacy"
        policy-updated="2026-11-01"
        expires-after-days={180}
        storage="cookie"
        privacy-button
        modal={false}
        theme="high-contrast"
        policy={{ version: '2026-11', purposes: ['necessary', 'analytics'] }}
        oncandor-consent-change={(event) => {
          const detail: ConsentChangeDetail = event.detail;
          void post('/api/consent', { receipt: detail.receiptId, analytics: detail.decisions.analytics });
        }}
        oncandor-preferences-request={(event) => {
          const detail: PreferencesRequestDetail = event.detail;
          console.log(detail.section ?? 'top');
        }}
      />
      <candor-preferences
        store-key="candor-consent"
        theme="auto"
        interests={interests}
        oncandor-consent-change={(event) => console.log(event.detail.changed.join(', '))}
        oncandor-data-request={(event) => {
          const kind: DataRequestKind = event.detail.kind;
          event.respondWith(post(`/api/privacy/${kind}`, event.detail).then(() => ({ message: 'Done', url: '/copy.json' })));
        }}
        oncandor-interests-request={(event) => event.respondWith(fetch(`/api/interests?lang=${event.detail.locale}`).then((response) => response.json() as Promise<Interest[]>))}
        oncandor-profile-edit={(event) => event.respondWith(post('/api/profile', { id: event.detail.interestId, action: event.detail.action }))}
      />
      <candor-why
        ref={why}
        item-id="sku-42"
        itemLabel="Trail shoes"
        kind="ad"
        timeout={5000}
        explanation={explanation}
        oncandor-explanation-request={(event) => {
          event.respondWith(fetch(`/api/why/${event.detail.itemId}?kind=${event.detail.kind ?? 'recommendation'}`).then((response) => response.json() as Promise<Explanation>));
        }}
        oncandor-explanation-control={(event) => {
          const action: ExplanationAction = event.detail.action;
          event.respondWith(post('/api/controls', { action, target: event.detail.target }));
        }}
        oncandor-explanation-rating={(event) => void post('/api/ratings', { helpful: event.detail.helpful, at: event.detail.at })}
        oncandor-preferences-request={(event) => console.log(event.detail.storeKey)}
        oncandor-consent-change={(event) => console.log(event.detail.source)}
      />
      <candor-feedback
        ref={feedback}
        item-id="sku-42"
        item-label="Trail shoes"
        variant="compact"
        commentMaxLength={300}
        oncandor-feedback={(event) => {
          const detail: FeedbackDetail = event.detail;
          event.respondWith(post('/api/feedback', { id: detail.requestId, reason: detail.reason, comment: detail.comment }));
        }}
        oncandor-feedback-undo={(event) => {
          const detail: FeedbackUndoDetail = event.detail;
          event.respondWith(post('/api/feedback/undo', detail));
        }}
      />

      {/* What the typings refuse. */}
      {/* @ts-expect-error: "blue" is not a theme */}
      <candor-banner theme="blue" />
      {/* @ts-expect-error: storage is local, cookie or memory */}
      <candor-banner storage="session" />
      {/* @ts-expect-error: expires-after-days is a number */}
      <candor-banner expires-after-days="soon" />
      {/* @ts-expect-error: modal is a boolean */}
      <candor-banner modal="yes" />
      {/* @ts-expect-error: an explanation needs a headline string and reasons */}
      <candor-why item-id="a" explanation={{ headline: 42 }} />
      {/* @ts-expect-error: kind is recommendation or ad */}
      <candor-why item-id="a" kind="sponsored" />
      {/* @ts-expect-error: variant is inline or compact */}
      <candor-feedback item-id="a" variant="large" />
      {/* @ts-expect-error: value is read-only on the element (the visitor's verdict) */}
      <candor-feedback item-id="a" value="helpful" />
      {/* @ts-expect-error: open on <candor-why> is read-only (use show()) */}
      <candor-why item-id="a" open />
      {/* @ts-expect-error: interests is a list of Interest */}
      <candor-preferences interests={['cycling']} />
      {/* @ts-expect-error: a ref to another element's class */}
      <candor-feedback item-id="a" ref={why} />
      {/* @ts-expect-error: React 19 listens for the exact event name, so the camelCase spelling is refused */}
      <candor-feedback item-id="a" onCandorFeedback={() => undefined} />
      <candor-feedback
        item-id="a"
        oncandor-feedback={(event) => {
          // @ts-expect-error: FeedbackDetail has no rating
          console.log(event.detail.rating);
          // @ts-expect-error: an acknowledgement's ok is a boolean
          event.respondWith({ ok: 'yes' });
        }}
      />
      <candor-why
        item-id="a"
        oncandor-explanation-request={(event) => {
          // @ts-expect-error: the answer must be an Explanation
          event.respondWith({ headline: 'Because' });
        }}
        oncandor-explanation-rating={(event) => {
          // @ts-expect-error: helpful is a boolean
          const helpful: string = event.detail.helpful;
          console.log(helpful);
        }}
      />
      <candor-preferences
        oncandor-data-request={(event) => {
          // @ts-expect-error: a data request is access or delete
          if (event.detail.kind === 'export') console.log('never');
        }}
        oncandor-interests-request={(event) => {
          // @ts-expect-error: the answer is a list of Interest
          event.respondWith([{ label: 'Cycling' }]);
        }}
      />
      <candor-banner
        oncandor-consent-change={(event) => {
          // @ts-expect-error: the detail is a ConsentChangeDetail, not any
          event.detail.granted.push('x');
        }}
      />
    </>
  );
}
