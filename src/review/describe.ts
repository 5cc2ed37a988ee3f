/**
 * One goal change in plain words and values (the unit of its KPI, the site's locale):
 * shared by the pull-request markdown, the goal pages' history and the /changes/ page.
 */
import type { Unit } from '../core/catalogue.ts';
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { type FormatOptions, formatKpiValue } from '../format/numbers.ts';
import { formatDate } from '../format/intl.ts';
import { formatDay } from '../core/dates.ts';
import { measureEvaluation } from '../core/evaluations.ts';
import { targetText } from '../core/goalDefinition.ts';
import type { Achievability } from '../core/achievability.ts';
import { achievabilityText, VERDICT_LABELS } from '../format/achievability.ts';
import type { GoalChange } from './goalDiff.ts';
import type { GoalMove } from './history.ts';
import { en, fill, kpiLabel, plural, type UiStrings } from '../translations/index.ts';

export interface DescribeContext {
  readonly engine: KpiEngine;
  readonly format: FormatOptions;
  /** Goals by id (of every version concerned), to find a change's KPI. */
  readonly goals: ReadonlyMap<string, Goal>;
  /** A channel's label for readers (the pages pass the site's labels); ids are shown when absent. */
  readonly channelLabel?: (channel: string) => string;
  /** The page words (the site's language); English when absent (the pull-request comment). */
  readonly words?: UiStrings;
}

/**
 * The achievability of a change's target in words, for the review ("achievable? Stretch: It
 * needs +38.0% in a quarter; …"); for an added OKR, one line per key result. Empty when none.
 */
export function achievabilityLines(ctx: DescribeContext, change: GoalChange): string[] {
  const goal = ctx.goals.get(change.goal);
  if (!goal) return [];
  const good = (kr?: string) => {
    const kpi = goal.type === 'smart' ? goal.kpi : goal.keyResults.find((k) => k.id === kr)?.measure?.kpi;
    return (kpi && ctx.engine.kpis.get(kpi)?.def.good) || 'up';
  };
  const line = (a: Achievability, kr?: string) =>
    `achievable? ${VERDICT_LABELS[a.verdict]}${kr ? ` (${kr})` : ''}: ${achievabilityText(a, goal.period.kind, good(kr), ctx.format)}`;
  if (change.achievability) return [line(change.achievability, change.kr)];
  return Object.entries(change.key_results ?? {}).map(([kr, a]) => line(a, kr));
}

/** The unit of a change's values: the KPI's at the change (`old_unit`/`new_unit` when its unit changed with them), else today's. */
function unitOf(ctx: DescribeContext, change: GoalChange, side: 'old' | 'new' = 'new'): Unit {
  const at = side === 'old' ? change.old_unit : change.new_unit;
  if (at !== undefined) return at;
  const goal = ctx.goals.get(change.goal);
  if (!goal) return 'count';
  const kpi = goal.type === 'smart' ? goal.kpi : goal.keyResults.find((k) => k.id === change.kr)?.measure?.kpi;
  return (kpi && ctx.engine.kpis.get(kpi)?.def.unit) || 'count';
}

/**
 * An old or new value (`side`) as text: targets and baselines in the KPI's unit on that side (with
 * the written form), lists joined.
 */
export function changeValue(
  ctx: DescribeContext,
  change: GoalChange,
  v: unknown,
  text: string | undefined,
  side: 'old' | 'new' = 'new',
): string {
  if (v === undefined) return '';
  if (v === null) return '—';
  ctx = withCurrency(ctx, change, side);
  if (change.kpi === undefined && (change.field === 'target' || change.field === 'baseline') && typeof v === 'number') {
    const shown = formatKpiValue(v, unitOf(ctx, change, side), ctx.format);
    return text && !/^\d/.test(text) ? `${shown} (${text})` : shown;
  }
  if (ctx.words && (change.field === 'start' || change.field === 'deadline') && typeof v === 'string')
    return formatDate(v, ctx.format.locale);
  if (change.field === 'milestones' && Array.isArray(v)) return milestonesText(ctx, change, v, side);
  const channel = change.field === 'channel' && ctx.channelLabel ? ctx.channelLabel : (x: string) => x;
  if (typeof v === 'string') return text ? `${channel(v)} (${text})` : channel(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map(channel).join(', ');
  return JSON.stringify(v);
}

/** The context with the currency of a change's side, where the site's currency changed with it (`old_currency`, `new_currency`). */
function withCurrency(ctx: DescribeContext, change: GoalChange, side: 'old' | 'new'): DescribeContext {
  const currency = side === 'old' ? change.old_currency : change.new_currency;
  return currency === undefined || currency === ctx.format.currency ? ctx : { ...ctx, format: { ...ctx.format, currency } };
}

/**
 * Milestones for readers: `41,200 by Feb 15, 2025; 42,000 by Mar 15, 2025` (`—` for none); in
 * the pull-request comment (no page words), dates as written in the YAML (`2.7% by 2025-02-15`).
 */
function milestonesText(ctx: DescribeContext, change: GoalChange, list: readonly unknown[], side: 'old' | 'new'): string {
  if (list.length === 0) return '—';
  const t = (ctx.words ?? en).changes;
  const unit = unitOf(ctx, change, side);
  return list
    .map((m) => {
      const { date, target } = (m ?? {}) as { date?: unknown; target?: unknown };
      const value = typeof target === 'number' ? formatKpiValue(target, unit, ctx.format) : String(target);
      const day = typeof date === 'string' && ctx.words ? formatDate(date, ctx.format.locale) : date;
      return typeof day === 'string' ? `${value} ${fill(t.byDate, { date: day })}` : value;
    })
    .join('; ');
}

/** A target as written in a goal file (`14400`, `+20%`, `+500`), shown in the KPI's unit and the site's locale. */
function writtenTargetText(text: string, unit: Unit, format: FormatOptions): string {
  const number = /^[+-]?\d+(?:\.\d+)?$/;
  const percent = /^([+-]?\d+(?:\.\d+)?)%$/.exec(text);
  if (percent)
    return new Intl.NumberFormat(format.locale, { style: 'percent', signDisplay: 'always', maximumFractionDigits: 2 }).format(
      Number(percent[1]) / 100,
    );
  if (!number.test(text)) return text;
  const shown = formatKpiValue(Math.abs(Number(text)), unit, format);
  return /^[+-]/.test(text) ? `${text[0] === '-' ? '−' : '+'}${shown}` : shown;
}

/**
 * A written target on a page: a number in the KPI's unit; a relative one (`+20%`) resolved with
 * today's data where the goal is defined the same way today (`14,400 (+20%)`), else as written.
 */
function targetShown(
  ctx: DescribeContext,
  d: Readonly<Record<string, unknown>>,
  written: string,
  unit: Unit,
  goalId?: string,
): string {
  const shown = writtenTargetText(written, unit, ctx.format);
  if (!/^[+-]/.test(written) || typeof d['id'] === 'string') return shown;
  const goal = goalId === undefined ? undefined : ctx.goals.get(goalId);
  if (
    goal?.type !== 'smart' ||
    goal.kpi !== d['kpi'] ||
    targetText(goal.target) !== written ||
    formatDay(goal.period.start) !== d['start']
  )
    return shown;
  const asOf = ctx.engine.index.dataRange()?.last;
  if (asOf === undefined) return shown;
  const target = measureEvaluation(ctx.engine, goal, goal.period, asOf).target;
  return target === null ? shown : `${formatKpiValue(target, unit, ctx.format)} (${shown})`;
}

/** A key result as readers know it: its title where the goal gives one, else its id. */
function keyResultName(c: GoalChange, goals?: ReadonlyMap<string, Goal>, words?: UiStrings): string {
  const goal = goals?.get(c.goal);
  const kr = goal?.type === 'okr' ? goal.keyResults.find((k) => k.id === c.kr) : undefined;
  // A removed (or added) key result is no longer (or not yet) in the goal: its definition in the change has its title.
  const written = (c.kind === 'removed' ? c.old : c.kind === 'added' ? c.new : null) as { title?: unknown } | null;
  if (!kr && typeof written?.title === 'string') return written.title;
  // Untitled, on the pages: the KPI it measures (the pull-request comment keeps the id a reviewer finds in the YAML).
  const kpi = words && kr?.measure ? kr.measure.kpi : undefined;
  return (
    kr?.title ??
    (kpi !== undefined ? (Object.hasOwn(words!.kpis, kpi) ? words!.kpis[kpi as keyof UiStrings['kpis']] : kpi) : (c.kr ?? ''))
  );
}

/**
 * What changed, in words: `goal added`, `key result reach: target`. Given the page words, in
 * their language and with field names for readers (`name`, not `id`); else English with the
 * YAML field names (the pull-request comment).
 */
export function changeSubject(c: GoalChange, words?: UiStrings, goals?: ReadonlyMap<string, Goal>): string {
  const t = (words ?? en).changes.subjects;
  const kr = { kr: keyResultName(c, goals, words) };
  switch (c.kind) {
    case 'added':
      return c.kr ? fill(t.krAdded, kr) : t.goalAdded;
    case 'removed':
      return c.kr ? fill(t.krRemoved, kr) : t.goalRemoved;
    case 'renamed':
      return c.kr ? fill(t.krRenamed, kr) : t.goalRenamed;
    case 'changed': {
      const names: Readonly<Record<string, string>> = words?.changes.fields ?? {};
      const field = Object.hasOwn(names, c.field ?? '') ? names[c.field!]! : (c.field ?? '');
      // A redefined KPI: named by its id, as in the goal YAML.
      if (c.kpi !== undefined)
        return c.kr ? fill(t.krKpiField, { ...kr, kpi: c.kpi, field }) : fill(t.kpiField, { kpi: c.kpi, field });
      return c.kr ? fill(t.krField, { ...kr, field }) : field;
    }
  }
}

/** An added or removed goal or key result in a few words: `Followers: target +20% by 2026-12-31`. */
export function definitionSummary(ctx: DescribeContext, definition: unknown, goalId?: string): string {
  const t = (ctx.words ?? en).changes;
  if (definition === null || typeof definition !== 'object') return t.defined;
  const d = definition as Record<string, unknown>;
  const deadline = typeof d['deadline'] === 'string' ? d['deadline'] : null;
  const by = deadline ? ` ${fill(t.byDate, { date: ctx.words ? formatDate(deadline, ctx.format.locale) : deadline })}` : '';
  if (Array.isArray(d['key_results'])) return `${plural(ctx.format.locale, t.keyResults, d['key_results'].length)}${by}`;
  if (typeof d['kpi'] === 'string') {
    const def = ctx.engine.kpis.get(d['kpi'])?.def;
    const label = def ? kpiLabel(ctx.words ?? en, def) : d['kpi'];
    const unit = ctx.engine.kpis.get(d['kpi'])?.def.unit ?? 'count';
    // The pull-request comment keeps a relative target as written (`+20%`), a number in the KPI's unit.
    const target =
      typeof d['target'] === 'number'
        ? formatKpiValue(d['target'], unit, ctx.format)
        : typeof d['target'] === 'string'
          ? ctx.words
            ? targetShown(ctx, d, d['target'], unit, goalId)
            : writtenTargetText(d['target'], unit, ctx.format)
          : String(d['target']);
    return `${fill(t.targetBy, { kpi: label, target })}${by}`;
  }
  if (d['manual'] && typeof d['manual'] === 'object') {
    const target = (d['manual'] as Record<string, unknown>)['target'];
    return fill(t.manualTarget, {
      target: typeof target === 'number' ? formatKpiValue(target, 'count', ctx.format) : String(target),
    });
  }
  return t.defined;
}

/** The before and after cells of a change. */
export function changeValues(ctx: DescribeContext, c: GoalChange): { before: string; after: string } {
  return {
    before:
      c.kind === 'added'
        ? ''
        : c.kind === 'removed'
          ? definitionSummary(ctx, c.old, c.goal)
          : changeValue(ctx, c, c.old, c.old_text, 'old'),
    after:
      c.kind === 'removed'
        ? ''
        : c.kind === 'added'
          ? definitionSummary(ctx, c.new, c.goal)
          : changeValue(ctx, c, c.new, c.new_text),
  };
}

/**
 * A goal's moved goalposts as one short mark for the text report, in English as the pull-request
 * comment: the latest move, from → to, its commit's date, and how many more (`target 190,000 →
 * 100,000 on 2026-07-23 (and 1 more)`). `original` is the goal as its period began, for moves
 * made under an old id.
 */
export function movedMark(ctx: DescribeContext, goal: Goal, original: Goal | null, moves: readonly GoalMove[]): string {
  const latest = moves[moves.length - 1]!;
  const goals = new Map<string, Goal>();
  for (const m of moves) goals.set(m.change.goal, original && m.change.goal !== goal.id ? original : goal);
  goals.set(goal.id, goal);
  const c = latest.change;
  const { before, after } = changeValues({ ...ctx, goals }, c);
  const values = c.kind === 'removed' ? '' : c.kind === 'added' ? ` (${after})` : ` ${before || '—'} → ${after || '—'}`;
  const more = moves.length > 1 ? ` (and ${moves.length - 1} more)` : '';
  return `${changeSubject(c, undefined, goals)}${values} on ${latest.commit.date}${more}`;
}
