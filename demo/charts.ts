// Hand-written SVG charts for the site owner view: a line chart (a rate per series over
// periods) and a bar chart (counts by category). Each is a <figure> whose SVG has an
// accessible name summing it up, with the same numbers in a table under a disclosure.
// Series differ by dash pattern and marker shape as well as colour, so no reading depends
// on colour. Built once and updated in place, so focus on the disclosure survives a refresh;
// drawn at the width it is shown at (redrawn when that changes), so its text stays readable
// on a phone. All text goes in with textContent.

import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Drawing widths in CSS pixels: never narrower than a 320 px screen's content, never wider than 48rem. */
const MIN_WIDTH = 200;
const MAX_WIDTH = 768;

export interface LineSeries {
  label: string;
  /** One value per period, from 0 to 100; null where there was nothing to measure. */
  values: Array<number | null>;
}

export interface LineChartData {
  periods: string[];
  series: LineSeries[];
  /** The SVG's accessible name: what the chart shows and its latest values. */
  summary: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string | null;
}

export interface BarChartData {
  /** Bars in order; consecutive bars with the same `group` are shown under that group's name. */
  bars: Array<{ label: string; value: number; group?: string }>;
  summary: string;
  empty: string | null;
}

/** A figure with a caption, the chart, and a table of the same numbers. */
abstract class ChartFrame<T extends { empty: string | null }> {
  readonly figure: HTMLElement;
  protected readonly legend: HTMLUListElement;
  protected readonly drawing: HTMLElement;
  protected readonly table: HTMLTableElement;
  private readonly emptyText: HTMLParagraphElement;
  private readonly disclosure: HTMLDetailsElement;
  private data: T | null = null;
  private drawnWidth = 0;

  constructor(caption: string, tableCaption: string, className: string) {
    this.figure = el('figure', { class: `chart ${className}` });
    const figcaption = el('figcaption', { class: 'chart-caption' }, caption);
    this.legend = el('ul', { class: 'chart-legend' });
    this.drawing = el('div', { class: 'chart-drawing' });
    this.emptyText = el('p', { class: 'chart-empty muted' });
    this.disclosure = el('details', { class: 'chart-table' });
    this.disclosure.append(el('summary', {}, 'Show the numbers as a table'));
    this.table = el('table', { class: 'data-table' });
    this.table.createCaption().textContent = tableCaption;
    this.disclosure.append(this.table);
    this.figure.append(figcaption, this.legend, this.drawing, this.emptyText, this.disclosure);
    new ResizeObserver(() => {
      if (this.data && Math.abs(this.width() - this.drawnWidth) > 8) this.draw();
    }).observe(this.figure);
  }

  update(data: T): void {
    this.data = data;
    this.draw();
  }

  /** Draws the SVG (at `width` CSS pixels), the legend and the table. */
  protected abstract render(data: T, width: number): void;

  private draw(): void {
    const data = this.data!;
    const empty = data.empty !== null;
    this.emptyText.hidden = !empty;
    this.emptyText.textContent = data.empty ?? '';
    this.drawing.hidden = empty;
    this.legend.hidden = empty;
    this.disclosure.hidden = empty;
    this.drawnWidth = this.width();
    if (empty) this.drawing.replaceChildren();
    else this.render(data, this.drawnWidth);
  }

  private width(): number {
    return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, this.figure.clientWidth || MAX_WIDTH)));
  }

  protected fillTable(head: string[], rows: string[][]): void {
    const caption = this.table.caption;
    const thead = el('thead');
    const headRow = el('tr');
    for (const cell of head) headRow.append(el('th', { scope: 'col' }, cell));
    thead.append(headRow);
    const tbody = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      row.forEach((cell, index) => tr.append(index === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)));
      tbody.append(tr);
    }
    this.table.replaceChildren(...(caption ? [caption] : []), thead, tbody);
  }
}

/** Rates from 0 to 100 % per series over periods. */
export class LineChart extends ChartFrame<LineChartData> {
  constructor(caption: string, tableCaption: string) {
    super(caption, tableCaption, 'line-chart');
  }

  protected render(data: LineChartData, width: number): void {
    const height = 280;
    const area = { left: 52, right: width - 16, top: 16, bottom: height - 40 };
    const svg = svgRoot(width, height, data.summary);

    for (const percent of [0, 25, 50, 75, 100]) {
      const y = area.bottom - ((area.bottom - area.top) * percent) / 100;
      svg.append(
        svgElement('line', { class: 'grid', x1: area.left, x2: area.right, y1: y, y2: y }),
        svgElement('text', { class: 'axis-label', x: area.left - 8, y: y + 4, 'text-anchor': 'end' }, `${percent} %`),
      );
    }
    const count = data.periods.length;
    const xOf = (index: number) =>
      count === 1 ? (area.left + area.right) / 2 : area.left + 16 + ((area.right - area.left - 32) * index) / (count - 1);
    // About one time label per 80 px, always the last one.
    const labelEvery = Math.ceil(count / Math.max(2, Math.floor((area.right - area.left) / 80)));
    data.periods.forEach((period, index) => {
      if (index % labelEvery !== 0 && index !== count - 1) return;
      if (index !== count - 1 && count - 1 - index < labelEvery / 2) return;
      svg.append(svgElement('text', { class: 'axis-label', x: xOf(index), y: area.bottom + 22, 'text-anchor': 'middle' }, period));
    });

    data.series.forEach((series, index) => {
      const style = index % MARKERS.length;
      const group = svgElement('g', { class: `series series-${style + 1}` });
      // Series a few pixels apart, so equal values (often 0 % or 100 %) stay visible side by side.
      const nudge = (index - (data.series.length - 1) / 2) * 6;
      const points = series.values.map((value, period) =>
        value === null ? null : { x: xOf(period) + nudge, y: area.bottom - ((area.bottom - area.top) * value) / 100 },
      );
      // A gap where a period had no decisions: the line stops rather than inventing a value.
      let run: string[] = [];
      const flush = () => {
        if (run.length > 1) group.append(svgElement('polyline', { class: 'line', points: run.join(' '), 'stroke-dasharray': DASHES[style]! }));
        run = [];
      };
      for (const point of points) {
        if (point) run.push(`${point.x.toFixed(1)},${point.y.toFixed(1)}`);
        else flush();
      }
      flush();
      for (const point of points) if (point) group.append(marker(style, point.x, point.y));
      svg.append(group);
    });
    this.drawing.replaceChildren(svg);

    this.legend.replaceChildren(
      ...data.series.map((series, index) => {
        const style = index % MARKERS.length;
        const item = el('li', { class: `legend-item series-${style + 1}` });
        const key = svgRoot(36, 16, null);
        key.append(
          svgElement('line', { class: 'line', x1: 2, x2: 34, y1: 8, y2: 8, 'stroke-dasharray': DASHES[style]! }),
          marker(style, 18, 8),
        );
        item.append(key, document.createTextNode(series.label));
        return item;
      }),
    );

    this.fillTable(
      ['Period', ...data.series.map((series) => series.label)],
      data.periods.map((period, row) => [
        period,
        ...data.series.map((series) => {
          const value = series.values[row];
          return value === null || value === undefined ? 'no decisions' : `${Math.round(value)} %`;
        }),
      ]),
    );
  }
}

/** Counts by category, one horizontal bar each; on a narrow screen each label sits above its bar. */
export class BarChart extends ChartFrame<BarChartData> {
  constructor(
    caption: string,
    tableCaption: string,
    private readonly valueHeading: string,
  ) {
    super(caption, tableCaption, 'bar-chart');
  }

  protected render(data: BarChartData, width: number): void {
    this.legend.hidden = true;
    const stacked = width < 520;
    const labelWidth = stacked ? 0 : Math.min(280, Math.round(width * 0.45));
    const line = 24;
    const barHeight = 20;
    const max = Math.max(1, ...data.bars.map((bar) => bar.value));
    const barSpace = width - labelWidth - 48;
    const parts: SVGElement[] = [];
    let y = 4;
    let group: string | undefined;
    for (const bar of data.bars) {
      if (bar.group !== undefined && bar.group !== group) {
        parts.push(svgElement('text', { class: 'bar-group', x: 0, y: y + 17 }, bar.group));
        y += line + 4;
      }
      group = bar.group;
      if (stacked) {
        parts.push(svgElement('text', { class: 'bar-label', x: 0, y: y + 17 }, bar.label));
        y += line;
      } else {
        parts.push(svgElement('text', { class: 'bar-label', x: labelWidth - 10, y: y + 19, 'text-anchor': 'end' }, bar.label));
      }
      const length = (barSpace * bar.value) / max;
      parts.push(
        svgElement('rect', { class: 'bar', x: labelWidth, y: y + 4, width: Math.max(length, bar.value > 0 ? 2 : 0), height: barHeight, rx: 3 }),
        svgElement('text', { class: 'bar-value', x: labelWidth + length + 8, y: y + 19 }, String(bar.value)),
      );
      y += barHeight + 12;
    }
    const svg = svgRoot(width, y + 4, data.summary);
    svg.append(svgElement('line', { class: 'baseline', x1: labelWidth, x2: labelWidth, y1: 0, y2: y + 4 }), ...parts);
    this.drawing.replaceChildren(svg);
    this.fillTable(
      ['Answer', this.valueHeading],
      data.bars.map((bar) => [bar.group ? `${bar.group} ${bar.label}` : bar.label, String(bar.value)]),
    );
  }
}

const DASHES = ['none', '8 4', '2 4', '12 4 2 4'];
const MARKERS = ['circle', 'square', 'diamond', 'triangle'] as const;

function marker(style: number, x: number, y: number): SVGElement {
  const shape = MARKERS[style % MARKERS.length];
  const attributes = { class: 'marker' };
  switch (shape) {
    case 'circle':
      return svgElement('circle', { ...attributes, cx: x, cy: y, r: 4.5 });
    case 'square':
      return svgElement('rect', { ...attributes, x: x - 4, y: y - 4, width: 8, height: 8 });
    case 'diamond':
      return svgElement('polygon', { ...attributes, points: `${x},${y - 6} ${x + 6},${y} ${x},${y + 6} ${x - 6},${y}` });
    default:
      return svgElement('polygon', { ...attributes, points: `${x},${y - 6} ${x + 6},${y + 5} ${x - 6},${y + 5}` });
  }
}

/** An <svg> drawn at its size in CSS pixels; with `name`, an image with that accessible name, else decorative. */
function svgRoot(width: number, height: number, name: string | null): SVGSVGElement {
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, width, height, focusable: 'false' }) as SVGSVGElement;
  if (name === null) {
    svg.setAttribute('aria-hidden', 'true');
  } else {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', name);
  }
  return svg;
}

function svgElement(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}
