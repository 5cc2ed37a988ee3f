import type { Direction, Unit } from '../core/catalogue.ts';
import { asksNoChange } from '../core/evaluate.ts';
import { formatDay, parseIsoDate } from '../core/dates.ts';
import { parseQuarter } from '../core/periods.ts';
import { type ChannelNames, channelLabel, createEngine, type Project, type SiteSettings } from '../core/project.ts';
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { GoalJson, KeyResultJson, KpiJson, PartJson, ReportJson, SmartGoalJson } from '../core/report.ts';
import { isPartial, isRateFormula } from '../core/comparable.ts';
import { partialComparison, wholeQuarter } from '../format/changes.ts';
import {
  chooseVersion,
  type FigureRequest,
  type FigureSource,
  frozenSource,
  restatements,
  snapshotCurrency,
  sourceLabel,
} from '../core/snapshot.ts';
import { computeQuarter, kpiMetas } from '../core/figures.ts';
import {
  type FormatOptions,
  formatChange,
  formatKpiValue,
  formatKpiValues,
  formatScore,
  formatShare,
  STATUS_LABELS,
  withCurrency,
} from '../format/numbers.ts';
import { numberFormat } from '../format/intl.ts';
import { escapeControl as esc, problemLine } from './terminal.ts';
import { loadProject } from '../load/project.ts';
import { hint } from '../load/suggest.ts';
import { readHistory, type SiteHistory, withMovedGoalposts } from '../site/history.ts';
import { movedMark } from '../review/describe.ts';
import { channelEnds, coverageNote, goalCoverageNote, incompleteChannels } from '../format/coverage.ts';
import { gapsNote } from '../format/gaps.ts';
import { countedFromNote } from '../format/countedFrom.ts';
import { inputsNote } from '../format/inputs.ts';
import { type Io, parseOptions, rootOf, usageError } from './io.ts';
import { countOf } from '../format/text.ts';
import { formatProgress, progressBound } from '../format/progress.ts';
import { figureBound } from '../format/bound.ts';
import { keyResultScoreBound } from '../format/score.ts';
import { keyResultNoteKinds } from '../site/okrView.ts';
import { en } from '../translations/en.ts';

const HELP = `Usage: npm run goalpost -- report --period 2026-Q2 [--channel <id>] [--as-of 2026-05-31] [--frozen | --version <k> | --live] [--json]

The quarter's KPIs (with change vs the previous quarter and a year before) and every goal
whose period overlaps the quarter, as of the quarter's last day with data (its own last day once
later data exist), or --as-of.
A frozen quarter shows its newest frozen version, as the site does; the output says which
figures it shows ("figures": "frozen" with "version", or "live" with "version": null).

Options:
  --period <yyyy-Qn>   the quarter (required)
  --channel <id>       only this channel's KPIs and the goals that touch it
  --as-of <date>       evaluate today's data as of this day (YYYY-MM-DD); implies --live
  --frozen             the newest frozen version (an error if the quarter was never frozen)
  --version <k>        frozen version k (an error if there is none)
  --live               today's computation from the current goals and data
  --json               print the report as JSON (unrounded numbers)`;

/** `goalpost report`: a quarter's KPIs and goals, as text or JSON. */
export async function runReport(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(
    args,
    {
      help: { type: 'boolean', short: 'h' },
      period: { type: 'string' },
      channel: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      frozen: { type: 'boolean' },
      version: { type: 'string' },
      live: { type: 'boolean' },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values['help']) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length > 0) return usageError(io, `unexpected argument '${positionals[0]}' (see --help)`);
  const periodText = values['period'];
  if (typeof periodText !== 'string') return usageError(io, 'report needs --period, e.g. --period 2026-Q2');
  const quarter = parseQuarter(periodText);
  if (!quarter.ok) return usageError(io, `--period: ${quarter.reason}`);
  let asOf: number | null = null;
  if (typeof values['as-of'] === 'string') {
    const day = parseIsoDate(values['as-of']);
    if (!day.ok) return usageError(io, `--as-of: ${day.reason}`);
    if (day.day < quarter.period.start) {
      return usageError(
        io,
        `--as-of ${values['as-of']} is before ${quarter.period.label} starts (${formatDay(quarter.period.start)}): ` +
          'a quarter is reported as of a day inside it or after it; to see goals before their period, run validate',
      );
    }
    asOf = day.day;
  }

  const request = figureRequest(values);
  if (typeof request === 'string') return usageError(io, request);

  const result = await loadProject(rootOf(io));
  if (!result.ok) {
    io.err(result.problems.map(problemLine).join('\n'));
    return 1;
  }
  const { project } = result;
  // `all` is a channel of the report (every channel): the full report.
  const channel = typeof values['channel'] === 'string' && values['channel'] !== 'all' ? values['channel'] : null;
  const label = quarter.period.label;
  const versions = project.reports.filter((r) => r.snapshot.quarter === label);
  const choice = chooseVersion(versions, label, asOf === null ? request : { kind: 'live' });
  if (!choice.ok) return usageError(io, choice.reason);
  const scope = channel ?? 'all';
  // A channel added after the freeze is live by default (as its page is); asked for explicitly, it is an error.
  const frozen = choice.chosen?.snapshot.figures[scope] ? choice.chosen : null;
  if (choice.chosen && !frozen && request.kind !== 'default') {
    return usageError(io, `--channel: version ${choice.chosen.snapshot.version} of ${label} has no channel '${channel}'`);
  }
  const known = project.index.channels;
  if (channel !== null && !frozen && !known.includes(channel)) {
    return usageError(io, `--channel: no data for channel '${channel}'${hint(channel, known, 'channels')}`);
  }
  if (frozen === null && asOf === null) {
    const last = project.index.lastDay(quarter.period.end, channel ? [channel] : undefined);
    if (last === null || last < quarter.period.start) {
      // The channel's own range (red-team 31 #7): the root's says nothing of where its data stop.
      const range = project.index.dataRange(channel ? [channel] : undefined);
      io.err(
        `${label} has no data${channel ? ` for ${channel}` : ''}: ` +
          `${range === null ? 'there is no data yet' : `${channel ? `${channel}'s` : 'the'} data runs from ${formatDay(range.first)} to ${formatDay(range.last)}`}; ` +
          `${range !== null && channel ? 'pick a quarter in that range, or ' : ''}pass --as-of <date> to evaluate its goals on a given day`,
      );
      return 1;
    }
  }
  const engine = createEngine(project);
  const history = () => readHistory(rootOf(io), project, engine);
  const live =
    frozen === null || !values['json']
      ? computeQuarter(project, engine, { quarter: quarter.period, channel, asOf }).report
      : null;
  const report = frozen ? frozen.snapshot.figures[scope]!.report : live!;
  const source: FigureSource = frozen ? frozenSource(frozen.snapshot) : { kind: 'live' };
  // A frozen report's amounts are in the currency it was frozen in, which may not be the site's of today.
  const currency = frozen ? snapshotCurrency(frozen.snapshot, project.site) : project.site.currency;
  if (values['json']) {
    const version = source.kind === 'frozen' ? source.version : null;
    const frozenAt = source.kind === 'frozen' ? source.frozenAt : null;
    const { period, as_of, ...rest } = withMovedGoalposts(report, history());
    const partial = isPartial(report);
    // Frozen in another currency than the site's of today: which one the site now uses (rt15 #11).
    const now = currency === project.site.currency ? {} : { currency_now: project.site.currency };
    io.out(
      JSON.stringify(
        { period, figures: source.kind, version, frozen_at: frozenAt, as_of, partial, currency, ...now, ...rest },
        null,
        2,
      ),
    );
    return 0;
  }
  // KPI labels and units as frozen, then those defined since.
  const metas = [...kpiMetas(engine), ...(frozen?.snapshot.kpis ?? [])];
  const units = new Map(
    metas.map((k) => [
      k.id,
      { unit: k.unit, label: k.label, good: k.good, grows_with_window: k.grows_with_window, rate: isRateFormula(k.formula) },
    ]),
  );
  const currencies = { frozen: currency, now: project.site.currency };
  const restated = frozen && live ? restatements(frozen.snapshot.figures[scope]!, { report: live }, metas, currencies).length : 0;
  const moved = movedMarks(history(), project, engine);
  io.out(
    renderText(report, withCurrency(project.site, currency), units, {
      source,
      newest: versions.at(-1)?.snapshot.version ?? null,
      restated,
      ...(frozen && currency !== project.site.currency ? { currencyNow: project.site.currency } : {}),
      moved,
    }),
  );
  return 0;
}

/** Each goal whose goalpost moved, by id, with its short mark (`movedMark`); none without a history. */
function movedMarks(history: SiteHistory, project: Project, engine: KpiEngine): Map<string, string> {
  const marks = new Map<string, string>();
  if (!history.available) return marks;
  const ctx = { engine, format: project.site, goals: new Map<string, Goal>() };
  for (const goal of project.goals) {
    const moved = history.moved.get(goal.id);
    if (moved) marks.set(goal.id, movedMark(ctx, goal, moved.original, moved.moves));
  }
  return marks;
}

/** The figures the options ask for, or a usage problem. */
function figureRequest(values: Record<string, string | boolean | undefined>): FigureRequest | string {
  const asked = [
    values['live'] && '--live',
    values['frozen'] && '--frozen',
    values['version'] !== undefined && '--version',
  ].filter(Boolean);
  if (asked.length > 1) return `--live, --frozen and --version exclude each other (${asked.join(', ')} given)`;
  if (values['as-of'] !== undefined && (values['frozen'] || values['version'] !== undefined)) {
    return "--as-of computes today's figures as of a day: it cannot be combined with --frozen or --version";
  }
  if (values['live']) return { kind: 'live' };
  if (values['frozen']) return { kind: 'frozen' };
  const text = values['version'];
  if (typeof text === 'string') {
    const version = /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
    return version === null ? `--version: '${text}' is not a version number (1, 2…)` : { kind: 'version', version };
  }
  return { kind: 'default' };
}

/** Which figures a text report shows, and how they stand against today's. */
export interface TextSource {
  readonly source: FigureSource;
  /** The quarter's newest frozen version, if any (named when live figures are shown for a frozen quarter). */
  readonly newest: number | null;
  /** How many figures today's goals and data change (for frozen figures). */
  readonly restated: number;
  /** Frozen figures in another currency than the site's of today (the `site` given): the site's currency now. */
  readonly currencyNow?: string;
  /** Goals whose goalpost moved after their period began, by id: a short mark of the latest move (`movedMark`). */
  readonly moved?: ReadonlyMap<string, string>;
}

/**
 * The settings the text report formats numbers with: the site's locale (decimal commas in French),
 * and in another language than English its English "n/a", as the report's words are English
 * (red-team 12 #14: "n.d." beside "not comparable").
 */
function textSite(site: SiteSettings): SiteSettings {
  return isEnglish(site) ? site : { ...site, strings: { 'values.notAvailable': en.values.notAvailable } };
}

/** The settings the text report's marks ("Facebook only", "Code uses only to …") are written with: English words, as the rest of the report. */
function englishWords(site: SiteSettings): SiteSettings {
  return isEnglish(site) ? site : { ...site, locale: 'en-US', strings: {} };
}

const isEnglish = (site: SiteSettings) => /^en(-|$)/i.test(site.locale);

/** What the text report needs of a KPI: its unit and label, which way is good, whether it is a total or a rate. */
export interface TextKpi {
  readonly unit: Unit;
  readonly label: string;
  readonly good?: Direction;
  readonly grows_with_window?: boolean;
  readonly rate?: boolean;
}

/**
 * A part's days no export covers (`gaps`), ranges written `from<to>to`; over several channels, each
 * channel's own (`channel_gaps`), by `name`: "2026-08-03 to 2026-08-12 on instagram, 2026-09-07 to 2026-09-16 on linkedin".
 */
function partGaps(part: PartJson, to: string, name: (channel: string) => string = (c) => c): string {
  const days = (list: ReadonlyArray<{ from: string; to: string }>) =>
    list.map((g) => `${esc(g.from)}${to}${esc(g.to)}`).join(', ');
  if (!part.channel_gaps) return days(part.gaps ?? []);
  return Object.entries(part.channel_gaps)
    .map(([channel, list]) => `${days(list)} on ${esc(name(channel))}`)
    .join(', ');
}

/** A rate's change against a quarter computed over other channels (the CLI stays English). */
const NOT_COMPARABLE = 'not comparable: channels differ';

/**
 * A change in the KPI table: a rate over other channels is not comparable, a total's change is
 * marked (and n/a for its own reason: red-team 26 #9), a rate compared with the earlier quarter
 * only to a day (`qoq_to`, `yoy_to`) says it, and an earlier quarter a channel covers only in part
 * (`qoq_partial`, `yoy_partial`) says its days, or the days no export covers in it (their `gaps`).
 * `rate`: whether the KPI is a rate (`isRateFormula`; taken to be one when not known).
 */
function changeCell(
  change: number | null,
  channelsDiffer: true | undefined,
  to: string | undefined,
  fmt: FormatOptions & Partial<ChannelNames>,
  partial?: PartJson,
  rate = true,
): string {
  if (channelsDiffer && rate && change === null) return NOT_COMPARABLE;
  // The KPI table's sections are headed by the channels' labels: its days are said by them too (red-team 30 #8).
  const name = (c: string) => channelLabel(fmt, c);
  // Days no export covers in the earlier quarter (red-team 12 #2): as a part, said by those days; in part of one, with its days (rt30 #3).
  if (partial?.gaps && wholeQuarter(partial)) {
    const gaps = partGaps(partial, ' – ', name);
    return change === null
      ? `n/a: earlier quarter has days no export covers (${gaps})`
      : `${formatChange(change, fmt)} (earlier quarter without ${gaps}, days no export covers)`;
  }
  // An earlier quarter a channel covers only in part (red-team 7 #8): a total has no change, a rate is taken over its days.
  if (partial) {
    const except = partial.gaps?.length ? ` except ${partGaps(partial, ' – ', name)}` : '';
    const days = `${esc(partial.from)} – ${esc(partial.to)}${except}`;
    return change === null
      ? `n/a: earlier quarter covered only ${days}`
      : `${formatChange(change, fmt)} (earlier quarter over ${days})`;
  }
  const text = `${formatChange(change, fmt)}${channelsDiffer ? ' (other channels)' : ''}`;
  return to === undefined || change === null ? text : `${text} (earlier quarter to ${esc(to)})`;
}

/** The channels an all-channel figure counts whose data stop inside the quarter, each with its last day; undefined when none. */
function incompleteNote(cell: KpiJson, site: SiteSettings): string | undefined {
  if (!cell.incomplete || cell.incomplete.length === 0) return undefined;
  const to = cell.incomplete_to ?? {};
  const each = cell.incomplete.map((c) => `${channelLabel(site, c)}${Object.hasOwn(to, c) ? ` to ${to[c]}` : ''}`);
  return `incomplete: ${each.join(', ')}`;
}

/** The report as plain text for a terminal, in the site's locale, saying which figures it shows. */
export function renderText(
  report: ReportJson,
  site: SiteSettings,
  kpis: ReadonlyMap<string, TextKpi>,
  from: TextSource = { source: { kind: 'live' }, newest: null, restated: 0 },
): string {
  site = textSite(site);
  const fmt: FormatOptions = site;
  const which =
    from.source.kind === 'frozen'
      ? sourceLabel(from.source)
      : from.newest === null
        ? 'live'
        : `live (today's data; the published report is frozen v${from.newest})`;
  const lines: string[] = [`${esc(site.title)}: report ${report.period}, as of ${report.as_of}, ${which}`];
  for (const c of incompleteChannels(report, site)) {
    lines.push(`Incomplete: ${esc(c.label)} has data only to ${c.lastDay}`);
  }
  const partial = partialComparison(report);
  if (partial) {
    // Channels that end on different days are each said with their own day (red-team 9 #10).
    const ends =
      partial.apart &&
      [
        ...partial.apart.early.map((e) => `${e.channels.map((c) => channelLabel(site, c)).join(', ')} to ${e.day}`),
        `other channels to ${partial.apart.othersTo}`,
      ].join('; ');
    lines.push(
      // Before the as-of day: a channel's data stop there (red-team 6 #8), so the quarter is known only in part.
      `Partial quarter: QoQ and YoY compare ${partial.quarter} ${partial.asOf === report.as_of ? 'to date' : 'in part'} (${ends ? esc(ends) : `to ${partial.asOf}`}) against the whole of ${partial.previous} and the whole of ${partial.yearAgo}${partial.asOf === report.as_of ? '' : ', except for totals that count a channel stopped early, which have none'}`,
    );
  }
  if (from.source.kind === 'frozen' && from.currencyNow !== undefined && from.currencyNow !== site.currency) {
    // The page's notice, in the report's English (rt15 #11).
    lines.push(
      `Currency: its amounts are in ${esc(site.currency)}, the site's currency when it was frozen; the site now uses ${esc(from.currencyNow)}`,
    );
  }
  if (from.source.kind === 'frozen' && from.restated > 0) {
    lines.push(`Restated: today's goals and data change ${countOf(from.restated, 'figure')} (--live shows them)`);
  }
  lines.push('');
  for (const scope of report.channels) {
    const rows = Object.entries(report.kpis[scope] ?? {}).filter(([, v]) => v.value !== null);
    // A channel whose data stop inside the quarter is marked at its section (red-team 15 #7).
    const last = report.incomplete.includes(scope) ? report.coverage[scope] : null;
    lines.push(
      `${esc(channelLabel(site, scope))}${last ? ` [incomplete: data only to ${esc(last)}]` : ''}${rows.length === 0 ? ': no data' : ''}`,
    );
    if (rows.length === 0) {
      lines.push('');
      continue;
    }
    const table = rows.map(([id, v]) => {
      const k = kpis.get(id)!;
      const notes = [
        coverageNote(v, englishWords(site))?.short,
        inputsNote(v, englishWords(site))?.short,
        gapsNote(v.gaps, englishWords(site))?.short,
        countedFromNote(v.counted_from, englishWords(site))?.short,
        v.basis === 'net_follows' ? 'net follows' : undefined,
        // An all-channel figure that counts a channel whose data stop inside the quarter says which (red-team 15 #7).
        scope === 'all' ? incompleteNote(v, site) : undefined,
      ].filter(Boolean);
      const bound = figureBound(v);
      return [
        esc(k.label) + (bound ? KPI_BOUND_WORDS[bound] : '') + (notes.length > 0 ? ` [${esc(notes.join(', '))}]` : ''),
        formatKpiValue(v.value, k.unit, fmt),
        changeCell(v.qoq, v.qoq_channels_differ, v.qoq_to, fmt, v.qoq_partial, k.rate),
        changeCell(v.yoy, v.yoy_channels_differ, v.yoy_to, fmt, v.yoy_partial, k.rate),
      ];
    });
    lines.push(...alignColumns([['KPI', 'Value', 'QoQ', 'YoY'], ...table]).map((l) => `  ${l}`), '');
  }
  lines.push(`Goals (${report.goals.length})`);
  if (report.goals.length === 0) lines.push('  none overlaps this quarter');
  for (const goal of report.goals) {
    lines.push(...goalLines(goal, site, kpis));
    const mark = from.moved?.get(goal.id);
    if (mark !== undefined) lines.push(`      ⚠ Goalpost moved: ${esc(mark)}`);
  }
  return lines.join('\n');
}

/** A score's bound before it, as the text report writes it (`≥ 0.17`, `≤ 0.80`, `≈ 0.52`). */
const SCORE_BOUND_MARKS = { exact: '', lower: '≥ ', upper: '≤ ', unbounded: '≈ ' } as const;

function goalLines(goal: GoalJson, site: SiteSettings, kpis: ReadonlyMap<string, TextKpi>): string[] {
  const fmt: FormatOptions = site;
  if (goal.type === 'okr') {
    const notStarted = goal.elapsed === 0 && goal.score === null;
    // A score with undecided key results is a lower bound, one with key results on a bound a bound too;
    // its band only where they cannot change it.
    const bound = goal.score_bound;
    const head =
      `  OKR ${esc(goal.id)}: ${esc(goal.title)}, ${notStarted ? 'not started' : `score ${goal.score === null ? 'n/a' : `${SCORE_BOUND_MARKS[bound ?? 'exact']}${formatScore(goal.score, fmt)}`}`}` +
      `${goal.band ? ` (${goal.band})` : bound ? ' (band undecided)' : ''}${goal.stretch ? ', stretch' : ''}` +
      (goal.undecided ? `, at least: the undecided ${esc(goal.undecided.join(', '))} count 0` : '') +
      (goal.without_data ? `, at least: the ${esc(goal.without_data.join(', '))} without data count 0` : '') +
      (goal.bounded ? `, approximate: key results ${esc(goal.bounded.join(', '))} counted at a bound of their score` : '');
    return [
      head,
      ...goal.key_results.map((kr) => {
        const s = STATUS_LABELS[kr.status];
        const unit = kr.kpi ? kpis.get(kr.kpi)!.unit : 'count';
        const what = esc(kr.manual ? (kr.title ?? kr.id) : kpis.get(kr.kpi!)!.label);
        const bound = figureBound(kr);
        const [actual, target, baseline] = formatKpiValues([kr.actual, kr.target, kr.baseline], unit, fmt);
        return (
          `      ${s.symbol} ${esc(kr.id)}: ${what} ${bound ? '≈' : ''}${actual}${bound ? BOUND_WORDS[bound] : ''}` +
          ` of ${target}` +
          `, score ${kr.score === null ? 'n/a' : `${SCORE_BOUND_MARKS[keyResultScoreBound(kr)]}${formatScore(kr.score, fmt)}`} (weight ${numberFormat(fmt.locale, { maximumFractionDigits: 2 }).format(kr.weight)})` +
          (kr.baseline_to ||
          kr.reference_to ||
          kr.previous_left_out ||
          kr.baseline_left_out ||
          kr.previous_partial ||
          kr.baseline_bound
            ? `, baseline ${baseline}${referenceNote(kr, kr.kpi ? kpis.get(kr.kpi)!.grows_with_window : false)}`
            : '') +
          keyResultWords(kr, kr.kpi ? kpis.get(kr.kpi)!.good : undefined, goal.deadline) +
          marks(kr, site)
        );
      }),
    ];
  }
  const s = STATUS_LABELS[goal.status];
  const k = kpis.get(goal.kpi)!;
  // Ids, as written in the goals; a channel no setting names today (renamed since a freeze) with the label it had.
  const former = (c: string) => (site.formerChannels?.[c] ? `${c} (${site.formerChannels[c]})` : c);
  const channel = esc((typeof goal.channel === 'string' ? [goal.channel] : goal.channel).map(former).join(', '));
  // A figure that left out a row straddling its window is no bound; snapshots before `bound` knew upper bounds only.
  const bound = goal.cut_rows === true ? null : (goal.bound ?? (goal.approximate === true ? 'upper' : null));
  const [actual, target, baseline, projection] = formatKpiValues(
    [goal.actual, goal.target, goal.baseline, goal.projection],
    k.unit,
    fmt,
  );
  return [
    `  ${s.symbol} ${s.label.padEnd(11)} ${esc(goal.id)}: ${esc(goal.title)}`,
    `      ${esc(k.label)} on ${channel}: ${goal.approximate && bound ? '≈' : ''}${actual}` +
      `${bound ? BOUND_WORDS[bound] : ''} of ${target}` +
      ` (baseline ${baseline}${referenceNote(goal, k.grows_with_window)}), progress ${formatProgress(goal.progress, progressBound(goal), fmt)},` +
      ` expected ${formatShare(goal.expected, fmt)}, projection ${projection}` +
      (goal.basis === 'net_follows' ? ', from net follows' : '') +
      (asksNoChange(goal.mode, k.good ?? 'up', goal.baseline, goal.target) ? noChangeWords(k.good) : '') +
      (goal.cut_rows ? CUT_ROWS_WORDS : bound && goal.status === 'undecided' && !goal.ends_early ? UNDECIDED_WORDS[bound] : '') +
      marks(goal, site, goal.mode === 'level') +
      endsEarlyWords(goal, goal.deadline) +
      (goal.met_so_far ? MET_SO_FAR_WORDS : ''),
  ];
}

/** A SMART goal's words for a target equal to its baseline and a window cutting a reach row. */
function noChangeWords(good: Direction | undefined): string {
  return `, the target equals the baseline: it asks for no change (${good === 'down' ? 'at or below' : 'at or above'} it is achieved)`;
}
/** How a KPI value that is no exact figure is marked beside its label (`figureBound`). */
const KPI_BOUND_WORDS = {
  upper: ' (≈ upper bound)',
  lower: ' (≈ lower bound)',
  unbounded: ' (≈ neither exact nor a bound)',
} as const;
/** How an actual that is no exact figure is marked beside it, and why its status is undecided. */
const BOUND_WORDS = { upper: ' (upper bound)', lower: ' (lower bound)', unbounded: ' (neither exact nor a bound)' } as const;
const UNDECIDED_WORDS = {
  upper: ', undecided: the actual is only an upper bound',
  lower:
    ', undecided: the actual is only a lower bound (days no export covers, a month or quarter row the period covers in part, or a reach summed from finer rows)',
  unbounded: ', undecided: the actual is neither exact nor a bound',
} as const;
const CUT_ROWS_WORDS =
  ', n/a: a month or quarter row straddles the goal’s window and is left out, so the actual is neither exact nor an upper bound';

/** Why a goal or key result met on data that end early is on track, not achieved (`met_so_far`). */
const MET_SO_FAR_WORDS =
  ", on track, not achieved: met on its data so far, which end before the report's day (achieved once they reach it; undecided from the deadline on if they still end before it)";

/** Why a goal or key result whose data end before its deadline is undecided (`ends_early`: the deadline past, or a count carried from before the period); empty otherwise. */
function endsEarlyWords(g: Pick<KeyResultJson, 'status' | 'ends_early'>, deadline: string): string {
  return g.ends_early && g.status === 'undecided'
    ? `, undecided: its data end before the deadline (${esc(deadline)}), so what the period holds is not known`
    : '';
}

/** A key result's line gets the SMART goal's words (no change, cut rows, undecided), by the pages' rule (`keyResultNoteKinds`). */
function keyResultWords(kr: KeyResultJson, good: Direction | undefined, deadline: string): string {
  return keyResultNoteKinds(kr, good)
    .map((kind) =>
      kind === 'no-change'
        ? noChangeWords(good)
        : kind === 'cut-rows'
          ? CUT_ROWS_WORDS
          : kind === 'ends-early'
            ? endsEarlyWords(kr, deadline)
            : kind === 'met-so-far'
              ? MET_SO_FAR_WORDS
              : UNDECIDED_WORDS[kr.bound as keyof typeof UNDECIDED_WORDS],
    )
    .join('');
}

/** An implicit baseline's bound (`baseline_bound`), in words. */
const BASELINE_BOUND_WORDS = { upper: 'an upper bound', lower: 'a lower bound', unbounded: 'an estimate with no bound' } as const;

/**
 * Where a baseline or a relative target's reference stops short of the previous period's end
 * (`baseline_to`, `reference_to`): the day, and why; the days of the previous period every
 * channel covers where one covers it in part (`previous_partial`: a rate's baseline over them, no
 * baseline for a figure that `grows` with its days, a partial previous total); and the channels
 * it leaves out (`baseline_left_out`, `previous_left_out`), and a rate's baseline over other channels
 * than the actual (`baseline_channels_differ`); empty when none applies.
 */
function referenceNote(
  g: Pick<
    SmartGoalJson,
    | 'baseline'
    | 'baseline_to'
    | 'reference_to'
    | 'baseline_left_out'
    | 'baseline_channels_differ'
    | 'previous_left_out'
    | 'previous_partial'
    | 'baseline_bound'
  >,
  grows: boolean | undefined,
): string {
  const partial = g.previous_partial;
  // Days no export covers inside them (a hole, a gap between exports) are said as the KPI table says them (red-team 12 #2).
  const days = partial
    ? `${esc(partial.from)} to ${esc(partial.to)}` + (partial.gaps?.length ? ` except ${partGaps(partial, ' to ')}` : '')
    : '';
  const parts = [
    g.baseline_bound && g.baseline === null
      ? `: none, as the previous period's value is only ${BASELINE_BOUND_WORDS[g.baseline_bound]} of the true figure ` +
        '(summed from rows shorter than the period), which would decide the goal on a guess'
      : '',
    partial && g.baseline === null
      ? `: none, as a channel's data cover only ${days} of the previous period, and part of a period is no baseline for a figure that grows with its days`
      : '',
    partial && g.baseline !== null && grows
      ? `; the previous total is partial: a channel's data cover only ${days} of the previous period`
      : '',
    partial && g.baseline !== null && !grows
      ? `, over the previous period only from ${days}, ${partial?.channel_gaps ? 'each channel over the days it covers' : 'the days every channel covers'}` +
        (g.baseline_to ? ` (to ${esc(g.baseline_to)}, the last day every input is whole)` : '')
      : '',
    g.baseline_to && !partial ? `, over the previous period only to ${esc(g.baseline_to)}, where an input's export ends` : '',
    !g.baseline_to && g.reference_to && g.reference_to !== partial?.to
      ? `; the previous total counts an input only to ${esc(g.reference_to)}, where its export ends`
      : '',
    g.baseline_left_out
      ? `, without ${esc(g.baseline_left_out.join(', '))} (no data ${g.baseline_to ? 'by then' : 'in the previous period'})`
      : '',
    // A rate's baseline over other channels than the actual: no comparison, no progress (rt15 #4).
    g.baseline_channels_differ ? '; not comparable: channels differ, so no progress' : '',
    g.previous_left_out
      ? `; the reference leaves out ${esc(g.previous_left_out.join(', '))} (data in the previous period, none in this one)`
      : '',
  ];
  return parts.join('');
}

/**
 * The channels left out of a goal's or key result's actual, the day it is evaluated as of when a
 * channel's data ends early, and the input that stops first when its inputs end apart. `level`:
 * a SMART goal's mode is level (a count decided at the deadline is read there, with no pace).
 */
function marks(
  g: Pick<
    SmartGoalJson,
    | 'actual'
    | 'left_out'
    | 'incomplete'
    | 'data_to'
    | 'incomplete_to'
    | 'actual_to'
    | 'inputs_to'
    | 'gaps'
    | 'counted_from'
    | 'provisional'
  >,
  site: SiteSettings,
  level = false,
): string {
  const gaps = gapsNote(g.gaps, englishWords(site))?.short;
  const countedFrom = countedFromNote(g.counted_from, englishWords(site))?.short;
  const coverage = goalCoverageNote(g.left_out, englishWords(site));
  const inputs = inputsNote({ value: g.actual, inputs_to: g.inputs_to }, englishWords(site))?.short;
  let ends = '';
  if (g.incomplete && g.incomplete.length > 0 && g.data_to) {
    // A channel in `inputs_to` stops early because an input's export does: the input says why.
    const stopped = g.incomplete.filter((c) => !g.inputs_to || !Object.hasOwn(g.inputs_to, c));
    // Each channel is named with its own last day: only those that end on `data_to` end "there" (red-team 9 #9).
    const byDay = channelEnds(stopped, g.data_to, g.incomplete_to);
    const names = (cs: readonly string[]) => cs.map((c) => channelLabel(site, c)).join(', ');
    const there = byDay.filter((x) => x.day === g.data_to).map((x) => `the data from ${names(x.channels)} ends there`);
    const later = byDay.filter((x) => x.day !== g.data_to).map((x) => `the data from ${names(x.channels)} ends on ${x.day}`);
    const why = [...there, ...(inputs ? [inputs] : []), ...later];
    const because = why.length > 0 ? ` (${esc(why.join('; '))})` : '';
    // A total that already decides the goal counts every day with data; its pace stays as of `data_to`.
    // A count decided at the deadline is read there, on the channels with data then (red-team 25 #7).
    ends = !g.actual_to
      ? `, as of ${esc(g.data_to)}${because}`
      : level
        ? `, counted on ${esc(g.actual_to)} over the channels with data then, which already decides it${because}`
        : `, on every day with data to ${esc(g.actual_to)}, which already decides it; pace as of ${esc(g.data_to)}${because}`;
  }
  const provisional = g.provisional ? ', provisional until the deadline (its value so far against a whole period)' : '';
  return (
    (coverage ? `, ${esc(coverage)}` : '') +
    ends +
    (inputs && !ends ? `, ${esc(inputs)}` : '') +
    (gaps ? `, ${esc(gaps)}` : '') +
    (countedFrom ? `, ${esc(countedFrom)}` : '') +
    provisional
  );
}

function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}
