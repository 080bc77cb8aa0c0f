// Test-runner commands that open a second page in the test page's own browser context,
// so tests can check what one tab does to another (storage events, BroadcastChannel).
// With `record: true` the page's console messages, page errors, requests and Content
// Security Policy violations are kept from its first byte on (`candor-page-log`).
let nextId = 1;
const pages = new Map();
const logs = new Map();
const cdpSessions = new WeakMap();

/** Records what a page does, starting before its document loads. */
async function recordPage(page) {
  const log = { console: [], errors: [], requests: [] };
  page.on('console', (message) => log.console.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => log.errors.push(String(error?.message ?? error)));
  page.on('request', (request) => log.requests.push({ url: request.url(), type: resourceType(request) }));
  // Injected by the driver, so the page's own CSP does not block it; capturing on window
  // sees violations from shadow roots too.
  await page.evaluateOnNewDocument(() => {
    window.__candorViolations = [];
    window.addEventListener('securitypolicyviolation', (event) => {
      window.__candorViolations.push({
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: event.sourceFile,
        line: event.lineNumber,
      });
    }, true);
  });
  return log;
}

/** Chromium's resource type of a request; Firefox (WebDriver BiDi) has none to give. */
function resourceType(request) {
  try {
    return request.resourceType();
  } catch {
    return 'unknown';
  }
}

export function pagesPlugin() {
  return {
    name: 'candor-pages',
    async executeCommand({ command, payload, session }) {
      if (command === 'candor-open-page') {
        const testPage = session.browser.getPage(session.id);
        const page = await testPage.browserContext().newPage();
        const id = nextId++;
        if (payload.record) logs.set(id, await recordPage(page));
        const origin = new URL(testPage.url()).origin;
        await page.goto(new URL(payload.path, origin).href);
        pages.set(id, page);
        return id;
      }
      if (command === 'candor-evaluate-in-page') {
        const page = pages.get(payload.id);
        if (!page) throw new Error(`No page ${payload.id} is open.`);
        // The command protocol reads `undefined` and `null` as "unknown command": wrap the value.
        return { value: (await page.evaluate(payload.expression)) ?? null };
      }
      if (command === 'candor-page-log') {
        const page = pages.get(payload.id);
        const log = logs.get(payload.id);
        if (!page || !log) throw new Error(`No recorded page ${payload.id} is open.`);
        const violations = await page.evaluate(() => window.__candorViolations ?? []);
        return { ...log, violations };
      }
      if (command === 'candor-bring-to-front') {
        // id 0 is the test page itself.
        const page = payload.id === 0 ? session.browser.getPage(session.id) : pages.get(payload.id);
        if (!page) throw new Error(`No page ${payload.id} is open.`);
        await page.bringToFront();
        return true;
      }
      if (command === 'candor-emulate-media-features') {
        // @web/test-runner's emulateMedia (and puppeteer's emulateMediaFeatures) know only a
        // few features; the DevTools protocol emulates any, forced-colors included. One CDP
        // session per page, kept open: its overrides end when it detaches. Throws on Firefox.
        const page = session.browser.getPage(session.id);
        if (!cdpSessions.has(page)) cdpSessions.set(page, await page.createCDPSession());
        await cdpSessions.get(page).send('Emulation.setEmulatedMedia', { features: payload.features });
        return true;
      }
      if (command === 'candor-close-page') {
        const page = pages.get(payload.id);
        pages.delete(payload.id);
        logs.delete(payload.id);
        await page?.close();
        return true;
      }
      return undefined;
    },
  };
}
