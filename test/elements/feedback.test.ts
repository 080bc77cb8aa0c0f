import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/candor-feedback.js';
import type { CandorFeedback } from '../../src/feedback/feedback.js';
import type { CandorFeedbackEvent } from '../../src/events/feedback.js';
import type { CandorFeedbackUndoEvent } from '../../src/events/feedback-undo.js';
import type { FeedbackDetail } from '../../src/feedback/feedback.types.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { XSS_PAYLOADS, deepText, expectNoXss, resetXss } from '../helpers/xss.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Answer = (event: CandorFeedbackEvent) => void;
const acknowledge: Answer = (event) => event.respondWith(Promise.resolve());

async function makeFeedback(options: { variant?: string; theme?: string; answer?: Answer | null; undo?: ((event: CandorFeedbackUndoEvent) => void) | null; timeout?: number; dir?: string } = {}) {
  const page = options.theme === 'dark' ? '#17191c' : '#ffffff';
  const wrapper = await fixture(html`<div dir=${options.dir ?? 'ltr'} style="background: ${page}; padding: 8px">
    <candor-feedback
      item-id="item-7"
      item-label="Trail shoes"
      variant=${options.variant ?? 'inline'}
      theme=${options.theme ?? 'light'}
      timeout=${options.timeout ?? 8000}
      comment-max-length="40"
    ></candor-feedback>
  </div>`);
  const el = wrapper.querySelector('candor-feedback')!;
  const sent: FeedbackDetail[] = [];
  const undone: unknown[] = [];
  const answer = options.answer === undefined ? acknowledge : options.answer;
  el.addEventListener('candor-feedback', (event) => {
    sent.push(event.detail);
    answer?.(event);
  });
  el.addEventListener('candor-feedback-undo', (event) => {
    undone.push(event.detail);
    const undo = options.undo === undefined ? (e: CandorFeedbackUndoEvent) => e.respondWith(Promise.resolve()) : options.undo;
    undo?.(event);
  });
  await el.updateComplete;
  return { el, wrapper, sent, undone };
}

const q = <T extends Element = HTMLElement>(el: CandorFeedback, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const helpful = (el: CandorFeedback) => q<HTMLButtonElement>(el, '[part="helpful-button"]')!;
const notHelpful = (el: CandorFeedback) => q<HTMLButtonElement>(el, '[part="not-helpful-button"]')!;
const status = (el: CandorFeedback) => q(el, '[part="status"]')!.textContent!.trim();

async function openReasons(el: CandorFeedback): Promise<HTMLFormElement> {
  notHelpful(el).click();
  await el.updateComplete;
  return q<HTMLFormElement>(el, 'form')!;
}

async function sendNotHelpful(el: CandorFeedback, reason: string, comment: string): Promise<void> {
  const form = await openReasons(el);
  form.querySelector<HTMLInputElement>(`input[value="${reason}"]`)!.click();
  const textarea = form.querySelector('textarea')!;
  textarea.value = comment;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await el.updateComplete;
  q<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
}

beforeEach(() => resetXss());

describe('<candor-feedback>', () => {
  describe('accessibility', () => {
    for (const theme of ['light', 'dark']) {
      for (const variant of ['inline', 'compact']) {
        it(`starts with two unpressed, named toggle buttons (${variant}, ${theme})`, async () => {
          const { el } = await makeFeedback({ variant, theme });
          expect(helpful(el).getAttribute('aria-pressed')).to.equal('false');
          expect(notHelpful(el).getAttribute('aria-pressed')).to.equal('false');
          expect(helpful(el).textContent!.trim()).to.equal('Helpful');
          expect(notHelpful(el).textContent!.trim()).to.equal('Not helpful');
          expect(q(el, '[role="group"]')!.getAttribute('aria-labelledby')).to.equal('fb-question');
          expect(q(el, '#fb-question')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Was this helpful? Trail shoes');
          expect(q(el, 'form')).to.equal(null);
          await expectNoAxeViolations(el);
        });
      }

      it(`opens the reasons with no violations (${theme})`, async () => {
        const { el } = await makeFeedback({ theme });
        const form = await openReasons(el);
        expect(notHelpful(el).getAttribute('aria-pressed')).to.equal('true');
        expect(form.querySelectorAll('input[type="radio"]')).to.have.length(6);
        expect(form.querySelector('legend')!.textContent).to.contain("Why wasn't it helpful?");
        await expectNoAxeViolations(el);
      });

      it(`confirms sent feedback in a live region, with no violations (${theme})`, async () => {
        const { el } = await makeFeedback({ theme });
        await sendNotHelpful(el, 'too-often', 'Seen it five times');
        await waitUntil(() => status(el) === 'Thank you. Your feedback was sent.');
        expect(q(el, '[part="status"]')!.getAttribute('role')).to.equal('status');
        expect(q(el, '[part="undo-button"]')).not.to.equal(null);
        await expectNoAxeViolations(el);
      });
    }

    it('passes axe right to left, with the reasons open', async () => {
      const { el, wrapper } = await makeFeedback({ dir: 'rtl' });
      await openReasons(el);
      await expectNoAxeViolations(wrapper);
    });

    it('says feedback was withdrawn after undo, with no violations', async () => {
      const { el } = await makeFeedback();
      helpful(el).click();
      await waitUntil(() => q(el, '[part="undo-button"]'));
      q<HTMLButtonElement>(el, '[part="undo-button"]')!.click();
      await waitUntil(() => status(el) === 'Your feedback was withdrawn.');
      expect(helpful(el).getAttribute('aria-pressed')).to.equal('false');
      await expectNoAxeViolations(el);
    });

    it('says sending failed and offers Try again, with no violations', async () => {
      const { el } = await makeFeedback({ answer: (event) => event.respondWith(Promise.reject(new Error('offline'))) });
      helpful(el).click();
      await waitUntil(() => status(el) === 'Your feedback could not be sent.');
      expect(q(el, '[part="retry-button"]')).not.to.equal(null);
      await expectNoAxeViolations(el);
    });
  });

  describe('keyboard', () => {
    it('toggles with Space and Enter, and moves through the reasons with arrow keys', async () => {
      const { el, sent } = await makeFeedback();
      notHelpful(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(notHelpful(el).getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({ press: 'Tab' });
      const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(el.shadowRoot!.activeElement === radios[0], 'Tab reaches the first reason').to.equal(true);
      await sendKeys({ press: ' ' });
      expect(radios[0]!.checked).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(radios[2]!.checked).to.equal(true);
      expect(el.shadowRoot!.activeElement === radios[2], 'arrows move focus with the choice').to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      expect(radios[1]!.checked).to.equal(true);
      // Tab leaves the group for the comment, then the counter is skipped and Send follows.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.localName).to.equal('textarea');
      await sendKeys({ type: 'Too many' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('submit-button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => sent.length === 1);
      expect(sent[0]).to.include({ sentiment: 'not-helpful', reason: 'already-have', comment: 'Too many' });
      await waitUntil(() => status(el) === 'Thank you. Your feedback was sent.');
      expect(el.shadowRoot!.activeElement === notHelpful(el), 'focus goes back to the toggle, not the page').to.equal(true);
    });

    it('sends "helpful" with Space', async () => {
      const { el, sent } = await makeFeedback();
      helpful(el).focus();
      await sendKeys({ press: ' ' });
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.sentiment).to.equal('helpful');
    });
  });

  describe('events', () => {
    it('sends "helpful" at once, with the exact detail shape', async () => {
      const { el, sent } = await makeFeedback();
      const events: CandorFeedbackEvent[] = [];
      document.addEventListener('candor-feedback', (event) => events.push(event), { once: true });
      helpful(el).click();
      await waitUntil(() => status(el) === 'Thank you. Your feedback was sent.');
      expect(sent).to.have.length(1);
      const { requestId, at, ...rest } = sent[0]!;
      expect(Object.keys(sent[0]!)).to.deep.equal(['requestId', 'itemId', 'sentiment', 'reason', 'comment', 'at']);
      expect(rest).to.deep.equal({ itemId: 'item-7', sentiment: 'helpful', reason: null, comment: null });
      expect(requestId).to.match(UUID);
      expect(Date.now() - Date.parse(at)).to.be.within(0, 5000);
      expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
      expect(JSON.parse(JSON.stringify(sent[0]))).to.deep.equal(sent[0]);
      expect(helpful(el).getAttribute('aria-pressed')).to.equal('true');
      expect(el.value).to.equal('helpful');
    });

    it('sends "not helpful" with the reason and the trimmed comment', async () => {
      const { el, sent } = await makeFeedback();
      await sendNotHelpful(el, 'wrong-about-me', '  I do not cycle  ');
      await waitUntil(() => sent.length === 1);
      expect(sent[0]).to.include({ itemId: 'item-7', sentiment: 'not-helpful', reason: 'wrong-about-me', comment: 'I do not cycle' });
      await waitUntil(() => q(el, 'form') === null);
    });

    it('sends "not helpful" without a reason or comment', async () => {
      const { el, sent } = await makeFeedback();
      await openReasons(el);
      q<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
      await waitUntil(() => sent.length === 1);
      expect(sent[0]).to.include({ reason: null, comment: null });
    });

    it('limits and counts the comment, announcing the count only after a pause', async () => {
      const { el } = await makeFeedback();
      const form = await openReasons(el);
      const textarea = form.querySelector('textarea')!;
      expect(textarea.maxLength).to.equal(40);
      textarea.focus();
      await sendKeys({ type: 'abc' });
      await el.updateComplete;
      expect(q(el, '[part="counter"]')!.textContent).to.equal('Characters: 3 of 40');
      const live = [...el.shadowRoot!.querySelectorAll('form [role="status"]')];
      expect(live).to.have.length(1);
      expect(live[0]!.textContent).to.equal('');
      await waitUntil(() => live[0]!.textContent === 'Characters left: 37', 'the count was not announced', { timeout: 2500 });
    });

    it('sends one event for a double click', async () => {
      const { el, sent } = await makeFeedback({ answer: (event) => event.respondWith(new Promise((resolve) => setTimeout(resolve, 50))) });
      helpful(el).click();
      helpful(el).click();
      await el.updateComplete;
      helpful(el).click();
      expect(helpful(el).getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => status(el) === 'Thank you. Your feedback was sent.');
      expect(sent).to.have.length(1);
    });

    it('sends one event for a double click on Send', async () => {
      const { el, sent } = await makeFeedback({ answer: (event) => event.respondWith(new Promise((resolve) => setTimeout(resolve, 50))) });
      await openReasons(el);
      const submit = q<HTMLButtonElement>(el, '[part="submit-button"]')!;
      submit.click();
      submit.click();
      await waitUntil(() => status(el) === 'Thank you. Your feedback was sent.');
      expect(sent).to.have.length(1);
    });

    it('shows the host’s acknowledgement message', async () => {
      const { el } = await makeFeedback({ answer: (event) => event.respondWith({ message: 'Thanks! We will show fewer shoes.' }) });
      helpful(el).click();
      await waitUntil(() => status(el) === 'Thanks! We will show fewer shoes.');
    });

    it('shows a rejection with the host’s reason and lets the visitor choose again', async () => {
      const { el } = await makeFeedback({ answer: (event) => event.respondWith({ ok: false, message: 'Feedback is closed for this item.' }) });
      helpful(el).click();
      await waitUntil(() => status(el) === 'The site did not accept your feedback: Feedback is closed for this item.');
      expect(helpful(el).getAttribute('aria-pressed')).to.equal('false');
      expect(q(el, '[part="undo-button"]')).to.equal(null);
    });

    it('retries with the same request id after a failure', async () => {
      let calls = 0;
      const { el, sent } = await makeFeedback({
        answer: (event) => {
          calls += 1;
          event.respondWith(calls === 1 ? Promise.reject(new Error('503')) : Promise.resolve());
        },
      });
      await sendNotHelpful(el, 'offensive', 'Rude');
      await waitUntil(() => q(el, '[part="retry-button"]'));
      q<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
      await waitUntil(() => status(el) === 'Thank you. Your feedback was sent.');
      expect(sent).to.have.length(2);
      expect(sent[1]).to.deep.equal(sent[0]);
    });

    it('says when nobody is listening, and when the site is too slow', async () => {
      const unheard = await makeFeedback({ answer: null });
      helpful(unheard.el).click();
      await waitUntil(() => status(unheard.el) === 'Your feedback could not be sent: this site is not set up to receive it.');
      const slow = await makeFeedback({ answer: (event) => event.respondWith(new Promise(() => {})), timeout: 50 });
      helpful(slow.el).click();
      await waitUntil(() => status(slow.el) === 'Your feedback could not be sent: the site did not answer in time.');
    });

    it('fires its own undo event naming the feedback, and restores the buttons', async () => {
      const { el, sent, undone } = await makeFeedback();
      await sendNotHelpful(el, 'not-relevant', '');
      await waitUntil(() => q(el, '[part="undo-button"]'));
      q<HTMLButtonElement>(el, '[part="undo-button"]')!.click();
      await waitUntil(() => status(el) === 'Your feedback was withdrawn.');
      expect(undone).to.have.length(1);
      const { at, ...rest } = undone[0] as { at: string };
      expect(rest).to.deep.equal({ requestId: sent[0]!.requestId, itemId: 'item-7' });
      expect(Date.now() - Date.parse(at)).to.be.within(0, 5000);
      expect(notHelpful(el).getAttribute('aria-pressed')).to.equal('false');
      expect(el.value).to.equal(null);
    });

    it('undoes by pressing the pressed toggle again', async () => {
      const { el, undone } = await makeFeedback();
      helpful(el).click();
      await waitUntil(() => status(el) === 'Thank you. Your feedback was sent.');
      helpful(el).click();
      await waitUntil(() => status(el) === 'Your feedback was withdrawn.');
      expect(undone).to.have.length(1);
    });

    it('keeps the feedback when undo fails, and says so', async () => {
      const { el } = await makeFeedback({ undo: (event) => event.respondWith(Promise.reject(new Error('no'))) });
      helpful(el).click();
      await waitUntil(() => q(el, '[part="undo-button"]'));
      q<HTMLButtonElement>(el, '[part="undo-button"]')!.click();
      await waitUntil(() => status(el) === 'Your feedback could not be withdrawn. It still counts.');
      expect(helpful(el).getAttribute('aria-pressed')).to.equal('true');
      expect(q(el, '[part="undo-button"]')).not.to.equal(null);
    });

    it('closes the reasons on Cancel without sending', async () => {
      const { el, sent } = await makeFeedback();
      await openReasons(el);
      q<HTMLButtonElement>(el, '[part="cancel-button"]')!.click();
      await el.updateComplete;
      expect(q(el, 'form')).to.equal(null);
      expect(notHelpful(el).getAttribute('aria-pressed')).to.equal('false');
      expect(sent).to.have.length(0);
    });
  });

  describe('safety', () => {
    for (const payload of XSS_PAYLOADS) {
      it(`renders ${JSON.stringify(payload.slice(0, 30))} from the host as text`, async () => {
        const { el } = await makeFeedback({ answer: (event) => event.respondWith({ message: payload }) });
        el.itemLabel = payload;
        await el.updateComplete;
        helpful(el).click();
        await waitUntil(() => status(el) === payload);
        expect(deepText(el)).to.contain(payload);
        await expectNoXss(el);
      });
    }

    it('sends a comment full of markup as the plain string it is', async () => {
      const { el, sent } = await makeFeedback();
      el.commentMaxLength = 500;
      await el.updateComplete;
      await sendNotHelpful(el, 'other', XSS_PAYLOADS[0]!);
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.comment).to.equal(XSS_PAYLOADS[0]);
      await expectNoXss(el);
    });
  });
});
