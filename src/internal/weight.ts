import { css, html, noChange, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export interface WeightParts {
  /** Part name of the whole (bar and number). */
  weight: string;
  /** Part name of the bar. */
  bar: string;
}

/**
 * How much something counts (0 to 1), drawn as a bar with the number beside it in text, so
 * the value never rests on length or colour alone. The bar is hidden from screen readers;
 * `spokenPrefix` ("Weight:") is read before the number instead.
 */
export function renderWeight(weight: number, spokenPrefix: string, parts: WeightParts): TemplateResult {
  const percent = Math.round(weight * 100);
  return html`<span class="weight" part=${parts.weight}>
    <span class="weight-bar" part=${parts.bar} aria-hidden="true"
      ><span class="weight-fill" ${fillTo(percent)}></span
    ></span>
    <span class="weight-text"><span class="visually-hidden">${spokenPrefix} </span>${formatPercent(percent)}</span>
  </span>`;
}

/**
 * Sets the fill's inline size through the CSSOM on every render. Lit's `styleMap` writes a
 * `style` attribute on first render, which a Content-Security-Policy without
 * 'unsafe-inline' refuses (style-src-attr); the CSSOM is always allowed.
 */
class FillTo extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('fillTo() belongs on an element');
  }

  render(_percent: number): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [percent]: [number]): typeof noChange {
    (part.element as HTMLElement).style.setProperty('inline-size', `${percent}%`);
    return noChange;
  }
}

const fillTo = directive(FillTo);

function formatPercent(percent: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent' }).format(percent / 100);
}

export const weightStyles = css`
  .weight {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: var(--_candor-font-size-small);
    font-variant-numeric: tabular-nums;
  }
  .weight-bar {
    box-sizing: border-box;
    display: inline-block;
    inline-size: var(--_candor-weight-bar-size, 8rem);
    block-size: 0.625rem;
    border: 1px solid var(--_candor-border);
    border-radius: 999px;
    background: var(--_candor-surface-raised);
    overflow: hidden;
  }
  .weight-fill {
    display: block;
    block-size: 100%;
    background: var(--_candor-weight-fill, var(--_candor-action));
  }
  @media (forced-colors: active) {
    .weight-bar {
      border-color: CanvasText;
    }
    .weight-fill {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
`;
