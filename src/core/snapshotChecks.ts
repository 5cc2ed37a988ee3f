/**
 * Cross-checks a frozen report must satisfy on its own (SPEC "Live and frozen figures": a
 * hand-edited snapshot is an error, not the frozen truth). The digest only catches a careless
 * edit: whoever edits a figure can compute it again. These checks catch an edit of one figure
 * that leaves the others as they were: a goal's actual against the snapshot's own KPI value for
 * the same KPI, channel and days, its progress and status against the status rules, and each
 * channel's page against the all-channels page. Pure: the loader positions what they find.
 */
import { asksNoChange, cumulativeProgress, isCap, levelProgress } from './evaluate.ts';
import type { QuarterFigures } from './figures.ts';
import type { GoalJson, SmartGoalJson } from './report.ts';
import type { Snapshot } from './snapshot.ts';
import { capStatus, goalStatus, noChangeStatus } from './status.ts';

/** A figure of a snapshot that disagrees with another of its figures: where it is, and why. */
export interface SnapshotInconsistency {
  /** The JSON path of the figure in the snapshot file. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

const TOLERANCE = 1e-9;

/** Whether two figures are equal but for floating-point rounding. */
export function sameFigure(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every figure of a snapshot that disagrees with another of its figures (none for a snapshot `freeze` wrote). */
export function snapshotInconsistencies(snapshot: Snapshot): SnapshotInconsistency[] {
  const out: SnapshotInconsistency[] = [];
  const all = snapshot.figures['all'];
  if (!all) return out;
  const good = new Map(snapshot.kpis.map((k) => [k.id, k.good]));
  all.report.goals.forEach((goal, i) => {
    if (goal.type !== 'smart') return;
    const at = ['figures', 'all', 'report', 'goals', i];
    const kpiMismatch = actualAgainstKpi(all, goal);
    if (kpiMismatch) out.push({ path: [...at, 'actual'], message: kpiMismatch });
    const kpiGood = good.get(goal.kpi);
    if (kpiGood)
      out.push(
        ...statusAgainstRules(all.report.as_of, goal, kpiGood).map((m) => ({ path: [...at, m.field], message: m.message })),
      );
  });
  for (const [scope, figures] of Object.entries(snapshot.figures)) {
    if (scope !== 'all') out.push(...scopeAgainstAll(scope, figures, all));
  }
  return out;
}

/** Whether a goal's actual is a figure of the same KPI, channel and days as a cell of the KPI table. */
function comparableCell(figures: QuarterFigures, goal: SmartGoalJson): { scope: string; value: number | null } | null {
  const quarterStart = quarterFirstDay(figures.report.period);
  if (quarterStart === null || goal.start !== quarterStart || goal.deadline < figures.report.as_of) return null;
  if (goal.data_to !== undefined || goal.actual_to !== undefined || goal.cut_rows || goal.incomplete) return null;
  const scope = typeof goal.channel === 'string' ? goal.channel : goal.channel.length === 1 ? goal.channel[0]! : null;
  if (scope === null) return null;
  const cell = figures.report.kpis[scope]?.[goal.kpi];
  if (!cell || cell.data_to !== undefined || cell.inputs_to !== undefined || cell.gaps !== undefined) return null;
  if (goal.gaps !== undefined || goal.inputs_to !== undefined) return null;
  return { scope, value: cell.value };
}

function actualAgainstKpi(figures: QuarterFigures, goal: SmartGoalJson): string | null {
  const cell = comparableCell(figures, goal);
  if (!cell || sameFigure(cell.value, goal.actual)) return null;
  return (
    `goal '${goal.id}': its actual (${goal.actual}) is not the snapshot's own ${goal.kpi} for ${cell.scope} over the same days ` +
    `(${cell.value}): the snapshot was edited by hand (or frozen by an older version of goalpost whose figures disagreed); restore it from git or freeze again`
  );
}

/** The progress and status a goal's figures give by the status rules, where nothing else (a bound, an early end) decides them. */
function statusAgainstRules(
  asOf: string,
  goal: SmartGoalJson,
  good: 'up' | 'down',
): Array<{ field: 'progress' | 'status'; message: string }> {
  const plain =
    goal.bound === undefined &&
    goal.approximate === undefined &&
    goal.data_to === undefined &&
    goal.actual_to === undefined &&
    goal.cut_rows === undefined &&
    goal.ends_early === undefined;
  if (!plain || goal.status === 'not_started' || goal.status === 'no_data' || goal.status === 'undecided') return [];
  const out: Array<{ field: 'progress' | 'status'; message: string }> = [];
  const { mode, actual, baseline, target } = goal;
  const progress = mode === 'cumulative' ? cumulativeProgress(actual, target) : levelProgress(actual, baseline, target);
  if (!sameFigure(progress, goal.progress)) {
    out.push({
      field: 'progress',
      message:
        `goal '${goal.id}': its progress (${goal.progress}) is not what its actual, baseline and target give (${progress}): ` +
        'the snapshot was edited by hand (or frozen by an older version of goalpost whose figures disagreed); restore it from git or freeze again',
    });
  }
  const timing = { started: true, ended: asOf >= goal.deadline, expected: goal.expected };
  const status = isCap(mode, good, target)
    ? good === 'down'
      ? capStatus(timing, actual, target)
      : capStatus(timing, actual === null ? null : -actual, target === null ? null : -target)
    : asksNoChange(mode, good, baseline, target)
      ? noChangeStatus(timing, actual, target, good)
      : goalStatus({ ...timing, progress: goal.progress });
  if (status !== goal.status) {
    out.push({
      field: 'status',
      message:
        `goal '${goal.id}': its status (${goal.status}) is not what its figures give by the status rules (${status}): ` +
        'the snapshot was edited by hand (or frozen by an older version of goalpost whose figures disagreed); restore it from git or freeze again',
    });
  }
  return out;
}

/** A channel's page against the all-channels page: the channel's KPI values and the goals both list. */
function scopeAgainstAll(scope: string, figures: QuarterFigures, all: QuarterFigures): SnapshotInconsistency[] {
  const out: SnapshotInconsistency[] = [];
  const edited =
    'the snapshot was edited by hand (or frozen by an older version of goalpost whose figures disagreed); restore it from git or freeze again';
  const mine = figures.report.kpis[scope] ?? {};
  const theirs = all.report.kpis[scope] ?? {};
  for (const [id, cell] of Object.entries(mine)) {
    const other = theirs[id];
    if (other && !sameFigure(cell.value, other.value)) {
      out.push({
        path: ['figures', scope, 'report', 'kpis', scope, id, 'value'],
        message: `${id} of ${scope} is ${cell.value} on the channel's page but ${other.value} on the all-channels page: ${edited}`,
      });
    }
  }
  const allGoals = new Map(all.report.goals.map((g) => [g.id, g]));
  figures.report.goals.forEach((goal, i) => {
    const other = allGoals.get(goal.id);
    if (!other) return;
    const field = differingField(goal, other);
    if (field) {
      out.push({
        path: ['figures', scope, 'report', 'goals', i, field.name],
        message: `goal '${goal.id}': its ${field.name} is ${field.mine} on ${scope}'s page but ${field.theirs} on the all-channels page: ${edited}`,
      });
    }
  });
  return out;
}

function differingField(a: GoalJson, b: GoalJson): { name: string; mine: unknown; theirs: unknown } | null {
  if (a.type !== b.type) return { name: 'type', mine: a.type, theirs: b.type };
  const numbers: Array<[string, number | null, number | null]> =
    a.type === 'smart' && b.type === 'smart'
      ? [
          ['target', a.target, b.target],
          ['actual', a.actual, b.actual],
          ['progress', a.progress, b.progress],
        ]
      : a.type === 'okr' && b.type === 'okr'
        ? [['score', a.score, b.score]]
        : [];
  for (const [name, x, y] of numbers) if (!sameFigure(x, y)) return { name, mine: x, theirs: y };
  if (a.type === 'smart' && b.type === 'smart' && a.status !== b.status)
    return { name: 'status', mine: a.status, theirs: b.status };
  if (a.type === 'okr' && b.type === 'okr' && a.band !== b.band) return { name: 'band', mine: a.band, theirs: b.band };
  return null;
}

/** `2026-07-01` for `2026-Q3`; null when the text is not a quarter. */
function quarterFirstDay(period: string): string | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) return null;
  return `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * The figures of a frozen scope (`all` or a channel) that differ from the same scope computed
 * again from the content the snapshot names (its commit): the as-of day, every KPI value, and
 * each goal's target, actual, progress, status, score and key results. `frozen` and `now` are
 * the scope's figures; `commit` names the recomputation in the messages.
 */
export function recomputedDifferences(
  scope: string,
  frozen: Pick<QuarterFigures, 'report'>,
  now: Pick<QuarterFigures, 'report'>,
  commit: string,
): SnapshotInconsistency[] {
  const out: SnapshotInconsistency[] = [];
  const base = ['figures', scope, 'report'];
  const differs = (path: ReadonlyArray<string | number>, what: string, a: unknown, b: unknown) =>
    out.push({
      path: [...base, ...path],
      message:
        `${what} is ${a === null ? 'null' : String(a)} in the snapshot but ${b === null || b === undefined ? 'null' : String(b)} ` +
        `when computed again from commit ${commit.slice(0, 12)}, which it was frozen from`,
    });
  if (frozen.report.as_of !== now.report.as_of) differs(['as_of'], 'as_of', frozen.report.as_of, now.report.as_of);
  for (const [channel, cells] of Object.entries(frozen.report.kpis)) {
    for (const [id, cell] of Object.entries(cells)) {
      const other = now.report.kpis[channel]?.[id]?.value ?? null;
      if (!sameFigure(cell.value, other)) differs(['kpis', channel, id, 'value'], `${id} of ${channel}`, cell.value, other);
    }
  }
  const nowGoals = new Map(now.report.goals.map((g) => [g.id, g]));
  frozen.report.goals.forEach((goal, i) => {
    const other = nowGoals.get(goal.id);
    if (!other) {
      differs(['goals', i, 'id'], `goal '${goal.id}'`, 'in the report', 'not in it');
      return;
    }
    const field = differingField(goal, other);
    if (field) differs(['goals', i, field.name], `goal '${goal.id}': ${field.name}`, field.mine, field.theirs);
    if (goal.type !== 'okr' || other.type !== 'okr') return;
    const krs = new Map(other.key_results.map((kr) => [kr.id, kr]));
    goal.key_results.forEach((kr, k) => {
      const again = krs.get(kr.id);
      const checks: Array<[string, number | null, number | null]> = [
        ['target', kr.target, again?.target ?? null],
        ['actual', kr.actual, again?.actual ?? null],
        ['score', kr.score, again?.score ?? null],
      ];
      const wrong = checks.find(([, x, y]) => !sameFigure(x, y));
      if (wrong) {
        differs(
          ['goals', i, 'key_results', k, wrong[0]],
          `goal '${goal.id}', key result '${kr.id}': ${wrong[0]}`,
          wrong[1],
          wrong[2],
        );
      }
    });
  });
  return out;
}
