// One measured load of a banner page: time to a visible "Accept all", bytes, long tasks, CLS
// and heap once the page has settled, then a real click on "Reject all" timed until the
// button is gone and the choice is written to storage.
import { heapAndCpu, openFresh, pageTimings, settle } from './load.mjs';

const VISIBLE_TIMEOUT_MS = 30_000;

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {{ url: string, root: string }} server
 * @param {typeof import('./load.mjs').SCENARIOS.desktop} scenario
 * @param {import('./pages.mjs').BenchPage} benchPage
 * @param {{ keepStored?: boolean }} [options]  keep the stored record in the sample (to show what was written)
 */
export async function measureBannerLoad(browser, server, scenario, benchPage, options = {}) {
  const url = `${server.url}bench/pages/${benchPage.file}`;
  const { page, cdp, network, problems, close } = await openFresh(browser, scenario, url, { accept: benchPage.accept });
  try {
    if (benchPage.accept) {
      await page.waitForFunction(() => window.__candorBench.acceptVisibleAt !== undefined, {
        polling: 50,
        timeout: VISIBLE_TIMEOUT_MS,
      });
    }
    await settle(page);
    const timings = await pageTimings(page);
    const { heapBytes, scriptMs } = await heapAndCpu(cdp);
    const bytes = network.totals(server.root);
    const sample = {
      acceptVisibleMs: benchPage.accept ? await page.evaluate(() => window.__candorBench.acceptVisibleAt) : null,
      ...timings,
      heapBytes,
      scriptMs,
      requests: bytes.requests,
      rawBytes: bytes.raw,
      gzipBytes: bytes.gzip,
      brotliBytes: bytes.brotli,
      receivedBytes: bytes.received,
      files: bytes.files,
      offOrigin: bytes.offOrigin,
    };
    if (benchPage.reject && benchPage.persist) Object.assign(sample, await rejectAll(page, benchPage, options));
    sample.problems = [...problems];
    return sample;
  } finally {
    await close();
  }
}

async function rejectAll(page, benchPage, { keepStored = false }) {
  const button = await page.evaluateHandle((path) => window.__candorBench.find(path), benchPage.reject);
  const element = button.asElement();
  if (!element) throw new Error(`${benchPage.name}: no "Reject all" button at ${benchPage.reject.join(' >>> ')}`);
  await page.evaluate((path, persist) => window.__candorBench.armReject(path, persist), benchPage.reject, benchPage.persist);
  await element.click();
  const result = await page.evaluate(() => window.__candorBench.rejectResult);
  await button.dispose();
  if (result.timedOut) {
    const what = result.clickAt === undefined ? 'the click never arrived' : result.frameAt === undefined ? 'the button stayed visible' : 'nothing was stored';
    throw new Error(`${benchPage.name}: "Reject all" did not finish (${what})`);
  }
  if (result.stored === null) throw new Error(`${benchPage.name}: "Reject all" wrote ${benchPage.persist.name}, but it is not there afterwards`);
  return {
    rejectHiddenMs: result.frameAt - result.clickAt,
    rejectPersistedMs: result.exactAt - result.clickAt,
    rejectDoneMs: Math.max(result.frameAt, result.exactAt) - result.clickAt,
    ...(keepStored ? { stored: result.stored } : {}),
  };
}
