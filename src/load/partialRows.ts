/**
 * Goal periods that cover a month or quarter row only in part. A total over the goal's period
 * counts whole rows only (a row cannot be split), so a goal from 08-15 to 09-14 over a month row
 * for August counts none of August, and its figure undercounts without a word. A note at the
 * KPI, naming the rows. Runs after loading, on valid content.
 */
import { formatDay } from '../core/dates.ts';
import type { Goal, Measure } from '../core/goals.ts';
import { type KpiEngine, resolveChannels } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import { forEachMeasure, type GoalPlace } from './goals.ts';
import type { PathKey } from './locate.ts';

/** Notes every goal or key result whose period covers month or quarter rows of its KPI's totals in part. */
export function checkPartialRows(engine: KpiEngine, goals: readonly Goal[], places: ReadonlyMap<string, GoalPlace>): void {
  forEachMeasure(goals, places, (measure, period, place, path) => check(engine, measure, period, place, path));
}

function check(engine: KpiEngine, measure: Measure, period: Period, place: GoalPlace, path: PathKey[]): void {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) return;
  const { index } = engine;
  const flows = kpi.inputs.filter((name) => index.metrics.get(name)?.aggregation === 'flow');
  for (const channel of resolveChannels(measure.channel, index.channels)) {
    for (const metric of flows) {
      const rows = index.partlyCovered(channel, metric, period.start, period.end);
      if (rows.length === 0) continue;
      place.report.note(
        [...path, 'kpi'],
        `${metric} on ${channel} comes as a row for ${rows.join(', ')}, which the goal's period ` +
          `(${formatDay(period.start)} to ${formatDay(period.end)}) covers only in part: the goal counts none of it, ` +
          'so its figure undercounts; give the goal whole months, or import daily rows',
      );
      return;
    }
  }
}
