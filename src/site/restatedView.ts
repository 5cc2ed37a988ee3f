/**
 * The restated figures of a frozen report as its notice lists them: each figure in a reader's
 * words (a KPI with its channel's label, a goal by its title, never its id), its frozen value
 * and its value now, formatted as the page shows them (an amount frozen in another currency in
 * that currency); changes below the precision shown are only counted. Pure over the project and its engine.
 */
import type { KpiEngine } from '../core/kpis.ts';
import { channelLabel, type Project } from '../core/project.ts';
import type { ReportJson } from '../core/report.ts';
import type { Restatement } from '../core/snapshot.ts';
import type { GoalStatus } from '../core/status.ts';
import { type FormatOptions, formatKpiValue, formatScore, formatShare, STATUS_LABELS, withCurrency } from '../format/numbers.ts';
import { formatDate } from '../format/intl.ts';
import { fill, kpiLabel } from '../translations/index.ts';
import { words } from './words.ts';

export interface RestatedRow {
  readonly figure: string;
  readonly before: string;
  readonly after: string;
}

export interface RestatedView {
  /** The figures whose change shows at the precision of the page. */
  readonly rows: readonly RestatedRow[];
  /** How many differences are smaller than the precision shown. */
  readonly minor: number;
}

/**
 * A goal whose only restated figure is its status, now undecided because its deadline has passed
 * while its data, unchanged, end before it (`ends_early`): the day they end, so that the page says
 * why (the passing of the deadline, not a change of data or goals); else null. Not before the
 * deadline: a goal counting a follower count carried from before its period is undecided then too
 * (`ends_early`), and no deadline has passed.
 */
export function deadlineOnly(own: readonly Restatement[], live: ReportJson, id: string): string | null {
  if (own.length === 0 || !own.every((r) => r.figure.endsWith(': status'))) return null;
  const now = live.goals.find((g) => g.id === id);
  return now?.type === 'smart' && now.ends_early && now.status === 'undecided' && live.as_of >= now.deadline
    ? (now.data_to ?? null)
    : null;
}

/**
 * The restatements of a frozen report, as its notice shows them; with today's report (`live`), a
 * goal's status restated only by the passing of its deadline says so (see `deadlineOnly`). The
 * frozen amounts are in `frozenCurrency` (the snapshot's), today's in the site's.
 */
export function restatedView(
  project: Project,
  engine: KpiEngine,
  restated: readonly Restatement[],
  live?: ReportJson,
  frozenCurrency: string = project.site.currency,
): RestatedView {
  const now = project.site;
  const then = withCurrency(now, frozenCurrency);
  const t = words(now);
  const show = (r: Restatement, v: number | string | null, fmt: FormatOptions = now): string => {
    if (typeof v === 'string') {
      if (STATUS_LABELS[v as GoalStatus]) return `${STATUS_LABELS[v as GoalStatus].symbol} ${t.status[v as GoalStatus]}`;
      return Object.hasOwn(t.okr.bands, v) ? t.okr.bands[v as keyof typeof t.okr.bands] : formatDate(v, fmt.locale);
    }
    // A key result's score is on its objective's 0–1 scale, like the objective's own.
    if (r.kind === 'share' && /: score$/.test(r.figure)) return formatScore(v, fmt);
    if (r.kind === 'share') return formatShare(v, fmt);
    if (r.kind === 'score') return formatScore(v, fmt);
    return formatKpiValue(v, r.unit ?? 'count', fmt);
  };
  const FIELDS: Readonly<Record<string, string>> = {
    actual: t.scorecard.actual.toLowerCase(),
    target: t.scorecard.target.toLowerCase(),
    progress: t.scorecard.progress.toLowerCase(),
    projection: t.scorecard.projection.toLowerCase(),
    status: t.scorecard.status.toLowerCase(),
    score: t.okr.score.toLowerCase(),
    band: t.scorecard.status.toLowerCase(),
    baseline: t.changes.fields.baseline,
  };
  // Today's titles, else the title a frozen report gave a goal removed or renamed since.
  const titles = new Map([
    ...project.reports.flatMap((r) =>
      (r.snapshot.figures['all']?.report.goals ?? []).map((g): [string, string] => [g.id, g.title]),
    ),
    ...project.goals.map((g): [string, string] => [g.id, g.title]),
  ]);
  const figure = (r: Restatement): string => {
    if (r.subject === 'report') return r.figure === 'As of' ? t.goalReports.asOf : r.figure;
    if (r.subject === 'kpi' && r.scope !== null) {
      const def = engine.kpis.all().find((k) => k.def.label === r.figure)?.def;
      const name = def ? kpiLabel(t, def) : r.figure;
      return r.scope === 'all' ? name : `${name}, ${channelLabel(now, r.scope)}`;
    }
    if (r.subject === 'goal' && r.scope !== null) {
      const goal = project.goals.find((g) => g.id === r.scope);
      return r.figure
        .replace(`Goal ${r.scope}`, `“${titles.get(r.scope) ?? r.scope}”`)
        .replace(
          /, key result ([\w-]+)/,
          (_, kr: string) =>
            `, ${t.okr.keyResult.toLowerCase()} “${(goal?.type === 'okr' ? goal.keyResults.find((k) => k.id === kr)?.title : null) ?? kr}”`,
        )
        .replace(/: (actual|target|progress|projection|status|score|band|baseline)$/, (_, f: string) => `: ${FIELDS[f] ?? f}`);
    }
    return r.figure;
  };
  const why = (r: Restatement): string | null =>
    live && r.subject === 'goal' && r.scope !== null && r.figure.endsWith(': status')
      ? deadlineOnly(
          restated.filter((o) => o.subject === 'goal' && o.scope === r.scope),
          live,
          r.scope,
        )
      : null;
  const after = (r: Restatement): string => {
    const today = show(r, r.now);
    const day = why(r);
    return day === null ? today : fill(t.goal.restatedDeadline, { change: today, date: formatDate(day, now.locale) });
  };
  const all = restated.map((r) => ({ r, before: show(r, r.frozen, then), after: after(r) }));
  const rows = all.filter((x) => x.before !== x.after).map(({ r, before, after }) => ({ figure: figure(r), before, after }));
  return { rows, minor: all.length - rows.length };
}
