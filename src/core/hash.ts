/**
 * FNV-1a, 32 bits, over the UTF-8 bytes of a string: small, fast and stable across
 * engines. It detects edits and accidents (a reworded purpose, a hand-edited record); it
 * is not a cryptographic signature and is never used as one.
 */
const encoder = new TextEncoder();

export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * JSON with object keys sorted at every level, so that equal data always gives the same
 * text (and the same hash) whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
