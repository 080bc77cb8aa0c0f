// The site owner view: reads GET /api/owner/summary from the example backend and draws it.
// Refreshes every 10 seconds while the page is visible and the box is ticked (the visitor can
// stop it: WCAG 2.2.2), and on "Refresh now", which alone is announced.
import { BackendClient } from './api.js';
import { BarChart, LineChart } from './charts.js';
import { el } from './dom.js';
import type { FeedbackReport, OwnerSummary, ReceiptRow } from './server/api-types.js';

const REFRESH_MS = 10_000;

/** The demo's purposes by id; another id is shown as it is. */
const PURPOSE_LABELS: Record<string, string> = {
  necessary: 'Strictly necessary',
  functional: 'Functional',
  personalization: 'Personalization',
  analytics: 'Analytics',
  advertising: 'Advertising',
};
/** Always on, so never a rate worth charting. */
const ALWAYS_ON = new Set(['necessary']);

/** The feedback element's own words for each reason. */
const REASON_LABELS: Record<FeedbackReport['reasons'][number]['reason'], string> = {
  'not-relevant': 'Not relevant to me',
  'already-have': 'I already have it or have seen it',
  'too-often': 'I see this too often',
  'wrong-about-me': 'Based on something wrong about me',
  offensive: 'Offensive or inappropriate',
  other: 'Something else',
  none: 'No reason given',
};

function required<T extends HTMLElement = HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`owner view: ${selector} is missing from owner.html`);
  return node;
}

const client = new BackendClient();
const consentChart = new LineChart('Consent rate per purpose, by period', 'Consent rate per purpose, by period');
const feedbackChart = new BarChart('Feedback answers by kind and reason', 'Feedback answers by kind and reason', 'Answers');
required('#consent-chart').append(consentChart.figure);
required('#feedback-chart').append(feedbackChart.figure);

const autoRefresh = required<HTMLInputElement>('#auto-refresh');
const refreshStatus = required('#refresh-status');
let shownKey = '';
let timer: ReturnType<typeof setTimeout> | undefined;

async function refresh({ announce }: { announce: boolean }): Promise<void> {
  clearTimeout(timer);
  try {
    const summary = await client.ownerSummary();
    required('#owner-problem').hidden = true;
    // Redrawn only when something changed, so a chart being read does not flicker.
    const { generatedAt, ...rest } = summary;
    const key = JSON.stringify(rest);
    const changed = key !== shownKey;
    if (changed) {
      shownKey = key;
      render(summary);
    }
    required('#updated').textContent = `Updated at ${time(generatedAt)}.`;
    if (announce) say(changed ? 'Updated with new data.' : 'Updated: nothing new.');
  } catch (error) {
    required('#owner-problem').hidden = false;
    required('#owner-problem-text').textContent = `The example backend did not answer (${error instanceof Error ? error.message : String(error)}). Is \`npm start\` still running?`;
  }
  schedule();
}

function schedule(): void {
  clearTimeout(timer);
  if (autoRefresh.checked && document.visibilityState === 'visible') {
    timer = setTimeout(() => void refresh({ announce: false }), REFRESH_MS);
  }
}

function say(text: string): void {
  refreshStatus.textContent = '';
  requestAnimationFrame(() => (refreshStatus.textContent = text));
}

function render(summary: OwnerSummary): void {
  const notice = required('#storage-notice');
  notice.hidden = summary.storageNotice === null;
  notice.textContent = summary.storageNotice ?? '';
  renderTotals(summary);
  renderConsent(summary);
  renderFeedback(summary.feedback);
  renderReceipts(summary.latestReceipts, summary.purposes);
}

function renderTotals(summary: OwnerSummary): void {
  const { feedback, explanationRatings: ratings } = summary;
  const rated = ratings.helpful + ratings.notHelpful;
  const entries: Array<[string, string]> = [
    ['Visitors', String(summary.visitors)],
    ['Consent receipts', String(summary.receipts)],
    ['Feedback answers', `${feedback.helpful + feedback.notHelpful} (${feedback.helpful} helpful, ${feedback.notHelpful} not helpful)`],
    ['Withdrawn with Undo', String(feedback.withdrawn)],
    ['Explanations rated helpful', rated ? `${ratings.helpful} of ${rated} (${Math.round((ratings.helpful / rated) * 100)} %)` : 'none rated yet'],
  ];
  required('#totals').replaceChildren(
    ...entries.map(([term, value]) => {
      const pair = el('div');
      pair.append(el('dt', {}, term), el('dd', {}, value));
      return pair;
    }),
  );
}

function renderConsent(summary: OwnerSummary): void {
  const { periods, periodMinutes } = summary.consentOverTime;
  const purposes = summary.purposes.filter((id) => !ALWAYS_ON.has(id));
  const labels = periods.map((period) => periodLabel(period.start, periodMinutes));
  const series = purposes.map((id) => ({
    label: purposeLabel(id),
    values: periods.map((period) => (period.visitors ? ((period.granted[id] ?? 0) / period.visitors) * 100 : null)),
  }));
  const lastMeasured = [...periods].reverse().find((period) => period.visitors > 0);
  const latest = lastMeasured
    ? series.map((entry) => `${entry.label} ${Math.round(entry.values[periods.indexOf(lastMeasured)] ?? 0)} %`).join(', ')
    : '';
  consentChart.update({
    periods: labels,
    series,
    empty: periods.length && purposes.length ? null : 'No consent decisions yet: decide in the shop’s banner, then come back.',
    summary:
      `Line chart: share of deciding visitors who allowed ${purposes.map(purposeLabel).join(', ')}, ` +
      `in ${periods.length} ${periodName(periodMinutes)} periods from ${labels[0] ?? ''} to ${labels.at(-1) ?? ''}. ` +
      (lastMeasured ? `Latest period with decisions (${periodLabel(lastMeasured.start, periodMinutes)}): ${latest}.` : ''),
  });
}

function renderFeedback(feedback: FeedbackReport): void {
  const bars = [
    { label: 'Helpful', value: feedback.helpful },
    ...feedback.reasons.map(({ reason, count }) => ({ group: 'Not helpful, because:', label: REASON_LABELS[reason], value: count })),
  ];
  const total = feedback.helpful + feedback.notHelpful;
  const top = [...feedback.reasons].sort((a, b) => b.count - a.count)[0];
  feedbackChart.update({
    bars,
    empty: total ? null : 'No feedback yet: answer “Was this helpful?” on a product in the shop, then come back.',
    summary:
      `Bar chart of ${total} feedback answers: ${feedback.helpful} helpful, ${feedback.notHelpful} not helpful` +
      (top && top.count ? `; the most given reason is “${REASON_LABELS[top.reason]}” (${top.count}).` : '.'),
  });
}

function renderReceipts(receipts: ReceiptRow[], purposes: string[]): void {
  const table = required<HTMLTableElement>('#receipts');
  required('#receipts-empty').hidden = receipts.length > 0;
  required('#receipts-scroll').hidden = receipts.length === 0;
  const head = el('tr');
  for (const title of ['Decided at', 'Receipt', 'Where', ...purposes.map(purposeLabel), 'Global Privacy Control']) {
    head.append(el('th', { scope: 'col' }, title));
  }
  const rows = receipts.map((receipt) => {
    const row = el('tr', { 'data-receipt-id': receipt.receiptId });
    row.append(
      el('th', { scope: 'row' }, dateTime(receipt.decidedAt)),
      receiptCell(receipt.receiptId),
      el('td', {}, receipt.source),
      ...purposes.map((id) =>
        el('td', { class: receipt.decisions[id] ? 'choice-on' : 'choice-off' }, id in receipt.decisions ? (receipt.decisions[id] ? 'On' : 'Off') : '—'),
      ),
      el('td', {}, receipt.gpc ? 'On' : 'Off'),
    );
    return row;
  });
  const caption = table.caption;
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  tbody.append(...rows);
  table.replaceChildren(...(caption ? [caption] : []), thead, tbody);
}

/** The start of the receipt id (enough to find it); the whole id is in the row's data-receipt-id. */
function receiptCell(receiptId: string): HTMLTableCellElement {
  const cell = el('td');
  cell.append(el('code', {}, `${receiptId.slice(0, 8)}…`));
  return cell;
}

function purposeLabel(id: string): string {
  return PURPOSE_LABELS[id] ?? id;
}

function periodName(minutes: number): string {
  if (minutes < 60) return `${minutes}-minute`;
  if (minutes < 24 * 60) return `${minutes / 60}-hour`;
  return minutes === 24 * 60 ? 'one-day' : `${minutes / (24 * 60)}-day`;
}

function periodLabel(start: string, minutes: number): string {
  const date = new Date(start);
  return minutes < 24 * 60
    ? date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

required('#refresh').addEventListener('click', () => void refresh({ announce: true }));
autoRefresh.addEventListener('change', schedule);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && autoRefresh.checked) void refresh({ announce: false });
  else schedule();
});
void refresh({ announce: false });
