// Writes the run's test counts (per engine and in all) to CANDOR_TOTALS_FILE so that
// scripts/test.mjs can print one totals line for every check it ran.
import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, totals);
}

export function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const byEngine = {};
      for (const session of sessions) {
        const name = session.browser.name;
        const totals = (byEngine[name] ??= { passed: 0, failed: 0, skipped: 0 });
        const before = totals.failed;
        countSuite(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && totals.failed === before) totals.failed += 1;
      }
      const file = process.env.CANDOR_TOTALS_FILE;
      if (file) writeFileSync(file, JSON.stringify(byEngine, null, 2));
    },
  };
}
