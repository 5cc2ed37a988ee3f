/** A KPI's move in words a reader takes in at a glance: "+3.2 pts", "−42.8%" (Intl only). */
import type { FormatOptions } from './numbers.ts';
import { formatChange, notAvailable } from './numbers.ts';
import { numberFormat } from './intl.ts';
import type { KpiMove } from '../site/summary.ts';

/**
 * A change in percentage points with its sign: one decimal ("+3.2 pts", "+3,2 pts" in French),
 * two below a tenth of a point, where one would show a real move as "0.0" (as values below 1% get two).
 */
export function formatPoints(points: number, opts: FormatOptions, unit = 'pts'): string {
  if (!Number.isFinite(points)) return notAvailable(opts);
  const digits = Math.abs(points) < 0.095 && points !== 0 ? 2 : 1;
  const n = numberFormat(opts.locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(points);
  return `${n} ${unit}`;
}

/** A move as shown: points for a percentage KPI, else the relative change. */
export function formatMove(move: KpiMove, opts: FormatOptions, pointsUnit = 'pts'): string {
  return move.kind === 'points' ? formatPoints(move.change, opts, pointsUnit) : formatChange(move.change, opts);
}
