/**
 * The semantic difference between two versions of the goals (SPEC "Versions and review"):
 * goals and key results added, removed, renamed (same content, new id) or changed field by
 * field, with targets resolved to numbers, and a warning where a goalpost moved: a target
 * made easier (by the KPI's direction) or a deadline pushed back after the period began.
 * Pure: the data to resolve targets and the day of the change are passed in.
 */
import { type Day, formatDay } from '../core/dates.ts';
import { definition, krDefinition, milestones, targetText } from '../core/goalDefinition.ts';
import { evaluateMeasure } from '../core/evaluate.ts';
import type { Goal, KeyResult, Measure, OkrGoal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import type { GoalStatus } from '../core/status.ts';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

export interface GoalChange {
  readonly goal: string;
  readonly kr?: string;
  readonly kind: ChangeKind;
  readonly field?: string;
  readonly old?: unknown;
  readonly new?: unknown;
  /** The target or deadline as written, when it differs from the resolved number (`+20%`). */
  readonly old_text?: string;
  readonly new_text?: string;
  readonly moved_goalpost: boolean;
  /** Why the goalpost moved, in words. */
  readonly reason?: string;
  /** The goal's status as of the data, under the old and the new definition, when they differ. */
  readonly status?: { readonly old: GoalStatus; readonly new: GoalStatus };
}

export interface DiffContext {
  /** The KPI engine over the current data, to resolve targets and evaluate both versions. */
  readonly engine: KpiEngine;
  /** The day to evaluate statuses at (the last day with data). */
  readonly asOf: Day;
  /** The day the change is made (the head commit's date, or today for the working tree). */
  readonly changedOn: Day;
}

/** Every change from `base` to `head`, goal by goal in head order (removed goals last). */
export function diffGoals(base: readonly Goal[], head: readonly Goal[], ctx: DiffContext): GoalChange[] {
  const baseById = new Map(base.map((g) => [g.id, g]));
  const headById = new Map(head.map((g) => [g.id, g]));
  const added = head.filter((g) => !baseById.has(g.id));
  const removed = base.filter((g) => !headById.has(g.id));
  const renamedTo = new Map<string, Goal>();
  const taken = new Set<Goal>();
  for (const old of removed) {
    const match = added.find((g) => !taken.has(g) && signature(g) === signature(old));
    if (match) { renamedTo.set(old.id, match); taken.add(match); }
  }
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to.id, from]));
  const changes: GoalChange[] = [];
  for (const g of head) {
    const old = baseById.get(g.id);
    if (old) changes.push(...goalChanges(old, g, ctx));
    else if (renamedFrom.has(g.id)) {
      changes.push({ goal: g.id, kind: 'renamed', field: 'id', old: renamedFrom.get(g.id), new: g.id, moved_goalpost: false });
    } else changes.push({ goal: g.id, kind: 'added', new: definition(g), moved_goalpost: false });
  }
  for (const g of removed) {
    if (!renamedTo.has(g.id)) changes.push({ goal: g.id, kind: 'removed', old: definition(g), moved_goalpost: false });
  }
  return changes;
}

/** Whether any change moved a goalpost. */
export function movedGoalposts(changes: readonly GoalChange[]): GoalChange[] {
  return changes.filter((c) => c.moved_goalpost);
}

function goalChanges(old: Goal, now: Goal, ctx: DiffContext): GoalChange[] {
  const out: GoalChange[] = [];
  const started = ctx.changedOn >= old.period.start;
  const field = (name: string, a: unknown, b: unknown): void => {
    if (!same(a, b)) out.push({ goal: now.id, kind: 'changed', field: name, old: a, new: b, moved_goalpost: false });
  };
  field('type', old.type, now.type);
  field('title', old.title, now.title);
  field('description', old.description, now.description);
  field('category', old.category, now.category);
  field('objective', old.objective, now.objective);
  field('owner', old.owner, now.owner);
  field('start', formatDay(old.period.start), formatDay(now.period.start));
  const deadlineLater = now.period.end > old.period.end;
  if (old.period.end !== now.period.end) {
    out.push({
      goal: now.id, kind: 'changed', field: 'deadline', old: formatDay(old.period.end), new: formatDay(now.period.end),
      ...(old.period.label !== now.period.label ? { old_text: old.period.label, new_text: now.period.label } : {}),
      moved_goalpost: deadlineLater && started,
      ...(deadlineLater && started ? { reason: `deadline pushed back after the period began on ${formatDay(old.period.start)}` } : {}),
    });
  }
  if (old.type === 'smart' && now.type === 'smart') {
    out.push(...measureChanges(now.id, undefined, old, now, old.period, now.period, started, ctx));
  } else if (old.type === 'okr' && now.type === 'okr') {
    field('stretch', old.stretch, now.stretch);
    out.push(...keyResultChanges(old, now, started, ctx));
  }
  return out;
}

function measureChanges(
  goal: string, kr: string | undefined, old: Measure, now: Measure, oldPeriod: Period, newPeriod: Period, started: boolean,
  ctx: DiffContext,
): GoalChange[] {
  const out: GoalChange[] = [];
  const base = { goal, ...(kr ? { kr } : {}), kind: 'changed' as const };
  const field = (name: string, a: unknown, b: unknown): void => {
    if (!same(a, b)) out.push({ ...base, field: name, old: a, new: b, moved_goalpost: false });
  };
  field('kpi', old.kpi, now.kpi);
  field('channel', old.channel, now.channel);
  field('baseline', old.baseline, now.baseline);
  field('milestones', milestones(old.milestones), milestones(now.milestones));
  const before = evaluate(ctx, old, oldPeriod);
  const after = evaluate(ctx, now, newPeriod);
  const oldTarget = before?.target ?? null;
  const newTarget = after?.target ?? null;
  if (!same(old.target, now.target) || oldTarget !== newTarget) {
    const good = ctx.engine.kpis.get(now.kpi)?.def.good ?? 'up';
    const easier = old.kpi === now.kpi && oldTarget !== null && newTarget !== null
      && (good === 'up' ? newTarget < oldTarget : newTarget > oldTarget);
    const moved = easier && started;
    out.push({
      ...base, field: 'target', old: oldTarget, new: newTarget,
      old_text: targetText(old.target), new_text: targetText(now.target),
      moved_goalpost: moved,
      ...(moved ? { reason: `target made easier (${good === 'up' ? 'lowered' : 'raised'} on a KPI where ${good} is good) after the period began` } : {}),
    });
  }
  if (before && after && before.status !== after.status && out.length > 0) {
    out[out.length - 1] = { ...out[out.length - 1]!, status: { old: before.status, new: after.status } };
  }
  return out;
}

function keyResultChanges(old: OkrGoal, now: OkrGoal, started: boolean, ctx: DiffContext): GoalChange[] {
  const out: GoalChange[] = [];
  const oldById = new Map(old.keyResults.map((k) => [k.id, k]));
  const newIds = new Set(now.keyResults.map((k) => k.id));
  const removed = old.keyResults.filter((k) => !newIds.has(k.id));
  const renamedFrom = new Map<string, string>();
  for (const kr of now.keyResults) {
    const before = oldById.get(kr.id);
    if (!before) {
      const match = removed.find((r) => ![...renamedFrom.values()].includes(r.id) && krSignature(r) === krSignature(kr));
      if (match) {
        renamedFrom.set(kr.id, match.id);
        out.push({ goal: now.id, kr: kr.id, kind: 'renamed', field: 'id', old: match.id, new: kr.id, moved_goalpost: false });
      } else out.push({ goal: now.id, kr: kr.id, kind: 'added', new: krDefinition(kr), moved_goalpost: false });
      continue;
    }
    const field = (name: string, a: unknown, b: unknown): void => {
      if (!same(a, b)) out.push({ goal: now.id, kr: kr.id, kind: 'changed', field: name, old: a, new: b, moved_goalpost: false });
    };
    field('title', before.title, kr.title);
    field('weight', before.weight, kr.weight);
    if (before.measure && kr.measure) {
      out.push(...measureChanges(now.id, kr.id, before.measure, kr.measure, old.period, now.period, started, ctx));
    } else if (before.manual && kr.manual) {
      field('current', before.manual.current, kr.manual.current);
      if (before.manual.target !== kr.manual.target) {
        const moved = kr.manual.target < before.manual.target && started;
        out.push({
          goal: now.id, kr: kr.id, kind: 'changed', field: 'target', old: before.manual.target, new: kr.manual.target,
          moved_goalpost: moved, ...(moved ? { reason: 'manual target lowered after the period began' } : {}),
        });
      }
    } else {
      field('measure', before.measure ? 'kpi' : 'manual', kr.measure ? 'kpi' : 'manual');
    }
  }
  for (const kr of removed) {
    if (![...renamedFrom.values()].includes(kr.id)) out.push({ goal: now.id, kr: kr.id, kind: 'removed', old: krDefinition(kr), moved_goalpost: false });
  }
  return out;
}

function evaluate(ctx: DiffContext, m: Measure, period: Period): { target: number | null; status: GoalStatus } | null {
  if (!ctx.engine.kpis.get(m.kpi)) return null;
  const e = evaluateMeasure(ctx.engine, m, period, ctx.asOf);
  return { target: e.target, status: e.status };
}

function signature(g: Goal): string {
  return JSON.stringify(definition(g));
}

function krSignature(kr: KeyResult): string {
  const { id: _id, ...rest } = krDefinition(kr);
  return JSON.stringify(rest);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
