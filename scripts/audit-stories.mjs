// `npm run test:stories`: builds Storybook, opens every story headless in Chromium in each
// theme × direction, plus once in each right-to-left locale, and fails a story on any axe-core
// violation (WCAG 2.x A/AA and best practice), page error, console error or request to
// another host, or when a toolbar global (theme, direction, locale) did not reach it.
//
//   node scripts/audit-stories.mjs [--no-build]   --no-build audits the existing storybook-static/
//   CANDOR_STORY_THEMES=light,dark,high-contrast CANDOR_STORY_DIRS=ltr,rtl   the matrix (defaults)
//   CANDOR_STORY_LOCALES=ar   one more run per story in each of these locales (default ar;
//                             empty for none), right to left for a right-to-left language, in
//                             the first theme
//   CANDOR_STORY_FILTER=text  only stories whose id contains `text` (for a quick local check)
//   CANDOR_TOTALS_FILE=path   also writes {"stories": {passed, failed, skipped}} there
//
// A story may turn an axe rule off only with a written reason beside it:
//   parameters: { a11y: { config: { rules: [{ id: 'color-contrast', enabled: false }] },
//                         disabledReasons: { 'color-contrast': 'why this is right here' } } }
// Turning the whole audit off (`a11y.test: 'off'` or `a11y.disable`) needs
// `disabledReasons.all`; such a story is counted as skipped and its reason printed.
//
// Chromium only: the stories render the same elements the @web/test-runner suite already
// checks in every engine, so a second engine here would double the time for little news.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './browsers.mjs';
import { serveStatic } from './static-server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
process.chdir(root);

const OUTPUT_DIR = 'storybook-static';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Rules this audit turns off for every story, each with its reason. */
const AUDIT_DISABLED = {
  region:
    'a story shows one component on an otherwise empty page; landmarks are the host page’s job ' +
    '(Storybook’s a11y addon turns it off for the same reason)',
};
/** Storybook's own markup in the preview iframe, never the story's. */
const STORYBOOK_CHROME = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];
const RENDER_TIMEOUT_MS = 20_000;
const UPGRADE_TIMEOUT_MS = 5_000;
const CONCURRENCY = Number(process.env.CANDOR_STORY_CONCURRENCY) || 2;

const themes = listFromEnv('CANDOR_STORY_THEMES', ['light', 'dark', 'high-contrast']);
const directions = listFromEnv('CANDOR_STORY_DIRS', ['ltr', 'rtl']);
const locales = listFromEnv('CANDOR_STORY_LOCALES', ['ar']);
const storyFilter = process.env.CANDOR_STORY_FILTER ?? '';
/** Languages written right to left: in their locale run (no `dir` set), the elements must render `rtl`. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur']);
const totals = { passed: 0, failed: 0, skipped: 0 };

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`stories: ${error instanceof Error ? error.message : error}`);
  totals.failed += 1;
  process.exitCode = 1;
}
writeTotals();
console.log(summaryLine());

async function main() {
  const chromium = findBrowser('chromium');
  if (!chromium) {
    throw new Error(
      'the story audit needs Chromium. On Debian/Ubuntu: sudo apt-get install chromium; ' +
        'or set CHROME_PATH to a Chrome or Chromium executable.',
    );
  }
  if (!process.argv.includes('--no-build')) await buildStorybook();

  if (!themes.length || !directions.length) throw new Error('CANDOR_STORY_THEMES and CANDOR_STORY_DIRS must each name at least one value');
  const index = JSON.parse(readFileSync(`${OUTPUT_DIR}/index.json`, 'utf8'));
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(storyFilter));
  if (!stories.length) throw new Error(`no story to audit${storyFilter ? ` (CANDOR_STORY_FILTER=${storyFilter})` : ''}`);
  const server = await serveStatic(OUTPUT_DIR);
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
  try {
    if (!(await selfCheck(browser))) {
      totals.failed += 1;
      return 1;
    }
    console.log(
      `stories: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'} × ` +
        `(themes ${themes.join('/')} × ${directions.join('/')}${locales.length ? ` + locale ${locales.join('/')}` : ''})`,
    );
    const runs = stories.flatMap((story) => [
      ...themes.flatMap((theme) => directions.map((dir) => ({ id: story.id, theme, dir, locale: null }))),
      ...locales.map((locale) => ({
        id: story.id,
        theme: themes[0],
        // As on a page that declares no direction: the elements choose it from the language.
        dir: 'auto',
        locale,
      })),
    ]);
    // A few stories at once: much of each run is waiting for Storybook, not computing.
    const perStory = inParallel(stories, CONCURRENCY, (story) =>
      auditLooks(browser, server.url, story.id, runs.filter((run) => run.id === story.id)),
    );
    const outcomes = runs.map(async (run) => {
      const storyIndex = stories.findIndex((story) => story.id === run.id);
      const looks = runs.filter((other) => other.id === run.id);
      return (await perStory[storyIndex])[looks.indexOf(run)];
    });
    for (const [index, { id, theme, dir, locale }] of runs.entries()) {
      const outcome = await outcomes[index];
      const name = `${id} [${theme} ${dir}${locale ? ` ${locale}` : ''}]`;
      if (outcome.skipped) {
        totals.skipped += 1;
        console.log(`- ${name} skipped: ${outcome.skipped}`);
      } else if (outcome.problems.length === 0) {
        totals.passed += 1;
        console.log(`✓ ${name}`);
      } else {
        totals.failed += 1;
        console.log(`✗ ${name}`);
        for (const problem of outcome.problems) console.log(indent(problem));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return totals.failed > 0 ? 1 : 0;
}

/** `storybook build`, its output shown only when it fails. */
async function buildStorybook() {
  const started = performance.now();
  const { bin } = JSON.parse(readFileSync('node_modules/storybook/package.json', 'utf8'));
  const cli = `node_modules/storybook/${typeof bin === 'string' ? bin : bin.storybook}`;
  const { code, output } = await run(process.execPath, [cli, 'build', '--quiet', '-o', OUTPUT_DIR], {
    ...process.env,
    STORYBOOK_DISABLE_TELEMETRY: '1',
    NO_COLOR: '1',
  });
  if (code !== 0) {
    console.error(output.trimEnd());
    throw new Error(`storybook build failed (exit ${code}); its output is above.`);
  }
  console.log(`stories: storybook build ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Proves the check can fail: a nameless button must be reported, or nothing here is trusted. */
async function selfCheck(browser) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Self-check</title></head>' +
        '<body><main id="storybook-root"><button></button></main></body></html>',
    );
    const violations = await runAxe(page, {});
    if (violations.some((violation) => violation.id === 'button-name')) {
      console.log('✓ self-check: axe reports a button with no name (button-name)');
      return true;
    }
    console.log('✗ self-check: axe did not report a button with no name; the audit cannot be trusted');
    return false;
  } finally {
    await context.close();
  }
}

/**
 * Every look (theme × direction, locale) of one story in one page: the page loads once,
 * then the story is remounted from scratch (its play function runs again) in each further
 * look, with the origin's storage cleared in between, which costs a fraction of a new page.
 * A look that fails leaves the page in an unknown state, so the next one starts a new page.
 */
async function auditLooks(browser, origin, storyId, looks) {
  const outcomes = [];
  let session = null;
  for (const look of looks) {
    session ??= await openSession(browser, origin);
    const outcome = await auditLook(session, origin, storyId, look);
    outcomes.push(outcome);
    if (outcome.problems.length) {
      await session.page.close();
      session = null;
    }
  }
  await session?.page.close();
  return outcomes;
}

/** A new page, with the origin's storage cleared, reporting page errors, console errors and outside requests into `session.problems`. */
async function openSession(browser, origin) {
  // A window of its own: a second tab in one window is hidden, and a hidden page gets no
  // animation frames, so it would wait (and lay out) only once the other run had finished.
  const page = await browser.newPage({ type: 'window' });
  const session = { page, problems: [], loaded: false };
  const allowed = new URL(origin).origin;
  const cdp = await page.createCDPSession();
  await cdp.send('Storage.clearDataForOrigin', { origin: allowed, storageTypes: 'cookies,local_storage,indexeddb,service_workers,cache_storage' });
  await cdp.detach();
  page.on('pageerror', (error) => session.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    // Chromium asks for /favicon.ico on its own; Storybook ships favicon.svg.
    if (where.endsWith('/favicon.ico')) return;
    session.problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  // Candor promises no network request; Storybook's static build makes none either.
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(allowed) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      session.problems.push(`request to another host: ${url}`);
    }
  });
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (url.startsWith(allowed)) session.problems.push(`request failed: ${url} (${request.failure()?.errorText})`);
  });
  return session;
}

/** One story in one look: rendered (loaded, or remounted in the session's page), settled, audited. */
async function auditLook(session, origin, storyId, { theme, dir, locale }) {
  const problems = [];
  session.problems = problems;
  const { page } = session;
  try {
    if (!session.loaded) {
      // `a11y.manual` stops the a11y addon's own axe pass after each render: this script runs
      // axe itself, with its own rules, and a second pass would only double the time.
      const globals = `theme:${theme};dir:${dir};a11y.manual:!true${locale ? `;locale:${locale}` : ''}`;
      const url = `${origin}iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story&globals=${globals}`;
      await page.goto(url, { waitUntil: 'load' });
      session.loaded = true;
    } else {
      await page.evaluate(
        async ({ storyId, theme, dir, locale, timeoutMs }) => {
          localStorage.clear();
          sessionStorage.clear();
          const preview = window.__STORYBOOK_PREVIEW__;
          const userGlobals = preview.storyStoreValue.userGlobals;
          userGlobals.update({ theme, dir, locale: locale ?? userGlobals.initialGlobals.locale, a11y: { manual: true } });
          // Settles when the story has rendered again and its play function has run.
          await Promise.race([preview.onForceRemount({ storyId }), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
        },
        { storyId, theme, dir, locale, timeoutMs: RENDER_TIMEOUT_MS },
      );
    }
    const phase = await page
      .waitForFunction(
        () => {
          const render = window.__STORYBOOK_PREVIEW__?.storyRenders?.[0];
          if (document.body.classList.contains('sb-show-errordisplay')) return 'errored';
          return render && ['finished', 'errored', 'aborted'].includes(render.phase) ? render.phase : false;
        },
        { timeout: RENDER_TIMEOUT_MS, polling: 50 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => `not finished after ${RENDER_TIMEOUT_MS / 1000} s`);
    if (phase !== 'finished') {
      const shown = await page.evaluate(() =>
        [document.querySelector('#error-message')?.textContent, document.querySelector('#error-stack')?.textContent]
          .filter(Boolean)
          .join('\n')
          .trim()
          .split('\n')
          .slice(0, 6)
          .join('\n'),
      );
      problems.push(`story did not render (${phase})${shown ? `:\n${shown}` : ''}`);
      return { problems };
    }

    const a11y = await page.evaluate(() => {
      const parameters = window.__STORYBOOK_PREVIEW__.storyRenders[0].story.parameters;
      return JSON.parse(JSON.stringify(parameters.a11y ?? {}));
    });
    const reasons = a11y.disabledReasons ?? {};
    if (a11y.disable === true || a11y.test === 'off') {
      if (isReason(reasons.all)) return { problems, skipped: reasons.all };
      problems.push('the a11y audit is turned off without a written reason (parameters.a11y.disabledReasons.all)');
      return { problems };
    }
    const disabledRules = { ...Object.fromEntries(Object.keys(AUDIT_DISABLED).map((id) => [id, { enabled: false }])) };
    for (const rule of a11y.config?.rules ?? []) {
      if (rule?.enabled !== false) continue;
      if (isReason(reasons[rule.id])) disabledRules[rule.id] = { enabled: false };
      else problems.push(`axe rule "${rule.id}" is turned off without a written reason (parameters.a11y.disabledReasons["${rule.id}"])`);
    }

    const ready = await page.evaluate(settleCandorElements, UPGRADE_TIMEOUT_MS);
    if (ready.undefinedTags.length) {
      problems.push(`never defined (missing registration import?): ${ready.undefinedTags.join(', ')}`);
    }
    if (ready.empty) problems.push('the story rendered nothing into #storybook-root');
    if (ready.rootDir !== (dir === 'auto' ? '' : dir)) problems.push(`direction global not applied: story root has dir="${ready.rootDir}"`);
    if (dir === 'auto') {
      const expected = RIGHT_TO_LEFT.has((locale ?? 'en').split('-')[0]) ? 'rtl' : 'ltr';
      // The stories' own helpers (`candor-story-*`, English story chrome) choose no direction.
      const wrong = ready.directions.filter((found) => !found.tag.startsWith('candor-story-') && found.direction !== expected);
      if (wrong.length) problems.push(`with no dir on the page, ${wrong.map((found) => `<${found.tag}>`).join(', ')} rendered ${wrong[0].direction}, not ${expected}`);
    }
    if (locale && ready.lang !== locale) problems.push(`locale global not applied: <html lang="${ready.lang}"> (is ${locale} shipped?)`);
    const unthemed = ready.themes.filter((found) => found !== theme);
    if (unthemed.length) problems.push(`theme global not applied: candor-* elements have theme ${unthemed.join(', ')}`);

    for (const violation of await runAxe(page, disabledRules)) {
      problems.push(
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n` +
          violation.nodes.map((node) => `  at ${node.target}\n    ${node.summary.replace(/\n/g, '\n    ')}`).join('\n'),
      );
    }
    return { problems };
  } catch (error) {
    problems.push(`audit error: ${error instanceof Error ? error.message : error}`);
    return { problems };
  }
}

/**
 * Runs in the page: waits until every candor-* element (also inside shadow roots) is defined
 * and has finished updating, then reports what the audit checks about them.
 */
async function settleCandorElements(timeoutMs) {
  const find = () => {
    const found = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName.startsWith('candor-')) found.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document.body);
    return found;
  };
  const deadline = Date.now() + timeoutMs;
  // Updating can render more candor-* elements; repeat until nothing new appears.
  let elements = [];
  for (let round = 0; round < 5; round += 1) {
    elements = find();
    const pending = [...new Set(elements.map((element) => element.localName))].filter((tag) => !customElements.get(tag));
    await Promise.race([
      Promise.all(pending.map((tag) => customElements.whenDefined(tag))),
      new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
    ]);
    for (const element of elements) {
      for (let tries = 0; 'updateComplete' in element && tries < 10; tries += 1) {
        if (await element.updateComplete) break;
      }
    }
    if (find().length === elements.length) break;
  }
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const root = document.querySelector('#storybook-root');
  return {
    undefinedTags: [...new Set(elements.map((element) => element.localName))].filter((tag) => !customElements.get(tag)),
    rootDir: root?.getAttribute('dir') ?? '',
    lang: document.documentElement.lang,
    empty: !root || (root.childElementCount === 0 && !root.textContent?.trim()),
    themes: elements.filter((element) => element.getRootNode() === document).map((element) => element.getAttribute('theme')),
    directions: elements.map((element) => ({ tag: element.localName, direction: getComputedStyle(element).direction })),
  };
}

/** Injects axe-core from node_modules and runs it over the page, Storybook's own markup excluded. */
async function runAxe(page, rules) {
  // Once per page: a remounted story keeps the page, and axe with it.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)) });
  }
  return page.evaluate(
    async ({ tags, rules, exclude }) => {
      const result = await window.axe.run(
        { include: [document.body], exclude: exclude.map((selector) => [selector]) },
        { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] },
      );
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> '),
          summary: node.failureSummary ?? '',
        })),
      }));
    },
    { tags: AXE_TAGS, rules, exclude: STORYBOOK_CHROME },
  );
}

/** Starts `work` for every item, at most `limit` at a time; returns one promise per item, in order. */
function inParallel(items, limit, work) {
  const results = items.map(() => {
    let settle;
    const promise = new Promise((resolve) => (settle = resolve));
    return { promise, settle };
  });
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index].settle(await work(items[index]));
    }
  };
  for (let i = 0; i < Math.min(limit, items.length); i += 1) void worker();
  return results.map((result) => result.promise);
}

function isReason(value) {
  return typeof value === 'string' && value.trim().length > 0;
}

/** A comma-separated list from the environment; set but empty means none (`CANDOR_STORY_LOCALES=`). */
function listFromEnv(name, fallback) {
  const value = process.env[name];
  return value === undefined ? fallback : value.split(',').map((item) => item.trim()).filter(Boolean);
}

function indent(text) {
  return text.replace(/^/gm, '    ');
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function writeTotals() {
  const file = process.env.CANDOR_TOTALS_FILE;
  if (file) writeFileSync(file, JSON.stringify({ stories: totals }, null, 2));
}

function summaryLine() {
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  return `stories: ${totals.passed} passed, ${totals.failed} failed${skipped}`;
}
