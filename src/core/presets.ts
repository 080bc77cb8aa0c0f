import { msg } from '../internal/i18n.js';
import type { LegalBasis, PresetPurposeId } from './types.js';

/** The words a visitor reads about a purpose. */
export interface PurposeTexts {
  label: string;
  description: string;
  dataCategories: string[];
  retention: string;
  recipients: string[];
}

export interface PresetDefinition {
  /**
   * Bumped whenever the English text changes, so that records made under the old text show
   * the purpose as reworded. Translations do not bump it: they say the same thing.
   */
  revision: number;
  required: boolean;
  legalBasis: LegalBasis;
  saleOrShare: boolean;
  /** Evaluated on every read, so the texts follow the active locale. */
  texts(): PurposeTexts;
}

export const PRESET_PURPOSE_IDS: readonly PresetPurposeId[] = Object.freeze([
  'necessary',
  'functional',
  'personalization',
  'analytics',
  'advertising',
]);

export function isPresetPurposeId(id: unknown): id is PresetPurposeId {
  return typeof id === 'string' && (PRESET_PURPOSE_IDS as readonly string[]).includes(id);
}

// Texts that several presets share, each with one description for translators.
const thisSiteOnly = () => msg('This site only', { desc: 'Consent purpose recipients: no one else receives the data.' });
const pagesYouVisit = () => msg('Pages you visit', { desc: 'Consent purpose data category: page views.' });
const months12 = () => msg('12 months', { desc: 'Consent purpose retention: how long the data is kept.' });
const months13 = () => msg('13 months', { desc: 'Consent purpose retention: how long the data is kept.' });

export const PRESETS: Readonly<Record<PresetPurposeId, PresetDefinition>> = Object.freeze({
  necessary: {
    revision: 1,
    required: true,
    legalBasis: 'legitimate-interest',
    saleOrShare: false,
    texts: () => ({
      label: msg('Strictly necessary', { desc: 'Consent purpose label: what the site needs to work at all.' }),
      description: msg(
        'Keeps the site working and secure, and remembers the privacy choices you make here. It cannot be turned off.',
        { desc: 'Consent purpose description: strictly necessary storage, always on.' },
      ),
      dataCategories: [
        msg('Your privacy choices', { desc: 'Consent purpose data category: the consent record itself.' }),
        msg('Security and session data', { desc: 'Consent purpose data category: login sessions, fraud protection.' }),
      ],
      retention: msg('As long as needed, at most 6 months', {
        desc: 'Consent purpose retention for strictly necessary data.',
      }),
      recipients: [thisSiteOnly()],
    }),
  },
  functional: {
    revision: 1,
    required: false,
    legalBasis: 'consent',
    saleOrShare: false,
    texts: () => ({
      label: msg('Preferences', { desc: 'Consent purpose label: remembering settings such as language.' }),
      description: msg(
        'Remembers settings you choose, such as language or region, so you do not have to set them again.',
        { desc: 'Consent purpose description: functional (preference) storage.' },
      ),
      dataCategories: [
        msg('Settings you choose', { desc: 'Consent purpose data category: settings such as language or region.' }),
      ],
      retention: months12(),
      recipients: [thisSiteOnly()],
    }),
  },
  personalization: {
    revision: 1,
    required: false,
    legalBasis: 'consent',
    saleOrShare: false,
    texts: () => ({
      label: msg('Personalization', { desc: 'Consent purpose label: content and suggestions tailored to the visitor.' }),
      description: msg(
        'Uses what you view and do on this site to suggest content that suits you. Without it, you see the same content as everyone else.',
        { desc: 'Consent purpose description: personalization of content and recommendations.' },
      ),
      dataCategories: [
        msg('Pages and items you view', { desc: 'Consent purpose data category: browsing on this site.' }),
        msg('What you search for', { desc: 'Consent purpose data category: searches on this site.' }),
        msg('What you like or hide', { desc: 'Consent purpose data category: feedback the visitor gives on items.' }),
      ],
      retention: months12(),
      recipients: [thisSiteOnly()],
    }),
  },
  analytics: {
    revision: 1,
    required: false,
    legalBasis: 'consent',
    saleOrShare: false,
    texts: () => ({
      label: msg('Analytics', { desc: 'Consent purpose label: measuring how the site is used.' }),
      description: msg(
        'Measures how the site is used, such as which pages are visited and for how long, so that we can improve it.',
        { desc: 'Consent purpose description: audience measurement.' },
      ),
      dataCategories: [
        pagesYouVisit(),
        msg('Device and browser type', { desc: 'Consent purpose data category: technical details of the device.' }),
        msg('Approximate location (country or city)', {
          desc: 'Consent purpose data category: coarse location derived from the IP address.',
        }),
      ],
      retention: months13(),
      recipients: [
        msg('This site and its analytics provider', { desc: 'Consent purpose recipients for analytics data.' }),
      ],
    }),
  },
  advertising: {
    revision: 1,
    required: false,
    legalBasis: 'consent',
    saleOrShare: true,
    texts: () => ({
      label: msg('Advertising', { desc: 'Consent purpose label: ads based on the visitor\'s interests.' }),
      description: msg(
        'Shows ads based on your interests and measures how they perform. Your data is shared with advertising partners, which some laws call a sale or share of personal information.',
        { desc: 'Consent purpose description: interest-based advertising (a sale/share under CPRA).' },
      ),
      dataCategories: [
        pagesYouVisit(),
        msg('Ads you see and click', { desc: 'Consent purpose data category: ad impressions and clicks.' }),
        msg('Device identifiers', { desc: 'Consent purpose data category: cookie or device ids used by ad partners.' }),
      ],
      retention: months13(),
      recipients: [
        msg('This site and its advertising partners', { desc: 'Consent purpose recipients for advertising data.' }),
      ],
    }),
  },
});

/** The stable, locale-independent name of what a preset says, e.g. `preset:analytics:1`. */
export function presetSignature(id: PresetPurposeId): string {
  return `preset:${id}:${PRESETS[id].revision}`;
}
