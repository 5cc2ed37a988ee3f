/**
 * Number axis labels as the site's locale writes numbers (Intl.NumberFormat), the same in Vega's
 * rendering and in the direct writers: counts in the locale's compact notation ("200 k" and
 * "1,2 M" in French, "200K" and "1,2 Mln" in Italian, "200K" and "1.2M" in English), money,
 * percentages and other numbers as Intl writes them (its group separators, its minus sign). Each
 * tick has as many fraction digits as the tick step needs (what Vega's `formatSpan` gives a d3
 * format without a precision), so that no two ticks of an axis read the same.
 *
 * Vega calls `axisTickLabel` from an axis's `labelExpr` (render.ts registers it as an expression
 * function); the direct writers read the same expression back (`parseAxisLabelExpr`).
 */
import { tickStep } from 'd3-array';
import { precisionFixed } from 'd3-format';
import { numberFormat } from '../format/intl.ts';

/** How an axis writes its numbers: compact (counts), currency (money), percent, or plain decimals. */
export type AxisNumberKind = 'compact' | 'currency' | 'percent' | 'decimal';

/** What an axis's labels are written with: the scale it labels, its tick count, the locale and kind. */
export interface AxisNumberFormat {
  readonly scale: 'x' | 'y';
  readonly tickCount: number;
  readonly locale: string;
  readonly kind: AxisNumberKind;
  readonly currency: string;
}

/** The name of the Vega expression function that writes a tick's label. */
export const AXIS_LABEL_FUNCTION = 'goalpostAxisLabel';

/** The most fraction digits a label gets (Intl's limit in every engine Goalpost runs on). */
const MAX_DIGITS = 20;

/** The fraction digits a tick step needs in units of 10^exponent (d3's `precisionFixed`, within Intl's limits). */
function digitsFor(step: number, exponent: number): number {
  const scaled = step / 10 ** exponent;
  if (!(scaled > 0) || !Number.isFinite(scaled)) return 0;
  return Math.min(MAX_DIGITS, Math.max(0, precisionFixed(scaled)));
}

/** `compactExponent`'s answers per locale and value: an axis's tick values recur across a build's charts. */
const exponents = new Map<string, Map<number, number>>();

/**
 * The power of ten Intl's compact notation divides a number by in a locale (3 for "k", 6 for "M",
 * 4 for Japanese "万", 0 when it writes the number in full), read from the number it writes.
 */
function compactExponent(value: number, locale: string): number {
  let byValue = exponents.get(locale);
  if (!byValue) exponents.set(locale, (byValue = new Map()));
  let exponent = byValue.get(value);
  if (exponent === undefined) byValue.set(value, (exponent = writtenExponent(value, locale)));
  return exponent;
}

function writtenExponent(value: number, locale: string): number {
  const parts = numberFormat(locale, {
    notation: 'compact',
    numberingSystem: 'latn',
    maximumSignificantDigits: 21,
  }).formatToParts(Math.abs(value));
  if (!parts.some((p) => p.type === 'compact')) return 0;
  const shown = Number(
    parts
      .filter((p) => p.type === 'integer' || p.type === 'fraction' || p.type === 'decimal')
      .map((p) => (p.type === 'decimal' ? '.' : p.value))
      .join(''),
  );
  return shown > 0 ? Math.round(Math.log10(Math.abs(value) / shown)) : 0;
}

/**
 * The label of a tick `value` on an axis over `domain` (the scale's, as Vega's `domain()` gives
 * it) with `tickCount` ticks, in `locale`: Intl's text for it, with the fraction digits of the
 * axis's tick step (for compact notation, in the unit the value is written in: "800 k", "1,2 M").
 * A count's zero is "0".
 */
export function axisTickLabel(
  value: number,
  domain: readonly number[],
  tickCount: number,
  locale: string,
  kind: AxisNumberKind,
  currency: string,
): string {
  const lo = domain[0] ?? 0;
  const hi = domain[domain.length - 1] ?? 0;
  const step = Math.abs(tickStep(lo, hi, tickCount));
  switch (kind) {
    case 'compact': {
      if (value === 0) return '0';
      const digits = digitsFor(step, compactExponent(value, locale));
      return numberFormat(locale, { notation: 'compact', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        value,
      );
    }
    case 'percent': {
      const digits = digitsFor(step, -2);
      return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        value,
      );
    }
    case 'currency': {
      const digits = digitsFor(step, 0);
      return numberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    }
    case 'decimal': {
      const digits = digitsFor(step, 0);
      return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    }
  }
}

/** The functions that write axis labels (their source is part of render.ts's renderer version). */
export const AXIS_LABEL_CODE: readonly ((...args: never[]) => unknown)[] = [
  axisTickLabel,
  compactExponent,
  writtenExponent,
  digitsFor,
];

/** The `labelExpr` of an axis whose labels `axisTickLabel` writes. */
export function axisLabelExpr(f: AxisNumberFormat): string {
  return `${AXIS_LABEL_FUNCTION}(datum.value, domain(${JSON.stringify(f.scale)}), ${f.tickCount}, ${JSON.stringify(f.locale)}, ${JSON.stringify(f.kind)}, ${JSON.stringify(f.currency)})`;
}

const KINDS: readonly string[] = ['compact', 'currency', 'percent', 'decimal'] satisfies AxisNumberKind[];
const LABEL_EXPR = new RegExp(
  `^${AXIS_LABEL_FUNCTION}\\(datum\\.value, domain\\(("[xy]")\\), (\\d+), ("[^"\\\\]*"), ("[a-z]+"), ("[^"\\\\]*")\\)$`,
);

/**
 * What an axis's `labelExpr` writes its labels with, when it is one `axisLabelExpr` gives (and
 * exactly as it gives it); else null (the direct writers then leave the chart to Vega).
 */
export function parseAxisLabelExpr(expr: unknown): AxisNumberFormat | null {
  if (typeof expr !== 'string') return null;
  // Every chart of a kind on a site has the same expression: each is read once (a few per site).
  let f = parsed.get(expr);
  if (f === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(expr, (f = readAxisLabelExpr(expr)));
  }
  return f;
}

/** Label expressions already read, and the most kept. */
const parsed = new Map<string, AxisNumberFormat | null>();
const MAX_PARSED = 1000;

/** `parseAxisLabelExpr` without the memo. */
function readAxisLabelExpr(expr: string): AxisNumberFormat | null {
  const m = LABEL_EXPR.exec(expr);
  if (!m) return null;
  const [scale, count, locale, kind, currency] = [m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
  const f: AxisNumberFormat = Object.freeze({
    scale: JSON.parse(scale) as 'x' | 'y',
    tickCount: Number(count),
    locale: JSON.parse(locale) as string,
    kind: JSON.parse(kind) as AxisNumberKind,
    currency: JSON.parse(currency) as string,
  });
  if (!KINDS.includes(f.kind) || axisLabelExpr(f) !== expr) return null;
  try {
    axisTickLabel(1, [0, 1], f.tickCount, f.locale, f.kind, f.currency);
    numberFormat(f.locale, { style: 'currency', currency: f.currency });
  } catch {
    return null; // A locale or currency Intl refuses: Vega would fail the same way, and says why.
  }
  return f;
}
