// Test-runner commands that open a second page in the test page's own browser context,
// so tests can check what one tab does to another (storage events, BroadcastChannel).
let nextId = 1;
const pages = new Map();

export function pagesPlugin() {
  return {
    name: 'candor-pages',
    async executeCommand({ command, payload, session }) {
      if (command === 'candor-open-page') {
        const testPage = session.browser.getPage(session.id);
        const page = await testPage.browserContext().newPage();
        const origin = new URL(testPage.url()).origin;
        await page.goto(new URL(payload.path, origin).href);
        const id = nextId++;
        pages.set(id, page);
        return id;
      }
      if (command === 'candor-evaluate-in-page') {
        const page = pages.get(payload.id);
        if (!page) throw new Error(`No page ${payload.id} is open.`);
        // The command protocol reads `undefined` as "unknown command": answer null instead.
        return (await page.evaluate(payload.expression)) ?? null;
      }
      if (command === 'candor-close-page') {
        const page = pages.get(payload.id);
        pages.delete(payload.id);
        await page?.close();
        return true;
      }
      return undefined;
    },
  };
}
