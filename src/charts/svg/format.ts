/**
 * Scales, ticks and label formats as Vega computes them, through d3: linear scales made nice
 * (d3-scale), tick values (d3-array, d3-time), explicit ticks kept in range, and number and
 * date formats in the chart's d3 locale (vega-format's `formatSpan`: a specifier without a
 * precision takes the tick step's).
 */
import { tickStep, ticks as linearTicks } from 'd3-array';
import {
  type FormatLocaleDefinition,
  type FormatLocaleObject,
  formatLocale,
  formatSpecifier,
  precisionFixed,
  precisionPrefix,
  precisionRound,
} from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { utcTicks } from 'd3-time';
import { type TimeLocaleDefinition, type TimeLocaleObject, timeFormatLocale } from 'd3-time-format';
import { axisTickLabel, parseAxisLabelExpr } from '../axisNumbers.ts';

/** A d3 number locale definition, as a Vega-Lite config's `locale.number`. */
export type NumberLocale = FormatLocaleDefinition;
/** A d3 time locale definition, as a Vega-Lite config's `locale.time`. */
export type TimeLocale = TimeLocaleDefinition;

const numberLocales = new Map<string, FormatLocaleObject>();
const timeLocales = new Map<string, TimeLocaleObject>();

function numberLocaleOf(def: NumberLocale): FormatLocaleObject {
  const key = JSON.stringify(def);
  let locale = numberLocales.get(key);
  if (!locale) numberLocales.set(key, (locale = formatLocale(def)));
  return locale;
}

/** A number format in a locale (a d3 specifier, e.g. ".0%"). */
export function numberFormat(def: NumberLocale, specifier: string): (n: number) => string {
  return numberLocaleOf(def).format(specifier);
}

/**
 * The label format of a linear axis over [lo, hi] with about `count` ticks: Vega's
 * `formatSpan`, which gives a specifier without a precision the tick step's precision.
 */
export function spanFormat(def: NumberLocale, specifier: string, lo: number, hi: number, count: number): (n: number) => string {
  const locale = numberLocaleOf(def);
  const spec = formatSpecifier(specifier);
  const step = tickStep(lo, hi, count);
  const value = Math.max(Math.abs(lo), Math.abs(hi));
  if (spec.precision === undefined) {
    switch (spec.type) {
      case 's': {
        const precision = precisionPrefix(step, value);
        if (!Number.isNaN(precision)) spec.precision = precision;
        return locale.formatPrefix(String(spec), value);
      }
      case '':
      case 'e':
      case 'g':
      case 'p':
      case 'r': {
        const precision = precisionRound(step, value);
        if (!Number.isNaN(precision)) spec.precision = precision - (spec.type === 'e' ? 1 : 0);
        break;
      }
      case 'f':
      case '%': {
        const precision = precisionFixed(step);
        if (!Number.isNaN(precision)) spec.precision = precision - (spec.type === '%' ? 2 : 0);
        break;
      }
    }
  }
  return locale.format(String(spec));
}

/** A UTC date format in a time locale (what Vega formats a utc scale's labels with). */
export function utcFormat(def: TimeLocale, specifier: string): (date: Date) => string {
  const key = JSON.stringify(def);
  let locale = timeLocales.get(key);
  if (!locale) timeLocales.set(key, (locale = timeFormatLocale(def)));
  return locale.utcFormat(specifier);
}

/** About `count` round tick values of a linear scale over [lo, hi] (d3's, as Vega's axes use). */
export function linearTickValues(lo: number, hi: number, count: number): number[] {
  return linearTicks(lo, hi, count);
}

/** About `count` tick values (ms) of a utc scale over [lo, hi] ms (d3's calendar intervals). */
export function utcTickValues(lo: number, hi: number, count: number): number[] {
  return utcTicks(new Date(lo), new Date(hi), count).map((d) => d.getTime());
}

/**
 * Explicit tick values on a scale (Vega's `validTicks`): those whose position falls in the
 * range [0, size] (widened to whole pixels), in range order.
 */
export function validTickValues(values: readonly number[], scale: (v: number) => number, size: number): number[] {
  const hi = Math.ceil(size);
  return values
    .map((v) => [v, scale(v)] as const)
    .filter(([, p]) => 0 <= p && p <= hi)
    .sort((a, b) => a[1] - b[1])
    .map(([v]) => v);
}

/** A linear scale from a domain to a range (d3-scale's, as Vega's), with its domain. */
export interface Linear {
  readonly domain: readonly [number, number];
  (value: number): number;
}

/**
 * A linear scale over [lo, hi] to [r0, r1], made nice with d3-scale's `nice` (10 ticks, as
 * Vega's `nice: true`; d3-array's `nice` rounds differently near zero) when asked.
 */
export function linearScale(lo: number, hi: number, range: readonly [number, number], nice: boolean): Linear {
  const scale = scaleLinear().domain([lo, hi]).range(range);
  if (nice) scale.nice();
  const domain = scale.domain() as [number, number];
  return Object.assign((v: number) => scale(v), { domain });
}

/**
 * Vega-Lite's label expression that writes zero as "0" (what theme.ts's `axisLabels` gave counts
 * before axes were written with Intl), one of the label expressions the writers implement.
 */
export const ZERO_LABEL = "datum.value === 0 ? '0' : datum.label";

/**
 * Whether the writers implement a linear axis's `labelExpr` on scale `scale`: none, `ZERO_LABEL`,
 * or the locale's labels of axisNumbers.ts (theme.ts's `axisLabels`) on that very scale.
 */
export function knownLabelExpr(expr: unknown, scale: 'x' | 'y'): boolean {
  return expr === undefined || expr === ZERO_LABEL || parseAxisLabelExpr(expr)?.scale === scale;
}

/**
 * A linear axis as the specs give it: a d3 format, a tick count, and a label expression (the
 * locale's labels of axisNumbers.ts, the zero label, or none).
 */
export interface LinearAxisDef {
  readonly format: string;
  readonly labelExpr?: string;
  readonly tickCount: number;
}

/**
 * The ticks of a linear axis over the domain [lo, hi]: Vega's values, each at its position on
 * the scale, labelled in the locale with the tick step's precision: by Intl under axisNumbers.ts's
 * label expression, else by the d3 format (zero "0" under `ZERO_LABEL`).
 */
export function linearAxisTicks(
  def: NumberLocale,
  axis: LinearAxisDef,
  lo: number,
  hi: number,
  at: (v: number) => number,
): Array<{ at: number; label: string }> {
  const intl = parseAxisLabelExpr(axis.labelExpr);
  if (intl !== null) {
    // Vega calls the expression with the scale's domain (first and last value): [lo, hi].
    const domain = [lo, hi];
    return linearTickValues(lo, hi, axis.tickCount).map((v) => ({
      at: at(v),
      label: axisTickLabel(v, domain, intl.tickCount, intl.locale, intl.kind, intl.currency),
    }));
  }
  const format = spanFormat(def, axis.format, lo, hi, axis.tickCount);
  return linearTickValues(lo, hi, axis.tickCount).map((v) => ({
    at: at(v),
    label: axis.labelExpr === ZERO_LABEL && v === 0 ? '0' : format(v),
  }));
}
