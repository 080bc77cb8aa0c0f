// Shared helpers for the consent UI tests (banner and privacy center).
import { expect, nextFrame } from '@open-wc/testing';
import { destroyConsentStore, getConsentStore, type ConsentStore } from '../../src/core/index.js';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from '../../src/internal/deep-active-element.js';

let counter = 0;
const keys: string[] = [];

/** A storage key no other test uses, so every test starts from a fresh store. */
export function freshKey(): string {
  const key = `t-${Date.now().toString(36)}-${counter++}`;
  keys.push(key);
  return key;
}

/** Forgets every store made through `freshKey` (call in afterEach). */
export function destroyStores(): void {
  for (const key of keys.splice(0)) {
    destroyConsentStore(key);
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage may be blocked on purpose in a test.
    }
  }
}

/** A store for `key` held in memory, with Global Privacy Control as the test says. */
export function memoryStore(key: string, { gpc = false } = {}): ConsentStore {
  const store = getConsentStore({ key });
  store.configure({ storage: 'memory', gpc });
  return store;
}

/** The element inside `host`'s shadow root with that part name. */
export function part<T extends HTMLElement = HTMLElement>(host: Element, name: string): T {
  const found = host.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${host.localName}> has no part "${name}" now`);
  return found;
}

export function maybePart<T extends HTMLElement = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

/** The focused element, through shadow roots. */
export function focused(): Element | null {
  return deepActiveElement();
}

/** A short description of an element for failure messages (chai's own would serialize the whole DOM node). */
export function describeElement(element: Element | null | undefined): string {
  if (!element) return String(element);
  const partName = element.getAttribute('part');
  const id = element.id ? `#${element.id}` : '';
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
  const host = element.getRootNode() instanceof ShadowRoot ? ` in <${(element.getRootNode() as ShadowRoot).host.localName}>` : '';
  return `<${element.localName}${id}${partName ? ` part="${partName}"` : ''}>${text ? ` "${text}"` : ''}${host}`;
}

/** Fails unless `target` has focus, naming both elements. */
export function expectFocused(target: Element | null | undefined, message = ''): void {
  const actual = focused();
  if (actual !== target) {
    throw new Error(`${message ? `${message}: ` : ''}expected focus on ${describeElement(target)}, but it is on ${describeElement(actual)}`);
  }
}

/** Fails unless `actual` is `expected` (by identity), naming both. */
export function expectSame(actual: unknown, expected: Element, message = ''): void {
  if (actual !== expected) {
    throw new Error(`${message ? `${message}: ` : ''}expected ${describeElement(expected)}, got ${actual instanceof Element ? describeElement(actual) : String(actual)}`);
  }
}

/** Waits for Lit to render and the browser to lay out. */
export async function settle(...elements: Array<{ updateComplete: Promise<unknown> }>): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await Promise.all(elements.map((element) => element.updateComplete));
    await nextFrame();
  }
}

/** The visible text of an element (shadow content included), collapsed. */
export function textOf(element: Element | ShadowRoot | null | undefined): string {
  if (!element) return '';
  const root = element instanceof Element && element.shadowRoot ? element.shadowRoot : element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What makes two choices look equally prominent: size, type and colours. */
export function prominence(button: HTMLElement): Record<string, string | number> {
  const rect = button.getBoundingClientRect();
  const style = getComputedStyle(button);
  return {
    width: rect.width,
    height: rect.height,
    fontSize: style.fontSize,
    fontWeight: style.fontWeight,
    fontFamily: style.fontFamily,
    color: style.color,
    backgroundColor: style.backgroundColor,
    borderColor: style.borderTopColor,
    borderWidth: style.borderTopWidth,
    borderRadius: style.borderTopLeftRadius,
    textDecoration: style.textDecorationLine,
    opacity: style.opacity,
    filter: style.filter,
  };
}

/** Fails unless every button has the same box (±1px), type and colours as the first. */
export function expectEqualProminence(buttons: HTMLElement[], context: string): void {
  expect(buttons.length, context).to.be.greaterThan(1);
  const [first, ...rest] = buttons.map(prominence);
  for (const [index, other] of rest.entries()) {
    const name = `${context}: button ${index + 2} vs button 1`;
    expect(Math.abs(Number(other!.width) - Number(first!.width)), `${name} width`).to.be.at.most(1);
    expect(Math.abs(Number(other!.height) - Number(first!.height)), `${name} height`).to.be.at.most(1);
    const { width: _w, height: _h, ...otherStyle } = other!;
    const { width: _fw, height: _fh, ...firstStyle } = first!;
    expect(otherStyle, name).to.deep.equal(firstStyle);
    expect(Number(first!.width), `${context}: buttons are visible`).to.be.greaterThan(20);
  }
}

/** WCAG 1.4.12's text-spacing overrides, as a user style sheet would apply them. */
export const TEXT_SPACING_CSS = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/**
 * Applies the text-spacing overrides to the page and inside each element's shadow root
 * (a user style sheet reaches shadow trees; a page style sheet would not). Returns a
 * function that removes them.
 */
export function applyTextSpacing(hosts: Element[]): () => void {
  const styles = [document.head, ...hosts.map((host) => host.shadowRoot)].flatMap((root) => {
    if (!root) return [];
    const style = document.createElement('style');
    style.textContent = TEXT_SPACING_CSS;
    root.append(style);
    return [style];
  });
  return () => styles.forEach((style) => style.remove());
}

const TEXT_CONTAINERS = 'h2, h3, h4, p, li, dt, dd, summary, button, a, label, .always-on';

/**
 * Text that is cut off or runs out of its box inside `host`: every visible text
 * container must fit its own width (`scrollWidth ≤ clientWidth`), buttons their height,
 * and everything must stay inside `within` (the panel) horizontally.
 */
export function clippedText(host: Element, within: Element): string[] {
  const problems: string[] = [];
  const bounds = within.getBoundingClientRect();
  for (const element of Array.from(host.shadowRoot!.querySelectorAll<HTMLElement>(TEXT_CONTAINERS))) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || element.closest('.visually-hidden')) continue;
    if (!element.textContent?.trim()) continue;
    const label = `<${element.localName}${element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}> "${element.textContent.trim().slice(0, 40)}"`;
    if (style.display !== 'inline') {
      if (element.scrollWidth > element.clientWidth + 1) problems.push(`${label} overflows its width (${element.scrollWidth} > ${element.clientWidth})`);
      if (element.localName === 'button' && element.scrollHeight > element.clientHeight + 1) {
        problems.push(`${label} overflows its height (${element.scrollHeight} > ${element.clientHeight})`);
      }
    }
    const rect = element.getBoundingClientRect();
    if (rect.width > 0 && (rect.left < bounds.left - 1 || rect.right > bounds.right + 1)) {
      problems.push(`${label} sticks out of the panel (${Math.round(rect.left)}–${Math.round(rect.right)} vs ${Math.round(bounds.left)}–${Math.round(bounds.right)})`);
    }
  }
  return problems;
}

/** Whether two boxes overlap by more than a pixel. */
export function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

/** Counts the visitor's actions (clicks or key presses) in a flow. */
export class ActionCounter {
  count = 0;
  click(element: HTMLElement): void {
    this.count += 1;
    element.click();
  }
}

/** A real Shift+Tab key press (the runner's `press` takes one key; the modifier is held around it). */
export async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  try {
    await sendKeys({ press: 'Tab' });
  } finally {
    await sendKeys({ up: 'Shift' });
  }
}

/** Presses Tab (real key presses) until `target` has focus; returns how many presses it took. */
export async function tabTo(target: Element, limit = 30): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await sendKeys({ press: 'Tab' });
    if (focused() === target) return presses;
  }
  throw new Error(`Tab never reached <${target.localName} part="${target.getAttribute('part')}">; focus is on ${describeElement(focused())}`);
}
