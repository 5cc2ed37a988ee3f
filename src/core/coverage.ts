/**
 * What the data cover for a measure (SPEC "Goal evaluation"): where a channel's
 * data or an input's exports end, the days between two exports of an input, the KPI over the days
 * every input covers, and month or quarter rows a window cuts. Pure: no clock, no files.
 */
import { type Day, monthBounds, monthIndexOf, quarterBounds, quarterIndexOf } from './dates.ts';
import {
  coveredInputs,
  inputEnds,
  type InputsEnd,
  type Kpi,
  type KpiEngine,
  type KpiValue,
  lacksInput,
  readsFollowers,
  summedInputs,
  wholeInputsTo,
  windowFor,
  withoutDroppedParts,
} from './kpis.ts';
import type { Period } from './periods.ts';

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
 * The days in a window up to `b` after the exports of an input of a value end on a channel whose
 * other data go on (its `inputsEnd`: mentions as month rows to August beside daily rows to
 * 30 September, a clicks export downloaded on the 10th beside impressions to the 30th), per channel
 * and input, as `InputGaps`; null when there are none. A total over such a window counts that
 * input over part of its days only, as it does over days between two exports (rt13 #5).
 */
export function inputTails(engine: KpiEngine, value: KpiValue, b: Day): InputGaps | null {
  if (!value.inputsEnd) return null;
  let out: Record<string, Record<string, ReadonlyArray<readonly [Day, Day]>>> | null = null;
  for (const [channel, byInput] of Object.entries(value.inputsEnd)) {
    const last = engine.index.lastDay(b, [channel]);
    if (last === null) continue;
    for (const [input, end] of Object.entries(byInput)) {
      if (end < last) ((out ??= {})[channel] ??= {})[input] = [[end + 1, last]];
    }
  }
  return out;
}

/** `InputGaps` without their days after `last` (null when none is left). */
export function clipGaps(gaps: InputGaps | null, last: Day): InputGaps | null {
  if (gaps === null) return null;
  let out: Record<string, Record<string, ReadonlyArray<readonly [Day, Day]>>> | null = null;
  for (const [channel, byInput] of Object.entries(gaps))
    for (const [input, ranges] of Object.entries(byInput)) {
      const kept = ranges.filter(([first]) => first <= last).map(([first, end]) => [first, Math.min(end, last)] as const);
      if (kept.length > 0) ((out ??= {})[channel] ??= {})[input] = kept;
    }
  return out;
}

/** Two `InputGaps` as one (null when both are): each channel's and input's ranges together, sorted. */
export function joinGaps(a: InputGaps | null, b: InputGaps | null): InputGaps | null {
  if (a === null || b === null) return a ?? b;
  const out: Record<string, Record<string, ReadonlyArray<readonly [Day, Day]>>> = {};
  for (const gaps of [a, b]) {
    for (const [channel, byInput] of Object.entries(gaps)) {
      for (const [input, ranges] of Object.entries(byInput)) {
        const into = (out[channel] ??= {});
        into[input] = [...(into[input] ?? []), ...ranges].sort((x, y) => x[0] - y[0]);
      }
    }
  }
  return out;
}

/**
 * Whether a KPI is taken over the days every input covers where an input has days between two
 * exports (see `valueOverCovered`): a level over summed inputs only, a rate of flows (CTR, cost
 * per lead), whose totals over different days would not divide. A total keeps its days (it is
 * flagged), and a KPI reading a unique metric or a follower figure cannot be split by days.
 */
export function overCoveredDays(engine: KpiEngine, kpi: Kpi): boolean {
  return !kpi.cumulative && !kpi.accumulates && summedInputs(engine, kpi).length === kpi.inputs.length;
}

/**
 * A KPI over the days in [a, b] outside the ranges of `gaps`, each channel's own (a hole in
 * Instagram's export leaves out Instagram's days, not LinkedIn's month row around it: red-team 28
 * #5): its summed inputs are added over those days alone, channel by channel, so a rate divides
 * totals over the same days. Only for KPIs whose inputs are all summed (flows).
 */
export function valueOverCovered(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  a: Day,
  b: Day,
  gaps: InputGaps,
): number | null {
  const windows: Array<ReturnType<typeof windowFor>> = [];
  const gapless = channels.filter((c) => !Object.hasOwn(gaps, c));
  if (gapless.length > 0) windows.push(windowFor(engine, gapless, a, b));
  const widened = daysLeftOut(engine, kpi, gaps);
  for (const channel of channels.filter((c) => Object.hasOwn(gaps, c))) {
    const holes = Object.values(widened[channel]!)
      .flat()
      .sort((x, y) => x[0] - y[0]);
    let from = a;
    for (const [first, last] of holes) {
      if (first > from) windows.push(windowFor(engine, [channel], from, Math.min(first - 1, b)));
      from = Math.max(from, last + 1);
    }
    if (from <= b) windows.push(windowFor(engine, [channel], from, b));
  }
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
 * The days a KPI over covered days (`valueOverCovered`) leaves out of each channel for its `gaps`: each
 * range widened to the month or quarter row of any input that holds its ends, as such a row cannot be
 * cut (LinkedIn's engagements by month beside impressions every day but 10–19 August leave out
 * August: red-team 29 #2), so that the words say the days the figure leaves out (red-team 30 #1).
 */
export function daysLeftOut(engine: KpiEngine, kpi: Kpi, gaps: InputGaps): InputGaps {
  const out: Record<string, Record<string, ReadonlyArray<readonly [Day, Day]>>> = {};
  for (const [channel, byInput] of Object.entries(gaps)) {
    const widen = ([first, last]: readonly [Day, Day]): readonly [Day, Day] => {
      let [from, to] = [first, last];
      for (const input of kpi.inputs) {
        from = Math.min(from, engine.index.coarseRowAround(channel, input, first)?.[0] ?? from);
        to = Math.max(to, engine.index.coarseRowAround(channel, input, last)?.[1] ?? to);
      }
      return [from, to];
    };
    out[channel] = Object.fromEntries(Object.entries(byInput).map(([input, ranges]) => [input, ranges.map(widen)]));
  }
  return out;
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

/**
 * The summed inputs of `kpi` (flows) with a month or quarter row on one of `channels` that [start,
 * end] covers only in part (mentions by month, a goal from 15 July): a total over the range counts
 * none of such a row (it cannot be split), so it is at least what it shows (red-team 33 #1).
 */
export function straddledFlows(engine: KpiEngine, kpi: Kpi, channels: readonly string[], start: Day, end: Day): string[] {
  if (end < start) return [];
  return kpi.inputs.filter(
    (name) =>
      engine.index.metrics.get(name)?.aggregation === 'flow' &&
      channels.some((channel) => engine.index.partlyCovered(channel, name, start, end).length > 0),
  );
}

/**
 * Whether every input of `kpi` is whole over [start, end] on `channels`: no month or quarter row
 * of a summed input goes on past the day the others reach (see `wholeInputsTo`), and no such row
 * of a unique input (reach) straddles an end of the window (see `dropsStraddlingRows`). A value
 * over a window that is not whole counts a month's row for none of its days so far.
 */
export function inputsWhole(engine: KpiEngine, kpi: Kpi, channels: readonly string[], start: Day, end: Day): boolean {
  if (wholeInputsTo(engine, kpi, channels, start, end) !== null) return false;
  // Only month or quarter rows straddle: without any, the days are whole (and the rows' look-ups spared).
  const coarse = kpi.inputs.some((name) => channels.some((c) => engine.index.hasCoarseRows(c, name)));
  return !coarse || !dropsStraddlingRows(engine, kpi, channels, start, end);
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
  /** Each of them with its own last day (its inputs' first end where they end apart), in `incomplete` order. */
  readonly channelsTo: Readonly<Record<string, Day>>;
  /**
   * The channels among them whose own data goes on after an input of the KPI stops (a clicks
   * export downloaded on the 10th beside impressions to the 30th), with how far each summed
   * input's exports reach; null when none.
   */
  readonly inputsEnd: InputsEnd | null;
}

/**
 * Which of `channels` have data in `period` that ends before `asOf` (or the deadline, when
 * earlier): their exports (from an export's `from` day, else its first row, to its `through` day, else its last row)
 * do not reach that day, whether or not another channel's do. The report marks such a channel
 * incomplete; the days after its last day are unknown, not days without activity, so a measure
 * on it is evaluated as of that day. With a
 * `kpi`, a channel's data ends where the exports of the first of the KPI's summed inputs end
 * (see `inputEnds`): after that day its figures would add or divide totals over different days.
 */
export function dataEnds(engine: KpiEngine, channels: readonly string[], period: Period, asOf: Day, kpi?: Kpi): DataEnds {
  // The days after a channel's last day are unknown, also when no channel has data on them (red-team 6 #8, #9).
  const end = Math.min(asOf, period.end);
  const latest = engine.index.lastDay(end);
  const incomplete: string[] = [];
  const channelsTo: Record<string, Day> = {};
  let dataTo: Day | null = null;
  let byInput: Record<string, Record<string, Day>> | null = null;
  if (latest === null) return { incomplete, dataTo, channelsTo, inputsEnd: null };
  const inputs = kpi && latest >= period.start ? coveredInputs(engine, kpi) : [];
  // The channels the KPI is computed over: one lacking any input of it, summed or not (followers
  // for a per-follower rate), is left out of it (see `MetricWindow.value`), so its end cuts nothing.
  const counted = kpi && latest >= period.start ? windowFor(engine, channels, period.start, end).value(kpi).channels : null;
  for (const channel of channels) {
    if (counted && !counted.includes(channel)) continue;
    let last = engine.index.lastDay(end, [channel]);
    if (last === null || last < period.start) continue;
    if (kpi && inputs.length > 0) {
      const ends = inputEnds(engine, kpi, channel, period.start, end);
      // A channel lacking an input is left out of the KPI (see `MetricWindow.value`): its figures are not in it (red-team 6 #6).
      if (lacksInput(engine, kpi, ends)) continue;
      const first = Math.min(...Object.values(ends));
      if (first < last) {
        (byInput ??= {})[channel] = ends;
        last = first;
      }
    }
    if (last >= end) continue;
    incomplete.push(channel);
    channelsTo[channel] = last;
    if (dataTo === null || last < dataTo) dataTo = last;
  }
  return { incomplete, dataTo, channelsTo, inputsEnd: byInput };
}

/**
 * `dataEnds` with the channels whose count a measure reads though they have no data of it in its period:
 * follower data, or a declared stock (club members), that end before the period while the channel is
 * still in the goal (an account no longer exported: its count carried from before, SPEC "Followers").
 * Each is marked incomplete, with its last day and its count's day as `inputsEnd`: the measure is read as
 * of the period's first day, the count then being all that is known of them (red-team 20 #7). Also where
 * the channel is left out of the figure for it (a growth, a declared stock not carried) while its other
 * data go on: what it holds in the period is unknown, not none, so the others alone settle nothing
 * (red-team 27 #5, #6).
 */
function withCarriedCounts(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  period: Period,
  asOf: Day,
  ends: DataEnds,
): DataEnds {
  const end = Math.min(asOf, period.end);
  const stocks = kpi.inputs.filter((name) => name !== 'followers' && engine.index.metrics.get(name)?.aggregation === 'stock');
  const follows = readsFollowers(kpi);
  if ((!follows && stocks.length === 0) || end < period.start || (engine.index.lastDay(end) ?? -Infinity) < period.start)
    return ends;
  const counted = windowFor(engine, channels, period.start, end).value(kpi);
  let out = ends;
  for (const channel of channels) {
    if (ends.incomplete.includes(channel)) continue;
    const last = engine.index.lastDay(end, [channel]);
    // A channel left out of the figure counts only while its other data go on in the period: one no longer
    // exported at all (Twitter dropped a year ago) does not hold a goal on every channel undecided.
    const inFigure = counted.channels ? counted.channels.includes(channel) : counted.value !== null;
    if (!inFigure && (last === null || last < period.start)) continue;
    // Count data that end before the period, whatever else the channel has in it (a listening tool's
    // quarter row of mentions: red-team 26 #1).
    const stopped: Record<string, Day> = {};
    const count = follows ? engine.index.followersTo(channel, end) : null;
    if (count !== null && count < period.start) stopped['followers'] = count;
    for (const stock of stocks) {
      const stockEnd = engine.index.coverageEnd(channel, stock, Number.MIN_SAFE_INTEGER, end);
      if (stockEnd !== null && stockEnd < period.start) stopped[stock] = stockEnd;
    }
    const days = Object.values(stopped);
    if (days.length === 0) continue;
    const first = Math.min(...days);
    out = {
      incomplete: [...out.incomplete, channel],
      dataTo: Math.min(out.dataTo ?? period.start, period.start),
      channelsTo: { ...out.channelsTo, [channel]: last !== null && last < period.start ? last : first },
      inputsEnd: { ...out.inputsEnd, [channel]: stopped },
    };
  }
  return out;
}

/**
 * `dataEnds` for a measure, cut further to the last day every summed input of its KPI is whole
 * (see `wholeInputsTo`: clicks as a row for August beside impressions to the 20th are evaluated
 * as of 31 July), with the channels cut marked incomplete and their inputs' last days.
 */
export function wholeEnds(engine: KpiEngine, kpi: Kpi, channels: readonly string[], period: Period, asOf: Day): DataEnds {
  const ends = withCarriedCounts(engine, kpi, channels, period, asOf, dataEnds(engine, channels, period, asOf, kpi));
  const cutoff = Math.min(ends.dataTo ?? asOf, period.end);
  const cut = wholeInputsTo(engine, kpi, channels, period.start, cutoff, true);
  if (!cut) return ends;
  const incomplete = channels.filter((c) => ends.incomplete.includes(c) || Object.hasOwn(cut.inputsEnd, c));
  // A channel cut is whole to the first of its inputs' whole days (see `wholeInputsTo`).
  const whole = (c: string) => (Object.hasOwn(cut.inputsEnd, c) ? Math.min(...Object.values(cut.inputsEnd[c]!)) : Infinity);
  return {
    incomplete,
    dataTo: cut.to,
    channelsTo: Object.fromEntries(
      incomplete.map((c) => [c, Math.min(Object.hasOwn(ends.channelsTo, c) ? ends.channelsTo[c]! : Infinity, whole(c))]),
    ),
    inputsEnd: { ...ends.inputsEnd, ...cut.inputsEnd },
  };
}

/**
 * The first day in `period` on which a summed input of `kpi` stops on one of `channels` while the
 * channel's other data goes on (`dataEnds`' `inputsEnd`: a clicks export downloaded on the 10th
 * beside impressions to the 30th); null when the inputs of every channel reach as far as its data.
 * Up to that day every input is known, so the KPI over [start, that day] compares like with like.
 * Against `compared`, a later period, not a part of engagements it lacks (see `withoutDroppedParts`).
 */
export function inputsApartTo(
  engine: KpiEngine,
  channels: readonly string[],
  period: Period,
  kpi: Kpi,
  compared: readonly [Day, Day] | null = null,
): Day | null {
  const inputsEnd = withoutDroppedParts(engine, kpi, dataEnds(engine, channels, period, period.end, kpi).inputsEnd, compared);
  if (!inputsEnd) return null;
  const ends = Object.values(inputsEnd).flatMap((byInput) => Object.values(byInput));
  const first = ends.length > 0 ? Math.min(...ends) : null;
  return first !== null && first < period.end ? first : null;
}
