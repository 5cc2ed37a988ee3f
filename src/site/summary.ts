/**
 * A quarter's summary for the top of the home and quarter pages: how many SMART goals are in
 * each status, the goals that need attention first, and the KPIs that moved most since the
 * previous quarter, each judged good or bad by the KPI's direction. While the quarter is not over,
 * totals (impressions, spend…) are left out of the moves: a quarter to date against a whole
 * quarter always reads as a fall; so is a figure whose inputs end apart (`inputs_to`), which mixes
 * ranges. Pure: no Astro, no files.
 */
import { isPartial, kpiGrowsWithWindow } from '../core/comparable.ts';
import type { KpiMeta } from '../core/figures.ts';
import type { GoalJson, KpiJson, OkrGoalJson, ReportJson, SmartGoalJson } from '../core/report.ts';
import type { GoalStatus } from '../core/status.ts';
import { type PartialComparison, partialComparison } from '../format/changes.ts';

/** Statuses in the order a reader should meet them: those needing attention first. */
export const STATUS_ORDER: readonly GoalStatus[] = [
  'off_track',
  'at_risk',
  'missed',
  'undecided',
  'no_data',
  'not_started',
  'on_track',
  'achieved',
];
/** Statuses the summary counts, in the order of its line ("3 achieved · 3 on track · …"). */
export const COUNT_ORDER: readonly GoalStatus[] = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'missed',
  'not_started',
  'undecided',
  'no_data',
];
/** Statuses that put a goal in "needs attention", most urgent first. */
export const ATTENTION: readonly GoalStatus[] = ['off_track', 'at_risk', 'missed'];

export interface StatusCount {
  readonly status: GoalStatus;
  readonly count: number;
}

/** A KPI's move over the previous quarter: relative for most units, in percentage points for a percentage. */
export interface KpiMove {
  readonly id: string;
  readonly label: string;
  readonly meta: KpiMeta;
  readonly value: number;
  /** Relative change (0.12 = +12%), or for a percentage the change in points (3.2 = +3.2 pts). */
  readonly change: number;
  readonly kind: 'relative' | 'points';
  /** Whether the move is good given the KPI's direction. */
  readonly good: boolean;
}

export interface QuarterSummary {
  readonly counts: readonly StatusCount[];
  /** SMART goals off track, at risk or missed, most urgent first. */
  readonly attention: readonly SmartGoalJson[];
  /** OKRs whose score is in the red band. */
  readonly redOkrs: readonly OkrGoalJson[];
  readonly movers: readonly KpiMove[];
  /** The quarter is not over as of the report's day: what its changes compare (totals are not in `movers`). */
  readonly partial: PartialComparison | null;
}

const rank = (s: GoalStatus): number => STATUS_ORDER.indexOf(s);

/** Goals sorted by status, attention first (off track, at risk, missed …, achieved last); stable within a status. */
export function sortByStatus<G extends { readonly status: GoalStatus }>(goals: readonly G[]): G[] {
  return goals
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g.status) - rank(b.g.status) || a.i - b.i)
    .map((x) => x.g);
}

/** How many SMART goals are in each status (statuses with none left out), in `COUNT_ORDER`. */
export function statusCounts(goals: readonly GoalJson[]): StatusCount[] {
  const smart = goals.filter((g): g is SmartGoalJson => g.type === 'smart');
  return COUNT_ORDER.map((status) => ({ status, count: smart.filter((g) => g.status === status).length })).filter(
    (c) => c.count > 0,
  );
}

/**
 * A KPI's move from its value, its relative QoQ change and the previous value that change compares
 * with (a rate or a score moves by points: value − previous), or null when it cannot be told. Without the
 * previous value (a snapshot frozen before cells carried it) a rate's is taken back from `qoq` as
 * if it were positive, and a change of −100% or more (a fall through zero) gives no move.
 */
export function kpiMove(meta: KpiMeta, value: number | null, qoq: number | null, previous?: number): KpiMove | null {
  if (value === null || qoq === null || !Number.isFinite(value) || !Number.isFinite(qoq) || qoq === 0) return null;
  const rising = qoq > 0;
  const good = rising === (meta.good === 'up');
  if (meta.unit === 'percent') {
    const before = previous ?? (qoq > -1 ? value / (1 + qoq) : null);
    if (before === null || !Number.isFinite(before)) return null;
    return { id: meta.id, label: meta.label, meta, value, change: (value - before) * 100, kind: 'points', good };
  }
  // A score (NPS, −100 to 100) moves by points too: −10 → 10 is +20 points, not +200%.
  if (meta.unit === 'score' && previous !== undefined) {
    return { id: meta.id, label: meta.label, meta, value, change: value - previous, kind: 'points', good };
  }
  return { id: meta.id, label: meta.label, meta, value, change: qoq, kind: 'relative', good };
}

/**
 * A KPI figure's move since the previous quarter, or null. A figure whose inputs end apart
 * (clicks to the 10th over impressions to the 30th) mixes ranges, and one computed over other
 * channels in the previous quarter (a total that gained or lost a channel), or against a previous
 * quarter a channel covers only in part (`qoq_partial`), is not like for like: its change is no move;
 * nor is an approximate figure's (a bound against an exact quarter).
 */
export function cellMove(
  meta: KpiMeta,
  cell: Pick<KpiJson, 'value' | 'qoq' | 'previous' | 'inputs_to' | 'qoq_channels_differ' | 'qoq_partial' | 'approximate'>,
): KpiMove | null {
  // A bound (a unique count summed from month rows) against an exact quarter tells no change (red-team 12 #10).
  const flagged =
    cell.inputs_to !== undefined || cell.qoq_channels_differ || cell.qoq_partial !== undefined || cell.approximate === true;
  return flagged ? null : kpiMove(meta, cell.value, cell.qoq, cell.previous);
}

/**
 * Whether a KPI cell of a report is a total over part of its quarter: the quarter is not over, or a
 * channel the cell counts (`channels`, else the scope's) stops before its end. A total over
 * channels whose data are whole is not (Facebook's conversions while LinkedIn has stopped, red-team 12 #12).
 */
export function totalToDate(
  report: Pick<ReportJson, 'period' | 'as_of' | 'coverage' | 'channels'>,
  scope: string,
  meta: KpiMeta,
  cell: Pick<KpiJson, 'channels'>,
): boolean {
  if (!kpiGrowsWithWindow(meta)) return false;
  const counted = cell.channels ?? (scope === 'all' ? report.channels.filter((c) => c !== 'all') : [scope]);
  const coverage = Object.fromEntries(Object.entries(report.coverage ?? {}).filter(([c]) => counted.includes(c)));
  return isPartial({ period: report.period, as_of: report.as_of, coverage });
}

/**
 * The summary of a report for one scope (`all` or a channel): status counts, goals needing
 * attention, and the `limit` KPIs with the largest relative change since the previous quarter
 * (on a quarter that is not over, rates and stocks only, and totals over channels whose data are
 * whole; never a figure whose inputs end apart).
 */
export function quarterSummary(report: ReportJson, kpis: ReadonlyMap<string, KpiMeta>, scope = 'all', limit = 4): QuarterSummary {
  const smart = report.goals.filter((g): g is SmartGoalJson => g.type === 'smart');
  const attention = sortByStatus(smart.filter((g) => ATTENTION.includes(g.status)));
  const redOkrs = report.goals.filter((g): g is OkrGoalJson => g.type === 'okr' && g.band === 'red');
  const cells = report.kpis[scope] ?? {};
  const partial = partialComparison(report);
  const movers = Object.entries(cells)
    .flatMap(([id, cell]) => {
      const meta = kpis.get(id);
      const move = meta && !totalToDate(report, scope, meta, cell) ? cellMove(meta, cell) : null;
      return move ? [{ move, size: Math.abs(cell.qoq!) }] : [];
    })
    .sort((a, b) => b.size - a.size || a.move.id.localeCompare(b.move.id))
    .slice(0, limit)
    .map((x) => x.move);
  return { counts: statusCounts(report.goals), attention, redOkrs, movers, partial };
}
