/**
 * The explanation a host gives `<candor-why>` for one recommended item or ad: plain JSON,
 * set as the element's `explanation` property or answered to a
 * `candor-explanation-request` through `event.respondWith()`.
 *
 * Every string is shown as text (never parsed as HTML). A payload that breaks a rule is
 * reported with one `console.error` naming the field, and the popover says that no
 * explanation is available.
 *
 * @example
 * ```js
 * why.explanation = {
 *   kind: 'recommendation',
 *   headline: 'Recommended because you read about cycling',
 *   topic: 'cycling',
 *   reasons: [
 *     { kind: 'your-activity', label: 'You read 3 articles about cycling this week', weight: 0.6, signal: 'reading-history' },
 *     { kind: 'popularity', label: 'Popular with readers in your region', weight: 0.4 },
 *   ],
 *   dataCategories: ['Articles you read', 'Approximate region'],
 *   omittedReasons: 0,
 *   mainParametersUrl: '/how-recommendations-work',
 * };
 * ```
 */
export interface Explanation {
  /** `recommendation` (default) or `ad` (a paid placement). */
  kind?: ExplanationKind;
  /** One plain sentence that sums up why (at most 200 characters). */
  headline: string;
  /** The main reasons, most important first (1–20). */
  reasons: ExplanationReason[];
  /** The kinds of personal data used, in plain words ("Articles you read"). At most 20. */
  dataCategories?: string[];
  /**
   * The topic the item belongs to, in plain words ("cycling"). Needed for the
   * "Not interested in …" control and used in the built-in confirmations.
   */
  topic?: string;
  /** For ads (required when `kind` is `ad`): who the ad is shown for and who paid (EU DSA Art. 26). */
  sponsor?: ExplanationSponsor;
  /**
   * How many further reasons were left out. `0` (the default) says that every main reason
   * is shown; a positive number is shown as "N more reasons are not shown".
   */
  omittedReasons?: number;
  /** The site's page describing the main parameters of its recommender systems (EU DSA Art. 27): http(s) or relative. */
  mainParametersUrl?: string;
  /**
   * The controls to offer, in this order. Default: every control that applies.
   * `not-interested` needs `topic`; `dont-use-signal` appears on each reason that has a
   * `signal`; `turn-off-personalization` appears only when the page's consent policy has a
   * `personalization` purpose that is on.
   */
  controls?: ExplanationAction[];
}

export type ExplanationKind = 'recommendation' | 'ad';

/** What a reason is based on. Each kind has a plain built-in name shown beside the reason. */
export type ReasonKind =
  | 'your-activity'
  | 'stated-interest'
  | 'inferred-interest'
  | 'similar-visitors'
  | 'popularity'
  | 'recency'
  | 'context'
  | 'location'
  | 'sponsored'
  | 'editorial'
  | 'other';

export interface ExplanationReason {
  kind: ReasonKind;
  /** The reason in plain language ("You read 3 articles about cycling this week"), at most 300 characters. */
  label: string;
  /**
   * The reason's relative weight, from 0 to 1 (0.6 = 60 %). Shown as a bar and as a
   * number in text. Weights need not add up to 1 (other reasons may be left out).
   */
  weight?: number;
  /**
   * The host's id for the signal behind this reason ("reading-history"). When present the
   * reason offers "Don't use this", firing a control with this id as its `target`.
   */
  signal?: string;
}

export interface ExplanationSponsor {
  /** On whose behalf the ad is shown (the advertiser). */
  onBehalfOf: string;
  /** Who paid for it, when different from `onBehalfOf`; left out when the same. */
  paidBy?: string;
}

/** A control the popover can offer. */
export type ExplanationAction =
  | 'not-interested'
  | 'fewer-like-this'
  | 'hide-item'
  | 'dont-use-signal'
  | 'manage-preferences'
  | 'turn-off-personalization';

export const EXPLANATION_ACTIONS: readonly ExplanationAction[] = [
  'not-interested',
  'fewer-like-this',
  'hide-item',
  'dont-use-signal',
  'manage-preferences',
  'turn-off-personalization',
];

export const REASON_KINDS: readonly ReasonKind[] = [
  'your-activity',
  'stated-interest',
  'inferred-interest',
  'similar-visitors',
  'popularity',
  'recency',
  'context',
  'location',
  'sponsored',
  'editorial',
  'other',
];

/** An explanation after validation: every optional field filled in. */
export interface ValidExplanation {
  kind: ExplanationKind;
  headline: string;
  reasons: Array<{ kind: ReasonKind; label: string; weight: number | null; signal: string | null }>;
  dataCategories: string[];
  topic: string | null;
  sponsor: { onBehalfOf: string; paidBy: string | null } | null;
  omittedReasons: number;
  mainParametersUrl: string | null;
  controls: ExplanationAction[];
}
