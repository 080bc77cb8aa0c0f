import { executeServerCommand } from '@web/test-runner-commands';

/** What a page opened with `record: true` did since it started loading. */
export interface PageLog {
  console: Array<{ type: string; text: string }>;
  errors: string[];
  requests: Array<{ url: string; type: string }>;
  violations: Array<{ directive: string; blocked: string; sample: string; source: string; line: number }>;
}

/** A second page (tab) of the same browser context as the test page. */
export interface OtherPage {
  /** Evaluates a JavaScript expression (it may be an async IIFE) there and returns its JSON result. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Console messages, page errors, requests and CSP violations so far (pages opened with `record: true`). */
  log(): Promise<PageLog>;
  /** Makes this tab the one in front (the test page goes to the back). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export async function openOtherPage(path = '/test/helpers/blank.html', { record = false } = {}): Promise<OtherPage> {
  const id = await executeServerCommand<number, { path: string; record: boolean }>('candor-open-page', { path, record });
  return {
    evaluate: async <T>(expression: string) =>
      (await executeServerCommand<{ value: T }, { id: number; expression: string }>('candor-evaluate-in-page', { id, expression })).value,
    log: () => executeServerCommand<PageLog, { id: number }>('candor-page-log', { id }),
    bringToFront: async () => {
      await executeServerCommand('candor-bring-to-front', { id });
    },
    close: async () => {
      await executeServerCommand('candor-close-page', { id });
    },
  };
}

/** Brings the test page itself back to the front. */
export async function bringTestPageToFront(): Promise<void> {
  await executeServerCommand('candor-bring-to-front', { id: 0 });
}

/**
 * Emulates CSS media features on the test page (`forced-colors`, `prefers-reduced-motion`,
 * `prefers-color-scheme` …). Throws where the engine cannot (Firefox over WebDriver BiDi).
 */
export async function emulateMediaFeatures(features: Array<{ name: string; value: string }>): Promise<void> {
  await executeServerCommand('candor-emulate-media-features', { features });
}
