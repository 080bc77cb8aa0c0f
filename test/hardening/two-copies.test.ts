// Two versions of Candor on one page (issue 7): the built script-tag file (dist/candor.js,
// its own Lit inside) loads first, as a site's <script> would; then this repository's
// source modules (another Lit), as a widget that bundles its own copy would. The second
// copy warns once per element and throws nothing; the page keeps one store per key, which
// the first copy's elements and the second copy's store and gates share.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { destroyConsentStore, getConsentStore } from '../../src/core/index.js';
import type { ConsentStore } from '../../src/core/index.js';
import { textOf } from '../helpers/consent-ui.js';

const DIST = '/dist/candor.js';
const TAGS = ['candor-banner', 'candor-preferences', 'candor-why', 'candor-feedback'];

const warnings: string[] = [];
const errors: string[] = [];
const original = { warn: console.warn, error: console.error };
const onError = (event: ErrorEvent) => errors.push(`uncaught: ${event.message}`);
let distClasses: Map<string, CustomElementConstructor>;
let key = '';

function part(host: Element, name: string): HTMLElement {
  const found = host.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${host.localName}> has no part "${name}" now`);
  return found;
}

const registryStore = (storeKey: string): ConsentStore | undefined =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for('candor.stores')] as Map<string, { store: ConsentStore }> | undefined)?.get(storeKey)?.store;

describe('hardening: two copies of Candor on one page', () => {
  before(async () => {
    const built = await fetch(DIST, { method: 'HEAD', cache: 'no-store' });
    if (!built.ok) throw new Error(`${DIST} is missing (HTTP ${built.status}): run \`npm run build\` first`);
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
    window.addEventListener('error', onError);
    await import(/* @vite-ignore */ DIST);
    distClasses = new Map(TAGS.map((tag) => [tag, customElements.get(tag)!]));
    await import('../../src/all.js');
    await import('../../src/gating/embeds.js');
  });

  after(() => {
    Object.assign(console, original);
    window.removeEventListener('error', onError);
  });

  beforeEach(() => {
    key = `two-copies-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  });

  afterEach(() => {
    destroyConsentStore(key);
    localStorage.removeItem(key);
  });

  it('warns once per element from the second copy, keeps the first copy’s elements and throws nothing', async () => {
    const { CandorBanner } = await import('../../src/banner/banner.js');
    for (const tag of TAGS) {
      expect(distClasses.get(tag), `${DIST} defined <${tag}>`).to.be.a('function');
      expect(customElements.get(tag) === distClasses.get(tag), `<${tag}> is still the first copy's`).to.equal(true);
      const named = warnings.filter((warning) => warning.includes(`<${tag}> is already defined by another copy`));
      expect(named, `warnings naming <${tag}>`).to.have.length(1);
    }
    expect(customElements.get('candor-banner') === CandorBanner, 'the source copy is a different class').to.equal(false);
    expect(errors).to.deep.equal([]);
  });

  it('shares one store per key between the copies, through the registry on globalThis', async () => {
    const banner = await fixture(html`<candor-banner purposes="necessary analytics" policy-version="1" store-key=${key} storage="memory"></candor-banner>`);
    const fromFirstCopy = registryStore(key);
    expect(fromFirstCopy, 'the first copy’s banner made the store').to.not.equal(undefined);
    const store = getConsentStore({ key });
    expect(store === fromFirstCopy, 'the second copy finds the same store').to.equal(true);

    part(banner, 'accept-button').click();
    expect(store.isGranted('analytics'), 'a choice in the first copy’s banner is seen by the second copy').to.equal(true);
    store.rejectAll();
    await waitUntil(
      () => /refused everything optional/.test(textOf(banner.shadowRoot!.querySelector('[part~="confirmation"]'))),
      'the first copy’s banner shows the second copy’s decision',
    );
    expect(errors).to.deep.equal([]);
  });

  it('works across copies: the first copy’s elements answer to the second copy’s events and gates', async () => {
    const { gateEmbeds } = await import('../../src/gating/embeds.js');
    const page = await fixture<HTMLElement>(html`<div>
      <candor-banner purposes="necessary functional" policy-version="1" store-key=${key}></candor-banner>
      <candor-why item-id="sku-1" item-label="Trail shoes" store-key=${key}></candor-why>
      <candor-feedback item-id="sku-1" item-label="Trail shoes"></candor-feedback>
      <iframe data-candor-src="/test/hardening/fixtures/embedded.html" data-candor-purpose="functional" title="Tour"></iframe>
      <candor-preferences store-key=${key}></candor-preferences>
    </div>`);
    const answer = (event: Event & { respondWith?: (value: unknown) => void }) => {
      if (event.type === 'candor-explanation-request') event.respondWith!({ headline: 'Because you looked at shoes', reasons: [{ kind: 'your-activity', label: 'You looked at shoes' }] });
      else event.respondWith!({ ok: true });
    };
    page.addEventListener('candor-explanation-request', answer);
    page.addEventListener('candor-feedback', answer);
    const gate = gateEmbeds({ store: getConsentStore({ key }) });
    try {
      const [banner, why, feedback, frame, panel] = ['candor-banner', 'candor-why', 'candor-feedback', 'iframe', 'candor-preferences'].map((tag) => page.querySelector(tag)!);
      await waitUntil(() => banner!.shadowRoot?.querySelector('[part~="reject-button"]'), 'the banner asks');

      // The second copy's placeholder link opens the first copy's privacy center.
      (page.querySelector('.candor-embed-choices') as HTMLElement).click();
      await waitUntil(() => (panel!.shadowRoot?.querySelector('dialog') as HTMLDialogElement | null)?.open, 'the privacy center opens');
      part(panel!, 'close-button').click();

      // The second copy's "Allow …, then load" records in the shared store; the first copy's banner sees it.
      (page.querySelector('.candor-embed-allow') as HTMLElement).click();
      await waitUntil(() => frame!.getAttribute('src') === '/test/hardening/fixtures/embedded.html', 'the embed loads');
      await waitUntil(() => !banner!.shadowRoot?.querySelector('[part~="reject-button"]'), 'the banner stops asking');

      part(why!, 'trigger').click();
      await waitUntil(() => why!.shadowRoot?.querySelector('[part~="headline"]')?.textContent?.includes('Because you looked at shoes'), 'the explanation');
      part(feedback!, 'helpful-button').click();
      await waitUntil(() => textOf(feedback!.shadowRoot!.querySelector('[part~="status"]')) === 'Thank you. Your feedback was sent.', 'the feedback is acknowledged');
      expect(errors).to.deep.equal([]);
    } finally {
      gate.stop();
    }
  });
});
