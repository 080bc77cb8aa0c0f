/**
 * The purpose list of a gated element (`data-candor-purpose="analytics advertising"`),
 * shared by the gating modules.
 */
import type { ConsentStore, PurposeId } from '../core/index.js';

export const PURPOSE_ATTRIBUTE = 'data-candor-purpose';

/** The purpose ids an element names, space-separated, without repeats. */
export function purposesOf(element: Element): PurposeId[] {
  return [...new Set((element.getAttribute(PURPOSE_ATTRIBUTE) ?? '').split(/\s+/).filter(Boolean))];
}

/** Whether every purpose is granted. An empty list grants nothing: a typo must not run a tracker. */
export function allGranted(store: ConsentStore, purposes: readonly PurposeId[]): boolean {
  return purposes.length > 0 && purposes.every((id) => store.isGranted(id));
}

/** Sorts elements into document order (in place) and returns them. */
export function inDocumentOrder<T extends Node>(nodes: T[]): T[] {
  return nodes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
