// The demo page: an example shop wired to Candor the way a site would be.
// - `src/auto.ts` is the one-script-tag entry: it registers every element and follows <html lang>.
// - The consent store (`getConsentStore`) is the page's record of the visitor's choices;
//   every decision is sent to the example backend (demo/server/), which ranks by the latest
//   receipt it holds. wiring.ts answers every Candor event from that backend.
import '../src/auto.js';
import { getConsentStore, type CandorPreferences, type ConsentStore } from '../src/index.js';
import { BackendClient, ensureVisitorId, forgetVisitorId, receiptOf } from './api.js';
import { EventLog } from './event-log.js';
import { el } from './dom.js';
import { Shop } from './shop.js';
import { wireEventsToBackend, type BackendChange } from './wiring.js';

const STORAGE_KEY = 'candor-consent';
const PERSONALIZATION = 'personalization';

function required<T extends HTMLElement = HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`demo: ${selector} is missing from index.html`);
  return node;
}

ensureVisitorId();
const store = getConsentStore();
const client = new BackendClient();
const log = new EventLog(required<HTMLOListElement>('#log-list'), required('#log-count'));
const preferences = required<CandorPreferences>('candor-preferences');

const shop = new Shop(
  client,
  {
    heading: required('#recs-heading'),
    basis: required('#recs-basis'),
    status: required('#recs-status'),
    grid: required('#recs-grid'),
    updateButton: required<HTMLButtonElement>('#recs-apply'),
    hiddenBox: required('#recs-hidden'),
    hiddenText: required('#recs-hidden-text'),
    unhideButton: required<HTMLButtonElement>('#recs-unhide'),
    problem: required('#recs-problem'),
    problemText: required('#recs-problem-text'),
    retryButton: required<HTMLButtonElement>('#recs-retry'),
  },
  {
    // A view is sent only with personalization on (and the backend keeps it only then).
    viewed: (itemId) => {
      if (!store.isGranted(PERSONALIZATION)) return;
      client.view(itemId).then(
        (answer) => (answer.stored ? changed('signals') : undefined),
        (error: unknown) => console.error('demo: the view was not sent:', error),
      );
    },
    unhide: () => {
      client.unhideAll().then(
        () => changed('hidden'),
        (error: unknown) => console.error('demo: "Show hidden products" failed:', error),
      );
    },
  },
);

// The privacy center's interests are asked for with candor-interests-request and kept;
// setting `interests = null` makes it ask again. Every way of opening it (the banner's
// "Let me choose", data-candor-preferences links, "Manage privacy choices") sends
// candor-preferences-request, which this capture listener sees before the panel opens.
let interestsStale = false;
window.addEventListener(
  'candor-preferences-request',
  () => {
    if (!interestsStale || preferences.open) return;
    interestsStale = false;
    preferences.interests = null;
  },
  { capture: true },
);

/** The backend changed something for this visitor: refresh the list, and the interests on next opening. */
async function changed(change: BackendChange): Promise<void> {
  if (change === 'signals') await shop.refreshOffered();
  else if (change === 'cleared') await shop.refreshNow('Your data was deleted: the list no longer uses it.');
  else await shop.refreshNow();
  // "What we think you like" asked once; it asks again when it next opens (at once after a deletion).
  if (change === 'cleared' && preferences.open) preferences.interests = null;
  else interestsStale = true;
}

wireEventsToBackend({ client, shop, log, changed });

// A record made while the backend was away (or before its data file was reset) is sent once
// the banner has set up the policy; the backend ignores a receipt it already holds.
const stopWaiting = store.subscribe(() => syncStoredReceipt());
syncStoredReceipt();
function syncStoredReceipt(): void {
  if (!store.policy) return;
  stopWaiting();
  const receipt = receiptOf(store);
  if (!receipt) return;
  client.sendReceipt(receipt).then(
    (answer) => (answer.stored ? changed('consent') : undefined),
    (error: unknown) => console.error('demo: the stored consent receipt was not sent:', error),
  );
}
void shop.refreshNow();

store.subscribe(() => renderChoices(store));
renderChoices(store);

required('#log-clear').addEventListener('click', () => log.clear());

required('#reset').addEventListener('click', () => {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the store kept the record in memory, which the reload forgets anyway.
  }
  forgetVisitorId();
  location.reload();
});

/** "Your choices right now": what the store says, purpose by purpose. */
function renderChoices(consent: ConsentStore): void {
  const list = required('#choices-list');
  const summary = required('#choices-summary');
  const purposes = consent.policy?.purposes ?? [];
  list.replaceChildren(
    ...purposes.flatMap((purpose) => {
      const state = purpose.required ? 'Always on' : consent.isGranted(purpose.id) ? 'On' : 'Off';
      const value = el('dd', { class: `choice choice-${state === 'Off' ? 'off' : 'on'}` }, state);
      return [el('dt', {}, purpose.label), value];
    }),
  );
  const record = consent.record;
  const when = record ? new Date(record.decidedAt) : null;
  summary.textContent = !consent.policy
    ? 'Waiting for the banner to set up the policy…'
    : record && when
      ? `You chose on ${when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} (receipt ${record.receiptId.slice(0, 8)}…).${consent.prompt.needed ? ' The banner asks again.' : ''}`
      : 'You have not chosen yet, so nothing optional is on.';
}
