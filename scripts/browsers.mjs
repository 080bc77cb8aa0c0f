// Finds the browsers the test suites drive. Nothing here downloads a browser: the
// machine's own Chromium and Firefox ESR are used (see README, "Testing").
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chromium: {
    env: 'CHROME_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    install: 'On Debian/Ubuntu: sudo apt-get install chromium. Or set CHROME_PATH to a Chrome or Chromium executable.',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    install: 'On Debian/Ubuntu: sudo apt-get install firefox-esr. Or set FIREFOX_PATH to a Firefox executable.',
  },
};

export const ENGINES = Object.keys(CANDIDATES);

/** The path of one engine's executable, or undefined when none is installed. */
export function findBrowser(engine) {
  const { env, paths } = CANDIDATES[engine];
  const fromEnv = process.env[env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return paths.find((path) => existsSync(path));
}

/**
 * The engines this run uses: all of them, or those named in CANDOR_BROWSERS
 * ("chromium", "firefox", comma-separated). Throws a message that says what is missing
 * and how to get it, so a test run never silently drops an engine.
 */
export function selectedBrowsers() {
  const wanted = (process.env.CANDOR_BROWSERS ?? ENGINES.join(','))
    .split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !ENGINES.includes(name));
  if (unknown.length) {
    throw new Error(`CANDOR_BROWSERS names unknown engine(s) ${unknown.join(', ')}; use ${ENGINES.join(' and/or ')}.`);
  }
  const found = [];
  const missing = [];
  for (const engine of wanted) {
    const path = findBrowser(engine);
    if (path) found.push({ engine, path });
    else missing.push(engine);
  }
  if (missing.length) {
    const lines = missing.map((engine) => {
      const { env, install } = CANDIDATES[engine];
      const bad = process.env[env] ? ` (${env}=${process.env[env]} does not exist)` : '';
      return `  - ${engine}${bad}: ${install}`;
    });
    throw new Error(
      `No browser found for: ${missing.join(', ')}.\n${lines.join('\n')}\n` +
      `To run only the engines you have, set CANDOR_BROWSERS (e.g. CANDOR_BROWSERS=chromium npm test).`,
    );
  }
  return found;
}

/** Flags that keep Chromium quiet and offline-safe (no background calls to outside hosts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
