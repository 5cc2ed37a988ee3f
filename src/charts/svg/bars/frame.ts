/**
 * What the bar writers share: the checks of their specs' common parts, the x axis ticks, and
 * the chart's frame (Vega's autosize "pad" around the plot and the root groups).
 */
import type { DrawnAxis } from './axes.ts';
import type { ChartStyle } from './config.ts';
import { AXIS_FORMAT, ZERO_LABEL } from './config.ts';
import { Box, type Linear, linearTicks, numberLocale, tickFormat } from './layout.ts';
import { Check, optional, type Pattern } from './match.ts';
import { translate } from '../markup.ts';

/** Vega's default view padding (autosize "pad"). */
export const PADDING = 5;

/** Anything (a part checked on its own, such as the config). */
export const anything = new Check(() => true);
/** A plain field name (no nested path, which Vega-Lite would read as one). */
export const field = new Check((v) => typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v));
/** A positive finite number. */
export const positive = new Check((v) => typeof v === 'number' && Number.isFinite(v) && v > 0);
/** An axis tick count. */
export const tickCount = new Check((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 50);
/** A corner radius. */
export const radius = new Check((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0);

/** A quantitative x axis (theme.ts's `axisLabels` with a tick count). */
export const X_AXIS: Pattern = { format: AXIS_FORMAT, labelExpr: optional(ZERO_LABEL), tickCount };

/** A part of a chart: markup and the bounds it adds to the view, as Vega's view layout groups them. */
export interface Part {
  readonly svg: string;
  readonly bounds: Box;
  /** `x`: a left axis (x bounds); `y`: a bottom axis (y bounds); `scope`: both; `mark`: the view's. */
  readonly kind: 'x' | 'y' | 'scope' | 'mark';
}

/**
 * The SVG of a chart whose plot is `width` × `height`: Vega's autosize "pad" (the view grows by
 * the parts' bounds beyond the plot, rounded up, plus the padding) and its root groups.
 */
export function frame(
  width: number,
  height: number,
  parts: readonly Part[],
  defs: string,
  legend?: (bottom: number) => { svg: string; bounds: Box },
): string {
  const view = Box.of(0, 0, width, height);
  const xBounds = Box.of(0, 0, width, height);
  const yBounds = Box.of(0, 0, width, height);
  for (const part of parts) {
    if (part.kind === 'x' || part.kind === 'scope') xBounds.union(part.bounds);
    if (part.kind === 'y' || part.kind === 'scope') yBounds.union(part.bounds);
    if (part.kind === 'mark') view.union(part.bounds);
  }
  const below = legend?.(yBounds.y2);
  if (below) view.union(below.bounds);
  view.union(xBounds).union(yBounds);
  const left = Math.max(0, Math.ceil(-view.x1));
  const top = Math.max(0, Math.ceil(-view.y1));
  const right = Math.max(0, Math.ceil(view.x2 - width));
  const bottom = Math.max(0, Math.ceil(view.y2 - height));
  const w = left + width + right + 2 * PADDING;
  const h = top + height + bottom + 2 * PADDING;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<g fill="none" stroke-miterlimit="4" transform="${translate(left + PADDING, top + PADDING)}">` +
    `<g class="mark-group role-frame root"><g transform="translate(0,0)"><g>${parts.map((p) => p.svg).join('')}${below?.svg ?? ''}</g></g></g></g>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    '</svg>'
  );
}

export function part(axis: DrawnAxis, kind: Part['kind']): Part {
  return { svg: axis.svg, bounds: axis.bounds, kind };
}

/** The x axis labels of a linear scale: Vega's ticks and format, zero written "0" under the label expression. */
export function xTicks(scale: Linear, axis: { format: string; labelExpr?: string; tickCount: number }, style: ChartStyle) {
  const format = tickFormat(numberLocale(style.number), scale, axis.tickCount, axis.format);
  return linearTicks(scale, axis.tickCount).map((value) => ({
    value,
    label: axis.labelExpr !== undefined && value === 0 ? '0' : format(value),
  }));
}
