// A full visit of test/hardening/fixtures/everything.html in another tab, as a visitor
// would make it: every element in every state it reaches with the page's answers, every
// gate before and after its purpose is granted. Shared by the CSP and network tests.
import { openOtherPage, type OtherPage } from '../helpers/pages.js';

export type Answers = 'ok' | 'fail' | 'none';

let counter = 0;

/** A store key no other test or run uses. */
export function visitKey(): string {
  counter += 1;
  return `hardening-${Date.now().toString(36)}-${counter}`;
}

/**
 * Opens everything.html (recording everything it does) once its banner asks; under the
 * strict policy unless `csp` is `'none'`.
 */
export async function openEverything(key: string, answers: Answers, { csp = 'strict' }: { csp?: 'strict' | 'none' } = {}): Promise<OtherPage> {
  const page = await openOtherPage(`/test/hardening/fixtures/everything.html?key=${key}&answers=${answers}&csp=${csp}`, { record: true });
  await page.evaluate(`(async () => {
    for (let tries = 0; tries < 250 && !window.candorPage; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    if (!window.candorPage) throw new Error('everything.html did not start: ' + document.title);
    await window.candorPage.until('the banner', () => window.candorPage.part('candor-banner', 'accept-button'));
  })()`);
  return page;
}

/** Runs `body` (the text of an async function body, `p` is `window.candorPage`) in the page. */
export async function inPage<T>(page: OtherPage, body: string): Promise<T> {
  try {
    return await page.evaluate<T>(`(async () => { const p = window.candorPage; ${body} })()`);
  } catch (error) {
    // The runner's message repeats the whole expression: keep what the page said.
    throw new Error(String((error as Error).message).replace(/^[^]*\)\(\)"\}: /, 'in the other page: '));
  }
}

export interface VisitReport {
  /** Gated scripts that had run before any choice, and after all of them. */
  ranBeforeChoice: string[];
  ranAfterVisit: string[];
  /** The embed's src before the choice and after "Allow …, then load". */
  embedBefore: string | null;
  embedAfter: string | null;
  /** What the elements said to the visitor along the way. */
  confirmation: string;
  interests: string;
  interestStatus: string;
  dataStatus: string;
  whyHeadline: string;
  whyStatus: string;
  feedbackStatus: string;
  /** Consent Mode commands pushed to dataLayer. */
  consentModeCommands: string[];
  /** The decisions in the store at the end, and the Candor events the page saw. */
  decisions: Record<string, boolean>;
  seen: string[];
}

/**
 * Reject all in the banner; "Change your choices" → privacy center (interests load, one
 * is removed), analytics on, save; a data request; the why popover with a control and a rating; the
 * feedback widget with undo; the embed's own "Allow …, then load"; Accept all from a privacy
 * link. Returns what the visitor saw; each step waits for the element to settle.
 */
export function fullVisit(page: OtherPage, answers: Answers): Promise<VisitReport> {
  const answered = answers === 'ok';
  return inPage<VisitReport>(page, `
    const ranBeforeChoice = [...(window.gatedRan ?? [])];
    const embed = () => document.querySelector('iframe[title="Product tour"]').getAttribute('src');
    const embedBefore = embed();

    await p.click('candor-banner', 'reject-button');
    const confirmation = await p.until('the confirmation', () => p.text('candor-banner', 'confirmation'));

    await p.click('candor-banner', 'change-button');
    await p.until('the privacy center', () => p.part('candor-preferences', 'base')?.open);
    const interests = await p.until('the interests', () => {
      const text = p.text('candor-preferences', 'interests');
      return !/loading/i.test(text) && text;
    });
    const remove = p.part('candor-preferences', 'base').querySelector('[part~="interest-remove"]');
    let interestStatus = '';
    if (remove) {
      remove.click();
      interestStatus = await p.until('the interest edit', () => {
        const text = p.text('candor-preferences', 'interests-status');
        return text && !/saving/i.test(text) && text;
      });
    }
    const analytics = p.part('candor-preferences', 'base').querySelector('[role="switch"][aria-labelledby="purpose-analytics-label"]');
    analytics.click();
    await p.until('the switch to turn on', () => analytics.getAttribute('aria-checked') === 'true');
    await p.click('candor-preferences', 'save-button');
    await p.until('the panel to close', () => !p.part('candor-preferences', 'base')?.open);

    document.querySelector('[data-candor-preferences]').click();
    await p.until('the privacy center', () => p.part('candor-preferences', 'base')?.open);
    await p.click('candor-preferences', 'access-button');
    const dataStatus = await p.until('the data request', () => {
      const text = p.text('candor-preferences', 'data-status');
      return text && !/sending|pending|waiting/i.test(text) && text;
    });
    await p.click('candor-preferences', 'close-button');
    await p.until('the panel to close', () => !p.part('candor-preferences', 'base')?.open);

    await p.click('candor-why', 'trigger');
    const whyHeadline = await p.until('the explanation', () => {
      const text = ${answered} ? p.text('candor-why', 'headline') : p.text('candor-why', 'body');
      return text && !/loading/i.test(text) && text;
    });
    let whyStatus = '';
    if (${answered}) {
      p.part('candor-why', 'popover').querySelector('[data-action="not-interested"]').click();
      whyStatus = await p.until('the control answer', () => p.text('candor-why', 'status'));
      p.part('candor-why', 'popover').querySelector('[part~="rating-button"]').click();
    }
    await p.click('candor-why', 'close-button');

    await p.click('candor-feedback', 'helpful-button');
    const feedbackStatus = await p.until('the feedback answer', () => {
      const text = p.text('candor-feedback', 'status');
      return text && !/sending/i.test(text) && text;
    });
    if (${answered}) {
      await p.click('candor-feedback', 'undo-button');
      await p.until('the undo', () => /withdrawn|removed|undone/i.test(p.text('candor-feedback', 'status')));
    }

    document.querySelector('.candor-embed-allow').click();
    await p.until('the embed to load', () => embed());

    document.querySelector('[data-candor-preferences]').click();
    await p.until('the privacy center', () => p.part('candor-preferences', 'base')?.open);
    await p.click('candor-preferences', 'accept-button');
    await p.until('the panel to close', () => !p.part('candor-preferences', 'base')?.open);
    await p.until('every gated script', () => (window.gatedRan ?? []).length === 3);

    return {
      ranBeforeChoice,
      ranAfterVisit: [...window.gatedRan].sort(),
      embedBefore,
      embedAfter: embed(),
      confirmation,
      interests,
      interestStatus,
      dataStatus,
      whyHeadline,
      whyStatus,
      feedbackStatus,
      consentModeCommands: (window.dataLayer ?? []).map((args) => Array.from(args).slice(0, 2).join(' ')),
      decisions: { ...p.store.decisions },
      seen: [...p.seen],
    };
  `);
}
