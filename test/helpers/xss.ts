import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    __candorXss?: boolean;
  }
}

/**
 * Strings that run script when a renderer treats them as HTML (or as a template): each
 * sets `window.__candorXss = true` if it ever runs. Every host string field of every
 * element goes through this list; they must render as the literal text.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__candorXss=true">',
  '<script>window.__candorXss=true</script>',
  '"><svg onload="window.__candorXss=true"></svg>',
  "'><iframe srcdoc=\"<script>parent.__candorXss=true</script>\"></iframe>",
  '</style></template><img src=x onerror=window.__candorXss=true>',
  '<details open ontoggle="window.__candorXss=true"><summary>x</summary></details>',
  '<a href="javascript:window.__candorXss=true" id="xss-link">click</a>',
  '${window.__candorXss=true}',
  '{{constructor.constructor("window.__candorXss=true")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__candorXss=true>',
];

/** URLs that must never reach an `href`: only http(s) and relative URLs are allowed. */
export const UNSAFE_URLS: readonly string[] = [
  'javascript:window.__candorXss=true',
  'JaVaScRiPt:window.__candorXss=true',
  '  javascript:window.__candorXss=true',
  'java\tscript:window.__candorXss=true',
  'data:text/html,<script>window.__candorXss=true</script>',
  'vbscript:msgbox(1)',
];

export function resetXss(): void {
  delete window.__candorXss;
}

/** Every element below `root`, through open shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of Array.from(node.children)) {
      found.push(child);
      walk(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}

/** The text of `root` and its shadow roots, as a visitor would read it. */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return parts.join('');
}

const CREATED_BY_PAYLOADS = ['script', 'iframe', 'img', 'object', 'embed', 'math'];
const SAFE_LINK = /^(https?:|\/|\.|#|\?|[^:]*$)/;

/**
 * What `expectNoXss` looks for, found at once (no waiting): inline event handlers, elements
 * only a payload would create, and links or sources that are not http(s) or relative.
 */
export function xssProblems(root: Element | ShadowRoot): string[] {
  const problems: string[] = [];
  for (const element of deepElements(root)) {
    const handlers = element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on'));
    if (handlers.length) problems.push(`<${element.localName}> has inline handlers ${handlers.join(', ')}`);
    if (CREATED_BY_PAYLOADS.includes(element.localName)) problems.push(`a <${element.localName}> was created`);
    for (const name of ['href', 'src']) {
      const url = element.getAttribute(name);
      if (url !== null && !SAFE_LINK.test(url.trim().toLowerCase())) problems.push(`<${element.localName} ${name}="${url}">`);
    }
  }
  return problems;
}

/**
 * Asserts that no payload ran and none became markup: the flag is unset after images had
 * time to fail, no element inside carries an inline event handler, no script, iframe or
 * image was created, and no link points anywhere but http(s) or a relative URL.
 */
export async function expectNoXss(root: Element): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(window.__candorXss, 'a payload ran').to.equal(undefined);
  expect(xssProblems(root)).to.deep.equal([]);
}
