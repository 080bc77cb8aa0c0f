// @web/test-runner: every browser test runs in each engine found by scripts/browsers.mjs
// (Chromium and Firefox ESR by default; CANDOR_BROWSERS limits the set).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import * as puppeteer from 'puppeteer-core';
import { selectedBrowsers, CHROMIUM_ARGS } from './scripts/browsers.mjs';
import { totalsReporter } from './scripts/totals-reporter.mjs';
import { pagesPlugin } from './scripts/wtr-pages-plugin.mjs';
import { hardeningPlugin } from './scripts/wtr-hardening-plugin.mjs';
import { minifyLiteralsWtr } from './scripts/minify-literals.mjs';

function launcherFor({ engine, path }) {
  if (engine === 'chromium') {
    return chromeLauncher({
      launchOptions: { executablePath: path, headless: true, args: CHROMIUM_ARGS },
    });
  }
  // Firefox is driven over WebDriver BiDi through puppeteer-core. chromeLauncher takes the
  // puppeteer instance to use, so no second launcher package (and no browser download) is needed.
  return chromeLauncher({
    puppeteer: puppeteer.default ?? puppeteer,
    launchOptions: { browser: 'firefox', executablePath: path, headless: true },
  });
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // Two cores on the reference machine: one file at a time per engine keeps timings honest.
  concurrency: 1,
  concurrentBrowsers: 2,
  browsers: selectedBrowsers().map(launcherFor),
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  // Coverage comes from V8 over the Chrome DevTools Protocol, so only the Chromium sessions
  // report it (the launcher skips it for Firefox, which speaks WebDriver BiDi). Every test
  // runs in Chromium, so its coverage is the whole suite's. The thresholds sit a little
  // under today's figures so that code added without tests fails the run.
  coverage: process.env.CANDOR_COVERAGE !== '0',
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/locales/**', 'node_modules/**'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
    threshold: { statements: 90, branches: 80, functions: 85, lines: 90 },
  },
  // src/ templates minified as they ship (before esbuild compiles the TypeScript, which
  // follows the inline source map back to the original for errors and coverage).
  plugins: [minifyLiteralsWtr(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), pagesPlugin(), hardeningPlugin()],
  // A real page (lang and title) so axe judges our elements, not the runner's blank page.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Candor tests</title></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  // Lit's dev-mode notice is printed once per file and says nothing about the test.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), totalsReporter()],
};
