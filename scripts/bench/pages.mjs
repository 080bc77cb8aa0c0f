// The pages `npm run bench` compares (bench/pages/*.html) and how to drive each one: where its
// "Accept all" and "Reject all" buttons are (a path of selectors: each one after the first is
// looked up in the previous match's shadow root) and where it persists the visitor's choice.

/** @typedef {{ kind: 'cookie' | 'storage', name: string }} Persistence */
/**
 * @typedef {object} BenchPage
 * @property {string} name         `--only` name and table row
 * @property {string} label        what the row measures
 * @property {string} file         under bench/pages/
 * @property {boolean} [candor]    a Candor page (ratios are Candor ÷ each anchor)
 * @property {boolean} [anchor]    an anchor library
 * @property {string[]} [accept]   selector path of "Accept all"
 * @property {string[]} [reject]   selector path of "Reject all"
 * @property {Persistence} [persist]
 * @property {string} [note]       said under the tables
 */

/** @type {BenchPage[]} */
/** Both Candor pages show the same banner: its buttons (through the shadow root) and where the choice lands. */
const CANDOR_BANNER = {
  candor: true,
  accept: ['candor-banner', '[part~="accept-button"]'],
  reject: ['candor-banner', '[part~="reject-button"]'],
  persist: { kind: 'storage', name: 'candor-consent' },
};

export const PAGES = [
  { name: 'baseline', label: 'empty baseline', file: 'baseline.html' },
  {
    name: 'candor',
    label: 'Candor, dist/candor.js',
    file: 'candor.html',
    ...CANDOR_BANNER,
    note: 'the script-tag build the README gives plain pages: all four elements, Lit and localization in one file',
  },
  {
    name: 'candor-bundle',
    label: 'Candor, banner + preferences bundle',
    file: 'candor-bundle.html',
    ...CANDOR_BANNER,
    note: 'candor/define/candor-banner + candor-preferences from dist/, bundled with Lit and minified by esbuild, as a site using npm ships them',
  },
  {
    name: 'vanilla-cookieconsent',
    label: 'vanilla-cookieconsent 3.1',
    file: 'vanilla-cookieconsent.html',
    anchor: true,
    accept: ['#cc-main .cm [data-role="all"]'],
    reject: ['#cc-main .cm [data-role="necessary"]'],
    persist: { kind: 'cookie', name: 'cc_cookie' },
    note: 'runs with hideFromBots off: by default it shows nothing to automated browsers such as this one',
  },
  {
    name: 'klaro',
    label: 'Klaro 0.7',
    file: 'klaro.html',
    anchor: true,
    accept: ['#klaro .cookie-notice .cm-btn-success'],
    reject: ['#klaro .cookie-notice .cn-decline'],
    persist: { kind: 'cookie', name: 'klaro' },
  },
  {
    name: 'osano',
    label: 'Osano cookieconsent 3.1',
    file: 'osano.html',
    anchor: true,
    accept: ['.cc-window .cc-allow'],
    reject: ['.cc-window .cc-deny'],
    persist: { kind: 'cookie', name: 'cookieconsent_status' },
    note: 'has no purposes and no way to choose one by one (opt-in Allow / Deny only), so it does less than the others',
  },
  {
    name: 'tarteaucitron',
    label: 'tarteaucitron 1.34',
    file: 'tarteaucitron.html',
    anchor: true,
    accept: ['#tarteaucitronPersonalize2'],
    reject: ['#tarteaucitronAllDenied2'],
    persist: { kind: 'cookie', name: 'tarteaucitron' },
    note: 'waits for the load event, then fetches its services list, English texts and CSS',
  },
];

/** The `--only` name of the scaling pages (bench/pages/scaling.html). */
export const SCALING = 'scaling';
