/**
 * What the direct writers accept of a spec, shared by the line and bar writers: number checks,
 * and the theme config of theme.ts `chartConfig` (zod strict objects: anything else, and the
 * chart goes through Vega).
 */
import * as z from 'zod';
import { CHART_FONT } from '../textMetrics.ts';
import type { GuideStyle } from './axes.ts';
import type { LegendStyle } from './legend.ts';
import { knownLabelExpr } from './format.ts';

export const finite = z.number().refine(Number.isFinite);
export const positive = finite.refine((n) => n > 0);
export const count = z.int().refine((n) => n > 0 && n <= 1000);

/** A quantitative y axis as the line charts' specs give it: a d3 format, a tick count, and a label expression the writers implement. */
export const yNumberAxis = z.strictObject({
  format: z.string(),
  labelExpr: z
    .string()
    .optional()
    .refine((e) => knownLabelExpr(e, 'y')),
  tickCount: count,
});
/** Whether a value is a day as `YYYY-MM-DD` that exists. */
function isIsoDay(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(Date.parse(s));
}
export const isoDay = z.string().refine(isIsoDay);

/** The kinds of a data row's fields: a day (`isoDay`), a finite number (`finite`), any text. */
type FieldKind = 'day' | 'finite' | 'string';
type FieldValue<K extends FieldKind> = K extends 'finite' ? number : string;
const FIELD_CHECKS: Record<FieldKind, (v: unknown) => boolean> = {
  day: isIsoDay,
  finite: (v) => typeof v === 'number' && Number.isFinite(v),
  string: (v) => typeof v === 'string',
};

/**
 * A spec's data rows: an array of objects with exactly these fields, as strict objects of `isoDay`,
 * `finite` and strings would accept them, checked in one loop (per-row zod objects cost more than
 * drawing a series of a few hundred days). The rows are given back as they are.
 */
export function dataRows<const S extends Record<string, FieldKind>>(
  shape: S,
): z.ZodType<Array<{ [K in keyof S]: FieldValue<S[K]> }>> {
  const fields = Object.entries(shape).map(([name, kind]) => [name, FIELD_CHECKS[kind]] as const);
  const isRow = (row: unknown): boolean => {
    if (typeof row !== 'object' || row === null || Array.isArray(row) || Object.keys(row).length !== fields.length) return false;
    return fields.every(([name, check]) => Object.hasOwn(row, name) && check((row as Record<string, unknown>)[name]));
  };
  return z.custom<Array<{ [K in keyof S]: FieldValue<S[K]> }>>((value) => Array.isArray(value) && value.every(isRow));
}

/** A value's JSON with what JSON drops or blurs (undefined, NaN, ±Infinity) kept apart; null for anything else JSON cannot hold. */
function faithfulJson(value: unknown): string | null {
  try {
    return JSON.stringify(value, (_, v: unknown) => {
      if (v === undefined) return '\u0000undefined';
      if (typeof v === 'number' && !Number.isFinite(v)) return `\u0000${v}`;
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new TypeError('not JSON');
      return v;
    });
  } catch {
    return null;
  }
}

/** Whether a value and every object and array in it are frozen (so its verdict can never change). */
function isDeepFrozen(value: unknown): boolean {
  return typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));
}

/**
 * A schema whose verdicts are kept by the value's JSON (see `faithfulJson`): every chart of a site
 * carries the same theme config, and checking it again for each of ~1,800 charts cost as much as
 * drawing them. The value is given back as it is.
 */
export function checkedOnce<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>> {
  const accepted = new Set<string>();
  // A frozen value (theme.ts shares one frozen config per site) is known by itself.
  const acceptedFrozen = new WeakSet<object>();
  return z.custom<z.output<T>>((value) => {
    if (typeof value === 'object' && value !== null && acceptedFrozen.has(value)) return true;
    const key = faithfulJson(value);
    if (key !== null && accepted.has(key)) return true;
    const ok = schema.safeParse(value).success;
    if (ok && key !== null) accepted.add(key);
    if (ok && typeof value === 'object' && value !== null && isDeepFrozen(value)) acceptedFrozen.add(value);
    return ok;
  });
}
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

/** `themeConfig`, each distinct config checked once (`checkedOnce`). */
export const checkedThemeConfig = checkedOnce(themeConfig);

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
