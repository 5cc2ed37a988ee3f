/**
 * What the bar writers share: the checks of their specs' common parts, the x scale and its
 * ticks, and the chart's frame (the parts' bounds grouped as Vega's view layout groups them,
 * around the root of frame.ts).
 */
import { bottomAxis, gridColumns, type Guide, leftAxis, type Tick } from '../axes.ts';
import { Bounds } from '../bounds.ts';
import { knownLabelExpr, type Linear, type LinearAxisDef, linearAxisTicks, linearScale } from '../format.ts';
import { svgRoot } from '../frame.ts';
import { type LegendEntry, legendBelow, type LegendSymbol } from '../legend.ts';
import type { Band } from './band.ts';
import type { ChartStyle } from './config.ts';
import { AXIS_FORMAT } from './config.ts';
import { Check, optional, type Pattern } from './match.ts';

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

/** A label expression of a quantitative x axis that the writers implement (format.ts's `knownLabelExpr`). */
export const X_LABEL_EXPR = new Check((e) => e !== undefined && knownLabelExpr(e, 'x'));

/** A quantitative x axis (theme.ts's `axisLabels`). */
export const X_AXIS: Pattern = { format: AXIS_FORMAT, labelExpr: optional(X_LABEL_EXPR), tickCount };

/** What every bar chart's spec has at its top: the schema, the theme config (checked on its own), a height per band. */
export const BAR_SPEC = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  config: anything,
  height: { step: positive },
} as const satisfies Pattern;

/** Inline data: an array of rows (each row checked by the writer that reads it). */
export const INLINE_DATA: Pattern = { values: new Check(Array.isArray) };

/** A part of a chart: markup and the bounds it adds to the view, as Vega's view layout groups them. */
export interface Part {
  readonly svg: string;
  readonly bounds: Bounds;
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
  legend?: (bottom: number) => Guide,
): string {
  const view = Bounds.of(0, 0, width, height);
  const xBounds = Bounds.of(0, 0, width, height);
  const yBounds = Bounds.of(0, 0, width, height);
  for (const part of parts) {
    if (part.kind === 'x' || part.kind === 'scope') xBounds.union(part.bounds);
    if (part.kind === 'y' || part.kind === 'scope') yBounds.union(part.bounds);
    if (part.kind === 'mark') view.union(part.bounds);
  }
  const below = legend?.(yBounds.y2);
  if (below) view.union(below.bounds);
  view.union(xBounds).union(yBounds);
  const content = `<g transform="translate(0,0)"><g>${parts.map((p) => p.svg).join('')}${below?.svg ?? ''}</g></g>`;
  return svgRoot(view, width, height, content, defs);
}

/** A drawn guide as a part of the given kind. */
export function part(axis: Guide, kind: Part['kind']): Part {
  return { svg: axis.svg, bounds: axis.bounds, kind };
}

/** A linear scale over `values` and zero, made nice, to [0, width] (the bars' x scale). */
export function valueScale(values: readonly number[], width: number): Linear {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return linearScale(lo, hi, [0, width], true);
}

/** The x axis ticks of a linear scale (Vega's values and format). */
export function xTicks(scale: Linear, axis: LinearAxisDef, style: ChartStyle): Tick[] {
  return linearAxisTicks(style.number, axis, scale.domain[0], scale.domain[1], scale);
}

/** The guides of a horizontal bar chart: the x grid and axis below the bands, the band axis on the left. */
export function barGuides(width: number, ticks: readonly Tick[], band: Band, title: string | null, style: ChartStyle): Part[] {
  const height = band.extent;
  const bands = band.domain.map((value) => ({ at: band.at(value) + band.bandwidth / 2 - 0.5, label: value }));
  return [
    part(gridColumns(ticks, width, height, style.axis, 'nested'), 'y'),
    part(bottomAxis(ticks, width, height, title, style.axis, 'nested'), 'y'),
    part(leftAxis(bands, [0, height], null, style.axis, 'nested'), 'x'),
  ];
}

/** Vega-Lite's legend symbols for bars: filled squares of this area (stroke width written, no stroke). */
const SQUARE: LegendSymbol = { shape: 'square', size: 100, strokeWidth: 1.5 };

/** A legend of square swatches below a chart whose axes end at `bottom` (for `frame`). */
export function squareLegend(entries: readonly LegendEntry[], style: ChartStyle): (bottom: number) => Guide {
  return (bottom) => legendBelow(entries, bottom, style.legend, SQUARE, 'nested');
}
