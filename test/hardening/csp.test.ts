// Candor under a strict Content Security Policy with Trusted Types required (issue 7): the
// pages come from scripts/wtr-hardening-plugin.mjs with the policy as a real header, and
// run in a second tab that records every violation from its first byte on.
import { expect } from '@open-wc/testing';
import { openOtherPage, type OtherPage } from '../helpers/pages.js';
import { fullVisit, openEverything, visitKey } from './visit.js';

const FIXTURES = '/test/hardening/fixtures';

describe('hardening: strict CSP with Trusted Types', () => {
  let page: OtherPage | null = null;

  afterEach(async () => {
    await page?.close();
    page = null;
  });

  it('serves the test pages with a strict policy and a fresh nonce', async () => {
    const first = await fetch(`${FIXTURES}/everything.html`, { cache: 'no-store' });
    const second = await fetch(`${FIXTURES}/everything.html`, { cache: 'no-store' });
    const policy = first.headers.get('content-security-policy') ?? '';
    const directives = new Map(policy.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values] as const;
    }));
    expect(directives.get('default-src')).to.deep.equal(["'self'"]);
    expect(directives.get('require-trusted-types-for')).to.deep.equal(["'script'"]);
    expect(directives.get('trusted-types')).to.deep.equal(['lit-html', 'candor']);
    expect(policy).not.to.match(/unsafe-inline|unsafe-eval|strict-dynamic|\*/);
    const nonce = /'nonce-([^']+)'/.exec(directives.get('script-src')!.join(' '))?.[1];
    expect(nonce, 'script-src has a nonce').to.be.a('string');
    const body = await first.text();
    expect(body).to.contain(`nonce="${nonce}"`);
    expect(body).not.to.contain('{{nonce}}');
    expect(second.headers.get('content-security-policy')).not.to.contain(nonce);
  });

  it('reports an inline script, an inline handler and a string in a Trusted Types sink (the harness sees violations)', async () => {
    page = await openOtherPage(`${FIXTURES}/violations.html`, { record: true });
    const outcome = await page.evaluate<{ inline: boolean; handler: boolean; sinkError: string }>(`(async () => {
      // The handler's violation comes when the image has loaded, before the page's load event.
      for (let tries = 0; tries < 100 && !(window.sinkError && document.readyState === 'complete'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { inline: window.inlineRan === true, handler: window.handlerRan === true, sinkError: window.sinkError ?? '' };
    })()`);
    expect(outcome.inline, 'the inline script ran').to.equal(false);
    expect(outcome.handler, 'the inline handler ran').to.equal(false);
    expect(outcome.sinkError).to.match(/TypeError/);
    const directives = (await page.log()).violations.map((violation) => violation.directive).sort();
    expect(directives).to.deep.equal(['require-trusted-types-for', 'script-src-attr', 'script-src-elem']);
  });

  it('loads a gated <embed> through Candor’s policy', async () => {
    page = await openOtherPage(`${FIXTURES}/embed.html?csp=objects`, { record: true });
    const src = await page.evaluate<string | null>(`(async () => {
      for (let tries = 0; tries < 250 && !window.candorPage; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      const embed = document.querySelector('embed');
      if (embed.hasAttribute('src') || !document.querySelector('.candor-embed')) throw new Error('the embed was not held back');
      window.candorPage.store.acceptAll();
      return embed.getAttribute('src');
    })()`);
    expect(src).to.equal('/test/hardening/fixtures/icon.svg');
    const log = await page.log();
    expect(log.violations, 'CSP violations').to.deep.equal([]);
    expect(log.errors, 'page errors').to.deep.equal([]);
  });

  const PAGE_ANSWERS = { ok: 'answering', fail: 'failing every request', none: 'not answering' } as const;
  for (const answers of ['ok', 'fail', 'none'] as const) {
    it(`runs every element and gate with no violation, the page ${PAGE_ANSWERS[answers]}`, async () => {
      page = await openEverything(visitKey(), answers);
      const report = await fullVisit(page, answers);
      const log = await page.log();
      expect(log.violations, 'CSP violations').to.deep.equal([]);
      expect(log.errors, 'page errors').to.deep.equal([]);
      expect(log.console.filter((message) => message.type === 'error').map((message) => message.text), 'console errors').to.deep.equal([]);

      expect(report.ranBeforeChoice, 'gated scripts before any choice').to.deep.equal([]);
      expect(report.ranAfterVisit, 'gated scripts after the visit (external, inline with nonce, module)').to.deep.equal(['external', 'inline', 'module']);
      expect(report.embedBefore).to.equal(null);
      expect(report.embedAfter).to.equal('/test/hardening/fixtures/embedded.html');
      expect(report.confirmation).to.contain('You refused everything optional');
      expect(report.consentModeCommands[0]).to.equal('consent default');
      expect(report.consentModeCommands.slice(1).every((command) => command === 'consent update')).to.equal(true);
      expect(report.consentModeCommands.length).to.be.greaterThan(2);
      expect(report.decisions).to.deep.equal({ necessary: true, functional: true, personalization: true, analytics: true, advertising: true });
      if (answers === 'ok') {
        expect(report.interests).to.contain('Cycling');
        expect(report.dataStatus).to.contain('We will email you a copy within 30 days.');
        expect(report.whyHeadline).to.equal('Recommended because you read about cycling');
        expect(report.whyStatus).to.contain('cycling');
        expect(report.feedbackStatus).to.equal('Thank you. Your feedback was sent.');
      } else if (answers === 'fail') {
        expect(report.interests).to.contain('Something went wrong, so your interests could not be shown.');
        expect(report.dataStatus).to.equal('Your request could not be sent: something went wrong on the site.');
        expect(report.whyHeadline).to.contain('Something went wrong, so the explanation could not be shown.');
        expect(report.feedbackStatus).to.equal('Your feedback could not be sent.');
      } else {
        expect(report.interests).to.contain('This site has not shared what it thinks you like.');
        expect(report.whyHeadline).to.contain('No explanation is available for this item.');
        expect(report.feedbackStatus).to.equal('Your feedback could not be sent: this site is not set up to receive it.');
      }
    });
  }
});
