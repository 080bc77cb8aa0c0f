// Theming across the four elements: the high-contrast theme under axe (light and dark are
// audited by each element's own tests), layout that mirrors with `dir`, forced colours,
// reduced motion, and every `--candor-*` token a designer sets on the page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/define/candor-banner.js';
import '../../src/define/candor-feedback.js';
import '../../src/define/candor-preferences.js';
import '../../src/define/candor-why.js';
import type { CandorBanner } from '../../src/banner/banner.js';
import { getConsentStore, type ConsentStore, type PolicyConfig } from '../../src/core/index.js';
import type { CandorFeedbackEvent } from '../../src/events/feedback.js';
import type { CandorFeedback } from '../../src/feedback/feedback.js';
import { deepActiveElement } from '../../src/internal/deep-active-element.js';
import { PopoverController, supportsAnchorPositioning, type PlacementMode } from '../../src/internal/popover.js';
import type { CandorPreferences } from '../../src/preferences/preferences.js';
import type { CandorWhy } from '../../src/why/why.js';
import type { Explanation } from '../../src/why/why.types.js';
import { ad, recommendation } from '../../stories/fixtures/explanations.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { describeElement, destroyStores, freshKey, part, settle } from '../helpers/consent-ui.js';
import { emulateMediaFeatures } from '../helpers/pages.js';

type Theme = 'light' | 'dark' | 'high-contrast';
type Dir = 'ltr' | 'rtl';

const ALL_PURPOSES = 'necessary functional personalization analytics advertising';

/**
 * The page behind each theme. The "why" trigger and the feedback buttons sit on the page
 * itself, so a site pairs a theme with a page of the same kind (high contrast: black).
 */
const PAGE: Record<Theme, string> = {
  light: 'background: #ffffff; color: #1b1f24',
  dark: 'background: #17191c; color: #f1f3f5',
  'high-contrast': 'background: #000000; color: #ffffff',
};

interface Look {
  theme?: Theme;
  dir?: Dir;
}

async function page<T extends Element>(content: TemplateResult, { theme = 'light', dir = 'ltr' }: Look, selector: string): Promise<T> {
  const wrapper = await fixture(html`<div dir=${dir} style="${PAGE[theme]}; padding: 16px">${content}</div>`);
  const element = wrapper.querySelector<T>(selector)!;
  await settle(element as unknown as { updateComplete: Promise<unknown> });
  return element;
}

/** A store held in memory, configured with every preset purpose; `decide` answers before the element appears. */
function store({ gpc = false, decide }: { gpc?: boolean; decide?: (store: ConsentStore) => void } = {}): string {
  const key = freshKey();
  const consent = getConsentStore({ key });
  consent.configure({ storage: 'memory', gpc, policy: { version: '2026-11', url: '/privacy', updated: '2026-11-01', purposes: ALL_PURPOSES.split(' ') as PolicyConfig['purposes'] } });
  decide?.(consent);
  return key;
}

async function banner(look: Look & { modal?: boolean; gpc?: boolean; decided?: boolean } = {}): Promise<CandorBanner> {
  const key = store({ gpc: look.gpc ?? false, ...(look.decided ? { decide: (consent: ConsentStore) => consent.rejectAll() } : {}) });
  return page<CandorBanner>(
    html`<candor-banner
      store-key=${key}
      theme=${look.theme ?? 'light'}
      purposes=${ALL_PURPOSES}
      policy-version="2026-11"
      policy-url="/privacy"
      policy-updated="2026-11-01"
      privacy-button
      ?modal=${look.modal ?? false}
    ></candor-banner>`,
    look,
    'candor-banner',
  );
}

async function preferences(look: Look & { gpc?: boolean; decide?: (store: ConsentStore) => void } = {}): Promise<CandorPreferences> {
  const key = store({ gpc: look.gpc ?? false, ...(look.decide ? { decide: look.decide } : {}) });
  const panel = await page<CandorPreferences>(
    html`<candor-preferences store-key=${key} theme=${look.theme ?? 'light'} .interests=${[{ id: 'cycling', label: 'Cycling', source: 'Articles you read', weight: 0.6 }]}></candor-preferences>`,
    look,
    'candor-preferences',
  );
  await panel.show();
  await settle(panel);
  return panel;
}

async function why(look: Look & { explanation?: Explanation; kind?: 'recommendation' | 'ad'; open?: boolean } = {}): Promise<CandorWhy> {
  const key = store({ decide: (consent) => consent.acceptAll() });
  // Room around the trigger, so the popover opens below it, aligned with its inline start.
  const element = await page<CandorWhy>(
    html`<p style="margin: 0; padding-inline: 320px; padding-block-end: 640px">
      Trail shoes
      <candor-why
        item-id="shoe-42"
        item-label="Trail shoes"
        kind=${look.kind ?? 'recommendation'}
        store-key=${key}
        theme=${look.theme ?? 'light'}
        .explanation=${look.explanation ?? recommendation}
      ></candor-why>
    </p>`,
    look,
    'candor-why',
  );
  if (look.open ?? true) {
    await element.show();
    await waitUntil(() => element.open, 'the popover did not open');
    await settle(element);
  }
  return element;
}

type FeedbackAnswer = 'acknowledge' | 'decline' | 'none';

async function feedback(look: Look & { answer?: FeedbackAnswer } = {}): Promise<CandorFeedback> {
  const respond = (event: CandorFeedbackEvent) => {
    if (look.answer === 'decline') event.respondWith({ ok: false, message: 'Feedback is closed.' });
    else if (look.answer !== 'none') event.respondWith(Promise.resolve());
  };
  return page<CandorFeedback>(
    html`<candor-feedback item-id="shoe-42" item-label="Trail shoes" theme=${look.theme ?? 'light'} @candor-feedback=${respond}></candor-feedback>`,
    look,
    'candor-feedback',
  );
}

async function pressAndWait(element: CandorFeedback, button: string, status: string): Promise<void> {
  part(element, button).click();
  await waitUntil(() => (part(element, 'status').textContent ?? '').includes(status), `status "${status}"`);
  await settle(element);
}

/**
 * Emulates media features where the engine can, and says whether the page now matches
 * `query`; false where it cannot (Firefox over WebDriver BiDi).
 */
/**
 * Emulates media features where the engine can, and says whether the page now matches
 * `query`. Chromium must always manage it (a quiet skip there once hid these tests); only
 * Firefox over WebDriver BiDi may answer false.
 */
async function emulate(features: Record<string, string>, query: string): Promise<boolean> {
  const chromium = navigator.userAgent.includes('Chrome/');
  try {
    await emulateMediaFeatures(Object.entries(features).map(([name, value]) => ({ name, value })));
  } catch (error) {
    if (chromium) throw error;
    return false;
  }
  const matches = matchMedia(query).matches;
  if (chromium && !matches) throw new Error(`Chromium did not apply ${query}`);
  return matches;
}

afterEach(async () => {
  destroyStores();
  PopoverController.placementMode = null;
  for (const property of [...document.documentElement.style]) document.documentElement.style.removeProperty(property);
});

describe('theming', () => {
  describe('high-contrast theme, audited by axe', () => {
    // Light and dark are audited state by state in each element's own tests.
    const look = { theme: 'high-contrast' } as const;
    const cases: Record<string, () => Promise<Element>> = {
      'banner asking': () => banner({ ...look, gpc: true }),
      'banner asking, right to left': () => banner({ ...look, dir: 'rtl' }),
      'modal banner': () => banner({ ...look, modal: true }),
      'banner confirmation': async () => {
        const element = await banner(look);
        part(element, 'reject-button').click();
        await waitUntil(() => element.shadowRoot!.querySelector('[part~="confirmation"]'), 'the confirmation');
        await settle(element);
        return element;
      },
      'privacy button': () => banner({ ...look, decided: true }),
      'privacy center': () => preferences({ ...look, gpc: true, decide: (consent) => consent.acceptAll() }),
      'privacy center, delete confirmation': async () => {
        const panel = await preferences(look);
        part(panel, 'delete-button').click();
        await settle(panel);
        return panel;
      },
      'why: a recommendation': () => why(look),
      'why: an ad': () => why({ ...look, kind: 'ad', explanation: ad }),
      'why: right to left': () => why({ ...look, dir: 'rtl' }),
      'feedback: reasons open': async () => {
        const element = await feedback(look);
        part(element, 'not-helpful-button').click();
        await settle(element);
        return element;
      },
      'feedback: sent': async () => {
        const element = await feedback(look);
        await pressAndWait(element, 'helpful-button', 'sent');
        return element;
      },
      'feedback: declined': async () => {
        const element = await feedback({ ...look, answer: 'decline' });
        await pressAndWait(element, 'helpful-button', 'did not accept');
        return element;
      },
    };
    for (const [name, make] of Object.entries(cases)) {
      it(`has no violations: ${name}`, async () => {
        const element = await make();
        expect(element.getAttribute('theme')).to.equal('high-contrast');
        // The audit covers the page around the element too: the trigger and buttons sit on it.
        await expectNoAxeViolations(element.closest('[dir]')!);
      });
    }
  });

  describe('right to left mirrors the layout', () => {
    const xOf = (element: Element) => element.getBoundingClientRect();

    it('puts the banner choices in reading order: left to right in LTR, right to left in RTL', async () => {
      for (const dir of ['ltr', 'rtl'] as const) {
        const element = await banner({ dir });
        const [accept, reject, choose] = ['accept-button', 'reject-button', 'choose-button'].map((name) => xOf(part(element, name)));
        const order = dir === 'ltr' ? [accept!.left, reject!.left, choose!.left] : [choose!.left, reject!.left, accept!.left];
        expect(order[0], `${dir}: first two`).to.be.lessThan(order[1]!);
        expect(order[1], `${dir}: last two`).to.be.lessThan(order[2]!);
      }
    });

    it('puts the privacy button in the inline-start corner', async () => {
      for (const dir of ['ltr', 'rtl'] as const) {
        const button = part(await banner({ dir, decided: true }), 'privacy-button').getBoundingClientRect();
        const width = document.documentElement.clientWidth;
        if (dir === 'ltr') expect(button.left, 'ltr: near the left edge').to.be.lessThan(width / 4);
        else expect(width - button.right, 'rtl: near the right edge').to.be.lessThan(width / 4);
      }
    });

    const modes: PlacementMode[] = supportsAnchorPositioning() ? ['css', 'js'] : ['js'];
    for (const mode of modes) {
      it(`opens the "why" popover below its trigger, on the inline-start side (${mode} placement)`, async () => {
        PopoverController.placementMode = mode;
        for (const dir of ['ltr', 'rtl'] as const) {
          const element = await why({ dir });
          const trigger = xOf(part(element, 'trigger'));
          const popover = xOf(part(element, 'popover'));
          expect(popover.top, `${dir}: below the trigger`).to.be.at.least(trigger.bottom - 1);
          if (dir === 'ltr') {
            expect(Math.abs(popover.left - trigger.left), 'ltr: left edges line up').to.be.at.most(1);
            expect(popover.right, 'ltr: it extends to the right').to.be.greaterThan(trigger.right);
          } else {
            expect(Math.abs(popover.right - trigger.right), 'rtl: right edges line up').to.be.at.most(1);
            expect(popover.left, 'rtl: it extends to the left').to.be.lessThan(trigger.left);
          }
          element.hide();
          // The next direction gets the same room around its trigger.
          element.closest('[dir]')!.remove();
        }
      });
    }

    it('puts "Helpful" before "Not helpful" in reading order', async () => {
      for (const dir of ['ltr', 'rtl'] as const) {
        const element = await feedback({ dir });
        const helpful = xOf(part(element, 'helpful-button'));
        const notHelpful = xOf(part(element, 'not-helpful-button'));
        if (dir === 'ltr') expect(helpful.left, 'ltr').to.be.lessThan(notHelpful.left);
        else expect(helpful.left, 'rtl').to.be.greaterThan(notHelpful.left);
      }
    });

    it('moves a switch that is on to the inline end of its track', async () => {
      for (const dir of ['ltr', 'rtl'] as const) {
        const panel = await preferences({ dir, decide: (consent) => consent.acceptAll() });
        const on = panel.shadowRoot!.querySelector('[role="switch"][aria-checked="true"]')!;
        const track = xOf(on.querySelector('.switch-track')!);
        const thumb = xOf(on.querySelector('.switch-thumb')!);
        if (dir === 'ltr') expect(track.right - thumb.right, 'ltr: thumb at the right').to.be.lessThan(thumb.left - track.left);
        else expect(thumb.left - track.left, 'rtl: thumb at the left').to.be.lessThan(track.right - thumb.right);
        panel.close();
      }
    });
  });

  describe('forced colours (Windows High Contrast)', () => {
    before(async function () {
      // Only Chromium's DevTools protocol can emulate forced colours; the rules themselves are plain CSS.
      if (!(await emulate({ 'forced-colors': 'active' }, '(forced-colors: active)'))) this.skip();
    });
    after(async () => {
      await emulate({ 'forced-colors': 'none' }, '(forced-colors: none)');
    });

    /** Tab from a button before the element until focus is inside it; the focused control must show a ring. */
    async function expectFocusRing(host: Element, context: string): Promise<void> {
      for (let presses = 0; presses < 40; presses++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActiveElement();
        if (!active || !(active.getRootNode() instanceof ShadowRoot) || (active.getRootNode() as ShadowRoot).host !== host) continue;
        if (!active.matches('button, a, [role="switch"], textarea, input')) continue;
        const style = getComputedStyle(active);
        expect(style.outlineStyle, `${context}: ${describeElement(active)} outline`).to.not.equal('none');
        expect(parseFloat(style.outlineWidth), `${context}: ${describeElement(active)} outline width`).to.be.at.least(2);
        return;
      }
      throw new Error(`${context}: Tab never reached a control inside <${host.localName}>`);
    }

    it('shows a focus ring on the controls of every element', async () => {
      const elements: Array<[Element, string]> = [
        [await banner(), 'banner'],
        [await why({ open: false }), 'why trigger'],
        [await feedback(), 'feedback'],
      ];
      for (const [element, context] of elements) {
        (element.closest('[dir]')!.prepend(Object.assign(document.createElement('button'), { textContent: 'Before' })));
        (element.closest('[dir]')!.querySelector('button') as HTMLButtonElement).focus();
        await expectFocusRing(element, context);
      }
      const panel = await preferences({ decide: (consent) => consent.acceptAll() });
      await expectFocusRing(panel, 'privacy center');
    });

    it('keeps a switch visible and tells on from off without colour alone', async () => {
      const panel = await preferences({ gpc: true, decide: (consent) => consent.acceptAll() });
      const on = panel.shadowRoot!.querySelector('[role="switch"][aria-checked="true"]')!;
      const off = panel.shadowRoot!.querySelector('[role="switch"][aria-checked="false"]')!;
      expect(on && off, 'one switch on and one off (GPC keeps advertising off)').to.be.ok;
      for (const [name, control] of [['on', on], ['off', off]] as const) {
        const track = getComputedStyle(control.querySelector('.switch-track')!);
        expect(track.borderTopStyle, `${name}: track outline`).to.not.equal('none');
        expect(parseFloat(track.borderTopWidth), `${name}: track outline width`).to.be.at.least(1);
        const thumb = getComputedStyle(control.querySelector('.switch-thumb')!);
        expect(thumb.backgroundColor, `${name}: thumb is painted`).to.not.equal(track.backgroundColor);
      }
      const thumbOn = on.querySelector('.switch-thumb')!.getBoundingClientRect().left - on.querySelector('.switch-track')!.getBoundingClientRect().left;
      const thumbOff = off.querySelector('.switch-thumb')!.getBoundingClientRect().left - off.querySelector('.switch-track')!.getBoundingClientRect().left;
      expect(Math.abs(thumbOn - thumbOff), 'the thumb moves').to.be.greaterThan(8);
      const onTrack = getComputedStyle(on.querySelector('.switch-track')!).backgroundColor;
      const offTrack = getComputedStyle(off.querySelector('.switch-track')!).backgroundColor;
      expect(onTrack, 'the track of a switch that is on is filled').to.not.equal(offTrack);
    });

    it('marks the pressed feedback button with more than colour', async () => {
      const element = await feedback();
      await pressAndWait(element, 'helpful-button', 'sent');
      const pressed = getComputedStyle(part(element, 'helpful-button'));
      const unpressed = getComputedStyle(part(element, 'not-helpful-button'));
      expect(pressed.backgroundColor, 'pressed is filled').to.not.equal(unpressed.backgroundColor);
      expect(pressed.borderTopStyle, 'both keep a border').to.not.equal('none');
      expect(unpressed.borderTopStyle, 'both keep a border').to.not.equal('none');
    });
  });

  describe('reduced motion', () => {
    /** Every element in the shadow roots of `hosts` whose transition lasts longer than 0 s. */
    function moving(hosts: Element[]): string[] {
      return hosts.flatMap((host) =>
        [...host.shadowRoot!.querySelectorAll('*')]
          .filter((element) => getComputedStyle(element).transitionDuration.split(',').some((duration) => parseFloat(duration) > 0))
          .map((element) => `${describeElement(element)}: ${getComputedStyle(element).transitionDuration}`),
      );
    }

    it('turns every transition off, even one a designer lengthened', async function () {
      // Only where the engine can emulate the preference (not Firefox over WebDriver BiDi).
      if (!(await emulate({ 'prefers-reduced-motion': 'no-preference' }, '(prefers-reduced-motion: no-preference)'))) this.skip();
      try {
        const hosts = [await banner(), await why(), await feedback(), await preferences({ decide: (consent) => consent.acceptAll() })];
        expect(moving(hosts), 'without the preference, buttons and switches animate').to.not.be.empty;
        document.documentElement.style.setProperty('--candor-motion-duration', '400ms');
        expect(await emulate({ 'prefers-reduced-motion': 'reduce' }, '(prefers-reduced-motion: reduce)'), 'the preference is emulated').to.equal(true);
        expect(moving(hosts)).to.deep.equal([]);
      } finally {
        await emulate({ 'prefers-reduced-motion': 'no-preference' }, '(prefers-reduced-motion: no-preference)');
      }
    });
  });

  describe('design tokens', () => {
    /** A value for a token that no theme uses, so setting it must change something. */
    function probeValue(token: string): string {
      if (/colou?r/.test(token)) return 'rgb(1, 2, 3)';
      if (token.endsWith('font-family')) return 'monospace';
      if (token.endsWith('line-height')) return '3.25';
      if (token.endsWith('z-index')) return '7';
      if (token.endsWith('duration')) return '987ms';
      if (token.endsWith('shadow')) return '0px 0px 0px 9px rgb(1, 2, 3)';
      return '13px';
    }

    const STYLE_PROPERTIES = [
      'color',
      'background-color',
      'border-top-color',
      'border-inline-start-color',
      'border-top-width',
      'border-inline-start-width',
      'border-top-left-radius',
      'outline-color',
      'box-shadow',
      'font-family',
      'font-size',
      'line-height',
      'padding-top',
      'padding-inline-start',
      'row-gap',
      'column-gap',
      'margin-top',
      'z-index',
      'transition-duration',
      'width',
      'max-width',
      'max-height',
      'accent-color',
    ];

    /** The rendered style of every element in the hosts' shadow roots, as one string per element. */
    function snapshot(hosts: Element[]): string[] {
      return hosts.flatMap((host) =>
        [host, ...host.shadowRoot!.querySelectorAll('*')].map((element) => {
          const style = getComputedStyle(element);
          return STYLE_PROPERTIES.map((property) => style.getPropertyValue(property)).join('|');
        }),
      );
    }

    /** Every `--candor-*` token the hosts' style sheets read. */
    function tokensRead(hosts: Element[]): Set<string> {
      const texts: string[] = [];
      const collect = (rules: CSSRuleList) => {
        for (const rule of rules) {
          texts.push(rule.cssText);
          if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const host of hosts) {
        const root = host.shadowRoot!;
        for (const sheet of root.adoptedStyleSheets) collect(sheet.cssRules);
        for (const style of root.querySelectorAll('style')) if (style.sheet) collect(style.sheet.cssRules);
      }
      return new Set(texts.flatMap((text) => [...text.matchAll(/var\(\s*(--candor-[a-z0-9-]+)/g)].map((match) => match[1]!)));
    }

    /** The tokens that change the rendered style of `hosts` when set on the page. */
    function tokensThatChange(hosts: Element[], tokens: Iterable<string>): Set<string> {
      const changed = new Set<string>();
      const root = document.documentElement.style;
      const before = snapshot(hosts).join('\n');
      for (const token of tokens) {
        root.setProperty(token, probeValue(token));
        if (snapshot(hosts).join('\n') !== before) changed.add(token);
        root.removeProperty(token);
      }
      return changed;
    }

    it('changes what is rendered for every --candor-* token set on the page', async () => {
      // Scene 1: the banner asking (with the GPC notice), the privacy button, an open popover
      // with weight bars, sent and declined feedback, and a control focused by keyboard.
      const scene = [
        await banner({ gpc: true }),
        await banner({ decided: true }),
        await why(),
        await feedback(),
        await feedback({ answer: 'decline' }),
      ];
      await pressAndWait(scene[3] as CandorFeedback, 'helpful-button', 'sent');
      await pressAndWait(scene[4] as CandorFeedback, 'helpful-button', 'did not accept');
      const popover = part(scene[2]!, 'popover');
      popover.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.matches(':focus-visible'), 'a control shows its focus ring').to.equal(true);

      const tokens = tokensRead(scene);
      const changed = tokensThatChange(scene, tokens);

      // Scene 2: the privacy center, with switches on and off, "Always on" and the delete confirmation.
      (scene[2] as CandorWhy).hide();
      const panel = await preferences({ gpc: true, decide: (consent) => consent.acceptAll() });
      part(panel, 'delete-button').click();
      await settle(panel);
      for (const token of tokensRead([panel])) tokens.add(token);
      for (const token of tokensThatChange([panel], [...tokens].filter((token) => !changed.has(token)))) changed.add(token);

      expect(tokens.size, 'the style sheets read the theme tokens').to.be.greaterThan(20);
      expect([...tokens].filter((token) => !changed.has(token)).sort(), 'tokens that changed nothing').to.deep.equal([]);
    });

    it('lets a token set on the page win over every built-in theme', async () => {
      document.documentElement.style.setProperty('--candor-color-action', 'rgb(1, 2, 3)');
      for (const theme of ['light', 'dark', 'high-contrast'] as const) {
        const element = await banner({ theme });
        expect(getComputedStyle(part(element, 'accept-button')).backgroundColor, theme).to.equal('rgb(1, 2, 3)');
      }
      document.documentElement.style.setProperty('--candor-border-width', '5px');
      const contrast = await banner({ theme: 'high-contrast' });
      expect(getComputedStyle(part(contrast, 'accept-button')).borderTopWidth, 'high contrast border width').to.equal('5px');
    });
  });
});
