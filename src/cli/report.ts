import type { Unit } from '../core/catalogue.ts';
import { parseIsoDate } from '../core/dates.ts';
import { parseQuarter } from '../core/periods.ts';
import { channelLabel, createEngine, type SiteSettings } from '../core/project.ts';
import { buildReport, type GoalJson, type ReportJson } from '../core/report.ts';
import { type FormatOptions, formatChange, formatKpiValue, formatShare, STATUS_LABELS } from '../format/numbers.ts';
import { formatProblem } from '../load/problems.ts';
import { loadProject } from '../load/project.ts';
import { hint } from '../load/suggest.ts';
import { readHistory, withMovedGoalposts } from '../site/history.ts';
import { type Io, parseOptions, rootOf, usageError } from './io.ts';

const HELP = `Usage: npm run goalpost -- report --period 2026-Q2 [--channel <id>] [--as-of 2026-05-31] [--json]

Computes the quarter's KPIs (with change vs the previous quarter and a year before) and
evaluates every goal whose period overlaps the quarter, as of the quarter's last day with
data (or --as-of).

Options:
  --period <yyyy-Qn>   the quarter (required)
  --channel <id>       only this channel's KPIs and the goals that touch it
  --as-of <date>       evaluate as of this day (YYYY-MM-DD)
  --json               print the report as JSON (unrounded numbers)`;

/** `goalpost report`: a quarter's KPIs and goals, as text or JSON. */
export async function runReport(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(args, {
    help: { type: 'boolean', short: 'h' }, period: { type: 'string' }, channel: { type: 'string' },
    'as-of': { type: 'string' }, json: { type: 'boolean' },
  }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values['help']) { io.out(HELP); return 0; }
  if (positionals.length > 0) return usageError(io, `unexpected argument '${positionals[0]}' (see --help)`);
  const periodText = values['period'];
  if (typeof periodText !== 'string') return usageError(io, 'report needs --period, e.g. --period 2026-Q2');
  const quarter = parseQuarter(periodText);
  if (!quarter.ok) return usageError(io, `--period: ${quarter.reason}`);
  let asOf: number | null = null;
  if (typeof values['as-of'] === 'string') {
    const day = parseIsoDate(values['as-of']);
    if (!day.ok) return usageError(io, `--as-of: ${day.reason}`);
    asOf = day.day;
  }

  const result = await loadProject(rootOf(io));
  if (!result.ok) {
    io.err(result.problems.map(formatProblem).join('\n'));
    return 1;
  }
  const { project } = result;
  const channel = typeof values['channel'] === 'string' ? values['channel'] : null;
  const known = project.index.channels;
  if (channel !== null && !known.includes(channel)) {
    return usageError(io, `--channel: no data for channel '${channel}'${hint(channel, known, 'channels')}`);
  }
  const engine = createEngine(project);
  const report = buildReport(project, engine, { quarter: quarter.period, channel, asOf });
  if (values['json']) {
    io.out(JSON.stringify(withMovedGoalposts(report, readHistory(rootOf(io), project, engine)), null, 2));
    return 0;
  }
  const units = new Map(engine.kpis.all().map((k) => [k.def.id, { unit: k.def.unit, label: k.def.label }]));
  io.out(renderText(report, project.site, units));
  return 0;
}

/** The report as plain text for a terminal, in the site's locale. */
export function renderText(report: ReportJson, site: SiteSettings, kpis: ReadonlyMap<string, { unit: Unit; label: string }>): string {
  const fmt: FormatOptions = site;
  const lines: string[] = [`${site.title}: report ${report.period}, as of ${report.as_of}`, ''];
  for (const scope of report.channels) {
    const rows = Object.entries(report.kpis[scope] ?? {}).filter(([, v]) => v.value !== null);
    lines.push(`${channelLabel(site, scope)}${rows.length === 0 ? ': no data' : ''}`);
    if (rows.length === 0) { lines.push(''); continue; }
    const table = rows.map(([id, v]) => {
      const k = kpis.get(id)!;
      return [k.label + (v.approximate ? ' (≈)' : ''), formatKpiValue(v.value, k.unit, fmt), formatChange(v.qoq, fmt), formatChange(v.yoy, fmt)];
    });
    lines.push(...alignColumns([['KPI', 'Value', 'QoQ', 'YoY'], ...table]).map((l) => `  ${l}`), '');
  }
  lines.push(`Goals (${report.goals.length})`);
  if (report.goals.length === 0) lines.push('  none overlaps this quarter');
  for (const goal of report.goals) lines.push(...goalLines(goal, fmt, kpis));
  return lines.join('\n');
}

function goalLines(goal: GoalJson, fmt: FormatOptions, kpis: ReadonlyMap<string, { unit: Unit; label: string }>): string[] {
  if (goal.type === 'okr') {
    const head = `  OKR ${goal.id}: ${goal.title}, score ${goal.score === null ? 'n/a' : goal.score.toFixed(2)}`
      + `${goal.band ? ` (${goal.band})` : ''}${goal.stretch ? ', stretch' : ''}`;
    return [head, ...goal.key_results.map((kr) => {
      const s = STATUS_LABELS[kr.status];
      const unit = kr.kpi ? kpis.get(kr.kpi)!.unit : 'count';
      const what = kr.manual ? (kr.title ?? kr.id) : `${kpis.get(kr.kpi!)!.label}`;
      return `      ${s.symbol} ${kr.id}: ${what} ${formatKpiValue(kr.actual, unit, fmt)} of ${formatKpiValue(kr.target, unit, fmt)}`
        + `, score ${kr.score === null ? 'n/a' : kr.score.toFixed(2)} (weight ${kr.weight})`;
    })];
  }
  const s = STATUS_LABELS[goal.status];
  const k = kpis.get(goal.kpi)!;
  const channel = typeof goal.channel === 'string' ? goal.channel : goal.channel.join(', ');
  return [
    `  ${s.symbol} ${s.label.padEnd(11)} ${goal.id}: ${goal.title}`,
    `      ${k.label} on ${channel}: ${formatKpiValue(goal.actual, k.unit, fmt)} of ${formatKpiValue(goal.target, k.unit, fmt)}`
      + ` (baseline ${formatKpiValue(goal.baseline, k.unit, fmt)}), progress ${formatShare(goal.progress, fmt)},`
      + ` expected ${formatShare(goal.expected, fmt)}, projection ${formatKpiValue(goal.projection, k.unit, fmt)}`,
  ];
}

function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}
