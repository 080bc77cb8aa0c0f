// Summaries (median and p90 per metric) and the Markdown the bench prints and saves.

/** Median and 90th percentile (nearest rank) of the numbers in `values`. */
export function summarize(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return { n: 0, median: null, p90: null };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)];
  return { n: sorted.length, median, p90 };
}

/** The metrics of a banner page load, in table order. */
export const BANNER_METRICS = {
  requests: { label: 'requests', format: count },
  rawBytes: { label: 'raw', format: bytes },
  gzipBytes: { label: 'gzip -9', format: bytes },
  brotliBytes: { label: 'brotli 11', format: bytes },
  receivedBytes: { label: 'received', format: bytes },
  fcpMs: { label: 'first paint', format: ms },
  acceptVisibleMs: { label: 'Accept all visible', format: ms },
  longTaskMs: { label: 'long tasks', format: ms },
  blockingMs: { label: 'blocking > 50 ms', format: ms },
  cls: { label: 'CLS', format: (value) => value.toFixed(3) },
  heapBytes: { label: 'JS heap', format: bytes },
  scriptMs: { label: 'script time', format: ms },
  rejectDoneMs: { label: 'Reject all → hidden + stored', format: ms },
  rejectPersistedMs: { label: 'Reject all → stored', format: ms },
};

export const SCALING_METRICS = {
  upgradeMs: { label: 'upgrade all', format: ms },
  readyMs: { label: 'all rendered (from navigation)', format: ms },
  heapBytes: { label: 'JS heap', format: bytes },
  whyOpenMs: { label: '"Why?" popover open', format: ms },
  feedbackOpenMs: { label: 'feedback reasons open', format: ms },
  longTaskMs: { label: 'long tasks', format: ms },
};

/** Per-metric summaries of a list of samples (array-valued metrics are pooled). */
export function summarizeSamples(samples, metrics) {
  return Object.fromEntries(Object.keys(metrics).map((key) => [key, summarize(samples.flatMap((sample) => sample[key] ?? []))]));
}

/** Metrics whose ratio is taken over the cost above the empty page (the page itself is not the library's). */
const RATIO_OVER_BASELINE = ['gzipBytes', 'brotliBytes', 'heapBytes', 'scriptMs', 'longTaskMs'];
const RATIO_METRICS = ['gzipBytes', 'brotliBytes', 'acceptVisibleMs', 'longTaskMs', 'heapBytes', 'scriptMs', 'rejectDoneMs'];

/** Candor ÷ anchor for each pair, from medians (over the baseline where RATIO_OVER_BASELINE says so). */
export function ratios(pages, baseline) {
  const rows = [];
  const candors = pages.filter((page) => page.candor && page.summary);
  const anchors = pages.filter((page) => page.anchor && page.summary);
  for (const candor of candors) {
    for (const anchor of anchors) {
      const row = { candor: candor.name, anchor: anchor.name };
      for (const key of RATIO_METRICS) {
        const base = RATIO_OVER_BASELINE.includes(key) ? (baseline?.summary?.[key]?.median ?? null) : 0;
        const mine = candor.summary[key]?.median;
        const theirs = anchor.summary[key]?.median;
        row[key] = base === null || mine == null || theirs == null || theirs - base <= 0 ? null : (mine - base) / (theirs - base);
      }
      rows.push(row);
    }
  }
  return rows;
}

/** Median minus the baseline's median, per metric. */
export function deltas(page, baseline) {
  const keys = ['gzipBytes', 'brotliBytes', 'requests', 'heapBytes', 'scriptMs', 'longTaskMs', 'cls'];
  return Object.fromEntries(
    keys.map((key) => {
      const mine = page.summary?.[key]?.median;
      const base = baseline?.summary?.[key]?.median;
      return [key, mine == null || base == null ? null : mine - base];
    }),
  );
}

/** The whole report as Markdown. */
export function toMarkdown(results) {
  const lines = [];
  const { machine } = results;
  lines.push(`# Candor bench, ${results.date}`, '');
  lines.push(
    `Machine: ${machine.cpu} (${machine.cores} cores), ${machine.memory}, ${machine.os}; ${machine.browser}; Node ${machine.node}. ` +
      `Load average at start: ${machine.loadAverage}.`,
    '',
  );
  lines.push(
    `${results.runs} fresh loads per page and scenario (new incognito context each: empty cache, no storage), ` +
      'pages served from 127.0.0.1 without compression; medians, with p90 in brackets. ' +
      'Byte sizes are those of the files each page loaded, compressed here with gzip -9 and brotli 11.',
    '',
  );
  for (const [scenarioName, scenario] of Object.entries(results.scenarios)) {
    if (scenario.pages?.length) lines.push(...bannerTables(scenarioName, scenario));
    if (scenario.scaling?.length) lines.push(...scalingTable(scenarioName, scenario));
  }
  lines.push(...definitions(results));
  return lines.join('\n');
}

function bannerTables(scenarioName, scenario) {
  const lines = [`## ${scenario.label}`, ''];
  const pages = scenario.pages;
  const baseline = pages.find((page) => page.name === 'baseline');
  const cell = (page, key, withP90 = true) => {
    const summary = page.summary?.[key];
    if (!summary || summary.median === null) return '–';
    const { format } = BANNER_METRICS[key];
    return withP90 && summary.p90 !== summary.median ? `${format(summary.median)} (${format(summary.p90)})` : format(summary.median);
  };
  const name = (page) => `${page.label}${page.errors.length ? ` ⚠ ${page.errors.length} failed` : ''}`;

  lines.push('### What each page loads', '');
  lines.push(...table(['page', 'requests', 'raw', 'gzip -9', 'brotli 11', 'received'], pages.map((page) => [
    name(page), cell(page, 'requests', false), cell(page, 'rawBytes', false), cell(page, 'gzipBytes', false), cell(page, 'brotliBytes', false), cell(page, 'receivedBytes', false),
  ])), '');

  lines.push('### Timings and memory: median (p90)', '');
  lines.push(...table(['page', 'Accept all visible', 'long tasks', 'blocking > 50 ms', 'CLS', 'JS heap', 'script time', 'Reject all → stored', 'Reject all → hidden + stored'], pages.map((page) => [
    name(page), cell(page, 'acceptVisibleMs'), cell(page, 'longTaskMs'), cell(page, 'blockingMs'), cell(page, 'cls'), cell(page, 'heapBytes'), cell(page, 'scriptMs'), cell(page, 'rejectPersistedMs'), cell(page, 'rejectDoneMs'),
  ])), '');

  if (baseline?.summary) {
    lines.push('### Cost over the empty page: median − baseline median', '');
    const signed = (value, format) => (value === null ? '–' : `${value >= 0 ? '+' : '−'}${format(Math.abs(value))}`);
    lines.push(...table(['page', 'gzip -9', 'brotli 11', 'requests', 'JS heap', 'script time', 'long tasks', 'CLS'], pages.filter((page) => page !== baseline).map((page) => {
      const delta = deltas(page, baseline);
      return [
        page.label, signed(delta.gzipBytes, bytes), signed(delta.brotliBytes, bytes), signed(delta.requests, count),
        signed(delta.heapBytes, bytes), signed(delta.scriptMs, ms), signed(delta.longTaskMs, ms), signed(delta.cls, (value) => value.toFixed(3)),
      ];
    })), '');
  }

  const pairs = ratios(pages, baseline);
  if (pairs.length) {
    lines.push('### Candor ÷ anchor (median ratio; below 1 means Candor is smaller or faster)', '');
    lines.push('Bytes, heap, script and long-task time are compared over the empty page (the library\'s own cost); times as measured. – where the anchor costs nothing over the empty page.', '');
    const label = (pageName) => pages.find((page) => page.name === pageName)?.label ?? pageName;
    const ratio = (value) => (value === null ? '–' : `${value.toFixed(2)}×`);
    lines.push(...table(['Candor', 'anchor', 'gzip', 'brotli', 'Accept all visible', 'long tasks', 'JS heap', 'script time', 'Reject all done'], pairs.map((pair) => [
      label(pair.candor), label(pair.anchor), ratio(pair.gzipBytes), ratio(pair.brotliBytes), ratio(pair.acceptVisibleMs),
      ratio(pair.longTaskMs), ratio(pair.heapBytes), ratio(pair.scriptMs), ratio(pair.rejectDoneMs),
    ])), '');
  }
  const offOrigin = pages.filter((page) => page.offOrigin?.length);
  for (const page of offOrigin) lines.push(`⚠ ${page.label} requested other hosts: ${page.offOrigin.join(', ')}`, '');
  for (const page of pages.filter((entry) => entry.problems?.length)) {
    lines.push(`⚠ ${page.label} reported: ${page.problems.slice(0, 3).join('; ')}`, '');
  }
  for (const page of pages.filter((entry) => entry.errors.length)) {
    lines.push(`⚠ ${page.label}: ${page.errors.length} load(s) failed, e.g. ${page.errors[0]}`, '');
  }
  return lines;
}

function scalingTable(scenarioName, scenario) {
  const lines = [`### Scaling (${scenario.label}): items each with \`<candor-why>\` and \`<candor-feedback>\`, dist/candor.js`, ''];
  const empty = scenario.scaling.find((row) => row.items === 0);
  const cell = (row, key) => {
    const summary = row.summary?.[key];
    if (!summary || summary.median === null) return '–';
    const { format } = SCALING_METRICS[key];
    return summary.p90 !== summary.median ? `${format(summary.median)} (${format(summary.p90)})` : format(summary.median);
  };
  const perItem = (row) => {
    const heap = row.summary?.heapBytes?.median;
    const base = empty?.summary?.heapBytes?.median;
    return row.items === 0 || heap == null || base == null ? '–' : bytes((heap - base) / row.items);
  };
  lines.push(...table(['items', 'upgrade all', 'all rendered (from navigation)', 'JS heap', 'heap per item', '"Why?" popover open', 'feedback reasons open', 'long tasks'], scenario.scaling.map((row) => [
    `${row.items}${row.errors.length ? ` ⚠ ${row.errors.length} failed` : ''}`,
    cell(row, 'upgradeMs'), cell(row, 'readyMs'), cell(row, 'heapBytes'), perItem(row), cell(row, 'whyOpenMs'), cell(row, 'feedbackOpenMs'), cell(row, 'longTaskMs'),
  ])), '');
  for (const row of scenario.scaling.filter((entry) => entry.errors.length)) lines.push(`⚠ ${row.items} items: ${row.errors[0]}`, '');
  for (const row of scenario.scaling.filter((entry) => entry.problems?.length)) lines.push(`⚠ ${row.items} items reported: ${row.problems.slice(0, 3).join('; ')}`, '');
  return lines;
}

function definitions(results) {
  const notes = results.notes ?? [];
  return [
    '## How each number is taken',
    '',
    '- **Accept all visible**: from navigation start to the first animation frame in which the page\'s "Accept all" button is rendered, not transparent, not hidden and inside the viewport (looked up through shadow roots for Candor). A fade-in counts from its first non-transparent frame.',
    '- **long tasks**: total duration of `longtask` entries until the page settled (network idle 500 ms after the button appeared); **blocking** counts only the part of each over 50 ms.',
    '- **CLS**: sum of `layout-shift` values without recent input, until the page settled.',
    '- **JS heap**: `JSHeapUsedSize` after a forced garbage collection once the page settled; **script time**: the renderer\'s `ScriptDuration` by then.',
    '- **Reject all → stored / → hidden + stored**: a real mouse click on "Reject all"; from the click event\'s time stamp to the later of (a) the first frame in which the button is no longer visible (fade-outs count until fully transparent) and (b) the first write of the consent cookie or localStorage key, timed where the write happens. Candor replaces the question with a short confirmation in place; the anchors close their banner.',
    '- **Scaling**: *upgrade all* runs from Candor\'s first `customElements.define` to every element\'s first render (`updateComplete`); *heap per item* is (heap with N items − heap with 0 items) ÷ N; the popover and feedback times run from a real click to the first frame showing the explanation\'s headline in the open popover, or the reasons form. Five items per load (first, quarters, last), each opened once.',
    ...notes.map((note) => `- ${note}`),
    '',
  ];
}

function table(header, rows) {
  const escape = (value) => String(value).replaceAll('|', '\\|');
  return [`| ${header.map(escape).join(' | ')} |`, `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)];
}

function count(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function ms(value) {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
}

function bytes(value) {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(2)} MB`;
  if (value >= 1_000) return `${(value / 1_000).toFixed(1)} kB`;
  return `${Math.round(value)} B`;
}
