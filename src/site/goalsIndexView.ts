/**
 * The goals index (`/goals/`): objectives with their goals, each goal evaluated as of the
 * site's last day with data (the shared evaluation), for the page to render as props.
 */
import { type Day, formatDay } from '../core/dates.ts';
import type { GoalEvaluation } from '../core/evaluate.ts';
import { goalEvaluation } from '../core/evaluations.ts';
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Project } from '../core/project.ts';
import type { OkrBand } from '../core/status.ts';
import { siteAsOf } from './goalView.ts';
import { uiStrings } from '../translations/index.ts';
import { keyResultBands } from './okrView.ts';
import { formatPeriod } from '../format/intl.ts';
import { keyResultName } from './words.ts';

export interface GoalsIndexGroup {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  /** Each goal with its evaluation and, for an OKR, its key results' bands (null without a score). */
  readonly items: ReadonlyArray<{
    readonly goal: Goal;
    readonly e: GoalEvaluation;
    readonly bands: ReadonlyArray<OkrBand | null>;
    /** The goal's period as a reader names it (`2026-Q3`, `Jul 1 – Dec 31, 2026`). */
    readonly period: string;
    /** An OKR's key results by name (title, else the KPI's label), in order. */
    readonly keyResults: readonly string[];
  }>;
}

export interface GoalsIndexView {
  readonly asOf: Day;
  /** The as-of day as written (`2026-09-30`). */
  readonly asOfIso: string;
  readonly groups: readonly GoalsIndexGroup[];
}

/** Objectives (then goals without one) with their evaluated goals. */
export function goalsIndexView(project: Project, engine: KpiEngine): GoalsIndexView {
  const asOf = siteAsOf(project);
  const evaluated = project.goals.map((goal) => {
    const e = goalEvaluation(engine, goal, asOf);
    return {
      goal,
      e,
      bands: e.type === 'okr' ? keyResultBands(e.keyResults, e.stretch) : [],
      period: formatPeriod(goal.period.label, project.site.locale),
      keyResults: e.type === 'okr' ? e.keyResults.map((kr) => keyResultName(project, kr)) : [],
    };
  });
  const groups = [
    ...project.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      description: o.description ?? null,
      items: evaluated.filter((x) => x.goal.objective === o.id),
    })),
    {
      id: 'no-objective',
      title: uiStrings(project.site.locale, project.site.strings).goals.noObjective,
      description: null,
      items: evaluated.filter((x) => !x.goal.objective),
    },
  ].filter((g) => g.items.length > 0 || g.id !== 'no-objective');
  return { asOf, asOfIso: formatDay(asOf), groups };
}
