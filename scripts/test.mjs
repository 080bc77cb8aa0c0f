// `npm test`: every check, in order, each one running even when an earlier one failed.
// Ends with a table per step and, as the very last line, `N passed, N failed`
// (`, N skipped` when any were skipped) summed over every check. Exits 1 if anything failed.
//
// Each step is one entry in STEPS; it returns rows { label, passed, failed, skipped }.
// A step that cannot produce its own counts (crashed, timed out) counts as one failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedBrowsers } from './browsers.mjs';

process.chdir(fileURLToPath(new URL('../', import.meta.url)));
const require = createRequire(import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), 'candor-test-'));
const MINUTE = 60_000;

const STEPS = [
  { name: 'typecheck', timeout: 5 * MINUTE, run: typecheck },
  { name: 'build', timeout: 5 * MINUTE, run: buildPackage },
  { name: 'locales', timeout: 5 * MINUTE, run: (step) => countedScript(step, 'scripts/check-locales.mjs') },
  { name: 'size', timeout: 5 * MINUTE, run: (step) => countedScript(step, 'scripts/check-size.mjs') },
  { name: 'typings', timeout: 5 * MINUTE, run: (step) => countedScript(step, 'scripts/check-typings.mjs') },
  { name: 'dist', timeout: 5 * MINUTE, run: (step) => countedScript(step, 'scripts/check-dist.mjs') },
  { name: 'web-test-runner', timeout: 30 * MINUTE, run: webTestRunner },
  { name: 'demo', timeout: 10 * MINUTE, run: (step) => countedScript(step, 'scripts/check-demo.mjs') },
  { name: 'stories', timeout: 30 * MINUTE, run: storyAudit },
];

// No browser: say which and how to get one, before spending time on anything else.
try {
  selectedBrowsers();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  finish([{ label: 'browsers found', passed: 0, failed: 1, skipped: 0, seconds: 0 }]);
}

const rows = [];
for (const step of STEPS) {
  console.log(`\n── ${step.name} ──`);
  const started = performance.now();
  let stepRows;
  try {
    stepRows = await step.run(step);
  } catch (error) {
    console.error(`${step.name}: ${error instanceof Error ? error.message : error}`);
    stepRows = [{ label: step.name, passed: 0, failed: 1, skipped: 0 }];
  }
  const seconds = (performance.now() - started) / 1000;
  stepRows.forEach((row, index) => rows.push({ ...row, seconds: index === stepRows.length - 1 ? seconds : undefined }));
}
finish(rows);

/** Strict typecheck of everything tsconfig.json includes: one test. */
async function typecheck({ timeout }) {
  const { code } = await run(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], { timeout });
  if (code === 0) console.log('typecheck: no errors');
  return [{ label: 'typecheck', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }];
}

/** `npm run build` (library, candor.js, declarations, with its own consistency checks): one test. */
async function buildPackage({ timeout }) {
  const { code, signal } = await run(process.execPath, ['scripts/build.mjs'], { timeout });
  const ok = code === 0;
  return [{ label: ok ? 'build' : `build (${describeExit(code, signal)})`, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 }];
}

/** The @web/test-runner suite in every selected engine; counts from scripts/totals-reporter.mjs. */
async function webTestRunner({ timeout }) {
  const totalsFile = join(scratch, 'wtr.json');
  // Through node: npm may install the `wtr` link without its executable bit.
  const bin = 'node_modules/@web/test-runner/dist/bin.js';
  const { code, signal } = await run(process.execPath, [bin], { timeout, env: { CANDOR_TOTALS_FILE: totalsFile } });
  const byEngine = readJson(totalsFile);
  if (!byEngine) {
    return [{ label: `web-test-runner (${describeExit(code, signal)}, no results)`, passed: 0, failed: 1, skipped: 0 }];
  }
  const result = Object.entries(byEngine).map(([engine, counts]) => ({ label: `wtr ${engine}`, ...counts }));
  if (code !== 0 && result.every((row) => row.failed === 0)) {
    result.push({ label: `web-test-runner ${describeExit(code, signal)}`, passed: 0, failed: 1, skipped: 0 });
  }
  return result;
}

/** scripts/audit-stories.mjs: every story × theme × direction, audited by axe in Chromium. */
function storyAudit(step) {
  return countedScript(step, 'scripts/audit-stories.mjs', 'stories (chromium)');
}

/**
 * Runs a check script that writes `{ "<step name>": { passed, failed, skipped } }` to the file
 * named by CANDOR_TOTALS_FILE and exits non-zero when anything failed.
 */
async function countedScript({ name, timeout }, script, label = name) {
  const totalsFile = join(scratch, `${name}.json`);
  const { code, signal } = await run(process.execPath, [script], { timeout, env: { CANDOR_TOTALS_FILE: totalsFile } });
  const counts = readJson(totalsFile)?.[name];
  if (!counts) return [{ label: `${label} (${describeExit(code, signal)}, no results)`, passed: 0, failed: 1, skipped: 0 }];
  const result = [{ label, ...counts }];
  if (code !== 0 && counts.failed === 0) {
    result.push({ label: `${label} ${describeExit(code, signal)}`, passed: 0, failed: 1, skipped: 0 });
  }
  return result;
}

/** Prints the table and the totals line (always the last line), then exits. */
function finish(allRows) {
  rmSync(scratch, { recursive: true, force: true });
  const sum = (key) => allRows.reduce((total, row) => total + row[key], 0);
  const width = Math.max(12, ...allRows.map((row) => row.label.length));
  const cell = (value) => String(value).padStart(7);
  console.log(`\n${'check'.padEnd(width)} ${cell('passed')} ${cell('failed')} ${cell('skipped')}    time`);
  for (const row of allRows) {
    const time = row.seconds === undefined ? '' : `${row.seconds.toFixed(1).padStart(6)} s`;
    console.log(`${row.label.padEnd(width)} ${cell(row.passed)} ${cell(row.failed)} ${cell(row.skipped)} ${time}`);
  }
  const [passed, failed, skipped] = [sum('passed'), sum('failed'), sum('skipped')];
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

function run(command, args, { timeout, env = {} }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env }, timeout });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
}

function describeExit(code, signal) {
  return signal ? `stopped by ${signal}` : `exit ${code}`;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
