// Runs axe-core over an element (it walks into open shadow roots) and fails the test with
// every violation's rule id and targets. axe-core ships as UMD: importing it for its side
// effect puts `axe` on window.
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };
  }
}

/** WCAG 2.0–2.2 A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The violations axe finds in `element`, as "rule-id: target, target" lines. */
export async function axeViolations(element: Element | Document): Promise<string[]> {
  const results = await window.axe.run(element, { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] });
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.nodes
        .map((node) => JSON.stringify(node.target))
        .join(', ')} — ${violation.help}`,
  );
}

/** Fails with the list of violations when axe finds any in `element`. */
export async function expectNoAxeViolations(element: Element | Document): Promise<void> {
  const violations = await axeViolations(element);
  if (violations.length) throw new Error(`axe found ${violations.length} violation(s):\n${violations.join('\n')}`);
}
