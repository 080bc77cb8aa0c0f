import { expect, waitUntil } from '@open-wc/testing';
import { CandorPreferencesRequestEvent } from '../../src/events/preferences-request.js';
import { gateEmbeds, type GateEmbedsOptions } from '../../src/gating/embeds.js';
import { cleanup, freshStore, onCleanup, recordErrors, recordEvents } from '../core/fixtures/store.js';
import { expectNoAxeViolations } from '../helpers/axe.js';
import { mount, outsideRequests, settle } from './helpers.js';

const EMBED = '/test/gating/fixtures/embed.html';

/** Starts a gate that is stopped on cleanup. */
function gate(options: GateEmbedsOptions): void {
  const running = gateEmbeds(options);
  onCleanup(() => running.stop());
}

function video(purpose = 'functional', source = EMBED): string {
  return `<iframe data-candor-src="${source}" data-candor-purpose="${purpose}" title="Product tour video" width="400" height="225"></iframe>`;
}

function parts(root: ParentNode) {
  const placeholder = root.querySelector<HTMLElement>('.candor-embed');
  return {
    placeholder,
    iframe: root.querySelector('iframe')!,
    allow: root.querySelector<HTMLButtonElement>('.candor-embed-allow'),
    choices: root.querySelector<HTMLAnchorElement>('.candor-embed-choices'),
    text: root.querySelector('.candor-embed-text')?.textContent,
  };
}

describe('gateEmbeds', () => {
  afterEach(cleanup);
  after(() => expect(outsideRequests()).to.deep.equal([]));

  describe('accessibility', () => {
    it('puts a labelled placeholder that says what loading shares before the held-back iframe', async () => {
      const { store } = freshStore();
      const root = mount(video());
      gate({ store, root });
      const { placeholder, iframe, allow, choices, text } = parts(root);
      expect(placeholder).to.exist;
      expect(placeholder!.nextElementSibling).to.equal(iframe);
      expect(placeholder!.getAttribute('role')).to.equal('group');
      const label = document.getElementById(placeholder!.getAttribute('aria-labelledby')!);
      expect(label?.textContent).to.equal('Product tour video');
      const host = location.hostname;
      expect(text).to.equal(
        `Loading this content from ${host} shares your IP address, details of your browser and the address of this page with ${host}, which may also store cookies on your device.`,
      );
      expect(allow!.textContent).to.equal('Allow Preferences, then load');
      expect(allow!.type).to.equal('button');
      expect(choices!.textContent).to.equal('Privacy choices');
      expect(iframe.hasAttribute('src')).to.equal(false);
      expect(getComputedStyle(iframe).display).to.equal('none');
      expect(placeholder!.getBoundingClientRect().width).to.equal(400);
      await expectNoAxeViolations(root);
    });

    it('names the placeholder after the site when the iframe has no title', async () => {
      const { store } = freshStore();
      const root = mount(`<iframe data-candor-src="${EMBED}" data-candor-purpose="functional analytics"></iframe>`);
      gate({ store, root });
      const { placeholder, allow } = parts(root);
      const label = document.getElementById(placeholder!.getAttribute('aria-labelledby')!);
      expect(label?.textContent).to.equal(`Content from ${location.hostname}`);
      expect(allow!.textContent).to.equal('Allow Preferences and Analytics, then load');
      await expectNoAxeViolations(root);
    });

    it('moves focus to the iframe when the button that loaded it had focus', async () => {
      const { store } = freshStore();
      const root = mount(video());
      gate({ store, root });
      const { allow, iframe } = parts(root);
      allow!.focus();
      allow!.click();
      expect(document.activeElement).to.equal(iframe);
    });
  });

  describe('loading', () => {
    it('grants the purpose from the button, as the visitor\'s choice, and loads the iframe', async () => {
      const { store } = freshStore();
      const root = mount(video());
      gate({ store, root });
      const changes = recordEvents(document, 'candor-consent-change');
      const { allow, iframe } = parts(root);
      const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
      allow!.click();
      expect(store.isGranted('functional')).to.equal(true);
      expect(store.isGranted('analytics')).to.equal(false);
      expect(store.record?.source).to.equal('preferences');
      expect(changes).to.have.length(1);
      expect(iframe.getAttribute('src')).to.equal(EMBED);
      expect(iframe.hasAttribute('data-candor-src')).to.equal(false);
      expect(parts(root).placeholder).to.equal(null);
      expect(getComputedStyle(iframe).display).to.not.equal('none');
      await loaded;
      expect(iframe.contentDocument?.title).to.equal('Embedded content');
    });

    it('loads when the purpose is granted anywhere else, and at once when already granted', () => {
      const { store } = freshStore();
      const root = mount(video());
      gate({ store, root });
      expect(parts(root).placeholder).to.exist;
      store.set({ functional: true });
      expect(parts(root).placeholder).to.equal(null);
      expect(parts(root).iframe.getAttribute('src')).to.equal(EMBED);

      const second = mount(video());
      gate({ store, root: second });
      expect(parts(second).placeholder).to.equal(null);
      expect(parts(second).iframe.getAttribute('src')).to.equal(EMBED);
    });

    it('needs every purpose it names', () => {
      const { store } = freshStore();
      const root = mount(video('functional analytics'));
      gate({ store, root });
      store.set({ functional: true });
      expect(parts(root).iframe.hasAttribute('src')).to.equal(false);
      parts(root).allow!.click();
      expect(store.isGranted('analytics')).to.equal(true);
      expect(parts(root).iframe.getAttribute('src')).to.equal(EMBED);
    });

    it('holds back iframes added later', async () => {
      const { store } = freshStore();
      const root = mount('');
      gate({ store, root });
      root.insertAdjacentHTML('beforeend', video());
      await waitUntil(() => parts(root).placeholder !== null, 'a placeholder appears');
      expect(parts(root).iframe.hasAttribute('src')).to.equal(false);
    });

    it('removes the placeholder of an iframe the page removed', async () => {
      const { store } = freshStore();
      const root = mount(video());
      gate({ store, root });
      parts(root).iframe.remove();
      await waitUntil(() => parts(root).placeholder === null, 'the placeholder goes');
    });

    it('refuses a data-candor-src that is not http(s) or relative, and never loads it', async () => {
      const { store } = freshStore();
      const errors = recordErrors();
      const root = mount(video('functional', "javascript:parent.gatingLog=['ran']"));
      gate({ store, root });
      store.acceptAll();
      await settle();
      expect(parts(root).placeholder).to.equal(null);
      expect(parts(root).iframe.hasAttribute('src')).to.equal(false);
      expect(window.gatingLog).to.equal(undefined);
      expect(errors).to.deep.equal([
        `Candor: data-candor-src "javascript:parent.gatingLog=['ran']" is not an http(s) or relative URL; the <iframe> is not loaded.`,
      ]);
    });
  });

  describe('privacy choices', () => {
    it('asks for the privacy center at the purpose, and stays on the page when a panel answers', () => {
      const { store } = freshStore({ policy: { version: '1', url: '/privacy', purposes: ['necessary', 'functional'] } });
      const root = mount(video());
      gate({ store, root });
      const requests: Array<{ detail: CandorPreferencesRequestEvent['detail']; origin: EventTarget | undefined }> = [];
      // What a panel does: take the request, and say so by preventing its default.
      const answer = (event: CandorPreferencesRequestEvent) => {
        requests.push({ detail: event.detail, origin: event.composedPath()[0] });
        event.preventDefault();
      };
      document.addEventListener('candor-preferences-request', answer);
      onCleanup(() => document.removeEventListener('candor-preferences-request', answer));
      const { choices } = parts(root);
      expect(choices!.getAttribute('href')).to.equal('/privacy');
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      choices!.dispatchEvent(click);
      expect(requests).to.have.length(1);
      expect(requests[0].detail).to.deep.equal({ storeKey: store.key, section: 'functional' });
      expect(requests[0].origin === choices, 'dispatched from the link, so focus returns to it').to.equal(true);
      expect(click.defaultPrevented).to.equal(true);
    });
  });
});
