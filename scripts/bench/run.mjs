// `npm run bench`: Candor against the consent libraries people use today (issue 7). A
// benchmark, not a test: it reports numbers and asserts no timings.
//
//   node scripts/bench/run.mjs [--runs N] [--scenario desktop|phone|all] [--only a,b,…] [--no-build]
//
//   --runs N        fresh loads per page and scenario (default 15)
//   --scenario      desktop (1366×768), phone (390×844 at DPR 3, touch, 4× CPU slowdown) or all (default)
//   --only          pages by name: baseline, candor, candor-bundle, vanilla-cookieconsent, klaro,
//                   osano, tarteaucitron, scaling (default: all). The baseline always runs with
//                   banner pages, since the deltas need it.
//   --no-build      use the existing dist/ instead of running scripts/build.mjs first
//
// Builds the package, bundles bench/build/candor-bundle.js, serves the repository on
// 127.0.0.1, and drives headless Chromium (puppeteer-core, the machine's own browser).
// Prints Markdown tables to stdout (progress goes to stderr) and writes
// bench/results/latest.json and latest.md. The pages are in bench/pages/ (see bench/README.md).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from '../browsers.mjs';
import { serveStatic } from '../static-server.mjs';
import { measureBannerLoad } from './banner-load.mjs';
import { bundleCandor } from './bundle.mjs';
import { SCENARIOS } from './load.mjs';
import { PAGES, SCALING } from './pages.mjs';
import { BANNER_METRICS, deltas, ratios, SCALING_METRICS, summarizeSamples, toMarkdown } from './report.mjs';
import { ITEM_COUNTS, measureScalingLoad } from './scaling.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
process.chdir(root);

/** The whole bench stops (and its browser with it) if it runs longer than this. */
const HARD_LIMIT_MS = 3 * 60 * 60 * 1000;
setTimeout(() => {
  console.error('bench: stopped after 3 hours');
  process.exit(1);
}, HARD_LIMIT_MS).unref();

const options = parseArguments(process.argv.slice(2));
const chromium = findBrowser('chromium');
if (!chromium) {
  console.error('bench: needs Chromium. On Debian/Ubuntu: sudo apt-get install chromium; or set CHROME_PATH to a Chrome or Chromium executable.');
  process.exit(1);
}

if (options.build) {
  progress('building the package (scripts/build.mjs)…');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', process.stderr, process.stderr] });
  if (built.status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}
const bannerPages = PAGES.filter((page) => options.only.has(page.name) || (page.name === 'baseline' && PAGES.some((other) => other.name !== 'baseline' && options.only.has(other.name))));
if (bannerPages.some((page) => page.name === 'candor-bundle')) await bundleCandor(root);

const served = await serveStatic(root);
const server = { url: served.url, root };
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
let exitCode = 0;
try {
  const results = {
    date: new Date().toISOString(),
    machine: await describeMachine(browser),
    runs: options.runs,
    scenarios: {},
    notes: PAGES.filter((page) => page.note && bannerPages.includes(page)).map((page) => `**${page.label}**: ${page.note}.`),
  };
  for (const scenarioName of options.scenarios) {
    const scenario = SCENARIOS[scenarioName];
    const entry = { label: scenario.label };
    if (bannerPages.length) Object.assign(entry, await runBannerPages(scenarioName, scenario));
    if (options.only.has(SCALING)) entry.scaling = await runScaling(scenarioName, scenario);
    results.scenarios[scenarioName] = entry;
  }
  const markdown = toMarkdown(results);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench/results/latest.md', `${markdown}\n`);
  console.log(markdown);
  progress('written: bench/results/latest.json, bench/results/latest.md');
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await browser.close();
  await served.close();
}
process.exit(exitCode);

/** Every selected page `runs` times; the order rotates each run so no page always goes first. */
async function runBannerPages(scenarioName, scenario) {
  const state = bannerPages.map((page) => ({ page, samples: [], errors: [] }));
  for (let run = 0; run < options.runs; run += 1) {
    const order = state.slice(run % state.length).concat(state.slice(0, run % state.length));
    const line = [];
    for (const entry of order) {
      try {
        entry.samples.push(await measureBannerLoad(browser, server, scenario, entry.page, { keepStored: entry.samples.length === 0 }));
        line.push(`${entry.page.name} ✓`);
      } catch (error) {
        entry.errors.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
        line.push(`${entry.page.name} ✗`);
      }
    }
    progress(`${scenarioName} run ${run + 1}/${options.runs}: ${line.join(', ')}`);
  }
  const pages = state.map(({ page, samples, errors }) => ({
    name: page.name,
    label: page.label,
    file: `bench/pages/${page.file}`,
    candor: Boolean(page.candor),
    anchor: Boolean(page.anchor),
    note: page.note,
    files: samples[0]?.files ?? [],
    offOrigin: [...new Set(samples.flatMap((sample) => sample.offOrigin))],
    problems: [...new Set(samples.flatMap((sample) => sample.problems))],
    storedAfterReject: samples[0]?.stored,
    errors,
    summary: samples.length ? summarizeSamples(samples, BANNER_METRICS) : null,
    samples: samples.map(({ files, offOrigin, stored, problems, ...numbers }) => numbers),
  }));
  const baseline = pages.find((page) => page.name === 'baseline');
  for (const page of pages) if (baseline && page !== baseline) page.overBaseline = deltas(page, baseline);
  return { pages, ratios: ratios(pages, baseline) };
}

async function runScaling(scenarioName, scenario) {
  const rows = ITEM_COUNTS.map((items) => ({ items, samples: [], errors: [] }));
  for (let run = 0; run < options.runs; run += 1) {
    for (const row of rows) {
      try {
        row.samples.push(await measureScalingLoad(browser, server, scenario, row.items));
      } catch (error) {
        row.errors.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
      }
    }
    progress(`${scenarioName} scaling run ${run + 1}/${options.runs}: ${rows.map((row) => `${row.items} ${row.errors.length ? '✗' : '✓'}`).join(', ')}`);
  }
  const empty = rows.find((row) => row.items === 0);
  return rows.map((row) => {
    const summary = row.samples.length ? summarizeSamples(row.samples, SCALING_METRICS) : null;
    const heap = summary?.heapBytes.median;
    const base = empty?.samples.length ? summarizeSamples(empty.samples, SCALING_METRICS).heapBytes.median : null;
    return {
      items: row.items,
      errors: row.errors,
      problems: [...new Set(row.samples.flatMap((sample) => sample.problems))],
      summary,
      heapPerItemBytes: row.items && heap != null && base != null ? (heap - base) / row.items : null,
      samples: row.samples.map(({ problems, ...numbers }) => numbers),
    };
  });
}

async function describeMachine(browserInstance) {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown CPU',
    cores: processors.length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    os: `${type()} ${release()}`,
    browser: (await browserInstance.version()).replace('HeadlessChrome', 'Chromium (headless)'),
    node: process.version,
    loadAverage: loadavg().map((value) => value.toFixed(2)).join(' '),
  };
}

function parseArguments(args) {
  const parsed = { runs: 15, scenarios: ['desktop', 'phone'], only: new Set([...PAGES.map((page) => page.name), SCALING]), build: true };
  const known = new Set([...PAGES.map((page) => page.name), SCALING]);
  const value = (index) => {
    const [name, inline] = args[index].split('=');
    if (inline !== undefined) return [inline, index];
    if (index + 1 >= args.length) usage(`${name} needs a value`);
    return [args[index + 1], index + 1];
  };
  for (let index = 0; index < args.length; index += 1) {
    const flag = args[index].split('=')[0];
    if (flag === '--runs') {
      const [text, next] = value(index);
      parsed.runs = Number(text);
      if (!Number.isInteger(parsed.runs) || parsed.runs < 1) usage('--runs needs a whole number ≥ 1');
      index = next;
    } else if (flag === '--scenario') {
      const [text, next] = value(index);
      if (text === 'all') parsed.scenarios = ['desktop', 'phone'];
      else if (text in SCENARIOS) parsed.scenarios = [text];
      else usage(`--scenario is desktop, phone or all, not "${text}"`);
      index = next;
    } else if (flag === '--only') {
      const [text, next] = value(index);
      const names = text.split(',').map((name) => name.trim()).filter(Boolean);
      const unknown = names.filter((name) => !known.has(name));
      if (unknown.length || !names.length) usage(`--only takes ${[...known].join(', ')}`);
      parsed.only = new Set(names);
      index = next;
    } else if (flag === '--no-build') {
      parsed.build = false;
    } else if (flag === '--help' || flag === '-h') {
      usage();
    } else {
      usage(`unknown argument ${args[index]}`);
    }
  }
  return parsed;
}

function usage(problem) {
  if (problem) console.error(`bench: ${problem}`);
  console.error('usage: node scripts/bench/run.mjs [--runs N] [--scenario desktop|phone|all] [--only candor,klaro,…,scaling] [--no-build]');
  process.exit(problem ? 2 : 0);
}

function progress(message) {
  process.stderr.write(`bench: ${message}\n`);
}
