// Scaling: bench/pages/scaling.html with N items, each carrying <candor-why> and
// <candor-feedback>. Per load: the time from Candor's first define() to every element
// rendered, the JS heap, and — on a few items spread over the list — the time from a real
// click to the "Why am I seeing this?" popover open with its explanation shown, and to the
// feedback reasons shown after "Not helpful".
import { heapAndCpu, openFresh, pageTimings, settle } from './load.mjs';

export const ITEM_COUNTS = [0, 10, 100, 1000];
const READY_TIMEOUT_MS = 60_000;

export async function measureScalingLoad(browser, server, scenario, items) {
  const url = `${server.url}bench/pages/scaling.html?items=${items}`;
  const { page, cdp, problems, close } = await openFresh(browser, scenario, url, {});
  try {
    await page.waitForFunction(() => window.candorBenchScaling !== undefined, { polling: 50, timeout: READY_TIMEOUT_MS });
    await settle(page);
    const ready = await page.evaluate(() => {
      const firstDefine = Math.min(...Object.entries(window.__candorBench.defines).filter(([name]) => name.startsWith('candor-')).map(([, at]) => at));
      return { ...window.candorBenchScaling, firstDefine };
    });
    if (ready.elements !== items * 2) throw new Error(`scaling: ${ready.elements} elements rendered, expected ${items * 2}`);
    const timings = await pageTimings(page);
    const { heapBytes } = await heapAndCpu(cdp);
    const sample = {
      items,
      upgradeMs: ready.renderedAt - ready.firstDefine,
      readyMs: ready.renderedAt,
      heapBytes,
      longTaskMs: timings.longTaskMs,
      blockingMs: timings.blockingMs,
      whyOpenMs: [],
      feedbackOpenMs: [],
    };
    for (const index of sampleItems(items)) {
      sample.whyOpenMs.push(await clickAndTime(page, index, WHY));
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        (selector) => !document.querySelector(selector)?.shadowRoot?.querySelector('[part~="popover"]')?.matches(':popover-open'),
        { polling: 50, timeout: 10_000 },
        WHY.host(index),
      );
      sample.feedbackOpenMs.push(await clickAndTime(page, index, FEEDBACK));
    }
    sample.problems = [...problems];
    return sample;
  } finally {
    await close();
  }
}

/** Five items spread over the list (first, quarters, last), each opened once per load. */
function sampleItems(items) {
  if (items === 0) return [];
  return [...new Set([1, Math.ceil(items / 4), Math.ceil(items / 2), Math.ceil((items * 3) / 4), items])];
}

const WHY = {
  host: (index) => `#items > li:nth-child(${index}) candor-why`,
  trigger: '[part~="trigger"]',
  /** Open, with the explanation's headline on screen. */
  shown: '[part~="popover"]:popover-open [part~="headline"]',
};
const FEEDBACK = {
  host: (index) => `#items > li:nth-child(${index}) candor-feedback`,
  trigger: '[part~="not-helpful-button"]',
  shown: '[part~="reasons"]',
};

/** A real click on the control, timed from the click event to the first frame showing the result. */
async function clickAndTime(page, index, control) {
  const host = control.host(index);
  const handle = await page.evaluateHandle((path) => window.__candorBench.find(path), [host, control.trigger]);
  const trigger = handle.asElement();
  if (!trigger) throw new Error(`scaling: nothing at ${host} >>> ${control.trigger}`);
  await page.evaluate(
    (path) => {
      const bench = window.__candorBench;
      bench.pending = bench.clickAndWait(() => bench.isVisible(bench.find(path)));
    },
    [host, control.shown],
  );
  await trigger.click();
  const result = await page.evaluate(() => window.__candorBench.pending);
  await handle.dispose();
  if (result.timedOut) throw new Error(`scaling: ${host} >>> ${control.shown} did not appear after the click`);
  return result.frameAt - result.clickAt;
}
