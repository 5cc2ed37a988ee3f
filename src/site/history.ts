/**
 * The goals' definition history for the site, read from git once per build: each commit
 * that changed the goals and what it changed. Without git, or in a shallow clone (whose
 * history is cut), the history is unavailable and the pages say so.
 */
import type { KpiDef } from '../core/catalogue.ts';
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { declaredMetricIds } from '../core/metrics.ts';
import type { Project } from '../core/project.ts';
import { commitsTouching, filesAt, GitError, isShallow } from '../git/files.ts';
import { loadGoals } from '../load/goals.ts';
import { isNote, type Problem } from '../load/problems.ts';
import { contentRoot } from '../load/project.ts';
import type { GoalJson, ReportJson } from '../core/report.ts';
import {
  goalHistory,
  type GoalMove,
  type GoalsAtCommit,
  type HistoryEntry,
  type MovedGoalpostJson,
  movedGoalpostJson,
  movesOf,
  type NetJudge,
  netJudge,
  originalVersion,
} from '../review/history.ts';
import { siteAsOf } from './goalView.ts';
import { siteModel } from './project.ts';

/** A goal's moved goalposts and its original definition (as it was when its period began). */
export interface GoalMoves {
  readonly moves: readonly GoalMove[];
  readonly original: Goal | null;
  /** The custom KPIs defined when the original definition stood (a KPI redefined since is evaluated as it was then). */
  readonly originalKpis?: readonly KpiDef[];
}

export type SiteHistory =
  | {
      readonly available: true;
      readonly entries: readonly HistoryEntry[];
      /** Today's goals that have a moved goalpost, by id. */
      readonly moved: ReadonlyMap<string, GoalMoves>;
      /** Ids no goal has today that a frozen report may still name (see `formerGoals`). */
      readonly former: ReadonlyMap<string, FormerGoal>;
    }
  | {
      readonly available: false;
      readonly reason: string;
      /** Why, for the page's words: a shallow clone, or no readable repository. */
      readonly why: 'shallow' | 'no_repository';
    };

let cached: Promise<SiteHistory> | null = null;

/** The history of the goals, loaded once. */
export function siteHistory(): Promise<SiteHistory> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteHistory> {
  const { project, engine } = await siteModel();
  return readHistory(contentRoot(), project, engine);
}

/** The goals' history of the content root's repository, with targets resolved on the project's data. */
export function readHistory(root: string, project: Project, engine: KpiEngine): SiteHistory {
  try {
    if (isShallow(root)) {
      return {
        available: false,
        why: 'shallow',
        reason:
          'this build ran in a shallow clone of the repository, which lacks the earlier commits (fetch the full history, e.g. fetch-depth: 0 in actions/checkout)',
      };
    }
    const entries = goalHistory(goalVersions(root, project), engine, siteAsOf(project));
    const moved = new Map<string, GoalMoves>();
    const judge = netJudge(engine, siteAsOf(project));
    for (const goal of project.goals) {
      const moves = movesOf(entries, goal.id, judge);
      if (moves.length === 0) continue;
      const original = originalVersion(entries, goal.id);
      moved.set(goal.id, { moves, original: original?.goal ?? null, ...(original?.kpis ? { originalKpis: original.kpis } : {}) });
    }
    return { available: true, entries, moved, former: formerGoals(entries, project.goals, judge) };
  } catch (error) {
    if (error instanceof GitError)
      return {
        available: false,
        why: 'no_repository',
        reason: `the content is not in a git repository that can be read (${error.message})`,
      };
    throw error;
  }
}

/**
 * The goals at each commit that changed them, oldest first, up to HEAD or to the commit `hash`
 * names (null where they do not validate). Throws a GitError when git cannot be read.
 */
export function goalVersions(root: string, project: Project, hash = 'HEAD'): GoalsAtCommit[] {
  // An old commit's goals may name channels and metrics that today's data no longer has.
  const context = { channels: null, metrics: null, declaredMetrics: declaredMetricIds(project.index.metrics) };
  // The metrics declared in the site settings are KPIs too: today's, beside each commit's own custom KPIs.
  const declared = project.customKpis.filter((k) => context.declaredMetrics.includes(k.id));
  return commitsTouching(root, ['goals'], hash).map((commit) => {
    const problems: Problem[] = [];
    const files = filesAt(root, commit.hash, ['goals']).filter((f) => /\.ya?ml$/i.test(f.path));
    const { goals, customKpis } = loadGoals(files, context, problems);
    return problems.some((p) => !isNote(p)) ? { commit, goals: null } : { commit, goals, kpis: [...declared, ...customKpis] };
  });
}

/** A goal id no goal has today: the goal it was renamed to (null: removed), and its moved goalposts. */
export interface FormerGoal {
  /** Today's id of the goal, or null when it was removed. */
  readonly current: string | null;
  readonly moved: GoalMoves | null;
}

/**
 * The ids the goals' history knows that no goal has today (a frozen report names goals as they
 * were): a renamed goal maps to today's id, followed through every rename, with today's goal's
 * moved goalposts; a removed goal to null, with its own moves and its last definition.
 */
export function formerGoals(entries: readonly HistoryEntry[], today: readonly Goal[], judge?: NetJudge): Map<string, FormerGoal> {
  const ids = new Set(today.map((g) => g.id));
  const renamedTo = new Map<string, string>();
  const known = new Set<string>();
  for (const entry of entries) {
    for (const c of entry.changes) {
      if (c.kr !== undefined) continue;
      known.add(c.goal);
      if (c.kind === 'renamed' && typeof c.old === 'string') {
        renamedTo.set(c.old, c.goal);
        known.add(c.old);
      }
    }
  }
  const out = new Map<string, FormerGoal>();
  for (const id of known) {
    if (ids.has(id)) continue;
    let current = id;
    for (let hops = 0; renamedTo.has(current) && hops <= renamedTo.size; hops++) current = renamedTo.get(current)!;
    if (ids.has(current)) {
      out.set(id, { current, moved: null });
      continue;
    }
    const moves = movesOf(entries, current, judge);
    const last = [...entries].reverse().find((e) => e.goals?.some((g) => g.id === current));
    const original = last?.goals?.find((g) => g.id === current) ?? null;
    out.set(id, { current: null, moved: moves.length > 0 ? { moves, original } : null });
  }
  return out;
}

/** A report goal with its moved goalposts (`report --json`). */
export type GoalWithMoves = GoalJson & { moved_goalposts: MovedGoalpostJson[] };

/**
 * The report with `moved_goalposts` on every goal (an empty list when none moved), read from
 * the same history as the site; the report unchanged when the history is unavailable.
 */
export function withMovedGoalposts(report: ReportJson, history: SiteHistory): ReportJson & { goals: GoalJson[] } {
  if (!history.available) return report;
  const goals: GoalWithMoves[] = report.goals.map((g) => ({
    ...g,
    moved_goalposts: (history.moved.get(g.id)?.moves ?? []).map(movedGoalpostJson),
  }));
  return { ...report, goals };
}
