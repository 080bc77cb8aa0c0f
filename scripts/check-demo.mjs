// The demo's own checks (node:test): the example backend's HTTP API (test/demo/backend.test.mjs)
// and one end-to-end run of the real demo server in headless Chromium (test/demo/e2e.test.mjs).
//
//   node scripts/check-demo.mjs
//   CANDOR_TOTALS_FILE=path   also writes {"demo": {passed, failed, skipped}} there
//
// Prints each test as it finishes and every failure in full at the end; exits 1 if anything
// failed. Each test file stops the servers it starts (the demo server also stops by itself
// when the test process that started it goes away).
import { writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = fileURLToPath(new URL('../', import.meta.url));
process.chdir(root);

const FILES = ['test/demo/backend.test.mjs', 'test/demo/e2e.test.mjs'];
const totals = { passed: 0, failed: 0, skipped: 0 };

const stream = run({ files: FILES, concurrency: 1, timeout: 180_000 });
// Suites are containers: count the tests in them. A file that fails to load counts as one failure.
stream.on('test:pass', ({ details, skip, todo }) => {
  if (details?.type === 'suite') return;
  if (skip !== undefined || todo !== undefined) totals.skipped += 1;
  else totals.passed += 1;
});
stream.on('test:fail', ({ details }) => {
  if (details?.type === 'suite') return;
  totals.failed += 1;
});
const reporter = stream.compose(spec);
reporter.pipe(process.stdout, { end: false });
await finished(reporter);

const file = process.env.CANDOR_TOTALS_FILE;
if (file) writeFileSync(file, JSON.stringify({ demo: totals }, null, 2));
const total = totals.passed + totals.failed + totals.skipped;
console.log(
  `demo: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}` +
    (total === 0 ? ' (no test ran: is something missing?)' : ''),
);
process.exitCode = totals.failed > 0 || total === 0 ? 1 : 0;
