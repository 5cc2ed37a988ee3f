/**
 * The KPI table (SPEC "KPI catalogue"): every KPI over a quarter with its change against the
 * previous quarter and the same quarter a year before, each value taken over days that compare
 * (the days every input is whole and covers) and flagged where the data make it partial. Pure.
 */
import { growsWithWindow } from './comparable.ts';
import {
  clipGaps,
  dataEnds,
  type InputGaps,
  daysLeftOut,
  inputGaps,
  inputTails,
  joinGaps,
  overCoveredDays,
  valueOverCovered,
} from './coverage.ts';
import { type Day, joinRanges } from './dates.ts';
import {
  droppedPartsEnd,
  inputsStart,
  type Kpi,
  type KpiEngine,
  type KpiValue,
  type MetricWindow,
  relativeChange,
  wholeInputsTo,
  wholeValue,
  windowFor,
  withoutDroppedParts,
} from './kpis.ts';
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
   * is, and any figure on them is flagged; a total (a KPI that grows with its days) then has no
   * `qoq` or `yoy` (part of a quarter against whole ones); else null. A total's gaps also hold
   * the days after an input's exports end while its channel's data go on (see `inputTails`:
   * mentions as month rows to August beside daily rows to 30 September, rt13 #5).
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
   * The previous quarter is covered only over these days by a channel counted in it (its data
   * start after the quarter's first day, or end before its last: see `coveredPart`; or an export
   * of a summed input misses days inside it, its `gaps`: red-team 12 #2): a total's `qoq` is then
   * null (part of a quarter against a whole one); a rate's `previous` and `qoq` are taken over
   * these days, which every channel counted covers. Null when every channel covers it whole.
   */
  readonly previousPartial: CoveredPart | null;
  /** The same for the quarter a year before (`yearAgo`, `yoy`). */
  readonly yearAgoPartial: CoveredPart | null;
  /**
   * The value covers the quarter to date (it is not over) on a KPI that grows with the days
   * counted (a total, a reach): its `qoq` and `yoy` compare part of a quarter with whole ones.
   */
  readonly toDate: boolean;
  /**
   * Channels counted in the value whose data stop before the quarter's last day (to the as-of day,
   * when earlier), each with its last day (see `channelsCutShort`): the figure covers part of the
   * quarter for them. A KPI that grows with the days counted then has no `qoq` or `yoy`, as over
   * part of an earlier quarter (red-team 15 #7); else null.
   */
  readonly incomplete: Readonly<Record<string, Day>> | null;
  /**
   * One of this value and the previous quarter's is only a bound of the true figure and the other is
   * not (reach as month rows then as quarter rows): they do not compare, so `qoq` is null (red-team 33 #3).
   */
  readonly qoqBoundDiffers: boolean;
  /** The same against the quarter a year before (`yoy`). */
  readonly yoyBoundDiffers: boolean;
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
    const grows = growsWithWindow(kpi.ast, aggregationOf);
    const previous = earlierValue(engine, kpi, before, [period.start, end]);
    const yearAgo = earlierValue(engine, kpi, lastYear, [period.start, end]);
    const qoqChannelsDiffer = channelsDiffer(current, previous.value);
    const yoyChannelsDiffer = channelsDiffer(current, yearAgo.value);
    // A total whose input's exports stop while its channel's data go on (mentions as month rows to
    // August beside daily rows to September) misses that input's last days, as over a gap (rt13 #5).
    const gaps = grows ? joinGaps(now.gaps, inputTails(engine, current, end)) : now.gaps;
    // The channels counted whose data stop inside the quarter (red-team 15 #7).
    const incomplete = current.value === null ? null : channelsCutShort(engine, current.channels ?? channels, period, end);
    // A total over part of an earlier quarter against a whole one is no change (red-team 7 #8), nor
    // is one over a quarter with days no export covers (red-team 12 #2, rt13 #5), nor one that counts
    // part of this quarter for a channel that stopped (red-team 15 #7).
    // A bound against an exact figure (reach summed from month rows, then given for the quarter) is no change.
    const boundDiffers = (earlier: EarlierValue) =>
      current.value !== null &&
      earlier.value.value !== null &&
      (current.approximate && current.bound !== 'exact') !== (earlier.value.approximate && earlier.value.bound !== 'exact');
    const change = (differ: boolean, earlier: EarlierValue) =>
      (kpi.rate && differ) ||
      (grows && (earlier.partial !== null || gaps !== null || incomplete !== null)) ||
      boundDiffers(earlier)
        ? null
        : relativeChange(current.value, earlier.value.value);
    out.set(kpi.def.id, {
      ...current,
      previous: previous.value.value,
      yearAgo: yearAgo.value.value,
      qoq: change(qoqChannelsDiffer, previous),
      yoy: change(yoyChannelsDiffer, yearAgo),
      qoqChannelsDiffer,
      yoyChannelsDiffer,
      dataTo: now.to,
      gaps,
      previousTo: previous.to,
      yearAgoTo: yearAgo.to,
      previousPartial: previous.partial,
      yearAgoPartial: yearAgo.partial,
      toDate: toDate && grows,
      incomplete,
      qoqBoundDiffers: boundDiffers(previous),
      yoyBoundDiffers: boundDiffers(yearAgo),
    });
  }
  return out;
}

/**
 * The channels among `channels` whose data in `period` stop before `end` (the earlier of the as-of
 * day and the period's last day), each with its last day: the days their exports are known to
 * cover (`MetricIndex.coveredTo`), as the report's `incomplete` says (SPEC "Coverage in time": a
 * channel whose data end early is marked wherever its figures appear). A channel without data in
 * the period is not counted. Null when none stops early.
 */
export function channelsCutShort(
  engine: KpiEngine,
  channels: readonly string[],
  period: Period,
  end: Day,
): Record<string, Day> | null {
  const upTo = Math.min(end, period.end);
  let out: Record<string, Day> | null = null;
  for (const channel of channels) {
    const last = engine.index.coveredTo(upTo, channel);
    if (last !== null && last >= period.start && last < upTo) (out ??= {})[channel] = last;
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
  const now = apartValue(engine, kpi, channels, period.start, end);
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
 * never divides totals over different days (red-team 6 #7, #15). `within`, the end of the window
 * [a, b] was cut from (see `apartValue`): the days no export covers are found over [a, within].
 */
export function comparableValue(
  engine: KpiEngine,
  kpi: Kpi,
  channels: readonly string[],
  a: Day,
  b: Day,
  within: Day = b,
): ComparableValue {
  const whole = wholeValue(engine, kpi, channels, a, b, true);
  const kept = whole && kpi.cumulative && channels.length > 1 ? channelDaysTotal(engine, kpi, channels, a, b) : null;
  const value = kept ?? whole?.value ?? windowFor(engine, channels, a, b).value(kpi);
  const to = kept ? null : (whole?.to ?? null);
  const last = to ?? b;
  // A KPI with no value there (an input missing, a divisor of 0) has no figure to flag.
  if (last < a || value.value === null) return { value, to, gaps: null };
  const over = value.channels ?? channels;
  const gaps = within > last ? clipGaps(inputGaps(engine, kpi, over, a, within), last) : inputGaps(engine, kpi, over, a, last);
  if (gaps === null || !overCoveredDays(engine, kpi)) return { value, to, gaps };
  return { value: { ...value, value: valueOverCovered(engine, kpi, over, a, last, gaps) }, to, gaps };
}

/**
 * A total over several channels as of a day inside one channel's month row (its `wholeInputsTo` cut):
 * each channel's own days, the channels cut to their last whole day and flagged (`inputsEnd`), the
 * others to `b` (YouTube's July beside Instagram to 20 August: red-team 22 #3, 23 #6), so that the
 * channel rows add up to it. Null where every channel counted is cut (the cut is the value's own day).
 */
function channelDaysTotal(engine: KpiEngine, kpi: Kpi, channels: readonly string[], a: Day, b: Day): KpiValue | null {
  const cut = wholeInputsTo(engine, kpi, channels, a, b, true);
  const all = windowFor(engine, channels, a, b).value(kpi);
  if (cut === null || all.value === null) return null;
  const cutShort = (all.channels ?? channels).filter((c) => Object.hasOwn(cut.inputsEnd, c));
  if (cutShort.length === (all.channels ?? channels).length) return null;
  let value = all.value;
  for (const c of cutShort) {
    const to = Math.min(...Object.values(cut.inputsEnd[c]!));
    const whole = to >= a ? (windowFor(engine, [c], a, to).value(kpi).value ?? 0) : 0;
    value += whole - (windowFor(engine, [c], a, b).value(kpi).value ?? 0);
  }
  return { ...all, value, inputsEnd: { ...all.inputsEnd, ...cut.inputsEnd } };
}

/**
 * A KPI over [a, b] as the table shows it (see `comparableValue`), where it is not a total and its
 * summed inputs end apart (clicks exported to the 10th beside impressions to the 30th) taken only
 * to the first day an input stops, as a goal on it is (`dataEnds`) and as an earlier quarter's
 * value is (`earlierValue`): one rule for the current and the earlier quarters (red-team 7 #8). Its
 * `inputsEnd` stays the window's, so the figure is flagged; `to` is the day it is cut to.
 */
function apartValue(engine: KpiEngine, kpi: Kpi, channels: readonly string[], a: Day, b: Day): ComparableValue {
  const whole = comparableValue(engine, kpi, channels, a, b);
  const apart = apartTo(kpi, whole.value, a, whole.to ?? b);
  if (apart === null) return whole;
  // Days no export covers are those of the whole window (a part of engagements given in it is missing before
  // it starts, also where the window is cut before that day: red-team 21 #6).
  const cut = comparableValue(engine, kpi, channels, a, apart, whole.to ?? b);
  return { ...cut, value: { ...cut.value, inputsEnd: whole.value.inputsEnd }, to: cut.to ?? apart };
}

/** The first day in [a, b) a summed input of a KPI that is not a total stops while its channel's data go on; else null. */
function apartTo(kpi: Kpi, whole: KpiValue, a: Day, b: Day): Day | null {
  if (kpi.cumulative || whole.inputsEnd === null) return null;
  const first = Math.min(...Object.values(whole.inputsEnd).flatMap((byInput) => Object.values(byInput)));
  return first >= a && first < b ? first : null;
}

/** Days [from, to] of an earlier quarter that every channel counted in a KPI's value covers. */
export interface CoveredPart {
  readonly from: Day;
  readonly to: Day;
  /**
   * Ranges of days inside [from, to] that no export of a summed input covers on a channel counted
   * (a hole in a daily export, days between two exports: see `inputGaps`), sorted and joined; the
   * days covered are [from, to] without them. Absent when there are none.
   */
  readonly gaps?: ReadonlyArray<readonly [Day, Day]>;
  /**
   * Where the figure counts more than one channel, each channel's own `gaps` (a rate leaves out of
   * each channel only the days its exports miss: `valueOverCovered`), keyed by channel in order; absent
   * otherwise, or when there are no gaps.
   */
  readonly channelGaps?: Readonly<Record<string, ReadonlyArray<readonly [Day, Day]>>>;
}

/**
 * The part [from, to] of an earlier window with the days `missed` inside it as its `gaps`, joined
 * over channels, and each channel's own (`channelGaps`) where `counted` holds more than one channel
 * (red-team 29 #3: a hole on Instagram is not a day LinkedIn is left out of); null when none fall inside.
 */
export function partWithGaps(from: Day, to: Day, missed: InputGaps | null, counted: readonly string[]): CoveredPart | null {
  const inside = (ranges: Iterable<readonly [Day, Day]>) =>
    joinRanges(ranges)
      .filter(([first, last]) => last >= from && first <= to)
      .map(([first, last]) => [Math.max(first, from), Math.min(last, to)] as const);
  const gaps = missed === null ? [] : inside(gapDays(missed));
  if (gaps.length === 0) return null;
  if (counted.length < 2) return { from, to, gaps };
  const channelGaps: Record<string, ReadonlyArray<readonly [Day, Day]>> = {};
  for (const channel of Object.keys(missed!).sort()) {
    const own = inside(Object.values(missed![channel]!).flat());
    if (own.length > 0) channelGaps[channel] = own;
  }
  return { from, to, gaps, channelGaps };
}

/**
 * The days of an earlier window that every channel counted in `value` covers, where one covers it
 * only in part: its data start after the window's first day (a channel launched on 20 May, by
 * its daily export: see `MetricIndex.dailyStart`), or end before
 * its last (an export downloaded on 20 March), by the days its exports are known to cover
 * (`MetricIndex.coveredTo`). The same holds where the data as a whole start inside the window (a
 * team's first download, from 15 February): a daily export's first row (or an export's `from`) is where its data start,
 * whatever other channels have (red-team 9 #3). Null when every channel covers the window,
 * for a KPI without a value, and for one that reads stocks only (followers at a day do not depend
 * on the days before). `compared`, the first and last day of the period compared with it: an
 * input that starts after its last day cuts nothing (two quarters before saves were added to an
 * export compare alike: red-team 20 #2), and a part of engagements that stops before its first day
 * leaves only the days after it (saves dropped after 30 June: Q3 has none to compare with Q2's,
 * red-team 22 #1, see `partsEnd`); without it every start counts, and no part's stop.
 */
export function coveredPart(
  engine: KpiEngine,
  kpi: Kpi,
  value: KpiValue,
  window: MetricWindow,
  compared: readonly [start: Day, end: Day] | null = null,
): CoveredPart | null {
  const upTo = compared?.[1] ?? Number.MAX_SAFE_INTEGER;
  if (value.value === null || kpi.inputs.every((name) => engine.index.metrics.get(name)?.aggregation === 'stock')) return null;
  let from = window.start;
  let to = window.end;
  for (const channel of value.channels ?? window.channels) {
    const last = engine.index.coveredTo(window.end, channel);
    if (last === null || last < window.start) continue;
    const first = engine.index.dailyStart(channel) ?? from;
    const input = inputsStart(engine, kpi, channel);
    // A part of engagements that stops before the compared period (saves dropped after 30 June): only the days after it compare.
    const dropped = compared && droppedPartsEnd(engine, kpi, channel, compared);
    const stop = dropped !== null ? dropped + 1 : from;
    from = Math.max(from, first, input !== null && input <= upTo ? input : from, stop);
    to = Math.min(to, last);
  }
  return from > window.start || to < window.end ? { from, to } : null;
}

/**
 * Whether a covered part holds no day at all: an input starts after the window ends (saves added to an
 * export in August, beside likes since April: red-team 19 #5), or the part's gaps fill it (losses
 * exported from August only: red-team 19 #6). Nothing of the window is then known to compare with.
 */
export function coversNoDay(part: CoveredPart | null): boolean {
  if (part === null) return false;
  if (part.from > part.to) return true;
  let missing = 0;
  for (const [first, last] of part.gaps ?? []) missing += Math.max(0, Math.min(last, part.to) - Math.max(first, part.from) + 1);
  return missing >= part.to - part.from + 1;
}

/** A KPI over an earlier window as `earlierValue` takes it. */
export interface EarlierValue {
  readonly value: KpiValue;
  /** The last day it is taken to, when before the window's end; else null. */
  readonly to: Day | null;
  /**
   * The days every channel counted covers, when one covers the window only in part (see
   * `coveredPart`) or an export of a summed input misses days inside it (its `gaps`); else null.
   */
  readonly partial: CoveredPart | null;
}

/**
 * A KPI over an earlier window, to compare a later value with. A KPI that is not a total whose
 * summed inputs end apart there (clicks to the 10th beside impressions to the 30th) is taken
 * only to the first day an input stops, as a goal's implicit baseline is (`measureTarget`):
 * clicks to the 10th over impressions to the 30th would be a rate no period had. A total keeps
 * its value (it is flagged by `inputsEnd`). Where a channel counted covers the window only in
 * part (`coveredPart`), a KPI that does not grow with its days (a rate) is taken over the days
 * every channel counted covers, like with like; a total keeps its value, and `kpiChanges` gives it
 * no change. Either is then taken as the current value is (see `comparableValue`: a rate of flows
 * over the days every input covers); `to` is the day it is cut to, if any. Days no export of a
 * summed input covers inside the days taken (a 42-day hole in a daily export, or between two
 * exports) make the window partial as well, with those days as the part's `gaps` (red-team 12 #2).
 */
export function earlierValue(
  engine: KpiEngine,
  kpi: Kpi,
  window: MetricWindow,
  compared: readonly [start: Day, end: Day] | null = null,
): EarlierValue {
  const whole = window.value(kpi);
  const partial = coveredPart(engine, kpi, whole, window, compared);
  if (coversNoDay(partial))
    return { value: { ...whole, value: null, approximate: false, bound: 'exact', netFollows: false }, to: null, partial: null };
  const apart = apartTo(
    kpi,
    { ...whole, inputsEnd: withoutDroppedParts(engine, kpi, whole.inputsEnd, compared) },
    window.start,
    window.end,
  );
  const grows = growsWithWindow(kpi.ast, (name) => engine.index.metrics.get(name)?.aggregation);
  const from = partial && !grows ? partial.from : window.start;
  const end = Math.min(apart ?? window.end, partial && !grows ? partial.to : window.end);
  const taken = comparableValue(engine, kpi, window.channels, from, end, apart !== null ? window.end : end);
  const to = taken.to ?? (end < window.end ? end : null);
  // Days no export covers inside the days taken make the quarter partial too (red-team 12 #2), and
  // for a KPI that grows with its days, the days after an input's exports end while its channel's
  // data go on (rt13 #5), to the window's end, as the current quarter's `gaps` run to its end: a
  // reach or audience growth rate taken only to that day is part of a quarter, not a whole one.
  const joined = joinGaps(taken.gaps, grows ? inputTails(engine, whole, window.end) : null);
  // Said as the days the figure leaves out: a rate over covered days leaves out whole month rows around a hole.
  const missed = joined !== null && overCoveredDays(engine, kpi) ? daysLeftOut(engine, kpi, joined) : joined;
  // Only those inside the part: the days before an input starts are the part's own start (see `coveredPart`).
  const [partFrom, partTo] = [partial?.from ?? window.start, partial?.to ?? window.end];
  const part = partWithGaps(partFrom, partTo, missed, whole.channels ?? window.channels);
  if (part === null) return { value: taken.value, to, partial };
  if (coversNoDay(part)) return { value: { ...taken.value, value: null }, to: null, partial: null };
  return { value: taken.value, to, partial: part };
}

/** The ranges of `InputGaps` over every channel and input, sorted, overlapping or touching ones joined. */
export function gapDays(gaps: InputGaps): Array<readonly [Day, Day]> {
  return joinRanges(Object.values(gaps).flatMap((byInput) => Object.values(byInput).flat()));
}

/** Whether two values of a KPI over several channels were computed over different channels. */
function channelsDiffer(a: KpiValue, b: KpiValue): boolean {
  if (a.value === null || b.value === null || a.channels === null || b.channels === null) return false;
  return a.channels.length !== b.channels.length || a.channels.some((c) => !b.channels!.includes(c));
}
