/**
 * Achievability notes for `validate` (SPEC "Achievable?"): a target beyond any change the KPI
 * has made, above three periods in four, or already met before the period began is worth a
 * look before it is merged. Never an error. Runs after loading, on valid content.
 */
import { achievability } from '../core/achievability.ts';
import type { Goal, Measure } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import type { FormatOptions } from '../format/numbers.ts';
import { achievabilityText } from '../format/achievability.ts';
import { forEachMeasure, type GoalPlace } from './goals.ts';
import type { PathKey } from './locate.ts';

const NOTED = { stretch: 'a stretch target', ambitious: 'an ambitious target', already_met: 'a target already met' } as const;

/** Notes, at the target, every goal or key result whose target is a stretch, ambitious or already met. */
export function noteAchievability(
  engine: KpiEngine,
  goals: readonly Goal[],
  places: ReadonlyMap<string, GoalPlace>,
  fmt: FormatOptions,
): void {
  const note = (measure: Measure, period: Period, place: GoalPlace, path: PathKey[]) => {
    const kpi = engine.kpis.get(measure.kpi);
    if (!kpi) return;
    const a = achievability(engine, measure, period);
    if (a.verdict !== 'stretch' && a.verdict !== 'ambitious' && a.verdict !== 'already_met') return;
    place.report.note(
      [...path, 'target'],
      `achievable? ${NOTED[a.verdict]}: ${achievabilityText(a, period.kind, kpi.def.good, fmt)}`,
    );
  };
  forEachMeasure(goals, places, note);
}
