// The demo page: an example shop wired to Candor the way a site would be.
// - `src/auto.ts` is the one-script-tag entry: it registers every element and follows <html lang>.
// - The consent store (`getConsentStore`) is the page's single source of truth: the list
//   re-ranks on `store.subscribe`, and asks `store.isGranted('personalization')`.
// - backend.ts answers every Candor event in the page, standing in for the site's server.
import '../src/auto.js';
import { getConsentStore, type CandorPreferences, type ConsentStore } from '../src/index.js';
import { installBackend } from './backend.js';
import { EventLog } from './event-log.js';
import { Profile } from './profile.js';
import { Shop, el } from './shop.js';

const STORAGE_KEY = 'candor-consent';

function required<T extends HTMLElement = HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`demo: ${selector} is missing from index.html`);
  return node;
}

const store = getConsentStore();
const profile = new Profile();
const log = new EventLog(required<HTMLOListElement>('#log-list'), required('#log-count'));
const shop = new Shop(store, profile, {
  heading: required('#recs-heading'),
  basis: required('#recs-basis'),
  status: required('#recs-status'),
  grid: required('#recs-grid'),
  updateButton: required<HTMLButtonElement>('#recs-apply'),
  hiddenBox: required('#recs-hidden'),
  hiddenText: required('#recs-hidden-text'),
  unhideButton: required<HTMLButtonElement>('#recs-unhide'),
});
installBackend({ profile, shop, log });

// The privacy center's interests are asked for with candor-interests-request and kept;
// setting `interests = null` makes it ask again. Every way of opening it (the banner's
// "Let me choose", data-candor-preferences links, "Manage privacy choices") sends
// candor-preferences-request, which this capture listener sees before the panel opens.
const preferences = required<CandorPreferences>('candor-preferences');
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

profile.subscribe((change) => {
  if (change === 'hidden') shop.refreshNow();
  else if (change === 'cleared') shop.refreshNow('Your profile was deleted: the list no longer uses it.');
  else shop.refreshOffered();
  // "What we think you like" asked once; it asks again when it next opens (at once after a deletion).
  if (change === 'cleared' && preferences.open) preferences.interests = null;
  else interestsStale = true;
});

store.subscribe(() => {
  shop.refreshNow();
  interestsStale = true;
  renderChoices(store);
});
renderChoices(store);

required('#log-clear').addEventListener('click', () => log.clear());

required('#reset').addEventListener('click', () => {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the store kept the record in memory, which the reload forgets anyway.
  }
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
