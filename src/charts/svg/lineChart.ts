/**
 * What the direct line-chart writers share: the parts of a spec they accept (zod: the theme
 * config of theme.ts `chartConfig`, with the values they lay out with fixed and colours and
 * locale read), Vega's constants they lay out with, and line paths.
 */
import * as z from 'zod';
import { CHART_FONT } from '../textMetrics.ts';
import type { GuideStyle } from './axes.ts';
import { coord } from './markup.ts';

export const finite = z.number().refine(Number.isFinite);
export const positive = finite.refine((n) => n > 0);
export const count = z.int().refine((n) => n > 0 && n <= 1000);
export const isoDay = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(Date.parse(s)));
const font = z.literal(CHART_FONT);
export const colour = z.string();

const numberLocale = z.strictObject({
  decimal: z.string(),
  thousands: z.string(),
  grouping: z.array(count),
  currency: z.tuple([z.string(), z.string()]),
  percent: z.string().optional(),
  minus: z.string().optional(),
});

const timeLocale = z.strictObject({
  dateTime: z.string(),
  date: z.string(),
  time: z.string(),
  periods: z.tuple([z.string(), z.string()]),
  days: z.array(z.string()).length(7),
  shortDays: z.array(z.string()).length(7),
  months: z.array(z.string()).length(12),
  shortMonths: z.array(z.string()).length(12),
});

/** The theme of theme.ts `chartConfig`: the values the writer lays out with are fixed, colours and locale read. */
export const lineConfig = z.strictObject({
  aria: z.literal(false),
  background: z.literal('transparent'),
  font,
  locale: z.strictObject({ number: numberLocale, time: timeLocale }),
  view: z.strictObject({ stroke: z.null() }),
  axis: z.strictObject({
    labelFont: font,
    titleFont: font,
    labelFontSize: z.literal(12),
    titleFontSize: z.literal(12),
    titleFontWeight: z.literal('normal'),
    labelColor: colour,
    titleColor: colour,
    domainColor: colour,
    tickColor: colour,
    gridColor: colour,
    labelOverlap: z.literal(true),
    labelLimit: positive,
  }),
  legend: z.strictObject({
    labelFont: font,
    titleFont: font,
    labelFontSize: z.literal(12),
    titleFontSize: z.literal(12),
    labelColor: colour,
    titleColor: colour,
    orient: z.literal('bottom'),
    direction: z.literal('horizontal'),
    columns: count,
    labelLimit: positive,
  }),
  text: z.strictObject({ font, fontSize: positive, color: colour }),
});

/** Vega's legend symbols: this area, this stroke width; the most entries a legend lists. */
export const LEGEND_SYMBOL_SIZE = 100;
export const LEGEND_SYMBOL_STROKE = 1.5;
export const LEGEND_LIMIT = 30;
/** Vega's "point" style: the stroke width of point symbols (written even when they have no stroke). */
export const POINT_STROKE_WIDTH = 2;

/** The guide paint and sizes of a line chart's config. */
export function guideStyle(config: z.infer<typeof lineConfig>): GuideStyle {
  return {
    fontSize: config.axis.labelFontSize,
    labelColor: config.axis.labelColor,
    titleColor: config.axis.titleColor,
    tickColor: config.axis.tickColor,
    domainColor: config.axis.domainColor,
    gridColor: config.axis.gridColor,
    titleFontWeight: config.axis.titleFontWeight,
    labelLimit: config.axis.labelLimit,
  };
}

/** A line's SVG path through points, as d3-shape's linear line writes it (one point: "Mx,yZ"). */
export function linePath(points: ReadonlyArray<readonly [number, number]>): string {
  const [first, ...rest] = points;
  if (!first) return '';
  return `M${coord(first[0])},${coord(first[1])}${rest.length === 0 ? 'Z' : rest.map(([x, y]) => `L${coord(x)},${coord(y)}`).join('')}`;
}
