/** A KPI's move in words a reader takes in at a glance: "+3.2 pts", "−42.8%" (Intl only). */
import type { FormatOptions } from './numbers.ts';
import { formatChange, notAvailable } from './numbers.ts';
import type { KpiMove } from '../site/summary.ts';

/** A change in percentage points with its sign and one decimal: "+3.2 pts" ("+3,2 pts" in French). */
export function formatPoints(points: number, opts: FormatOptions, unit = 'pts'): string {
  if (!Number.isFinite(points)) return notAvailable(opts);
  const n = new Intl.NumberFormat(opts.locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(points);
  return `${n} ${unit}`;
}

/** A move as shown: points for a percentage KPI, else the relative change. */
export function formatMove(move: KpiMove, opts: FormatOptions, pointsUnit = 'pts'): string {
  return move.kind === 'points' ? formatPoints(move.change, opts, pointsUnit) : formatChange(move.change, opts);
}
