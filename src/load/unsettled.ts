/**
 * Goals that cannot settle: their period is over in the data (later data exist), yet a channel
 * whose figures count in the goal stopped inside it (a closed account, an export never
 * downloaded). The days after its last day are unknown, so the goal is evaluated as of that day
 * and shows neither "achieved" nor "missed" at its deadline. A note at the goal; nothing is
 * invented for the missing days. So is a goal whose deadline is still ahead of the data, where a
 * channel of its figure stopped while the others go on: unless the rest is added, it will be
 * undecided from its deadline on. Runs after loading, on valid content.
 */
import { type Day, formatDay } from '../core/dates.ts';
import { wholeEnds } from '../core/coverage.ts';
import type { Goal, Measure } from '../core/goals.ts';
import { type KpiEngine, readsFollowers, resolveChannels } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import { forEachMeasure, type GoalPlace } from './goals.ts';
import type { PathKey } from './locate.ts';

/**
 * Notes every goal or key result whose period is over while a channel of its figure stopped inside
 * it, or whose period goes on past the data while a channel of its figure stopped before the others.
 */
export function checkUnsettled(engine: KpiEngine, goals: readonly Goal[], places: ReadonlyMap<string, GoalPlace>): void {
  const last = engine.index.dataRange()?.last ?? null;
  if (last === null) return;
  const explained: Explained = new Map();
  forEachMeasure(goals, places, (measure, period, place, path) => {
    if (period.end <= last) check(engine, measure, period, place, path, explained);
    else if (period.start <= last) checkAhead(engine, measure, period, last, place, path, explained);
  });
}

/**
 * Where the whole note on channels whose data end on a day was given, by the channels and the day:
 * the goals after it on the same early end get the short note (one early download of a channel
 * would otherwise repeat the same paragraph at every goal on it).
 */
type Explained = Map<string, string>;

/** The short note where the same early end was explained at an earlier goal, else null (and this one is the first). */
function seenBefore(explained: Explained, kind: string, early: EarlyEnd, place: GoalPlace, path: PathKey[]): string | null {
  const key = `${kind}\u0000${early.incomplete.map((c) => `${c}=${ownDay(early, c)}`).join(',')}`;
  const first = explained.get(key);
  if (first === undefined) explained.set(key, place.report.where(path));
  return first ?? null;
}

/** The channels of a measure whose data end early, each with its own last day, and the first of those days. */
interface EarlyEnd {
  readonly incomplete: readonly string[];
  readonly dataTo: Day;
  readonly channelsTo: Readonly<Record<string, Day>>;
}

/** The channels of a measure whose data end before `upTo` inside its period, and their days; null when none do. */
function earlyEnd(engine: KpiEngine, measure: Measure, period: Period, upTo: Day): EarlyEnd | null {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) return null;
  // The goal's channels, as its evaluation takes them: one left out of its figure whose count stopped before the
  // period while its other data go on holds it undecided too (red-team 27 #5, #6), and is named.
  const channels = resolveChannels(measure.channel, engine.index.channels);
  const { incomplete, dataTo, channelsTo } = wholeEnds(engine, kpi, channels, period, upTo);
  return incomplete.length === 0 || dataTo === null ? null : { incomplete, dataTo, channelsTo };
}

/** A channel's own last day (own keys only: a channel named `constructor` is not Object's). */
function ownDay(early: EarlyEnd, channel: string): Day {
  return Object.hasOwn(early.channelsTo, channel) ? early.channelsTo[channel]! : early.dataTo;
}

/**
 * "the data of ‹channels› for ‹kpi› end on ‹day›", each channel named with its own last day, the
 * earliest first ("… end on 2026-09-10 and of instagram on 2026-09-15"): a channel is never
 * named beside another channel's day (red-team 9 #9).
 */
function endsText(kpi: string, early: EarlyEnd): string {
  const byDay = new Map<Day, string[]>();
  for (const c of early.incomplete) {
    const day = ownDay(early, c);
    byDay.set(day, [...(byDay.get(day) ?? []), c]);
  }
  const [first, ...rest] = [...byDay].sort(([a], [b]) => a - b);
  const more = rest.map(([day, cs]) => ` and of ${cs.join(', ')} on ${formatDay(day)}`).join('');
  return `the data of ${first![1].join(', ')} for ${kpi} end on ${formatDay(first![0])}${more}`;
}

/**
 * What to add where a goal's data end early: a later count where the KPI reads a count (followers given on
 * some days only stand for the week after each: red-team 27 #4), else a `through` day for an export that
 * covers the days after its last row; or the channel left out of the goal.
 */
function missingHint(engine: KpiEngine, measure: Measure, early: EarlyEnd, period: Period): string {
  const kpi = engine.kpis.get(measure.kpi);
  const stock = (name: string) => engine.index.metrics.get(name)?.aggregation === 'stock';
  const counts =
    kpi !== undefined &&
    (kpi.inputs.some(stock) ||
      (readsFollowers(kpi) &&
        early.incomplete.some((c) => engine.index.dataDays([c], ['followers'], period.start, period.end).length > 0)));
  return (
    (counts
      ? 'if a later count was taken, add it (a count stands for the week after its day, not longer)'
      : 'if an export covers the days after its last row, give it a "through" day') +
    '; if the channel has stopped, leave it out of the goal'
  );
}

/** A goal whose deadline is after the data's last day, on a channel whose data stopped before it. */
function checkAhead(
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  last: Day,
  place: GoalPlace,
  path: PathKey[],
  explained: Explained,
): void {
  const early = earlyEnd(engine, measure, period, last);
  if (!early) return;
  const { dataTo } = early;
  const ends = endsText(measure.kpi, early);
  const first = seenBefore(explained, 'ahead', early, place, path);
  if (first !== null) {
    place.report.note(
      path,
      `${ends}, while other data go on: ` + `evaluated as of ${formatDay(dataTo)}, as the note at ${first} says`,
    );
    return;
  }
  place.report.note(
    path,
    `${ends}, while other data go on to ${formatDay(last)}: ` +
      `the goal is evaluated as of ${formatDay(dataTo)}, and from its deadline (${formatDay(period.end)}) on it stays undecided ` +
      `unless its data so far decide it (a total already past its target, a cap already overspent); ${missingHint(engine, measure, early, period)}`,
  );
}

/** A goal whose period is over, on a channel whose data stopped inside it while later data exist. */
function check(
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  place: GoalPlace,
  path: PathKey[],
  explained: Explained,
): void {
  const early = earlyEnd(engine, measure, period, period.end);
  if (!early) return;
  const { dataTo } = early;
  const ends = endsText(measure.kpi, early);
  const first = seenBefore(explained, 'over', early, place, path);
  if (first !== null) {
    place.report.note(
      path,
      `${ends}, before the deadline ` +
        `(${formatDay(period.end)}): undecided unless its data so far decide it, as the note at ${first} says`,
    );
    return;
  }
  place.report.note(
    path,
    `${ends}, before the deadline ` +
      `(${formatDay(period.end)}), while later data exist: the goal is evaluated as of ${formatDay(dataTo)} and cannot settle ` +
      '(achieved or missed) until the rest of its period is added, unless its data so far decide it (a total already past its ' +
      `target, a cap already overspent): it is undecided; ${missingHint(engine, measure, early, period)}`,
  );
}
