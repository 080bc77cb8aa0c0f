// Serves the hardening test pages (test/hardening/fixtures/*.html) the way a strict site
// would: with a Content-Security-Policy header that has no 'unsafe-inline' and no
// 'unsafe-eval', requires Trusted Types for every script sink, and allows only the
// Trusted Types policies Candor and Lit create. Each response gets a fresh nonce, written
// into the header and in place of every `{{nonce}}` in the page. `?csp=none` serves a page
// without the header, for tests that must see what a page would do unrestricted;
// `?csp=objects` also allows same-origin plugin content (object-src 'self'), for <embed> gates.
import { randomBytes } from 'node:crypto';

const FIXTURES = '/test/hardening/fixtures/';

/** The Trusted Types policies a page needs for Candor: Lit's templates, and Candor's gates. */
export const TRUSTED_TYPES_POLICIES = ['lit-html', 'candor'];

/** The policy for a nonce; `objects` allows same-origin <embed> and <object> (object-src). */
export function strictPolicy(nonce, { objects = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    `object-src ${objects ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
  ].join('; ');
}

export function hardeningPlugin() {
  return {
    name: 'candor-hardening',
    transform(context) {
      if (!context.path.startsWith(FIXTURES) || !context.response.is('html')) return undefined;
      const nonce = randomBytes(16).toString('base64');
      const csp = context.URL.searchParams.get('csp');
      return {
        body: String(context.body).replaceAll('{{nonce}}', nonce),
        headers: csp === 'none' ? {} : { 'content-security-policy': strictPolicy(nonce, { objects: csp === 'objects' }) },
        // A nonce is used once: never serve this response again from the transform cache.
        transformCache: false,
      };
    },
  };
}
