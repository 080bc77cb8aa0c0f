/**
 * Embed gating: iframes and embeds that load from another site only once the visitor
 * grants their purpose, with a placeholder that says what loading them shares.
 *
 * ```html
 * <iframe data-candor-src="https://video.example.com/embed/42" data-candor-purpose="functional"
 *   title="Product tour video" width="560" height="315"></iframe>
 * ```
 * ```js
 * import { gateEmbeds } from 'candor/gating/embeds';
 * gateEmbeds();
 * ```
 * Its own module with no side effects: a page that does not import it pays nothing for it.
 * @module
 */
import { markLanguageAndDirection, markShown, msg, str, watchLanguage, withLocale } from '../internal/i18n.js';
import { DEFAULT_STORAGE_KEY, getConsentStore, type ConsentStore } from '../core/store.js';
import type { PurposeId } from '../core/types.js';
import { requestPreferences } from '../events/preferences-request.js';
import { listOf, purposeLabel } from '../preferences/consent-text.js';
import { allGranted, inDocumentOrder, purposesOf } from '../internal/purpose-list.js';
import { safeUrl } from '../internal/safe-url.js';
import { trustedScriptURL, trustedTypesHelp } from '../internal/trusted-types.js';
import { consentWords, formatTagFor, hasLocaleWords, loadLocaleWords, localeFor, sourceLocale } from '../localization.js';

export interface GateEmbedsOptions {
  /** The consent store to follow. Default: the page's store (`getConsentStore()`). */
  store?: ConsentStore;
  /** Where to look for gated embeds, including ones added later. Default `document`. */
  root?: ParentNode;
}

/** A running gate. */
export interface EmbedGate {
  /** Stops watching; placeholders still shown stay, and their button still grants the purpose. */
  stop(): void;
}

const GATED_EMBED = 'iframe[data-candor-src][data-candor-purpose], embed[data-candor-src][data-candor-purpose]';

interface GatedEmbed {
  element: HTMLIFrameElement | HTMLEmbedElement;
  url: string;
  host: string;
  purposes: PurposeId[];
  placeholder: HTMLElement;
  texts: { title: HTMLElement; sharing: HTMLElement; allow: HTMLButtonElement; choices: HTMLAnchorElement };
  /** The element's own inline `display`, put back when it loads. */
  display: [value: string, priority: string];
}

/** Embeds some gate has taken, shared by every gate of this copy of Candor. */
const claimed = new WeakSet<Element>();
/** Numbers the placeholders' ids. */
let placeholders = 0;

/**
 * Holds back `<iframe>` and `<embed>` elements written with `data-candor-src` (instead of
 * `src`) and `data-candor-purpose` (space-separated purpose ids, all needed) until their
 * purposes are granted.
 *
 * Until then the element is hidden and a placeholder stands before it: a labelled group
 * (`role="group"`, named by the element's `title`) that says which site the content comes
 * from and what loading it shares with that site, a button "Allow <purposes> and load"
 * that grants the purposes in the consent store, and a "Privacy choices" link that opens
 * the privacy center at that purpose (it follows `policy.url` when no panel is on the page).
 * When the purposes are granted (there, in the privacy center or in another tab) `src` is
 * set from `data-candor-src`, the placeholder is removed, and focus moves to the embed if
 * it was in the placeholder. `data-candor-src` must be an http(s) or relative URL; any
 * other is refused with a console error and never loaded. An `<embed>`'s `src` is a
 * Trusted Types sink: where a page requires them, it goes through Candor's policy `candor`.
 *
 * The placeholder is plain DOM in the page, so the site styles it with its classes:
 * `candor-embed` (the group), `candor-embed-title`, `candor-embed-text`,
 * `candor-embed-allow` (the button) and `candor-embed-choices` (the link). Its few inline
 * styles use the `--candor-*` tokens. It takes the element's `width` and `height`.
 *
 * A grant from the placeholder is recorded with source `'preferences'`: like a switch in
 * the privacy center, it is the visitor's explicit choice of named purposes, made in
 * Candor's own words, not a decision of the host's code (`'api'`).
 */
export function gateEmbeds(options: GateEmbedsOptions = {}): EmbedGate {
  const store = options.store ?? getConsentStore();
  const root = options.root ?? document;
  const gated = new Map<Element, GatedEmbed>();

  const refresh = (): void => {
    for (const [element, embed] of gated) {
      if (!element.isConnected) {
        embed.placeholder.remove();
        gated.delete(element);
      } else if (allGranted(store, embed.purposes)) {
        gated.delete(element);
        load(embed);
      } else {
        describe(embed, store);
      }
    }
    const found = [...root.querySelectorAll<HTMLIFrameElement | HTMLEmbedElement>(GATED_EMBED)].filter(
      (element) => !claimed.has(element),
    );
    for (const element of inDocumentOrder(found)) {
      claimed.add(element);
      const embed = hold(element, store);
      if (embed === null) continue;
      if (allGranted(store, embed.purposes)) load(embed);
      else gated.set(element, embed);
    }
  };

  const unsubscribe = store.subscribe(refresh);
  const observer = new MutationObserver(refresh);
  observer.observe(root as Node, { childList: true, subtree: true });
  // Placeholders speak the language around their embed, and follow it when it changes.
  // A shadow root is its own root node, so its lang changes are observed too.
  const stopLanguage = watchLanguage(root, refresh);
  refresh();
  return {
    stop() {
      unsubscribe();
      observer.disconnect();
      stopLanguage();
    },
  };
}

/** Checks an element and, when it is sound, hides it behind a placeholder (not yet in the page if already granted). */
function hold(element: HTMLIFrameElement | HTMLEmbedElement, store: ConsentStore): GatedEmbed | null {
  const source = element.getAttribute('data-candor-src') ?? '';
  const url = safeUrl(source);
  const purposes = purposesOf(element);
  if (url === null || purposes.length === 0) {
    console.error(
      url === null
        ? `Candor: data-candor-src ${JSON.stringify(source)} is not an http(s) or relative URL; the <${element.localName}> is not loaded.`
        : `Candor: a <${element.localName}> with data-candor-src names no purpose in data-candor-purpose; it is not loaded.`,
    );
    return null;
  }
  const doc = element.ownerDocument;
  const create = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    node.className = className;
    return node;
  };
  const placeholder = create('div', 'candor-embed');
  placeholder.setAttribute('role', 'group');
  placeholder.setAttribute('data-candor-placeholder', '');
  const title = create('p', 'candor-embed-title');
  title.id = `candor-embed-${++placeholders}`;
  placeholder.setAttribute('aria-labelledby', title.id);
  const sharing = create('p', 'candor-embed-text');
  const allow = create('button', 'candor-embed-allow');
  allow.type = 'button';
  const choices = create('a', 'candor-embed-choices');
  placeholder.append(title, sharing, allow, choices);
  style(placeholder, element);

  const embed: GatedEmbed = {
    element,
    url,
    host: new URL(url, doc.baseURI).hostname,
    purposes,
    placeholder,
    texts: { title, sharing, allow, choices },
    display: [element.style.getPropertyValue('display'), element.style.getPropertyPriority('display')],
  };
  allow.addEventListener('click', () => {
    try {
      store.set(Object.fromEntries(purposes.map((id) => [id, true])), { source: 'preferences', origin: allow });
    } catch (error) {
      console.error(error);
    }
  });
  choices.addEventListener('click', (event) => {
    const opened = requestPreferences(choices, {
      ...(store.key === DEFAULT_STORAGE_KEY ? {} : { storeKey: store.key }),
      section: purposes[0],
    });
    if (opened || choices.getAttribute('href') === '#') event.preventDefault();
  });
  if (!allGranted(store, purposes)) {
    describe(embed, store);
    element.style.setProperty('display', 'none', 'important');
    element.before(placeholder);
  }
  return embed;
}

/** The groups of words a placeholder shows (its own and the purposes' are in the consent words). */
const EMBED_LOCALE_GROUPS = [consentWords];

/**
 * Writes the placeholder's words in the locale of the embed's `lang` (see
 * `localeFor`), again after every change. While that locale's module loads, the words stay
 * as they were (none at first) and are written once it is there.
 */
function describe(embed: GatedEmbed, store: ConsentStore): void {
  const wanted = localeFor(embed.element);
  if (!hasLocaleWords(wanted, EMBED_LOCALE_GROUPS)) {
    loadLocaleWords(wanted, EMBED_LOCALE_GROUPS).then(
      () => embed.element.isConnected && describe(embed, store),
      (error: unknown) => {
        console.error(error);
        writeWords(embed, store, sourceLocale);
      },
    );
    return;
  }
  writeWords(embed, store, wanted);
}

function writeWords(embed: GatedEmbed, store: ConsentStore, locale: string): void {
  const { placeholder } = embed;
  withLocale(locale, () => writeWordsNow(embed, store), formatTagFor(embed.element, locale));
  markShown(placeholder, locale);
  markLanguageAndDirection(placeholder, locale);
}

function writeWordsNow(embed: GatedEmbed, store: ConsentStore): void {
  const { host, texts, element } = embed;
  const labels = listOf(embed.purposes.map((id) => purposeLabel(store.policy, id)));
  const name = element.getAttribute('title')?.trim() || msg(str`Content from ${host}`, { desc: 'Name of a placeholder for an embedded video, map or post from another site; the placeholder is that site.' });
  setText(texts.title, name);
  setText(
    texts.sharing,
    msg(
      str`Loading this content from ${host} shares your IP address, details of your browser and the address of this page with ${host}, which may also store cookies on your device.`,
      { desc: 'Placeholder for embedded content held back until consent: what loading it shares with the other site (both placeholders are its host name).' },
    ),
  );
  setText(
    texts.allow,
    msg(str`Allow ${labels}, then load`, {
      desc: 'Button on a placeholder for embedded content: grants the named consent purposes and loads it. The placeholder is a list of purpose names.',
    }),
  );
  setText(texts.choices, msg('Privacy choices', { id: 'embed-privacy-choices', desc: 'Link on a placeholder for embedded content: opens the privacy center.' }));
  const href = store.policy?.url ?? '#';
  if (texts.choices.getAttribute('href') !== href) texts.choices.setAttribute('href', href);
}

/** Writes only what changed: every write is a mutation the gate observes, and would describe again. */
function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function style(placeholder: HTMLElement, element: Element): void {
  const width = Number.parseInt(element.getAttribute('width') ?? '', 10);
  const height = Number.parseInt(element.getAttribute('height') ?? '', 10);
  const declarations: Record<string, string> = {
    'box-sizing': 'border-box',
    display: 'flex',
    'flex-direction': 'column',
    'align-items': 'flex-start',
    'justify-content': 'center',
    gap: 'calc(var(--candor-space, 1rem) * 0.75)',
    padding: 'var(--candor-space, 1rem)',
    border: '1px solid var(--candor-color-border, currentColor)',
    'border-radius': 'var(--candor-radius, 0.5rem)',
    background: 'var(--candor-color-surface, Canvas)',
    color: 'var(--candor-color-text, CanvasText)',
    'font-family': 'var(--candor-font-family, inherit)',
    'max-inline-size': '100%',
  };
  if (width > 0) declarations['inline-size'] = `${width}px`;
  if (height > 0) declarations['min-block-size'] = `${height}px`;
  // Through the CSSOM, which a page's CSP allows where it forbids style attributes.
  for (const [property, value] of Object.entries(declarations)) placeholder.style.setProperty(property, value);
}

function load({ element, url, placeholder, display: [display, priority] }: GatedEmbed): void {
  const active = element.ownerDocument.activeElement;
  const hadFocus = active !== null && placeholder.contains(active);
  try {
    // An <embed>'s src is a Trusted Types sink (an iframe's is not).
    element.setAttribute('src', element.localName === 'embed' ? trustedScriptURL(url) : url);
  } catch (error) {
    console.error(trustedTypesHelp(`the <embed> from ${url} could not be loaded`), error);
    return;
  }
  element.removeAttribute('data-candor-src');
  if (display) element.style.setProperty('display', display, priority);
  else element.style.removeProperty('display');
  placeholder.remove();
  if (hadFocus) element.focus();
}
