/**
 * What a measure's target is set against (SPEC "Goal evaluation"): its mode, the previous period's
 * value, the baseline, the resolved target, and the channels and days its references leave out.
 * Pure: no clock, no files.
 */
import { growsWithWindow } from './comparable.ts';
import { dataEnds, daysLeftOut, inputGaps, inputsApartTo, overCoveredDays } from './coverage.ts';
import type { Day } from './dates.ts';
import type { Measure, TargetSpec } from './goals.ts';
import { type CoveredPart, comparableValue, coveredPart, coversNoDay, partWithGaps } from './kpiTable.ts';
import {
  type Kpi,
  type KpiBound,
  type KpiEngine,
  type KpiValue,
  type MetricWindow,
  partsDroppedIn,
  resolveChannels,
  windowFor,
} from './kpis.ts';
import { type Period, previousPeriod } from './periods.ts';

/** How a measure is evaluated: a running total (flows) or the level of a KPI. */
export type MeasureMode = 'cumulative' | 'level';

/**
 * Resolves a target against its reference (the baseline, or the previous period's total). A
 * percentage moves the reference by that share of its size (|reference|, as QoQ changes are
 * measured), so "+20%" on a net loss of 91 followers asks for a loss of 72.8, not 109.2. A
 * relative target is rounded to 15 significant digits: 3,000 + 10% is 3,300, not
 * 3300.0000000000005, which a total of exactly 3,300 would miss; one of no change is the reference.
 */
export function resolveTarget(spec: TargetSpec, reference: number | null): number | null {
  if (spec.kind === 'absolute') return Number.isFinite(spec.value) ? spec.value : null;
  if (reference === null) return null;
  const value = spec.kind === 'percent' ? reference + Math.abs(reference) * spec.ratio : reference + spec.amount;
  if (!Number.isFinite(value)) return null;
  // "+0%" asks for the reference itself, to its last digit (a rate rounded to 15 digits is not its baseline: red-team 24 #7).
  if (value === reference) return reference;
  const rounded = Number(value.toPrecision(15));
  return Number.isFinite(rounded) ? rounded : value;
}

/**
 * What a measure's target is set against, whatever the as-of day: its mode, the previous period's
 * value, the baseline and the target.
 */
export interface MeasureTarget {
  readonly mode: MeasureMode;
  /**
   * The KPI over the previous period of the same kind; where a channel counted covers it only in
   * part (`previousPartial`), a level that does not grow with its days (a rate) over the days every
   * channel counted covers, as the KPI table's previous quarter is, and anything else as it is.
   */
  readonly previous: number | null;
  /**
   * Level: given, or the KPI over the previous period, only to `baselineTo` when an input's export
   * ends before the rest of its data there, and only over `previousPartial` where that applies (a
   * figure that grows with its days, a reach, then has none: part of a period is no baseline);
   * cumulative: given or 0.
   */
  readonly baseline: number | null;
  /** Resolved against the previous period's total (cumulative) or the baseline (level). */
  readonly target: number | null;
  /**
   * An implicit level baseline whose previous period has a summed input of the KPI ending before
   * the channel's other data (clicks exported to 10 September beside impressions to the 30th): the
   * day it is taken to, the first day such an input stops (see `inputsApartTo`), so that a rate
   * divides totals over the same days; else null.
   */
  readonly baselineTo: Day | null;
  /**
   * A relative target on a total whose reference, the previous period's total, counts an input (or
   * a channel's whole data) only to this day (its export ends there, before the period's end):
   * kept as it is, as a partial total cannot be completed honestly, and flagged; else null.
   */
  readonly referenceTo: Day | null;
  /**
   * Channels of the measure that have the KPI over the previous period but that its reference (the
   * total a relative target applies to, or the implicit baseline) leaves out, as the actual does
   * (`over`: a channel that stopped before the period, or lacks an input in it): like with like,
   * said. Empty when neither reference applies (an absolute target, a baseline given).
   */
  readonly previousLeftOut: readonly string[];
  /**
   * Channels its actual counts that an implicit level baseline has no data for: none in the
   * previous period (a channel launched in this one: rt15 #4), or none up to `baselineTo` (one
   * launched after an input's export ended there). The baseline is the KPI over the other channels
   * alone, said; else empty.
   */
  readonly baselineLeftOut: readonly string[];
  /**
   * A rate's implicit baseline leaves out a channel its actual counts (`baselineLeftOut`): a rate
   * of other channels is no comparison (the KPI table's "not comparable: channels differ"), and
   * its "progress" would be the mix changing (TikTok's cheap clicks joining LinkedIn's), so the
   * measure has no progress and is undecided; a figure that adds up across channels (a follower
   * count) keeps its progress, as the KPI table keeps a total's change (a channel launched is
   * growth). False otherwise.
   */
  readonly baselineChannelsDiffer: boolean;
  /**
   * The previous period is covered only over these days by a channel counted in it (its daily
   * data start after the period's first day, or end before its last: see `coveredPart`), as the
   * KPI table's `previousPartial`, where the measure reads it: a level's implicit baseline (and
   * its `previous`) is taken over them for a rate, and is none for a figure that grows with its
   * days (a reach); a total's `previous` is kept, and judges no achievability. Null when every
   * channel counted covers the whole period, and for a level with a baseline given.
   */
  readonly previousPartial: CoveredPart | null;
  /**
   * A level's implicit baseline that would be only a bound of the true figure (a reach summed from
   * month rows: an upper bound; a cost per thousand reached over it: a lower one): which bound. Such
   * a figure is no baseline (it would decide the goal's direction and status on a guess), so
   * `baseline` is null; else null.
   */
  readonly baselineBound: Exclude<KpiBound, 'exact'> | null;
}

/**
 * Resolves a measure's baseline and target over `period` (SPEC "Goal evaluation"). `over`, the
 * channels its actual is computed over (those of its channels reporting every input of the KPI),
 * restricts the previous period's value to them, so that the implicit baseline and a relative
 * target's reference compare like with like; by default, every channel of the measure.
 */
export function measureTarget(
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  over?: readonly string[] | null,
): MeasureTarget {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) throw new Error(`unknown KPI '${measure.kpi}' (the loader should have rejected it)`);
  const channels = over && over.length > 0 ? over : resolveChannels(measure.channel, engine.index.channels);
  const prev = previousPeriod(period);
  const window = windowFor(engine, channels, prev.start, prev.end);
  const whole = window.value(kpi);
  const mode: MeasureMode = kpi.cumulative ? 'cumulative' : 'level';
  const grows = growsWithWindow(kpi.ast, (name) => engine.index.metrics.get(name)?.aggregation);
  const relative = measure.target.kind !== 'absolute';
  const referenced = mode === 'cumulative' ? relative : measure.baseline === null;
  const previousLeftOut = referenced ? channelsLeftOut(engine, kpi, measure, channels, prev) : [];
  // A previous period a channel covers only in part, as the KPI table takes it (red-team 9 #4).
  // Days no export covers inside it (a hole in an export, a gap between two) make it partial too (red-team 12 #2).
  const partOf = (value: KpiValue, over: MetricWindow) => previousPart(engine, kpi, value, over, [period.start, period.end]);
  if (mode === 'cumulative') {
    const previous = whole.value;
    const baseline = measure.baseline ?? 0;
    // A total over part of the previous period: an input's export, or a channel's whole data,
    // ends before it does (red-team 6 #9).
    const part = partOf(whole, window);
    // A previous period of which no day is covered has no total (red-team 19 #6), nor one summed from a part of
    // engagements this period lacks (saves dropped on 15 May, as at the quarter's end: red-team 22 #1, 24 #6):
    // nothing to apply a change to.
    const none =
      coversNoDay(part) || partsDroppedIn(engine, kpi, channels, prev.start, prev.end, [period.start, period.end]).length > 0;
    const previousPartial = none ? null : part;
    const referenceTo = relative && !none ? dataEnds(engine, channels, prev, prev.end, kpi).dataTo : null;
    const target = resolveTarget(measure.target, none ? null : previous);
    return {
      mode,
      previous: none ? null : previous,
      baseline,
      target,
      baselineTo: null,
      referenceTo,
      previousLeftOut,
      baselineLeftOut: [],
      baselineChannelsDiffer: false,
      previousPartial,
      baselineBound: null,
    };
  }
  const implicit = measure.baseline === null;
  // Part of a period is no baseline for a figure that grows with its days (a reach over 47 days).
  const grown = implicit && grows ? partOf(whole, window) : null;
  if (grown !== null) {
    const target = resolveTarget(measure.target, null);
    return {
      mode,
      previous: whole.value,
      baseline: null,
      target,
      baselineTo: null,
      referenceTo: null,
      previousLeftOut,
      baselineLeftOut: [],
      baselineChannelsDiffer: false,
      previousPartial: grown,
      baselineBound: null,
    };
  }
  const baselineTo = implicit ? inputsApartTo(engine, channels, prev, kpi, [period.start, period.end]) : null;
  const cutWindow = baselineTo === null ? window : windowFor(engine, channels, prev.start, baselineTo);
  const cut = baselineTo === null ? null : cutWindow.value(kpi);
  // A rate over the days every channel counted in it covers, where one covers them only in part.
  const part = implicit ? partOf(cut ?? whole, cutWindow) : null;
  // No day of it covered (an input that starts after it): no baseline from it (red-team 19 #5).
  const none = coversNoDay(part);
  // A rate of flows over the covered days, holes left out as the KPI table's earlier quarter is
  // (`comparableValue`), and to the day that takes it to where it is cut (a month row of an input not
  // whole there): the baseline is the figure of the day it names (red-team 26 #3). Any other KPI is
  // read over the covered days as they are, holes or not (a count is a count on its day).
  // So is one cut where an input's export ends (clicks to 10 June beside impressions as month rows: red-team 28 #3).
  const readOver = none
    ? null
    : part
      ? ([part.from, part.to] as const)
      : baselineTo !== null
        ? ([prev.start, baselineTo] as const)
        : null;
  const overCovered =
    readOver && (part?.gaps || baselineTo !== null) && overCoveredDays(engine, kpi)
      ? comparableValue(engine, kpi, channels, readOver[0], readOver[1])
      : null;
  const takenTo = readOver && overCovered?.to != null && overCovered.to < readOver[1] ? overCovered.to : null;
  const previousPartial =
    none || readOver === null
      ? null
      : takenTo !== null
        ? (partWithGaps(
            readOver[0],
            takenTo,
            overCovered?.gaps ? daysLeftOut(engine, kpi, overCovered.gaps) : null,
            (cut ?? whole).channels ?? channels,
          ) ?? {
            from: readOver[0],
            to: takenTo,
          })
        : part;
  const covered =
    previousPartial === null
      ? none
        ? { ...(cut ?? whole), value: null }
        : null
      : (overCovered?.value ?? windowFor(engine, channels, previousPartial.from, previousPartial.to).value(kpi));
  const previous = covered === null ? whole.value : covered.value;
  const taken = covered ?? cut ?? whole;
  // Only a bound of the true figure is no baseline (red-team: reach summed from month rows decided a goal's direction).
  const baselineBound = implicit && taken.value !== null && taken.bound !== 'exact' ? taken.bound : null;
  const baseline = measure.baseline ?? (baselineBound === null ? taken.value : null);
  // A channel counted over the whole previous period but with no data up to `baselineTo`, or one
  // with the KPI in this period and none in the previous one (a channel launched: rt15 #4).
  const counted = (v: KpiValue) => (v.value === null ? [] : (v.channels ?? channels));
  const inBaseline = counted(taken);
  const baselineLeftOut =
    measure.baseline !== null || baseline === null
      ? []
      : channels.filter(
          (c) =>
            !inBaseline.includes(c) &&
            (counted(whole).includes(c) || windowFor(engine, [c], period.start, period.end).value(kpi).value !== null),
        );
  return {
    mode,
    previous,
    baseline,
    target: resolveTarget(measure.target, baseline),
    // The day the value is read to: a part cut shorter than the inputs' shared end (a month row not whole there) names its own.
    baselineTo:
      previousPartial !== null && (baselineTo !== null || takenTo !== null)
        ? Math.min(previousPartial.to, baselineTo ?? Infinity)
        : baselineTo,
    referenceTo: null,
    previousLeftOut,
    baselineLeftOut,
    baselineChannelsDiffer: kpi.rate && baselineLeftOut.length > 0,
    previousPartial,
    baselineBound,
  };
}

/**
 * The part of a previous window a measure's reference covers (`coveredPart`), with the days inside
 * it that no export of a summed input covers on a channel counted (a hole in a daily export, days
 * between two exports) as its `gaps`, as the KPI table's earlier quarter has them; null when the
 * window is covered whole.
 */
function previousPart(
  engine: KpiEngine,
  kpi: Kpi,
  value: KpiValue,
  window: MetricWindow,
  compared: readonly [start: Day, end: Day],
): CoveredPart | null {
  const part = coveredPart(engine, kpi, value, window, compared);
  if (value.value === null) return part;
  const from = part?.from ?? window.start;
  const to = part?.to ?? window.end;
  const counted = value.channels ?? window.channels;
  const raw = from > to ? null : inputGaps(engine, kpi, counted, from, to);
  const found = raw !== null && overCoveredDays(engine, kpi) ? daysLeftOut(engine, kpi, raw) : raw;
  return partWithGaps(from, to, found, counted) ?? part;
}

/** Channels of a measure, not among `channels`, that have the KPI over `prev`: those its reference leaves out. */
function channelsLeftOut(engine: KpiEngine, kpi: Kpi, measure: Measure, channels: readonly string[], prev: Period): string[] {
  return resolveChannels(measure.channel, engine.index.channels).filter(
    (c) => !channels.includes(c) && windowFor(engine, [c], prev.start, prev.end).value(kpi).value !== null,
  );
}

/**
 * The channels a measure's actual is computed over as of `upTo` (by default the last day with
 * data in its period): those of its channels that report every input of the KPI. Every channel
 * of the measure before its period has data, or when none reports every input.
 */
export function measuredChannels(engine: KpiEngine, measure: Measure, period: Period, upTo?: Day): readonly string[] {
  const channels = resolveChannels(measure.channel, engine.index.channels);
  const kpi = engine.kpis.get(measure.kpi);
  const last = Math.min(upTo ?? engine.index.lastDay(period.end) ?? period.start - 1, period.end);
  if (!kpi || last < period.start) return channels;
  const covered = windowFor(engine, channels, period.start, last).value(kpi).channels;
  return covered && covered.length > 0 ? covered : channels;
}
