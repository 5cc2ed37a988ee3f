/**
 * Goal evaluations computed once: every caller (quarter reports, goal pages, the goals
 * index, narrative components) asks here, and a goal is evaluated once per engine and
 * as-of day. Pure: the memo lives beside the engine, never on a clock or a file.
 */
import type { Day } from './dates.ts';
import { evaluateGoal, evaluateMeasure, type GoalEvaluation, type MeasureEvaluation } from './evaluate.ts';
import type { Goal, Measure, SmartGoal } from './goals.ts';
import type { KpiEngine } from './kpis.ts';
import type { Period } from './periods.ts';

const memo = new WeakMap<KpiEngine, WeakMap<Goal, Map<Day, GoalEvaluation>>>();

/** A goal evaluated as of a day, computed on the first request and shared afterwards. */
export function goalEvaluation(engine: KpiEngine, goal: Goal, asOf: Day): GoalEvaluation {
  let byGoal = memo.get(engine);
  if (!byGoal) memo.set(engine, (byGoal = new WeakMap()));
  let byDay = byGoal.get(goal);
  if (!byDay) byGoal.set(goal, (byDay = new Map()));
  let e = byDay.get(asOf);
  if (!e) byDay.set(asOf, (e = evaluateGoal(engine, goal, asOf)));
  return e;
}

const measureMemo = new WeakMap<KpiEngine, WeakMap<Measure, Map<string, MeasureEvaluation>>>();

/**
 * A measure (a SMART goal's, or a key result's) evaluated over a period as of a day, computed
 * once: a SMART goal's is its goal's evaluation, so a goal page's definition and progress
 * chart share the evaluation its reports use.
 */
export function measureEvaluation(engine: KpiEngine, measure: Measure, period: Period, asOf: Day): MeasureEvaluation {
  const goal = measure as Partial<SmartGoal>;
  if (goal.type === 'smart' && goal.period?.start === period.start && goal.period.end === period.end) {
    const e = goalEvaluation(engine, measure as SmartGoal, asOf);
    if (e.type === 'smart') return e;
  }
  let byMeasure = measureMemo.get(engine);
  if (!byMeasure) measureMemo.set(engine, (byMeasure = new WeakMap()));
  let byKey = byMeasure.get(measure);
  if (!byKey) byMeasure.set(measure, (byKey = new Map()));
  const key = `${period.start}/${period.end}/${asOf}`;
  let e = byKey.get(key);
  if (!e) byKey.set(key, (e = evaluateMeasure(engine, measure, period, asOf)));
  return e;
}
