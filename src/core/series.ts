/**
 * KPI values over the weeks or months of a period, for trend charts and sparklines.
 * Each point is the KPI computed over its own sub-period (rates from that week's sums).
 */
import { type Day, formatDay, monthIndexOf } from './dates.ts';
import { type KpiEngine, wholeValue, windowFor } from './kpis.ts';
import { dataMetrics } from './metrics.ts';
import { monthPeriod, type Period } from './periods.ts';

export interface SeriesPoint {
  readonly start: Day;
  readonly end: Day;
  /** `YYYY-MM-DD` of the first day. */
  readonly date: string;
  readonly value: number | null;
}

export type Step = 'week' | 'month';

/** Monday-to-Sunday weeks (clipped to the period) or calendar months of a period, up to `upTo`. */
export function subPeriods(period: Period, step: Step, upTo: Day = period.end): Array<{ start: Day; end: Day }> {
  const last = Math.min(period.end, upTo);
  const out: Array<{ start: Day; end: Day }> = [];
  if (step === 'month') {
    for (let m = monthIndexOf(period.start); m <= monthIndexOf(last); m++) {
      const p = monthPeriod(m);
      out.push({ start: Math.max(p.start, period.start), end: Math.min(p.end, last) });
    }
    return out;
  }
  let start = period.start;
  while (start <= last) {
    const end = weekEnd(start, last);
    out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** The last day of a trend's week from `start`: its Sunday, or `last` if that comes first. */
export function weekEnd(start: Day, last: Day): Day {
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (day + 3) mod 7.
  const weekday = (((start + 3) % 7) + 7) % 7;
  return Math.min(start + (6 - weekday), last);
}

/** A KPI over each week or month of a period (up to `upTo`), for a set of channels. */
export function kpiSeries(
  engine: KpiEngine,
  kpiId: string,
  channels: readonly string[],
  period: Period,
  step: Step,
  upTo?: Day,
): SeriesPoint[] {
  const kpi = engine.kpis.get(kpiId);
  if (!kpi) throw new Error(`unknown KPI '${kpiId}'`);
  return subPeriods(period, step, upTo).map(({ start, end }) => ({
    start,
    end,
    date: formatDay(start),
    // Where an input's month row goes on past the others' last day, only its whole days count.
    value: (wholeValue(engine, kpi, channels, start, end)?.value ?? windowFor(engine, channels, start, end).value(kpi)).value,
  }));
}

/** Per engine: how many weeks or months of a period have a KPI's value and data on a channel (see `trendStep`). */
const knownCounts = new WeakMap<KpiEngine, Map<string, number>>();

/**
 * The step a trend of this KPI should use: totals (flows) by month, since a partial week
 * would read as a drop; levels (rates, stocks) by week when every channel has weekly
 * values, else by month so that all lines are comparable. A week counts when data falls in
 * it: a follower count carried from month-end totals has a value every week, yet changes
 * only monthly.
 */
export function trendStep(engine: KpiEngine, kpiId: string, channels: readonly string[], period: Period, upTo?: Day): Step {
  const kpi = engine.kpis.get(kpiId);
  if (!kpi || kpi.cumulative) return 'month';
  const metrics = dataMetrics(kpi.inputs, engine.index.metrics);
  let counts = knownCounts.get(engine);
  if (!counts) knownCounts.set(engine, (counts = new Map()));
  const store = counts;
  // A channel's count is the same for the quarter's page and the channel's own page: counted once.
  const known = (c: string, step: Step) => {
    const key = `${kpiId}|${c}|${period.start}|${period.end}|${step}|${upTo ?? ''}`;
    let n = store.get(key);
    if (n === undefined)
      store.set(
        key,
        (n = kpiSeries(engine, kpiId, [c], period, step, upTo).filter(
          (p) => p.value !== null && engine.index.dataDays([c], metrics, p.start, p.end).length > 0,
        ).length),
      );
    return n;
  };
  const weekly = channels.every((c) => {
    const months = known(c, 'month');
    return months === 0 || known(c, 'week') > months;
  });
  return weekly ? 'week' : 'month';
}
