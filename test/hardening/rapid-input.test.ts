// Rapid input across two real tabs (issue 7): hundreds of accept / reject / toggle-and-save
// clicks, switching tabs between bursts, then both tabs at once. Afterwards storage holds
// one record, each tab's store holds that same record, and each tab's privacy center shows
// its decisions.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/candor-banner.js';
import '../../src/define/candor-preferences.js';
import { destroyConsentStore, getConsentStore, parseRecord } from '../../src/core/index.js';
import type { CandorPreferences } from '../../src/preferences/preferences.js';
import { bringTestPageToFront, type OtherPage } from '../helpers/pages.js';
import { inPage, openEverything, visitKey } from './visit.js';

type Action = 'accept' | 'reject' | 'toggle-analytics' | 'toggle-personalization';
const ACTIONS: Action[] = ['accept', 'toggle-analytics', 'reject', 'toggle-personalization', 'accept', 'reject'];
const PURPOSES = ['functional', 'personalization', 'analytics', 'advertising'];

/**
 * Clicks through the privacy center once per action, as fast as it renders. Self-contained:
 * it also runs, as source text, in the other tab.
 */
async function clickThrough(panel: HTMLElement & { show(): Promise<void>; updateComplete: Promise<unknown> }, actions: string[]): Promise<number> {
  const find = (selector: string) => panel.shadowRoot!.querySelector<HTMLElement>(selector)!;
  for (const action of actions) {
    await panel.show();
    if (action === 'accept') find('[part~="accept-button"]').click();
    else if (action === 'reject') find('[part~="reject-button"]').click();
    else {
      find(`[role="switch"][aria-labelledby="purpose-${action.replace('toggle-', '')}-label"]`).click();
      await panel.updateComplete;
      find('[part~="save-button"]').click();
    }
    await panel.updateComplete;
  }
  return actions.length;
}

/** The receipt, the decisions and what the open privacy center shows, in a tab. Also runs in the other tab. */
async function tabState(panel: HTMLElement & { show(): Promise<void>; close(): void; updateComplete: Promise<unknown> }, key: string, purposes: string[]) {
  await panel.show();
  const shown = Object.fromEntries(
    purposes.map((id) => [id, panel.shadowRoot!.querySelector(`[role="switch"][aria-labelledby="purpose-${id}-label"]`)!.getAttribute('aria-checked') === 'true']),
  );
  panel.close();
  const registry = (globalThis as unknown as Record<symbol, Map<string, { store: { record: { receiptId: string } | null; decisions: Record<string, boolean> } }>>)[Symbol.for('candor.stores')]!;
  const store = registry.get(key)!.store;
  const banner = document.querySelector(`candor-banner[store-key="${key}"]`);
  return {
    receipt: store.record?.receiptId ?? null,
    decisions: Object.fromEntries(purposes.map((id) => [id, store.decisions[id] === true])),
    shown,
    bannerAsks: !!banner?.shadowRoot?.querySelector('[part~="accept-button"]') && !banner.shadowRoot.querySelector('[part~="confirmation"]'),
  };
}

describe('hardening: rapid input in two tabs', () => {
  let other: OtherPage | null = null;
  let key = '';

  afterEach(async () => {
    await other?.close();
    other = null;
    destroyConsentStore(key);
    localStorage.removeItem(key);
  });

  it('leaves one consistent record in storage and in every tab after hundreds of clicks and tab switches', async function () {
    this.timeout(120_000);
    key = visitKey();
    const page = await fixture<HTMLDivElement>(html`<div>
      <candor-banner purposes="necessary functional personalization analytics advertising"
        policy-version="2026-11" policy-url="/privacy" policy-updated="2026-11-01" store-key=${key}></candor-banner>
      <candor-preferences store-key=${key}></candor-preferences>
    </div>`);
    const panel = page.querySelector<CandorPreferences>('candor-preferences')!;
    other = await openEverything(key, 'none');
    const remote = (actions: Action[]) =>
      inPage<number>(other!, `return (${clickThrough.toString()})(document.querySelector('candor-preferences'), ${JSON.stringify(actions)});`);

    // The first decision from the banner in the other tab, then turns: one tab in front, a burst of clicks, switch.
    await inPage(other, `await p.click('candor-banner', 'accept-button');`);
    let clicks = 1;
    for (let turn = 0; turn < 40; turn++) {
      const actions = Array.from({ length: 6 }, (_, index) => ACTIONS[(turn + index) % ACTIONS.length]!);
      if (turn % 2 === 0) {
        await bringTestPageToFront();
        clicks += await clickThrough(panel, actions);
      } else {
        await other.bringToFront();
        clicks += await remote(actions);
      }
    }
    // Both tabs at once, the one behind included.
    const burst = Array.from({ length: 60 }, (_, index) => ACTIONS[index % ACTIONS.length]!);
    const counts = await Promise.all([clickThrough(panel, burst), remote([...burst].reverse())]);
    clicks += counts[0] + counts[1];
    expect(clicks, 'clicks made').to.be.greaterThan(350);
    await bringTestPageToFront();

    const stored = () => parseRecord(localStorage.getItem(key), Date.now()).record;
    const here = () => tabState(panel, key, PURPOSES);
    const there = () => other!.evaluate<Awaited<ReturnType<typeof here>>>(`(${tabState.toString()})(document.querySelector('candor-preferences'), ${JSON.stringify(key)}, ${JSON.stringify(PURPOSES)})`);
    await waitUntil(async () => {
      const [a, b] = await Promise.all([here(), there()]);
      return a.receipt === stored()?.receiptId && b.receipt === stored()?.receiptId;
    }, 'both tabs hold the stored record', { timeout: 5000, interval: 100 }).catch(() => undefined);

    const record = stored()!;
    expect(record, 'storage holds a valid record').to.not.equal(null);
    const expected = Object.fromEntries(PURPOSES.map((id) => [id, record.decisions[id] === true]));
    const [mine, theirs] = [await here(), await there()];
    expect(mine.receipt, 'this tab holds the stored record').to.equal(record.receiptId);
    expect(theirs.receipt, 'the other tab holds the stored record').to.equal(record.receiptId);
    expect(mine.decisions).to.deep.equal(expected);
    expect(theirs.decisions).to.deep.equal(expected);
    expect(mine.shown, 'this tab’s switches').to.deep.equal(expected);
    expect(theirs.shown, 'the other tab’s switches').to.deep.equal(expected);
    expect([mine.bannerAsks, theirs.bannerAsks], 'no banner asks again').to.deep.equal([false, false]);
    expect(JSON.stringify(getConsentStore({ key }).record)).to.equal(JSON.stringify(record));
  });
});
