import { safeUrl } from './safe-url.js';

/**
 * Candor's one Trusted Types policy, for the sinks its gates write: a gated script's `src`
 * and text, and an `<embed>`'s `src`. A page that requires Trusted Types and names its
 * policies lists it beside Lit's: `trusted-types lit-html candor`.
 */
export const TRUSTED_TYPES_POLICY = 'candor';

/** What the gates need of a policy (TypeScript's DOM types have no Trusted Types). */
interface Policy {
  createScript(text: string): unknown;
  createScriptURL(url: string): unknown;
}

let policy: Policy | null | undefined;

/**
 * This copy of Candor's policy, made on first use. It vouches only for http(s) or relative
 * URLs (`safeUrl`) and for script text the page itself wrote in a gated placeholder. Null
 * without Trusted Types, or when the page's `trusted-types` directive does not allow it
 * (or another copy of Candor made it first): then plain strings, which work wherever
 * Trusted Types are not required.
 */
function candorPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes;
  try {
    policy =
      factory?.createPolicy(TRUSTED_TYPES_POLICY, {
        createScript: (text) => text,
        createScriptURL: (url) => {
          if (safeUrl(url) === null) throw new TypeError(`Candor: ${JSON.stringify(url)} is not an http(s) or relative URL`);
          return url;
        },
      }) ?? null;
  } catch {
    policy = null;
  }
  return policy;
}

/** A script URL for a Trusted Types sink (a string where they are not enforced). Throws on an unsafe URL. */
export function trustedScriptURL(url: string): string {
  const candor = candorPolicy();
  return (candor ? candor.createScriptURL(url) : url) as string;
}

/** Script text for a Trusted Types sink (a string where they are not enforced). */
export function trustedScript(text: string): string {
  const candor = candorPolicy();
  return (candor ? candor.createScript(text) : text) as string;
}

/** What to tell the page when a sink refused a value anyway: its policy names do not include Candor's. */
export function trustedTypesHelp(what: string): string {
  return `Candor: ${what}: this page requires Trusted Types and does not allow Candor's policy. Add "${TRUSTED_TYPES_POLICY}" to its trusted-types directive.`;
}
