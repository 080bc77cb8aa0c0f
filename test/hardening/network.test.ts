// Zero network (issue 7): with every element and every gate on one page, in every state a
// full visit reaches (the page answering Candor's requests, failing them, or silent), the
// library requests nothing but its own modules, and afterwards the browser holds nothing of
// Candor's but the consent record. (scripts/audit-stories.mjs separately fails any story
// that requests another host, and scripts/check-dist.mjs does so for the built files.)
import { expect } from '@open-wc/testing';
import type { OtherPage, PageLog } from '../helpers/pages.js';
import { fullVisit, inPage, openEverything, visitKey, type Answers } from './visit.js';

/** Paths the page itself asks for: its HTML, its own modules, its icon, gated scripts and the embed. */
const PAGE_FILES = ['/test/hardening/fixtures/', '/stories/fixtures/'];
/** The test runner's own live-reload socket, in every page it serves. */
const HARNESS_FILES = ['/__web-dev-server__web-socket.js', '/wds'];
/** Candor's modules and Lit's, as the dev server serves them. */
const LIBRARY_FILES = ['/src/', '/node_modules/'];

const startsWithAny = (path: string, prefixes: string[]) => prefixes.some((prefix) => path.startsWith(prefix));

/** Every request of the page that is not the page's own, the runner's, or a module of the library. */
async function requestProblems(page: OtherPage): Promise<string[]> {
  const log: PageLog = await page.log();
  const initiators = new Map(
    await inPage<Array<[string, string]>>(page, `return performance.getEntriesByType('resource').map((entry) => [entry.name, entry.initiatorType]);`),
  );
  const problems: string[] = [];
  for (const { url, type } of log.requests) {
    // data: and blob: URLs never reach the network (Firefox draws list bullets with a data: font).
    if (/^(data|blob):/.test(url)) continue;
    const { origin, pathname } = new URL(url);
    if (origin !== location.origin) problems.push(`request to another host: ${url}`);
    else if (startsWithAny(pathname, PAGE_FILES) || startsWithAny(pathname, HARNESS_FILES)) continue;
    else if (!startsWithAny(pathname, LIBRARY_FILES)) problems.push(`request for something that is not a module of the library: ${url}`);
    else {
      // Chromium names the type of every request (Firefox does not); resource timing names the initiator in both.
      const initiator = initiators.get(url);
      if ((type !== 'unknown' && type !== 'script') || (initiator !== undefined && initiator !== 'script')) {
        problems.push(`${pathname} was requested as ${type === 'unknown' ? initiator : type}, not as a module`);
      }
    }
  }
  return problems;
}

/** What the browser holds for this origin, by name. */
interface StorageSnapshot {
  local: string[];
  session: string[];
  cookies: string[];
  indexedDB: string[];
  caches: string[];
}

/** Runs here and, as source text, in the other tab. */
async function storageSnapshot(): Promise<StorageSnapshot> {
  return {
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).sort(),
    cookies: document.cookie.split(';').map((pair) => pair.split('=')[0]!.trim()).filter(Boolean).sort(),
    indexedDB: (await indexedDB.databases()).map((database) => database.name ?? '').sort(),
    caches: (await caches.keys()).sort(),
  };
}

describe('hardening: zero network', () => {
  let page: OtherPage | null = null;
  let key = '';

  afterEach(async () => {
    await page?.close();
    page = null;
    localStorage.removeItem(key);
  });

  for (const answers of ['ok', 'fail', 'none'] as const satisfies readonly Answers[]) {
    it(`requests nothing but Candor's own modules and stores only the record (page answers: ${answers})`, async () => {
      key = visitKey();
      const before = await storageSnapshot();
      // No CSP here: the policy would block a request to another host before the log could see it.
      page = await openEverything(key, answers, { csp: 'none' });
      const report = await fullVisit(page, answers);
      expect(report.ranAfterVisit, 'the visit reached every gate').to.deep.equal(['external', 'inline', 'module']);

      expect(await requestProblems(page)).to.deep.equal([]);
      const modules = (await page.log()).requests.filter(({ url }) => url.startsWith(`${location.origin}/src/`));
      expect(modules.length, 'Candor modules in the log (the log is real)').to.be.greaterThan(20);

      const after = await page.evaluate<StorageSnapshot>(`(${storageSnapshot.toString()})()`);
      expect(after.local, 'localStorage').to.deep.equal([...before.local, key].sort());
      expect(after.session, 'sessionStorage of the visited tab').to.deep.equal([]);
      expect(after.cookies, 'cookies').to.deep.equal(before.cookies);
      expect(after.indexedDB, 'IndexedDB databases').to.deep.equal(before.indexedDB);
      expect(after.caches, 'Cache Storage').to.deep.equal(before.caches);
      const record = JSON.parse(localStorage.getItem(key)!) as { decisions: Record<string, boolean>; history: unknown[] };
      expect(record.decisions.analytics).to.equal(true);
      expect(record.history.length, 'earlier decisions of the visit').to.be.greaterThan(1);
    });
  }

  it('would see a request the library made that is not a module load', async () => {
    key = visitKey();
    page = await openEverything(key, 'none', { csp: 'none' });
    await inPage(page, `await fetch('/src/core/store.ts', { cache: 'no-store' }); await fetch('http://127.0.0.2:47999/x').catch(() => null);`);
    const problems = await requestProblems(page);
    expect(problems.some((problem) => problem.startsWith('/src/core/store.ts was requested as fetch')), problems.join('\n')).to.equal(true);
    expect(problems, problems.join('\n')).to.include('request to another host: http://127.0.0.2:47999/x');
  });
});
