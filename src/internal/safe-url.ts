/**
 * Characters that have no place in a URL a host writes by hand, and that browsers strip
 * or fold while parsing ("java\tscript:" is `javascript:` to a URL parser): C0 and C1
 * controls, any Unicode space, zero-width and bidirectional marks, the BOM.
 */
const HIDDEN_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\s\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/u;

/** Only the space and the ASCII whitespace a URL parser trims at both ends. */
const EDGE_WHITESPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** Relative URLs are resolved against this base only to learn their scheme. */
const PROBE_BASE = 'https://candor.invalid/';

/**
 * The URL to use for a link a host gave us, or null when it is not safe to follow.
 * Accepts absolute http(s) URLs and relative ones (`/x`, `./x`, `../x`, `x`, `?q`, `#h`,
 * `//host/x`); refuses every other scheme (`javascript:`, `data:`, `vbscript:` …) and
 * any URL with control characters or whitespace inside it. Returns the trimmed URL.
 */
export function safeUrl(value: string): string | null {
  if (typeof value !== 'string') return null;
  const url = value.replace(EDGE_WHITESPACE, '');
  if (url === '' || HIDDEN_OR_CONTROL.test(url)) return null;
  let protocol: string;
  try {
    protocol = new URL(url, PROBE_BASE).protocol;
  } catch {
    return null;
  }
  return protocol === 'https:' || protocol === 'http:' ? url : null;
}
