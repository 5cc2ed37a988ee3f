/**
 * The KPI table (SPEC "KPI catalogue"): every KPI over a quarter with its change against the
 * previous quarter and the same quarter a year before, each value taken over days that compare
 * (the days every input is whole and covers) and flagged where the data make it partial. Pure.
 */
import { growsWithWindow } from './comparable.ts';
import { dataEnds, type InputGaps, inputGaps, overCoveredDays, valueOverCovered } from './coverage.ts';
import type { Day } from './dates.ts';
import { type Kpi, type KpiEngine, type KpiValue, type MetricWindow, relativeChange, wholeValue, windowFor } from './kpis.ts';
import { type Period, previousPeriod, samePeriodLastYear } from './periods.ts';

/** A KPI's value with its change against the previous period and the same period a year before. */
export interface KpiChange extends KpiValue {
  readonly previous: number | null;
  readonly yearAgo: number | null;
  readonly qoq: number | null;
  readonly yoy: number | null;
  /**
   * The previous quarter's value was computed over other channels: a rate's `qoq` is then null
   * (not comparable); a total keeps its change (a channel launched is growth), flagged.
   */
  readonly qoqChannelsDiffer: boolean;
  /** The same against the quarter a year before (`yoy`). */
  readonly yoyChannelsDiffer: boolean;
  /**
   * Computed only to this day: the last where every summed input is whole (see `wholeInputsTo`),
   * or, for a rate over several channels, the last day all of them have data; else null.
   */
  readonly dataTo: Day | null;
  /**
   * Days in the window no export of a summed input covers between two of its exports (see
   * `inputGaps`): a rate of flows is taken over the days every input covers, as a goal's actual
   * is, and any figure on them is flagged; else null.
   */
  readonly gaps: InputGaps | null;
  /**
   * The previous quarter is taken only to this day: a KPI that is not a total whose inputs end
   * apart there (clicks exported to 10 June beside impressions to the 30th) to the first day an
   * input stops, as a goal's `baselineTo` is, or any KPI to the last day every input is whole
   * (a month row beside day rows, as `dataTo`); `previous` and `qoq` are its; else null.
   */
  readonly previousTo: Day | null;
  /** The same for the quarter a year before (`yearAgo`, `yoy`). */
  readonly yearAgoTo: Day | null;
  /**
   * The value covers the quarter to date (it is not over) on a KPI that grows with the days
   * counted (a total, a reach): its `qoq` and `yoy` compare part of a quarter with whole ones.
   */
  readonly toDate: boolean;
}

/**
 * Every KPI over a period for a set of channels, each with its change against the previous
 * period and the same period one year earlier. Each value is taken to the last day its inputs
 * are whole and, for a rate of flows, over the days every input covers (see `comparableValue`),
 * the earlier ones too (see `earlierValue`), so a change compares rates over the same days. A
 * rate computed over other channels in the earlier period has no change there; a total keeps
 * it; both are flagged.
 */
export function kpiChanges(engine: KpiEngine, channels: readonly string[], period: Period, upTo?: Day): Map<string, KpiChange> {
  const end = Math.min(period.end, upTo ?? period.end);
  const prev = previousPeriod(period);
  const before = windowFor(engine, channels, prev.start, prev.end);
  const ly = samePeriodLastYear(period);
  const lastYear = windowFor(engine, channels, ly.start, ly.end);
  const toDate = end < period.end;
  const aggregationOf = (name: string) => engine.index.metrics.get(name)?.aggregation;
  const out = new Map<string, KpiChange>();
  for (const kpi of engine.kpis.all()) {
    const now = sharedDaysValue(engine, kpi, channels, period, end);
    const current = now.value;
    const previous = earlierValue(engine, kpi, before);
    const yearAgo = earlierValue(engine, kpi, lastYear);
    const qoqChannelsDiffer = channelsDiffer(current, previous.value);
    const yoyChannelsDiffer = channelsDiffer(current, yearAgo.value);
    out.set(kpi.def.id, {
      ...current,
      previous: previous.value.value,
      yearAgo: yearAgo.value.value,
      qoq: kpi.rate && qoqChannelsDiffer ? null : relativeChange(current.value, previous.value.value),
      yoy: kpi.rate && yoyChannelsDiffer ? null : relativeChange(current.value, yearAgo.value.value),
      qoqChannelsDiffer,
      yoyChannelsDiffer,
      dataTo: now.to,
      gaps: now.gaps,
      previousTo: previous.to,
      yearAgoTo: yearAgo.to,
      toDate: toDate && growsWithWindow(kpi.ast, aggregationOf),
    });
  }
  return out;
}

/**
 * A KPI over [period start, end] as the table shows it (see `comparableValue`). A rate over several
 * channels is taken only to the last day all of them have data (see `dataEnds`), as a goal on it
 * is: summed to each channel's own last day, it would move when one channel stops while no channel
 * moves (CTR "▲ +0.2 pts" as the low-CTR channel's days end early: red-team 7 #4).
 */
function sharedDaysValue(engine: KpiEngine, kpi: Kpi, channels: readonly string[], period: Period, end: Day): ComparableValue {
  const now = comparableValue(engine, kpi, channels, period.start, end);
  const over = now.value.channels ?? channels;
  if (!kpi.rate || kpi.cumulative || kpi.accumulates || over.length < 2 || now.value.value === null) return now;
  const shared = dataEnds(engine, over, period, now.to ?? end).dataTo;
  if (shared === null || shared < period.start) return now;
  const cut = comparableValue(engine, kpi, channels, period.start, shared);
  return { ...cut, to: cut.to ?? shared };
}

/** A KPI's value over a window as the table shows it, the day it is cut to and the days its inputs miss. */
export interface ComparableValue {
  readonly value: KpiValue;
  /** Cut to this day, the last where every summed input is whole (see `wholeValue`); else null. */
  readonly to: Day | null;
  /** Days between two exports of a summed input in the window so taken (see `inputGaps`); else null. */
  readonly gaps: InputGaps | null;
}

/**
 * A KPI over [a, b] taken as a goal's actual is: to the last day every summed input is whole (a
 * month row beside day rows, see `wholeValue`) and, for a rate of flows with days between two
 * exports of an input, over the days every input covers (see `valueOverCovered`), so that it
 * never divides totals over different days (red-team 6 #7, #15).
 */
export function comparableValue(engine: KpiEngine, kpi: Kpi, channels: readonly string[], a: Day, b: Day): ComparableValue {
  const whole = wholeValue(engine, kpi, channels, a, b);
  const value = whole?.value ?? windowFor(engine, channels, a, b).value(kpi);
  const to = whole?.to ?? null;
  const last = to ?? b;
  // A KPI with no value there (an input missing, a divisor of 0) has no figure to flag.
  if (last < a || value.value === null) return { value, to, gaps: null };
  const over = value.channels ?? channels;
  const gaps = inputGaps(engine, kpi, over, a, last);
  if (gaps === null || !overCoveredDays(engine, kpi)) return { value, to, gaps };
  return { value: { ...value, value: valueOverCovered(engine, kpi, over, a, last, gaps) }, to, gaps };
}

/**
 * A KPI over an earlier window, to compare a later value with. A KPI that is not a total whose
 * summed inputs end apart there (clicks to the 10th beside impressions to the 30th) is taken
 * only to the first day an input stops, as a goal's implicit baseline is (`measureTarget`):
 * clicks to the 10th over impressions to the 30th would be a rate no period had. A total keeps
 * its value (it is flagged by `inputsEnd`). Either is then taken as the current value is (see
 * `comparableValue`); `to` is the day it is cut to, if any.
 */
export function earlierValue(engine: KpiEngine, kpi: Kpi, window: MetricWindow): { value: KpiValue; to: Day | null } {
  const whole = window.value(kpi);
  let apart: Day | null = null;
  if (!kpi.cumulative && whole.inputsEnd !== null) {
    const first = Math.min(...Object.values(whole.inputsEnd).flatMap((byInput) => Object.values(byInput)));
    if (first >= window.start && first < window.end) apart = first;
  }
  const taken = comparableValue(engine, kpi, window.channels, window.start, apart ?? window.end);
  return { value: taken.value, to: taken.to ?? apart };
}

/** Whether two values of a KPI over several channels were computed over different channels. */
function channelsDiffer(a: KpiValue, b: KpiValue): boolean {
  if (a.value === null || b.value === null || a.channels === null || b.channels === null) return false;
  return a.channels.length !== b.channels.length || a.channels.some((c) => !b.channels!.includes(c));
}
