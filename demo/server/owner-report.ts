// The site owner's view of the backend: consent rates per purpose over time and what
// feedback says, computed from the same stored data that ranks the shop. Aggregates only,
// plus the latest receipts without visitor ids.
import type { FeedbackReason } from '../../src/index.js';
import { FEEDBACK_REASONS } from '../../src/feedback/feedback.types.js';
import type { ConsentPeriod, OwnerSummary, ReceiptRow } from './api-types.js';
import type { StoredData } from './storage.js';
import type { StoredReceipt } from './visitor.js';

/** Period lengths to choose from, in minutes: 1 min … 30 days. */
const PERIOD_MINUTES = [1, 5, 15, 60, 6 * 60, 24 * 60, 7 * 24 * 60, 30 * 24 * 60];
const MAX_PERIODS = 12;
const LATEST_RECEIPTS = 10;
const MINUTE_MS = 60_000;

export function ownerSummary(data: StoredData, now: Date, storageNotice: string | null): OwnerSummary {
  const visitors = Object.values(data.visitors);
  const receipts = visitors.flatMap((visitor, index) => visitor.receipts.map((receipt) => ({ visitor: index, receipt })));
  receipts.sort((a, b) => Date.parse(a.receipt.decidedAt) - Date.parse(b.receipt.decidedAt));

  const purposes: string[] = [];
  for (const { receipt } of receipts) {
    for (const id of Object.keys(receipt.decisions)) if (!purposes.includes(id)) purposes.push(id);
  }

  const feedback = visitors.flatMap((visitor) => visitor.feedback);
  const standing = feedback.filter((entry) => entry.withdrawnAt === null);
  const notHelpful = standing.filter((entry) => entry.sentiment === 'not-helpful');
  const reasons: Array<FeedbackReason | 'none'> = [...FEEDBACK_REASONS, 'none'];
  const ratings = visitors.flatMap((visitor) => visitor.ratings);

  return {
    generatedAt: now.toISOString(),
    visitors: visitors.length,
    receipts: receipts.length,
    purposes,
    consentOverTime: consentOverTime(receipts, now),
    feedback: {
      helpful: standing.length - notHelpful.length,
      notHelpful: notHelpful.length,
      withdrawn: feedback.length - standing.length,
      reasons: reasons.map((reason) => ({
        reason,
        count: notHelpful.filter((entry) => (entry.reason ?? 'none') === reason).length,
      })),
    },
    explanationRatings: {
      helpful: ratings.filter((rating) => rating.helpful).length,
      notHelpful: ratings.filter((rating) => !rating.helpful).length,
    },
    latestReceipts: receipts
      .slice(-LATEST_RECEIPTS)
      .reverse()
      .map(({ receipt }) => receiptRow(receipt)),
    storageNotice,
  };
}

/**
 * Splits the time from the first receipt to now into at most 12 equal periods (the shortest
 * length that fits, or the last 12 of the longest). In each, every visitor who decided counts
 * once, with their last decision in that period.
 */
function consentOverTime(receipts: Array<{ visitor: number; receipt: StoredReceipt }>, now: Date) {
  if (!receipts.length) return { periodMinutes: PERIOD_MINUTES[0]!, periods: [] };
  const first = Date.parse(receipts[0]!.receipt.decidedAt);
  const last = Math.max(now.getTime(), Date.parse(receipts.at(-1)!.receipt.decidedAt));
  const periodMinutes =
    PERIOD_MINUTES.find((minutes) => periodsBetween(first, last, minutes) <= MAX_PERIODS) ?? PERIOD_MINUTES.at(-1)!;
  const size = periodMinutes * MINUTE_MS;
  const count = periodsBetween(first, last, periodMinutes);
  const start = Math.floor(first / size) * size + Math.max(0, count - MAX_PERIODS) * size;

  const periods: ConsentPeriod[] = [];
  for (let index = 0; index < Math.min(count, MAX_PERIODS); index += 1) {
    const from = start + index * size;
    const lastDecision = new Map<number, StoredReceipt>();
    for (const { visitor, receipt } of receipts) {
      const at = Date.parse(receipt.decidedAt);
      if (at >= from && at < from + size) lastDecision.set(visitor, receipt);
    }
    const granted: Record<string, number> = {};
    for (const receipt of lastDecision.values()) {
      for (const [id, on] of Object.entries(receipt.decisions)) granted[id] = (granted[id] ?? 0) + (on ? 1 : 0);
    }
    periods.push({ start: new Date(from).toISOString(), visitors: lastDecision.size, granted });
  }
  return { periodMinutes, periods };
}

function periodsBetween(first: number, last: number, minutes: number): number {
  const size = minutes * MINUTE_MS;
  return Math.floor(last / size) - Math.floor(first / size) + 1;
}

function receiptRow(receipt: StoredReceipt): ReceiptRow {
  const { receiptId, decidedAt, source, gpc, policyVersion, decisions } = receipt;
  return { receiptId, decidedAt, source, gpc, policyVersion, decisions };
}
