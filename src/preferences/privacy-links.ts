import { requestPreferences } from '../events/preferences-request.js';

const INSTALLED = Symbol.for('candor.privacyLinks');

/**
 * Makes every element with `data-candor-preferences` open the privacy center on click,
 * with no script of the site's own: one delegated listener on `document`, installed once
 * per page (by `<candor-banner>` or `<candor-preferences>`). The attribute's value, if
 * any, names the store key. A link keeps working as a link when opened in a new tab
 * (modifier keys, middle click) or when Candor is not loaded.
 *
 * ```html
 * <a href="/privacy" data-candor-preferences>Privacy choices</a>
 * ```
 */
export function installPrivacyChoicesLinks(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  document.addEventListener('click', onClick);
}

function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const trigger = event
    .composedPath()
    .find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-candor-preferences'));
  if (!trigger) return;
  event.preventDefault();
  const storeKey = trigger.getAttribute('data-candor-preferences')?.trim();
  requestPreferences(trigger, storeKey ? { storeKey } : {});
}
