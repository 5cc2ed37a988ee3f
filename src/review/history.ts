/**
 * The history of the goals' definitions: for each commit that changed the goals, what
 * changed (the same semantic changes as `goalpost diff`, moved goalposts included).
 * Pure: the goals at each commit and the engine to resolve targets are passed in.
 */
import { parseIsoDate } from '../core/dates.ts';
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { diffGoals, type GoalChange } from './goalDiff.ts';

export interface CommitRef {
  readonly hash: string;
  readonly short: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly subject: string;
  readonly author: string;
}

export interface GoalsAtCommit {
  readonly commit: CommitRef;
  readonly goals: readonly Goal[];
}

export interface HistoryEntry {
  readonly commit: CommitRef;
  readonly changes: readonly GoalChange[];
}

/** Each commit's changes against the one before (the first commit adds its goals), oldest first; commits that change nothing are left out. */
export function goalHistory(versions: readonly GoalsAtCommit[], engine: KpiEngine, asOf: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let previous: readonly Goal[] = [];
  for (const { commit, goals } of versions) {
    const day = parseIsoDate(commit.date);
    const changes = diffGoals(previous, goals, { engine, asOf, changedOn: day.ok ? day.day : asOf });
    if (changes.length > 0) entries.push({ commit, changes });
    previous = goals;
  }
  return entries;
}

/** The entries that concern one goal (renames followed under both ids), with only its changes. */
export function historyOf(entries: readonly HistoryEntry[], goalId: string): HistoryEntry[] {
  const ids = new Set([goalId]);
  for (const entry of [...entries].reverse()) {
    for (const c of entry.changes) if (c.kind === 'renamed' && ids.has(c.goal) && typeof c.old === 'string') ids.add(c.old);
  }
  return entries
    .map((e) => ({ commit: e.commit, changes: e.changes.filter((c) => ids.has(c.goal)) }))
    .filter((e) => e.changes.length > 0);
}
