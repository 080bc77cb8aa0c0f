// How this page wires Candor's events to its backend (demo/server/), the way a site would:
// one listener per event on `document`, each sending the event's `detail` as it is. Where
// Candor waits for an answer, the listener calls `event.respondWith(promise)` synchronously
// with the fetch; the element shows the backend's message, or a failure if the fetch fails.
import type { Acknowledgement, DataRequestAnswer, Explanation, Interest } from '../src/index.js';
import type { BackendClient } from './api.js';
import type { EventLog } from './event-log.js';
import type { Acknowledged } from './server/api-types.js';
import type { Shop } from './shop.js';

interface Answerable<R> extends Event {
  respondWith(response: R | PromiseLike<R>): void;
}

/**
 * What changed on the backend for this visitor: main.ts refreshes the list and the privacy
 * center. `consent`, `hidden` and `cleared` reorder at once; `signals` offers to.
 */
export type BackendChange = 'consent' | 'signals' | 'hidden' | 'cleared';

export interface Wiring {
  client: BackendClient;
  shop: Shop;
  log: EventLog;
  /** Resolves once the list knows about the change (it may wait to reorder until the visitor asks). */
  changed(change: BackendChange): Promise<void>;
}

/** Answers `event` with `work()`'s promise and writes the answer (or failure) into the event log. */
function answer<R>(event: Answerable<R>, log: EventLog, work: () => Promise<R>): void {
  event.respondWith(logged(event, log, work(), 'respondWith'));
}

/** Writes what a promise settles to into the event's log entry, and passes it on. */
function logged<R>(event: Event, log: EventLog, promise: Promise<R>, via: string): Promise<R> {
  return promise.then(
    (value) => {
      log.answered(event, { value }, via);
      return value;
    },
    (error: unknown) => {
      log.answered(event, { error: error instanceof Error ? error.message : String(error) }, via);
      throw error;
    },
  );
}

export function wireEventsToBackend({ client, shop, log, changed }: Wiring): void {
  /** Said when the change reorders the list: the list waits for the visitor to update it. */
  const seeIt = (ack: Acknowledged): Acknowledged =>
    shop.pending ? { ...ack, message: `${ack.message} Use “Update the list” above the products to see the new order.` } : ack;

  // Every decision goes to the backend, which ranks by the latest receipt it holds; then the
  // list is asked for again. (A page that need not wait could use sendBeacon here.)
  document.addEventListener('candor-consent-change', (event) => {
    void logged(event, log, client.sendReceipt(event.detail), 'POST /api/consent')
      .catch(() => undefined)
      .then(() => changed('consent'));
  });

  // "Why am I seeing this?": the explanation that came with the order as shown, so it
  // describes exactly that order (the backend builds both in one computation).
  document.addEventListener('candor-explanation-request', (event) => {
    answer<Explanation>(event, log, async () => {
      const explanation = shop.explanationFor(event.detail.itemId);
      if (!explanation) throw new Error(`The list as shown has no product ${event.detail.itemId}.`);
      return explanation;
    });
  });

  // "Turn off personalization" and "Manage privacy choices" are carried out by Candor itself:
  // the backend only records them, by beacon. The other controls change the profile.
  document.addEventListener('candor-explanation-control', (event) => {
    const { action } = event.detail;
    if (action === 'turn-off-personalization' || action === 'manage-preferences') {
      const queued = client.noteControl(event.detail);
      log.note(event, queued ? 'Recorded with sendBeacon (Candor carries it out; nothing to answer).' : 'sendBeacon refused to queue it.');
      return;
    }
    answer<Acknowledgement>(event, log, async () => {
      const ack = await client.control(event.detail);
      if (!ack.ok) return ack;
      await changed(action === 'hide-item' ? 'hidden' : 'signals');
      return action === 'hide-item' ? ack : seeIt(ack);
    });
  });

  // "Was this explanation helpful?" has no answer to wait for: a beacon.
  document.addEventListener('candor-explanation-rating', (event) => {
    const queued = client.rateExplanation(event.detail);
    log.note(event, queued ? 'Sent with sendBeacon to POST /api/explanation-ratings.' : 'sendBeacon refused to queue it.');
  });

  document.addEventListener('candor-feedback', (event) => {
    answer<Acknowledgement>(event, log, async () => {
      const ack = await client.feedback(event.detail);
      await changed('signals');
      return seeIt(ack);
    });
  });

  document.addEventListener('candor-feedback-undo', (event) => {
    answer<Acknowledgement>(event, log, async () => {
      const ack = await client.undoFeedback(event.detail);
      await changed('signals');
      return seeIt(ack);
    });
  });

  // "What we think you like" in the privacy center.
  document.addEventListener('candor-interests-request', (event) => {
    answer<Interest[]>(event, log, () => client.interests());
  });

  document.addEventListener('candor-profile-edit', (event) => {
    answer<Acknowledgement>(event, log, async () => {
      const ack = await client.editProfile(event.detail);
      await changed('signals');
      return seeIt(ack);
    });
  });

  // "Get a copy of my data" / "Delete my data": a real export (the answer's url) and a real deletion.
  document.addEventListener('candor-data-request', (event) => {
    answer<DataRequestAnswer>(event, log, async () => {
      const reply = await client.dataRequest(event.detail);
      if (event.detail.kind === 'delete') await changed('cleared');
      return reply;
    });
  });
}
