// Shared set-up for the gating tests: markup mounted for one test, a log the gated scripts
// write to, and a check that nothing left the test server.
import { onCleanup } from '../core/fixtures/store.js';

declare global {
  interface Window {
    gatingLog?: string[];
  }
}

/** Puts markup in a container in the page until cleanup. Scripts written this way never run by themselves. */
export function mount(html: string): HTMLDivElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  onCleanup(() => container.remove());
  return container;
}

/** Waits for the next frames, so that anything the page was going to do has happened. */
export async function settle(frames = 3): Promise<void> {
  for (let frame = 0; frame < frames; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Every URL the page loaded that is not on the test server's origin. */
export function outsideRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => new URL(url).origin !== location.origin);
}

/** Cookie names visible to the page. */
export function cookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}
