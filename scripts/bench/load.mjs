// One fresh page load: a new incognito browser context (empty cache, no cookies, no storage),
// the scenario's viewport and CPU slowdown, the bench instrumentation, and a record of every
// response for the byte counts.
import { instrumentPage } from './instrument.mjs';
import { fileSizes } from './sizes.mjs';

export const SCENARIOS = {
  desktop: {
    label: 'desktop: 1366×768, no CPU slowdown',
    viewport: { width: 1366, height: 768, deviceScaleFactor: 1 },
    cpuSlowdown: 1,
  },
  phone: {
    label: 'phone: 390×844 at DPR 3, touch, 4× CPU slowdown',
    viewport: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuSlowdown: 4,
  },
};

const NAVIGATION_TIMEOUT_MS = 60_000;
/** How long the network must stay quiet before a page counts as settled. */
const SETTLE_IDLE_MS = 500;

/**
 * Opens `url` in a fresh context. Returns the page, its CDP session, the network record, the
 * errors the page reported and `close()`, which the caller must await.
 */
export async function openFresh(browser, scenario, url, instrumentOptions) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // Errors the page reports: a library that is set up wrongly shows up here, not as a fast number.
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message.split('\n')[0]}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text().split('\n')[0]}`);
    });
    await page.setViewport(scenario.viewport);
    if (scenario.cpuSlowdown > 1) await page.emulateCPUThrottling(scenario.cpuSlowdown);
    const cdp = await page.createCDPSession();
    const network = recordNetwork(cdp, new URL(url).origin);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    await page.evaluateOnNewDocument(instrumentPage, instrumentOptions);
    await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
    return { page, cdp, network, problems, close: () => context.close() };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

/** Waits until nothing has been requested for a while (lazy CSS, translations, chunks). */
export async function settle(page) {
  await page.waitForNetworkIdle({ idleTime: SETTLE_IDLE_MS, timeout: NAVIGATION_TIMEOUT_MS });
}

/** JS heap after a full garbage collection, and the main thread's script and task time so far. */
export async function heapAndCpu(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((entry) => entry.name === name)?.value ?? 0;
  return {
    heapBytes: metric('JSHeapUsedSize'),
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
  };
}

/** Long tasks (total and blocking time over 50 ms), CLS, first contentful paint, load event. */
export async function pageTimings(page) {
  return page.evaluate(() => {
    const bench = window.__candorBench;
    const durations = bench.longTasks.map(([, duration]) => duration);
    const navigation = performance.getEntriesByType('navigation')[0];
    return {
      longTaskMs: durations.reduce((sum, duration) => sum + duration, 0),
      blockingMs: durations.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
      cls: bench.shifts.reduce((sum, [, value]) => sum + value, 0),
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      loadMs: navigation ? navigation.loadEventEnd : null,
    };
  });
}

/**
 * Every response of this page: bytes by file (raw, gzip, brotli, from the files the server
 * sent), bytes received (from the responses), and requests that left the bench server.
 */
function recordNetwork(cdp, origin) {
  const urls = new Map();
  const finished = [];
  const offOrigin = new Set();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    urls.set(requestId, request.url);
    if (!request.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(request.url)) offOrigin.add(request.url);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    finished.push({ url: urls.get(requestId), received: encodedDataLength });
  });
  return {
    /** Sums over the responses so far; `root` is the folder the server serves. */
    totals(root) {
      const totals = { requests: 0, raw: 0, gzip: 0, brotli: 0, received: 0, files: [], offOrigin: [...offOrigin] };
      for (const { url, received } of finished) {
        if (!url?.startsWith(`${origin}/`)) continue;
        const sizes = fileSizes(root, url);
        totals.requests += 1;
        totals.received += received;
        if (!sizes) continue;
        totals.raw += sizes.raw;
        totals.gzip += sizes.gzip;
        totals.brotli += sizes.brotli;
        totals.files.push(new URL(url).pathname);
      }
      return totals;
    },
  };
}
