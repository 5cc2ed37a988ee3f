/**
 * What the direct writers accept of a spec, shared by the line and bar writers: number checks,
 * and the theme config of theme.ts `chartConfig` (zod strict objects: anything else, and the
 * chart goes through Vega).
 */
import * as z from 'zod';
import { CHART_FONT } from '../textMetrics.ts';
import type { GuideStyle } from './axes.ts';
import type { LegendStyle } from './legend.ts';

export const finite = z.number().refine(Number.isFinite);
export const positive = finite.refine((n) => n > 0);
export const count = z.int().refine((n) => n > 0 && n <= 1000);
export const isoDay = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(Date.parse(s)));
const font = z.literal(CHART_FONT);
/** A colour the spec gives a mark or a series (written escaped). */
export const colour = z.string();
/** A colour of the theme: #rgb or #rrggbb. */
const hex = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/);

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

/**
 * The theme of theme.ts `chartConfig`, as every direct writer accepts it: the values they lay out
 * with are fixed (fonts measured as Inter at 12 px), colours, limits, columns and locale read.
 */
export const themeConfig = z.strictObject({
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
    labelColor: hex,
    titleColor: hex,
    domainColor: hex,
    tickColor: hex,
    gridColor: hex,
    labelOverlap: z.literal(true),
    labelLimit: positive,
  }),
  legend: z.strictObject({
    labelFont: font,
    titleFont: font,
    labelFontSize: z.literal(12),
    titleFontSize: z.literal(12),
    labelColor: hex,
    titleColor: hex,
    orient: z.literal('bottom'),
    direction: z.literal('horizontal'),
    columns: count,
    labelLimit: positive,
  }),
  text: z.strictObject({ font, fontSize: z.literal(12), color: hex }),
});

/** A theme config as `themeConfig` checks it. */
export type ThemeConfig = z.infer<typeof themeConfig>;

/** The guide paint and sizes of a theme config. */
export function guideStyle(config: ThemeConfig): GuideStyle {
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

/** The legend style of a theme config. */
export function legendStyle(config: ThemeConfig): LegendStyle {
  const { labelFontSize: fontSize, labelColor, labelLimit, columns } = config.legend;
  return { fontSize, labelColor, labelLimit, columns };
}
