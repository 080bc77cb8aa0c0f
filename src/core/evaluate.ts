import type { ConsentRecord, Decisions, Policy, PolicyChanges, PromptState, Purpose, PurposeId } from './types.js';

export function isExpired(record: ConsentRecord, now: number): boolean {
  return now >= Date.parse(record.expiresAt);
}

/** The record's own grant: a `true` stored under the purpose's own id, for the text the visitor saw. */
function recordGrants(record: ConsentRecord, purpose: Purpose): boolean {
  return (
    Object.hasOwn(record.decisions, purpose.id) &&
    record.decisions[purpose.id] === true &&
    Object.hasOwn(record.purposes, purpose.id) &&
    record.purposes[purpose.id] === purpose.fingerprint
  );
}

/**
 * What the store acts on, for every purpose of the policy. Required purposes are on.
 * Anything else is on only when a current (unexpired) record grants it for the same
 * wording the visitor saw; a reworded purpose waits for a new answer. Under Global
 * Privacy Control a sale/share purpose also needs the visitor's explicit override.
 */
export function effectiveDecisions(
  policy: Policy,
  record: ConsentRecord | null,
  { gpc, now }: { gpc: boolean; now: number },
): Decisions {
  const current = record !== null && !isExpired(record, now) ? record : null;
  return Object.fromEntries(
    policy.purposes.map((purpose) => {
      if (purpose.required) return [purpose.id, true];
      if (current === null || !recordGrants(current, purpose)) return [purpose.id, false];
      const deniedByGpc = gpc && purpose.saleOrShare && !current.gpcOverrides.includes(purpose.id);
      return [purpose.id, !deniedByGpc];
    }),
  );
}

/** Sale/share purposes a current record grants although GPC is on and the visitor never overrode it. */
export function purposesDeniedByGpc(policy: Policy, record: ConsentRecord, now: number): PurposeId[] {
  if (isExpired(record, now)) return [];
  return policy.purposes
    .filter((purpose) => purpose.saleOrShare && !purpose.required && !record.gpcOverrides.includes(purpose.id))
    .filter((purpose) => Object.hasOwn(record.decisions, purpose.id) && record.decisions[purpose.id] === true)
    .map((purpose) => purpose.id);
}

/** Purposes added, removed or reworded since the visitor chose, from the fingerprints the record kept. */
export function policyChanges(policy: Policy, record: ConsentRecord): PolicyChanges {
  const current = new Set(policy.purposes.map((purpose) => purpose.id));
  return {
    added: policy.purposes.filter((purpose) => !Object.hasOwn(record.purposes, purpose.id)).map((purpose) => purpose.id),
    removed: Object.keys(record.purposes).filter((id) => !current.has(id)),
    reworded: policy.purposes
      .filter((purpose) => Object.hasOwn(record.purposes, purpose.id) && record.purposes[purpose.id] !== purpose.fingerprint)
      .map((purpose) => purpose.id),
  };
}

const NOT_NEEDED: PromptState = Object.freeze({ needed: false, reason: null, changes: null });

/**
 * Whether the visitor must be asked, and why. Required purposes are never a question: a
 * policy of required purposes only needs no prompt, and a required purpose that was added
 * or reworded is listed in the changes but does not on its own make the store ask again.
 */
export function promptState(
  policy: Policy | null,
  record: ConsentRecord | null,
  { invalidRecord, now }: { invalidRecord: boolean; now: number },
): PromptState {
  if (policy === null || policy.purposes.every((purpose) => purpose.required)) return NOT_NEEDED;
  if (record === null) return { needed: true, reason: invalidRecord ? 'invalid-record' : 'no-record', changes: null };
  if (isExpired(record, now)) return { needed: true, reason: 'expired', changes: null };
  const changes = policyChanges(policy, record);
  const optional = new Set(policy.purposes.filter((purpose) => !purpose.required).map((purpose) => purpose.id));
  const needsChoice =
    record.policyVersion !== policy.version ||
    changes.removed.length > 0 ||
    changes.added.some((id) => optional.has(id)) ||
    changes.reworded.some((id) => optional.has(id));
  return needsChoice ? { needed: true, reason: 'policy-changed', changes } : NOT_NEEDED;
}
