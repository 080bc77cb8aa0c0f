// The demo page's script: the script-tag entry, then a short report of what it registered.
import '../src/auto.js';

const registered = [
  'candor-banner',
  'candor-preferences',
  'candor-why',
  'candor-feedback',
].filter((tag) => customElements.get(tag));

const elements = document.querySelector('#elements');
if (elements && registered.length) elements.textContent = registered.map((tag) => `<${tag}>`).join(', ');

const locale = document.querySelector('#locale');
if (locale) {
  locale.textContent =
    new Intl.DisplayNames([document.documentElement.lang], { type: 'language' }).of(document.documentElement.lang) ??
    document.documentElement.lang;
}
