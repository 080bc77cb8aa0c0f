import { executeServerCommand } from '@web/test-runner-commands';

/** A second page (tab) of the same browser context as the test page. */
export interface OtherPage {
  /** Evaluates a JavaScript expression (it may be an async IIFE) there and returns its JSON result. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function openOtherPage(path = '/test/helpers/blank.html'): Promise<OtherPage> {
  const id = await executeServerCommand<number, { path: string }>('candor-open-page', { path });
  return {
    evaluate: <T>(expression: string) =>
      executeServerCommand<T, { id: number; expression: string }>('candor-evaluate-in-page', { id, expression }),
    close: async () => {
      await executeServerCommand('candor-close-page', { id });
    },
  };
}
