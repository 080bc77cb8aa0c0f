// What a site that installs Candor from npm imports for a consent banner and its privacy
// center. scripts/bench/bundle.mjs bundles it (Lit included, minified, locales split into
// lazy chunks) into bench/build/candor-bundle.js. Paths point at dist/ because the bench runs
// inside the package itself.
import '../../dist/define/candor-banner.js';
import '../../dist/define/candor-preferences.js';
