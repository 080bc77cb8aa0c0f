/**
 * Script gating: scripts the page holds back until the visitor grants their purpose.
 *
 * ```html
 * <script type="text/plain" data-candor-purpose="analytics" data-src="/js/analytics.js"></script>
 * <script type="text/plain" data-candor-purpose="analytics advertising">initAds();</script>
 * ```
 * ```js
 * import { gateScripts } from 'candor/gating/scripts';
 * gateScripts({ cleanup: { analytics: [{ name: /^_ga/, domain: '.example.com' }] } });
 * ```
 * Its own module with no side effects: a page that does not import it pays nothing for it.
 * @module
 */
import { DEFAULT_STORAGE_KEY, getConsentStore, type ConsentStore } from '../core/store.js';
import type { PurposeId } from '../core/types.js';
import { allGranted, inDocumentOrder, purposesOf } from '../internal/purpose-list.js';
import { safeUrl } from '../internal/safe-url.js';
import { trustedScript, trustedScriptURL, trustedTypesHelp } from '../internal/trusted-types.js';

/** Something a purpose leaves in the browser, that withdrawing the purpose removes. */
export interface CleanupEntry {
  /** The cookie or storage key, or a pattern every matching name is removed by. */
  name: string | RegExp;
  /** The cookie's `Domain` as the site set it (`.example.com`); cookies are also deleted without a domain. */
  domain?: string;
  /** The cookie's `Path` as the site set it. Default `/`. */
  path?: string;
  /** Where it lives: a cookie (default), `localStorage` (`'local'`) or `sessionStorage` (`'session'`). */
  storage?: 'cookie' | 'local' | 'session';
}

export interface GateScriptsOptions {
  /** The consent store to follow. Default: the page's store (`getConsentStore()`). */
  store?: ConsentStore;
  /** Where to look for gated scripts, including ones added later. Default `document`. */
  root?: ParentNode;
  /**
   * Per purpose id, the cookies and storage keys its scripts set: removed when the visitor
   * withdraws that purpose. The consent record's own key is never removed.
   */
  cleanup?: Record<PurposeId, CleanupEntry[]>;
  /**
   * The page's CSP nonce (this response's `'nonce-…'` value). When given, a held-back
   * script runs only if its placeholder carries this same nonce (`<script type="text/plain"
   * nonce="…" …>`); any other is never run, gets `type="text/x-candor-refused"` and is
   * reported with a console error. Markup injected into the page cannot know the nonce (nor
   * take the site's by leaving its tag unclosed: such a placeholder is refused), so Candor
   * cannot be made to run it. SVG `<script>` elements are never released.
   * Default: no check (every held-back script runs once its purposes are granted).
   */
  nonce?: string;
}

/** A running gate. */
export interface ScriptGate {
  /** Stops watching the store and the page. Scripts already running cannot be stopped. */
  stop(): void;
}

const GATED_SCRIPT = 'script[type="text/plain" i][data-candor-purpose]';
/** Attributes of the placeholder that describe the gating, not the script to run. */
const NOT_COPIED = new Set(['type', 'data-src', 'data-type', 'nonce']);
const STORAGE_KINDS = ['cookie', 'local', 'session'];
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** What a placeholder refused for lacking the nonce becomes: still no script type, and no longer a placeholder. */
const REFUSED_TYPE = 'text/x-candor-refused';
/** A CSP nonce is a base64 or base64url value (CSP's `base64-value`): anything else can never match `'nonce-…'`. */
const NONCE_VALUE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Placeholders some gate has taken, shared by every gate of this copy of Candor, so each runs once. */
const claimed = new WeakSet<HTMLScriptElement>();

/**
 * Runs `<script type="text/plain" data-candor-purpose="…">` elements once every purpose
 * they name (space-separated) is granted in the consent store: inline ones, and external
 * ones whose URL is in `data-src` (http(s) or relative only).
 *
 * - Each placeholder is replaced by a real `<script>` with the same attributes (`data-src`
 *   becomes `src`; `data-type="module"` becomes `type="module"`), and with the page's CSP
 *   nonce, read from the `nonce` property because browsers hide the attribute. Where the
 *   page requires Trusted Types, they go through Candor's policy `candor`: list it beside
 *   Lit's (`trusted-types lit-html candor`).
 * - Scripts run in document order: an external script (classic or module) is loaded and
 *   run, or fails, before the next one starts. An inline module runs a moment after it is
 *   activated, as modules do, so a classic inline script right after it may run first.
 *   Scripts added to the page later (found with a `MutationObserver`) run when their
 *   purposes are granted too. Each runs once.
 * - Code that has run cannot be un-run. When the visitor withdraws a purpose, the cookies
 *   and storage keys declared for it in `cleanup` are removed (cookies with the declared
 *   domain and path, and without a domain); on the next page load its scripts stay held
 *   back, because the record says refused.
 * - With `nonce`, only placeholders that carry the page's nonce run: the others stay inert
 *   (`type="text/x-candor-refused"`, so no other gate or copy of Candor runs them either)
 *   and each is reported once with a console error naming its purposes and source. Without
 *   it, the gate trusts every placeholder in the page as the browser trusts a `<script>`.
 *
 * Call it from a module loaded before the gated scripts' purposes can be granted, for
 * example right after the store is configured. Throws on a malformed `cleanup` or `nonce`,
 * naming the option.
 */
export function gateScripts(options: GateScriptsOptions = {}): ScriptGate {
  const store = options.store ?? getConsentStore();
  const root = options.root ?? document;
  const cleanup = checkCleanup(options.cleanup ?? {});
  const nonce = checkNonce(options);
  // By node type, not instanceof: the root may be the document of a same-origin frame.
  const doc = (root as Node).nodeType === Node.DOCUMENT_NODE ? (root as Document) : ((root as Node).ownerDocument ?? document);
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  let granted = grantedPurposes(store);

  const activateGranted = (): void => {
    // While the parser is still writing the page a placeholder may lack part of its text.
    if (stopped || doc.readyState === 'loading') return;
    const ready: HTMLScriptElement[] = [];
    for (const placeholder of root.querySelectorAll<HTMLScriptElement>(GATED_SCRIPT)) {
      // An SVG <script> matches the selector too, but is no HTML script: never released.
      if (claimed.has(placeholder) || placeholder.namespaceURI !== HTML_NAMESPACE) continue;
      if (nonce !== null && !carriesNonce(placeholder, nonce)) {
        claimed.add(placeholder);
        refuse(placeholder);
      } else if (allGranted(store, purposesOf(placeholder))) {
        ready.push(placeholder);
      }
    }
    for (const placeholder of inDocumentOrder(ready)) {
      claimed.add(placeholder);
      queue = queue.then(() => (stopped ? undefined : activate(placeholder)));
    }
  };

  const onChange = (): void => {
    const now = grantedPurposes(store);
    for (const [id, entries] of Object.entries(cleanup)) {
      if (granted.has(id) && !now.has(id)) removeDeclared(entries, store.key);
    }
    granted = now;
    activateGranted();
  };

  const unsubscribe = store.subscribe(onChange);
  const observer = new MutationObserver(activateGranted);
  observer.observe(root as Node, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', activateGranted);
  activateGranted();

  return {
    stop() {
      stopped = true;
      unsubscribe();
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', activateGranted);
    },
  };
}

function grantedPurposes(store: ConsentStore): Set<PurposeId> {
  return new Set(
    Object.entries(store.decisions)
      .filter(([, granted]) => granted)
      .map(([id]) => id),
  );
}

/** Replaces a placeholder with a script that runs; resolves once the next one may start. */
function activate(placeholder: HTMLScriptElement): Promise<void> {
  if (!placeholder.isConnected) return Promise.resolve();
  const script = (placeholder.ownerDocument ?? document).createElement('script');
  for (const { name, value } of placeholder.attributes) {
    if (!NOT_COPIED.has(name)) script.setAttribute(name, value);
  }
  if (placeholder.getAttribute('data-type') === 'module') script.type = 'module';
  if (placeholder.nonce) script.nonce = placeholder.nonce;
  const source = placeholder.getAttribute('data-src');
  const url = source === null ? null : safeUrl(source);
  if (source !== null && url === null) {
    console.error(`Candor: a gated script's data-src ${JSON.stringify(source)} is not an http(s) or relative URL; it was not run.`);
    return Promise.resolve();
  }
  try {
    if (url !== null) script.src = trustedScriptURL(url);
    else script.text = trustedScript(placeholder.text);
  } catch (error) {
    console.error(trustedTypesHelp('a gated script could not be run'), error);
    return Promise.resolve();
  }
  script.async = false;
  // The next script waits until an external one has run (or failed). An inline module runs
  // a moment after insertion and fires no load event in Chromium, so nothing can wait for it.
  const finished =
    source !== null
      ? new Promise<void>((resolve) => {
          script.addEventListener('load', () => resolve(), { once: true });
          script.addEventListener('error', () => resolve(), { once: true });
        })
      : Promise.resolve();
  placeholder.replaceWith(script);
  return finished;
}

/** The nonce to require, or null for none; a value that can never be a CSP nonce throws. */
function checkNonce(options: GateScriptsOptions): string | null {
  const { nonce } = options;
  if (nonce === undefined && !Object.hasOwn(options, 'nonce')) return null;
  // `{ nonce: document.currentScript?.nonce }` in a module is `undefined`: refuse it rather than drop the check.
  if (typeof nonce !== 'string' || !NONCE_VALUE.test(nonce)) {
    throw new Error(
      `Candor: gateScripts({ nonce }) must be the page's CSP nonce, the base64 value of its 'nonce-…' (got ${
        nonce === undefined ? 'undefined; in a module document.currentScript is null' : JSON.stringify(nonce)
      }). Leave the option out to run held-back scripts without a nonce.`,
    );
  }
  return nonce;
}

/**
 * Whether a placeholder carries the page's nonce as the site wrote it. Browsers ignore the
 * nonce of an element with `<script` or `<style` in an attribute: that is an unclosed
 * injected tag that swallowed the start of the site's own tag, and with it its nonce
 * (`<script type="text/plain" … x=` just before a `<script nonce="…">` of the site). No
 * attribute of a real placeholder holds a `<`, so any does here.
 */
function carriesNonce(placeholder: HTMLScriptElement, nonce: string): boolean {
  if (placeholder.nonce !== nonce) return false;
  return ![...placeholder.attributes].some(({ name, value }) => name.includes('<') || value.includes('<'));
}

/**
 * Leaves a refused placeholder inert for good, for every gate of every copy of Candor on the
 * page (the type no longer matches what a gate looks for), and says which one it was.
 */
function refuse(placeholder: HTMLScriptElement): void {
  placeholder.type = REFUSED_TYPE;
  const purposes = purposesOf(placeholder).join(' ') || '(none)';
  const source = placeholder.getAttribute('data-src');
  const text = (placeholder.textContent ?? '').trim().replace(/\s+/g, ' ');
  const which = source !== null ? `data-src ${JSON.stringify(source)}` : `inline ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}`;
  console.error(
    `Candor: a gated script (purposes ${purposes}, ${which}) does not carry the page's nonce, so it was not run. ` +
      'If the page wrote it, give it nonce="…" like the page\'s other scripts; if not, it was injected.',
  );
}

/** Checks the declarations once, up front, so a typo fails loudly instead of leaving a tracker's cookie behind. */
function checkCleanup(cleanup: Record<PurposeId, CleanupEntry[]>): Record<PurposeId, CleanupEntry[]> {
  const field = (path: string) => `Candor: gateScripts({ cleanup }) cleanup.${path}`;
  if (cleanup === null || typeof cleanup !== 'object' || Array.isArray(cleanup)) {
    throw new Error('Candor: gateScripts({ cleanup }) must be an object of purpose ids and lists, e.g. { analytics: [{ name: "_ga" }] }');
  }
  for (const [id, entries] of Object.entries(cleanup)) {
    if (!Array.isArray(entries)) throw new Error(`${field(id)} must be a list of { name, domain?, path?, storage? }`);
    entries.forEach((entry, index) => {
      const at = `${id}[${index}]`;
      if (entry === null || typeof entry !== 'object') throw new Error(`${field(at)} must be an object with a name`);
      const { name, domain, path, storage } = entry;
      if (!(name instanceof RegExp) && (typeof name !== 'string' || name === '' || /[=;,\s]/.test(name))) {
        throw new Error(`${field(`${at}.name`)} must be a cookie or storage key name, or a RegExp (got ${JSON.stringify(name)})`);
      }
      if (domain !== undefined && (typeof domain !== 'string' || !/^\.?[A-Za-z0-9.-]+$/.test(domain))) {
        throw new Error(`${field(`${at}.domain`)} must be a host name such as ".example.com" (got ${JSON.stringify(domain)})`);
      }
      if (path !== undefined && (typeof path !== 'string' || !/^\/[^;,\s]*$/.test(path))) {
        throw new Error(`${field(`${at}.path`)} must start with "/" and contain no ";", "," or spaces (got ${JSON.stringify(path)})`);
      }
      if (storage !== undefined && !STORAGE_KINDS.includes(storage)) {
        throw new Error(`${field(`${at}.storage`)} must be one of ${STORAGE_KINDS.join(', ')} (got ${JSON.stringify(storage)})`);
      }
    });
  }
  return cleanup;
}

/** Removes what a withdrawn purpose declared, never a consent record. */
function removeDeclared(entries: readonly CleanupEntry[], recordKey: string): void {
  const isRecord = (name: string) => name === recordKey || name === DEFAULT_STORAGE_KEY;
  for (const entry of entries) {
    const storage = entry.storage ?? 'cookie';
    try {
      if (storage === 'cookie') {
        const names = typeof entry.name === 'string' ? [entry.name] : cookieNames().filter((name) => matches(entry.name, name));
        for (const name of names) if (!isRecord(name)) deleteCookie(name, entry);
      } else {
        const area = storage === 'local' ? localStorage : sessionStorage;
        const keys = Array.from({ length: area.length }, (_, index) => area.key(index)).filter(
          (key): key is string => key !== null && matches(entry.name, key),
        );
        for (const key of keys) if (!isRecord(key)) area.removeItem(key);
      }
    } catch (error) {
      // Blocked storage or cookies: nothing of the purpose can be there to remove.
      console.warn(`Candor: could not remove ${String(entry.name)} (${storage}):`, error);
    }
  }
}

function matches(pattern: string | RegExp, name: string): boolean {
  if (typeof pattern === 'string') return pattern === name;
  pattern.lastIndex = 0;
  return pattern.test(name);
}

function cookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}

/** A cookie is only replaced by one with the same name, domain and path: try the declared ones, and no domain. */
function deleteCookie(name: string, { domain, path = '/' }: CleanupEntry): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  for (const domainAttribute of domain ? [`; Domain=${domain}`, ''] : ['']) {
    document.cookie = `${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=${path}${domainAttribute}${secure}`;
  }
}
