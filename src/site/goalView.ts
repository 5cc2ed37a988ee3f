/**
 * What a goal page shows: the goal's evaluation as of the last day with data, its
 * definition in plain words (SMART), progress charts, and any moved goalpost with the
 * status against the original definition. Pure over the project, engine and history.
 */
import { type ChartModel, goalProgressChart } from '../charts/specs.ts';
import { channelColors } from '../charts/theme.ts';
import { type Day, formatDay } from '../core/dates.ts';
import { evaluateGoal, evaluateMeasure, type GoalEvaluation, resolveTarget } from '../core/evaluate.ts';
import type { Goal, Measure, TargetSpec } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { type Period, quartersOverlapping } from '../core/periods.ts';
import { channelLabel, type Project } from '../core/project.ts';
import { trajectory } from '../core/trajectory.ts';
import type { GoalStatus, OkrBand } from '../core/status.ts';
import { formatKpiValue, formatScore } from '../format/numbers.ts';
import { changeSubject, changeValues, type DescribeContext } from '../review/describe.ts';
import type { GoalMove } from '../review/history.ts';
import type { GoalMoves } from './history.ts';

export interface GoalView {
  readonly goal: Goal;
  readonly asOf: string;
  readonly evaluation: GoalEvaluation;
  /** SMART definition: label → plain-language sentence. */
  readonly definition: ReadonlyArray<readonly [string, string]>;
  readonly charts: readonly ChartModel[];
  /** Report quarters the goal's period overlaps. */
  readonly quarters: readonly Period[];
}

/** The as-of day of goal pages: the last day with data (evaluation stops at each goal's deadline). */
export function siteAsOf(project: Project): Day {
  return project.index.dataRange()?.last ?? 0;
}

/** The view of one goal. */
export function goalView(project: Project, engine: KpiEngine, goal: Goal): GoalView {
  const asOf = siteAsOf(project);
  const evaluation = evaluateGoal(engine, goal, asOf);
  const range = project.index.dataRange();
  const quarters = range
    ? quartersOverlapping(goal.period.start, goal.period.end).filter((q) => q.end >= range.first && q.start <= range.last)
    : [];
  const objective = project.objectives.find((o) => o.id === goal.objective);
  const definition: Array<[string, string]> = [['Specific', goal.description ? `${goal.title}. ${goal.description}` : goal.title]];
  const charts: ChartModel[] = [];
  if (goal.type === 'smart') {
    definition.push(['Measurable', measureSentence(project, engine, goal)], ['Target', targetSentence(project, engine, goal, goal.period, asOf)]);
    charts.push(progressChart(project, engine, `goal-${goal.id}`, `Progress: ${goal.title}`, goal, goal.period, asOf));
  } else {
    definition.push(['Key results', goal.keyResults.map((kr) => kr.title ?? kr.id).join('; ')]);
    for (const kr of goal.keyResults) {
      if (kr.measure) charts.push(progressChart(project, engine, `goal-${goal.id}-${kr.id}`, `Key result: ${kr.title ?? kr.id}`, kr.measure, goal.period, asOf));
    }
  }
  definition.push(
    ['Relevant', objective ? `Serves the objective “${objective.title}”.` : 'No objective named.'],
    ['Time-bound', `From ${formatDay(goal.period.start)} to ${formatDay(goal.period.end)}${goal.period.kind === 'range' ? '' : ` (${goal.period.label})`}.`],
  );
  if (goal.owner) definition.push(['Owner', goal.owner]);
  return { goal, asOf: formatDay(asOf), evaluation, definition, charts, quarters };
}

function channelsText(project: Project, channel: Measure['channel']): string {
  const list = typeof channel === 'string' ? [channel] : [...channel];
  return list.map((c) => channelLabel(project.site, c)).join(', ');
}

function measureSentence(project: Project, engine: KpiEngine, m: Measure): string {
  const kpi = engine.kpis.get(m.kpi)!;
  const kind = kpi.cumulative ? 'counted from the start of the period' : 'measured over the period so far';
  return `${kpi.def.label} (${kpi.def.formula}) on ${channelsText(project, m.channel)}, ${kind}; higher is ${kpi.def.good === 'up' ? 'better' : 'worse'}.`;
}

function targetSentence(project: Project, engine: KpiEngine, m: Measure, period: Period, asOf: Day): string {
  const kpi = engine.kpis.get(m.kpi)!;
  const fmt = project.site;
  const e = evaluateMeasure(engine, m, period, asOf);
  const value = (x: number | null) => formatKpiValue(x, kpi.def.unit, fmt);
  const written = writtenTarget(m.target, kpi.def.unit, fmt);
  const reference = e.mode === 'cumulative' ? `the previous period's total of ${value(e.previous)}` : `the baseline of ${value(e.baseline)}`;
  const resolved = m.target.kind === 'absolute' ? value(resolveTarget(m.target, null)) : `${value(e.target)} (${written} on ${reference})`;
  if (e.mode === 'cumulative' && kpi.def.good === 'down') return `At most ${resolved} in total: a budget cap.`;
  if (e.mode === 'cumulative') return `${resolved} in total by the deadline.`;
  return m.target.kind === 'absolute' ? `${resolved} by the deadline, from a baseline of ${value(e.baseline)}.` : `${resolved} by the deadline.`;
}

function writtenTarget(t: TargetSpec, unit: Parameters<typeof formatKpiValue>[1], fmt: { locale: string; currency: string }): string {
  if (t.kind === 'absolute') return formatKpiValue(t.value, unit, fmt);
  if (t.kind === 'percent') return new Intl.NumberFormat(fmt.locale, { style: 'percent', signDisplay: 'always', maximumFractionDigits: 2 }).format(t.ratio);
  return `${t.amount >= 0 ? '+' : ''}${formatKpiValue(t.amount, unit, fmt)}`;
}

function progressChart(project: Project, engine: KpiEngine, id: string, title: string, m: Measure, period: Period, asOf: Day): ChartModel {
  const kpi = engine.kpis.get(m.kpi)!;
  const e = evaluateMeasure(engine, m, period, asOf);
  const t = trajectory(engine, m, period, asOf, e);
  const iso = (p: { day: Day; value: number }) => ({ date: formatDay(p.day), value: p.value });
  return goalProgressChart({ site: project.site, colors: channelColors(project.site, engine.index.channels) }, {
    id, title, data: {
      kpiLabel: kpi.def.label, unit: kpi.def.unit, start: formatDay(period.start), deadline: formatDay(period.end),
      target: e.target, actual: t.actual.map(iso), expected: t.expected.map(iso), milestones: t.milestones.map(iso), projection: e.projection,
    },
  });
}

/** One moved goalpost in words: what moved, from → to, when, in which commit, why. */
export interface MoveItem {
  readonly what: string;
  readonly before: string;
  readonly after: string;
  readonly date: string;
  readonly commit: string;
  readonly reason: string;
}

/** A goal's status in brief: a SMART goal's status and target, an OKR's score and band. */
export type StatusSummary =
  | { readonly type: 'smart'; readonly status: GoalStatus; readonly target: string }
  | { readonly type: 'okr'; readonly score: string; readonly band: OkrBand | null };

/** What a goal page says above its status when a goalpost moved. */
export interface MovedView {
  readonly items: readonly MoveItem[];
  /** A target moved: the title may have been written for the original one. */
  readonly targetMoved: boolean;
  readonly asOf: string;
  readonly current: StatusSummary;
  /** The status against the original definition; null when it cannot be evaluated with today's KPIs. */
  readonly original: StatusSummary | null;
  /** The original title, when it differs from today's. */
  readonly originalTitle: string | null;
}

function describeContext(project: Project, engine: KpiEngine, goal: Goal, moved: GoalMoves): DescribeContext {
  const goals = new Map<string, Goal>();
  for (const m of moved.moves) goals.set(m.change.goal, moved.original && m.change.goal !== goal.id ? moved.original : goal);
  goals.set(goal.id, goal);
  return { engine, format: project.site, goals };
}

function moveItem(ctx: DescribeContext, move: GoalMove): MoveItem {
  const { before, after } = changeValues(ctx, move.change);
  return { what: changeSubject(move.change), before, after, date: move.commit.date, commit: move.commit.short, reason: move.change.reason ?? '' };
}

/** A goal's status in brief, or null when one of its KPIs is not defined today. */
export function statusSummary(project: Project, engine: KpiEngine, goal: Goal, asOf: Day): StatusSummary | null {
  const measures = goal.type === 'smart' ? [goal] : goal.keyResults.flatMap((k) => (k.measure ? [k.measure] : []));
  if (measures.some((m) => !engine.kpis.get(m.kpi))) return null;
  const e = evaluateGoal(engine, goal, asOf);
  if (e.type === 'okr') return { type: 'okr', score: formatScore(e.score, project.site), band: e.band };
  return { type: 'smart', status: e.status, target: formatKpiValue(e.target, engine.kpis.get(e.kpi)!.def.unit, project.site) };
}

/** The moved goalposts of a goal, and its status against the original and the current definition. */
export function movedView(project: Project, engine: KpiEngine, goal: Goal, moved: GoalMoves): MovedView {
  const asOf = siteAsOf(project);
  const ctx = describeContext(project, engine, goal, moved);
  const original = moved.original;
  return {
    items: moved.moves.map((m) => moveItem(ctx, m)),
    targetMoved: moved.moves.some((m) => m.change.field === 'target'),
    asOf: formatDay(asOf),
    current: statusSummary(project, engine, goal, asOf)!,
    original: original ? statusSummary(project, engine, original, asOf) : null,
    originalTitle: original && original.title !== goal.title ? original.title : null,
  };
}

/** The short text of a scorecard's marker: the latest move, from → to, and its date (`target 1,400 → 1,100 on 2026-05-10`). */
export function movedMarkerText(project: Project, engine: KpiEngine, goal: Goal, moved: GoalMoves): string {
  const ctx = describeContext(project, engine, goal, moved);
  const move = moved.moves[moved.moves.length - 1]!;
  const latest = moveItem(ctx, move);
  const values = move.change.kind === 'removed' ? '' : ` ${latest.before || '—'} → ${latest.after || '—'}`;
  const more = moved.moves.length > 1 ? ` (and ${moved.moves.length - 1} more)` : '';
  return `${latest.what}${values} on ${latest.date}${more}`;
}
