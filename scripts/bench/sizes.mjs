// Bytes of what a page loaded: each response from the bench server is mapped back to its file,
// and that file's size is taken raw, gzip -9 and brotli quality 11 (what a well-configured
// server would send). The local server sends everything uncompressed, so the transfer
// counted from the responses is close to the raw size plus headers.
import { readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @type {Map<string, { raw: number, gzip: number, brotli: number }>} */
const cache = new Map();

/** Sizes of the file behind a URL of the server rooted at `root`, or undefined when none. */
export function fileSizes(root, url) {
  const path = decodeURIComponent(new URL(url).pathname);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root + sep)) return undefined;
  const cached = cache.get(file);
  if (cached) return cached;
  try {
    if (!statSync(file).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const bytes = readFileSync(file);
  const sizes = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
  cache.set(file, sizes);
  return sizes;
}
