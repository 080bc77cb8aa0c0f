import { expect, waitUntil } from '@open-wc/testing';
import { destroyConsentStore } from '../../src/core/index.js';
import { gateScripts, type GateScriptsOptions } from '../../src/gating/scripts.js';
import { cleanup, freshStore, onCleanup, recordErrors } from '../core/fixtures/store.js';
import { cookieNames, mount, outsideRequests, settle } from './helpers.js';

const FIXTURES = '/test/gating/fixtures';

/** Starts a gate that is stopped on cleanup. */
function gate(options: GateScriptsOptions): void {
  const running = gateScripts(options);
  onCleanup(() => running.stop());
}

function log(): string[] {
  return window.gatingLog ?? [];
}

describe('gateScripts', () => {
  beforeEach(() => {
    window.gatingLog = [];
  });
  afterEach(cleanup);
  after(() => expect(outsideRequests()).to.deep.equal([]));

  describe('activation', () => {
    it('runs no gated script before its purpose is granted', async () => {
      const { store } = freshStore();
      const root = mount(`
        <script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('inline')</script>
        <script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/first.js"></script>`);
      gate({ store, root });
      store.set({ functional: true });
      await settle();
      expect(log()).to.deep.equal([]);
      expect(root.querySelectorAll('script[type="text/plain"]')).to.have.length(2);
    });

    it('runs inline and external scripts in document order once the purpose is granted', async () => {
      const { store } = freshStore();
      const root = mount(`
        <script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('inline 1')</script>
        <script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/first.js"></script>
        <script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('inline 2')</script>
        <script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/second.js"></script>
        <script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('inline 3')</script>`);
      gate({ store, root });
      store.set({ analytics: true });
      await waitUntil(() => log().length === 5, 'every gated script ran');
      // Without waiting for each external script, the inline ones would all run first.
      expect(log()).to.deep.equal(['inline 1', 'first.js', 'inline 2', 'second.js', 'inline 3']);
      expect(root.querySelectorAll('script[type="text/plain"]')).to.have.length(0);
    });

    it('runs the scripts of a purpose granted before the gate started', async () => {
      const { store } = freshStore();
      store.set({ analytics: true });
      mount(`<script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/first.js"></script>`);
      gate({ store });
      await waitUntil(() => log().length === 1, 'the script ran');
      expect(log()).to.deep.equal(['first.js']);
    });

    it('copies the attributes, turns data-src into src and keeps the nonce', async () => {
      const { store } = freshStore();
      const root = mount(
        `<script type="text/plain" id="tracker" class="vendor" data-candor-purpose="analytics" data-src="${FIXTURES}/first.js" nonce="n0nce"></script>`,
      );
      gate({ store, root });
      store.set({ analytics: true });
      await waitUntil(() => log().length === 1, 'the script ran');
      const script = root.querySelector('script')!;
      expect(script.id).to.equal('tracker');
      expect(script.className).to.equal('vendor');
      expect(script.getAttribute('data-candor-purpose')).to.equal('analytics');
      expect(script.hasAttribute('type')).to.equal(false);
      expect(script.hasAttribute('data-src')).to.equal(false);
      expect(script.getAttribute('src')).to.equal(`${FIXTURES}/first.js`);
      expect(script.nonce).to.equal('n0nce');
    });

    it('runs an inline script under a Content Security Policy only with the page nonce', async () => {
      const { store } = freshStore();
      const frame = mount(`<iframe title="CSP page" src="${FIXTURES}/csp.html"></iframe>`).querySelector('iframe')!;
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const page = frame.contentWindow as Window;
      gate({ store, root: frame.contentDocument! });
      store.set({ analytics: true });
      await waitUntil(() => (page.gatingLog ?? []).length > 0, 'the script with the nonce ran');
      await settle();
      expect(page.gatingLog).to.deep.equal(['with nonce']);
    });

    it('runs data-type="module" scripts as modules, in order', async () => {
      const { store } = freshStore();
      const root = mount(`
        <script type="text/plain" data-type="module" data-candor-purpose="analytics" data-src="${FIXTURES}/module.js"></script>
        <script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('classic')</script>
        <script type="text/plain" data-type="module" data-candor-purpose="analytics">window.gatingLog.push(\`inline module:\${typeof import.meta}\`)</script>`);
      gate({ store, root });
      store.set({ analytics: true });
      await waitUntil(() => log().length === 3, 'every gated script ran');
      expect(log()).to.deep.equal(['module.js:true', 'classic', 'inline module:object']);
      expect([...root.querySelectorAll('script')].map((script) => script.type)).to.deep.equal(['module', '', 'module']);
    });

    it('runs each script once, however often the purpose is granted and however many gates run', async () => {
      const { store } = freshStore();
      mount(`
        <script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('inline')</script>
        <script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/first.js"></script>`);
      gate({ store });
      gate({ store });
      store.set({ analytics: true });
      await waitUntil(() => log().length === 2, 'both scripts ran');
      store.set({ analytics: false });
      store.set({ analytics: true });
      store.acceptAll();
      await settle();
      expect(log()).to.deep.equal(['inline', 'first.js']);
    });

    it('runs scripts added to the page later, once their purpose is granted', async () => {
      const { store } = freshStore();
      const root = mount('');
      gate({ store, root });
      root.insertAdjacentHTML('beforeend', `<script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('before grant')</script>`);
      await settle();
      expect(log()).to.deep.equal([]);
      store.set({ analytics: true });
      await waitUntil(() => log().length === 1, 'the script added before the grant ran');
      const late = document.createElement('div');
      late.innerHTML = `<script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/second.js"></script>`;
      root.append(late);
      await waitUntil(() => log().length === 2, 'the script added after the grant ran');
      expect(log()).to.deep.equal(['before grant', 'second.js']);
    });

    it('needs every purpose of a space-separated list', async () => {
      const { store } = freshStore();
      mount(`<script type="text/plain" data-candor-purpose="analytics  advertising">window.gatingLog.push('both')</script>`);
      gate({ store });
      store.set({ analytics: true });
      await settle();
      expect(log()).to.deep.equal([]);
      store.set({ advertising: true });
      await waitUntil(() => log().length === 1, 'the script ran');
      expect(log()).to.deep.equal(['both']);
    });

    it('runs nothing for an empty purpose list, a purpose the policy lacks, or an unsafe data-src', async () => {
      const { store } = freshStore();
      const errors = recordErrors();
      mount(`
        <script type="text/plain" data-candor-purpose="">window.gatingLog.push('empty')</script>
        <script type="text/plain" data-candor-purpose="unknown">window.gatingLog.push('unknown')</script>
        <script type="text/plain" data-candor-purpose="analytics" data-src="javascript:window.gatingLog.push('unsafe')"></script>`);
      gate({ store });
      store.acceptAll();
      await settle();
      expect(log()).to.deep.equal([]);
      expect(errors).to.deep.equal([
        `Candor: a gated script's data-src "javascript:window.gatingLog.push('unsafe')" is not an http(s) or relative URL; it was not run.`,
      ]);
    });

    it('stops watching when stopped', async () => {
      const { store } = freshStore();
      mount(`<script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('inline')</script>`);
      gateScripts({ store }).stop();
      store.set({ analytics: true });
      await settle();
      expect(log()).to.deep.equal([]);
    });
  });

  describe('the nonce option', () => {
    const NONCE = 'n0nce+/A==';

    const refused = (what: string) =>
      `Candor: a gated script (purposes ${what}) does not carry the page's nonce, so it was not run. ` +
      'If the page wrote it, give it nonce="…" like the page\'s other scripts; if not, it was injected.';

    it('runs only placeholders with the nonce, reports each other one once as it is found, and leaves it inert', async () => {
      const { store } = freshStore();
      const errors = recordErrors();
      const root = mount(`
        <script type="text/plain" data-candor-purpose="analytics" nonce="${NONCE}">window.gatingLog.push('inline')</script>
        <script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('no nonce')</script>
        <script type="text/plain" data-candor-purpose="analytics advertising" nonce="wrong">window.gatingLog.push('wrong nonce')</script>
        <script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/first.js"></script>
        <script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/second.js" nonce="${NONCE}"></script>`);
      gate({ store, root, nonce: NONCE });
      // Reported before any consent: the site learns of an injection even if no one accepts.
      expect(errors).to.deep.equal([
        refused(`analytics, inline "window.gatingLog.push('no nonce')"`),
        refused(`analytics advertising, inline "window.gatingLog.push('wrong nonce')"`),
        refused(`analytics, data-src "${FIXTURES}/first.js"`),
      ]);
      store.acceptAll();
      await waitUntil(() => log().length === 2, 'the scripts with the nonce ran');
      // A second gate without the option does not run what the first refused.
      gate({ store, root });
      store.set({ analytics: false });
      store.set({ analytics: true });
      await settle();
      expect(log()).to.deep.equal(['inline', 'second.js']);
      expect(errors, 'each is reported once').to.have.length(3);
      const inert = [...root.querySelectorAll('script[type="text/x-candor-refused"]')].map((script) => script.textContent || script.getAttribute('data-src'));
      expect(root.querySelectorAll('script[type="text/plain"]'), 'no placeholder left for another copy of Candor to run').to.have.length(0);
      expect(inert).to.deep.equal(["window.gatingLog.push('no nonce')", "window.gatingLog.push('wrong nonce')", `${FIXTURES}/first.js`]);
      expect([...root.querySelectorAll<HTMLScriptElement>('script:not([type])')].every((script) => script.nonce === NONCE), 'the released scripts keep the nonce').to.equal(true);
    });

    it('refuses an unclosed injected tag that swallowed the start of the site’s own tag, and its nonce', async () => {
      const { store } = freshStore();
      const errors = recordErrors();
      // Dangling markup: the injected tag ends at the site's `>`, so the site's nonce and text become its own.
      const root = mount(
        `<script type="text/plain" data-candor-purpose="analytics" data-src="${FIXTURES}/first.js" x=\n` +
          `<script type="text/plain" data-candor-purpose="analytics" nonce="${NONCE}">window.gatingLog.push('site')</script>`,
      );
      const swallowed = root.querySelector<HTMLScriptElement>('script')!;
      expect(swallowed.nonce, 'the browser did give the injected element the site’s nonce').to.equal(NONCE);
      gate({ store, root, nonce: NONCE });
      store.acceptAll();
      await settle();
      expect(log()).to.deep.equal([]);
      expect(errors).to.deep.equal([refused(`analytics, data-src "${FIXTURES}/first.js"`)]);
    });

    it('ignores an SVG <script>, with or without the option, and keeps working', async () => {
      const { store } = freshStore();
      const errors = recordErrors();
      const root = mount(`
        <svg><script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('svg')</script></svg>
        <script type="text/plain" data-candor-purpose="analytics" nonce="${NONCE}">window.gatingLog.push('html')</script>`);
      gate({ store, root, nonce: NONCE });
      gate({ store, root });
      store.acceptAll();
      await waitUntil(() => log().length === 1, 'the HTML placeholder ran');
      await settle();
      expect(log()).to.deep.equal(['html']);
      expect(errors).to.deep.equal([]);
      expect(root.querySelector('svg script')!.getAttribute('type'), 'the SVG script is left as it was').to.equal('text/plain');
    });

    it('checks placeholders added later by their nonce property', async () => {
      const { store } = freshStore();
      const errors = recordErrors();
      store.set({ analytics: true });
      const root = mount('');
      gate({ store, root, nonce: NONCE });
      const added = document.createElement('script');
      added.type = 'text/plain';
      added.setAttribute('data-candor-purpose', 'analytics');
      added.nonce = NONCE;
      added.text = "window.gatingLog.push('added with nonce')";
      root.append(added);
      root.insertAdjacentHTML('beforeend', `<script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('${'x'.repeat(80)}')</script>`);
      await waitUntil(() => log().length === 1, 'the added script ran');
      await settle();
      expect(log()).to.deep.equal(['added with nonce']);
      // Long inline code is cut to its first 60 characters.
      expect(errors).to.deep.equal([refused(`analytics, inline "${`window.gatingLog.push('${'x'.repeat(80)}')`.slice(0, 60)}…"`)]);
    });

    it('closes the hole \'strict-dynamic\' leaves: an injected inline placeholder runs without the option, not with it', async () => {
      const runIn = async (options: Pick<GateScriptsOptions, 'nonce'>): Promise<string[]> => {
        const { store } = freshStore();
        const frame = mount(`<iframe title="CSP page" src="${FIXTURES}/csp-strict-dynamic.html"></iframe>`).querySelector('iframe')!;
        await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        const page = frame.contentWindow as Window;
        gate({ store, root: frame.contentDocument!, ...options });
        store.set({ analytics: true });
        await waitUntil(() => (page.gatingLog ?? []).length > 0, 'the script with the nonce ran');
        await settle();
        return page.gatingLog ?? [];
      };
      expect(await runIn({}), 'without the option').to.deep.equal(['with nonce', 'injected']);
      recordErrors();
      expect(await runIn({ nonce: 'candorGatingTest' }), 'with the option').to.deep.equal(['with nonce']);
    });

    it('refuses a nonce option that cannot be a CSP nonce, naming the option', () => {
      const { store } = freshStore();
      const rule = "Candor: gateScripts({ nonce }) must be the page's CSP nonce, the base64 value of its 'nonce-…' (got";
      const bad: Array<[unknown, string]> = [
        ['', '""'],
        [42, '42'],
        [null, 'null'],
        [undefined, 'undefined; in a module document.currentScript is null'],
        ['{{nonce}}', '"{{nonce}}"'],
        ["'nonce-abc'", `"'nonce-abc'"`],
        ['abc def', '"abc def"'],
      ];
      for (const [nonce, got] of bad) {
        expect(() => gateScripts({ store, nonce: nonce as string }), String(nonce)).to.throw(`${rule} ${got}). Leave the option out`);
      }
      for (const nonce of ['abc', 'rAnd0m+/base64==', 'url-safe_base64']) gateScripts({ store, nonce }).stop();
    });
  });

  describe('withdrawal', () => {
    const COOKIES = ['_ga', '_ga_ABC123', '_gid', 'site-theme'];

    function setCookies(): void {
      for (const name of COOKIES) document.cookie = `${name}=1; path=/`;
      onCleanup(() => {
        for (const name of COOKIES) document.cookie = `${name}=; Max-Age=0; path=/`;
      });
    }

    function setStorage(key: string): void {
      localStorage.setItem('analytics-visitor', '42');
      localStorage.setItem('site-cart', '[]');
      sessionStorage.setItem('an-session-1', 'x');
      sessionStorage.setItem('an-session-2', 'y');
      onCleanup(() => {
        for (const name of ['analytics-visitor', 'site-cart']) localStorage.removeItem(name);
        for (const name of ['an-session-1', 'an-session-2']) sessionStorage.removeItem(name);
      });
      expect(localStorage.getItem(key), 'the consent record').to.be.a('string');
    }

    it('removes the cookies and storage keys declared for a withdrawn purpose, and nothing else', () => {
      const { store, key } = freshStore();
      store.acceptAll();
      setCookies();
      setStorage(key);
      gate({
        store,
        cleanup: {
          analytics: [
            { name: /^_ga/ },
            { name: '_gid', domain: location.hostname === 'localhost' ? undefined : location.hostname, path: '/' },
            { name: 'analytics-visitor', storage: 'local' },
            { name: /^an-session-/, storage: 'session' },
            // A declaration that would match the consent record must leave it alone.
            { name: key, storage: 'local' },
            { name: /^candor-/, storage: 'local' },
          ],
          advertising: [{ name: 'site-theme' }],
        },
      });
      store.set({ analytics: false });
      expect(cookieNames().filter((name) => COOKIES.includes(name))).to.deep.equal(['site-theme']);
      expect(localStorage.getItem('analytics-visitor')).to.equal(null);
      expect(localStorage.getItem('site-cart')).to.equal('[]');
      expect(sessionStorage.getItem('an-session-1')).to.equal(null);
      expect(sessionStorage.getItem('an-session-2')).to.equal(null);
      expect(localStorage.getItem(key), 'the consent record').to.be.a('string');
      expect(store.isGranted('advertising')).to.equal(true);
    });

    it('removes nothing for a purpose that was never granted', () => {
      const { store } = freshStore();
      setCookies();
      gate({ store, cleanup: { analytics: [{ name: /^_ga/ }] } });
      store.rejectAll();
      expect(cookieNames().filter((name) => COOKIES.includes(name))).to.have.members(COOKIES);
    });

    it('keeps the scripts of a withdrawn purpose from running on the next page load', async () => {
      const { store, key } = freshStore();
      store.acceptAll();
      store.withdraw();
      // A new page: a store for the same key reads the stored record, which says refused.
      destroyConsentStore(key);
      const next = freshStore({}, key).store;
      mount(`<script type="text/plain" data-candor-purpose="analytics">window.gatingLog.push('inline')</script>`);
      gate({ store: next });
      await settle();
      expect(next.record?.decisions.analytics).to.equal(false);
      expect(log()).to.deep.equal([]);
    });

    it('refuses malformed declarations, naming the field', () => {
      const { store } = freshStore();
      const bad: Array<[unknown, string]> = [
        [[], 'Candor: gateScripts({ cleanup }) must be an object of purpose ids and lists, e.g. { analytics: [{ name: "_ga" }] }'],
        [{ analytics: { name: '_ga' } }, 'Candor: gateScripts({ cleanup }) cleanup.analytics must be a list of { name, domain?, path?, storage? }'],
        [{ analytics: [{ name: '' }] }, 'Candor: gateScripts({ cleanup }) cleanup.analytics[0].name must be a cookie or storage key name, or a RegExp (got "")'],
        [{ analytics: [{ name: '_ga', path: 'x' }] }, 'Candor: gateScripts({ cleanup }) cleanup.analytics[0].path must start with "/" and contain no ";", "," or spaces (got "x")'],
        [{ analytics: [{ name: '_ga' }, { name: '_ga', domain: 'a;b' }] }, 'Candor: gateScripts({ cleanup }) cleanup.analytics[1].domain must be a host name such as ".example.com" (got "a;b")'],
        [{ analytics: [{ name: '_ga', storage: 'indexeddb' }] }, 'Candor: gateScripts({ cleanup }) cleanup.analytics[0].storage must be one of cookie, local, session (got "indexeddb")'],
      ];
      for (const [declarations, message] of bad) {
        expect(() => gateScripts({ store, cleanup: declarations as GateScriptsOptions['cleanup'] })).to.throw(message);
      }
    });
  });
});
