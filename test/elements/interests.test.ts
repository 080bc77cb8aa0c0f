import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { controlStyles } from '../../src/internal/controls.styles.js';
import { themeStyles } from '../../src/internal/theme.styles.js';
import { InterestsSection, interestsSectionStyles, type Interest } from '../../src/preferences/interests-section.js';
import type { CandorInterestsRequestEvent } from '../../src/events/interests-request.js';
import type { CandorProfileEditEvent } from '../../src/events/profile-edit.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { XSS_PAYLOADS, deepText, expectNoXss, resetXss } from '../helpers/xss.js';

/** The smallest host: mounts the section the way the privacy center does. */
class InterestsTestHost extends LitElement {
  static override styles = [themeStyles, controlStyles, ...interestsSectionStyles];
  readonly interestsSection = new InterestsSection(this, { timeout: 200 });
  protected override render(): TemplateResult {
    return this.interestsSection.render();
  }
}
customElements.define('interests-test-host', InterestsTestHost);

const interests: Interest[] = [
  { id: 'cycling', label: 'Cycling', source: 'Articles you read', weight: 0.8 },
  { id: 'running', label: 'Running', source: 'You told us', weight: 0.5 },
  { id: 'cooking', label: 'Cooking', source: 'Videos you watched' },
];

let errors: unknown[][] = [];
const originalError = console.error;

async function makeHost(options: { given?: Interest[] | unknown; theme?: string; onRequest?: (event: CandorInterestsRequestEvent) => void } = {}) {
  const page = options.theme === 'dark' ? '#17191c' : '#ffffff';
  const wrapper = await fixture(html`<div style="background: ${page}; padding: 8px"></div>`);
  const host = document.createElement('interests-test-host') as InterestsTestHost;
  if (options.theme) host.setAttribute('theme', options.theme);
  if (options.onRequest) host.addEventListener('candor-interests-request', options.onRequest);
  if (options.given !== undefined) host.interestsSection.interests = options.given as Interest[];
  wrapper.append(host);
  await host.updateComplete;
  return host;
}

const root = (host: InterestsTestHost) => host.shadowRoot!;
const text = (host: InterestsTestHost) => deepText(host).replace(/\s+/g, ' ');
const status = (host: InterestsTestHost) => root(host).querySelector('[part="interests-status"]')!.textContent!.trim();
const labels = (host: InterestsTestHost) => [...root(host).querySelectorAll('.interest-label')].map((label) => label.textContent);
const button = (host: InterestsTestHost, part: 'interest-remove' | 'interest-wrong', index: number) =>
  root(host).querySelectorAll<HTMLButtonElement>(`[part="${part}"]`)[index]!;

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => errors.push(args);
  resetXss();
});
afterEach(() => {
  console.error = originalError;
});

describe('"What we think you like" section', () => {
  describe('accessibility', () => {
    for (const theme of ['light', 'dark']) {
      it(`lists the interests with where they came from and their strength (${theme})`, async () => {
        const host = await makeHost({ given: interests, theme });
        expect(labels(host)).to.deep.equal(['Cycling', 'Running', 'Cooking']);
        const page = text(host);
        expect(page).to.contain('What we think you like');
        expect(page).to.contain('Based on: Articles you read');
        expect(page).to.contain('Strength: 80%');
        expect(button(host, 'interest-remove', 0).textContent!.replace(/\s+/g, ' ').trim()).to.equal('Remove: Cycling');
        expect(button(host, 'interest-wrong', 1).textContent!.replace(/\s+/g, ' ').trim()).to.equal('This is wrong: Running');
        await expectNoAxeViolations(host);
      });

      it(`says when the site holds no interests (${theme})`, async () => {
        const host = await makeHost({ given: [], theme });
        expect(text(host)).to.contain('This site has no interests recorded for you.');
        await expectNoAxeViolations(host);
      });
    }

    it('passes axe right to left', async () => {
      const host = await makeHost({ given: interests });
      host.parentElement!.dir = 'rtl';
      await expectNoAxeViolations(host.parentElement!);
    });

    it('shows loading while the host answers, with no violations', async () => {
      const host = await makeHost({ onRequest: (event) => event.respondWith(new Promise(() => {})) });
      await waitUntil(() => text(host).includes('Loading what we think you like…'));
      await expectNoAxeViolations(host);
    });

    it('shows an edited list with its confirmation, with no violations', async () => {
      const host = await makeHost({ given: interests });
      host.addEventListener('candor-profile-edit', (event) => event.respondWith(Promise.resolve()));
      button(host, 'interest-remove', 1).click();
      await waitUntil(() => status(host) === 'Removed: Running. It will no longer be used.');
      expect(labels(host)).to.deep.equal(['Cycling', 'Cooking']);
      await expectNoAxeViolations(host);
    });

    it('shows an error with Try again, with no violations', async () => {
      let calls = 0;
      const host = await makeHost({
        onRequest: (event) => {
          calls += 1;
          event.respondWith(calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(interests));
        },
      });
      await waitUntil(() => root(host).querySelector('[part="interests-retry"]'));
      expect(text(host)).to.contain('Something went wrong, so your interests could not be shown.');
      await expectNoAxeViolations(host);
      root(host).querySelector<HTMLButtonElement>('[part="interests-retry"]')!.click();
      await waitUntil(() => labels(host).length === 3);
      expect(calls).to.equal(2);
    });
  });

  describe('events', () => {
    it('asks the host once when no interests were set, and shows the answer', async () => {
      const requests: unknown[] = [];
      const host = await makeHost({
        onRequest: (event) => {
          requests.push(event.detail);
          expect(event.bubbles && event.composed).to.equal(true);
          event.respondWith(Promise.resolve(interests));
        },
      });
      await waitUntil(() => labels(host).length === 3);
      host.requestUpdate();
      await host.updateComplete;
      expect(requests).to.deep.equal([{ locale: 'en' }]);
      expect(host.interestsSection.interests).to.deep.equal(interests.map((interest) => ({ ...interest, weight: interest.weight })));
    });

    it('says so when nobody answers', async () => {
      const host = await makeHost();
      await waitUntil(() => text(host).includes('This site has not shared what it thinks you like.'));
    });

    it('says so when the host is too slow', async () => {
      const host = await makeHost({ onRequest: (event) => event.respondWith(new Promise(() => {})) });
      await waitUntil(() => text(host).includes('The site did not answer in time'), 'no timeout shown', { timeout: 2000 });
    });

    it('fires a profile edit with the exact detail and drops the interest once acknowledged', async () => {
      const host = await makeHost({ given: interests });
      const edits: unknown[] = [];
      host.addEventListener('candor-profile-edit', (event: CandorProfileEditEvent) => {
        edits.push(event.detail);
        event.respondWith(Promise.resolve());
      });
      button(host, 'interest-wrong', 0).click();
      await waitUntil(() => status(host) === 'Thank you. Cycling is marked as wrong and will no longer be used.');
      const { at, ...rest } = edits[0] as { at: string };
      expect(Object.keys(edits[0] as object)).to.deep.equal(['interestId', 'action', 'at']);
      expect(rest).to.deep.equal({ interestId: 'cycling', action: 'mark-wrong' });
      expect(Date.now() - Date.parse(at)).to.be.within(0, 5000);
      expect(labels(host)).to.deep.equal(['Running', 'Cooking']);
    });

    it('keeps the interest and says the change failed', async () => {
      const host = await makeHost({ given: interests });
      host.addEventListener('candor-profile-edit', (event) => event.respondWith(Promise.reject(new Error('500'))));
      button(host, 'interest-remove', 2).click();
      await waitUntil(() => status(host) === 'Something went wrong, so nothing was changed: Cooking.');
      expect(labels(host)).to.deep.equal(['Cycling', 'Running', 'Cooking']);
      expect(button(host, 'interest-remove', 2).getAttribute('aria-disabled')).to.equal('false');
    });

    it('says so when nobody handles edits, or the site declines', async () => {
      const host = await makeHost({ given: interests });
      button(host, 'interest-remove', 0).click();
      await waitUntil(() => status(host) === 'Changing your interests does not work on this site yet, so nothing was changed.');
      host.addEventListener('candor-profile-edit', (event) => event.respondWith({ ok: false, message: 'Stated interests can be changed in your profile.' }));
      button(host, 'interest-remove', 1).click();
      await waitUntil(() => status(host) === 'Stated interests can be changed in your profile.');
      expect(labels(host)).to.have.length(3);
    });

    it('sends one edit for a double click', async () => {
      const host = await makeHost({ given: interests });
      let count = 0;
      host.addEventListener('candor-profile-edit', (event) => {
        count += 1;
        event.respondWith(new Promise((resolve) => setTimeout(resolve, 30)));
      });
      const remove = button(host, 'interest-remove', 0);
      remove.click();
      remove.click();
      await host.updateComplete;
      expect(remove.getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => labels(host).length === 2);
      expect(count).to.equal(1);
    });

    it('moves focus to the next interest when the focused one is removed', async () => {
      const host = await makeHost({ given: interests });
      host.addEventListener('candor-profile-edit', (event) => event.respondWith(Promise.resolve()));
      const remove = button(host, 'interest-remove', 0);
      remove.focus();
      remove.click();
      await waitUntil(() => labels(host).length === 2);
      await host.updateComplete;
      expect(root(host).activeElement?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Remove: Running');
    });

    it('logs a malformed list naming the field and shows that it could not be shown', async () => {
      const host = await makeHost({ given: [{ id: 'a', label: 'A', source: 'S', weight: 'high' }] });
      expect(text(host)).to.contain('The list of interests could not be shown.');
      expect(String(errors[0]?.[0])).to.contain('interests[0].weight must be a finite number, got "high"');
    });
  });

  describe('safety', () => {
    it('renders every host string as text and runs none of it', async () => {
      const given = XSS_PAYLOADS.map((payload, index) => ({ id: `x${index}`, label: payload, source: payload, weight: 0.5 }));
      const host = await makeHost({ given });
      host.addEventListener('candor-profile-edit', (event) => event.respondWith({ message: XSS_PAYLOADS[3]! }));
      button(host, 'interest-remove', 0).click();
      await waitUntil(() => status(host) === XSS_PAYLOADS[3]);
      for (const payload of XSS_PAYLOADS.slice(1)) expect(text(host)).to.contain(payload.replace(/\s+/g, ' '));
      await expectNoXss(host);
    });
  });
});
