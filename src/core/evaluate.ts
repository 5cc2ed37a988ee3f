/**
 * Goal evaluation (SPEC "Goal evaluation"): pure functions of the goal, the KPI engine
 * and an as-of date passed in by the caller. No clock, no files.
 */
import type { Direction } from './catalogue.ts';
import {
  clipGaps,
  dropsStraddlingRows,
  straddledFlows,
  inputGaps,
  type InputGaps,
  overCoveredDays,
  valueOverCovered,
  wholeEnds,
} from './coverage.ts';
import { type Day, formatDay } from './dates.ts';
import type { Goal, KeyResult, Measure, OkrGoal, SmartGoal } from './goals.ts';
import {
  type InputsEnd,
  isCount,
  type Kpi,
  type KpiEngine,
  type KpiValue,
  resolveChannels,
  wholeInputsTo,
  windowFor,
} from './kpis.ts';
import { elapsedShare, expectedProgress } from './pace.ts';
import { dataMetrics } from './metrics.ts';
import type { Period } from './periods.ts';
import { leastSquaresAt } from './projection.ts';
import { monotonyIn, neverNegative } from './sign.ts';
import {
  boundedStatus,
  capStatus,
  equalButForRounding,
  type GoalStatus,
  goalStatus,
  noChangeStatus,
  type OkrBand,
  okrBand,
  PROGRESS_ROUNDING,
} from './status.ts';
import type { CoveredPart } from './kpiTable.ts';
import { type MeasureMode, type MeasureTarget, measureTarget } from './targets.ts';

export interface MeasureEvaluation {
  readonly kpi: string;
  readonly channel: string | readonly string[];
  readonly mode: MeasureMode;
  readonly good: Direction;
  /** Level: given or the previous period's value; cumulative: given or 0. */
  readonly baseline: number | null;
  /** The KPI over the previous period of the same kind (shown beside a cumulative baseline). */
  readonly previous: number | null;
  /**
   * An implicit level baseline taken over the previous period only to this day, where an input's
   * export ends (see `MeasureTarget`); else null.
   */
  readonly baselineTo: Day | null;
  /** A relative target's total, the previous period's, counts an input only to this day (see `MeasureTarget`); else null. */
  readonly referenceTo: Day | null;
  /** Channels of the measure whose previous-period data its reference leaves out (see `MeasureTarget`). */
  readonly previousLeftOut: readonly string[];
  /** Channels of the actual the implicit baseline has no data for (see `MeasureTarget`). */
  readonly baselineLeftOut: readonly string[];
  /**
   * A rate's implicit baseline is over other channels than its actual (see `MeasureTarget`): no
   * comparison, so progress is null and the status, once started, `undecided`.
   */
  readonly baselineChannelsDiffer: boolean;
  /** The days of the previous period every channel counted covers, where one covers it only in part (see `MeasureTarget`); else null. */
  readonly previousPartial: CoveredPart | null;
  /** Which bound of the true figure an implicit baseline would be, which makes it none (see `MeasureTarget`); else null. */
  readonly baselineBound: MeasureTarget['baselineBound'];
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
   * What the actual is to the true figure: `exact`; an `upper` or `lower` bound (a KPI over a reach
   * summed from finer rows, by how the KPI moves with it; a total, at its deadline, over days no
   * export covers); or `unbounded`, neither (see `actualBound`). A bound settles only the statuses
   * the true figure could not change.
   */
  readonly bound: ActualBound;
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
  /** Each incomplete channel with its own last day (see `DataEnds.channelsTo`). */
  readonly channelsTo: Readonly<Record<string, Day>>;
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
   * A change of followers counted from a count a week old or more at the start (see `KpiValue.countedFrom`):
   * per channel, that count's day; the actual then holds the change since, neither the period's nor a bound
   * of it (`bound` unbounded: no status but undecided, no projection). Else null.
   */
  readonly countedFrom: Readonly<Record<string, Day>> | null;
  /**
   * A level on a KPI that builds up as its period runs (reach, audience growth rate), before its
   * deadline: its value so far is compared with a whole period, so progress and status are provisional.
   */
  readonly provisional: boolean;
  /**
   * The report's as-of day is on or after the deadline while the data of the measure end before
   * it (`dataTo`), or they end before its period (a follower count carried into it: nothing of the
   * period is known, at any as-of day): it is evaluated as of `dataTo`, and settles only on what
   * those data decide (a total that cannot fall already past its target, a cap already
   * overspent), else `undecided`, with no projection.
   */
  readonly endsEarly: boolean;
  /**
   * Before the deadline, its target met on data that end before the report's day (`dataTo`) which
   * could not settle it at the deadline (a level): the status reads `on_track`, not `achieved`, so
   * that no "Achieved" is withdrawn while those data stay the same.
   */
  readonly metSoFar: boolean;
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
  /** As `MeasureEvaluation.baselineTo`, `referenceTo`, `previousLeftOut`, `baselineLeftOut`, `baselineChannelsDiffer` and `previousPartial`. */
  readonly baselineTo: Day | null;
  readonly referenceTo: Day | null;
  readonly previousLeftOut: readonly string[];
  readonly baselineLeftOut: readonly string[];
  readonly baselineChannelsDiffer: boolean;
  readonly previousPartial: CoveredPart | null;
  readonly baselineBound: MeasureTarget['baselineBound'];
  readonly target: number | null;
  readonly actual: number | null;
  readonly progress: number | null;
  readonly expected: number;
  readonly status: GoalStatus;
  readonly projection: number | null;
  /** As `MeasureEvaluation.approximate`, `bound`, `actualTo` and `cutRows`. */
  readonly approximate: boolean;
  readonly bound: ActualBound;
  readonly actualTo: Day | null;
  readonly cutRows: boolean;
  /** Progress clamped to [0, 1]; null when progress cannot be computed or the period has not started. */
  readonly score: number | null;
  /** Channels of the key result left out of its actual for lacking an input of the KPI. */
  readonly leftOut: readonly string[];
  /** Channels whose data ends before the as-of day, and the day it is evaluated as of (see `MeasureEvaluation`). */
  readonly incomplete: readonly string[];
  readonly dataTo: Day | null;
  readonly channelsTo: Readonly<Record<string, Day>>;
  /** Where the inputs of its actual end apart, and the days between their exports (see `MeasureEvaluation`). */
  readonly inputsEnd: InputsEnd | null;
  readonly gaps: InputGaps | null;
  /** Its change of followers counted from a count a week old or more (see `MeasureEvaluation.countedFrom`). */
  readonly countedFrom: Readonly<Record<string, Day>> | null;
  /** Its progress and status are provisional until the deadline (see `MeasureEvaluation`). */
  readonly provisional: boolean;
  /** Its data end before a deadline now past (see `MeasureEvaluation.endsEarly`). */
  readonly endsEarly: boolean;
  /** Met on data that end early, read on track (see `MeasureEvaluation.metSoFar`). */
  readonly metSoFar: boolean;
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
  /** The band of the score; null without one, or while undecided key results could still change it. */
  readonly band: OkrBand | null;
  /** Key results whose status is `undecided`: the score counts them as 0, so it is only a floor of the true one. */
  readonly undecided: readonly string[];
  /**
   * Key results that have started and have no data to score them on (`no_data`: no value of the
   * KPI in the period, no baseline for a relative target, a manual target of 0): the score counts
   * them as 0 too, so it is only a floor of the true one (red-team 14 #1).
   */
  readonly withoutData: readonly string[];
  /**
   * Key results whose actual is only a bound of the true figure (reach summed from month rows), so
   * their score is one too (`keyResultScoreRange`): counted at it, they make the objective's score a
   * bound as well (red-team 32 #1).
   */
  readonly bounded: readonly string[];
  /**
   * What the score is to the true one (`keyResultScoreRange` of each key result): `lower` when it is
   * only a floor (undecided key results or without data counted 0, or scores at least what is shown),
   * `upper` a ceiling (scores at most what is shown), `unbounded` neither; else `exact`.
   */
  readonly scoreBound: ScoreBound;
  readonly keyResults: readonly KeyResultEvaluation[];
}

/** What an OKR's (or a key result's) score is to the true one. */
export type ScoreBound = 'exact' | 'lower' | 'upper' | 'unbounded';

/**
 * The scores a key result could truly have, and the one it counts at: an undecided one or one
 * without data anything from 0 to 1, counted 0; one whose actual is only an upper or a lower bound
 * has a progress at most or at least its own (by whether progress grows with the actual: a target
 * above the baseline), so a score from 0 to it, or from it to 1, counted at it; else its score.
 */
export function keyResultScoreRange(kr: {
  readonly status: GoalStatus;
  readonly score: number | null;
  readonly bound?: ActualBound | undefined;
  readonly target: number | null;
  readonly baseline: number | null;
}): { readonly low: number; readonly shown: number; readonly high: number } {
  if (kr.status === 'undecided' || kr.status === 'no_data') return { low: 0, shown: 0, high: 1 };
  const s = kr.score ?? 0;
  if (kr.score === null || kr.target === null || (kr.bound !== 'upper' && kr.bound !== 'lower'))
    return { low: s, shown: s, high: s };
  const atMost = kr.target >= (kr.baseline ?? 0) === (kr.bound === 'upper');
  return atMost ? { low: 0, shown: s, high: s } : { low: s, shown: s, high: 1 };
}

/** What a score counted at `shown` is when the true one lies from `low` to `high`. */
export function scoreBoundOf(low: number, shown: number, high: number): ScoreBound {
  const below = low < shown - 1e-12;
  const above = high > shown + 1e-12;
  return below && above ? 'unbounded' : above ? 'lower' : below ? 'upper' : 'exact';
}

export type GoalEvaluation = SmartEvaluation | OkrEvaluation;

/** Progress of a level measure: (actual − baseline) / (target − baseline), unclamped. */
export function levelProgress(actual: number | null, baseline: number | null, target: number | null): number | null {
  if (actual === null || baseline === null || target === null || equalButForRounding(target, baseline)) return null;
  return finiteOrNull((actual - baseline) / (target - baseline));
}

/** Progress of a cumulative measure: actual / target. */
export function cumulativeProgress(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target === 0) return null;
  return finiteOrNull(actual / target);
}

/**
 * Evaluates what a goal or key result measures over `period`, as of `asOf`, or as of the last
 * day its channels have data when one of them ends earlier (see `dataEnds`): the actual over the
 * days its inputs cover, the target it is set against, progress and pace, the status, a total
 * that already decides it, and the projection to the deadline. From the deadline on, a measure
 * whose data end before it settles only on what they decide (see `MeasureEvaluation.endsEarly`);
 * before it, such data are not called achieved where they would not be at the deadline (a level
 * met on them is on track), so that no "Achieved" is withdrawn while they stay the same.
 */
export function evaluateMeasure(engine: KpiEngine, measure: Measure, period: Period, reportAsOf: Day): MeasureEvaluation {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) throw new Error(`unknown KPI '${measure.kpi}' (the loader should have rejected it)`);
  const channels = resolveChannels(measure.channel, engine.index.channels);
  const { incomplete, dataTo, channelsTo, inputsEnd } = wholeEnds(engine, kpi, channels, period, reportAsOf);
  const asOf = dataTo ?? reportAsOf;
  const { start, end: deadline } = period;
  const started = asOf >= start;
  const ended = asOf >= deadline;
  // A count carried into the period from before it (a channel with no follower data in it: see `wholeEnds`) says nothing of
  // the pace: before the deadline as from it, such data settle only what they decide (red-team 24 #8).
  const carriedIn = Object.values(channelsTo).some((last) => last < start);
  const endsEarly = started && !ended && (reportAsOf >= deadline || carriedIn);
  const cutoff = Math.min(asOf, deadline);
  const elapsed = elapsedShare(start, deadline, asOf);
  const measured = started ? actualOverCovered(engine, kpi, channels, start, cutoff, Math.min(reportAsOf, deadline)) : null;
  const actual = measured?.actual ?? null;
  const reference = measureTarget(engine, measure, period, measured?.current.channels);
  const { mode, baseline, target } = reference;
  const cutRows = actual !== null && dropsStraddlingRows(engine, kpi, measured?.current.channels ?? channels, start, cutoff);
  // A rate's baseline over other channels than the actual is no comparison (rt15 #4): no progress.
  const channelsDiffer = reference.baselineChannelsDiffer;
  const progress = cutRows || channelsDiffer ? null : progressOf(mode, actual, baseline, target);
  const expected = expectedPace(measure, mode, baseline, target, period, asOf);
  const approximate = measured?.current.approximate ?? false;
  // A total whose window cuts a month or quarter row of a summed input counts none of that row (red-team 33 #1).
  const cutFlows =
    mode === 'cumulative' && actual !== null
      ? straddledFlows(engine, kpi, measured?.current.channels ?? channels, start, cutoff)
      : [];
  const bound = withCutFlows(actualBound(engine, kpi, mode, measured, ended || endsEarly), engine, kpi, cutFlows);
  const good = kpi.def.good;
  const nonNegative = neverNegative(kpi.ast, (name) => engine.index.metrics.get(name));
  const absoluteTarget = measure.target.kind === 'absolute';
  const statusInputs = {
    mode,
    good,
    baseline,
    target,
    actual,
    progress,
    started,
    expected,
    cutRows,
    channelsDiffer,
    absoluteTarget,
  };
  const atDeadline = { ...statusInputs, ended: true, bound: stoppedBound(bound, mode === 'cumulative' && nonNegative) };
  const asOfNow = measureStatus(endsEarly ? atDeadline : { ...statusInputs, ended, bound });
  // Before the deadline, data that end early are not called achieved on what they could not settle
  // at it (a level): the same data would then read undecided, a withdrawn "Achieved" (red-team 9 #6).
  const metSoFar = asOfNow === 'achieved' && dataTo !== null && !ended && !endsEarly && measureStatus(atDeadline) !== 'achieved';
  const status = metSoFar ? 'on_track' : asOfNow;
  const decided =
    started && dataTo !== null && mode === 'cumulative' && nonNegative
      ? decidedTotal(
          engine,
          kpi,
          absoluteTarget ? channels : (measured?.current.channels ?? channels),
          period,
          reportAsOf,
          actual,
          target,
        )
      : endsEarly && reportAsOf >= deadline && mode === 'level' && nonNegative
        ? decidedCount(engine, kpi, channels, incomplete, period, baseline, target)
        : null;
  // A count decided at the deadline on the channels with data there is judged as of that day, the whole
  // period elapsed, not as of the day another channel's data stop (red-team 25 #7: "expected 1%" beside "Achieved").
  const judgedAt = decided !== null && mode === 'level' ? decided.to : null;
  // A total over days no export covers (a week missing) would project those days as zeros: no projection.
  const projection =
    measured && actual !== null && bound === 'exact' && !endsEarly
      ? mode === 'cumulative'
        ? elapsed > 0 && !(measured.gaps && !measured.overCovered)
          ? finiteOrNull(actual / elapsed)
          : null
        : levelProjection(engine, kpi, channels, measured, start, cutoff, deadline, nonNegative)
      : null;

  return {
    kpi: measure.kpi,
    channel: measure.channel,
    mode,
    good,
    baseline,
    previous: reference.previous,
    baselineTo: reference.baselineTo,
    referenceTo: reference.referenceTo,
    previousLeftOut: reference.previousLeftOut,
    baselineLeftOut: reference.baselineLeftOut,
    baselineChannelsDiffer: channelsDiffer,
    previousPartial: reference.previousPartial,
    baselineBound: reference.baselineBound,
    target,
    actual: decided?.actual ?? actual,
    progress: decided ? decided.progress : progress,
    elapsed: judgedAt === null ? elapsed : elapsedShare(start, deadline, judgedAt),
    expected: judgedAt === null ? expected : expectedPace(measure, mode, baseline, target, period, judgedAt),
    status: decided?.status ?? status,
    projection,
    approximate,
    bound,
    actualTo: decided?.to ?? null,
    cutRows,
    leftOut: decided?.leftOut ?? measured?.current.leftOut ?? [],
    netFollows: measured?.current.netFollows ?? false,
    incomplete,
    dataTo,
    channelsTo,
    inputsEnd,
    gaps: measured?.gaps ?? null,
    countedFrom: measured?.current.countedFrom ?? null,
    provisional: mode === 'level' && kpi.accumulates && started && !ended && !endsEarly,
    endsEarly,
    metSoFar: metSoFar && !decided,
  };
}

/**
 * What an actual taken to the data's last day is to the period's whole, its deadline past: a total
 * that cannot fall is at least what its days so far hold (a lower bound, with its own bound if
 * that is one too); anything else (a level, a signed total) could be anything.
 */
function stoppedBound(bound: ActualBound, totalThatCannotFall: boolean): ActualBound {
  if (!totalThatCannotFall) return 'unbounded';
  return bound === 'exact' || bound === 'lower' ? 'lower' : 'unbounded';
}

/** A measure's actual over [start, end], with the window it comes from and the days its inputs miss. */
interface MeasuredActual {
  /** The KPI over every day of the window (its channels, left-out channels, approximation). */
  readonly current: KpiValue;
  /** The channels the actual is computed over. */
  readonly over: readonly string[];
  /** Days between two exports of a summed input (see `inputGaps`); else null. */
  readonly gaps: InputGaps | null;
  /** Whether the actual is taken over the days every input covers (`gaps` on a rate of flows). */
  readonly overCovered: boolean;
  readonly actual: number | null;
}

/**
 * The actual over [start, end]. A level over summed inputs only (a rate: CTR, cost per lead) with
 * days between two exports of an input is taken over the days every input covers, so that it does
 * not divide totals over different days (red-team 6 #7); anything else over the whole window. The
 * days no export covers are found over [start, within] (the day the data are read to, where `end`
 * is an earlier day an input stops), then cut at `end`: a part of engagements given after `end`
 * is missing before it too (red-team 21 #6).
 */
function actualOverCovered(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  start: Day,
  end: Day,
  within: Day,
): MeasuredActual {
  const current = windowFor(engine, channels, start, end).value(kpi);
  const over = current.channels ?? channels;
  const gaps =
    within > end ? clipGaps(inputGaps(engine, kpi, over, start, within), end) : inputGaps(engine, kpi, over, start, end);
  const overCovered = gaps !== null && overCoveredDays(engine, kpi);
  const actual = overCovered ? valueOverCovered(engine, kpi, over, start, end, gaps) : current.value;
  return { current, over, gaps, overCovered, actual };
}

/** Progress of a value by the measure's mode (see `cumulativeProgress`, `levelProgress`). */
function progressOf(mode: MeasureMode, value: number | null, baseline: number | null, target: number | null): number | null {
  return mode === 'cumulative' ? cumulativeProgress(value, target) : levelProgress(value, baseline, target);
}

/** The progress expected by `asOf`: linear over the period, or through the measure's milestones (SPEC "Pace"). */
function expectedPace(
  measure: Measure,
  mode: MeasureMode,
  baseline: number | null,
  target: number | null,
  period: Period,
  asOf: Day,
): number {
  const pacePoints = measure.milestones.flatMap((m) => {
    const p = progressOf(mode, m.target, baseline, target);
    return p === null ? [] : [{ date: m.date, progress: p }];
  });
  return expectedProgress(period.start, period.end, asOf, pacePoints);
}

/** What a measure's status depends on (see `measureStatus`). */
interface StatusInputs {
  readonly mode: MeasureMode;
  readonly good: Direction;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly actual: number | null;
  readonly progress: number | null;
  readonly started: boolean;
  readonly ended: boolean;
  readonly expected: number;
  readonly bound: ActualBound;
  readonly cutRows: boolean;
  /** The baseline, a rate, is over other channels than the actual (`MeasureTarget.baselineChannelsDiffer`). */
  readonly channelsDiffer: boolean;
  /** The target is a number as written, not a change from the baseline or the previous period. */
  readonly absoluteTarget: boolean;
}

/**
 * A measure's status: a cap (or floor) is kept or not, a target equal to its baseline compares
 * the actual with it, anything else follows progress against pace. An actual that cut a month
 * row, or a rate whose baseline is over other channels, is n/a (`undecided`); an upper bound on the actual (reach summed from finer rows) bounds the
 * status on one side only.
 */
function measureStatus(s: StatusInputs): GoalStatus {
  const { mode, good, baseline, target, actual } = s;
  const timing = { started: s.started, ended: s.ended, expected: s.expected };
  const cap = isCap(mode, good, target);
  const noChange = asksNoChange(mode, good, baseline, target);
  const status = cap
    ? good === 'down'
      ? capStatus(timing, actual, target)
      : capStatus(timing, actual === null ? null : -actual, -target!)
    : noChange
      ? noChangeStatus(timing, actual, target, good)
      : goalStatus({ ...timing, progress: s.progress });
  if (s.cutRows && s.started) return 'undecided';
  if (s.channelsDiffer && s.started) return channelsDifferStatus(s);
  if (s.bound === 'exact' || target === null) return status;
  if (s.bound === 'unbounded') return s.started && status !== 'no_data' ? 'undecided' : status;
  const higherIsBetter =
    cap || noChange ? good === 'up' : mode === 'cumulative' ? target > 0 : baseline !== null && target > baseline;
  // An upper bound: the true figure is at most the actual; a lower bound: at least.
  const truth = (s.bound === 'upper') === higherIsBetter ? 'worse' : 'better';
  return boundedStatus(status, truth, cap && !s.ended ? 'on_track' : 'achieved');
}

/**
 * The status of a rate whose baseline is over other channels than its actual (no progress, see
 * `MeasureTarget.baselineChannelsDiffer`). Whether a target written as a number is met does not
 * depend on the baseline while the baseline is on the far side of it or at it (above a CPC target,
 * below a CTR one): an exact actual past the target is achieved, and one short of it at the deadline
 * missed (red-team 16 #8). Anything else is undecided: the pace before the deadline, and a target
 * taken as a change from that baseline (−50% of LinkedIn's CPC is no target for the mix).
 */
function channelsDifferStatus(s: StatusInputs): GoalStatus {
  const { good, baseline, target, actual } = s;
  if (!s.absoluteTarget || s.bound !== 'exact' || actual === null || target === null || baseline === null) return 'undecided';
  // At the target or beyond it: a baseline equal to the target (nothing asked of the mix) settles nothing either (rt23 #10).
  const farSide = good === 'down' ? baseline >= target : baseline <= target;
  const met = good === 'down' ? actual <= target : actual >= target;
  if (!farSide) return 'undecided';
  return met ? 'achieved' : s.ended ? 'missed' : 'undecided';
}

/** What a measure's actual is to the true figure (see `MeasureEvaluation.bound`). */
export type ActualBound = 'exact' | 'upper' | 'lower' | 'unbounded';

/**
 * An actual's bound once inputs that leave out a month or quarter row cut by the window are taken
 * into account (`straddledFlows`): each such input, unsigned, is at least what it counts, and the KPI
 * follows it as its formula moves with it; beside another bound the other way, neither.
 */
function withCutFlows(bound: ActualBound, engine: KpiEngine, kpi: Kpi, cut: readonly string[]): ActualBound {
  if (cut.length === 0) return bound;
  const metricOf = (name: string) => engine.index.metrics.get(name);
  if (cut.some((name) => metricOf(name)?.signed !== false)) return 'unbounded';
  const moves = monotonyIn(kpi.ast, new Set(cut), metricOf);
  if (moves === 'flat') return bound;
  if (moves === null) return 'unbounded';
  const own = moves === 'up' ? 'lower' : 'upper';
  return bound === 'exact' || bound === own ? own : 'unbounded';
}

/**
 * Whether an actual is exact or a bound. A unique metric summed from finer rows (reach over three
 * months) is an upper bound of the true one, so a KPI that grows with it is an upper bound, one that
 * falls as it grows (spend per thousand reached) a lower bound, and one that does either neither.
 * At the deadline, a total over days no export of an input covers (a week missing) counts nothing
 * for them: each such input, unsigned, is a lower bound, and the KPI follows it the same way.
 */
export function actualBound(
  engine: KpiEngine,
  kpi: Kpi,
  mode: MeasureMode,
  measured: MeasuredActual | null,
  ended: boolean,
): ActualBound {
  if (!measured || measured.actual === null) return 'exact';
  const metricOf = (name: string) => engine.index.metrics.get(name);
  const follow = (inputs: ReadonlySet<string>, inputBound: 'upper' | 'lower'): ActualBound => {
    const moves = monotonyIn(kpi.ast, inputs, metricOf);
    if (moves === 'flat') return 'exact';
    if (moves === null) return 'unbounded';
    return (moves === 'up') === (inputBound === 'upper') ? 'upper' : 'lower';
  };
  if (measured.current.approximate) return measured.current.bound;
  // The change since a count before the period, a week old or more: neither the period's change nor a bound of it.
  if (measured.current.countedFrom) return 'unbounded';
  if (ended && mode === 'cumulative' && measured.gaps && !measured.overCovered) {
    const missing = new Set(Object.values(measured.gaps).flatMap((byInput) => Object.keys(byInput)));
    if ([...missing].some((name) => metricOf(name)?.signed !== false)) return 'unbounded';
    return follow(missing, 'lower');
  }
  return 'exact';
}

/**
 * A total of figures that cannot be negative, over every day with data to the report's as-of
 * day (and the deadline), is at least what the period holds whatever the days after a channel's
 * last day bring: past a cap (16,500 of spend against 15,000) or at a target, it already decides
 * the goal, though its pace is taken as of `dataTo`. Null when it does not decide: the actual to
 * the earliest end decides it already (and is shown as before), or the whole does not either.
 * `channels`: the goal's, for a number as target (a cap counts every channel's spend: red-team 24
 * #5); for a relative one, those its actual counts and its target was set from, as a channel left
 * out of them decides nothing against it (red-team 23 #2).
 */
export function decidedTotal(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  period: Period,
  reportAsOf: Day,
  actual: number | null,
  target: number | null,
): DecidedActual | null {
  if (target === null) return null;
  const good = kpi.def.good;
  const to = Math.min(reportAsOf, period.end);
  const value = windowFor(engine, channels, period.start, to).value(kpi);
  const whole = value.value;
  if (whole === null || actual === null || whole <= actual) return null;
  const past = (value: number) =>
    good === 'down' ? value > target : target > 0 && (cumulativeProgress(value, target) ?? 0) >= 1 - PROGRESS_ROUNDING;
  if (past(actual) || !past(whole)) return null;
  const status: GoalStatus = good === 'up' ? 'achieved' : reportAsOf >= period.end ? 'missed' : 'off_track';
  return { actual: whole, progress: cumulativeProgress(whole, target), status, to, leftOut: value.leftOut ?? [] };
}

/** An actual that already decides a measure, over its period to `to` (see `decidedTotal`, `decidedCount`). */
export interface DecidedActual {
  readonly actual: number;
  readonly progress: number | null;
  readonly status: GoalStatus;
  readonly to: Day;
  readonly leftOut: readonly string[];
}

/**
 * A count over several channels (followers) at a past deadline, some of whose channels' data end
 * before it: counts cannot be negative, so the channels whose data reach the deadline already at
 * or past a target at or above the baseline are a total that meets it, whatever the others hold (Twitter
 * no longer exported, Facebook alone past the target: red-team 24 #4). Null otherwise: a KPI that
 * is not one stock metric summed over channels, or the other channels short of the target.
 */
export function decidedCount(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  incomplete: readonly string[],
  period: Period,
  baseline: number | null,
  target: number | null,
): DecidedActual | null {
  const counts = isCount(engine, kpi);
  // A target at or above the baseline (one that asks for no change too: red-team 25 #4); not one asking for a fall.
  if (
    !counts ||
    kpi.def.good !== 'up' ||
    target === null ||
    (baseline !== null && target < baseline && !equalButForRounding(target, baseline))
  )
    return null;
  const rest = channels.filter((c) => !incomplete.includes(c));
  if (rest.length === 0 || rest.length === channels.length) return null;
  if (wholeEnds(engine, kpi, rest, period, period.end).incomplete.length > 0) return null;
  const value = windowFor(engine, rest, period.start, period.end).value(kpi);
  if (value.value === null || value.approximate || value.value < target * (1 - PROGRESS_ROUNDING)) return null;
  return {
    actual: value.value,
    progress: levelProgress(value.value, baseline, target),
    status: 'achieved',
    to: period.end,
    leftOut: [...incomplete, ...(value.leftOut ?? [])].sort(),
  };
}

/**
 * A level's projection to the deadline: the least-squares line through its value to each day
 * with data in [start, end] (over the covered days, as the actual is), only on days where every
 * input is whole (not on month rows entering the window one by one). A KPI that cannot be
 * negative has no projection where its line heads below 0: the line has left what the KPI can be.
 */
function levelProjection(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  measured: MeasuredActual,
  start: Day,
  end: Day,
  deadline: Day,
  nonNegative: boolean,
): number | null {
  const { gaps, overCovered, over } = measured;
  const metrics = dataMetrics(kpi.inputs, engine.index.metrics);
  const points = engine.index.dataDays(channels, metrics, start, end).flatMap((day) => {
    if (wholeInputsTo(engine, kpi, channels, start, day) !== null) return [];
    const v =
      overCovered && gaps
        ? valueOverCovered(engine, kpi, over, start, day, gaps)
        : windowFor(engine, channels, start, day).value(kpi).value;
    return v === null ? [] : [[day, v] as const];
  });
  const line = leastSquaresAt(points, deadline);
  return line !== null && nonNegative && line < 0 ? null : line;
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
  return mode === 'level' ? baseline !== null && equalButForRounding(target, baseline) : good === 'up' && target === 0;
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
      baselineChannelsDiffer: m.baselineChannelsDiffer,
      previousPartial: m.previousPartial,
      baselineBound: m.baselineBound,
      target: m.target,
      actual: m.actual,
      progress: m.progress,
      expected: m.expected,
      status: m.status,
      projection: m.projection,
      approximate: m.approximate,
      bound: m.bound,
      actualTo: m.actualTo,
      cutRows: m.cutRows,
      score:
        m.status === 'not_started' || m.status === 'no_data' || m.status === 'undecided'
          ? null
          : byStatus
            ? (CAP_SCORES[m.status] ?? null)
            : m.progress === null
              ? null
              : clamp01(m.progress),
      leftOut: m.leftOut,
      incomplete: m.incomplete,
      dataTo: m.dataTo,
      channelsTo: m.channelsTo,
      inputsEnd: m.inputsEnd,
      gaps: m.gaps,
      countedFrom: m.countedFrom,
      provisional: m.provisional,
      endsEarly: m.endsEarly,
      metSoFar: m.metSoFar,
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
    baselineChannelsDiffer: false,
    previousPartial: null,
    baselineBound: null,
    target: manual.target,
    actual: manual.current,
    progress,
    expected: timing.expected,
    status: goalStatus({ ...timing, progress }),
    projection: null,
    approximate: false,
    bound: 'exact',
    actualTo: null,
    cutRows: false,
    score: progress === null || !timing.started ? null : clamp01(progress),
    leftOut: [],
    incomplete: [],
    dataTo: null,
    channelsTo: {},
    inputsEnd: null,
    gaps: null,
    countedFrom: null,
    provisional: false,
    endsEarly: false,
    metSoFar: false,
  };
}

/**
 * Evaluates an OKR: every key result, then the weighted mean score and its band. Before its
 * start an OKR has no score and no band (its key results are not started): a manual count
 * made ahead of the period is no judgement on it. The objective, its elapsed share and its manual
 * key results are taken as of the report's day; a measured key result whose data end earlier is
 * taken as of their last day and, its deadline past, settles only on what they decide: an
 * `undecided` one counts 0 in the score, which is then a lower bound (`scoreBound`), and is named
 * in `undecided`; so does a key result without data (`no_data`, named in `withoutData`: red-team
 * 14 #1); the band is given only where those could not change it.
 */
export function evaluateOkr(engine: KpiEngine, goal: OkrGoal, asOf: Day): OkrEvaluation {
  const keyResults = goal.keyResults.map((kr) => evaluateKeyResult(engine, kr, goal.period, asOf));
  const undecided = keyResults.filter((kr) => kr.status === 'undecided');
  // A key result without data (a listening export not added yet, a relative target with no
  // previous quarter) is no 0 either: it could score anything, as an undecided one could.
  const withoutData = keyResults.filter((kr) => kr.status === 'no_data');
  const unknown = new Set([...undecided, ...withoutData]);
  // An unknown key result could score anything from 0 to 1: the score counts it 0 (a floor,
  // all unknown or some), and the band stands only where counting it 1 gives the same band.
  // With no key result scored nor undecided (all without data), there is no score, as before.
  // A key result measured on a bound (reach summed from month rows) counts at its score, which is a bound too.
  const ranges = keyResults.map((kr) => keyResultScoreRange(kr));
  const scoredAs = (which: 'low' | 'shown' | 'high') =>
    keyResults.map((kr, i) => (unknown.has(kr) || kr.score !== null ? { ...kr, score: ranges[i]![which] } : kr));
  const scored = keyResults.some((kr) => kr.status === 'undecided' || (kr.score !== null && !unknown.has(kr)));
  const score = asOf < goal.period.start || !scored ? null : weightedScore(scoredAs('shown'));
  const floor = score === null ? null : weightedScore(scoredAs('low'));
  const ceiling = score === null ? null : weightedScore(scoredAs('high'));
  const floorBand = floor === null ? null : okrBand(floor, goal.stretch);
  const band = ceiling !== null && floorBand === okrBand(ceiling, goal.stretch) ? floorBand : null;
  const bounded = keyResults.filter((kr, i) => !unknown.has(kr) && ranges[i]!.low !== ranges[i]!.high);
  return {
    id: goal.id,
    type: 'okr',
    title: goal.title,
    start: formatDay(goal.period.start),
    deadline: formatDay(goal.period.end),
    elapsed: elapsedShare(goal.period.start, goal.period.end, asOf),
    stretch: goal.stretch,
    score,
    band,
    undecided: undecided.map((kr) => kr.id),
    withoutData: score === null ? [] : withoutData.map((kr) => kr.id),
    bounded: score === null ? [] : bounded.map((kr) => kr.id),
    scoreBound: score === null || floor === null || ceiling === null ? 'exact' : scoreBoundOf(floor, score, ceiling),
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
