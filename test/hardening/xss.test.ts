// XSS (issue 7): every payload of test/helpers/xss.ts through every attribute and every
// public property of every element, and through every string a host gives in answer to a
// request (explanations, interests, acknowledgements, data-request answers, policy texts).
// The lists of attributes and properties come from the element classes themselves, so a
// new attribute is covered without touching this file; a check against the built manifest
// (dist/custom-elements.json) makes sure the derivation misses nothing it declares.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/all.js';
import { destroyConsentStore, getConsentStore, type PolicyConfig } from '../../src/core/index.js';
import { gateEmbeds } from '../../src/gating/embeds.js';
import { gateScripts } from '../../src/gating/scripts.js';
import type { Explanation } from '../../src/why/why.types.js';
import type { Interest } from '../../src/preferences/interests-section.js';
import { recommendation } from '../../stories/fixtures/explanations.js';
import { deepText, expectNoXss, resetXss, UNSAFE_URLS, xssProblems, XSS_PAYLOADS } from '../helpers/xss.js';

const TAGS = ['candor-banner', 'candor-preferences', 'candor-why', 'candor-feedback'] as const;
type Tag = (typeof TAGS)[number];

interface PublicProperty {
  name: string;
  /** The attribute it reflects or reads, or null when it is a property only. */
  attribute: string | null;
}

/**
 * The public properties of an element class: Lit's declared properties that are not
 * internal state, and accessors with a setter defined by the element or a Candor base class.
 */
function publicProperties(tag: Tag): PublicProperty[] {
  const element = customElements.get(tag) as unknown as typeof LitElement;
  const found = new Map<string, string | null>();
  for (const [key, options] of element.elementProperties) {
    if (options.state || typeof key !== 'string') continue;
    found.set(key, options.attribute === false ? null : typeof options.attribute === 'string' ? options.attribute : key.toLowerCase());
  }
  // Lit makes an accessor for internal state too: those are not public.
  const reactive = new Set([...element.elementProperties.keys()]);
  for (let prototype = element.prototype; prototype !== LitElement.prototype; prototype = Object.getPrototypeOf(prototype)) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(prototype))) {
      if (descriptor.set && !reactive.has(name) && !name.startsWith('_')) found.set(name, null);
    }
  }
  return [...found].map(([name, attribute]) => ({ name, attribute }));
}

/** Host objects for the properties that take one, every string in them the payload. */
function payloadPolicy(payload: string, url = '/privacy'): PolicyConfig {
  return {
    version: payload.slice(0, 60),
    summary: payload,
    url,
    purposes: ['necessary', { id: 'custom', label: payload, description: payload, dataCategories: [payload], recipients: [payload], retention: payload }],
  };
}

function payloadExplanation(payload: string, mainParametersUrl = '/how-it-works'): Explanation {
  return {
    kind: 'ad',
    headline: payload,
    topic: payload,
    reasons: [{ kind: 'context', label: payload, weight: 0.5, signal: payload }],
    dataCategories: [payload],
    sponsor: { onBehalfOf: payload, paidBy: `${payload} Ltd` },
    mainParametersUrl,
  };
}

function payloadInterests(payload: string): Interest[] {
  return [{ id: 'x1', label: payload, source: payload, weight: 0.5 }];
}

const STRUCTURED: Record<string, (payload: string) => unknown> = {
  policy: payloadPolicy,
  explanation: payloadExplanation,
  interests: payloadInterests,
};

let keys: string[] = [];
let uncaught: string[] = [];
const original = { error: console.error, warn: console.warn };
const onError = (event: ErrorEvent) => uncaught.push(event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));

function freshKey(): string {
  const key = `xss-${keys.length}-${Math.random().toString(36).slice(2, 8)}`;
  keys.push(key);
  const store = getConsentStore({ key });
  store.configure({ storage: 'memory', gpc: false, policy: { version: '1', purposes: ['necessary', 'personalization', 'advertising'] } });
  store.acceptAll();
  return key;
}

/** One element of `tag` in a state that shows most of what it can: open, asking, choosing. */
async function mountShowing(tag: Tag, container: HTMLElement): Promise<LitElement> {
  const element = document.createElement(tag) as unknown as LitElement & Record<string, unknown>;
  const key = freshKey();
  if (tag === 'candor-banner') {
    element.setAttribute('store-key', `${key}-banner`);
    element.setAttribute('storage', 'memory');
    element.setAttribute('purposes', 'necessary analytics');
    element.setAttribute('policy-version', '1');
  } else if (tag === 'candor-preferences') {
    element.setAttribute('store-key', key);
    element.interests = payloadInterests('Cycling');
  } else if (tag === 'candor-why') {
    element.setAttribute('store-key', key);
    element.setAttribute('item-id', 'sku-1');
    element.explanation = recommendation;
  } else {
    element.setAttribute('item-id', 'sku-1');
  }
  container.append(element);
  await element.updateComplete;
  if (tag === 'candor-preferences' || tag === 'candor-why') await (element as unknown as { show(): Promise<void> }).show();
  if (tag === 'candor-feedback') element.shadowRoot!.querySelector<HTMLElement>('[part~="not-helpful-button"]')!.click();
  await element.updateComplete;
  return element;
}

/** Sets one property or attribute to the payload, lets the element render, and says what went wrong. */
async function inject(tag: Tag, container: HTMLElement, apply: (element: LitElement & Record<string, unknown>) => void, what: string): Promise<string[]> {
  const element = (await mountShowing(tag, container)) as LitElement & Record<string, unknown>;
  apply(element);
  await element.updateComplete;
  await element.updateComplete;
  const problems = xssProblems(element).map((problem) => `${what}: ${problem}`);
  if (element.isConnected) {
    (element as unknown as { close?: () => void; hide?: () => void }).close?.();
    (element as unknown as { hide?: () => void }).hide?.();
  }
  element.remove();
  return problems;
}

describe('hardening: XSS through every attribute, property and host answer', () => {
  beforeEach(() => {
    resetXss();
    uncaught = [];
    // Payloads are bad configuration too: each is reported on the console, which is not what is tested here.
    console.error = () => undefined;
    console.warn = () => undefined;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });

  afterEach(() => {
    Object.assign(console, original);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    for (const key of keys.splice(0)) {
      destroyConsentStore(key);
      destroyConsentStore(`${key}-banner`);
    }
  });

  it('derives every attribute and property the elements declare', async function () {
    const manifest = await fetch('/dist/custom-elements.json', { cache: 'no-store' });
    // Built by `npm run build`, which `npm test` runs before the browser tests.
    if (!manifest.ok) this.skip();
    const declared = (await manifest.json()) as { modules: Array<{ declarations?: Array<{ tagName?: string; attributes?: Array<{ name: string }>; members?: Array<{ kind: string; name: string; privacy?: string; static?: boolean; readonly?: boolean }> }> }> };
    for (const tag of TAGS) {
      const derived = publicProperties(tag);
      const declaration = declared.modules.flatMap((module) => module.declarations ?? []).find((candidate) => candidate.tagName === tag)!;
      const attributes = (declaration.attributes ?? []).map((attribute) => attribute.name);
      const fields = (declaration.members ?? [])
        .filter((member) => member.kind === 'field' && !member.privacy && !member.static && !member.readonly)
        .map((member) => member.name);
      expect(derived.map((property) => property.attribute).filter(Boolean), `${tag} attributes`).to.include.members(attributes);
      expect(derived.map((property) => property.name), `${tag} properties`).to.include.members(fields);
    }
  });

  for (const tag of TAGS) {
    it(`<${tag}>: every payload through every attribute and property stays text and runs nothing`, async function () {
      // Hundreds of mounts: on a busy two-core machine this takes seconds.
      this.timeout(60_000);
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const properties = publicProperties(tag);
      expect(properties.length, 'properties found').to.be.greaterThan(2);
      const problems: string[] = [];
      for (const payload of XSS_PAYLOADS) {
        for (const { name, attribute } of properties) {
          if (attribute) problems.push(...(await inject(tag, container, (element) => element.setAttribute(attribute, payload), `${attribute}="${payload}"`)));
          problems.push(...(await inject(tag, container, (element) => void (element[name] = payload), `.${name} = "${payload}"`)));
          const structured = STRUCTURED[name];
          if (structured) problems.push(...(await inject(tag, container, (element) => void (element[name] = structured(payload)), `.${name} = {…"${payload}"…}`)));
        }
      }
      expect(problems).to.deep.equal([]);
      await expectNoXss(container);
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
    });
  }

  for (const payload of XSS_PAYLOADS) {
    it(`shows ${JSON.stringify(payload.slice(0, 32))} as text wherever a host answers or configures`, async () => {
      const key = freshKey();
      const page = await fixture<HTMLDivElement>(html`<div>
        <script type="application/json" id="xss-policy">${JSON.stringify(payloadPolicy(payload))}</script>
        <candor-banner policy-source="xss-policy" store-key=${`${key}-banner`} storage="memory"></candor-banner>
        <candor-preferences store-key=${key}></candor-preferences>
        <candor-why item-id="sku-1" item-label=${payload} store-key=${key}></candor-why>
        <candor-feedback item-id="sku-1" item-label=${payload}></candor-feedback>
      </div>`);
      const answer = (value: unknown) => (event: Event) => (event as Event & { respondWith(value: unknown): void }).respondWith(value);
      page.addEventListener('candor-explanation-request', answer(payloadExplanation(payload)));
      page.addEventListener('candor-explanation-control', answer({ message: payload }));
      page.addEventListener('candor-interests-request', answer(payloadInterests(payload)));
      page.addEventListener('candor-profile-edit', answer({ ok: false, message: payload }));
      page.addEventListener('candor-data-request', answer({ message: payload, url: UNSAFE_URLS[0] }));
      page.addEventListener('candor-feedback', answer({ message: payload }));
      page.addEventListener('candor-feedback-undo', answer({ ok: false, message: payload }));
      getConsentStore({ key }).configure({ policy: payloadPolicy(payload) });
      const [banner, panel, why, feedback] = ['candor-banner', 'candor-preferences', 'candor-why', 'candor-feedback'].map(
        (tag) => page.querySelector(tag) as LitElement,
      );
      const shadow = (element: LitElement, selector: string) => element.shadowRoot!.querySelector<HTMLElement>(selector);
      const text = (element: LitElement) => deepText(element).replace(/\s+/g, ' ');
      const expected = payload.replace(/\s+/g, ' ');

      await banner!.updateComplete;
      expect(text(banner!), 'the banner shows the policy texts').to.contain(expected);

      await (panel as unknown as { show(): Promise<void> }).show();
      await waitUntil(() => shadow(panel!, '[part~="interest-remove"]'), 'the interests');
      shadow(panel!, '[part~="interest-remove"]')!.click();
      await waitUntil(() => shadow(panel!, '[part~="interests-status"]')?.textContent?.includes(payload), 'the declined edit');
      shadow(panel!, '[part~="access-button"]')!.click();
      await waitUntil(() => shadow(panel!, '[part~="data-status"]')?.textContent?.includes(payload), 'the data answer');
      expect(text(panel!), 'the privacy center shows the policy texts').to.contain(expected);
      (panel as unknown as { close(): void }).close();

      await (why as unknown as { show(): Promise<void> }).show();
      await waitUntil(() => shadow(why!, '[part~="headline"]'), 'the explanation');
      shadow(why!, '[data-action="not-interested"]')!.click();
      await waitUntil(() => shadow(why!, '[part~="status"]')?.textContent?.includes(payload), 'the control answer');
      expect(text(why!), 'the popover shows the explanation').to.contain(expected);
      (why as unknown as { hide(): void }).hide();

      shadow(feedback!, '[part~="helpful-button"]')!.click();
      await waitUntil(() => shadow(feedback!, '[part~="status"]')?.textContent?.includes(payload), 'the acknowledgement');
      shadow(feedback!, '[part~="undo-button"]')!.click();
      await waitUntil(() => shadow(feedback!, '[part~="status"]')?.textContent?.includes('could not be withdrawn'), 'the declined undo');
      expect(text(feedback!)).to.contain(expected);

      // Each element, not the page: the page's own <script type="application/json"> holds the policy.
      for (const element of [banner, panel, why, feedback]) await expectNoXss(element!);
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
    });
  }

  it('reports a store-key that cannot name storage once, and keeps working on the default store', async () => {
    const errors: string[] = [];
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
    const banner = await fixture<LitElement>(html`<candor-banner store-key="my key;" purposes="necessary analytics" policy-version="1" storage="memory"></candor-banner>`);
    try {
      banner.requestUpdate();
      await banner.updateComplete;
      expect(errors).to.deep.equal([
        'Candor <candor-banner>: store-key: key "my key;" must be 1 to 64 letters, digits, ".", "_" or "-"; the default store "candor-consent" is used instead.',
      ]);
      banner.shadowRoot!.querySelector<HTMLElement>('[part~="accept-button"]')!.click();
      expect(getConsentStore().isGranted('analytics')).to.equal(true);
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
    } finally {
      banner.remove();
      destroyConsentStore();
    }
  });

  it('lets no unsafe URL reach an href or src, from any element or gate', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    for (const url of UNSAFE_URLS) {
      const key = freshKey();
      getConsentStore({ key }).configure({ policy: { version: '1', purposes: ['necessary', 'functional', 'analytics'] } });
      const page = document.createElement('div');
      page.innerHTML = `
        <candor-banner purposes="necessary analytics" policy-version="1" storage="memory"></candor-banner>
        <candor-preferences></candor-preferences>
        <candor-why item-id="sku-1"></candor-why>
        <iframe data-candor-src="" data-candor-purpose="functional" title="Embed"></iframe>
        <script type="text/plain" data-candor-purpose="analytics" data-src=""></script>`;
      const [banner, panel, why] = ['candor-banner', 'candor-preferences', 'candor-why'].map((tag) => page.querySelector(tag) as LitElement & Record<string, unknown>);
      banner!.setAttribute('store-key', `${key}-banner`);
      banner!.setAttribute('policy-url', url);
      panel!.setAttribute('store-key', key);
      why!.setAttribute('store-key', key);
      why!.explanation = payloadExplanation('An ad', url);
      page.querySelector('iframe')!.setAttribute('data-candor-src', url);
      page.querySelector('script')!.setAttribute('data-src', url);
      page.addEventListener('candor-data-request', (event) => (event as Event & { respondWith(value: unknown): void }).respondWith({ message: 'Here it is', url }));
      container.append(page);
      const gates = [gateEmbeds({ store: getConsentStore({ key }), root: page }), gateScripts({ store: getConsentStore({ key }), root: page })];
      getConsentStore({ key }).acceptAll();
      await (panel as unknown as { show(): Promise<void> }).show();
      panel!.shadowRoot!.querySelector<HTMLElement>('[part~="access-button"]')!.click();
      await waitUntil(() => panel!.shadowRoot!.querySelector('[part~="data-status"]')?.textContent?.includes('Here it is'), 'the data answer');
      await (why as unknown as { show(): Promise<void> }).show();
      await banner!.updateComplete;
      // The page's own iframe and gated script are there by design; what Candor wrote must be safe.
      const problems = [banner, panel, why].flatMap((element) => xssProblems(element!));
      expect(problems, url).to.deep.equal([]);
      expect(page.querySelector('iframe')!.hasAttribute('src'), `${url} loaded in the embed`).to.equal(false);
      expect(page.querySelector('script:not([type="text/plain"])'), `${url} made a script`).to.equal(null);
      (panel as unknown as { close(): void }).close();
      gates.forEach((gate) => gate.stop());
      page.remove();
    }
    await expectNoXss(container);
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
  });
});
