/**
 * Achievable? (the A of SMART): the change a target asks for over the goal's period, set
 * against the changes the same KPI made over past periods of the same length on the same
 * channels (SPEC "Achievable?"). A cumulative goal compares its target with the previous
 * period's total, a level with its baseline; a KPI that is good when down compares decreases.
 * Pure: the engine and the goal's evaluation are passed in.
 */
import type { Goal, Measure } from './goals.ts';
import { type Kpi, type KpiEngine, windowFor } from './kpis.ts';
import { dataEnds, dropsStraddlingRows, inputGaps, straddledFlows } from './coverage.ts';
import { measuredChannels, measureTarget } from './targets.ts';
import { type Period, previousPeriod } from './periods.ts';

export type AchievabilityVerdict = 'already_met' | 'realistic' | 'ambitious' | 'stretch' | 'unknown';

/** A target's verdict, the change it needs and the history it is judged against. */
export interface Achievability {
  readonly verdict: AchievabilityVerdict;
  /** The relative change the target asks for (a decrease counts as positive on a "down" KPI); null when not computable. */
  readonly needed: number | null;
  /** The largest past change (in the same sense as `needed`). */
  readonly best: number | null;
  readonly median: number | null;
  /** How many past changes there are. */
  readonly periods: number;
}

/** Past changes needed for a verdict. */
export const MIN_PERIODS = 4;
/** How far back the history goes, in periods of the goal's length. */
export const MAX_PERIODS = 40;

/** Relative changes between consecutive values (oldest first), skipping gaps and zero starts. */
export function pastChanges(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const before = values[i - 1];
    const after = values[i];
    if (before === null || before === undefined || after === null || after === undefined || before === 0) continue;
    out.push((after - before) / Math.abs(before));
  }
  return out;
}

/** The value below which a share `q` of the sorted values fall, interpolated linearly. */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * The verdict on a needed change against past changes: already met when it needs none,
 * unknown without enough history, stretch beyond the best change seen, ambitious above the
 * 75th percentile, realistic otherwise.
 */
export function judge(needed: number | null, changes: readonly number[]): Achievability {
  const sorted = [...changes].sort((a, b) => a - b);
  const periods = sorted.length;
  const best = periods > 0 ? sorted[periods - 1]! : null;
  const median = periods > 0 ? quantile(sorted, 0.5) : null;
  const of = (verdict: AchievabilityVerdict): Achievability => ({ verdict, needed, best, median, periods });
  if (needed === null) return of('unknown');
  if (needed <= 0) return of('already_met');
  if (periods < MIN_PERIODS) return of('unknown');
  if (needed > best!) return of('stretch');
  if (needed > quantile(sorted, 0.75)) return of('ambitious');
  return of('realistic');
}

/**
 * The achievability of a goal or key result measured on a KPI: what its target needs against
 * its reference (the previous period's total for a cumulative goal, the baseline for a level,
 * both over the channels its actual is computed over),
 * judged against the KPI's changes between complete periods of the same length before it.
 * Milestones play no part.
 */
export function achievability(engine: KpiEngine, measure: Measure, period: Period): Achievability {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) return judge(null, []);
  const over = measuredChannels(engine, measure, period);
  const { mode, previous, baseline, target, previousPartial, baselineChannelsDiffer } = measureTarget(
    engine,
    measure,
    period,
    over,
  );
  const down = kpi.def.good === 'down';
  // A total over part of the previous period is no reference for a change (red-team 9 #4), nor
  // is a rate's baseline over other channels than the actual (rt15 #4).
  const reference =
    mode === 'cumulative' ? (previousPartial === null ? previous : null) : baselineChannelsDiffer ? null : baseline;
  const raw = target === null || reference === null || reference === 0 ? null : (target - reference) / Math.abs(reference);
  const needed = raw === null || !Number.isFinite(raw) ? null : down ? -raw : raw;
  const past = pastValues(engine, measure, period, over);
  const changes = past.map((_, i) => pastChange(past, i)).filter((c) => c !== null);
  return judge(
    needed,
    changes.map((c) => (down ? -c : c)),
  );
}

/**
 * One past period of a KPI's history: its label, the KPI over it, whether its data is complete
 * (only then is it a change), and whether it is computed over the same channels as the period
 * before it (only then is the change into it a change of the KPI).
 */
export interface PastValue {
  readonly period: string;
  readonly value: number | null;
  readonly complete: boolean;
  readonly sameChannels: boolean;
}

/**
 * The change into `past[i]` from the period before it, counted in the history: null for the
 * first, where either period is not complete or has no value, the earlier one is 0, or they are
 * computed over other channels (a channel started: red-team 12 #5, the next change still counts).
 */
export function pastChange(past: readonly PastValue[], i: number): number | null {
  const [before, after] = [past[i - 1], past[i]];
  if (!before || !after || !before.complete || !after.complete || !after.sameChannels) return null;
  return pastChanges([before.value, after.value])[0] ?? null;
}

/**
 * The KPI over the periods of the goal's length before it, oldest first, back to the first data
 * (at most MAX_PERIODS): the history the verdict is judged against, over the channels the goal's
 * actual is computed over (`over`, by default `measuredChannels`), like with like. Only a period of
 * complete data counts as a change: one in which a channel's data or an input of the KPI ends early
 * (see `dataEnds`: clicks to the 10th beside impressions to the 30th) is not `complete`, nor one
 * with days no export of a summed input covers (a hole in a daily export, days between two
 * exports: see `inputGaps`, red-team 12 #2), nor, for a KPI that grows with the days counted (a
 * total, a reach), one inside which any channel's data begins (a channel launched mid-quarter:
 * its first export starts inside it), so that a figure over part of a period never passes for a
 * change. A rate or an end-of-period value over the days there are is no such figure. A period
 * computed over other channels than the one before it (a channel started or stopped) is not
 * `sameChannels`: the change into it is no change of the KPI, the change out of it is (see
 * `pastChange`).
 */
export function pastValues(engine: KpiEngine, measure: Measure, period: Period, over?: readonly string[]): PastValue[] {
  const kpi = engine.kpis.get(measure.kpi);
  const channels = over ?? measuredChannels(engine, measure, period);
  const starts = channels.map((c) => engine.index.firstDay(c)).filter((d): d is number => d !== null);
  if (!kpi || starts.length === 0) return [];
  const first = Math.min(...starts);
  const growing = kpi.cumulative || kpi.accumulates;
  const out: PastValue[] = [];
  // Each period's channels, oldest first beside `out`: a change needs the same ones on both sides.
  const computedOver: Array<readonly string[] | null> = [];
  let p = previousPeriod(period);
  for (let i = 0; i < MAX_PERIODS && p.end >= first; i++, p = previousPeriod(p)) {
    const startsInside = growing && starts.some((s) => p.start < s && s <= p.end);
    const value = windowFor(engine, channels, p.start, p.end).value(kpi);
    const counted = value.channels ?? channels;
    // A figure that is only a bound (reach summed from month rows), or a total that leaves out a month
    // row its period covers in part (78-day windows over mentions by month), is no change (red-team 33 #4);
    // a rate over the whole months inside a period still is one.
    const complete =
      !startsInside &&
      !(value.approximate && counted.some((c) => finerRowsBound(engine, kpi, c, p))) &&
      !dropsStraddlingRows(engine, kpi, counted, p.start, p.end) &&
      !(growing && straddledFlows(engine, kpi, counted, p.start, p.end).length > 0) &&
      dataEnds(engine, channels, p, p.end, kpi).incomplete.length === 0 &&
      inputGaps(engine, kpi, counted, p.start, p.end) === null;
    out.unshift({ period: p.label, value: value.value, complete, sameChannels: true });
    computedOver.unshift(value.value === null ? null : counted);
  }
  return out.map((past, i) => {
    const [before, now] = [computedOver[i - 1], computedOver[i]];
    const differ = i > 0 && before && now && (before.length !== now.length || now.some((c) => !before.includes(c)));
    return differ ? { ...past, sameChannels: false } : past;
  });
}

/** Whether a KPI over a period on one channel is only a bound of the true figure (reach summed from month rows). */
function finerRowsBound(engine: KpiEngine, kpi: Kpi, channel: string, p: Period): boolean {
  const v = windowFor(engine, [channel], p.start, p.end).value(kpi);
  return v.approximate && v.bound !== 'exact';
}

/** The achievability of a SMART goal (`goal`) or of an OKR's measured key results (by id). */
export interface GoalAchievability {
  readonly goal: Achievability | null;
  readonly keyResults: Readonly<Record<string, Achievability>>;
}

/** Achievability of every target of a goal measured on a KPI (manual key results have none). */
export function goalAchievability(engine: KpiEngine, goal: Goal): GoalAchievability {
  let byGoal = achievabilityMemo.get(engine);
  if (!byGoal) achievabilityMemo.set(engine, (byGoal = new WeakMap()));
  let judged = byGoal.get(goal);
  if (!judged) byGoal.set(goal, (judged = judgeGoal(engine, goal)));
  return judged;
}

/** Per engine and goal: a goal's achievability depends on neither the quarter nor the page asking (every report of the goal shows the same). */
const achievabilityMemo = new WeakMap<KpiEngine, WeakMap<Goal, GoalAchievability>>();

function judgeGoal(engine: KpiEngine, goal: Goal): GoalAchievability {
  if (goal.type === 'smart') return { goal: achievability(engine, goal, goal.period), keyResults: {} };
  const keyResults: Record<string, Achievability> = {};
  for (const kr of goal.keyResults) if (kr.measure) keyResults[kr.id] = achievability(engine, kr.measure, goal.period);
  return { goal: null, keyResults };
}
