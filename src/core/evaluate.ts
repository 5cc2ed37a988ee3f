/**
 * Goal evaluation (SPEC "Goal evaluation"): pure functions of the goal, the KPI engine
 * and an as-of date passed in by the caller. No clock, no files.
 */
import type { Direction } from './catalogue.ts';
import { type Day, formatDay, monthBounds, monthIndexOf, quarterBounds, quarterIndexOf } from './dates.ts';
import type { Goal, KeyResult, Measure, OkrGoal, SmartGoal, TargetSpec } from './goals.ts';
import {
  inputEnds,
  type InputsEnd,
  type Kpi,
  type KpiEngine,
  type KpiValue,
  resolveChannels,
  summedInputs,
  wholeInputsTo,
  windowFor,
} from './kpis.ts';
import { elapsedShare, expectedProgress } from './pace.ts';
import { dataMetrics } from './metrics.ts';
import { type Period, previousPeriod } from './periods.ts';
import { leastSquaresAt } from './projection.ts';
import { neverNegative } from './sign.ts';
import {
  boundedStatus,
  capStatus,
  type GoalStatus,
  goalStatus,
  noChangeStatus,
  type OkrBand,
  okrBand,
  PROGRESS_ROUNDING,
} from './status.ts';

/** How a measure is evaluated: a running total (flows) or the level of a KPI. */
export type MeasureMode = 'cumulative' | 'level';

export interface MeasureEvaluation {
  readonly kpi: string;
  readonly channel: string | readonly string[];
  readonly mode: MeasureMode;
  readonly good: Direction;
  /** Level: given or the previous period's value; cumulative: given or 0. */
  readonly baseline: number | null;
  /** The KPI over the previous period of the same kind (shown beside a cumulative baseline). */
  readonly previous: number | null;
  /** An implicit level baseline taken over the previous period only to this day, where an input's export ends (see `MeasureTarget`); else null. */
  readonly baselineTo: Day | null;
  /** A relative target's total, the previous period's, counts an input only to this day (see `MeasureTarget`); else null. */
  readonly referenceTo: Day | null;
  /** Channels of the measure whose previous-period data its reference leaves out (see `MeasureTarget`). */
  readonly previousLeftOut: readonly string[];
  /** Channels the implicit baseline leaves out, having no data up to `baselineTo` (see `MeasureTarget`). */
  readonly baselineLeftOut: readonly string[];
  readonly target: number | null;
  readonly actual: number | null;
  readonly progress: number | null;
  readonly elapsed: number;
  readonly expected: number;
  readonly status: GoalStatus;
  readonly projection: number | null;
  /** The actual uses a unique metric summed from finer rows (an upper bound). */
  readonly approximate: boolean;
  /**
   * A total that cannot be negative and that, over every day with data to this day (past
   * `dataTo`), already decides the goal (a cap overspent, a target reached): the actual, progress
   * and status are that total's, while pace and projection stay as of `dataTo`; else null.
   */
  readonly actualTo: Day | null;
  /**
   * A month or quarter row of a unique input (reach for July) straddles an end of the window and
   * is left out with no finer rows for its part (a goal from 15 July): the actual is neither exact
   * nor an upper bound, so progress, status and projection are n/a (see `dropsStraddlingRows`).
   */
  readonly cutRows: boolean;
  /** Channels of the goal left out of the actual for lacking an input of the KPI. */
  readonly leftOut: readonly string[];
  /** The actual counts followers from daily follows (new − lost) rather than from totals alone. */
  readonly netFollows: boolean;
  /** Channels of the measure whose data in the period ends before the as-of day (see `dataEnds`). */
  readonly incomplete: readonly string[];
  /** With incomplete channels: the day the measure is evaluated as of, the earliest of their last days; else null. */
  readonly dataTo: Day | null;
  /**
   * The channels whose exports of a summed input of the KPI end before their other data in the
   * goal's period so far (inputs that end apart, or a total whose export stops early), with each
   * input's last day: why it is evaluated as of `dataTo` (see `dataEnds`); else null.
   */
  readonly inputsEnd: InputsEnd | null;
  /**
   * Days inside the goal's period so far that no export of a summed input of the KPI covers on a
   * channel of its actual, between two exports (see `inputGaps`): its figure counts them as unknown
   * days it cannot see, so it is flagged; else null.
   */
  readonly gaps: InputGaps | null;
  /**
   * A level on a KPI that builds up as its period runs (reach, audience growth rate), before its
   * deadline: its value so far is compared with a whole period, so progress and status are provisional.
   */
  readonly provisional: boolean;
}

export interface SmartEvaluation extends MeasureEvaluation {
  readonly id: string;
  readonly type: 'smart';
  readonly title: string;
  readonly start: string;
  readonly deadline: string;
}

export interface KeyResultEvaluation {
  readonly id: string;
  readonly title: string | null;
  readonly weight: number;
  readonly manual: boolean;
  readonly kpi: string | null;
  readonly channel: string | readonly string[] | null;
  readonly baseline: number | null;
  /** As `MeasureEvaluation.baselineTo`, `referenceTo`, `previousLeftOut` and `baselineLeftOut`. */
  readonly baselineTo: Day | null;
  readonly referenceTo: Day | null;
  readonly previousLeftOut: readonly string[];
  readonly baselineLeftOut: readonly string[];
  readonly target: number | null;
  readonly actual: number | null;
  readonly progress: number | null;
  readonly expected: number;
  readonly status: GoalStatus;
  readonly projection: number | null;
  /** As `MeasureEvaluation.actualTo` and `cutRows`. */
  readonly actualTo: Day | null;
  readonly cutRows: boolean;
  /** Progress clamped to [0, 1]; null when progress cannot be computed or the period has not started. */
  readonly score: number | null;
  /** Channels of the key result left out of its actual for lacking an input of the KPI. */
  readonly leftOut: readonly string[];
  /** Channels whose data ends before the as-of day, and the day it is evaluated as of (see `MeasureEvaluation`). */
  readonly incomplete: readonly string[];
  readonly dataTo: Day | null;
  /** Where the inputs of its actual end apart, and the days between their exports (see `MeasureEvaluation`). */
  readonly inputsEnd: InputsEnd | null;
  readonly gaps: InputGaps | null;
  /** Its progress and status are provisional until the deadline (see `MeasureEvaluation`). */
  readonly provisional: boolean;
}

export interface OkrEvaluation {
  readonly id: string;
  readonly type: 'okr';
  readonly title: string;
  readonly start: string;
  readonly deadline: string;
  readonly elapsed: number;
  readonly stretch: boolean;
  /** Weighted mean of key-result scores (a key result without a score counts as 0); null before the start. */
  readonly score: number | null;
  readonly band: OkrBand | null;
  readonly keyResults: readonly KeyResultEvaluation[];
}

export type GoalEvaluation = SmartEvaluation | OkrEvaluation;

/**
 * Resolves a target against its reference (the baseline, or the previous period's total). A
 * percentage moves the reference by that share of its size (|reference|, as QoQ changes are
 * measured), so "+20%" on a net loss of 91 followers asks for a loss of 72.8, not 109.2. A
 * relative target is rounded to 15 significant digits: 3,000 + 10% is 3,300, not
 * 3300.0000000000005, which a total of exactly 3,300 would miss.
 */
export function resolveTarget(spec: TargetSpec, reference: number | null): number | null {
  if (spec.kind === 'absolute') return Number.isFinite(spec.value) ? spec.value : null;
  if (reference === null) return null;
  const value = spec.kind === 'percent' ? reference + Math.abs(reference) * spec.ratio : reference + spec.amount;
  if (!Number.isFinite(value)) return null;
  const rounded = Number(value.toPrecision(15));
  return Number.isFinite(rounded) ? rounded : value;
}

/** Progress of a level measure: (actual − baseline) / (target − baseline), unclamped. */
export function levelProgress(actual: number | null, baseline: number | null, target: number | null): number | null {
  if (actual === null || baseline === null || target === null || target === baseline) return null;
  return finiteOrNull((actual - baseline) / (target - baseline));
}

/** Progress of a cumulative measure: actual / target. */
export function cumulativeProgress(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target === 0) return null;
  return finiteOrNull(actual / target);
}

/** What a measure's target is set against, whatever the as-of day: its mode, the previous period's value, the baseline and the target. */
export interface MeasureTarget {
  readonly mode: MeasureMode;
  /** The KPI over the previous period of the same kind. */
  readonly previous: number | null;
  /**
   * Level: given, or the KPI over the previous period, only to `baselineTo` when an input's export
   * ends before the rest of its data there; cumulative: given or 0.
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
   * Channels whose data over the previous period all falls after `baselineTo` (a channel launched
   * after an input's export ended): the implicit baseline is computed without them; else empty.
   */
  readonly baselineLeftOut: readonly string[];
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
  const whole = windowFor(engine, channels, prev.start, prev.end).value(kpi);
  const previous = whole.value;
  const mode: MeasureMode = kpi.cumulative ? 'cumulative' : 'level';
  const relative = measure.target.kind !== 'absolute';
  const referenced = mode === 'cumulative' ? relative : measure.baseline === null;
  const previousLeftOut = referenced ? channelsLeftOut(engine, kpi, measure, channels, prev) : [];
  if (mode === 'cumulative') {
    const baseline = measure.baseline ?? 0;
    // A total over part of the previous period: an input's export, or a channel's whole data, ends before it does (red-team 6 #9).
    const referenceTo = relative ? dataEnds(engine, channels, prev, prev.end, kpi).dataTo : null;
    const target = resolveTarget(measure.target, previous);
    return { mode, previous, baseline, target, baselineTo: null, referenceTo, previousLeftOut, baselineLeftOut: [] };
  }
  const baselineTo = measure.baseline === null ? inputsApartTo(engine, channels, prev, kpi) : null;
  const cut = baselineTo === null ? null : windowFor(engine, channels, prev.start, baselineTo).value(kpi);
  const baseline = measure.baseline ?? (cut === null ? previous : cut.value);
  // A channel counted over the whole previous period but with no data up to `baselineTo`.
  const counted = (v: KpiValue) => (v.value === null ? [] : (v.channels ?? channels));
  const baselineLeftOut = cut === null ? [] : counted(whole).filter((c) => !counted(cut).includes(c));
  return {
    mode,
    previous,
    baseline,
    target: resolveTarget(measure.target, baseline),
    baselineTo,
    referenceTo: null,
    previousLeftOut,
    baselineLeftOut,
  };
}

/** Channels of a measure, not among `channels`, that have the KPI over `prev`: those its reference leaves out. */
function channelsLeftOut(engine: KpiEngine, kpi: Kpi, measure: Measure, channels: readonly string[], prev: Period): string[] {
  return resolveChannels(measure.channel, engine.index.channels).filter(
    (c) => !channels.includes(c) && windowFor(engine, [c], prev.start, prev.end).value(kpi).value !== null,
  );
}

/**
 * The first day in `period` on which a summed input of `kpi` stops on one of `channels` while the
 * channel's other data goes on (`dataEnds`' `inputsEnd`: a clicks export downloaded on the 10th
 * beside impressions to the 30th); null when the inputs of every channel reach as far as its data.
 * Up to that day every input is known, so the KPI over [start, that day] compares like with like.
 */
export function inputsApartTo(engine: KpiEngine, channels: readonly string[], period: Period, kpi: Kpi): Day | null {
  const { inputsEnd } = dataEnds(engine, channels, period, period.end, kpi);
  if (!inputsEnd) return null;
  const ends = Object.values(inputsEnd).flatMap((byInput) => Object.values(byInput));
  return ends.length > 0 ? Math.min(...ends) : null;
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

/** Per channel and summed input, the ranges of days (first, last) between its exports. */
export type InputGaps = Readonly<Record<string, Readonly<Record<string, ReadonlyArray<readonly [Day, Day]>>>>>;

/**
 * The days in [a, b] that no export of a summed input of `kpi` covers on each of `channels`,
 * between two of its exports (`MetricIndex.coverageGaps`: a clicks file for one quarter that
 * ends on 10 June, the next from 1 July); null when there are none (red-team 6 #7). A total or
 * rate over such a range adds or divides figures over different days.
 */
export function inputGaps(engine: KpiEngine, kpi: Kpi, channels: readonly string[], a: Day, b: Day): InputGaps | null {
  let out: Record<string, Record<string, ReadonlyArray<readonly [Day, Day]>>> | null = null;
  for (const channel of channels) {
    for (const input of summedInputs(engine, kpi)) {
      const gaps = engine.index.coverageGaps(channel, input, a, b);
      if (gaps.length > 0) ((out ??= {})[channel] ??= {})[input] = gaps;
    }
  }
  return out;
}

/**
 * A KPI over the days in [a, b] outside every range of `gaps` (on any channel and input): its
 * summed inputs are added over those days alone, so a rate divides totals over the same days.
 * Only for KPIs whose inputs are all summed (flows).
 */
export function valueOverCovered(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  a: Day,
  b: Day,
  gaps: InputGaps,
): number | null {
  const holes = Object.values(gaps)
    .flatMap((byInput) => Object.values(byInput).flat())
    .sort((x, y) => x[0] - y[0]);
  const windows: Array<ReturnType<typeof windowFor>> = [];
  let from = a;
  for (const [first, last] of holes) {
    if (first > from) windows.push(windowFor(engine, channels, from, Math.min(first - 1, b)));
    from = Math.max(from, last + 1);
  }
  if (from <= b) windows.push(windowFor(engine, channels, from, b));
  return kpi.compute((name) => {
    let sum: number | null = null;
    for (const w of windows) {
      const v = w.lookup(name);
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return sum;
  });
}

/**
 * Whether a unique input of `kpi` (reach) over [start, end] on one of `channels` leaves out a
 * month or quarter row that straddles an end of the window, with no finer rows for its part
 * inside it (a date-range goal from 15 July beside a July reach row): the figure then misses
 * those days, so it is neither exact nor an upper bound.
 */
export function dropsStraddlingRows(engine: KpiEngine, kpi: Kpi, channels: readonly string[], start: Day, end: Day): boolean {
  if (end < start) return false;
  const around = [
    monthBounds(monthIndexOf(start)),
    quarterBounds(quarterIndexOf(start)),
    monthBounds(monthIndexOf(end)),
    quarterBounds(quarterIndexOf(end)),
  ];
  for (const name of kpi.inputs) {
    const metric = engine.index.metrics.get(name);
    if (metric?.aggregation !== 'unique') continue;
    for (const channel of channels) {
      for (const [first, last] of around) {
        if (start <= first && last <= end) continue;
        // A row of exactly that month or quarter (a single channel's total is exact only then).
        const row = engine.index.aggregate([channel], metric, first, last);
        if (!row || row.approximate) continue;
        if (engine.index.aggregate([channel], metric, Math.max(first, start), Math.min(last, end)) === null) return true;
      }
    }
  }
  return false;
}

/** A measure's channels whose data ends early, and the day it is evaluated as of. */
export interface DataEnds {
  /**
   * Channels whose data in the period ends before the as-of day (or the deadline, when earlier),
   * or whose exports of a summed input of the KPI do; not those lacking an input of the KPI.
   */
  readonly incomplete: readonly string[];
  /** The earliest of their last days (null when none): the measure is evaluated as of it. */
  readonly dataTo: Day | null;
  /**
   * The channels among them whose own data goes on after an input of the KPI stops (a clicks
   * export downloaded on the 10th beside impressions to the 30th), with how far each summed
   * input's exports reach; null when none.
   */
  readonly inputsEnd: InputsEnd | null;
}

/**
 * Which of `channels` have data in `period` that ends before `asOf` (or the deadline, when
 * earlier): their exports (from an export's first row to its `through` day, else its last row)
 * do not reach that day, whether or not another channel's do. The report marks such a channel incomplete; the days after its last day
 * are unknown, not days without activity, so a measure on it is evaluated as of that day. With a
 * `kpi`, a channel's data ends where the exports of the first of the KPI's summed inputs end
 * (see `inputEnds`): after that day its figures would add or divide totals over different days.
 */
export function dataEnds(engine: KpiEngine, channels: readonly string[], period: Period, asOf: Day, kpi?: Kpi): DataEnds {
  // The days after a channel's last day are unknown, also when no channel has data on them (red-team 6 #8, #9).
  const end = Math.min(asOf, period.end);
  const latest = engine.index.lastDay(end);
  const incomplete: string[] = [];
  let dataTo: Day | null = null;
  let byInput: Record<string, Record<string, Day>> | null = null;
  if (latest === null) return { incomplete, dataTo, inputsEnd: null };
  const inputs = kpi && latest >= period.start ? summedInputs(engine, kpi) : [];
  for (const channel of channels) {
    let last = engine.index.lastDay(end, [channel]);
    if (last === null || last < period.start) continue;
    if (kpi && inputs.length > 0) {
      const ends = inputEnds(engine, kpi, channel, period.start, end);
      // A channel lacking an input is left out of the KPI (see `MetricWindow.value`): its figures are not in it (red-team 6 #6).
      if (Object.keys(ends).length < inputs.length) continue;
      const first = Math.min(...Object.values(ends));
      if (first < last) {
        (byInput ??= {})[channel] = ends;
        last = first;
      }
    }
    if (last >= end) continue;
    incomplete.push(channel);
    if (dataTo === null || last < dataTo) dataTo = last;
  }
  return { incomplete, dataTo, inputsEnd: byInput };
}

/**
 * `dataEnds` for a measure, cut further to the last day every summed input of its KPI is whole
 * (see `wholeInputsTo`: clicks as a row for August beside impressions to the 20th are evaluated
 * as of 31 July), with the channels cut marked incomplete and their inputs' last days.
 */
function wholeEnds(engine: KpiEngine, kpi: Kpi, channels: readonly string[], period: Period, asOf: Day): DataEnds {
  const ends = dataEnds(engine, channels, period, asOf, kpi);
  const cutoff = Math.min(ends.dataTo ?? asOf, period.end);
  const cut = wholeInputsTo(engine, kpi, channels, period.start, cutoff);
  if (!cut) return ends;
  return {
    incomplete: channels.filter((c) => ends.incomplete.includes(c) || Object.hasOwn(cut.inputsEnd, c)),
    dataTo: cut.to,
    inputsEnd: { ...ends.inputsEnd, ...cut.inputsEnd },
  };
}

/**
 * Evaluates what a goal or key result measures over `period`, as of `asOf`, or as of the last
 * day its channels have data when one of them ends earlier (see `dataEnds`).
 */
export function evaluateMeasure(engine: KpiEngine, measure: Measure, period: Period, reportAsOf: Day): MeasureEvaluation {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) throw new Error(`unknown KPI '${measure.kpi}' (the loader should have rejected it)`);
  const channels = resolveChannels(measure.channel, engine.index.channels);
  const { incomplete, dataTo, inputsEnd } = wholeEnds(engine, kpi, channels, period, reportAsOf);
  const asOf = dataTo ?? reportAsOf;
  const { start, end: deadline } = period;
  const started = asOf >= start;
  const ended = asOf >= deadline;
  const cutoff = Math.min(asOf, deadline);
  const elapsed = elapsedShare(start, deadline, asOf);
  const current = started ? windowFor(engine, channels, start, cutoff).value(kpi) : null;
  const over = current?.channels ?? channels;
  const gaps = current ? inputGaps(engine, kpi, over, start, cutoff) : null;
  // A level over summed inputs only (a rate: CTR, cost per lead) is taken over the days every input covers (red-team 6 #7).
  const overCovered = !kpi.cumulative && !kpi.accumulates && summedInputs(engine, kpi).length === kpi.inputs.length;
  const actual = gaps && overCovered ? valueOverCovered(engine, kpi, over, start, cutoff, gaps) : (current?.value ?? null);
  const { mode, previous, baseline, target, baselineTo, referenceTo, previousLeftOut, baselineLeftOut } = measureTarget(
    engine,
    measure,
    period,
    current?.channels,
  );
  const cutRows = actual !== null && dropsStraddlingRows(engine, kpi, current?.channels ?? channels, start, cutoff);
  const progress = cutRows
    ? null
    : mode === 'cumulative'
      ? cumulativeProgress(actual, target)
      : levelProgress(actual, baseline, target);

  const milestoneProgress = (value: number): number | null =>
    mode === 'cumulative' ? cumulativeProgress(value, target) : levelProgress(value, baseline, target);
  const pacePoints = measure.milestones.flatMap((m) => {
    const p = milestoneProgress(m.target);
    return p === null ? [] : [{ date: m.date, progress: p }];
  });
  const expected = expectedProgress(start, deadline, asOf, pacePoints);

  const good = kpi.def.good;
  const timing = { started, ended, expected };
  const cap = isCap(mode, good, target);
  const noChange = asksNoChange(mode, good, baseline, target);
  let status = cap
    ? good === 'down'
      ? capStatus(timing, actual, target)
      : capStatus(timing, actual === null ? null : -actual, -target!)
    : noChange
      ? noChangeStatus(timing, actual, target, good)
      : goalStatus({ ...timing, progress });
  const approximate = current?.approximate ?? false;
  if (cutRows && started) {
    status = 'no_data';
  } else if (approximate && target !== null) {
    // An upper bound on the actual (reach summed from finer rows) bounds the status on one side only.
    const higherIsBetter =
      cap || noChange ? good === 'up' : mode === 'cumulative' ? target > 0 : baseline !== null && target > baseline;
    status = boundedStatus(status, higherIsBetter ? 'worse' : 'better', cap && !ended ? 'on_track' : 'achieved');
  }
  /**
   * A total of figures that cannot be negative, over every day with data to the report's as-of
   * day (and the deadline), is at least what the period holds whatever the days after a channel's
   * last day bring: past a cap (16,500 of spend against 15,000) or at a target, it already
   * decides the goal, though its pace is taken as of `dataTo`. Null when it does not decide.
   */
  const decidedTotal = (): { actual: number; progress: number | null; status: GoalStatus; to: Day } | null => {
    if (target === null) return null;
    const to = Math.min(reportAsOf, deadline);
    const whole = windowFor(engine, channels, start, to).value(kpi).value;
    if (whole === null || actual === null || whole <= actual) return null;
    const past = (value: number) =>
      good === 'down' ? value > target : target > 0 && (cumulativeProgress(value, target) ?? 0) >= 1 - PROGRESS_ROUNDING;
    // The figure to the earliest end decides it already (and is shown as before), or the whole does not either.
    if (past(actual) || !past(whole)) return null;
    const decidedStatus: GoalStatus = good === 'up' ? 'achieved' : reportAsOf >= deadline ? 'missed' : 'off_track';
    return { actual: whole, progress: cumulativeProgress(whole, target), status: decidedStatus, to };
  };
  const nonNegative = neverNegative(kpi.ast, (name) => engine.index.metrics.get(name));
  const decided = started && dataTo !== null && mode === 'cumulative' && nonNegative ? decidedTotal() : null;

  let projection: number | null = null;
  if (started && actual !== null && !approximate) {
    if (mode === 'cumulative') {
      projection = elapsed > 0 ? finiteOrNull(actual / elapsed) : null;
    } else {
      const metrics = dataMetrics(kpi.inputs, engine.index.metrics);
      const points = engine.index.dataDays(channels, metrics, start, cutoff).flatMap((day) => {
        // Only on days where every input is whole: not on month rows entering the window one by one.
        if (wholeInputsTo(engine, kpi, channels, start, day) !== null) return [];
        const v =
          gaps && overCovered
            ? valueOverCovered(engine, kpi, over, start, day, gaps)
            : windowFor(engine, channels, start, day).value(kpi).value;
        return v === null ? [] : [[day, v] as const];
      });
      const line = leastSquaresAt(points, deadline);
      // A KPI that cannot be negative has no projection where its line heads below 0: the line has left what the KPI can be.
      projection = line !== null && nonNegative && line < 0 ? null : line;
    }
  }

  return {
    kpi: measure.kpi,
    channel: measure.channel,
    mode,
    good,
    baseline,
    previous,
    baselineTo,
    referenceTo,
    previousLeftOut,
    baselineLeftOut,
    target,
    actual: decided?.actual ?? actual,
    progress: decided ? decided.progress : progress,
    elapsed,
    expected,
    status: decided?.status ?? status,
    projection,
    approximate,
    actualTo: decided?.to ?? null,
    cutRows,
    leftOut: current?.leftOut ?? [],
    netFollows: current?.netFollows ?? false,
    incomplete,
    dataTo,
    inputsEnd,
    gaps,
    provisional: mode === 'level' && kpi.accumulates && started && !ended,
  };
}

/**
 * Whether a cumulative measure is a limit rather than an amount to reach: a budget cap (a total
 * that is good when down), or its mirror, a floor: a running total that is good when up with a
 * target below 0 (follower growth after a net loss: "+20%" on a loss of 91 asks to lose at most
 * 72.8, met by losing none), where actual ÷ target would count a smaller loss as less progress.
 */
export function isCap(mode: MeasureMode, good: Direction, target: number | null): boolean {
  return mode === 'cumulative' && (good === 'down' || (target !== null && target < 0));
}

/**
 * Whether a measure's target equals its baseline, so that it asks for no change and progress is
 * undefined (a "+10%" on a quarter of zero clicks, an absolute target equal to last quarter's
 * value): a level whose target is its baseline, or a total that should grow with a target of 0.
 * Its status compares the actual with the target (see `noChangeStatus`).
 */
export function asksNoChange(mode: MeasureMode, good: Direction, baseline: number | null, target: number | null): boolean {
  if (target === null) return false;
  return mode === 'level' ? baseline !== null && target === baseline : good === 'up' && target === 0;
}

/** Evaluates a SMART goal as of a date. */
export function evaluateSmartGoal(engine: KpiEngine, goal: SmartGoal, asOf: Day): SmartEvaluation {
  return {
    id: goal.id,
    type: 'smart',
    title: goal.title,
    start: formatDay(goal.period.start),
    deadline: formatDay(goal.period.end),
    ...evaluateMeasure(engine, goal, goal.period, asOf),
  };
}

/**
 * Score of a budget cap as a key result: a cap is kept or not, so the score follows its
 * status (spend ÷ cap would score overspending 1).
 */
const CAP_SCORES: Partial<Record<GoalStatus, number>> = { achieved: 1, on_track: 1, at_risk: 0.5, off_track: 0, missed: 0 };

/** Evaluates one key result over its OKR's period. */
export function evaluateKeyResult(engine: KpiEngine, kr: KeyResult, period: Period, asOf: Day): KeyResultEvaluation {
  const base = { id: kr.id, title: kr.title, weight: kr.weight };
  if (kr.measure) {
    const m = evaluateMeasure(engine, kr.measure, period, asOf);
    // A cap, or a goal asking for no change, is kept or not: its score follows its status.
    const byStatus = isCap(m.mode, m.good, m.target) || asksNoChange(m.mode, m.good, m.baseline, m.target);
    return {
      ...base,
      manual: false,
      kpi: m.kpi,
      channel: m.channel,
      baseline: m.baseline,
      baselineTo: m.baselineTo,
      referenceTo: m.referenceTo,
      previousLeftOut: m.previousLeftOut,
      baselineLeftOut: m.baselineLeftOut,
      target: m.target,
      actual: m.actual,
      progress: m.progress,
      expected: m.expected,
      status: m.status,
      projection: m.projection,
      actualTo: m.actualTo,
      cutRows: m.cutRows,
      score:
        m.status === 'not_started' || m.status === 'no_data'
          ? null
          : byStatus
            ? (CAP_SCORES[m.status] ?? null)
            : m.progress === null
              ? null
              : clamp01(m.progress),
      leftOut: m.leftOut,
      incomplete: m.incomplete,
      dataTo: m.dataTo,
      inputsEnd: m.inputsEnd,
      gaps: m.gaps,
      provisional: m.provisional,
    };
  }
  const manual = kr.manual!;
  const progress = manual.target === 0 ? null : manual.current / manual.target;
  const timing = {
    started: asOf >= period.start,
    ended: asOf >= period.end,
    expected: expectedProgress(period.start, period.end, asOf),
  };
  return {
    ...base,
    manual: true,
    kpi: null,
    channel: null,
    baseline: null,
    baselineTo: null,
    referenceTo: null,
    previousLeftOut: [],
    baselineLeftOut: [],
    target: manual.target,
    actual: manual.current,
    progress,
    expected: timing.expected,
    status: goalStatus({ ...timing, progress }),
    projection: null,
    actualTo: null,
    cutRows: false,
    score: progress === null || !timing.started ? null : clamp01(progress),
    leftOut: [],
    incomplete: [],
    dataTo: null,
    inputsEnd: null,
    gaps: null,
    provisional: false,
  };
}

/**
 * Evaluates an OKR: every key result, then the weighted mean score and its band. Before its
 * start an OKR has no score and no band (its key results are not started): a manual count
 * made ahead of the period is no judgement on it.
 */
export function evaluateOkr(engine: KpiEngine, goal: OkrGoal, asOf: Day): OkrEvaluation {
  const keyResults = goal.keyResults.map((kr) => evaluateKeyResult(engine, kr, goal.period, asOf));
  const score = asOf < goal.period.start ? null : weightedScore(keyResults);
  return {
    id: goal.id,
    type: 'okr',
    title: goal.title,
    start: formatDay(goal.period.start),
    deadline: formatDay(goal.period.end),
    elapsed: elapsedShare(goal.period.start, goal.period.end, asOf),
    stretch: goal.stretch,
    score,
    band: score === null ? null : okrBand(score, goal.stretch),
    keyResults,
  };
}

/** Weighted mean of key-result scores; a key result without a score counts as 0; null if none has one. */
export function weightedScore(krs: ReadonlyArray<{ score: number | null; weight: number }>): number | null {
  let total = 0;
  let weights = 0;
  let scored = false;
  for (const kr of krs) {
    weights += kr.weight;
    if (kr.score !== null) {
      total += kr.score * kr.weight;
      scored = true;
    }
  }
  return scored && weights > 0 ? total / weights : null;
}

/** Evaluates any goal as of a date. */
export function evaluateGoal(engine: KpiEngine, goal: Goal, asOf: Day): GoalEvaluation {
  return goal.type === 'smart' ? evaluateSmartGoal(engine, goal, asOf) : evaluateOkr(engine, goal, asOf);
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
