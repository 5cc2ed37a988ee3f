/**
 * A goal's path for its progress chart: the actual at each day with data (a running
 * total for cumulative goals, the KPI so far for levels) and the expected line from the
 * start value through the milestones to the target.
 */
import { inputsWhole } from './coverage.ts';
import type { Day } from './dates.ts';
import type { MeasureEvaluation } from './evaluate.ts';
import type { Measure } from './goals.ts';
import { type KpiEngine, resolveChannels, windowFor } from './kpis.ts';
import { dataMetrics } from './metrics.ts';
import type { Period } from './periods.ts';

export interface TrajectoryPoint {
  readonly day: Day;
  readonly value: number;
}

export interface Trajectory {
  readonly actual: readonly TrajectoryPoint[];
  readonly expected: readonly TrajectoryPoint[];
  readonly milestones: readonly TrajectoryPoint[];
}

/**
 * The actual and expected paths of an evaluated measure over its period, as of a day. The actual
 * is drawn only on days where every input is whole (see `inputsWhole`): a month row of reach or
 * clicks counts for none of its days until its last, so the days inside it would climb and drop
 * back (a saw-tooth) where no figure moved.
 */
export function trajectory(
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  asOf: Day,
  evaluation: MeasureEvaluation,
): Trajectory {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) throw new Error(`unknown KPI '${measure.kpi}'`);
  const channels = resolveChannels(measure.channel, engine.index.channels);
  // A measure over a channel whose data ends early is evaluated, and drawn, to that channel's last day.
  const cutoff = Math.min(evaluation.dataTo ?? asOf, period.end);
  const metrics = dataMetrics(kpi.inputs, engine.index.metrics);
  const actual =
    asOf < period.start
      ? []
      : engine.index.dataDays(channels, metrics, period.start, cutoff).flatMap((day) => {
          if (!inputsWhole(engine, kpi, channels, period.start, day)) return [];
          const v = windowFor(engine, channels, period.start, day).value(kpi).value;
          return v === null ? [] : [{ day, value: v }];
        });
  const from = evaluation.mode === 'cumulative' ? 0 : evaluation.baseline;
  const milestones = measure.milestones.map((m) => ({ day: m.date, value: m.target })).sort((a, b) => a.day - b.day);
  const expected =
    from === null || evaluation.target === null
      ? []
      : [{ day: period.start, value: from }, ...milestones, { day: period.end, value: evaluation.target }];
  return { actual, expected, milestones };
}
