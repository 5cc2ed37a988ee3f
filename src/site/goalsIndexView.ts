/**
 * The goals index (`/goals/`): objectives with their goals, each goal evaluated as of the
 * site's last day with data (the shared evaluation), for the page to render as props.
 */
import type { Day } from '../core/dates.ts';
import type { GoalEvaluation } from '../core/evaluate.ts';
import { goalEvaluation } from '../core/evaluations.ts';
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Project } from '../core/project.ts';
import { siteAsOf } from './goalView.ts';
import { uiStrings } from '../translations/index.ts';

export interface GoalsIndexGroup {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly items: ReadonlyArray<{ readonly goal: Goal; readonly e: GoalEvaluation }>;
}

export interface GoalsIndexView {
  readonly asOf: Day;
  readonly groups: readonly GoalsIndexGroup[];
}

/** Objectives (then goals without one) with their evaluated goals. */
export function goalsIndexView(project: Project, engine: KpiEngine): GoalsIndexView {
  const asOf = siteAsOf(project);
  const evaluated = project.goals.map((goal) => ({ goal, e: goalEvaluation(engine, goal, asOf) }));
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
  return { asOf, groups };
}
