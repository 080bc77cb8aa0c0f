import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport, resetMouse } from '@web/test-runner-commands';
import '../../src/define/candor-why.js';
import '../../src/define/candor-feedback.js';
import type { CandorWhy } from '../../src/why/why.js';
import type { CandorFeedback } from '../../src/feedback/feedback.js';
import type { Explanation } from '../../src/why/why.types.js';
import { PopoverController, supportsAnchorPositioning } from '../../src/internal/popover.js';
import { topLayer } from '../../src/internal/dialog.js';
import { destroyConsentStore, getConsentStore, type ConsentStore } from '../../src/core/index.js';
import { CandorExplanationControlEvent } from '../../src/events/explanation-control.js';
import type { CandorExplanationRequestEvent } from '../../src/events/explanation-request.js';
import type { CandorExplanationRatingEvent } from '../../src/events/explanation-rating.js';
import type { CandorPreferencesRequestEvent } from '../../src/events/preferences-request.js';
import type { CandorConsentChangeEvent } from '../../src/events/consent-change.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { ad as sampleAd, recommendation as sampleRecommendation } from '../../stories/fixtures/explanations.js';
import { UNSAFE_URLS, XSS_PAYLOADS, deepText, expectNoXss, resetXss } from '../helpers/xss.js';

const recommendation = sampleRecommendation;
// An absolute link here, to check that http(s) URLs are kept as given.
const ad: Explanation = { ...sampleAd, mainParametersUrl: 'https://example.com/how-ads-work' };

let keys: string[] = [];
let errors: unknown[][] = [];
let warnings: unknown[][] = [];
const originalError = console.error;
const originalWarn = console.warn;

/** A store of its own for each test, with personalization granted unless told otherwise. */
function freshStore(granted = true): { key: string; store: ConsentStore } {
  const key = `why-test-${keys.length}-${Math.random().toString(36).slice(2)}`;
  keys.push(key);
  const store = getConsentStore({ key });
  store.configure({ policy: { version: '1', purposes: ['necessary', 'personalization', 'advertising'] }, storage: 'memory', gpc: false });
  if (granted) store.acceptAll();
  return { key, store };
}

async function makeWhy(explanation?: Explanation | null, attributes: { kind?: string; theme?: string; timeout?: number } = {}) {
  const { key, store } = freshStore();
  // The trigger sits on the page: a dark theme is for a dark page.
  const page = attributes.theme === 'dark' ? '#17191c' : '#ffffff';
  const wrapper = await fixture(html`<div style="background: ${page}; padding: 8px">
    <candor-why
      item-id="item-1"
      item-label="Trail shoes"
      store-key=${key}
      kind=${attributes.kind ?? 'recommendation'}
      theme=${attributes.theme ?? 'light'}
      timeout=${attributes.timeout ?? 8000}
      .explanation=${explanation}
    ></candor-why>
  </div>`);
  const el = wrapper.querySelector('candor-why')!;
  await el.updateComplete;
  return { el, store, key };
}

const parts = (el: CandorWhy) => {
  const root = el.shadowRoot!;
  return {
    trigger: root.querySelector<HTMLButtonElement>('.trigger')!,
    popover: root.querySelector<HTMLElement>('[popover]'),
    control: (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`),
    status: () => root.querySelector('[role="status"]')?.textContent?.trim() ?? '',
    text: () => deepText(el).replace(/\s+/g, ' '),
  };
};

async function openWhy(el: CandorWhy): Promise<HTMLElement> {
  parts(el).trigger.click();
  await waitUntil(() => el.open, 'the popover did not open');
  await el.updateComplete;
  return parts(el).popover!;
}

beforeEach(() => {
  errors = [];
  warnings = [];
  console.error = (...args: unknown[]) => errors.push(args);
  console.warn = (...args: unknown[]) => warnings.push(args);
  resetXss();
});

afterEach(async () => {
  console.error = originalError;
  console.warn = originalWarn;
  PopoverController.placementMode = null;
  for (const key of keys) destroyConsentStore(key);
  keys = [];
  await resetMouse();
});

describe('<candor-why>', () => {
  describe('accessibility', () => {
    it('names the closed trigger with the item and has no violations', async () => {
      const { el } = await makeWhy(recommendation);
      const { trigger, popover } = parts(el);
      expect(trigger.getAttribute('aria-label')).to.equal('Why am I seeing this: Trail shoes?');
      expect(trigger.textContent).to.contain('Why am I seeing this?');
      expect(trigger.getAttribute('aria-haspopup')).to.equal('dialog');
      expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      expect(popover).to.equal(null);
      await expectNoAxeViolations(el);
    });

    it('words the trigger and title for an ad', async () => {
      const { el } = await makeWhy(ad, { kind: 'ad' });
      expect(parts(el).trigger.getAttribute('aria-label')).to.equal('Why am I seeing this ad: Trail shoes?');
      const popover = await openWhy(el);
      expect(popover.querySelector('h2')!.textContent).to.contain("Why you're seeing this ad");
    });

    for (const theme of ['light', 'dark']) {
      it(`shows a recommendation as a labelled dialog with no violations (${theme})`, async () => {
        const { el } = await makeWhy(recommendation, { theme });
        const popover = await openWhy(el);
        expect(popover.getAttribute('role')).to.equal('dialog');
        expect(popover.getAttribute('aria-labelledby')).to.equal('why-title why-item');
        expect(parts(el).trigger.getAttribute('aria-expanded')).to.equal('true');
        const text = parts(el).text();
        expect(text).to.contain('Recommended because you read about cycling');
        expect(text).to.contain('These are all the main reasons.');
        expect(text).to.contain('Articles you read');
        await expectNoAxeViolations(el);
      });

      it(`shows an ad with who it is for and who paid, with no violations (${theme})`, async () => {
        const { el } = await makeWhy(ad, { kind: 'ad', theme });
        const popover = await openWhy(el);
        const sponsor = popover.querySelector('[part="sponsor"]')!;
        expect(sponsor.textContent!.replace(/\s+/g, ' ')).to.contain('Shown on behalf of Velo Shop');
        expect(sponsor.textContent!.replace(/\s+/g, ' ')).to.contain('Paid for by Velo Group Ltd');
        expect(popover.querySelector<HTMLAnchorElement>('[part="parameters-link"]')!.getAttribute('href')).to.equal(
          'https://example.com/how-ads-work',
        );
        await expectNoAxeViolations(el);
      });
    }

    it('passes axe in a right-to-left page', async () => {
      const { key } = freshStore();
      const wrapper = await fixture(html`<div dir="rtl" lang="ar">
        <candor-why item-id="a" item-label="حذاء" store-key=${key} .explanation=${recommendation}></candor-why>
      </div>`);
      const el = wrapper.querySelector('candor-why')!;
      await el.updateComplete; // its first render waits for the Arabic words
      await openWhy(el);
      await expectNoAxeViolations(wrapper);
    });

    it('says how many reasons were left out', async () => {
      const { el } = await makeWhy({ ...recommendation, omittedReasons: 2 });
      await openWhy(el);
      expect(parts(el).text()).to.contain('2 more reasons are not shown.');
      await expectNoAxeViolations(el);
    });

    it('draws weights as bars with the numbers in text', async () => {
      const { el } = await makeWhy(recommendation);
      const popover = await openWhy(el);
      const weights = [...popover.querySelectorAll('[part="weight"]')];
      expect(weights.map((weight) => weight.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Weight: 60%',
        'Weight: 30%',
        'Weight: 10%',
      ]);
      for (const bar of popover.querySelectorAll('[part="weight-bar"]')) expect(bar.getAttribute('aria-hidden')).to.equal('true');
      const fill = popover.querySelector<HTMLElement>('.weight-fill')!;
      expect(fill.getBoundingClientRect().width).to.be.closeTo(popover.querySelector('.weight-bar')!.getBoundingClientRect().width * 0.6, 2);
    });

    it('shows loading with no violations', async () => {
      const { el } = await makeWhy(undefined);
      const answer = (event: CandorExplanationRequestEvent) => event.respondWith(new Promise(() => {}));
      el.addEventListener('candor-explanation-request', answer);
      await openWhy(el);
      expect(parts(el).text()).to.contain('Loading the explanation…');
      expect(el.shadowRoot!.querySelector('.body')!.getAttribute('aria-busy')).to.equal('true');
      await expectNoAxeViolations(el);
    });

    it('shows an error with Retry, with no violations', async () => {
      const { el } = await makeWhy(undefined);
      el.addEventListener('candor-explanation-request', (event) => event.respondWith(Promise.reject(new Error('offline'))));
      await openWhy(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="retry-button"]'));
      expect(parts(el).text()).to.contain('Something went wrong, so the explanation could not be shown.');
      await expectNoAxeViolations(el);
    });

    it('says plainly when personalization is off, and offers no switch-off', async () => {
      const { el, store } = await makeWhy(recommendation);
      store.rejectAll();
      await openWhy(el);
      expect(parts(el).text()).to.contain('Personalization is off: this site does not use your activity or interests');
      expect(parts(el).control('turn-off-personalization')).to.equal(null);
      await expectNoAxeViolations(el);
    });

    it('reports a control acknowledged and one failed, with no violations', async () => {
      const { el } = await makeWhy(recommendation);
      el.addEventListener('candor-explanation-control', (event) =>
        event.respondWith(event.detail.action === 'fewer-like-this' ? Promise.resolve() : Promise.reject(new Error('no'))),
      );
      await openWhy(el);
      parts(el).control('fewer-like-this')!.click();
      await waitUntil(() => parts(el).status().includes("You'll see fewer items like this."));
      await expectNoAxeViolations(el);
      parts(el).control('hide-item')!.click();
      await waitUntil(() => parts(el).status().includes('Something went wrong, so nothing was changed.'));
      await expectNoAxeViolations(el);
    });
  });

  describe('popover placement', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    const corners = [
      { name: 'bottom end corner', dir: 'ltr', style: 'inset-block-end: 0; inset-inline-end: 0' },
      { name: 'bottom start corner, right to left', dir: 'rtl', style: 'inset-block-end: 0; inset-inline-start: 0' },
      { name: 'top start corner', dir: 'ltr', style: 'inset-block-start: 0; inset-inline-start: 0' },
    ];
    for (const mode of ['css', 'js'] as const) {
      for (const corner of corners) {
        it(`stays inside a small viewport from the ${corner.name} (${mode} placement)`, async function () {
          if (mode === 'css' && !supportsAnchorPositioning()) this.skip();
          PopoverController.placementMode = mode;
          await setViewport({ width: 360, height: 560 });
          const { key } = freshStore();
          const wrapper = await fixture(html`<div dir=${corner.dir} style="position: fixed; ${corner.style}">
            <candor-why item-id="a" item-label="Shoes" store-key=${key} .explanation=${ad}></candor-why>
          </div>`);
          const el = wrapper.querySelector('candor-why')!;
          const popover = await openWhy(el);
          const rect = popover.getBoundingClientRect();
          const view = document.documentElement;
          expect(rect.left).to.be.at.least(0);
          expect(rect.top).to.be.at.least(0);
          expect(rect.right).to.be.at.most(view.clientWidth + 0.5);
          expect(rect.bottom).to.be.at.most(view.clientHeight + 0.5);
          const trigger = parts(el).trigger.getBoundingClientRect();
          // Next to its trigger: directly above or below it.
          expect(Math.min(Math.abs(rect.top - trigger.bottom), Math.abs(trigger.top - rect.bottom))).to.be.below(24);
        });
      }
    }

    it('aligns with the trigger’s start edge, mirrored in right-to-left', async () => {
      PopoverController.placementMode = 'js';
      const { key } = freshStore();
      const wrapper = await fixture(html`<div style="padding: 100px 300px">
        <candor-why item-id="a" store-key=${key} .explanation=${recommendation}></candor-why>
        <div dir="rtl"><candor-why item-id="b" store-key=${key} .explanation=${recommendation}></candor-why></div>
      </div>`);
      const [ltr, rtl] = [...wrapper.querySelectorAll('candor-why')];
      const ltrPopover = await openWhy(ltr!);
      expect(ltrPopover.getBoundingClientRect().left).to.be.closeTo(parts(ltr!).trigger.getBoundingClientRect().left, 1);
      ltr!.hide();
      const rtlPopover = await openWhy(rtl!);
      expect(rtlPopover.getBoundingClientRect().right).to.be.closeTo(parts(rtl!).trigger.getBoundingClientRect().right, 1);
    });

    it('uses CSS anchor positioning where the engine supports it, else script placement', async () => {
      const { el } = await makeWhy({ headline: 'Popular this week', reasons: [{ kind: 'popularity', label: 'Read by many' }], controls: [] });
      const popover = await openWhy(el);
      if (supportsAnchorPositioning()) {
        expect(popover.style.getPropertyValue('position-area')).to.contain('bottom');
      } else {
        expect(popover.style.top).to.match(/px$/);
      }
    });
  });

  describe('keyboard', () => {
    for (const key of ['Enter', ' ']) {
      it(`opens with ${key === ' ' ? 'Space' : key}, moves focus in, and Escape closes and returns focus`, async () => {
        const { el } = await makeWhy(recommendation);
        const { trigger } = parts(el);
        trigger.focus();
        await sendKeys({ press: key });
        await waitUntil(() => el.open, 'did not open');
        const popover = parts(el).popover!;
        await waitUntil(() => popover.contains(el.shadowRoot!.activeElement), 'focus did not move in');
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => !el.open, 'Escape did not close');
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement === trigger, 'focus is back on the trigger').to.equal(true);
        expect(trigger.getAttribute('aria-expanded')).to.equal('false');
      });
    }

    it('keeps Tab in document order: into the popover, then on to what follows the element', async () => {
      const { key } = freshStore();
      const wrapper = await fixture(html`<div>
        <candor-why item-id="a" store-key=${key} .explanation=${{ ...recommendation, controls: ['hide-item'] }}></candor-why>
        <button id="after">After</button>
      </div>`);
      const el = wrapper.querySelector('candor-why')!;
      parts(el).trigger.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.open);
      await waitUntil(() => parts(el).popover!.contains(el.shadowRoot!.activeElement));
      const order: string[] = [];
      for (let step = 0; step < 12; step += 1) {
        await sendKeys({ press: 'Tab' });
        const active = document.activeElement === el ? el.shadowRoot!.activeElement : document.activeElement;
        order.push(active?.id || active?.textContent?.replace(/\s+/g, ' ').trim() || '?');
        if (active?.id === 'after') break;
      }
      expect(order).to.deep.equal([
        'Close',
        'How recommendations work on this site',
        'Hide this item',
        'Yes',
        'No',
        'after',
      ]);
    });

    it('joins the shared dismiss stack while open, so Escape in a surrounding dialog closes the popover first', async () => {
      const { el } = await makeWhy(recommendation);
      expect(topLayer() === undefined, 'no layer before opening').to.equal(true);
      await openWhy(el);
      const layer = topLayer();
      expect(layer === undefined, 'the open popover is a layer').to.equal(false);
      layer!.dismiss();
      await waitUntil(() => !el.open, 'dismissing the layer did not close the popover');
      expect(topLayer() === undefined, 'closed popover left the stack').to.equal(true);
      await openWhy(el);
      el.remove();
      expect(topLayer() === undefined, 'a removed popover left the stack').to.equal(true);
    });

    it('closes on a click outside and gives focus back to the trigger', async () => {
      const { el } = await makeWhy(recommendation);
      parts(el).trigger.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.open);
      const popover = parts(el).popover!;
      const rect = popover.getBoundingClientRect();
      const x = rect.right + 20 < window.innerWidth ? rect.right + 10 : 5;
      await sendMouse({ type: 'click', position: [Math.round(x), Math.round(window.innerHeight - 5)] });
      await waitUntil(() => !el.open, 'an outside click did not close it');
      await waitUntil(() => el.shadowRoot!.activeElement === parts(el).trigger, 'focus did not return');
    });

    it('toggles closed when the trigger is clicked again', async () => {
      const { el } = await makeWhy(recommendation);
      await openWhy(el);
      const rect = parts(el).trigger.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
      await waitUntil(() => !el.open, 'a second click did not close it');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(el.open).to.equal(false);
    });
  });

  describe('events', () => {
    it('requests the explanation on first open with the exact detail, and shows the answer', async () => {
      const { el } = await makeWhy(undefined, { kind: 'ad' });
      const details: unknown[] = [];
      const listener = (event: CandorExplanationRequestEvent) => {
        details.push(event.detail);
        expect(event.bubbles && event.composed).to.equal(true);
        event.respondWith(Promise.resolve(ad));
      };
      document.addEventListener('candor-explanation-request', listener);
      try {
        await openWhy(el);
        await waitUntil(() => parts(el).text().includes('An ad for cycling gear'));
        expect(details).to.deep.equal([{ itemId: 'item-1', kind: 'ad', locale: 'en' }]);
        el.hide();
        await openWhy(el);
        expect(details).to.have.length(1);
      } finally {
        document.removeEventListener('candor-explanation-request', listener);
      }
    });

    it('takes one answer, given during the event: a late or second respondWith throws', async () => {
      const { el } = await makeWhy(undefined);
      let held: CandorExplanationRequestEvent | null = null;
      let second: unknown = null;
      el.addEventListener('candor-explanation-request', (event) => {
        held = event;
        event.respondWith(recommendation);
        try {
          event.respondWith(ad);
        } catch (error) {
          second = error;
        }
      });
      await openWhy(el);
      await waitUntil(() => parts(el).text().includes('Recommended because you read about cycling'));
      expect((second as DOMException | null)?.name).to.equal('InvalidStateError');
      expect(() => held!.respondWith(ad)).to.throw(/synchronously/);
    });

    it('says no explanation is available when nobody answers', async () => {
      const { el } = await makeWhy(undefined);
      await openWhy(el);
      await waitUntil(() => parts(el).text().includes('No explanation is available for this item.'));
      expect(parts(el).control('manage-preferences')).not.to.equal(null);
    });

    it('times out, then Retry asks again', async () => {
      const { el } = await makeWhy(undefined, { timeout: 50 });
      let calls = 0;
      el.addEventListener('candor-explanation-request', (event) => {
        calls += 1;
        event.respondWith(calls === 1 ? new Promise(() => {}) : Promise.resolve(recommendation));
      });
      await openWhy(el);
      await waitUntil(() => parts(el).text().includes('The site did not answer in time'));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await waitUntil(() => parts(el).text().includes('Recommended because you read about cycling'));
      expect(calls).to.equal(2);
    });

    it('logs a malformed explanation naming the field and shows "No explanation is available"', async () => {
      const { el } = await makeWhy({ ...recommendation, reasons: [{ kind: 'your-activity', label: 'x', weight: 7 }] });
      await openWhy(el);
      expect(parts(el).text()).to.contain('No explanation is available for this item.');
      expect(errors.map((args) => String(args[0])).join('\n')).to.contain('explanation.reasons[0].weight must be between 0 and 1, got 7');
    });

    it('treats a malformed answer to the request the same way', async () => {
      const { el } = await makeWhy(undefined);
      el.addEventListener('candor-explanation-request', (event) => event.respondWith(Promise.resolve({ kind: 'ad', headline: 'x', reasons: [{ kind: 'popularity', label: 'y' }] } as Explanation)));
      await openWhy(el);
      await waitUntil(() => parts(el).text().includes('No explanation is available'));
      expect(String(errors[0]?.[0])).to.contain('explanation.sponsor is required when kind is "ad"');
    });

    it('fires a control with item, action and target; the acknowledgement says what changed', async () => {
      const { el } = await makeWhy(recommendation);
      const details: unknown[] = [];
      el.addEventListener('candor-explanation-control', (event) => {
        details.push(event.detail);
        event.respondWith(Promise.resolve());
      });
      await openWhy(el);
      parts(el).control('not-interested')!.click();
      await waitUntil(() => parts(el).status() === "You'll see fewer items about cycling.");
      expect(details).to.deep.equal([{ itemId: 'item-1', action: 'not-interested', target: 'cycling' }]);
      expect(parts(el).control('not-interested')!.getAttribute('aria-disabled')).to.equal('true');
    });

    it('shows the host’s own message, as text', async () => {
      const { el } = await makeWhy(recommendation);
      el.addEventListener('candor-explanation-control', (event) => event.respondWith({ message: 'Fewer cycling posts from now on.' }));
      await openWhy(el);
      parts(el).control('fewer-like-this')!.click();
      await waitUntil(() => parts(el).status() === 'Fewer cycling posts from now on.');
    });

    it('names the signal for "Don\'t use this"', async () => {
      const { el } = await makeWhy(recommendation);
      const details: unknown[] = [];
      el.addEventListener('candor-explanation-control', (event) => {
        details.push(event.detail);
        event.respondWith(Promise.resolve());
      });
      await openWhy(el);
      const buttons = el.shadowRoot!.querySelectorAll('[data-action="dont-use-signal"]');
      expect(buttons).to.have.length(1);
      (buttons[0] as HTMLButtonElement).click();
      await waitUntil(() => parts(el).status().startsWith('This will no longer be used'));
      expect(details).to.deep.equal([{ itemId: 'item-1', action: 'dont-use-signal', target: 'reading-history' }]);
    });

    const failures: Array<[string, (event: CandorExplanationControlEvent) => void, string]> = [
      ['declined', (event) => event.respondWith({ ok: false, message: 'Not possible for sponsored items.' }), 'Not possible for sponsored items.'],
      ['rejected', (event) => event.respondWith(Promise.reject(new Error('500'))), 'Something went wrong, so nothing was changed. Please try again.'],
      ['unanswered', () => {}, 'This option does not work on this site yet, so nothing was changed.'],
      ['too slow', (event) => event.respondWith(new Promise(() => {})), 'The site did not answer in time, so nothing was changed. Please try again.'],
    ];
    for (const [name, answer, message] of failures) {
      it(`says a ${name} control failed, and lets the visitor try again`, async () => {
        const { el } = await makeWhy(recommendation, { timeout: 60 });
        el.addEventListener('candor-explanation-control', answer);
        await openWhy(el);
        parts(el).control('hide-item')!.click();
        await waitUntil(() => parts(el).status() === message, `expected "${message}", got "${parts(el).status()}"`);
        expect(parts(el).control('hide-item')!.getAttribute('aria-disabled')).to.equal('false');
      });
    }

    it('sends one control event for a double click', async () => {
      const { el } = await makeWhy(recommendation);
      let count = 0;
      el.addEventListener('candor-explanation-control', (event) => {
        count += 1;
        event.respondWith(new Promise((resolve) => setTimeout(resolve, 30)));
      });
      await openWhy(el);
      const button = parts(el).control('fewer-like-this')!;
      button.click();
      button.click();
      await el.updateComplete;
      button.click();
      await waitUntil(() => parts(el).status() === "You'll see fewer items like this.");
      button.click();
      expect(count).to.equal(1);
    });

    it('turns off personalization through the store in one click, and says so', async () => {
      const { el, store } = await makeWhy(recommendation);
      const changes: Array<{ event: CandorConsentChangeEvent; origin: EventTarget | undefined }> = [];
      const controls: unknown[] = [];
      document.addEventListener('candor-consent-change', (event) => changes.push({ event, origin: event.composedPath()[0] }), { once: true });
      el.addEventListener('candor-explanation-control', (event) => controls.push(event.detail));
      await openWhy(el);
      parts(el).control('turn-off-personalization')!.click();
      await el.updateComplete;
      expect(store.isGranted('personalization')).to.equal(false);
      expect(store.isGranted('advertising')).to.equal(false);
      expect(changes[0]!.event.detail.source).to.equal('why');
      expect(changes[0]!.origin === el, 'the change comes from the element').to.equal(true);
      expect(controls).to.deep.equal([{ itemId: 'item-1', action: 'turn-off-personalization', target: null }]);
      expect(parts(el).status()).to.contain('Personalization is off.');
      expect(parts(el).text()).to.contain('Personalization is off: this site does not use your activity');
      expect(parts(el).control('turn-off-personalization')).to.equal(null);
    });

    it('asks the privacy center to open from "Manage privacy choices" and closes', async () => {
      const { el, key } = await makeWhy(recommendation);
      const requests: Array<{ detail: unknown; origin: EventTarget | undefined }> = [];
      const listener = (event: CandorPreferencesRequestEvent) => {
        requests.push({ detail: event.detail, origin: event.composedPath()[0] });
        event.preventDefault();
      };
      document.addEventListener('candor-preferences-request', listener);
      try {
        await openWhy(el);
        parts(el).control('manage-preferences')!.click();
        await waitUntil(() => !el.open);
        expect(requests).to.have.length(1);
        expect(requests[0]!.detail).to.deep.equal({ storeKey: key, section: 'personalization' });
        expect(requests[0]!.origin === parts(el).trigger, 'dispatched from the trigger').to.equal(true);
      } finally {
        document.removeEventListener('candor-preferences-request', listener);
      }
    });

    it('says so when the page has no privacy center', async () => {
      const { el } = await makeWhy(recommendation);
      await openWhy(el);
      parts(el).control('manage-preferences')!.click();
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(parts(el).status()).to.equal('This site has no privacy choices panel to open.');
      expect(warnings.length).to.be.greaterThan(0);
    });

    it('fires a rating with item, answer and time', async () => {
      const { el } = await makeWhy(recommendation);
      const ratings: CandorExplanationRatingEvent[] = [];
      document.addEventListener('candor-explanation-rating', (event) => ratings.push(event), { once: true });
      const popover = await openWhy(el);
      const yes = [...popover.querySelectorAll<HTMLButtonElement>('.rating button')].find((b) => b.textContent!.trim() === 'Yes')!;
      yes.click();
      await el.updateComplete;
      expect(ratings).to.have.length(1);
      const { at, ...rest } = ratings[0]!.detail;
      expect(rest).to.deep.equal({ itemId: 'item-1', helpful: true });
      expect(Date.now() - Date.parse(at)).to.be.within(0, 5000);
      expect(yes.getAttribute('aria-pressed')).to.equal('true');
      expect(parts(el).status()).to.equal('Thank you for your answer.');
    });
  });

  describe('safety', () => {
    it('renders every host string as text and runs none of it', async () => {
      const payloads = XSS_PAYLOADS;
      const explanation: Explanation = {
        kind: 'ad',
        headline: payloads[0]!,
        topic: payloads[1]!,
        reasons: payloads.map((label, index) => ({ kind: 'context' as const, label, weight: 0.1, signal: `s${index}` })),
        dataCategories: [...payloads],
        sponsor: { onBehalfOf: payloads[2]!, paidBy: payloads[3]! },
      };
      const { key } = freshStore();
      const el = await fixture<CandorWhy>(html`<candor-why item-id=${payloads[4]!} item-label=${payloads[5]!} store-key=${key} .explanation=${explanation}></candor-why>`);
      el.addEventListener('candor-explanation-control', (event) => event.respondWith({ message: payloads[6]! }));
      await openWhy(el);
      parts(el).control('not-interested')!.click();
      await waitUntil(() => parts(el).status() === payloads[6]);
      const text = parts(el).text();
      for (const payload of payloads) expect(text).to.contain(payload);
      expect(parts(el).trigger.getAttribute('aria-label')).to.equal(`Why am I seeing this ad: ${payloads[5]}?`);
      await expectNoXss(el);
    });

    for (const url of UNSAFE_URLS) {
      it(`refuses the main-parameters link ${JSON.stringify(url)}`, async () => {
        const { el } = await makeWhy({ ...recommendation, mainParametersUrl: url });
        await openWhy(el);
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        expect(String(errors[0]?.[0])).to.contain('explanation.mainParametersUrl must be an http(s) or relative URL');
        await expectNoXss(el);
      });
    }

    it('ignores keys that would reach the prototype', async () => {
      const payload = JSON.parse('{"headline":"h","reasons":[{"kind":"popularity","label":"l"}],"__proto__":{"polluted":true}}');
      const { el } = await makeWhy(payload);
      await openWhy(el);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(String(errors[0]?.[0])).to.contain('explanation.__proto__ is not a known field');
    });
  });

  describe('scale', () => {
    it('renders a thousand idle items as triggers only, with shared styles and no requests', async () => {
      let requests = 0;
      const count = () => (requests += 1);
      document.addEventListener('candor-explanation-request', count);
      const ids = Array.from({ length: 1000 }, (_, index) => index);
      try {
        const list = await fixture(html`<ul>
          ${ids.map(
            (id) => html`<li>
              <candor-why item-id=${`item-${id}`} item-label=${`Item ${id}`}></candor-why>
              <candor-feedback item-id=${`item-${id}`}></candor-feedback>
            </li>`,
          )}
        </ul>`);
        const whys = [...list.querySelectorAll('candor-why')] as CandorWhy[];
        const feedbacks = [...list.querySelectorAll('candor-feedback')] as CandorFeedback[];
        await Promise.all([...whys, ...feedbacks].map((el) => el.updateComplete));
        expect(whys).to.have.length(1000);
        for (const why of whys) {
          const root = why.shadowRoot!;
          expect(root.querySelectorAll('button')).to.have.length(1);
          expect(root.querySelector('[popover], ul, h2')).to.equal(null);
        }
        for (const feedback of feedbacks) {
          expect(feedback.shadowRoot!.querySelector('form, fieldset, textarea')).to.equal(null);
        }
        const sheets = (el: Element) => el.shadowRoot!.adoptedStyleSheets;
        if (sheets(whys[0]!).length) {
          const same = sheets(whys[999]!).every((sheet, index) => sheet === sheets(whys[0]!)[index]);
          expect(same, 'every instance adopts the same style sheets').to.equal(true);
        }
        expect(requests).to.equal(0);
      } finally {
        document.removeEventListener('candor-explanation-request', count);
      }
    });
  });
});
