// The script gate's nonce check under the strict policy with Trusted Types (issue 7): held-back
// scripts the site wrote with its nonce run after consent, injected ones never do. The page
// (fixtures/csp-nonce.html) runs in a second tab that records every violation and console message.
import { expect } from '@open-wc/testing';
import { openOtherPage, type OtherPage } from '../helpers/pages.js';

const PAGE = '/test/hardening/fixtures/csp-nonce.html';
const WRITTEN_WITH_NONCE = ['inline with nonce', 'external', 'last'];

interface Outcome {
  ranBeforeChoice: string[];
  ranAfterChoice: string[];
  /** What getAttribute('nonce') said of a placeholder with a nonce: '' once the browser hides it. */
  nonceAttribute: string | null;
  /** Placeholders the gate marked refused (text/x-candor-refused). */
  refused: number;
}

/** Opens the page, grants analytics, and waits for the gate to have run the last script. */
async function grantAnalytics(gate: 'nonce' | 'plain'): Promise<{ page: OtherPage; outcome: Outcome }> {
  const page = await openOtherPage(`${PAGE}?gate=${gate}`, { record: true });
  const outcome = await page.evaluate<Outcome>(`(async () => {
    const wait = () => new Promise((resolve) => setTimeout(resolve, 20));
    for (let tries = 0; tries < 250 && !window.candorPage; tries++) await wait();
    if (!window.candorPage) throw new Error('csp-nonce.html did not start: ' + document.title);
    const ranBeforeChoice = [...(window.gatedRan ?? [])];
    const nonceAttribute = document.querySelector('script[type="text/plain"][nonce]').getAttribute('nonce');
    window.candorPage.store.set({ analytics: true });
    for (let tries = 0; tries < 250 && !(window.gatedRan ?? []).includes('last'); tries++) await wait();
    // Room for anything still on its way (a script load, a violation report).
    for (let tries = 0; tries < 5; tries++) await wait();
    return {
      ranBeforeChoice,
      ranAfterChoice: [...(window.gatedRan ?? [])],
      nonceAttribute,
      refused: document.querySelectorAll('script[type="text/x-candor-refused"][data-candor-purpose]').length,
    };
  })()`);
  return { page, outcome };
}

describe('hardening: the script gate requires the page’s nonce', () => {
  let page: OtherPage | null = null;

  afterEach(async () => {
    await page?.close();
    page = null;
  });

  it('runs only the held-back scripts that carry the nonce, reports the others, and causes no violation', async () => {
    const opened = await grantAnalytics('nonce');
    page = opened.page;
    const { outcome } = opened;
    expect(outcome.nonceAttribute, 'the browser hides the nonce attribute (the gate reads the property)').to.equal('');
    expect(outcome.ranBeforeChoice).to.deep.equal([]);
    expect(outcome.ranAfterChoice).to.deep.equal(WRITTEN_WITH_NONCE);
    expect(outcome.refused, 'the injected placeholders stay in the page, inert, marked refused').to.equal(4);
    const log = await page.log();
    expect(log.violations, 'CSP violations').to.deep.equal([]);
    expect(log.errors, 'page errors').to.deep.equal([]);
    const refused = (what: string) =>
      `Candor: a gated script (purposes analytics, ${what}) does not carry the page's nonce, so it was not run. ` +
      'If the page wrote it, give it nonce="…" like the page\'s other scripts; if not, it was injected.';
    expect(log.console.filter((message) => message.type === 'error').map((message) => message.text)).to.deep.equal([
      refused(`inline "(window.gatedRan ??= []).push('injected inline');"`),
      refused(`inline "(window.gatedRan ??= []).push('injected, guessed nonce');"`),
      refused('data-src "/test/hardening/fixtures/csp-injected.js"'),
      // The unclosed injected tag that took the site's nonce from the tag it swallowed.
      refused('data-src "/test/hardening/fixtures/csp-injected.js"'),
    ]);
  });

  it('without the nonce option runs what the policy lets through, as before: an injected same-origin data-src runs', async () => {
    const opened = await grantAnalytics('plain');
    page = opened.page;
    const { outcome } = opened;
    expect(outcome.ranBeforeChoice).to.deep.equal([]);
    // The hole the option closes: script-src 'self' allows the injected file the gate released.
    expect(outcome.ranAfterChoice).to.deep.equal(['inline with nonce', 'external', 'injected external', 'injected external', 'last']);
    expect(outcome.refused).to.equal(0);
    const log = await page.log();
    // The two injected inline scripts were released without the nonce, and the policy blocked them.
    expect(log.violations.map((violation) => violation.directive)).to.deep.equal(['script-src-elem', 'script-src-elem']);
    // Firefox also reports each blocked script as a page error ("Content-Security-Policy: …"):
    // those two are the violations above; anything else is a real error.
    const errors = log.errors.filter((error) => !error.startsWith('Content-Security-Policy:'));
    expect(errors, 'page errors').to.deep.equal([]);
    expect(log.errors.length, 'no more CSP errors than violations').to.be.at.most(2);
  });
});
