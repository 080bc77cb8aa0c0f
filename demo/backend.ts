// The example "backend": listeners on document that answer Candor's events the way a site's
// server would, with 300–600 ms of pretend latency so loading states show. Nothing leaves the
// page: the profile lives in memory (see profile.ts). A real site would POST each `detail`
// as-is and answer with what its server says.
import type { Acknowledgement, DataRequestAnswer, Explanation, Interest } from '../src/index.js';
import { TOPICS, isTopic, productById, topicByNoun } from './catalog.js';
import type { EventLog } from './event-log.js';
import { describeProfile, interestsOf, sourceOf, type Profile, type SignalSource } from './profile.js';
import type { Shop } from './shop.js';

interface Answerable<R> extends Event {
  respondWith(response: R | PromiseLike<R>): void;
}

export interface Backend {
  profile: Profile;
  shop: Shop;
  log: EventLog;
}

function latency(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300 + Math.round(Math.random() * 300)));
}

/**
 * Answers `event` after the pretend latency with what `work` returns (run then, as a server
 * would), and writes the answer into the event log. `work` may throw to fail the request.
 */
function answer<R>(event: Answerable<R>, log: EventLog, work: () => R): void {
  event.respondWith(
    latency()
      .then(work)
      .then(
        (value) => {
          log.answered(event, { value });
          return value;
        },
        (error: unknown) => {
          log.answered(event, { error: error instanceof Error ? error.message : String(error) });
          throw error;
        },
      ),
  );
}

const SIGNALS: Record<SignalSource, string> = {
  'liked-items': 'the products you liked',
  'viewed-items': 'the products you looked at',
};

export function installBackend({ profile, shop, log }: Backend): void {
  /** Said when the change reorders the list: the list waits for the visitor to update it. */
  const seeIt = () => (shop.pending ? ' Use “Update the list” above the products to see the new order.' : '');

  // "Why am I seeing this?": the explanation of exactly what ordered the list as shown.
  document.addEventListener('candor-explanation-request', (event) => {
    answer<Explanation>(event, log, () => {
      const explanation = shop.explanationFor(event.detail.itemId);
      if (!explanation) throw new Error(`No product has the id ${event.detail.itemId}`);
      return explanation;
    });
  });

  // Controls in the popover. "Turn off personalization" and "Manage privacy choices" are
  // carried out by Candor itself; the event only informs the host.
  document.addEventListener('candor-explanation-control', (event) => {
    const { action, itemId, target } = event.detail;
    const product = productById(itemId);
    if (action === 'turn-off-personalization' || action === 'manage-preferences') {
      log.note(event, 'Nothing to answer: Candor handles this control itself.');
      return;
    }
    answer<Acknowledgement>(event, log, () => {
      if (!product) return { ok: false, message: 'This product is no longer in the shop.' };
      const topic = action === 'not-interested' || action === 'fewer-like-this' ? (topicByNoun(target) ?? product.topic) : product.topic;
      const noun = TOPICS[topic].noun;
      switch (action) {
        case 'not-interested':
          profile.add({ kind: 'not-interested', itemId, topic });
          return { message: `Done: ${noun} products move to the end of your recommendations.${seeIt()}` };
        case 'fewer-like-this':
          profile.add({ kind: 'fewer', itemId, topic });
          return { message: `Done: ${noun} products count for less in your recommendations.${seeIt()}` };
        case 'hide-item':
          profile.hide(itemId);
          return { message: `Done: “${product.name}” is hidden. It leaves the list when you close this box.` };
        case 'dont-use-signal': {
          if (target !== 'liked-items' && target !== 'viewed-items') return { ok: false, message: 'This site does not know that signal.' };
          profile.ignore(target);
          return { message: `Done: ${SIGNALS[target]} will no longer be used to choose what you see.${seeIt()}` };
        }
      }
    });
  });

  // "Was this explanation helpful?": nothing to answer; a site would count the answers.
  document.addEventListener('candor-explanation-rating', (event) => {
    log.note(event, `Nothing to answer. The example backend noted: explanation ${event.detail.helpful ? 'helpful' : 'not helpful'}.`);
  });

  document.addEventListener('candor-feedback', (event) => {
    const { itemId, sentiment, requestId } = event.detail;
    // Read now: the visitor's consent when they pressed the button decides what may be kept.
    const personalized = shop.personalized;
    answer<Acknowledgement>(event, log, () => {
      const product = productById(itemId);
      if (!product) return { ok: false, message: 'This product is no longer in the shop.' };
      const noun = TOPICS[product.topic].noun;
      if (!personalized) {
        return { message: 'Thank you. Personalization is off, so your answer is not added to a profile and does not change what you see.' };
      }
      profile.add({ kind: sentiment === 'helpful' ? 'like' : 'dislike', itemId, topic: product.topic, feedbackId: requestId });
      return {
        message:
          sentiment === 'helpful'
            ? `Thank you. You'll see more ${noun} products.${seeIt()}`
            : `Thank you. You'll see fewer ${noun} products.${seeIt()}`,
      };
    });
  });

  document.addEventListener('candor-feedback-undo', (event) => {
    answer<Acknowledgement>(event, log, () => {
      const removed = profile.withdrawFeedback(event.detail.requestId);
      return { message: removed ? 'Your feedback was withdrawn and no longer counts.' : 'Your feedback was withdrawn.' };
    });
  });

  // "What we think you like" in the privacy center.
  document.addEventListener('candor-interests-request', (event) => {
    answer<Interest[]>(event, log, () => {
      const personalized = shop.personalized;
      return interestsOf(profile.snapshot()).map(({ topic, share, summary }) => ({
        id: topic,
        label: TOPICS[topic].label,
        source: personalized ? sourceOf(summary) : `${sourceOf(summary)} (kept, but not used while personalization is off)`,
        weight: share,
      }));
    });
  });

  document.addEventListener('candor-profile-edit', (event) => {
    const { interestId, action } = event.detail;
    answer<Acknowledgement>(event, log, () => {
      if (!isTopic(interestId)) return { ok: false, message: 'This interest is not in your profile.' };
      const label = TOPICS[interestId].label;
      profile.forgetTopic(interestId);
      if (action === 'mark-wrong') {
        profile.add({ kind: 'fewer', itemId: '', topic: interestId });
        return { message: `Thank you. “${label}” is removed, and ${TOPICS[interestId].noun} products count for less.` };
      }
      return { message: `“${label}” is removed from your profile and no longer used.` };
    });
  });

  // "Get a copy of my data" / "Delete my data" in the privacy center.
  document.addEventListener('candor-data-request', (event) => {
    answer<DataRequestAnswer>(event, log, () => {
      if (event.detail.kind === 'access') {
        const text = describeProfile(profile.snapshot());
        return { message: text.length > 480 ? `${text.slice(0, 479)}…` : text };
      }
      profile.clear();
      return { message: 'Done: your profile, hidden items and feedback are deleted. Your consent record stays, so we remember your choices.' };
    });
  });
}
