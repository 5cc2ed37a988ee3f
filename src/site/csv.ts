/**
 * A report's KPIs as CSV (RFC 4180): period, as-of, channel with its last day of data and
 * whether it stops early, KPI id and label, unit, value, QoQ and YoY changes (unrounded, empty
 * where not computable, never NaN), the coverage: the channels a figure is computed over,
 * those left out, and whether followers come from totals or net follows; and on every row
 * which figures they are: `figures` (`frozen` or `live`) and `version` (the frozen version,
 * empty for live figures). Written as csv-stringify does with `escape_formulas`: a text cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`;
 * numbers stay numbers (a QoQ of -0.12 is written -0.12). Then `computed_to`, the KPI's own
 * `data_to`: the day a rate is computed to where its inputs stop being whole (a month row of one
 * input goes on past the others), empty otherwise; `data_to` is the channel's last day. Last,
 * `gaps` (days no export of an input covers between two exports, as in the scorecard CSV),
 * `bound` (`upper`, `lower` or `unbounded` for an approximate value, empty for an exact one), the
 * previous quarter's and the year-ago quarter's partial days, and `currency`: the ISO 4217 code of
 * an amount of money (a frozen report's own, which may not be the site's of today), empty for others.
 */
import type { KpiMeta } from '../core/figures.ts';
import type { GapsJson, KpiJson, ReportJson, SmartGoalJson } from '../core/report.ts';
import type { FigureSource } from '../core/snapshot.ts';
import { figureBound } from '../format/bound.ts';
import type { QuarterPage } from './quarterPage.ts';

export type Cell = string | number | null | undefined;

/** A text cell a spreadsheet would run as a formula (ASCII and full-width `=`, `+`, `-`, `@`, tab, CR first). */
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A cell that must be quoted: a quote, the delimiter or a line break in it. */
const QUOTED = /[",\r\n]/;

/** One cell: empty for null, a number as JavaScript writes it, text with formulas neutralised and quoted where needed. */
function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const text = FORMULA.test(v) ? `'${v}` : v;
  return QUOTED.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 text (CRLF after every record), formulas in text cells neutralised: what csv-stringify
 * writes with `escape_formulas` (a property test holds the two equal), written here because the
 * library's general path allocated a sixth of a large build's memory for these few cell kinds.
 */
export function csvText(records: readonly (readonly Cell[])[]): string {
  let out = '';
  for (const record of records) out += `${record.map(csvCell).join(',')}\r\n`;
  return out;
}

/** The CSV text of a report's KPI table, from the figures `source` names. */
export function kpiCsv(report: ReportJson, kpis: ReadonlyMap<string, KpiMeta>, source: FigureSource, currency: string): string {
  const lines: Cell[][] = [
    [
      'period',
      'as_of',
      'channel',
      'data_to',
      'incomplete',
      'kpi',
      'label',
      'unit',
      'value',
      'qoq',
      'yoy',
      'qoq_channels_differ',
      'yoy_channels_differ',
      'qoq_to',
      'yoy_to',
      'to_date',
      'approximate',
      'computed_over',
      'left_out',
      'basis',
      'figures',
      'version',
      'inputs_to',
      'computed_to',
      'gaps',
      'bound',
      'qoq_partial',
      'yoy_partial',
      'currency',
      'counted_from',
    ],
  ];
  const version = source.kind === 'frozen' ? source.version : null;
  for (const scope of report.channels) {
    const dataTo = scope === 'all' ? report.as_of : (report.coverage[scope] ?? null);
    const scopeIncomplete = report.incomplete.includes(scope);
    for (const [id, v] of Object.entries(report.kpis[scope] ?? {})) {
      const def = kpis.get(id);
      // Also an all-channel figure that counts a channel whose data stop inside the quarter (red-team 15 #7).
      const incomplete = scopeIncomplete || (v.incomplete?.length ?? 0) > 0 ? 'true' : 'false';
      lines.push([
        report.period,
        report.as_of,
        scope,
        dataTo,
        incomplete,
        id,
        def?.label,
        def?.unit,
        v.value,
        v.qoq,
        v.yoy,
        v.qoq_channels_differ ? 'true' : 'false',
        v.yoy_channels_differ ? 'true' : 'false',
        v.qoq_to ?? '',
        v.yoy_to ?? '',
        v.to_date ? 'true' : 'false',
        v.approximate ? 'true' : 'false',
        v.channels?.join(' ') ?? scope,
        v.left_out?.join(' ') ?? '',
        v.basis ?? 'totals',
        source.kind,
        version,
        inputsToCell(v.inputs_to),
        v.data_to ?? '',
        gapsCell(v.gaps),
        figureBound(v) ?? '',
        partCell(v.qoq_partial),
        partCell(v.yoy_partial),
        def?.unit === 'money' ? currency : '',
        channelDaysCell(v.counted_from),
      ]);
    }
  }
  return csvText(lines);
}

/**
 * A cell's `qoq_partial`/`yoy_partial`: its days, then the days no export covers in them ("2025-10-01..2025-12-31
 * except 2025-10-20..2025-11-30"), each channel's own where it counts several ("except 2026-08-03..2026-08-12 on instagram").
 */
function partCell(part: KpiJson['qoq_partial']): string {
  if (!part) return '';
  const except = part.channel_gaps
    ? Object.entries(part.channel_gaps).flatMap(([c, list]) => list.map((g) => `except ${g.from}..${g.to} on ${c}`))
    : (part.gaps ?? []).map((g) => `except ${g.from}..${g.to}`);
  return [`${part.from}..${part.to}`, ...except].join(' ');
}

/** `gaps` in one cell: `linkedin clicks=2026-07-15..2026-07-28`, ranges of an input joined by `,`, channels by `; `. */
function gapsCell(gaps: GapsJson | undefined): string {
  if (!gaps) return '';
  return Object.keys(gaps)
    .sort()
    .map((channel) =>
      [
        channel,
        ...Object.entries(gaps[channel]!).map(
          ([input, ranges]) => `${input}=${ranges.map((r) => `${r.from}..${r.to}`).join(',')}`,
        ),
      ].join(' '),
    )
    .join('; ');
}

/** `counted_from` in one cell: `instagram=2026-09-01; linkedin=2026-08-15`, channels sorted. */
function channelDaysCell(days: Readonly<Record<string, string>> | undefined): string {
  if (!days) return '';
  return Object.keys(days)
    .sort()
    .map((channel) => `${channel}=${days[channel]}`)
    .join('; ');
}

/** `inputs_to` in one cell: `linkedin clicks=2026-09-10 impressions=2026-09-30`, channels joined by `; `. */
function inputsToCell(inputsTo: KpiJson['inputs_to']): string {
  if (!inputsTo) return '';
  return Object.keys(inputsTo)
    .sort()
    .map((channel) => [channel, ...Object.entries(inputsTo[channel]!).map(([input, day]) => `${input}=${day}`)].join(' '))
    .join('; ');
}

/** The CSV download of a quarter page: the figures the page shows, with their version. */
export function quarterCsv(page: QuarterPage): string {
  return kpiCsv(page.view.report, page.view.kpis, page.source, page.view.currency);
}

/**
 * The CSV text of a report's scorecard: one row per SMART goal, per OKR and per key result
 * (`type` smart, okr, key_result; a key result names its OKR in `goal`), with status (OKRs:
 * band), actual, target, progress, expected progress, projection and score, unrounded; and
 * which figures they are (`figures`, `version`), as in the KPI CSV. A goal or key result evaluated
 * before the report's as-of day (a channel or an input of its KPI ends early) gives that day in
 * `data_to`, the channels in `incomplete` and, where an input's export sets it, `inputs_to`. What
 * the target is set against follows: `baseline`, the previous period's figure (`previous`, SMART
 * goals) and, when that reference counts an input only to a day, `baseline_to` / `reference_to`.
 * Then how far the actual can be trusted: `gaps` (days between two exports of an input, per
 * channel and input, `linkedin clicks=2026-07-15..2026-07-28`), `actual_to` (a total decided on
 * every day with data to that day, past `data_to`), `cut_rows` (a month or quarter row cut by the
 * window is left out: actual, progress and status n/a), `provisional` (a level that builds up,
 * before the deadline) and `approximate` (the actual reads a reach summed from finer rows), each
 * `true`/`false`, empty on OKR rows; then `bound`, what the actual is to the true figure where it
 * is not exact (`upper`, `lower` or `unbounded`; empty otherwise, with `cut_rows` and on OKR rows);
 * then `previous_partial`, the days of the previous period every channel counted covers where one
 * covers it only in part (`2026-05-15..2026-06-30`), which `baseline` and `previous` are taken over
 * for a rate (a total's `previous` is partial; a reach has no implicit `baseline`); `met_so_far`
 * (`true`: on track, not achieved, its target met on data that end before the report's day);
 * `baseline_bound`, the bound the previous period's value is only (`upper`, `lower`), which makes it
 * no baseline (empty otherwise); `currency`, the ISO 4217 code of a row's amounts of money (a
 * frozen report's own, which may not be the site's of today), empty for other units; last
 * `counted_from`, where a change of followers is counted from a total a week old or more when the
 * period began, each channel with that total's day (`instagram=2026-09-01`), empty otherwise; then
 * what the pages mark beside the figure (red-team 32 #5): `left_out`, the channels of the goal's
 * selection its actual leaves out (no data for every input there), `basis` (`net_follows` where
 * followers come from follows, not totals), and `moved_goalpost` (`true` on the row of a goal or
 * OKR whose goalpost moved after its period began, `moved`; `false`; empty on key-result rows).
 */
export function scorecardCsv(
  report: ReportJson,
  kpis: ReadonlyMap<string, KpiMeta>,
  source: FigureSource,
  currency: string,
  moved: ReadonlySet<string> = new Set(),
): string {
  const lines: Cell[][] = [
    [
      'period',
      'as_of',
      'type',
      'goal',
      'key_result',
      'title',
      'kpi',
      'label',
      'unit',
      'channel',
      'deadline',
      'status',
      'band',
      'actual',
      'target',
      'progress',
      'expected',
      'projection',
      'score',
      'figures',
      'version',
      'data_to',
      'incomplete',
      'inputs_to',
      'baseline',
      'previous',
      'baseline_to',
      'reference_to',
      'gaps',
      'actual_to',
      'cut_rows',
      'provisional',
      'approximate',
      'bound',
      'previous_partial',
      'met_so_far',
      'baseline_bound',
      'currency',
      'counted_from',
      'left_out',
      'basis',
      'moved_goalpost',
    ],
  ];
  const version = source.kind === 'frozen' ? source.version : null;
  const channels = (c: string | readonly string[] | null) => (c === null ? null : typeof c === 'string' ? c : c.join(' '));
  type Ends = Pick<
    SmartGoalJson,
    | 'incomplete'
    | 'data_to'
    | 'inputs_to'
    | 'baseline_to'
    | 'reference_to'
    | 'gaps'
    | 'actual_to'
    | 'cut_rows'
    | 'provisional'
    | 'previous_partial'
    | 'met_so_far'
    | 'baseline_bound'
    | 'counted_from'
    | 'left_out'
    | 'basis'
  > & {
    baseline?: number | null;
    previous?: number | null;
    approximate?: true;
    bound?: 'upper' | 'lower' | 'unbounded';
  };
  const flag = (ends: Ends | undefined, value: true | undefined) => (ends === undefined ? null : value ? 'true' : 'false');
  const row = (cells: Cell[], ends?: Ends, scoreBound?: 'lower' | 'upper' | 'unbounded', goalMoved?: boolean) =>
    lines.push([
      report.period,
      report.as_of,
      ...cells,
      source.kind,
      version,
      ends?.data_to ?? null,
      ends?.incomplete?.join(' ') ?? null,
      inputsToCell(ends?.inputs_to),
      ends?.baseline ?? null,
      ends?.previous ?? null,
      ends?.baseline_to ?? null,
      ends?.reference_to ?? null,
      gapsCell(ends?.gaps),
      ends?.actual_to ?? null,
      flag(ends, ends?.cut_rows),
      flag(ends, ends?.provisional),
      flag(ends, ends?.approximate),
      // A row cut by the window leaves no bound; snapshots frozen before `bound` knew upper bounds only.
      ends === undefined ? (scoreBound ?? null) : ends.cut_rows ? '' : (ends.bound ?? figureBound(ends) ?? ''),
      // The days of the previous period every channel counted covers, where one covers it in part (red-team 9 #4),
      // then the days no export covers in them (red-team 12 #2).
      ends?.previous_partial ? partCell(ends.previous_partial) : null,
      // On track, not achieved: the target met on data that end before the report's day (red-team 11 #8).
      flag(ends, ends?.met_so_far),
      // No baseline: the previous period's value only this bound of the true figure.
      ends?.baseline_bound ?? null,
      // The currency of a row in money (its `unit`, the seventh of its own cells).
      cells[6] === 'money' ? currency : null,
      // A change of followers counted from a total a week old or more when the period began (red-team 27 #3).
      ends === undefined ? null : channelDaysCell(ends.counted_from),
      ends?.left_out?.join(' ') ?? null,
      ends?.basis ?? null,
      goalMoved === undefined ? null : String(goalMoved),
    ]);
  for (const g of report.goals) {
    if (g.type === 'smart') {
      row(
        [
          'smart',
          g.id,
          null,
          g.title,
          g.kpi,
          kpis.get(g.kpi)?.label,
          kpis.get(g.kpi)?.unit,
          channels(g.channel),
          g.deadline,
          g.status,
          null,
          g.actual,
          g.target,
          g.progress,
          g.expected,
          g.projection,
          null,
        ],
        g,
        undefined,
        moved.has(g.id),
      );
      continue;
    }
    // An objective's score with undecided key results, or key results on a bound, is a bound: said in the bound column.
    row(
      ['okr', g.id, null, g.title, null, null, null, null, g.deadline, null, g.band, null, null, null, null, null, g.score],
      undefined,
      g.score_bound,
      moved.has(g.id),
    );
    for (const kr of g.key_results) {
      const meta = kr.kpi ? kpis.get(kr.kpi) : undefined;
      row(
        [
          'key_result',
          g.id,
          kr.id,
          kr.title ?? meta?.label ?? kr.id,
          kr.kpi,
          meta?.label,
          meta?.unit,
          channels(kr.channel),
          g.deadline,
          kr.status,
          null,
          kr.actual,
          kr.target,
          kr.progress,
          kr.expected,
          kr.projection,
          kr.score,
        ],
        kr,
      );
    }
  }
  return csvText(lines);
}

/** The scorecard download of a quarter page; `moved`: the goals whose goalpost moved (the pages' markers). */
export function quarterScorecardCsv(page: QuarterPage, moved: ReadonlySet<string> = new Set()): string {
  return scorecardCsv(page.view.report, page.view.kpis, page.source, page.view.currency, moved);
}
