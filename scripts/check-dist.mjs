// The built files as users load them (issue 6), a check step of `npm test`, after the build.
// Serves the repository on 127.0.0.1 and opens, in headless Chromium:
//   script tag    test/dist/script-tag.html   <script type="module" src="/dist/candor.js">
//   ES modules    test/dist/esm.html          /dist/all.js with an import map for Lit (no bundler, no CDN)
//   two copies    test/dist/two-copies.html   candor.js twice: the second warns, nothing breaks
// On each page it uses every element as a visitor would (Accept all in the banner; the
// privacy center opened from a link, a switch turned off and saved; a "why" popover the page
// answers; feedback the page acknowledges) and checks the stored record, the events and what
// the visitor sees. Every page also fails on a request that leaves 127.0.0.1 (such requests
// are blocked), a failed request, a page error or a console error.
//
//   node scripts/check-dist.mjs    exit 1 when a check fails
//   CANDOR_TOTALS_FILE=path        also writes {"dist": {passed, failed, skipped}} there
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './browsers.mjs';
import { serveStatic } from './static-server.mjs';

process.chdir(fileURLToPath(new URL('../', import.meta.url)));

const STORE_KEY = 'candor-consent';
const PURPOSES = ['necessary', 'personalization', 'analytics'];
const WAIT_MS = 8_000;
/** The whole run stops by itself, whatever hangs. */
const RUN_LIMIT_MS = 4 * 60_000;
const TAGS = ['candor-banner', 'candor-preferences', 'candor-why', 'candor-feedback'];

const totals = { passed: 0, failed: 0, skipped: 0 };
const guard = setTimeout(() => {
  console.log(`  ✗ the run did not finish within ${RUN_LIMIT_MS / 1000} s`);
  totals.failed += 1;
  finish();
}, RUN_LIMIT_MS);

try {
  await main();
} catch (error) {
  totals.failed += 1;
  console.log(`  ✗ dist check could not run: ${error instanceof Error ? error.stack : error}`);
}
clearTimeout(guard);
finish();

async function main() {
  const missing = ['dist/candor.js', 'dist/all.js', 'dist/index.js', 'dist/custom-elements.json'].filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run \`npm run build\` first`);
  const chromium = findBrowser('chromium');
  if (!chromium) {
    throw new Error('needs Chromium. On Debian/Ubuntu: sudo apt-get install chromium; or set CHROME_PATH to a Chrome or Chromium executable.');
  }
  const server = await serveStatic('.');
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
  try {
    await usePage(browser, server.url, 'script tag', 'test/dist/script-tag.html');
    await usePage(browser, server.url, 'ES modules', 'test/dist/esm.html', { storeOnWindow: true });
    await twoCopies(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One page, every element used in turn; one reported test per assertion group. */
async function usePage(browser, origin, scenario, path, { storeOnWindow = false } = {}) {
  console.log(`${scenario} (${path})`);
  const session = await openPage(browser, origin, path);
  const { page } = session;
  const test = (name, body) => check(`${scenario}: ${name}`, body);

  await test('every element is registered and renders', async () => {
    const problems = await page.evaluate((tags) => tags.flatMap((tag) => {
      const element = document.querySelector(tag);
      if (!customElements.get(tag)) return [`<${tag}> is not registered`];
      if (!element?.shadowRoot) return [`<${tag}> has no shadow root`];
      return [];
    }), TAGS);
    expect(problems.length === 0, problems.join('; '));
    await waitFor(page, 'the banner to show its choices', () => !!document.querySelector('candor-banner')?.shadowRoot?.querySelector('[part~="accept-button"]'));
  });

  await test('Accept all in the banner stores a record that grants every purpose', async () => {
    await page.click('candor-banner >>> [part~="accept-button"]');
    const record = await waitForRecord(page, (stored) => stored?.source === 'banner');
    for (const purpose of PURPOSES) expect(record.decisions[purpose] === true, `stored decisions ${JSON.stringify(record.decisions)} do not grant ${purpose}`);
    const change = await lastEvent(page, 'candor-consent-change');
    expect(change?.detail.source === 'banner', `no candor-consent-change from the banner (got ${JSON.stringify(change?.detail.source)})`);
    expect(change.detail.receiptId === record.receiptId, 'the event names another receipt than the stored record');
    expect(change.detail.persisted === true, 'the event says the record was not persisted');
    if (storeOnWindow) {
      const granted = await page.evaluate(() => window.candorStore.isGranted('analytics'));
      expect(granted === true, "the page's own getConsentStore() from /dist/index.js does not see the banner's decision");
    }
  });

  await test('the privacy center opens from a link; a switch turned off and saved is stored', async () => {
    await page.click('[data-candor-preferences]');
    await waitFor(page, 'the privacy center to open', () => !!document.querySelector('candor-preferences')?.shadowRoot?.querySelector('dialog[open]'));
    const analyticsSwitch = '[role="switch"][aria-labelledby="purpose-analytics-label"]';
    await page.waitForSelector(`candor-preferences >>> ${analyticsSwitch}`, { visible: true, timeout: WAIT_MS });
    await page.click(`candor-preferences >>> ${analyticsSwitch}`);
    await waitFor(page, 'the analytics switch to show off', (selector) =>
      document.querySelector('candor-preferences')?.shadowRoot?.querySelector(selector)?.getAttribute('aria-checked') === 'false', analyticsSwitch);
    await page.click('candor-preferences >>> [part~="save-button"]');
    const record = await waitForRecord(page, (stored) => stored?.source === 'preferences');
    expect(record.decisions.analytics === false, `analytics still granted in ${JSON.stringify(record.decisions)}`);
    expect(record.decisions.personalization === true, `personalization lost in ${JSON.stringify(record.decisions)}`);
    expect(record.history.length >= 1, 'the earlier decision is not in the record history');
    const change = await lastEvent(page, 'candor-consent-change');
    expect(change?.detail.source === 'preferences', 'no candor-consent-change from the privacy center');
    expect(JSON.stringify(change.detail.changed) === '["analytics"]', `changed is ${JSON.stringify(change.detail.changed)}, expected ["analytics"]`);
    // The panel is modal: close it (Escape) before the page is used again.
    await page.keyboard.press('Escape');
    await waitFor(page, 'the privacy center to close', () => !document.querySelector('candor-preferences')?.shadowRoot?.querySelector('dialog[open]'));
  });

  await test('a why popover asks the page and shows its explanation', async () => {
    await page.click('candor-why >>> [part~="trigger"]');
    const headline = await waitFor(page, 'the explanation headline', () =>
      document.querySelector('candor-why')?.shadowRoot?.querySelector('[part~="headline"]')?.textContent?.trim());
    expect(headline === 'Recommended because you looked at trail shoes', `headline shown: ${JSON.stringify(headline)}`);
    const request = await lastEvent(page, 'candor-explanation-request');
    expect(request?.detail.itemId === 'sku-42', `candor-explanation-request detail: ${JSON.stringify(request?.detail)}`);
    await page.keyboard.press('Escape');
  });

  await test('feedback reaches the page and its acknowledgement is shown', async () => {
    await page.click('candor-feedback >>> [part~="helpful-button"]');
    const status = await waitFor(page, 'the acknowledgement', () => {
      const text = document.querySelector('candor-feedback')?.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '';
      return text.includes('Thanks, noted') ? text.trim() : false;
    });
    expect(status.includes('sku-42'), `status shown: ${JSON.stringify(status)}`);
    const feedback = await lastEvent(page, 'candor-feedback');
    expect(feedback?.detail.itemId === 'sku-42' && feedback.detail.sentiment === 'helpful', `candor-feedback detail: ${JSON.stringify(feedback?.detail)}`);
  });

  await test('no request left 127.0.0.1, no request failed, no page or console error', async () => {
    expect(session.problems.length === 0, session.problems.join('; '));
  });
  await page.close();
}

/** candor.js twice on one page: a warning per element, no error, and the elements still work. */
async function twoCopies(browser, origin) {
  const path = 'test/dist/two-copies.html';
  console.log(`two copies (${path})`);
  const session = await openPage(browser, origin, path);
  const { page } = session;
  await check('two copies: the second copy warns about each element it finds taken; the elements work', async () => {
    await waitFor(page, 'the banner to show its choices', () => !!document.querySelector('candor-banner')?.shadowRoot?.querySelector('[part~="accept-button"]'));
    await waitFor(page, 'a warning from the second copy', (count) => window.candorWarnings.length >= count, TAGS.length);
    const warnings = await page.evaluate(() => window.candorWarnings);
    for (const tag of TAGS) expect(warnings.some((text) => text.includes(`<${tag}>`)), `no console warning names <${tag}>: ${JSON.stringify(warnings)}`);
    await page.click('candor-banner >>> [part~="accept-button"]');
    const record = await waitForRecord(page, (stored) => stored?.source === 'banner');
    expect(record.decisions.analytics === true, 'Accept all did not grant analytics');
  });
  await check('two copies: no page error, no console error, no request left 127.0.0.1', async () => {
    expect(session.problems.length === 0, session.problems.join('; '));
  });
  await page.close();
}

/**
 * A new page with empty storage that records every Candor event (names from
 * custom-elements.json), console warnings, and every problem: outside or failed requests
 * (outside ones are blocked), page errors, console errors.
 */
async function openPage(browser, origin, path) {
  const problems = [];
  const page = await browser.newPage();
  const allowed = new URL(origin).origin;
  const cdp = await page.createCDPSession();
  await cdp.send('Storage.clearDataForOrigin', { origin: allowed, storageTypes: 'cookies,local_storage,indexeddb,service_workers,cache_storage' });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${allowed}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      void request.continue();
    } else {
      problems.push(`request to another host: ${url}`);
      void request.abort('blockedbyclient');
    }
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(`${allowed}/`)) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const events = [...new Set(readManifestEvents())];
  await page.evaluateOnNewDocument((names) => {
    window.candorEvents = [];
    window.candorWarnings = [];
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      window.candorWarnings.push(args.map(String).join(' '));
      warn(...args);
    };
    // Capturing on window: the check sees each event even if the page stops it.
    for (const type of names) {
      window.addEventListener(type, (event) => window.candorEvents.push({ type, detail: JSON.parse(JSON.stringify(event.detail ?? null)) }), true);
    }
  }, events);
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/** Every event name the built elements declare. */
function readManifestEvents() {
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .flatMap((declaration) => declaration.events ?? [])
    .map((event) => event.name)
    .filter(Boolean);
}

/** Waits until the stored consent record satisfies `accept`, and returns it. */
async function waitForRecord(page, accept) {
  const deadline = Date.now() + WAIT_MS;
  let stored = null;
  while (Date.now() < deadline) {
    const raw = await page.evaluate((key) => localStorage.getItem(key), STORE_KEY);
    stored = raw ? JSON.parse(raw) : null;
    if (accept(stored)) return stored;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`localStorage["${STORE_KEY}"] never held the expected record; last: ${JSON.stringify(stored)?.slice(0, 300)}`);
}

/** The newest recorded event of a type, or undefined. */
function lastEvent(page, type) {
  return page.evaluate((name) => window.candorEvents.filter((event) => event.type === name).at(-1), type);
}

/** Runs `condition` in the page until it returns something truthy, and returns that. */
async function waitFor(page, what, condition, argument) {
  try {
    const handle = await page.waitForFunction(condition, { timeout: WAIT_MS, polling: 50 }, argument);
    return await handle.jsonValue();
  } catch (error) {
    throw new Error(`timed out waiting for ${what}${error instanceof Error && !/timeout/i.test(error.message) ? ` (${error.message})` : ''}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function check(name, body) {
  try {
    await body();
    totals.passed += 1;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    totals.failed += 1;
    console.log(`  ✗ ${name}\n      ${error instanceof Error ? error.message : error}`);
  }
}

function finish() {
  const file = process.env.CANDOR_TOTALS_FILE;
  if (file) writeFileSync(file, JSON.stringify({ dist: totals }));
  console.log(`dist: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
