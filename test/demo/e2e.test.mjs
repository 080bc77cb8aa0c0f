// The demo end to end, as a visitor and a site owner would use it: the real demo server
// (scripts/serve-demo.mjs, what `npm start` runs) on a free 127.0.0.1 port with its own
// data file, driven in headless Chromium through puppeteer-core. One visitor's story, in
// order: reject nothing yet → accept → like → the list changes and "why" names the liked
// product → reject → popularity order; then the owner view shows the receipts. axe-core
// audits both pages in light and dark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/browsers.mjs';
import { ROOT, scratchDir, startDemoServer } from './helpers.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const POPULARITY_ORDER = [
  'merino-socks',
  'trail-shoes',
  'aurora-head-torch',
  'repair-kit',
  'rain-jacket',
  'two-person-tent',
  'trekking-poles',
  'cycling-gloves',
];
// Generous: on a busy two-core machine the dev server's first transform of src/ can take a while.
const WAIT = { timeout: 45_000 };

let scratch;
let demo;
let browser;
let page;
/** Console errors, page errors, failed requests and requests to other hosts, per test. */
let problems = [];

before(async () => {
  const chromium = findBrowser('chromium');
  if (!chromium) {
    throw new Error('the demo end-to-end test needs Chromium. On Debian/Ubuntu: sudo apt-get install chromium; or set CHROME_PATH.');
  }
  scratch = scratchDir();
  demo = await startDemoServer({ dataFile: join(scratch.path, 'backend.json') });
  browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS, timeout: 90_000 });
  const context = await browser.createBrowserContext();
  page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  page.setDefaultNavigationTimeout(90_000);
  const origin = new URL(demo.url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request to another host: ${url}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
});

after(async () => {
  await browser?.close();
  await demo?.stop();
  scratch?.remove();
});

function noProblems() {
  const found = problems;
  problems = [];
  assert.deepEqual(found, [], 'no console errors, page errors, failed or outside requests');
}

const gridOrder = () => page.$$eval('#recs-grid > li', (tiles) => tiles.map((tile) => tile.dataset.itemId));
const headingIs = (text) => page.waitForFunction((want) => document.querySelector('#recs-heading')?.textContent === want, WAIT, text);

async function axe(label) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  }, AXE_TAGS);
  assert.deepEqual(violations, [], `axe on ${label}`);
}

async function axeLightAndDark(label) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await axe(`${label} (${scheme})`);
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

describe('the demo shop and its backend', () => {
  test('a first visit: the banner asks, the list is the popularity order, and the page passes axe', async () => {
    await page.goto(demo.url, { waitUntil: 'load' });
    await page.waitForSelector('candor-banner >>> [part~="accept-button"]', WAIT);
    await page.waitForFunction(() => document.querySelectorAll('#recs-grid > li').length === 8, WAIT);
    assert.equal(await page.$eval('#recs-heading', (heading) => heading.textContent), 'Popular right now');
    assert.deepEqual(await gridOrder(), POPULARITY_ORDER);
    await axeLightAndDark('the shop with the banner open');
    noProblems();
  });

  test('accept → like two products → the list changes, and “why” names the liked product', async () => {
    await page.click('candor-banner >>> [part~="accept-button"]');
    await headingIs('Recommended for you');

    for (const id of ['trekking-poles', 'cycling-gloves']) {
      await page.click(`#recs-grid > li[data-item-id="${id}"] candor-feedback >>> [part~="helpful-button"]`);
      await page.waitForFunction(
        (itemId) =>
          /more (hiking|cycling) products/.test(
            document.querySelector(`li[data-item-id="${itemId}"] candor-feedback`)?.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '',
          ),
        WAIT,
        id,
      );
    }
    // Likes do not move tiles under the pointer: the visitor asks for the new order.
    assert.deepEqual(await gridOrder(), POPULARITY_ORDER);
    await page.waitForFunction(() => document.querySelector('#recs-apply')?.textContent === 'Update the list', WAIT);
    await page.click('#recs-apply');
    await page.waitForFunction((before) => [...document.querySelectorAll('#recs-grid > li')].map((li) => li.dataset.itemId).join() !== before, WAIT, POPULARITY_ORDER.join());

    const order = await gridOrder();
    const liked = order.filter((id) => ['rain-jacket', 'trekking-poles', 'repair-kit', 'cycling-gloves'].includes(id));
    const others = order.filter((id) => ['merino-socks', 'trail-shoes', 'two-person-tent'].includes(id));
    assert.ok(Math.max(...liked.map((id) => order.indexOf(id))) < Math.min(...others.map((id) => order.indexOf(id))), `liked topics first: ${order}`);
    assert.equal(order[2], 'aurora-head-torch', 'the ad keeps its place');

    // The waterproof jacket was not liked itself: its place comes from liking the trekking poles.
    await page.click('#recs-grid > li[data-item-id="rain-jacket"] candor-why >>> [part~="trigger"]');
    const headline = await page.waitForSelector('#recs-grid > li[data-item-id="rain-jacket"] candor-why >>> [part~="headline"]', WAIT);
    const text = await headline.evaluate((node) => node.textContent);
    assert.match(text, /because you liked “Trekking poles”/);
    const reasons = await page.$eval('#recs-grid > li[data-item-id="rain-jacket"] candor-why >>> [part~="reasons"]', (list) => list.textContent);
    assert.match(reasons, /You liked “Trekking poles”, also for hiking/);
    await axe('the shop with a “why” popover open');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('li[data-item-id="rain-jacket"] candor-why')?.open, WAIT);
    noProblems();
  });

  test('reject in the privacy center → the popularity order again', async () => {
    await page.click('#choices-heading ~ button[data-candor-preferences]');
    await page.waitForSelector('candor-preferences >>> [part~="reject-button"]', { ...WAIT, visible: true });
    await page.click('candor-preferences >>> [part~="reject-button"]');
    await headingIs('Popular right now');
    assert.deepEqual(await gridOrder(), POPULARITY_ORDER);
    const basis = await page.$eval('#recs-basis', (node) => node.textContent);
    assert.match(basis, /Personalization is off/);
    noProblems();
  });

  test('the site owner view shows the receipts and the feedback, as charts with tables, and passes axe', async () => {
    const receiptIds = await page.evaluate(() => {
      const record = JSON.parse(localStorage.getItem('candor-consent'));
      return [record.receiptId, ...record.history.map((entry) => entry.receiptId)];
    });
    assert.equal(receiptIds.length, 2, 'accepted, then rejected');

    await page.goto(new URL('owner.html', demo.url).href, { waitUntil: 'load' });
    await page.waitForSelector('#receipts tbody tr', WAIT);
    const rows = await page.$$eval('#receipts tbody tr', (trs) =>
      trs.map((tr) => ({ id: tr.dataset.receiptId, cells: [...tr.children].map((cell) => cell.textContent) })),
    );
    assert.deepEqual(rows.map((row) => row.id).sort(), [...receiptIds].sort(), 'both receipts, and only them');
    const headings = await page.$$eval('#receipts thead th', (ths) => ths.map((th) => th.textContent));
    const personalization = headings.indexOf('Personalization');
    assert.deepEqual(rows.map((row) => row.cells[personalization]), ['Off', 'On'], 'newest first: rejected, then accepted');

    const charts = await page.$$eval('svg[role="img"]', (svgs) => svgs.map((svg) => svg.getAttribute('aria-label')));
    assert.equal(charts.length, 2);
    assert.match(charts[0], /Line chart: share of deciding visitors who allowed Personalization, Analytics, Advertising/);
    assert.match(charts[1], /Bar chart of 2 feedback answers: 2 helpful, 0 not helpful/);
    const tables = await page.$$eval('.chart-table table', (list) => list.map((table) => table.rows.length));
    assert.ok(tables.every((count) => count > 1), 'each chart has a data table');
    const totals = await page.$eval('#totals', (list) => list.textContent);
    assert.match(totals, /Consent receipts2/);

    // Keyboard: the table disclosure opens from the keyboard, and "Refresh now" says it refreshed.
    await page.focus('#consent-chart summary');
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval('#consent-chart details', (details) => details.open), true);
    await page.focus('#refresh');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Updated/.test(document.querySelector('#refresh-status')?.textContent ?? ''), WAIT);

    await axeLightAndDark('the site owner view');
    noProblems();
  });

  test('the data file is not served; the server stops on SIGTERM with everything written', async () => {
    const dataFile = join(scratch.path, 'backend.json');
    for (const path of ['.data/backend.json', '%2Edata/backend.json', `@fs${dataFile}`]) {
      const response = await fetch(new URL(path, demo.url));
      assert.ok(response.status === 403 || response.status === 404, `${path}: ${response.status}`);
    }
    const exit = await demo.stop();
    // Vite's own SIGTERM handling: close (which flushes the backend), then exit 128 + 15.
    assert.deepEqual(exit, { code: 143, signal: null }, demo.output());
    const stored = JSON.parse(readFileSync(dataFile, 'utf8'));
    const [visitor] = Object.values(stored.visitors);
    assert.equal(visitor.receipts.length, 2);
    assert.equal(visitor.feedback.length, 2);
  });
});
