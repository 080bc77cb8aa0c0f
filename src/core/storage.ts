import { canonicalJson } from './hash.js';
import type { StorageKind } from './types.js';

/**
 * Where the consent record is kept. Any method may throw (storage blocked, full, cookies
 * disabled): the store catches it, keeps the record in memory and reports the problem.
 */
export interface ConsentStorage {
  readonly kind: StorageKind;
  read(key: string): string | null;
  write(key: string, value: string): void;
  remove(key: string): void;
}

/** The default: the page's `localStorage`. Touched only inside each call, since merely reading `window.localStorage` can throw. */
export function localStorageAdapter(): ConsentStorage {
  return {
    kind: 'local',
    read: (key) => localStorage.getItem(key),
    write: (key, value) => localStorage.setItem(key, value),
    remove: (key) => localStorage.removeItem(key),
  };
}

/** Holds the record for the life of the page only. */
export function memoryAdapter(): ConsentStorage {
  const values = new Map<string, string>();
  return {
    kind: 'memory',
    read: (key) => values.get(key) ?? null,
    write: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

export interface CookieOptions {
  /** Share the record with subdomains, e.g. `example.com` for `www.` and `shop.`. Default: this host only. */
  domain?: string;
  /** Default `/`. */
  path?: string;
  /** Default `Lax`. `None` needs `secure`. */
  sameSite?: 'Strict' | 'Lax' | 'None';
  /** Default: true on https pages. */
  secure?: boolean;
  /** How long the browser keeps the cookie. Default 182 days (the store passes its own expiry). */
  maxAgeDays?: number;
}

/** Browsers keep at most about 4096 bytes of name and value per cookie, and drop larger ones silently. */
const COOKIE_LIMIT = 4096;
const COOKIE_OPTION_KEYS = ['domain', 'path', 'sameSite', 'secure', 'maxAgeDays'];
const SAME_SITE_VALUES = ['Strict', 'Lax', 'None'];

/**
 * A first-party cookie holding the record (URI-encoded JSON), for sites that share consent
 * across subdomains. Writes are read back: a cookie the browser refused (too large,
 * blocked) throws instead of failing silently. Throws on bad options.
 */
export function cookieAdapter(options: CookieOptions = {}): ConsentStorage {
  const attributes = cookieAttributes(options);
  const assertEnabled = () => {
    if (!navigator.cookieEnabled) throw new Error('cookies are disabled in this browser');
  };
  const read = (key: string): string | null => {
    assertEnabled();
    const prefix = `${key}=`;
    const found = document.cookie.split(/;\s*/).find((pair) => pair.startsWith(prefix));
    if (found === undefined) return null;
    const value = found.slice(prefix.length);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return {
    kind: 'cookie',
    read,
    write: (key, value) => {
      assertEnabled();
      const pair = `${key}=${encodeURIComponent(value)}`;
      if (pair.length > COOKIE_LIMIT) {
        throw new Error(`the consent cookie would be ${pair.length} bytes, over the ${COOKIE_LIMIT}-byte limit of browsers`);
      }
      document.cookie = `${pair}; ${attributes.join('; ')}`;
      if (read(key) !== value) throw new Error(`the browser did not keep the consent cookie "${key}"`);
    },
    remove: (key) => {
      document.cookie = `${key}=; ${['Max-Age=0', ...attributes.filter((a) => !a.startsWith('Max-Age'))].join('; ')}`;
    },
  };
}

function cookieAttributes(options: CookieOptions): string[] {
  if (options === null || typeof options !== 'object') throw new Error('cookie options must be an object');
  for (const key of Object.keys(options)) {
    if (!COOKIE_OPTION_KEYS.includes(key)) {
      throw new Error(`cookie.${key} is not a cookie option; use ${COOKIE_OPTION_KEYS.join(', ')}`);
    }
  }
  const { domain, path = '/', sameSite = 'Lax', maxAgeDays = 182 } = options;
  const secure = options.secure ?? location.protocol === 'https:';
  if (domain !== undefined && (typeof domain !== 'string' || !/^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/.test(domain))) {
    throw new Error(`cookie.domain ${JSON.stringify(domain)} must be a host name such as "example.com"`);
  }
  if (typeof path !== 'string' || !/^\/[^;,\s]*$/.test(path)) {
    throw new Error(`cookie.path ${JSON.stringify(path)} must start with "/" and contain no ";", "," or spaces`);
  }
  if (!SAME_SITE_VALUES.includes(sameSite)) {
    throw new Error(`cookie.sameSite ${JSON.stringify(sameSite)} must be one of ${SAME_SITE_VALUES.join(', ')}`);
  }
  if (typeof secure !== 'boolean') throw new Error('cookie.secure must be true or false');
  if (sameSite === 'None' && !secure) throw new Error('cookie.sameSite "None" needs cookie.secure: true (browsers refuse it otherwise)');
  if (typeof maxAgeDays !== 'number' || !(maxAgeDays >= 1 && maxAgeDays <= 400)) {
    throw new Error('cookie.maxAgeDays must be a number of days from 1 to 400');
  }
  return [
    `Max-Age=${Math.round(maxAgeDays * 86_400)}`,
    `Path=${path}`,
    ...(domain ? [`Domain=${domain}`] : []),
    `SameSite=${sameSite}`,
    ...(secure ? ['Secure'] : []),
  ];
}

/** How a store is told where its record lives. */
export type StorageOption = 'local' | 'cookie' | 'memory' | ConsentStorage;

/**
 * The adapter a store option names, with a signature that is equal for two options
 * naming the same storage (so configuring it again changes nothing). Throws on a bad option.
 */
export function storageFor(
  option: StorageOption,
  cookie: CookieOptions,
  defaultMaxAgeDays: number,
): { adapter: ConsentStorage; signature: unknown } {
  if (typeof option === 'object' && option !== null) {
    const { read, write, remove, kind } = option;
    if (typeof read !== 'function' || typeof write !== 'function' || typeof remove !== 'function' || typeof kind !== 'string') {
      throw new Error('Candor: configure({ storage }) needs "local", "cookie", "memory" or an object with kind, read, write and remove');
    }
    return { adapter: option, signature: option };
  }
  if (option === 'cookie') {
    const options = { maxAgeDays: defaultMaxAgeDays, ...cookie };
    try {
      return { adapter: cookieAdapter(options), signature: `cookie:${canonicalJson(options)}` };
    } catch (error) {
      throw new Error(`Candor: ${(error as Error).message}`, { cause: error });
    }
  }
  if (option === 'local') return { adapter: localStorageAdapter(), signature: option };
  if (option === 'memory') return { adapter: memoryAdapter(), signature: option };
  throw new Error(`Candor: configure({ storage }) must be "local", "cookie", "memory" or an adapter (got ${JSON.stringify(option)})`);
}
