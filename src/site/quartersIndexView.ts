/** The quarters index (`/reports/`): every reported quarter, newest first, with its goal count and frozen versions. */
import { overlaps, type Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';
import { frozenVersions } from './quarterPage.ts';
import { reportQuarters } from './quarters.ts';

export interface QuarterIndexItem {
  readonly quarter: Period;
  /** How many goals' periods overlap the quarter. */
  readonly goals: number;
  /** The quarter's frozen versions, oldest first (empty for a live quarter). */
  readonly versions: readonly number[];
}

/** Every reported quarter, newest first. */
export function quartersIndexView(project: Project): QuarterIndexItem[] {
  return reportQuarters(project)
    .reverse()
    .map((quarter) => ({
      quarter,
      goals: project.goals.filter((g) => overlaps(g.period, quarter)).length,
      versions: frozenVersions(project, quarter.label).map((r) => r.snapshot.version),
    }));
}
