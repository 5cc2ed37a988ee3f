/**
 * The history of the goals' definitions: for each commit that changed the goals, what
 * changed (the same semantic changes as `goalpost diff`, moved goalposts included).
 * Pure: the goals at each commit and the engine to resolve targets are passed in.
 */
import { type Day, parseIsoDate } from '../core/dates.ts';
import { sameArithmetic } from '../core/formula.ts';
import type { KpiDef } from '../core/catalogue.ts';
import type { Goal, KeyResult } from '../core/goals.ts';
import { overlaps } from '../core/periods.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { withCustomKpis } from '../core/project.ts';
import { diffGoals, type GoalChange, krSignature, renamePairs, signature } from './goalDiff.ts';

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
  /**
   * The custom KPIs defined at that commit (goal YAML `kpis:`, and the metrics declared in the
   * site settings); absent: today's, as the engine passed to `goalHistory` has them.
   */
  readonly kpis?: readonly KpiDef[];
}

export interface HistoryEntry {
  readonly commit: CommitRef;
  readonly changes: readonly GoalChange[];
  /** The goals did not validate at this commit: its changes show with the next valid one. */
  readonly invalid?: true;
  /** The goals as they were after this commit (valid commits only). */
  readonly goals?: readonly Goal[];
  /** The custom KPIs as they were after this commit, when the versions give them. */
  readonly kpis?: readonly KpiDef[];
}

/**
 * Each commit's changes against the last valid one before it (the first adds its goals),
 * oldest first. Commits that change nothing are left out; commits whose goals do not
 * validate are kept, marked invalid, and compared across.
 */
export function goalHistory(versions: readonly GoalsAtCommit[], engine: KpiEngine, asOf: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let previous: readonly Goal[] = [];
  // The last definition of every goal and key result seen so far: one removed and added again is compared with it.
  const earlier = noDefinitions();
  let began = new Map<string, Day>();
  const engineFor = enginesByKpis(engine);
  let previousKpis: readonly KpiDef[] | undefined;
  for (const { commit, goals, kpis } of versions) {
    if (goals === null) {
      entries.push({ commit, changes: [], invalid: true });
      continue;
    }
    const day = parseIsoDate(commit.date);
    const changedOn = day.ok ? day.day : asOf;
    const begun = begunBy(began, previous, changedOn);
    // Each version is evaluated with the KPIs it defined: a KPI redefined after the start moves a goalpost.
    const changes = diffGoals(previous, goals, {
      engine: engineFor(kpis),
      baseEngine: engineFor(previousKpis ?? kpis),
      shownWith: engine,
      asOf,
      changedOn,
      earlier,
      began: begun,
    });
    if (changes.length > 0) entries.push({ commit, changes, goals, ...(kpis ? { kpis } : {}) });
    began = carried(begun, previous, goals);
    previous = goals;
    previousKpis = kpis;
    remember(earlier, goals);
  }
  return entries;
}

/**
 * The KPI engine over `today`'s data with a version's custom KPIs (`today` itself when they are
 * today's, or not given), one per distinct set of definitions.
 */
function enginesByKpis(today: KpiEngine): (kpis: readonly KpiDef[] | undefined) => KpiEngine {
  const key = (defs: readonly KpiDef[]) => JSON.stringify(defs.map((d) => [d.id, d.formula, d.unit, d.good, d.label]));
  const todays = key(
    today.kpis
      .all()
      .filter((k) => k.def.custom)
      .map((k) => k.def),
  );
  const made = new Map<string, KpiEngine>([[todays, today]]);
  return (kpis) => {
    if (kpis === undefined) return today;
    const k = key(kpis);
    let engine = made.get(k);
    if (!engine) {
      engine = withCustomKpis(today, kpis);
      made.set(k, engine);
    }
    return engine;
  };
}

type Definitions = { goals: Map<string, Goal>; keyResults: Map<string, Map<string, KeyResult>> };

function noDefinitions(): Definitions {
  return { goals: new Map(), keyResults: new Map() };
}

/** Keeps each goal's and key result's definition in `goals` as its last. */
function remember(earlier: Definitions, goals: readonly Goal[]): void {
  for (const g of goals) {
    earlier.goals.set(g.id, g);
    if (g.type !== 'okr') continue;
    const krs = earlier.keyResults.get(g.id) ?? new Map<string, KeyResult>();
    for (const kr of g.keyResults) krs.set(kr.id, kr);
    earlier.keyResults.set(g.id, krs);
  }
}

/**
 * The last definition every goal and key result had along its versions (oldest first): what `diff`
 * compares a goal or key result added again under its id with, as the history does.
 */
export function earlierDefinitions(versions: readonly GoalsAtCommit[]): Definitions {
  const earlier = noDefinitions();
  for (const { goals } of versions) if (goals !== null) remember(earlier, goals);
  return earlier;
}

/**
 * When each goal's period began, by its id in the last valid version, along its versions
 * (oldest first; `diff` judges a change to them with it, as the history does): a version in force
 * until the next commit began its period if its start came by then, and the earliest such start
 * counts, whatever later versions say (a start moved later once the period began does not make
 * it begin again). Renames carry it; a removed goal's is dropped. A goal whose period had not
 * begun under any version replaced so far is not in it.
 */
export function periodsBegun(versions: readonly GoalsAtCommit[]): Map<string, Day> {
  let previous: readonly Goal[] = [];
  let began = new Map<string, Day>();
  for (const { commit, goals } of versions) {
    if (goals === null) continue;
    const day = parseIsoDate(commit.date);
    if (day.ok) began = carried(begunBy(began, previous, day.day), previous, goals);
    previous = goals;
  }
  return began;
}

/** `began` with the goals of a version in force until `day` whose period started by then. */
function begunBy(began: ReadonlyMap<string, Day>, goals: readonly Goal[], day: Day): Map<string, Day> {
  const next = new Map<string, Day>();
  for (const g of goals) {
    const earlier = began.get(g.id);
    const start = g.period.start <= day ? g.period.start : undefined;
    const first = earlier === undefined ? start : start === undefined ? earlier : Math.min(earlier, start);
    if (first !== undefined) next.set(g.id, first);
  }
  return next;
}

/** `began` by the ids of the next version: renamed goals keep theirs, removed ones lose it. */
function carried(began: ReadonlyMap<string, Day>, previous: readonly Goal[], goals: readonly Goal[]): Map<string, Day> {
  const renamed = renamePairs(previous, goals);
  const ids = new Set(goals.map((g) => g.id));
  const next = new Map<string, Day>();
  for (const [id, day] of began) {
    const to = ids.has(id) ? id : renamed.get(id)?.id;
    if (to !== undefined) next.set(to, day);
  }
  return next;
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

/** A moved goalpost of one goal: the change (by the one definition) and the commit that made it. */
export interface GoalMove {
  readonly change: GoalChange;
  readonly commit: CommitRef;
}

/** A moved goalpost in `report --json` (`moved_goalposts`): what changed, from what to what, when, in which commit, why. */
export interface MovedGoalpostJson {
  field: string;
  /** The key result concerned, for an OKR's key result. */
  kr?: string;
  /** The KPI redefined (`field`: formula, unit or good), when the goal's KPI changed under it. */
  kpi?: string;
  old: unknown;
  new: unknown;
  /** The commit's date, YYYY-MM-DD. */
  date: string;
  /** The commit's short hash. */
  commit: string;
  reason: string;
}

/**
 * One goal's moved goalposts, oldest first, following its renames. A move a later commit undid
 * (a removal restored as it was, a field put back to its value before the move, a KPI that reads
 * as at the start) is none: the goal stands at the definition it had. With `judge`, a field
 * changed again after its move is marked by its net change (`netMove`), as `diff` would mark it.
 */
export function movesOf(entries: readonly HistoryEntry[], goalId: string, judge?: NetJudge): GoalMove[] {
  const own = historyOf(entries, goalId);
  return own.flatMap((e, i) =>
    e.changes
      .filter(
        (c) =>
          c.moved_goalpost && !restoredAsItWas(entries, e.commit, c) && !putBack(own.slice(i + 1), c) && !kpiAsAtStart(own, c),
      )
      .flatMap((change) => {
        const net = judge ? netMove(entries, goalId, own.slice(i + 1), e.commit, change, judge) : change;
        return net === null ? [] : [{ change: net, commit: e.commit }];
      }),
  );
}

/**
 * Judges one field's change of a goal from `before` to `after` as `diff` would on `on` (the day of
 * the commit that first moved it): the change of that field (and key result), or null when the two
 * do not differ there or the change moves no goalpost.
 */
export type NetJudge = (before: Goal, after: Goal, change: GoalChange, on: CommitRef) => GoalChange | null;

/** A `NetJudge` over today's data (`diffGoals` with the site's engine, as of `asOf`). */
export function netJudge(engine: KpiEngine, asOf: number): NetJudge {
  return (before, after, change, on) => {
    const day = parseIsoDate(on.date);
    const changes = diffGoals([before], [{ ...after, id: before.id }], {
      engine,
      asOf,
      changedOn: day.ok ? day.day : asOf,
    });
    return (
      changes.find((c) => c.kind === 'changed' && c.field === change.field && c.kr === change.kr && c.moved_goalpost) ?? null
    );
  };
}

/**
 * A moved field that later commits changed again (rt16 #11): the move that stands is the net one,
 * from the field's value before the move to today's, judged as one change. A target lowered
 * from 5% to 1% and then raised to 6% is none (harder than at the start); raised only to 4%, the
 * move is 5% → 4%. Left as it is where it cannot be judged so: a KPI redefined (the move itself,
 * or one since), a field never changed again, or no version that holds the goal before the move and today.
 */
function netMove(
  entries: readonly HistoryEntry[],
  goalId: string,
  later: readonly HistoryEntry[],
  movedBy: CommitRef,
  change: GoalChange,
  judge: NetJudge,
): GoalChange | null {
  if (change.kind !== 'changed' || change.field === undefined || change.kpi !== undefined) return change;
  const again = later.some((e) => e.changes.some((c) => c.kind === 'changed' && c.field === change.field && c.kr === change.kr));
  // Across a KPI redefined since, the values are in other terms (a money target, then a rate): as committed.
  const redefined = later.some((e) => e.changes.some((c) => c.kpi !== undefined));
  if (!again || redefined) return change;
  const at = entries.findIndex((e) => e.commit === movedBy);
  const before = entries
    .slice(0, at)
    .reverse()
    .find((e) => e.goals?.some((g) => g.id === change.goal))
    ?.goals?.find((g) => g.id === change.goal);
  const now = [...entries]
    .reverse()
    .find((e) => e.goals)
    ?.goals?.find((g) => g.id === goalId);
  if (!before || !now) return change;
  return judge(before, now, change, movedBy);
}

/**
 * Whether a later change of the goal (`later`, its own entries after the move's) sets the field
 * a change moved (a target lowered, a deadline pushed back) back to the value it had before the
 * move, as a revert does (rt15 #10): the goal then stands at that definition again, so the move
 * is none. Put back only part of the way (a target 5% → 1% → 3%), the move stands; moved again
 * after being put back, the new move is judged on its own.
 */
function putBack(later: readonly HistoryEntry[], change: GoalChange): boolean {
  if (change.kind !== 'changed' || change.field === undefined) return false;
  const before = JSON.stringify(change.old ?? null);
  return later.some((e) =>
    e.changes.some(
      (c) => c.kind === 'changed' && c.field === change.field && c.kr === change.kr && JSON.stringify(c.new ?? null) === before,
    ),
  );
}

/**
 * Whether a KPI redefined after the goal's period began (`change`, one field of it) reads today as
 * it did at the start (rt16 #10): a formula put back, in the same words or the same arithmetic, a
 * unit or direction restored. The goal then measures what it measured, so no move of that field
 * stands, the restoring commit's included. The value at the start is the one the field's first moved
 * change replaced; today's is the one its last change set.
 */
function kpiAsAtStart(own: readonly HistoryEntry[], change: GoalChange): boolean {
  if (change.kpi === undefined || change.field === undefined) return false;
  const of = own.flatMap((e) => e.changes.filter((c) => c.kpi === change.kpi && c.field === change.field && c.kr === change.kr));
  const first = of.find((c) => c.moved_goalpost);
  const last = of.at(-1);
  if (!first || !last) return false;
  const [start, now] = [first.old ?? null, last.new ?? null];
  if (change.field === 'formula' && typeof start === 'string' && typeof now === 'string') return sameArithmetic(start, now);
  return JSON.stringify(start) === JSON.stringify(now);
}

/**
 * Whether a goal (or key result) that a commit removed is back in a later commit with the
 * definition it had before the removal, as a revert restores it: its definition never changed,
 * so the removal is no moved goalpost (red-team 11 #4). Added back otherwise, the removal stands
 * and the re-added definition is judged against the one before (`EarlierDefinitions`).
 */
function restoredAsItWas(entries: readonly HistoryEntry[], removedBy: CommitRef, change: GoalChange): boolean {
  if (change.kind !== 'removed') return false;
  const at = entries.findIndex((e) => e.commit === removedBy);
  const definitionIn = (goals: readonly Goal[] | undefined): string | null => {
    const goal = goals?.find((g) => g.id === change.goal);
    if (!goal) return null;
    if (change.kr === undefined) return signature(goal);
    const kr = goal.type === 'okr' ? goal.keyResults.find((k) => k.id === change.kr) : undefined;
    return kr ? krSignature(kr) : null;
  };
  const before = entries
    .slice(0, at)
    .reverse()
    .map((e) => definitionIn(e.goals))
    .find((s) => s !== null);
  return before !== undefined && entries.slice(at + 1).some((e) => definitionIn(e.goals) === before);
}

/** A moved goalpost as JSON: `field` is the changed field, or what happened (`id` for a rename, `key_result` for a removed key result). */
export function movedGoalpostJson(move: GoalMove): MovedGoalpostJson {
  const { change, commit } = move;
  return {
    field: change.field ?? (change.kr ? 'key_result' : 'goal'),
    ...(change.kr ? { kr: change.kr } : {}),
    ...(change.kpi !== undefined ? { kpi: change.kpi } : {}),
    old: change.old ?? null,
    new: change.kind === 'removed' ? null : (change.new ?? null),
    date: commit.date,
    commit: commit.short,
    reason: change.reason ?? '',
  };
}

/**
 * The goal's original definition: as it was when its period began. Its definition after the
 * commit that added it, then after each later change made before the period (as it then
 * was) began; the first change on or after that day ends it. Renames are followed, and so is
 * a gap where the goal was removed and later added again under its id (an earlier goal under
 * that id whose period does not overlap is another goal). Null when no commit holds the goal.
 */
export function originalDefinition(entries: readonly HistoryEntry[], goalId: string): Goal | null {
  return originalVersion(entries, goalId)?.goal ?? null;
}

/**
 * The goal's original definition (`originalDefinition`) with the custom KPIs defined beside it
 * then (absent when the history does not give them): a goal measured on a KPI redefined since
 * is evaluated with the KPI as it was.
 */
export function originalVersion(
  entries: readonly HistoryEntry[],
  goalId: string,
): { readonly goal: Goal; readonly kpis?: readonly KpiDef[] } | null {
  // The goal's id after each entry, newest first, undoing renames.
  const versions: Array<{ date: string; goal: Goal; kpis?: readonly KpiDef[] }> = [];
  let id = goalId;
  for (const entry of [...entries].reverse()) {
    if (!entry.goals) continue;
    const goal = entry.goals.find((g) => g.id === id);
    if (!goal) {
      if (versions.length === 0) break;
      continue;
    }
    const later = versions.at(-1)?.goal;
    if (later && !overlaps(goal.period, later.period)) break;
    versions.push({ date: entry.commit.date, goal, ...(entry.kpis ? { kpis: entry.kpis } : {}) });
    const rename = entry.changes.find((c) => c.kind === 'renamed' && c.kr === undefined && c.goal === id);
    if (rename && typeof rename.old === 'string') id = rename.old;
  }
  versions.reverse();
  let original = versions[0] ?? null;
  for (const v of versions.slice(1)) {
    const day = parseIsoDate(v.date);
    if (!original || !day.ok || day.day >= original.goal.period.start) break;
    original = v;
  }
  return original === null ? null : { goal: original.goal, ...(original.kpis ? { kpis: original.kpis } : {}) };
}

/**
 * The changes of a range with `moved_goalpost` kept only where a commit of the range, judged on
 * its own date against the one before it (the site's history: `entries`), moved that goal's field
 * (or key result): a start moved in March, before the period began, is no moved goalpost because
 * the range ends in April. `base` is the goals' history up to the range's base.
 */
export function movedAsCommitted(
  changes: readonly GoalChange[],
  entries: readonly HistoryEntry[],
  base: ReadonlyArray<{ commit: { hash: string } }>,
): GoalChange[] {
  const before = new Set(base.map((v) => v.commit.hash));
  const key = (c: GoalChange) => `${c.goal}\u0000${c.kr ?? ''}\u0000${c.field ?? c.kind}`;
  const moved = new Set(
    entries.filter((e) => !before.has(e.commit.hash)).flatMap((e) => e.changes.filter((c) => c.moved_goalpost).map(key)),
  );
  // A goal's removal or rename moved in the range moves whatever else changed on it there.
  const goalMoved = new Set(
    entries
      .filter((e) => !before.has(e.commit.hash))
      .flatMap((e) =>
        e.changes.filter((c) => c.moved_goalpost && c.field === undefined && c.kr === undefined).map((c) => c.goal),
      ),
  );
  return changes.map((c) =>
    !c.moved_goalpost || moved.has(key(c)) || goalMoved.has(c.goal) ? c : { ...c, moved_goalpost: false, reason: undefined },
  );
}
