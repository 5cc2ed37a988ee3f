/**
 * Targets that ask for no change, or that nothing measures from. A level goal without a
 * baseline is measured from the KPI over the previous period; when its target equals that
 * value, or there is no such value (a team's first quarter of data), progress cannot be
 * measured and the page would only say "No data". A total (a cumulative goal) starts from
 * 0, so a target that comes to 0 asks for nothing either. This needs the KPI engine, so it
 * runs after loading, on goals that are otherwise valid.
 */
import { resolveTarget } from '../core/evaluate.ts';
import type { Goal, Measure } from '../core/goals.ts';
import { type KpiEngine, resolveChannels, windowFor } from '../core/kpis.ts';
import { type Period, previousPeriod } from '../core/periods.ts';
import type { GoalPlace } from './goals.ts';
import type { PathKey } from './locate.ts';

/**
 * Reports, at the target, every level goal or key result whose target equals its implicit
 * baseline (an error), or that has no baseline at all: none given and no value for the
 * previous period (a note: progress cannot be measured until one is given).
 */
export function checkImplicitBaselines(engine: KpiEngine, goals: readonly Goal[], places: ReadonlyMap<string, GoalPlace>): void {
  for (const goal of goals) {
    const place = places.get(goal.id);
    if (!place) continue;
    if (goal.type === 'smart') check(engine, goal, goal.period, place, [...place.path]);
    else {
      goal.keyResults.forEach((kr, k) => {
        if (kr.measure) check(engine, kr.measure, goal.period, place, [...place.path, 'key_results', k]);
      });
    }
  }
}

function check(engine: KpiEngine, measure: Measure, period: Period, place: GoalPlace, path: PathKey[]): void {
  if (measure.baseline !== null) return;
  const t = measure.target;
  if ((t.kind === 'percent' && t.ratio === 0) || (t.kind === 'delta' && t.amount === 0)) return; // reported as written
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) return;
  const prev = previousPeriod(period);
  const channels = resolveChannels(measure.channel, engine.index.channels);
  const previous = windowFor(engine, channels, prev.start, prev.end).value(kpi).value;
  if (!kpi.cumulative && previous === null && channels.length > 0) {
    place.report.note(
      [...path, 'target'],
      `no baseline: ${measure.kpi} has no value on ${channels.join(', ')} over ${prev.label} (the baseline when none is given), ` +
        'so progress cannot be measured and the goal shows "No data"; give a baseline (the value the goal starts from)',
    );
    return;
  }
  const target = resolveTarget(t, previous);
  if (target === null) return;
  const written =
    t.kind === 'absolute'
      ? String(t.value)
      : `${t.kind === 'percent' ? `${t.ratio >= 0 ? '+' : ''}${t.ratio * 100}%` : `${t.amount >= 0 ? '+' : ''}${t.amount}`} (${target})`;
  const fix = 'the goal asks for no change; give another target or a baseline';
  if (kpi.cumulative) {
    // A total starts from 0: a target of 0 on a total that should grow asks for nothing (a budget cap of 0 is a real goal).
    if (target === 0 && kpi.def.good === 'up') {
      place.report.at(
        [...path, 'target'],
        `the target ${written} equals the baseline, 0 (a total over the period starts from 0): ${fix}`,
      );
    }
    return;
  }
  if (previous === null || !same(target, previous)) return;
  place.report.at(
    [...path, 'target'],
    `the target ${written} equals the baseline, ${measure.kpi} over ${prev.label} ` + `(the baseline when none is given): ${fix}`,
  );
}

function same(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}
