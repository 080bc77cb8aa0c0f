// The example recommender: orders the shop's products and explains each place in the
// order from exactly the signals that produced it, so "Why am I seeing this?" is true.
// Personalized: popularity plus the visitor's topic scores. Not personalized: popularity
// alone, the same for everyone. The same products and features either way.
// Pure functions over the stored profile (visitor.ts); the HTTP layer is backend.ts.
import type { Explanation, ExplanationAction, ExplanationReason } from '../../src/index.js';
import { AD_SLOT, MAX_POPULARITY, PRODUCTS, TOPICS, formatCount, type Product, type TopicId } from '../catalog.js';
import type { RankedItem } from './api-types.js';
import type { Signal, SignalSource, VisitorRecord } from './visitor.js';

/** The profile as the recommender reads it. */
export interface ProfileData {
  readonly signals: readonly Signal[];
  readonly hidden: ReadonlySet<string>;
  readonly ignored: ReadonlySet<SignalSource>;
}

export function profileData(visitor: VisitorRecord): ProfileData {
  return { signals: visitor.profile.signals, hidden: new Set(visitor.profile.hidden), ignored: new Set(visitor.profile.ignored) };
}

/** How much each kind of signal moves a topic. */
const WEIGHTS = { like: 1, view: 0.3, dislike: -0.8, fewer: -1 } as const;
/** How much popularity counts next to a topic score, and the context share when nothing is personal. */
const POPULARITY_SHARE = 0.6;
const CONTEXT_SHARE = 0.15;

/** What the profile says about one topic. */
export interface TopicSummary {
  topic: TopicId;
  /** Distinct items liked (unless "Don't use this" excluded likes). */
  liked: string[];
  /** Views counted (unless excluded). */
  views: number;
  /** "Not helpful" and "Show fewer like this". */
  fewer: number;
  notInterested: boolean;
  /** The sum of the weighted signals. */
  score: number;
}

export function summarizeTopic(data: ProfileData, topic: TopicId): TopicSummary {
  const useLikes = !data.ignored.has('liked-items');
  const useViews = !data.ignored.has('viewed-items');
  const liked: string[] = [];
  let views = 0;
  let fewer = 0;
  let notInterested = false;
  let score = 0;
  for (const signal of data.signals) {
    if (signal.topic !== topic) continue;
    if (signal.kind === 'like' && useLikes) {
      if (!liked.includes(signal.itemId)) liked.push(signal.itemId);
      score += WEIGHTS.like;
    } else if (signal.kind === 'view' && useViews) {
      views += 1;
      score += WEIGHTS.view;
    } else if (signal.kind === 'dislike' || signal.kind === 'fewer') {
      fewer += 1;
      score += WEIGHTS[signal.kind];
    } else if (signal.kind === 'not-interested') {
      notInterested = true;
    }
  }
  return { topic, liked, views, fewer, notInterested, score };
}

export interface Ranking {
  /** The products in the order shown (hidden ones left out, the paid placement in its slot). */
  items: Product[];
  personalized: boolean;
}

/**
 * Orders the products. Personalized: popularity plus the visitor's topic scores, topics they
 * are not interested in last. Not personalized: popularity only, the same for everyone.
 * Either way the same products and features; hidden items are left out.
 */
export function rank(data: ProfileData, personalized: boolean): Ranking {
  const visible = PRODUCTS.filter((product) => !data.hidden.has(product.id));
  const organic = visible.filter((product) => !product.sponsor);
  const ads = visible.filter((product) => product.sponsor);
  const score = (product: Product) => {
    const popularity = (POPULARITY_SHARE * product.popularity) / MAX_POPULARITY;
    if (!personalized) return popularity;
    const topic = summarizeTopic(data, product.topic);
    return popularity + topic.score - (topic.notInterested ? 100 : 0);
  };
  const ordered = [...organic].sort((a, b) => score(b) - score(a) || b.popularity - a.popularity);
  for (const ad of ads) ordered.splice(Math.min(AD_SLOT, ordered.length), 0, ad);
  return { items: ordered, personalized };
}

/** The topics the visitor seems to like, strongest first, with their share of the total. */
export function interestsOf(data: ProfileData): Array<{ topic: TopicId; share: number; summary: TopicSummary }> {
  const summaries = (Object.keys(TOPICS) as TopicId[])
    .map((topic) => summarizeTopic(data, topic))
    .filter((summary) => summary.score > 0 && !summary.notInterested);
  const total = summaries.reduce((sum, summary) => sum + summary.score, 0);
  return summaries
    .sort((a, b) => b.score - a.score)
    .map((summary) => ({ topic: summary.topic, share: round(summary.score / total), summary }));
}

/** "Products you liked (1) and viewed (2)." */
export function sourceOf(summary: TopicSummary): string {
  const parts: string[] = [];
  if (summary.liked.length) parts.push(`products you liked (${summary.liked.length})`);
  if (summary.views) parts.push(`products you viewed (${summary.views})`);
  const text = parts.join(' and ') || 'what you did';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A plain summary of what is held about the visitor, for "Get a copy of my data" (the download has all of it). */
export function describeHeldData(visitor: VisitorRecord): string {
  const data = profileData(visitor);
  const liked = new Set(data.signals.filter((signal) => signal.kind === 'like').map((signal) => signal.itemId));
  const disliked = new Set(data.signals.filter((signal) => signal.kind === 'dislike').map((signal) => signal.itemId));
  const views = data.signals.filter((signal) => signal.kind === 'view').length;
  const fewer = [...new Set(data.signals.filter((signal) => signal.kind === 'fewer').map((signal) => TOPICS[signal.topic].noun))];
  const notInterested = [
    ...new Set(data.signals.filter((signal) => signal.kind === 'not-interested').map((signal) => TOPICS[signal.topic].noun)),
  ];
  const parts: string[] = [];
  if (liked.size) parts.push(`you liked ${names([...liked])}`);
  if (disliked.size) parts.push(`you found ${names([...disliked])} not helpful`);
  if (views) parts.push(`you opened product details ${views === 1 ? 'once' : `${views} times`}`);
  if (fewer.length) parts.push(`you asked for fewer ${fewer.join(', ')} products`);
  if (notInterested.length) parts.push(`you are not interested in ${notInterested.join(', ')}`);
  if (data.hidden.size) parts.push(`you hid ${names([...data.hidden])}`);
  if (data.ignored.size) parts.push(`you told us not to use ${[...data.ignored].map((source) => (source === 'liked-items' ? 'your likes' : 'your views')).join(' or ')}`);
  const interests = interestsOf(data).map(({ topic, share }) => `${TOPICS[topic].label} ${Math.round(share * 100)} %`);
  if (interests.length) parts.push(`interests we derived: ${interests.join(', ')}`);
  const kept = `${count(visitor.receipts.length, 'consent receipt')} and ${count(visitor.feedback.length, 'feedback answer')}`;
  if (!parts.length) return `We hold no profile about you: only ${kept}. The download has all of it.`;
  return `Your profile: ${parts.join('; ')}. We also keep ${kept}. The download has all of it.`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/**
 * The order for one visitor and, for each item, the explanation of its place in exactly
 * that order: one computation, so an explanation can never describe another ranking.
 */
export function recommend(data: ProfileData, personalized: boolean): { items: RankedItem[]; signalsUsed: number } {
  const ranking = rank(data, personalized);
  const total = ranking.items.length;
  const items = ranking.items.map((product, index) => ({
    id: product.id,
    explanation: explain(product, { data, personalized, position: index + 1, total }),
  }));
  return { items, signalsUsed: personalized ? signalsUsed(data) : 0 };
}

/** Signals the personalized order reads: every one except those the visitor said not to use. */
function signalsUsed(data: ProfileData): number {
  return data.signals.filter(
    (signal) =>
      !(signal.kind === 'like' && data.ignored.has('liked-items')) && !(signal.kind === 'view' && data.ignored.has('viewed-items')),
  ).length;
}

function names(ids: string[]): string {
  const list = ids.map((id) => `“${PRODUCTS.find((product) => product.id === id)?.name ?? id}”`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? '');
}

export interface ExplainContext {
  data: ProfileData;
  personalized: boolean;
  /** 1-based place in the list as shown, and how many items are shown. */
  position: number;
  total: number;
}

/** The explanation of one item, built from exactly the signals `rank` used for it. */
export function explain(product: Product, context: ExplainContext): Explanation {
  const topic = TOPICS[product.topic];
  const place = `It is number ${context.position} of ${context.total} in this list.`;
  const popularity: Part = {
    kind: 'popularity',
    label: `Bought ${formatCount(product.popularity)} times this month by all shoppers.`,
    value: (POPULARITY_SHARE * product.popularity) / MAX_POPULARITY,
  };

  if (product.sponsor) {
    const parts: Part[] = [
      {
        kind: 'sponsored',
        label: `${product.sponsor.onBehalfOf} paid for place ${AD_SLOT + 1} in this list.`,
        value: 0.8,
      },
      { kind: 'context', label: 'Every visitor sees this ad in the same place. Your data was not used to choose it.', value: 0.2 },
    ];
    return {
      kind: 'ad',
      headline: `This is an ad: ${product.sponsor.onBehalfOf} pays to show it here, to everyone.`,
      reasons: toReasons(parts),
      sponsor: { onBehalfOf: product.sponsor.onBehalfOf, paidBy: product.sponsor.paidBy },
      topic: topic.noun,
      dataCategories: [],
      omittedReasons: 0,
      mainParametersUrl: '#how-recommendations-work',
      controls: context.personalized
        ? ['not-interested', 'hide-item', 'manage-preferences', 'turn-off-personalization']
        : ['hide-item', 'manage-preferences'],
    };
  }

  if (!context.personalized) {
    const parts: Part[] = [
      popularity,
      { kind: 'context', label: 'It is part of the range this page shows to every visitor.', value: CONTEXT_SHARE },
    ];
    return {
      kind: 'recommendation',
      headline: `Popular with all shoppers right now. Personalization is off, so nothing about you was used. ${place}`,
      reasons: toReasons(parts),
      topic: topic.noun,
      dataCategories: [],
      omittedReasons: 0,
      mainParametersUrl: '#how-recommendations-work',
      controls: ['hide-item', 'manage-preferences'] satisfies ExplanationAction[],
    };
  }

  const summary = summarizeTopic(context.data, product.topic);
  const parts: Part[] = [];
  const data: string[] = [];
  if (summary.liked.length) {
    const own = summary.liked.includes(product.id);
    const others = summary.liked.filter((id) => id !== product.id);
    const label = own
      ? others.length
        ? `You said this and ${names(others)} were helpful (${topic.noun}).`
        : 'You said this product was helpful.'
      : `You liked ${names(summary.liked)}, also for ${topic.noun}.`;
    parts.push({ kind: 'your-activity', label, value: summary.liked.length * WEIGHTS.like, signal: 'liked-items' });
    data.push('Products you liked');
  }
  if (summary.views) {
    parts.push({
      kind: 'inferred-interest',
      label: `You opened the details of ${topic.noun} products ${summary.views === 1 ? 'once' : `${summary.views} times`}, so we think you are interested in ${topic.noun}.`,
      value: summary.views * WEIGHTS.view,
      signal: 'viewed-items',
    });
    data.push('Products you viewed');
  }
  if (summary.fewer) {
    parts.push({
      kind: 'stated-interest',
      label: `You asked for fewer ${topic.noun} products, so this is placed lower.`,
      value: Math.abs(summary.fewer * WEIGHTS.fewer),
    });
    data.push('Your “not helpful” and “fewer like this” answers');
  }
  if (summary.notInterested) {
    parts.push({ kind: 'stated-interest', label: `You said you are not interested in ${topic.noun}, so this is placed last.`, value: 1 });
    data.push('Topics you said you are not interested in');
  }
  parts.push(popularity);

  const headline = summary.notInterested
    ? `Placed last because you are not interested in ${topic.noun}. ${place}`
    : summary.liked.length
      ? `Recommended because you liked ${names(summary.liked.slice(0, 1))}${summary.liked.length > 1 ? ' and more' : ''}. ${place}`
      : summary.views
        ? `Recommended because you looked at ${topic.noun} products. ${place}`
        : summary.fewer
          ? `Placed lower because you asked for fewer ${topic.noun} products. ${place}`
          : `Popular with shoppers: we know nothing about your interests yet. ${place}`;
  return {
    kind: 'recommendation',
    headline,
    reasons: toReasons(parts),
    topic: topic.noun,
    dataCategories: data,
    omittedReasons: 0,
    mainParametersUrl: '#how-recommendations-work',
  };
}

interface Part {
  kind: ExplanationReason['kind'];
  label: string;
  /** How much it moved the item's score (absolute). */
  value: number;
  signal?: SignalSource;
}

/** Reasons with each part's share of the total as its weight, largest first. */
function toReasons(parts: Part[]): ExplanationReason[] {
  const total = parts.reduce((sum, part) => sum + part.value, 0) || 1;
  return [...parts]
    .sort((a, b) => b.value - a.value)
    .map((part) => ({
      kind: part.kind,
      label: part.label,
      weight: round(part.value / total),
      ...(part.signal ? { signal: part.signal } : {}),
    }));
}

function round(value: number): number {
  return Math.min(1, Math.max(0, Math.round(value * 100) / 100));
}
