/**
 * A quarter's computed report in SPEC's JSON shape ("CLI": `report --json`): KPI values
 * with QoQ and YoY change per channel, and every goal overlapping the quarter,
 * evaluated as of the quarter's last day with data. The CLI prints it; pages render it.
 */
import { type Day, formatDay } from './dates.ts';
import { type Achievability, type GoalAchievability, goalAchievability } from './achievability.ts';
import type { InputGaps } from './coverage.ts';
import type { GoalEvaluation, KeyResultEvaluation } from './evaluate.ts';
import { goalEvaluation } from './evaluations.ts';
import type { Goal } from './goals.ts';
import { type InputsEnd, type KpiEngine, resolveChannels } from './kpis.ts';
import { channelsCutShort, type CoveredPart, kpiChanges } from './kpiTable.ts';
import { overlaps, type Period } from './periods.ts';
import type { Project } from './project.ts';
import type { GoalStatus, OkrBand } from './status.ts';

export interface ReportOptions {
  readonly quarter: Period;
  /** Restrict to one channel (KPIs of that channel, goals that touch it). */
  readonly channel?: string | null;
  /** Evaluate as of this day instead of the quarter's last day with data. */
  readonly asOf?: Day | null;
}

export interface KpiJson {
  value: number | null;
  qoq: number | null;
  yoy: number | null;
  /**
   * The previous quarter's value `qoq` compares with (over the days it is taken over: `qoq_to`,
   * `qoq_partial`), where `qoq` is not null. Absent in snapshots frozen before cells carried it.
   */
  previous?: number;
  /** The same for the quarter a year before (`yoy`). */
  year_ago?: number;
  approximate?: true;
  /** With `approximate`: the value is an upper or a lower bound of the true figure, or neither (see `KpiValue.bound`). */
  bound?: 'upper' | 'lower' | 'unbounded';
  /** Over several channels (`all`): the channels it is computed over, those reporting every input. */
  channels?: string[];
  /** Over several channels: the channels left out for lacking an input. */
  left_out?: string[];
  /** Followers counted from daily follows (new − lost followers) rather than from totals alone. */
  basis?: 'net_follows';
  /** Channels whose summed inputs end on different days in the quarter, with each input's last day. */
  inputs_to?: Record<string, Record<string, string>>;
  /** Computed only to this day, the last where every input is whole (a month row of one input goes on past the others' last day). */
  data_to?: string;
  /**
   * Per channel and input, days no export covers between two exports: a rate of flows is taken
   * over the days every input covers; a total has no `qoq` or `yoy`. For a total, also the days
   * after an input's exports end while its channel's data go on (month rows of mentions to
   * August beside daily rows to 30 September): part of a quarter, with no `qoq` or `yoy` either.
   */
  gaps?: GapsJson;
  /**
   * A change of followers (growth, audience growth rate) counted from a count a week old or more at the start
   * (totals on the 1st of each month): per channel, that count's day. The figure holds the change since then.
   */
  counted_from?: Record<string, string>;
  /** Computed over other channels in the previous quarter: a rate's `qoq` is null (not comparable), a total's is kept. */
  qoq_channels_differ?: true;
  /** The same against the quarter a year before (`yoy`). */
  yoy_channels_differ?: true;
  /** One of this value and the previous quarter's is only a bound of the true figure, the other exact (reach as month rows, then quarter rows): `qoq` is null. */
  qoq_bound_differs?: true;
  /** The same against the quarter a year before (`yoy`). */
  yoy_bound_differs?: true;
  /**
   * `qoq` compares with the previous quarter only to this day: its inputs of this KPI (not a total) end apart, and the first
   * stops there, or they are whole only to this day (a month row beside day rows).
   */
  qoq_to?: string;
  /** The same for the quarter a year before (`yoy`). */
  yoy_to?: string;
  /**
   * A channel counted covers the previous quarter only in part (its data start after its first day
   * or end before its last): the days every channel counted covers; or an export of an input
   * misses days inside it (`gaps`: a hole in a daily export, days between two exports), the days
   * covered being from–to without them. A total's `qoq` is then null; a rate's is taken against
   * its rate over the days covered.
   */
  qoq_partial?: PartJson;
  /** The same for the quarter a year before (`yoy`). */
  yoy_partial?: PartJson;
  /** The quarter is not over and the KPI grows with the days counted (a total): `qoq` and `yoy` compare it to date with whole quarters. */
  to_date?: true;
  /**
   * Channels counted in the figure whose data stop before the quarter's last day (to the as-of
   * day): part of the quarter for them. A figure that grows with the days counted (a total) then
   * has no `qoq` or `yoy`. Absent in snapshots frozen before cells carried it.
   */
  incomplete?: string[];
  /** With `incomplete`: each of those channels' last day with data. */
  incomplete_to?: Record<string, string>;
}

/** The days of an earlier quarter a KPI cell's change is taken over (`qoq_partial`, `yoy_partial`). */
export interface PartJson {
  from: string;
  to: string;
  /** Ranges of days inside from–to that no export of an input covers on a channel counted. */
  gaps?: Array<{ from: string; to: string }>;
  /** Where the figure counts more than one channel, each channel's own `gaps` (by channel id). */
  channel_gaps?: Record<string, Array<{ from: string; to: string }>>;
}

export interface SmartGoalJson {
  id: string;
  type: 'smart';
  title: string;
  category: string | null;
  objective: string | null;
  owner: string | null;
  kpi: string;
  channel: string | readonly string[];
  start: string;
  deadline: string;
  mode: 'cumulative' | 'level';
  baseline: number | null;
  previous: number | null;
  /** A level's implicit baseline taken over the previous period only to this day, where a KPI input's export ends there (the days all its inputs cover). */
  baseline_to?: string;
  /** A relative target's total, the previous period's, counts a KPI input only to this day, where its export ends (kept as it is). */
  reference_to?: string;
  /** Channels of the goal with the KPI over the previous period that its reference (a relative target's total, or the implicit baseline) leaves out, as its actual does (a channel that stopped before the period). */
  previous_left_out?: string[];
  /** Channels the actual counts that the implicit baseline has no data for: none in the previous period (a channel launched in this one), or none up to `baseline_to`. */
  baseline_left_out?: string[];
  /** The implicit baseline, a rate, leaves out a channel of the actual (`baseline_left_out`): a rate of other channels is no comparison, so `progress` is null and `status` undecided (see `MeasureTarget.baselineChannelsDiffer`). */
  baseline_channels_differ?: true;
  /** The previous period is covered only over these days by a channel counted in it (see `MeasureTarget.previousPartial`): a rate's `previous` and implicit baseline are taken over them; a total's `previous` is partial; a reach has no implicit baseline. */
  previous_partial?: PartJson;
  /** An implicit baseline that would be only this bound of the true figure (a reach summed from month rows), which is none: `baseline` is null (see `MeasureTarget.baselineBound`). */
  baseline_bound?: BaselineBound;
  target: number | null;
  actual: number | null;
  progress: number | null;
  elapsed: number;
  expected: number;
  status: GoalStatus;
  projection: number | null;
  approximate?: true;
  /** The actual is only a bound of the true figure, or neither exact nor a bound (see `MeasureEvaluation.bound`). */
  bound?: 'upper' | 'lower' | 'unbounded';
  /** Channels of the goal left out of its actual for lacking an input of the KPI. */
  left_out?: string[];
  basis?: 'net_follows';
  /** Channels of the goal whose data for its period ends before the as-of day. */
  incomplete?: string[];
  /** With `incomplete`: the day the goal is evaluated as of, the last day its channels (and the KPI's summed inputs) all have data. */
  data_to?: string;
  /** With `incomplete` channels whose data end on different days: each one's own last day (`data_to` is the earliest). */
  incomplete_to?: Record<string, string>;
  /** A total that already decides the goal over every day with data to this day, past `data_to`: actual, progress and status are its (see `MeasureEvaluation.actualTo`). */
  actual_to?: string;
  /** A reach row straddling the window is left out: the actual is neither exact nor an upper bound; progress and status n/a (see `MeasureEvaluation.cutRows`). */
  cut_rows?: true;
  /** Channels whose exports of a summed input of the KPI end before their other data in the goal's period so far, with each input's last day (why `data_to`). */
  inputs_to?: Record<string, Record<string, string>>;
  /** Days in the goal's period so far that no export of a summed input covers on a channel of its actual, between two exports: per channel and input, `{ from, to }` ranges. */
  gaps?: GapsJson;
  /** The actual, a change of followers, is counted from a count a week old or more (as a KPI cell's `counted_from`): `bound` unbounded, status undecided, no projection. */
  counted_from?: Record<string, string>;
  /** A level on a KPI that builds up over its period (reach), before the deadline: a value so far against a whole period. */
  provisional?: true;
  /** The as-of day is on or after the deadline while the goal's data end before it (`data_to`), or its data end before its period (a follower count carried into it): it settles only on what they decide, else `undecided`. */
  ends_early?: true;
  /** Before the deadline, its target met on data that end before the report's day (`data_to`), which could not settle it: `on_track`, not `achieved`. */
  met_so_far?: true;
  /** Whether the target is achievable, judged against the KPI's own history (SPEC "Achievable?"). */
  achievability?: Achievability;
}

/** Per channel and input, ranges of days no export covers between two exports (`MeasureEvaluation.gaps`). */
/** A bound of the true figure (see `KpiBound`): what an implicit baseline would have been (`baseline_bound`). */
export type BaselineBound = 'upper' | 'lower' | 'unbounded';

export type GapsJson = Record<string, Record<string, Array<{ from: string; to: string }>>>;

export interface KeyResultJson {
  id: string;
  title: string | null;
  kpi: string | null;
  channel: string | readonly string[] | null;
  weight: number;
  manual: boolean;
  baseline: number | null;
  /** As a SMART goal's `baseline_to`, `reference_to`, `previous_left_out`, `baseline_left_out` and `previous_partial`. */
  baseline_to?: string;
  reference_to?: string;
  previous_left_out?: string[];
  baseline_left_out?: string[];
  baseline_channels_differ?: true;
  previous_partial?: PartJson;
  /** An implicit baseline that would be only this bound of the true figure (a reach summed from month rows), which is none: `baseline` is null (see `MeasureTarget.baselineBound`). */
  baseline_bound?: BaselineBound;
  target: number | null;
  actual: number | null;
  progress: number | null;
  expected: number;
  status: GoalStatus;
  projection: number | null;
  score: number | null;
  /** As a SMART goal's `approximate` and `bound`. */
  approximate?: true;
  bound?: 'upper' | 'lower' | 'unbounded';
  /** Channels of the key result left out of its actual for lacking an input of the KPI. */
  left_out?: string[];
  /** Channels whose data ends before the as-of day, and the day the key result is evaluated as of. */
  incomplete?: string[];
  data_to?: string;
  incomplete_to?: Record<string, string>;
  actual_to?: string;
  cut_rows?: true;
  /** As a SMART goal's `inputs_to`, `gaps`, `provisional` and `ends_early`. */
  inputs_to?: Record<string, Record<string, string>>;
  gaps?: GapsJson;
  /** As a SMART goal's `counted_from`. */
  counted_from?: Record<string, string>;
  provisional?: true;
  ends_early?: true;
  met_so_far?: true;
  achievability?: Achievability;
}

export interface OkrGoalJson {
  id: string;
  type: 'okr';
  title: string;
  category: string | null;
  objective: string | null;
  owner: string | null;
  start: string;
  deadline: string;
  elapsed: number;
  stretch: boolean;
  score: number | null;
  band: OkrBand | null;
  /** Key results whose status is `undecided`, counted 0 in `score` (which is then only a floor). */
  undecided?: string[];
  /** Key results without data (`no_data`), counted 0 in `score` too (which is then only a floor). */
  without_data?: string[];
  /** Key results measured on a bound of the true figure, counted at it (`score` is then a bound too). */
  bounded?: string[];
  /** What `score` is to the true one: `lower` a floor (key results undecided or without data count 0), `upper` a ceiling, `unbounded` neither (see `OkrEvaluation.scoreBound`); absent when exact. */
  score_bound?: 'lower' | 'upper' | 'unbounded';
  key_results: KeyResultJson[];
}

export type GoalJson = SmartGoalJson | OkrGoalJson;

export interface ReportJson {
  period: string;
  as_of: string;
  channels: string[];
  /** Each channel's last day with data in the quarter, up to the as-of day (null: none). */
  coverage: Record<string, string | null>;
  /** Channels whose data for the quarter ends before the as-of day (or the quarter's last day, when earlier). */
  incomplete: string[];
  kpis: Record<string, Record<string, KpiJson>>;
  goals: GoalJson[];
}

/**
 * The as-of day of a quarter's report: its last day with data, or its own last day when data
 * after it exist (the quarter is over: a channel whose data stop inside it is incomplete, not
 * "to date", red-team 16 #13). A quarter without data of its own gets the last earlier day with
 * data (its goals are then not started), or the day before it starts when there is no data at all.
 */
export function reportAsOf(project: Project, quarter: Period, channels?: readonly string[]): Day {
  const last = project.index.lastDay(quarter.end, channels);
  if (last === null) return quarter.start - 1;
  const later = project.index.lastDay(Number.MAX_SAFE_INTEGER, channels);
  return last >= quarter.start && later !== null && later > quarter.end ? quarter.end : last;
}

/**
 * Whether a goal measures anything on `channel` (directly or through `all`). With its evaluation
 * (`json`), a figure that leaves the channel out (`left_out`: no data for every input there) does
 * not count: a goal computed without LinkedIn is not LinkedIn's (red-team 12 #9).
 */
export function goalTouchesChannel(goal: Goal, channel: string, known: readonly string[], json?: GoalJson): boolean {
  const counts = (selection: string | readonly string[], leftOut: readonly string[] | undefined) =>
    resolveChannels(selection, known).includes(channel) && !(leftOut ?? []).includes(channel);
  if (goal.type === 'smart') return counts(goal.channel, json?.type === 'smart' ? json.left_out : undefined);
  const results = json?.type === 'okr' ? json.key_results : [];
  return goal.keyResults.some(
    (kr) => kr.measure !== null && counts(kr.measure.channel, results.find((r) => r.id === kr.id)?.left_out),
  );
}

/** Builds a quarter's report in SPEC's JSON shape (`computeQuarter` adds its trends and mentions). */
export function buildReport(project: Project, engine: KpiEngine, options: ReportOptions): ReportJson {
  const { quarter } = options;
  const known = engine.index.channels;
  const channel = options.channel ?? null;
  // One channel's report keeps the quarter's as-of day, so that it marks the channel incomplete as the full report does (red-team 6 #19).
  const asOf = options.asOf ?? reportAsOf(project, quarter);

  const scopes: Array<[string, string[]]> = channel
    ? [[channel, [channel]]]
    : [['all', known], ...known.map((c): [string, string[]] => [c, [c]])];
  const kpis: Record<string, Record<string, KpiJson>> = {};
  for (const [key, channels] of scopes) {
    const table: Record<string, KpiJson> = {};
    for (const [id, change] of kpiChanges(engine, channels, quarter, asOf)) {
      table[id] = {
        value: change.value,
        qoq: change.qoq,
        yoy: change.yoy,
        ...(change.qoq !== null && change.previous !== null ? { previous: change.previous } : {}),
        ...(change.yoy !== null && change.yearAgo !== null ? { year_ago: change.yearAgo } : {}),
        ...(change.approximate ? { approximate: true as const } : {}),
        ...(change.approximate && change.bound !== 'exact' ? { bound: change.bound } : {}),
        ...(change.channels ? { channels: [...change.channels], left_out: [...change.leftOut] } : {}),
        ...(change.netFollows ? { basis: 'net_follows' as const } : {}),
        ...(change.inputsEnd ? { inputs_to: inputsTo(change.inputsEnd) } : {}),
        ...(change.dataTo !== null ? { data_to: formatDay(change.dataTo) } : {}),
        ...(change.gaps ? { gaps: gapsJson(change.gaps) } : {}),
        ...(change.countedFrom ? { counted_from: channelDaysJson(change.countedFrom) } : {}),
        ...(change.qoqChannelsDiffer ? { qoq_channels_differ: true as const } : {}),
        ...(change.yoyChannelsDiffer ? { yoy_channels_differ: true as const } : {}),
        ...(change.qoqBoundDiffers ? { qoq_bound_differs: true as const } : {}),
        ...(change.yoyBoundDiffers ? { yoy_bound_differs: true as const } : {}),
        ...(change.previousTo !== null ? { qoq_to: formatDay(change.previousTo) } : {}),
        ...(change.yearAgoTo !== null ? { yoy_to: formatDay(change.yearAgoTo) } : {}),
        ...(change.previousPartial ? { qoq_partial: partJson(change.previousPartial) } : {}),
        ...(change.yearAgoPartial ? { yoy_partial: partJson(change.yearAgoPartial) } : {}),
        ...(change.toDate ? { to_date: true as const } : {}),
        ...(change.incomplete
          ? {
              incomplete: Object.keys(change.incomplete),
              incomplete_to: Object.fromEntries(Object.entries(change.incomplete).map(([c, d]) => [c, formatDay(d)])),
            }
          : {}),
      };
    }
    kpis[key] = table;
  }
  const { coverage, incomplete } = quarterCoverage(engine, channel ? [channel] : known, quarter, asOf);

  const goals = project.goals
    .filter((g) => overlaps(g.period, quarter))
    .filter((g) => channel === null || goalTouchesChannel(g, channel, known))
    .flatMap((g) => {
      const json = goalJson(g, goalEvaluation(engine, g, asOf), goalAchievability(engine, g));
      return channel === null || goalTouchesChannel(g, channel, known, json) ? [json] : [];
    });

  return { period: quarter.label, as_of: formatDay(asOf), channels: scopes.map(([k]) => k), coverage, incomplete, kpis, goals };
}

/**
 * Each channel's last day with data in a quarter, to the as-of day (SPEC "Coverage in time"), and
 * the channels whose data stop before that day. Both are judged to the earlier of the as-of day and
 * the quarter's last day: a report as of a day after the quarter does not call a channel whose data
 * reach the quarter's last day incomplete, as a goal's evaluation does not (`dataEnds`; red-team 15 #6).
 */
export function quarterCoverage(
  engine: KpiEngine,
  channels: readonly string[],
  quarter: Period,
  asOf: Day,
): { coverage: Record<string, string | null>; incomplete: string[] } {
  const coverage: Record<string, string | null> = {};
  for (const c of channels) {
    // The days its exports are known to cover: a month row of reach does not carry it past its daily exports (red-team 7 #5).
    const last = engine.index.coveredTo(Math.min(asOf, quarter.end), c);
    coverage[c] = last !== null && last >= quarter.start ? formatDay(last) : null;
  }
  // The same rule marks each KPI figure that counts such a channel (`KpiChange.incomplete`).
  return { coverage, incomplete: Object.keys(channelsCutShort(engine, channels, quarter, asOf) ?? {}) };
}

/** A range of days with ISO days. */
function daysJson(range: { readonly from: Day; readonly to: Day }): { from: string; to: string } {
  return { from: formatDay(range.from), to: formatDay(range.to) };
}

/** A KPI cell's `qoq_partial` or `yoy_partial`: its days, and the days inside them no export covers (`gaps`) where there are any. */
function partJson(part: CoveredPart): PartJson {
  const ranges = (list: ReadonlyArray<readonly [Day, Day]>) => list.map(([from, to]) => daysJson({ from, to }));
  return {
    ...daysJson(part),
    ...(part.gaps ? { gaps: ranges(part.gaps) } : {}),
    ...(part.channelGaps
      ? { channel_gaps: Object.fromEntries(Object.entries(part.channelGaps).map(([c, list]) => [c, ranges(list)])) }
      : {}),
  };
}

/** Per channel, a day as YYYY-MM-DD (`counted_from`). */
export function channelDaysJson(days: Readonly<Record<string, Day>>): Record<string, string> {
  return Object.fromEntries(Object.entries(days).map(([channel, day]) => [channel, formatDay(day)]));
}

/** `KpiValue.inputsEnd` with ISO days. */
export function inputsTo(ends: InputsEnd): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(ends).map(([channel, byInput]) => [
      channel,
      Object.fromEntries(Object.entries(byInput).map(([input, last]) => [input, formatDay(last)])),
    ]),
  );
}

/** A goal's evaluation in SPEC's JSON shape. */
export function goalJson(goal: Goal, e: GoalEvaluation, achievable?: GoalAchievability): GoalJson {
  const meta = { category: goal.category, objective: goal.objective, owner: goal.owner };
  if (e.type === 'smart') {
    return {
      id: e.id,
      type: 'smart',
      title: e.title,
      ...meta,
      kpi: e.kpi,
      channel: e.channel,
      start: e.start,
      deadline: e.deadline,
      mode: e.mode,
      baseline: e.baseline,
      previous: e.previous,
      ...referenceJson(e),
      target: e.target,
      actual: e.actual,
      progress: e.progress,
      elapsed: e.elapsed,
      expected: e.expected,
      status: e.status,
      projection: e.projection,
      ...(e.approximate ? { approximate: true as const } : {}),
      ...(e.bound !== 'exact' ? { bound: e.bound } : {}),
      ...(e.leftOut.length > 0 ? { left_out: [...e.leftOut] } : {}),
      ...(e.netFollows ? { basis: 'net_follows' as const } : {}),
      ...dataEndsJson(e),
      ...(e.actualTo !== null ? { actual_to: formatDay(e.actualTo) } : {}),
      ...(e.cutRows ? { cut_rows: true as const } : {}),
      ...(e.inputsEnd ? { inputs_to: inputsTo(e.inputsEnd) } : {}),
      ...(e.gaps ? { gaps: gapsJson(e.gaps) } : {}),
      ...(e.countedFrom ? { counted_from: channelDaysJson(e.countedFrom) } : {}),
      ...(e.provisional ? { provisional: true as const } : {}),
      ...(e.endsEarly ? { ends_early: true as const } : {}),
      ...(e.metSoFar ? { met_so_far: true as const } : {}),
      ...(achievable?.goal ? { achievability: achievable.goal } : {}),
    };
  }
  return {
    id: e.id,
    type: 'okr',
    title: e.title,
    ...meta,
    start: e.start,
    deadline: e.deadline,
    elapsed: e.elapsed,
    stretch: e.stretch,
    score: e.score,
    band: e.band,
    ...(e.undecided.length > 0 ? { undecided: [...e.undecided] } : {}),
    ...(e.withoutData.length > 0 ? { without_data: [...e.withoutData] } : {}),
    ...(e.bounded.length > 0 ? { bounded: [...e.bounded] } : {}),
    ...(e.scoreBound !== 'exact' ? { score_bound: e.scoreBound } : {}),
    key_results: e.keyResults.map((kr) => keyResultJson(kr, achievable?.keyResults[kr.id])),
  };
}

function keyResultJson(kr: KeyResultEvaluation, achievable: Achievability | undefined): KeyResultJson {
  return {
    id: kr.id,
    title: kr.title,
    kpi: kr.kpi,
    channel: kr.channel,
    weight: kr.weight,
    manual: kr.manual,
    baseline: kr.baseline,
    ...referenceJson(kr),
    target: kr.target,
    actual: kr.actual,
    progress: kr.progress,
    expected: kr.expected,
    status: kr.status,
    projection: kr.projection,
    score: kr.score,
    ...(kr.approximate ? { approximate: true as const } : {}),
    ...(kr.bound !== 'exact' ? { bound: kr.bound } : {}),
    ...(kr.leftOut.length > 0 ? { left_out: [...kr.leftOut] } : {}),
    ...dataEndsJson(kr),
    ...(kr.actualTo !== null ? { actual_to: formatDay(kr.actualTo) } : {}),
    ...(kr.cutRows ? { cut_rows: true as const } : {}),
    ...(kr.inputsEnd ? { inputs_to: inputsTo(kr.inputsEnd) } : {}),
    ...(kr.gaps ? { gaps: gapsJson(kr.gaps) } : {}),
    ...(kr.countedFrom ? { counted_from: channelDaysJson(kr.countedFrom) } : {}),
    ...(kr.provisional ? { provisional: true as const } : {}),
    ...(kr.endsEarly ? { ends_early: true as const } : {}),
    ...(kr.metSoFar ? { met_so_far: true as const } : {}),
    ...(achievable ? { achievability: achievable } : {}),
  };
}

/** A measure's `gaps` as ISO dates. */
export function gapsJson(gaps: InputGaps): GapsJson {
  const out: GapsJson = {};
  for (const [channel, byInput] of Object.entries(gaps)) {
    out[channel] = {};
    for (const [input, ranges] of Object.entries(byInput)) {
      out[channel][input] = ranges.map(([from, to]) => ({ from: formatDay(from), to: formatDay(to) }));
    }
  }
  return out;
}

/** `baseline_to`, `reference_to`, `previous_left_out`, `baseline_left_out`, `baseline_channels_differ`, `previous_partial` and `baseline_bound`, each only when it applies. */
function referenceJson(e: {
  baselineTo: Day | null;
  referenceTo: Day | null;
  previousLeftOut: readonly string[];
  baselineLeftOut: readonly string[];
  baselineChannelsDiffer: boolean;
  previousPartial: CoveredPart | null;
  baselineBound: BaselineBound | null;
}): Pick<
  SmartGoalJson,
  | 'baseline_to'
  | 'reference_to'
  | 'previous_left_out'
  | 'baseline_left_out'
  | 'baseline_channels_differ'
  | 'previous_partial'
  | 'baseline_bound'
> {
  return {
    ...(e.baselineTo !== null ? { baseline_to: formatDay(e.baselineTo) } : {}),
    ...(e.referenceTo !== null ? { reference_to: formatDay(e.referenceTo) } : {}),
    ...(e.previousLeftOut.length > 0 ? { previous_left_out: [...e.previousLeftOut] } : {}),
    ...(e.baselineLeftOut.length > 0 ? { baseline_left_out: [...e.baselineLeftOut] } : {}),
    ...(e.baselineChannelsDiffer ? { baseline_channels_differ: true as const } : {}),
    ...(e.previousPartial !== null ? { previous_partial: partJson(e.previousPartial) } : {}),
    ...(e.baselineBound !== null ? { baseline_bound: e.baselineBound } : {}),
  };
}

/**
 * `incomplete` and `data_to` of a goal or key result whose channels' data ends early, with each
 * channel's own last day (`incomplete_to`) when they end on different days; nothing otherwise.
 */
function dataEndsJson(e: { incomplete: readonly string[]; dataTo: Day | null; channelsTo: Readonly<Record<string, Day>> }): {
  incomplete?: string[];
  data_to?: string;
  incomplete_to?: Record<string, string>;
} {
  if (e.incomplete.length === 0 || e.dataTo === null) return {};
  const days = e.incomplete.map((c) => (Object.hasOwn(e.channelsTo, c) ? e.channelsTo[c]! : e.dataTo!));
  const apart = days.some((d) => d !== e.dataTo);
  return {
    incomplete: [...e.incomplete],
    data_to: formatDay(e.dataTo),
    ...(apart ? { incomplete_to: Object.fromEntries(e.incomplete.map((c, i) => [c, formatDay(days[i]!)])) } : {}),
  };
}
