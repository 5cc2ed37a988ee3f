/**
 * The semantic difference between two versions of the goals (SPEC "Versions and review"):
 * goals and key results added, removed, renamed or changed field by field, with targets
 * resolved to numbers, each change judged by the one definition of a moved goalpost
 * (`moved.ts`). Pure: the data to resolve targets and the day of the change are passed in.
 */
import { type Day, formatDay } from '../core/dates.ts';
import { definition, krDefinition, milestones, targetText } from '../core/goalDefinition.ts';
import {
  cumulativeProgress,
  evaluateMeasure,
  evaluateOkr,
  isCap,
  levelProgress,
  type MeasureEvaluation,
} from '../core/evaluate.ts';
import { expectedProgress } from '../core/pace.ts';
import type { Goal, KeyResult, Measure, OkrGoal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { KpiDef, Unit } from '../core/catalogue.ts';
import { sameArithmetic } from '../core/formula.ts';
import { type Period, overlaps } from '../core/periods.ts';
import { type GoalStatus, type OkrBand, okrBand } from '../core/status.ts';
import { type Achievability, achievability } from '../core/achievability.ts';
import { type MoveFacts, type MoveReason, movedReasonOf, raised, reasonText, type Scores } from './moved.ts';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

export interface GoalChange {
  readonly goal: string;
  readonly kr?: string;
  /** For a change to the definition of the KPI the goal (or key result) is measured on: that KPI's id (`field`: formula, unit or good). */
  readonly kpi?: string;
  readonly kind: ChangeKind;
  readonly field?: string;
  readonly old?: unknown;
  readonly new?: unknown;
  /** The target or deadline as written, when it differs from the resolved number (`+20%`). */
  readonly old_text?: string;
  readonly new_text?: string;
  /** The KPI's unit for `old` and for `new` (a target, baseline or milestones), when its unit changed with them. */
  readonly old_unit?: Unit;
  readonly new_unit?: Unit;
  /** The site's currency for `old` and for `new` (a money target, baseline or milestones), when it changed (`DiffContext.currencies`). */
  readonly old_currency?: string;
  readonly new_currency?: string;
  readonly moved_goalpost: boolean;
  /** Why the goalpost moved, in words (English). */
  readonly reason?: string;
  /** The same reason as a phrase key and its values, for pages in the site's language. */
  readonly reason_parts?: MoveReason;
  /** The goal's status as of the data, under the old and the new definition, when they differ. */
  readonly status?: { readonly old: GoalStatus; readonly new: GoalStatus };
  /** For an added goal or key result and a changed target: is the (new) target achievable (SPEC "Achievable?")? */
  readonly achievability?: Achievability;
  /** For an added OKR: the achievability of each key result measured on a KPI. */
  readonly key_results?: Readonly<Record<string, Achievability>>;
  /** An OKR's score as of the data before and after the change, with its last key-result change (or a type change), when they differ. */
  readonly score?: Scores;
  /** For `stretch` turned on or off: the objective's band (its score as of the data) under the old setting and the new, when they differ. */
  readonly band?: { readonly old: OkrBand; readonly new: OkrBand };
}

export interface DiffContext {
  /** The KPI engine over the current data with the head's KPI definitions, to resolve targets and evaluate. */
  readonly engine: KpiEngine;
  /**
   * The same data with the base's KPI definitions (custom KPIs as the base defined them), to
   * evaluate the old version and to find KPIs redefined; absent: `engine` for both.
   */
  readonly baseEngine?: KpiEngine;
  /**
   * The engine whose KPI units the values will be shown in (the site's, today); a target,
   * baseline or milestones change in other units carries its own (`old_unit`, `new_unit`).
   * Absent: `engine`.
   */
  readonly shownWith?: KpiEngine;
  /**
   * The site's currency in `base` and in `head` (`content/site.yaml`), when it changed: money
   * targets, baselines and milestones are read in another currency, each shown in its own.
   */
  readonly currencies?: { readonly old: string; readonly new: string };
  /** The day to evaluate statuses at (the last day with data). */
  readonly asOf: Day;
  /** The day the change is made (the head commit's date, or today for the working tree). */
  readonly changedOn: Day;
  /** Definitions from earlier commits (the site's history); absent in a plain two-ref diff. */
  readonly earlier?: EarlierDefinitions;
  /**
   * When each goal's period began, by its id in `base`, as its history before `base` shows
   * (`periodsBegun` in history.ts): a start moved later, then a target lowered, is still a change
   * after the period began. Absent, or a goal not in it: its start in `base`.
   */
  readonly began?: ReadonlyMap<string, Day>;
}

/**
 * The last definition each goal, and each OKR's key result, had in earlier commits: a goal or
 * key result added again under an id it had (removed, then re-added) is compared with it.
 */
export interface EarlierDefinitions {
  readonly goals: ReadonlyMap<string, Goal>;
  /** By goal id, then key result id. */
  readonly keyResults: ReadonlyMap<string, ReadonlyMap<string, KeyResult>>;
}

/**
 * Every change from `base` to `head`, goal by goal in head order (removed goals last). A
 * removed and an added goal are one goal renamed when their definitions are the same, or
 * failing that when they start on the same day and share their title, their KPI and channel,
 * or a key result: the rename is then listed with what else changed.
 */
export function diffGoals(base: readonly Goal[], head: readonly Goal[], ctx: DiffContext): GoalChange[] {
  const baseById = new Map(base.map((g) => [g.id, g]));
  const headById = new Map(head.map((g) => [g.id, g]));
  const renamedTo = renamePairs(base, head);
  const removed = base.filter((g) => !headById.has(g.id));
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to.id, baseById.get(from)!]));
  const changes: GoalChange[] = [];
  for (const g of head) {
    const old = baseById.get(g.id) ?? renamedFrom.get(g.id);
    if (!old) {
      changes.push({ goal: g.id, kind: 'added', new: definition(g), moved_goalpost: false, ...addedAchievability(ctx, g) });
      // Added again under the id it had (removed in an earlier commit): judged against its last definition.
      const before = ctx.earlier?.goals.get(g.id);
      if (before && overlaps(before.period, g.period)) changes.push(...goalChanges(before, g, ctx));
      continue;
    }
    if (old.id !== g.id) {
      changes.push({
        goal: g.id,
        kind: 'renamed',
        field: 'id',
        old: old.id,
        new: g.id,
        ...judged({ kind: 'renamed' }, began(old, ctx), ctx),
      });
    }
    changes.push(...goalChanges(old, g, ctx));
  }
  for (const g of removed) {
    if (!renamedTo.has(g.id))
      changes.push({ goal: g.id, kind: 'removed', old: definition(g), ...judged({ kind: 'removed' }, began(g, ctx), ctx) });
  }
  return changes;
}

/**
 * The goals of `base` that `head` holds under a new id, paired as `diffGoals` pairs them
 * (see there): removed id → the goal it became.
 */
export function renamePairs(base: readonly Goal[], head: readonly Goal[]): Map<string, Goal> {
  const baseIds = new Set(base.map((g) => g.id));
  const headIds = new Set(head.map((g) => g.id));
  const added = head.filter((g) => !baseIds.has(g.id));
  const removed = base.filter((g) => !headIds.has(g.id));
  return pairRenames(removed, added, (a, b) => signature(a) === signature(b), sameGoal);
}

/**
 * The day a goal's period began, for judging a change to it: the earliest of its start in
 * `base` and the day its history says the period began (`DiffContext.began`).
 */
function began(old: Goal, ctx: DiffContext): Day {
  const earlier = ctx.began?.get(old.id);
  return earlier === undefined ? old.period.start : Math.min(earlier, old.period.start);
}

/** The changes that moved a goalpost. */
export function movedGoalposts(changes: readonly GoalChange[]): GoalChange[] {
  return changes.filter((c) => c.moved_goalpost);
}

/** `moved_goalpost` and `reason` of a change, by the one definition (`movedReason`). */
function judged(
  facts: MoveFacts,
  periodStart: Day,
  ctx: DiffContext,
): { moved_goalpost: boolean; reason?: string; reason_parts?: MoveReason } {
  const reason = movedReasonOf(facts, periodStart, ctx.changedOn);
  return reason === null ? { moved_goalpost: false } : { moved_goalpost: true, reason: reasonText(reason), reason_parts: reason };
}

/**
 * Pairs removed items with added ones: first those `identical`, then those `similar`, each
 * added item at most once, in order. Returns removed id → added item.
 */
function pairRenames<T extends { readonly id: string }>(
  removed: readonly T[],
  added: readonly T[],
  identical: (a: T, b: T) => boolean,
  similar: (a: T, b: T) => boolean,
): Map<string, T> {
  const pairs = new Map<string, T>();
  const taken = new Set<T>();
  for (const test of [identical, similar]) {
    for (const old of removed) {
      if (pairs.has(old.id)) continue;
      const match = added.find((g) => !taken.has(g) && test(old, g));
      if (match) {
        pairs.set(old.id, match);
        taken.add(match);
      }
    }
  }
  return pairs;
}

function sameGoal(a: Goal, b: Goal): boolean {
  if (a.period.start !== b.period.start) return false;
  if (a.title === b.title) return true;
  if (a.type === 'smart' && b.type === 'smart') return a.kpi === b.kpi && sameChannels(a.channel, b.channel);
  if (a.type === 'okr' && b.type === 'okr') return a.keyResults.some((k) => b.keyResults.some((l) => l.id === k.id));
  return false;
}

function goalChanges(old: Goal, now: Goal, ctx: DiffContext): GoalChange[] {
  const out: GoalChange[] = [];
  const start = began(old, ctx);
  const field = (name: string, a: unknown, b: unknown): void => {
    if (!same(a, b)) out.push({ goal: now.id, kind: 'changed', field: name, old: a, new: b, moved_goalpost: false });
  };
  if (old.type !== now.type) {
    const score = typeScores(ctx, old, now);
    out.push({
      goal: now.id,
      kind: 'changed',
      field: 'type',
      old: old.type,
      new: now.type,
      ...judged({ kind: 'type', old: old.type, new: now.type, score }, start, ctx),
      ...(score && !same(score.old, score.new) ? { score } : {}),
    });
  }
  field('title', old.title, now.title);
  field('description', old.description, now.description);
  field('category', old.category, now.category);
  field('objective', old.objective, now.objective);
  field('owner', old.owner, now.owner);
  const periodChanges: GoalChange[] = [];
  if (old.period.start !== now.period.start || old.period.end !== now.period.end) {
    const kinds = totals(ctx, old, 'old');
    if (old.period.start !== now.period.start) {
      periodChanges.push({
        goal: now.id,
        kind: 'changed',
        field: 'start',
        old: formatDay(old.period.start),
        new: formatDay(now.period.start),
        ...judged({ kind: 'start', old: old.period.start, new: now.period.start, amount: kinds.amount }, start, ctx),
      });
    }
    if (old.period.end !== now.period.end) {
      periodChanges.push({
        goal: now.id,
        kind: 'changed',
        field: 'deadline',
        old: formatDay(old.period.end),
        new: formatDay(now.period.end),
        ...(old.period.label !== now.period.label ? { old_text: old.period.label, new_text: now.period.label } : {}),
        ...judged({ kind: 'deadline', old: old.period.end, new: now.period.end, limit: kinds.limit }, start, ctx),
      });
    }
  }
  out.push(...periodChanges);
  if (old.type === 'smart' && now.type === 'smart') {
    const measured = measureChanges(now.id, undefined, old, now, old.period, now.period, start, ctx);
    out.push(...measured);
    // A period changed alone: its effect on the status shows on it, as a target's does.
    const last = periodChanges.at(-1);
    if (measured.length === 0 && last) {
      const before = evaluate(ctx, old, old.period, 'old');
      const after = evaluate(ctx, now, now.period);
      if (before && after && before.status !== after.status)
        out[out.length - 1] = { ...last, status: { old: before.status, new: after.status } };
    }
  } else if (old.type === 'okr' && now.type === 'okr') {
    if (old.stretch !== now.stretch) {
      const score = okrScore(ctx, now);
      const bands = typeof score === 'number' ? { old: okrBand(score, old.stretch), new: okrBand(score, now.stretch) } : null;
      out.push({
        goal: now.id,
        kind: 'changed',
        field: 'stretch',
        old: old.stretch,
        new: now.stretch,
        ...judged({ kind: 'stretch', old: old.stretch, new: now.stretch }, start, ctx),
        ...(bands && bands.old !== bands.new ? { band: bands } : {}),
      });
    }
    out.push(...keyResultChanges(old, now, ctx));
  }
  return out;
}

function measureChanges(
  goal: string,
  kr: string | undefined,
  old: Measure,
  now: Measure,
  oldPeriod: Period,
  newPeriod: Period,
  start: Day,
  ctx: DiffContext,
): GoalChange[] {
  const out: GoalChange[] = [];
  const base = { goal, ...(kr ? { kr } : {}), kind: 'changed' as const };
  const field = (name: string, a: unknown, b: unknown, facts?: MoveFacts): void => {
    if (!same(a, b))
      out.push({
        ...base,
        field: name,
        old: a,
        new: b,
        ...(name === 'baseline' || name === 'milestones' ? units : {}),
        ...(facts ? judged(facts, start, ctx) : { moved_goalpost: false }),
      });
  };
  const before = evaluate(ctx, old, oldPeriod, 'old');
  const after = evaluate(ctx, now, newPeriod);
  const def = ctx.engine.kpis.get(now.kpi)?.def;
  const oldDef = baseEngine(ctx).kpis.get(old.kpi)?.def;
  const good = def?.good ?? 'up';
  field('kpi', old.kpi, now.kpi, { kind: 'kpi' });
  // The same KPI redefined (formula, unit, direction): what the goal measures changed under it.
  const redefined =
    old.kpi === now.kpi && oldDef && def
      ? [...kpiDefinitionChanges(oldDef, def), ...inputDefinitionChanges(baseEngine(ctx), ctx.engine, now.kpi)].filter(measuring)
      : [];
  for (const d of redefined) {
    out.push({
      ...base,
      kpi: now.kpi,
      field: d.field,
      old: d.old,
      new: d.new,
      ...judged({ kind: 'kpi-definition', kpi: now.kpi, field: d.field }, start, ctx),
    });
  }
  // Across a KPI swap or redefinition the two versions do not compare: that change itself is the moved goalpost.
  const sameKpi = old.kpi === now.kpi && redefined.length === 0;
  const comparable = sameKpi && before !== null && after !== null;
  // Values across a unit change: each in its own unit.
  const shown = (ctx.shownWith ?? ctx.engine).kpis.get(now.kpi)?.def.unit;
  const currencies = ctx.currencies && ctx.currencies.old !== ctx.currencies.new ? ctx.currencies : null;
  const money = { old: oldDef?.unit === 'money', new: def?.unit === 'money' };
  const units = {
    ...(oldDef && def && (oldDef.unit !== def.unit || def.unit !== shown) ? { old_unit: oldDef.unit, new_unit: def.unit } : {}),
    ...(currencies && (money.old || money.new)
      ? { ...(money.old ? { old_currency: currencies.old } : {}), ...(money.new ? { new_currency: currencies.new } : {}) }
      : {}),
  };
  // The site's currency changed under a money goal: its figures are read in another currency (not judged, as a unit change).
  if (currencies && money.old && money.new && sameKpi)
    out.push({ ...base, field: 'currency', old: currencies.old, new: currencies.new, moved_goalpost: false });
  // `instagram` and `[instagram]`, or a list in another order, name the same channels: no change (red-team 31 #5).
  if (!sameChannels(old.channel, now.channel)) field('channel', old.channel, now.channel, { kind: 'channel' });
  // A level's progress counts from its baseline (a total's does not): judged on the resolved baselines.
  field(
    'baseline',
    old.baseline,
    now.baseline,
    comparable && before.mode === 'level' && after.mode === 'level'
      ? { kind: 'baseline', good, old: before.baseline, new: after.baseline }
      : undefined,
  );
  field(
    'milestones',
    milestones(old.milestones),
    milestones(now.milestones),
    comparable ? milestoneFacts(old, now, newPeriod, after) : undefined,
  );
  const oldTarget = before?.target ?? null;
  const newTarget = after?.target ?? null;
  if (!same(old.target, now.target) || oldTarget !== newTarget) {
    const budget = before?.mode === 'cumulative' && good === 'down' && def?.unit === 'money';
    const verdict = sameKpi
      ? judged({ kind: 'target', good, old: oldTarget, new: newTarget, budget }, start, ctx)
      : { moved_goalpost: false };
    out.push({
      ...base,
      field: 'target',
      old: oldTarget,
      new: newTarget,
      old_text: targetText(old.target),
      new_text: targetText(now.target),
      ...units,
      ...verdict,
      ...(ctx.engine.kpis.get(now.kpi) ? { achievability: achievability(ctx.engine, now, newPeriod) } : {}),
    });
  }
  if (before && after && before.status !== after.status && out.length > 0) {
    out[out.length - 1] = { ...out[out.length - 1]!, status: { old: before.status, new: after.status } };
  }
  return out;
}

function keyResultChanges(old: OkrGoal, now: OkrGoal, ctx: DiffContext): GoalChange[] {
  const out: GoalChange[] = [];
  const start = began(old, ctx);
  const oldById = new Map(old.keyResults.map((k) => [k.id, k]));
  const newIds = new Set(now.keyResults.map((k) => k.id));
  const removed = old.keyResults.filter((k) => !newIds.has(k.id));
  const added = now.keyResults.filter((k) => !oldById.has(k.id));
  const renamedTo = pairRenames(removed, added, (a, b) => krSignature(a) === krSignature(b), sameKeyResult);
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to.id, oldById.get(from)!]));
  // A key result added again under the id it had (removed in an earlier commit) is compared with that definition.
  const earlier = ctx.earlier?.keyResults.get(now.id);
  /** Key results added, removed or re-weighted: each with the old key results without and with it alone. */
  const structural: Edit[] = [];
  for (const kr of now.keyResults) {
    const known = oldById.get(kr.id) ?? renamedFrom.get(kr.id);
    const before = known ?? earlier?.get(kr.id);
    if (!known) {
      structural.push({ at: out.length, kind: 'kr-added', without: old.keyResults, with: [...old.keyResults, kr] });
      out.push({
        goal: now.id,
        kr: kr.id,
        kind: 'added',
        new: krDefinition(kr),
        moved_goalpost: false,
        ...(kr.measure && ctx.engine.kpis.get(kr.measure.kpi)
          ? { achievability: achievability(ctx.engine, kr.measure, now.period) }
          : {}),
      });
      if (!before) continue;
      // Re-added: what differs from its earlier definition is judged as a change; the re-adding itself is not.
      structural.pop();
    }
    if (!before) continue;
    if (before.id !== kr.id)
      out.push({ goal: now.id, kr: kr.id, kind: 'renamed', field: 'id', old: before.id, new: kr.id, moved_goalpost: false });
    const field = (name: string, a: unknown, b: unknown): void => {
      if (!same(a, b)) out.push({ goal: now.id, kr: kr.id, kind: 'changed', field: name, old: a, new: b, moved_goalpost: false });
    };
    field('title', before.title, kr.title);
    if (before.weight !== kr.weight) {
      // A key result added again is weighed beside the old ones at its earlier definition.
      const without = known ? old.keyResults : [...old.keyResults, before];
      structural.push({
        at: out.length,
        kind: 'kr-weight',
        without,
        with: without.map((k) => (k === before ? { ...k, weight: kr.weight } : k)),
      });
      out.push({
        goal: now.id,
        kr: kr.id,
        kind: 'changed',
        field: 'weight',
        old: before.weight,
        new: kr.weight,
        moved_goalpost: false,
      });
    }
    if (before.measure && kr.measure) {
      out.push(...measureChanges(now.id, kr.id, before.measure, kr.measure, old.period, now.period, start, ctx));
    } else if (before.manual && kr.manual) {
      field('current', before.manual.current, kr.manual.current);
      if (before.manual.target !== kr.manual.target) {
        out.push({
          goal: now.id,
          kr: kr.id,
          kind: 'changed',
          field: 'target',
          old: before.manual.target,
          new: kr.manual.target,
          ...judged({ kind: 'target', good: 'up', old: before.manual.target, new: kr.manual.target }, start, ctx),
        });
      }
    } else {
      out.push({
        goal: now.id,
        kr: kr.id,
        kind: 'changed',
        field: 'measure',
        old: before.measure ? 'kpi' : 'manual',
        new: kr.measure ? 'kpi' : 'manual',
        ...judged({ kind: 'measure' }, start, ctx),
      });
    }
  }
  for (const kr of removed) {
    if (renamedTo.has(kr.id)) continue;
    structural.push({
      at: out.length,
      kind: 'kr-removed',
      without: old.keyResults,
      with: old.keyResults.filter((k) => k !== kr),
    });
    out.push({ goal: now.id, kr: kr.id, kind: 'removed', old: krDefinition(kr), moved_goalpost: false });
  }
  const score = { old: okrScore(ctx, old, 'old'), new: okrScore(ctx, now) };
  if (score.old === undefined || score.new === undefined) return out;
  judgeStructure(out, structural, old, { old: score.old, new: score.new }, start, ctx);
  // The objective's score before and after, shown with its last change (as a status is).
  if (out.length > 0 && !same(score.old, score.new))
    out[out.length - 1] = { ...out[out.length - 1]!, score: { old: score.old, new: score.new } };
  return out;
}

/** A key result added, removed or re-weighted, at `at` in the changes: the old key results without it and with it alone. */
interface Edit {
  readonly at: number;
  readonly kind: 'kr-added' | 'kr-removed' | 'kr-weight';
  readonly without: readonly KeyResult[];
  readonly with: readonly KeyResult[];
}

/**
 * Judges the key results added, removed and re-weighted by the change's net effect on the
 * objective's score: when the whole change raises it, each of them that would raise it on its
 * own (an already met key result added, a weak one removed, a strong one weighted up) moved a
 * goalpost. The reason gives the objective's score before and after the whole change.
 */
function judgeStructure(
  out: GoalChange[],
  edits: readonly Edit[],
  old: OkrGoal,
  score: Scores,
  start: Day,
  ctx: DiffContext,
): void {
  if (edits.length === 0 || !raised(score)) return;
  const scoreOf = (krs: readonly KeyResult[]) => okrScore(ctx, { ...old, keyResults: krs });
  const raising = edits.filter((e) => {
    const [before, after] = [scoreOf(e.without), scoreOf(e.with)];
    return before !== undefined && after !== undefined && raised({ old: before, new: after });
  });
  for (const e of raising) {
    const kind = raising.length > 1 ? 'kr-changes' : e.kind;
    out[e.at] = { ...out[e.at]!, ...judged({ kind, score }, start, ctx) };
  }
}

/**
 * The scores of a goal turned from one type into the other: an OKR's score, and a SMART goal's
 * as a key result's (its progress clamped to [0, 1]); undefined when either cannot be evaluated.
 */
function typeScores(ctx: DiffContext, old: Goal, now: Goal): Scores | undefined {
  const a = okrScore(ctx, asOkr(old), 'old');
  const b = okrScore(ctx, asOkr(now));
  return a === undefined || b === undefined ? undefined : { old: a, new: b };
}

/** A goal as an OKR: a SMART goal is an objective with its one measure as its key result. */
function asOkr(g: Goal): OkrGoal {
  if (g.type === 'okr') return g;
  return { ...g, type: 'okr', stretch: false, keyResults: [{ id: g.id, title: null, weight: 1, measure: g, manual: null }] };
}

function sameKeyResult(a: KeyResult, b: KeyResult): boolean {
  if (a.title !== null && a.title === b.title) return true;
  return (
    a.measure !== null &&
    b.measure !== null &&
    a.measure.kpi === b.measure.kpi &&
    sameChannels(a.measure.channel, b.measure.channel)
  );
}

/** An OKR's score as of the data (with the KPIs of the old or new version); undefined when a key result's KPI is not defined there. */
function okrScore(ctx: DiffContext, goal: OkrGoal, side: 'old' | 'new' = 'new'): number | null | undefined {
  const engine = side === 'old' ? baseEngine(ctx) : ctx.engine;
  if (goal.keyResults.some((k) => k.measure && !engine.kpis.get(k.measure.kpi))) return undefined;
  return evaluateOkr(engine, goal, ctx.asOf).score;
}

/** The achievability of an added goal's target(s), with the current data. */
function addedAchievability(ctx: DiffContext, g: Goal): Pick<GoalChange, 'achievability' | 'key_results'> {
  if (g.type === 'smart') return ctx.engine.kpis.get(g.kpi) ? { achievability: achievability(ctx.engine, g, g.period) } : {};
  const krs = g.keyResults.filter((kr) => kr.measure && ctx.engine.kpis.get(kr.measure.kpi));
  return krs.length > 0
    ? { key_results: Object.fromEntries(krs.map((kr) => [kr.id, achievability(ctx.engine, kr.measure!, g.period)])) }
    : {};
}

/** A measure evaluated as of the data, with the KPIs of the old version (`old`: the base's) or of the new one. */
function evaluate(ctx: DiffContext, m: Measure, period: Period, side: 'old' | 'new' = 'new'): MeasureEvaluation | null {
  const engine = side === 'old' ? baseEngine(ctx) : ctx.engine;
  if (!engine.kpis.get(m.kpi)) return null;
  return evaluateMeasure(engine, m, period, ctx.asOf);
}

function baseEngine(ctx: DiffContext): KpiEngine {
  return ctx.baseEngine ?? ctx.engine;
}

/**
 * What a KPI's definition can change in: its own fields, or what its formula reads (the site's
 * `customer_ltv`, a declared metric's aggregation).
 */
export type KpiDefinitionField = 'formula' | 'unit' | 'good' | 'label' | 'description' | 'customer_ltv' | 'aggregation';

/** A change to one field of a KPI's definition. */
export interface KpiDefinitionChange {
  readonly field: KpiDefinitionField;
  readonly old: string | null;
  readonly new: string | null;
  /** A formula rewritten with the same arithmetic (`revenue * 1 / clicks`): listed, but no goal measures anything else. */
  readonly same_values?: true;
}

/** The fields that decide what a goal on the KPI measures, and which way is good: a change to one moves its goalpost. */
const MEASURING: ReadonlySet<KpiDefinitionField> = new Set(['formula', 'unit', 'good', 'customer_ltv', 'aggregation']);
const measuring = (c: KpiDefinitionChange): boolean => MEASURING.has(c.field) && c.same_values !== true;

/**
 * What a KPI's formula reads that differs between two versions over the same data (red-team 16
 * #9): the site's `customer_ltv` (the numerator of LTV:CAC), and the aggregation of a metric it
 * reads (a declared metric turned from a stock, its last value, into a flow, its sum). Either
 * changes every figure of the KPI as a formula would.
 */
export function inputDefinitionChanges(old: KpiEngine, now: KpiEngine, kpiId: string): KpiDefinitionChange[] {
  const kpi = now.kpis.get(kpiId);
  if (!kpi || !old.kpis.get(kpiId)) return [];
  const out: KpiDefinitionChange[] = [];
  for (const name of kpi.inputs) {
    if (name === 'customer_ltv') {
      const [a, b] = [old.settings.customerLtv, now.settings.customerLtv];
      if (a !== b) out.push({ field: 'customer_ltv', old: a === null ? null : String(a), new: b === null ? null : String(b) });
      continue;
    }
    const [a, b] = [old.index.metrics.get(name)?.aggregation, now.index.metrics.get(name)?.aggregation];
    if (a !== undefined && b !== undefined && a !== b)
      out.push({ field: 'aggregation', old: `${name}: ${a}`, new: `${name}: ${b}` });
  }
  return out;
}

/**
 * The fields of a KPI's definition that differ between two versions (a formula compared as written,
 * spaces aside; one rewritten with the same arithmetic says so: `same_values`).
 */
export function kpiDefinitionChanges(old: KpiDef, now: KpiDef): KpiDefinitionChange[] {
  const out: KpiDefinitionChange[] = [];
  const formula = (f: string) => f.replace(/\s+/g, '');
  if (formula(old.formula) !== formula(now.formula))
    out.push({
      field: 'formula',
      old: old.formula,
      new: now.formula,
      ...(sameArithmetic(old.formula, now.formula) ? { same_values: true as const } : {}),
    });
  if (old.unit !== now.unit) out.push({ field: 'unit', old: old.unit, new: now.unit });
  if (old.good !== now.good) out.push({ field: 'good', old: old.good, new: now.good });
  if (old.label !== now.label) out.push({ field: 'label', old: old.label, new: now.label });
  if ((old.description || null) !== (now.description || null))
    out.push({ field: 'description', old: old.description || null, new: now.description || null });
  return out;
}

/** A custom KPI added, removed or changed between two versions (`diff`'s `kpi_changes`). */
export interface KpiChange {
  readonly kpi: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly field?: KpiDefinitionChange['field'];
  readonly old?: unknown;
  readonly new?: unknown;
  /** As `KpiDefinitionChange.same_values`. */
  readonly same_values?: true;
}

/**
 * The custom KPIs (goal YAML `kpis:` and metrics declared in the site settings) added, removed
 * or redefined from `base` to `head`, field by field, in head order (removed ones last). The
 * goals measured on a redefined KPI get their own changes from `diffGoals`.
 */
export function diffKpis(base: readonly KpiDef[], head: readonly KpiDef[]): KpiChange[] {
  const baseById = new Map(base.map((k) => [k.id, k]));
  const headIds = new Set(head.map((k) => k.id));
  const out: KpiChange[] = [];
  for (const k of head) {
    const old = baseById.get(k.id);
    if (!old) {
      out.push({ kpi: k.id, kind: 'added', new: { label: k.label, formula: k.formula, unit: k.unit, good: k.good } });
      continue;
    }
    for (const c of kpiDefinitionChanges(old, k)) out.push({ kpi: k.id, kind: 'changed', ...c });
  }
  for (const k of base)
    if (!headIds.has(k.id))
      out.push({ kpi: k.id, kind: 'removed', old: { label: k.label, formula: k.formula, unit: k.unit, good: k.good } });
  return out;
}

/**
 * Whether a goal (or one of its key results) is a total to reach (`amount`) or a limit on a
 * total such as a budget cap (`limit`), under its definition: what a changed period does to it.
 */
function totals(ctx: DiffContext, goal: Goal, side: 'old' | 'new'): { amount: boolean; limit: boolean } {
  const measures = goal.type === 'smart' ? [goal] : goal.keyResults.flatMap((k) => (k.measure ? [k.measure] : []));
  let amount = false;
  let limit = false;
  for (const m of measures) {
    const e = evaluate(ctx, m, goal.period, side);
    if (e?.mode !== 'cumulative') continue;
    if (isCap(e.mode, e.good, e.target)) limit = true;
    else amount = true;
  }
  return { amount, limit };
}

/**
 * The progress expected on each milestone day (old and new), through the old and through the
 * new milestones, over the new definition's period, baseline and target: how the pace line moved.
 */
function milestoneFacts(old: Measure, now: Measure, period: Period, e: MeasureEvaluation): MoveFacts | undefined {
  const { mode, baseline, target } = e;
  const pace = (list: Measure['milestones']) =>
    list.flatMap((m) => {
      const p = mode === 'cumulative' ? cumulativeProgress(m.target, target) : levelProgress(m.target, baseline, target);
      return p === null ? [] : [{ date: m.date, progress: p }];
    });
  const days = [...new Set([...old.milestones, ...now.milestones].map((m) => m.date))]
    .filter((d) => d >= period.start && d < period.end)
    .sort((a, b) => a - b);
  if (days.length === 0) return undefined;
  const line = (list: Measure['milestones']) => days.map((d) => expectedProgress(period.start, period.end, d, pace(list)));
  return { kind: 'milestones', limit: isCap(mode, e.good, target), old: line(old.milestones), new: line(now.milestones) };
}

function sameChannels(a: Measure['channel'], b: Measure['channel']): boolean {
  const set = (c: Measure['channel']) => JSON.stringify([...new Set(typeof c === 'string' ? [c] : c)].sort());
  return set(a) === set(b);
}

/** A goal's definition as one comparable string (renames and restores are found by it). */
export function signature(g: Goal): string {
  return JSON.stringify(definition(g));
}

/** A key result's definition without its id, as one comparable string. */
export function krSignature(kr: KeyResult): string {
  const { id: _id, ...rest } = krDefinition(kr);
  return JSON.stringify(rest);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
