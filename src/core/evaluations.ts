/**
 * Goal evaluations computed once: every caller (quarter reports, goal pages, the goals
 * index, narrative components) asks here, and a goal is evaluated once per engine and
 * as-of day. Pure: the memo lives beside the engine, never on a clock or a file.
 */
import type { Day } from './dates.ts';
import { evaluateGoal, type GoalEvaluation } from './evaluate.ts';
import type { Goal } from './goals.ts';
import type { KpiEngine } from './kpis.ts';

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
