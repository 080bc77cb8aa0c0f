/**
 * A Google Consent Mode v2 bridge: tells Google tags what the visitor decided in Candor.
 *
 * ```html
 * <script type="module">
 *   import { getConsentStore } from 'candor/core';
 *   import { bridgeConsentMode } from 'candor/gating/consent-mode';
 *   getConsentStore().configure({ policy: { version: '2026-11', purposes: ['necessary', 'analytics', 'advertising'] } });
 *   bridgeConsentMode();
 * </script>
 * <!-- then the Google tag or Tag Manager snippet, also as a module so it runs after the bridge -->
 * ```
 * Its own module with no side effects: a page that does not import it pays nothing for it.
 * @module
 */
import { getConsentStore, type ConsentStore } from '../core/store.js';
import type { PurposeId } from '../core/types.js';

/** The consent types of Google Consent Mode v2. */
export type ConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export type ConsentModeValue = 'granted' | 'denied';

/** A state for every consent type, as `gtag('consent', …)` takes it. */
export type ConsentModeState = Record<ConsentType, ConsentModeValue>;

/** Per consent type, the purposes that must all be granted; an empty list is always granted. */
export type ConsentModeMapping = Record<ConsentType, readonly PurposeId[]>;

export const CONSENT_TYPES: readonly ConsentType[] = Object.freeze([
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
]);

/**
 * Candor's preset purposes to consent types. `security_storage` (fraud prevention,
 * authentication) is strictly necessary, so it needs no purpose and is always granted.
 */
export const DEFAULT_CONSENT_MAPPING: Readonly<ConsentModeMapping> = Object.freeze({
  ad_storage: ['advertising'],
  ad_user_data: ['advertising'],
  ad_personalization: ['advertising'],
  analytics_storage: ['analytics'],
  functionality_storage: ['functional'],
  personalization_storage: ['personalization'],
  security_storage: [],
});

export interface ConsentModeOptions {
  /** The consent store to follow. Default: the page's store (`getConsentStore()`). */
  store?: ConsentStore;
  /** Consent types to map differently from `DEFAULT_CONSENT_MAPPING`; the others keep the default. */
  mapping?: Partial<Record<ConsentType, readonly PurposeId[]>>;
  /** Milliseconds tags wait for an update before using the defaults (`wait_for_update`). Default 500. */
  waitForUpdate?: number;
  /** The page's `gtag` function. Without it, commands go straight into `dataLayer`, as `gtag` would put them. */
  gtag?: (...args: unknown[]) => void;
  /** The data layer to push to when there is no `gtag`. Default `window.dataLayer` (created if missing). */
  dataLayer?: unknown[];
}

/** A running bridge. */
export interface ConsentModeBridge {
  /** Stops sending updates. Tags keep the last state they were told. */
  stop(): void;
}

/**
 * Sends Google Consent Mode v2 commands from the consent store:
 *
 * 1. at once, `gtag('consent', 'default', { …every type 'denied' but security_storage,
 *    wait_for_update })`. Google's tags read consent when they load, so **this must run
 *    before the Google tag or Tag Manager snippet**: import and call it in a module that
 *    comes before the snippet, and load the snippet as a module too (an inline classic
 *    snippet runs before any module does);
 * 2. `gtag('consent', 'update', { … })` with the visitor's decisions when a valid record
 *    exists, and again after every change of them (this tab or another).
 *
 * A consent type is granted only when every purpose mapped to it is granted. Without a
 * `gtag` function each command is pushed onto `dataLayer` as an `arguments` object,
 * exactly what the `gtag` snippet pushes and what Tag Manager reads.
 */
export function bridgeConsentMode(options: ConsentModeOptions = {}): ConsentModeBridge {
  const store = options.store ?? getConsentStore();
  const mapping = checkMapping(options.mapping ?? {});
  const waitForUpdate = options.waitForUpdate ?? 500;
  if (typeof waitForUpdate !== 'number' || !Number.isInteger(waitForUpdate) || waitForUpdate < 0) {
    throw new Error(`Candor: bridgeConsentMode({ waitForUpdate }) must be a whole number of milliseconds (got ${JSON.stringify(waitForUpdate)})`);
  }
  if (options.gtag !== undefined && typeof options.gtag !== 'function') {
    throw new Error('Candor: bridgeConsentMode({ gtag }) must be the gtag function');
  }
  if (options.dataLayer !== undefined && !Array.isArray(options.dataLayer)) {
    throw new Error('Candor: bridgeConsentMode({ dataLayer }) must be an array');
  }
  // No global type for `window.dataLayer`: a host's own declaration of it would clash.
  const page = window as Window & { dataLayer?: unknown[] };
  const send = options.gtag ?? pushTo(options.dataLayer ?? (page.dataLayer ??= []));

  const defaults = stateFor(mapping, () => false);
  send('consent', 'default', { ...defaults, wait_for_update: waitForUpdate });

  let lastUpdate: ConsentModeState | null = null;
  const update = (): void => {
    const decided = store.policy !== null && store.record !== null;
    const state = stateFor(mapping, (id) => store.isGranted(id));
    const due = lastUpdate === null ? decided || !sameState(state, defaults) : !sameState(state, lastUpdate);
    if (!due) return;
    lastUpdate = state;
    send('consent', 'update', { ...state });
  };
  const unsubscribe = store.subscribe(update);
  update();
  return { stop: unsubscribe };
}

/** Each type granted when all of its purposes are (an empty list: always). */
function stateFor(mapping: ConsentModeMapping, isGranted: (id: PurposeId) => boolean): ConsentModeState {
  return Object.fromEntries(
    CONSENT_TYPES.map((type) => [type, mapping[type].every((id) => isGranted(id)) ? 'granted' : 'denied']),
  ) as ConsentModeState;
}

function sameState(a: ConsentModeState, b: ConsentModeState): boolean {
  return CONSENT_TYPES.every((type) => a[type] === b[type]);
}

function checkMapping(mapping: Partial<Record<ConsentType, readonly PurposeId[]>>): ConsentModeMapping {
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new Error('Candor: bridgeConsentMode({ mapping }) must be an object of consent types and purpose lists');
  }
  for (const [type, purposes] of Object.entries(mapping)) {
    if (!(CONSENT_TYPES as readonly string[]).includes(type)) {
      throw new Error(`Candor: bridgeConsentMode({ mapping }) has no consent type "${type}"; types are ${CONSENT_TYPES.join(', ')}`);
    }
    if (!Array.isArray(purposes) || purposes.some((id) => typeof id !== 'string' || id === '')) {
      throw new Error(`Candor: bridgeConsentMode({ mapping }) mapping.${type} must be a list of purpose ids, e.g. ["analytics"]`);
    }
  }
  return { ...DEFAULT_CONSENT_MAPPING, ...mapping } as ConsentModeMapping;
}

/** What the gtag snippet does: `dataLayer.push(arguments)`. Tag Manager reads only `arguments` objects as commands. */
function pushTo(dataLayer: unknown[]): (command: string, action: string, parameters: object) => void {
  return (command, action, parameters) => void dataLayer.push(gtagArguments(command, action, parameters));
}

function gtagArguments(_command: string, _action: string, _parameters: object): IArguments {
  return arguments;
}
