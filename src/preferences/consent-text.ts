/**
 * Words about consent that the banner and the privacy center both say: who is on or off,
 * where a decision was made, what Global Privacy Control turned off. Every function runs
 * inside a render (or an element's `inLocale`), so `msg()` reads that element's locale.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formattingLocale, msg, str } from '../internal/i18n.js';
import { safeUrl } from '../internal/safe-url.js';
import { isPresetPurposeId, PRESETS } from '../core/presets.js';
import type { ConsentSource, Decisions, LegalBasis, Policy, Purpose } from '../core/index.js';

/** The language of the words around a date or list: the locale being rendered. */
function pageLocale(): string {
  return formattingLocale();
}

export function optionalPurposes(policy: Policy): Purpose[] {
  return policy.purposes.filter((purpose) => !purpose.required);
}

export function requiredPurposes(policy: Policy): Purpose[] {
  return policy.purposes.filter((purpose) => purpose.required);
}

/**
 * A purpose's label. One the current policy no longer has (named in an earlier record) keeps
 * a plain name when it was a preset ("Advertising"); only a site's own purpose falls back to its id.
 */
export function purposeLabel(policy: Policy | null, id: string): string {
  return policy?.purposes.find((purpose) => purpose.id === id)?.label ?? (isPresetPurposeId(id) ? PRESETS[id].texts().label : id);
}

/*
 * The first Intl formatter a page builds starts ICU: 20–90 ms of main thread, in the middle
 * of the banner's first render. So lists and dates in US English (the source locale), and
 * lists of one in any language, are written without Intl, exactly as Intl writes them; for
 * other languages ICU is started once the page is idle, so that a later click (Reject all,
 * whose confirmation lists purposes) does not pay for it either.
 */
function writesUsEnglish(locale: string): boolean {
  return locale === 'en' || locale === 'en-US';
}

let icuStarted = false;

function startIcuWhenIdle(locale: string): void {
  if (icuStarted || writesUsEnglish(locale)) return;
  icuStarted = true;
  const start = () => {
    try {
      new Intl.ListFormat(locale);
    } catch {
      // A tag Intl refuses: listOf falls back to commas for it anyway.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}

/** "A, B and C" in the page's language ("A, B, and C" in US English). */
export function listOf(items: readonly string[]): string {
  const locale = pageLocale();
  // A list of one is that item in every language.
  if (items.length <= 1) {
    startIcuWhenIdle(locale);
    return items[0] ?? '';
  }
  // What Intl.ListFormat('en', { style: 'long', type: 'conjunction' }) writes.
  if (writesUsEnglish(locale)) {
    return items.length === 2 ? `${items[0]} and ${items[1]}` : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
  }
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** A date and time the visitor reads ("12 March 2026, 14:05"). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(pageLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString();
  }
}

const ENGLISH_MONTHS = 'January February March April May June July August September October November December'.split(' ');

/**
 * `date` (in UTC) as `Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' })`
 * writes it ("November 1, 2026"); null outside the years where that is certain (ICU's
 * calendar is Julian before 1582).
 */
function usEnglishDate(date: Date): string | null {
  const year = date.getUTCFullYear();
  if (year < 1600 || year > 9999) return null;
  return `${ENGLISH_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${year}`;
}

/** A calendar date (`YYYY-MM-DD` or ISO time) the visitor reads. */
export function formatDate(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const locale = pageLocale();
  const english = writesUsEnglish(locale) ? usEnglishDate(date) : null;
  if (english !== null) return english;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return value;
  }
}

export interface DecisionSummary {
  /** `all-on`: every optional purpose granted; `all-off`: every one refused. */
  kind: 'all-on' | 'all-off' | 'mixed';
  on: string[];
  off: string[];
}

/** Which optional purposes of the policy are on and off in `decisions`. */
export function summarizeDecisions(policy: Policy, decisions: Decisions): DecisionSummary {
  const on: string[] = [];
  const off: string[] = [];
  for (const purpose of optionalPurposes(policy)) {
    (Object.hasOwn(decisions, purpose.id) && decisions[purpose.id] === true ? on : off).push(purpose.label);
  }
  const kind = off.length === 0 ? 'all-on' : on.length === 0 ? 'all-off' : 'mixed';
  return { kind, on, off };
}

/**
 * One sentence that says what the visitor's choice now is. With `persisted` false (storage
 * refused the record) it never says "saved".
 */
export function decisionSentence(summary: DecisionSummary, persisted = true): string {
  if (summary.on.length === 0 && summary.off.length === 0) {
    if (!persisted) return '';
    return msg('Your choice is saved. This site only uses what it needs to work.', {
      desc: 'Confirmation after a consent choice when the policy has no optional purposes.',
    });
  }
  if (summary.kind === 'all-on') {
    return msg(str`You accepted everything. On: ${listOf(summary.on)}.`, {
      desc: 'Confirmation after accepting all purposes. The placeholder is a list of purpose names.',
    });
  }
  if (summary.kind === 'all-off') {
    return msg(str`You refused everything optional. Off: ${listOf(summary.off)}.`, {
      desc: 'Confirmation after refusing all optional purposes. The placeholder is a list of purpose names.',
    });
  }
  if (!persisted) {
    return [
      msg(str`Turned on: ${listOf(summary.on)}.`, { desc: 'Consent history: purposes turned on. The placeholder lists them.' }),
      msg(str`Turned off: ${listOf(summary.off)}.`, { desc: 'Consent history: purposes turned off. The placeholder lists them.' }),
    ].join(' ');
  }
  return msg(str`Your choices are saved. On: ${listOf(summary.on)}. Off: ${listOf(summary.off)}.`, {
    desc: 'Confirmation after a mixed consent choice. Placeholders are lists of purpose names.',
  });
}

/** Said after a choice that storage refused: it holds for this page only. */
export function notStoredSentence(): string {
  return msg('This browser would not let us store your choice, so it applies to this page only.', {
    desc: 'Consent banner confirmation when storage failed.',
  });
}

/** How a decision was made, as a phrase ("in the banner"). */
export function sourceLabel(source: ConsentSource): string {
  switch (source) {
    case 'banner':
      return msg('In the privacy banner', { desc: 'Consent history: the choice was made in the first-layer banner.' });
    case 'preferences':
      return msg('In your privacy choices', { desc: 'Consent history: the choice was made in the privacy center.' });
    case 'why':
      return msg('From a "Why am I seeing this?" panel', {
        desc: 'Consent history: the choice was made from an explanation of a recommendation or ad.',
      });
    case 'gpc':
      return msg('By your browser’s Global Privacy Control signal', {
        desc: 'Consent history: the browser privacy signal turned purposes off.',
      });
    case 'api':
    default:
      return msg('By the site on your behalf', { desc: 'Consent history: the site recorded the choice through its code.' });
  }
}

export function legalBasisLabel(basis: LegalBasis): string {
  switch (basis) {
    case 'consent':
      return msg('Your consent', { desc: 'Legal basis of a purpose (GDPR Art. 6(1)(a)).' });
    case 'legitimate-interest':
      return msg('Our legitimate interest', { desc: 'Legal basis of a purpose (GDPR Art. 6(1)(f)).' });
    case 'contract':
      return msg('Needed for our contract with you', { desc: 'Legal basis of a purpose (GDPR Art. 6(1)(b)).' });
    case 'legal-obligation':
    default:
      return msg('Required by law', { desc: 'Legal basis of a purpose (GDPR Art. 6(1)(c)).' });
  }
}

/** Purposes that Global Privacy Control denies by default: every sale or share. */
export function gpcPurposes(policy: Policy): Purpose[] {
  return policy.purposes.filter((purpose) => purpose.saleOrShare && !purpose.required);
}

/** What the browser's Global Privacy Control signal means here, in one or two sentences. */
export function gpcSentence(policy: Policy, decisions: Decisions): string {
  const affected = gpcPurposes(policy);
  if (affected.length === 0) {
    return msg(
      'Your browser sends a Global Privacy Control signal, and this site honours it. This site does not sell or share your data, so nothing needed turning off.',
      { desc: 'Notice shown when the browser privacy signal is on and no purpose is a sale or share.' },
    );
  }
  const off = affected.filter((purpose) => decisions[purpose.id] !== true).map((purpose) => purpose.label);
  const on = affected.filter((purpose) => decisions[purpose.id] === true).map((purpose) => purpose.label);
  const sentences = [];
  if (off.length) {
    sentences.push(
      msg(str`Your browser sends a Global Privacy Control signal, and this site honors it. These stay off unless you turn them on yourself: ${listOf(off)}.`, {
        desc: 'Notice shown when the browser privacy signal is on. The placeholder lists the purposes it turned off.',
      }),
    );
  } else {
    sentences.push(
      msg('Your browser sends a Global Privacy Control signal, and this site honours it.', {
        desc: 'Notice shown when the browser privacy signal is on and the visitor turned every affected purpose on.',
      }),
    );
  }
  if (on.length) {
    sentences.push(
      msg(str`You turned on ${listOf(on)} yourself.`, {
        desc: 'Part of the privacy-signal notice: purposes the visitor granted although the signal is on.',
      }),
    );
  }
  return sentences.join(' ');
}

/**
 * Purposes behind "Turn off personalization": personalization, advertising, and every
 * sale or share, when the policy has them and they are not required.
 */
export function personalizationPurposes(policy: Policy): Purpose[] {
  const named = new Set(['personalization', 'advertising']);
  return policy.purposes.filter(
    (purpose) => !purpose.required && (named.has(purpose.id) || named.has(purpose.preset ?? '') || purpose.saleOrShare),
  );
}

/** "Read the full privacy policy" and when it last changed; nothing when the URL is missing or unsafe. */
export function renderPolicyLink(policy: Policy): TemplateResult | typeof nothing {
  const url = policy.url ? safeUrl(policy.url) : null;
  if (!url) return nothing;
  return html`<p>
    <a class="link" part="policy-link" href=${url}>${msg('Read the full privacy policy', { desc: 'Link to the site privacy policy.' })}</a>
    ${policy.updated
      ? html`<span class="muted">${msg(str`(updated ${formatDate(policy.updated)})`, {
          desc: 'After the privacy policy link: when the policy last changed. The placeholder is a date.',
        })}</span>`
      : nothing}
  </p>`;
}
