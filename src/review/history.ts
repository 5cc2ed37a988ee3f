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
  /** Null when the goals did not validate at that commit. */
  readonly goals: readonly Goal[] | null;
}

export interface HistoryEntry {
  readonly commit: CommitRef;
  readonly changes: readonly GoalChange[];
  /** The goals did not validate at this commit: its changes show with the next valid one. */
  readonly invalid?: true;
}

/**
 * Each commit's changes against the last valid one before it (the first adds its goals),
 * oldest first. Commits that change nothing are left out; commits whose goals do not
 * validate are kept, marked invalid, and compared across.
 */
export function goalHistory(versions: readonly GoalsAtCommit[], engine: KpiEngine, asOf: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let previous: readonly Goal[] = [];
  for (const { commit, goals } of versions) {
    if (goals === null) {
      entries.push({ commit, changes: [], invalid: true });
      continue;
    }
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
