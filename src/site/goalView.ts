/**
 * What a goal page shows: the goal's figures in each quarter report it spans (the same
 * figures as that report: frozen for a frozen quarter, labelled, with what today's data
 * would restate), its status in the latest of them, its definition in plain words (SMART),
 * progress charts, and any moved goalpost with the status against the original definition.
 * Pure over the project, engine and history.
 */
import { reasonText } from '../review/moved.ts';
import { type ChartModel, goalProgressChart, withNotes } from '../charts/specs.ts';
import type { Unit } from '../core/catalogue.ts';
import type { KpiMeta } from '../core/figures.ts';
import { channelColors } from '../charts/theme.ts';
import { type Day, formatDay, parseIsoDate } from '../core/dates.ts';
import { goalEvaluation, measureEvaluation } from '../core/evaluations.ts';
import type { InputGaps } from '../core/coverage.ts';
import { asksNoChange, type GoalEvaluation } from '../core/evaluate.ts';
import { resolveTarget } from '../core/targets.ts';
import type { Goal, Measure, TargetSpec } from '../core/goals.ts';
import type { InputsEnd, KpiEngine } from '../core/kpis.ts';
import type { CoveredPart } from '../core/kpiTable.ts';
import { type Period, previousPeriod, quartersOverlapping } from '../core/periods.ts';
import { type Project, type SiteSettings, withCustomKpis } from '../core/project.ts';
import {
  type BaselineBound,
  channelDaysJson,
  type GapsJson,
  gapsJson,
  type GoalJson,
  inputsTo,
  type PartJson,
} from '../core/report.ts';
import { gapsNote } from '../format/gaps.ts';
import { countedFromNote } from '../format/countedFrom.ts';
import { type FigureSource, type Restatement } from '../core/snapshot.ts';
import { trajectory } from '../core/trajectory.ts';
import type { GoalStatus, OkrBand } from '../core/status.ts';
import { formatKpiValue, formatScore, formatShare, STATUS_LABELS, withCurrency } from '../format/numbers.ts';
import { channelEnds, type CoverageNote, goalCoverageNote } from '../format/coverage.ts';
import { inputsNote } from '../format/inputs.ts';
import { formatDate, formatDateRange, formatPeriod } from '../format/intl.ts';
import { changeSubject, changeValues, type DescribeContext } from '../review/describe.ts';
import type { GoalMove } from '../review/history.ts';
import type { GoalMoves } from './history.ts';
import { liveFigures, quarterPage } from './quarterPage.ts';
import { deadlineOnly } from './restatedView.ts';
import { fill, kpiLabel, plural, uiStrings, type UiStrings } from '../translations/index.ts';
import { keyResultBands, type KeyResultNote, keyResultNotes } from './okrView.ts';
import { okrScoreText } from '../format/score.ts';
import { type ProgressBound, progressBound } from '../format/progress.ts';
import { channelName, keyResultName } from './words.ts';

/** A goal's figures in one quarter report: the report's own (frozen or live), labelled. */
export interface GoalQuarterFigures {
  readonly quarter: Period;
  readonly source: FigureSource;
  /** `frozen v2 (2026-07-03)`, `live`, or `live (added after frozen v2)`. */
  readonly label: string;
  /** The report's as-of date. */
  readonly asOf: string;
  readonly figures: GoalJson;
  /** The unit of a SMART goal's KPI as that report defines it ('count' for an OKR). */
  readonly unit: Unit;
  /** For frozen figures, each one today's goals and data change (`actual 57,875 → 57,922`); null for live figures. */
  readonly restated: readonly string[] | null;
  /** The currency of its amounts (a frozen report's own, which may not be the site's of today). */
  readonly currency: string;
}

export interface GoalView {
  readonly goal: Goal;
  /** The as-of date of the figures in the header: the latest report's, or the goal's own when its channels' data ends earlier (`dataTo`). */
  readonly asOf: string;
  /** The header's figures: those of the latest quarter report the goal is in (as that report shows them). */
  readonly evaluation: GoalEvaluation;
  /** Where the header's figures come from: `2026-Q3 report, frozen v1 (2026-09-30)`, or `live`. */
  readonly source: string;
  /** The unit of the header's KPI (a SMART goal's; 'count' for an OKR). */
  readonly unit: Unit;
  /** The currency of the header's amounts: its report's (a frozen report's own), else the site's. */
  readonly currency: string;
  /** A SMART goal whose actual's inputs end on different days: what the header says beside it; else null. */
  readonly inputs: CoverageNote | null;
  /** A change of followers counted from a total a week old or more when the period began (`counted_from`). */
  readonly countedFrom: CoverageNote | null;
  /** A SMART goal whose actual leaves some of its channels out (`left_out`): "without Facebook", as the scorecard says; else null. */
  readonly coverage: string | null;
  /** A SMART goal whose target equals its baseline (it asks for no change): the KPI's good direction; else null. */
  readonly noChange: 'up' | 'down' | null;
  /** A SMART goal decided on a total over every day with data (`actualTo`): that day, YYYY-MM-DD; else null. */
  readonly actualTo: string | null;
  /** Under the actual, what `actualTo` says: a total counted to that day, or a count read on it (see `actualToNote`); else null. */
  readonly actualToNote: string | null;
  /** What today's goals and data would restate in the header's figures (empty when nothing). */
  readonly restated: readonly string[];
  /** The goal's figures in each quarter report it spans, oldest first. */
  readonly reports: readonly GoalQuarterFigures[];
  /** SMART definition: label → plain-language sentence. */
  readonly definition: ReadonlyArray<readonly [string, string]>;
  readonly charts: readonly ChartModel[];
  /** Report quarters the goal's period overlaps. */
  readonly quarters: readonly Period[];
  /** The band of each key result of the header's OKR figures (null without a score; empty for a SMART goal). */
  readonly bands: ReadonlyArray<OkrBand | null>;
  /** The header's key results by name (title, else the KPI's label), in order; empty for a SMART goal. */
  readonly keyResultNames: readonly string[];
  /** The notes under each of the header's key results, in the SMART goal's words (no change, cut rows); empty for a SMART goal. */
  readonly keyResultNotes: ReadonlyArray<readonly KeyResultNote[]>;
  /** A SMART goal's progress of an upper-bound actual is a bound too ("≤ 200%"): which; else null. */
  readonly progressBound: ProgressBound;
  /** Why the header's status is undecided where its data end before its deadline (`endsEarly`: the deadline past, or a count carried from before the period), in words; else null. */
  readonly endsEarly: string | null;
  /** Why the header's status is on track, not achieved, where its target is met on data that end early (`metSoFar`); else null. */
  readonly metSoFar: string | null;
  /** An OKR whose score counts undecided key results or key results without data as 0: that, in words; else null. */
  readonly undecidedScore: string | null;
  /** Why the header's SMART goal, which has an actual, reads "No data": it has no baseline to measure progress from; else null. */
  readonly noBaseline: string | null;
}

/** The as-of day of goal pages: the last day with data (evaluation stops at each goal's deadline). */
export function siteAsOf(project: Project): Day {
  return project.index.dataRange()?.last ?? 0;
}

/** The view of one goal. */
export function goalView(project: Project, engine: KpiEngine, goal: Goal): GoalView {
  const asOf = siteAsOf(project);
  const range = project.index.dataRange();
  const quarters = range
    ? quartersOverlapping(goal.period.start, goal.period.end).filter((q) => q.end >= range.first && q.start <= range.last)
    : [];
  const reports = quarters.map((q) => goalInQuarter(project, engine, goal, q));
  const latest = reports.at(-1);
  const evaluation = latest ? evaluationOf(latest.figures, engine) : goalEvaluation(engine, goal, asOf);
  const words = uiStrings(project.site.locale, project.site.strings);
  const source = latest ? `${fill(words.quarter.title, { quarter: latest.quarter.label })}, ${latest.label}` : words.goal.live;
  const objective = project.objectives.find((o) => o.id === goal.objective);
  const t = uiStrings(project.site.locale, project.site.strings);
  const d = t.definition;
  const definition: Array<[string, string]> = [
    [d.specific, goal.description ? `${goal.title}. ${goal.description}` : goal.title],
  ];
  const charts: ChartModel[] = [];
  // The charts draw today's data: say so where the header shows frozen figures.
  const live = latest?.source.kind === 'frozen';
  if (goal.type === 'smart') {
    definition.push(
      [d.measurable, measureSentence(project, engine, goal)],
      [d.target, targetSentence(project, engine, goal, goal.period, asOf)],
    );
    charts.push(
      progressChart(
        project,
        engine,
        `goal-${goal.id}`,
        fill(live ? t.goal.progressChartLive : t.goal.progressChart, { title: goal.title }),
        goal,
        goal.period,
        asOf,
      ),
    );
  } else {
    definition.push([d.keyResults, goal.keyResults.map((kr) => keyResultLabel(kr, (id) => kpiName(t, engine, id))).join('; ')]);
    for (const kr of goal.keyResults) {
      const note = kr.measure ? referenceSentence(project, engine, kr.measure, goal.period, asOf) : null;
      if (note) definition.push([keyResultLabel(kr, (id) => kpiName(t, engine, id)), note]);
    }
    for (const kr of goal.keyResults) {
      if (kr.measure)
        charts.push(
          progressChart(
            project,
            engine,
            `goal-${goal.id}-${kr.id}`,
            fill(live ? t.goal.keyResultChartLive : t.goal.keyResultChart, {
              title: keyResultLabel(kr, (id) => kpiName(t, engine, id)),
            }),
            kr.measure,
            goal.period,
            asOf,
          ),
        );
    }
  }
  const locale = project.site.locale;
  const dates = {
    start: formatDate(formatDay(goal.period.start), locale),
    end: formatDate(formatDay(goal.period.end), locale),
    period: formatPeriod(goal.period.label, locale),
  };
  definition.push(
    [d.relevant, objective ? fill(d.servesObjective, { objective: objective.title }) : d.noObjective],
    [d.timeBound, fill(goal.period.kind === 'range' ? d.fromTo : d.fromToPeriod, dates)],
  );
  if (goal.owner) definition.push([d.owner, goal.owner]);
  const unit = latest
    ? latest.unit
    : evaluation.type === 'smart'
      ? (engine.kpis.get(evaluation.kpi)?.def.unit ?? 'count')
      : 'count';
  // A goal over a channel whose data ends early is evaluated as of that channel's last day; a count
  // decided at the deadline on the other channels, as of the day it is read (red-team 25 #7).
  const settledCount = evaluation.type === 'smart' && evaluation.mode === 'level' && evaluation.actualTo !== null;
  const goalAsOf =
    evaluation.type === 'smart' && evaluation.dataTo !== null
      ? formatDay(settledCount ? evaluation.actualTo! : evaluation.dataTo)
      : latest
        ? latest.asOf
        : formatDay(asOf);
  return {
    goal,
    asOf: goalAsOf,
    evaluation,
    source,
    unit,
    currency: latest?.currency ?? project.site.currency,
    coverage: evaluation.type === 'smart' ? goalCoverageNote(evaluation.leftOut, project.site) : null,
    inputs:
      evaluation.type === 'smart' && evaluation.inputsEnd
        ? inputsNote(
            {
              value: evaluation.actual,
              inputs_to: inputsTo(evaluation.inputsEnd),
              ...(evaluation.dataTo === null ? {} : { data_to: formatDay(evaluation.dataTo) }),
            },
            project.site,
            (iso) => formatDate(iso, locale),
          )
        : null,
    countedFrom:
      evaluation.type === 'smart' && evaluation.countedFrom
        ? countedFromNote(channelDaysJson(evaluation.countedFrom), project.site, (iso) => formatDate(iso, locale))
        : null,
    noChange:
      evaluation.type === 'smart' && asksNoChange(evaluation.mode, evaluation.good, evaluation.baseline, evaluation.target)
        ? evaluation.good
        : null,
    actualTo: evaluation.type === 'smart' && evaluation.actualTo !== null ? formatDay(evaluation.actualTo) : null,
    actualToNote:
      evaluation.type === 'smart' && evaluation.actualTo !== null
        ? actualToNote(t, evaluation.actualTo, settledCount, goalAsOf, locale)
        : null,
    restated: latest?.restated ?? [],
    reports,
    definition,
    charts,
    quarters,
    bands: evaluation.type === 'okr' ? keyResultBands(evaluation.keyResults, evaluation.stretch) : [],
    keyResultNames: evaluation.type === 'okr' ? evaluation.keyResults.map((kr) => keyResultName(project, kr)) : [],
    keyResultNotes:
      evaluation.type === 'okr'
        ? evaluation.keyResults.map((kr) =>
            keyResultNotes(
              {
                baseline: kr.baseline,
                target: kr.target,
                cut_rows: kr.cutRows,
                status: kr.status,
                ends_early: kr.endsEarly,
                met_so_far: kr.metSoFar,
                bound: kr.bound,
              },
              kr.kpi === null ? undefined : engine.kpis.get(kr.kpi)?.def.good,
              t,
            ),
          )
        : [],
    progressBound: evaluation.type === 'smart' ? progressBound({ ...evaluation, cut_rows: evaluation.cutRows }) : null,
    endsEarly:
      evaluation.type === 'smart' && evaluation.endsEarly && evaluation.status === 'undecided' && evaluation.dataTo !== null
        ? endsEarlyNote({ ...evaluation, dataTo: evaluation.dataTo }, project.site, t, locale)
        : null,
    metSoFar:
      evaluation.type === 'smart' && evaluation.metSoFar && evaluation.dataTo !== null
        ? fill(t.goal.metSoFar, { date: formatDate(formatDay(evaluation.dataTo), locale) })
        : null,
    noBaseline:
      evaluation.type === 'smart' &&
      evaluation.status === 'no_data' &&
      evaluation.actual !== null &&
      evaluation.mode === 'level' &&
      evaluation.baseline === null
        ? noBaselineNote(evaluation, goal, engine, t, locale)
        : null,
    // Key results without data (red-team 14 #1), then undecided ones: each counted 0 in the score.
    undecidedScore:
      evaluation.type === 'okr'
        ? (
            [
              [t.okr.withoutData, evaluation.withoutData],
              [t.okr.bounded, evaluation.bounded],
              [t.okr.undecided, evaluation.undecided],
            ] as const
          )
            .filter(([, ids]) => ids.length > 0)
            .map(([text, ids]) =>
              fill(text, {
                keyResults: evaluation.keyResults
                  .filter((kr) => ids.includes(kr.id))
                  .map((kr) => keyResultName(project, kr))
                  .join(', '),
              }),
            )
            .join(' ') || null
        : null,
  };
}

/** The goal as a quarter's report shows it (its newest frozen version, else live), and what today's data would restate. */
function goalInQuarter(project: Project, engine: KpiEngine, goal: Goal, quarter: Period): GoalQuarterFigures {
  const page = quarterPage(project, engine, quarter);
  const t = uiStrings(project.site.locale, project.site.strings);
  /** `frozen v2 (2026-07-03)` or `live`, in the site's language. */
  const sourceLabel = (source: FigureSource): string =>
    source.kind === 'frozen'
      ? `${fill(t.goal.frozenVersion, { version: source.version })} (${formatDate(source.frozenAt.slice(0, 10), project.site.locale)})`
      : t.goal.live;
  const shown = page.view.report.goals.find((g) => g.id === goal.id);
  if (shown) {
    const own = page.frozen ? page.frozen.restated.filter((r) => r.subject === 'goal' && r.scope === goal.id) : [];
    const why = page.frozen ? deadlineOnly(own, liveFigures(project, engine, quarter, null).report, goal.id) : null;
    const restated = page.frozen
      ? [
          ...own
            .map((r) => {
              const text = restatedText(r, goal, engine, project.site, page.view.currency);
              return text !== null && why !== null && r.figure.endsWith(': status')
                ? fill(t.goal.restatedDeadline, { change: text, date: formatDate(why, project.site.locale) })
                : text;
            })
            .filter((t) => t !== null),
          ...formulaChanges(shown, page.view.kpis, engine, t),
        ]
      : null;
    const unit = shown.type === 'smart' ? (page.view.kpis.get(shown.kpi)?.unit ?? 'count') : 'count';
    return {
      quarter,
      source: page.source,
      label: sourceLabel(page.source),
      asOf: page.view.report.as_of,
      figures: shown,
      unit,
      restated,
      currency: page.view.currency,
    };
  }
  // Not in the frozen report (added since): today's figures, said so.
  const live = liveFigures(project, engine, quarter, null).report;
  const figures = live.goals.find((g) => g.id === goal.id)!;
  const label = page.source.kind === 'frozen' ? fill(t.goal.liveAddedAfter, { source: sourceLabel(page.source) }) : t.goal.live;
  const unit = figures.type === 'smart' ? (engine.kpis.get(figures.kpi)?.def.unit ?? 'count') : 'count';
  return {
    quarter,
    source: { kind: 'live' },
    label,
    asOf: live.as_of,
    figures,
    unit,
    restated: null,
    currency: project.site.currency,
  };
}

/**
 * `Discount rate: formula then: discount_code_uses / clicks; today: …`: each KPI of a goal whose
 * formula today differs from the one its frozen figures were computed with (`frozen`: the
 * snapshot's KPIs), so that a page beside today's definition never passes them off as one.
 */
function formulaChanges(shown: GoalJson, frozen: ReadonlyMap<string, KpiMeta>, engine: KpiEngine, t: UiStrings): string[] {
  const kpis = shown.type === 'smart' ? [shown.kpi] : shown.key_results.flatMap((kr) => (kr.kpi ? [kr.kpi] : []));
  return [...new Set(kpis)].flatMap((id) => {
    const then = frozen.get(id);
    const today = engine.kpis.get(id)?.def;
    if (!then || !today || then.formula.trim() === today.formula.trim()) return [];
    return [fill(t.goal.formulaChanged, { kpi: kpiLabel(t, then), then: then.formula, today: today.formula })];
  });
}

/**
 * `actual 57,875 → 57,922`, `key result “Six creators”: score 0.33 → 0.67`: a restated figure of
 * a goal in a reader's words (a key result by its title, statuses and bands in the page's
 * language); null when the change is below the precision shown.
 */
function restatedText(r: Restatement, goal: Goal, engine: KpiEngine, site: SiteSettings, frozenCurrency: string): string | null {
  const t = uiStrings(site.locale, site.strings);
  const FIELDS: Readonly<Record<string, string>> = {
    actual: t.scorecard.actual,
    target: t.scorecard.target,
    progress: t.scorecard.progress,
    projection: t.scorecard.projection,
    status: t.scorecard.status,
    score: t.okr.score,
    band: t.scorecard.status,
    baseline: t.changes.fields.baseline,
  };
  const krId = /, key result ([\w-]+)/.exec(r.figure)?.[1];
  const show = (v: number | string | null, fmt: SiteSettings): string => {
    if (typeof v === 'string') {
      if (STATUS_LABELS[v as GoalStatus]) return t.status[v as GoalStatus];
      return Object.hasOwn(t.okr.bands, v) ? t.okr.bands[v as OkrBand] : formatDate(v, fmt.locale);
    }
    // A key result's score is on its objective's 0–1 scale, like the objective's own.
    if (r.kind === 'score' || (r.kind === 'share' && krId !== undefined && /: score$/.test(r.figure))) return formatScore(v, fmt);
    if (r.kind === 'share') return formatShare(v, fmt);
    return formatKpiValue(v, r.unit ?? 'count', fmt);
  };
  // The frozen amount in the currency it was frozen in, today's in the site's.
  const before = show(r.frozen, withCurrency(site, frozenCurrency));
  const after = show(r.now, site);
  if (before === after) return null;
  const kr = krId !== undefined && goal.type === 'okr' ? goal.keyResults.find((k) => k.id === krId) : undefined;
  const krName = kr ? keyResultLabel(kr, (id) => kpiName(t, engine, id)) : krId;
  const field = /: (actual|target|progress|projection|status|score|band|baseline)$/.exec(r.figure)?.[1];
  const fieldName = field === undefined ? '' : (FIELDS[field] ?? field).toLowerCase();
  const what = krName !== undefined ? `${t.okr.keyResult.toLowerCase()} “${krName}”${field ? `: ${fieldName}` : ''}` : fieldName;
  return `${what} ${before} → ${after}`;
}

/** A KPI's label in the page's language (its id when it is not defined today). */
function kpiName(t: UiStrings, engine: KpiEngine, id: string): string {
  const def = engine.kpis.get(id)?.def;
  return def ? kpiLabel(t, def) : id;
}

/** A key result as readers know it: its title, else the label of the KPI it measures, else its id. */
export function keyResultLabel(
  kr: { readonly id: string; readonly title?: string | null; readonly measure?: { readonly kpi: string } | null },
  kpiLabelOf: (kpi: string) => string,
): string {
  return kr.title ?? (kr.measure ? kpiLabelOf(kr.measure.kpi) : kr.id);
}

/** A report's goal figures in the shape of an evaluation (the header shows either the same way). */
function evaluationOf(json: GoalJson, engine: KpiEngine): GoalEvaluation {
  if (json.type === 'okr') {
    const { key_results: krs, category: _c, objective: _o, owner: _w, ...rest } = json;
    const keyResults = krs.map(
      ({
        left_out: leftOut,
        incomplete,
        data_to: dataTo,
        incomplete_to: channelsTo,
        actual_to: actualTo,
        cut_rows: cutRows,
        inputs_to: inputs,
        gaps,
        counted_from: countedFrom,
        approximate,
        bound,
        ...kr
      }) => ({
        ...kr,
        // Snapshots frozen before key results carried them say nothing of a bound.
        approximate: approximate === true,
        bound: bound ?? ('exact' as const),
        actualTo: actualTo === undefined ? null : dayOf(actualTo),
        cutRows: cutRows === true,
        ...referenceOf(kr),
        leftOut: leftOut ?? [],
        incomplete: incomplete ?? [],
        dataTo: dataTo === undefined ? null : dayOf(dataTo),
        channelsTo: channelsToOf(channelsTo),
        inputsEnd: inputsEndOf(inputs),
        gaps: gapsOf(gaps),
        countedFrom: daysOf(countedFrom),
        provisional: kr.provisional === true,
        endsEarly: kr.ends_early === true,
        metSoFar: kr.met_so_far === true,
      }),
    );
    const { score_bound: scoreBound, ...figures } = rest;
    const { without_data: withoutData, bounded, ...kept } = figures;
    return {
      ...kept,
      undecided: rest.undecided ?? [],
      withoutData: withoutData ?? [],
      bounded: bounded ?? [],
      scoreBound: scoreBound ?? 'exact',
      keyResults,
    };
  }
  const {
    category: _c,
    objective: _o,
    owner: _w,
    approximate,
    bound,
    left_out: leftOut,
    basis,
    incomplete,
    data_to: dataTo,
    incomplete_to: channelsTo,
    actual_to: actualTo,
    cut_rows: cutRows,
    inputs_to: inputs,
    gaps,
    counted_from: countedFrom,
    ...rest
  } = json;
  return {
    ...rest,
    ...referenceOf(rest),
    good: engine.kpis.get(json.kpi)?.def.good ?? 'up',
    approximate: approximate === true,
    // Snapshots frozen before `bound` existed: an approximate actual was an upper bound.
    bound: bound ?? (approximate === true && cutRows !== true ? 'upper' : 'exact'),
    leftOut: leftOut ?? [],
    netFollows: basis === 'net_follows',
    incomplete: incomplete ?? [],
    dataTo: dataTo === undefined ? null : dayOf(dataTo),
    channelsTo: channelsToOf(channelsTo),
    actualTo: actualTo === undefined ? null : dayOf(actualTo),
    cutRows: cutRows === true,
    inputsEnd: inputsEndOf(inputs),
    gaps: gapsOf(gaps),
    countedFrom: daysOf(countedFrom),
    provisional: rest.provisional === true,
    endsEarly: rest.ends_early === true,
    metSoFar: rest.met_so_far === true,
  };
}

/**
 * What a goal decided before its data are whole says under its actual: a total counts every day
 * with data to `to` and keeps its pace as of `asOf`; a count (`count`) is read on `to` over the
 * channels with data then, which the others can only add to.
 */
function actualToNote(t: UiStrings, to: Day, count: boolean, asOf: string, locale: string): string {
  const date = formatDate(formatDay(to), locale);
  return count ? fill(t.goal.actualToCount, { date }) : fill(t.goal.actualTo, { date, asOf: formatDate(asOf, locale) });
}

/**
 * Why a level goal with an actual has no progress: no baseline was given, and the previous
 * period's value is none (only a bound of the true figure, covered in part, or no value at all).
 */
function noBaselineNote(
  e: Pick<Extract<GoalEvaluation, { type: 'smart' }>, 'kpi' | 'baselineBound' | 'previousPartial'>,
  goal: Goal,
  engine: KpiEngine,
  t: UiStrings,
  locale: string,
): string {
  const def = engine.kpis.get(e.kpi)?.def;
  const words = { kpi: def ? kpiLabel(t, def) : e.kpi, period: formatPeriod(previousPeriod(goal.period).label, locale) };
  const why =
    e.baselineBound !== null
      ? fill(t.goal.noBaselineBound, { ...words, bound: t.goal.baselineBounds[e.baselineBound] })
      : e.previousPartial !== null
        ? fill(t.goal.noBaselinePartial, words)
        : fill(t.goal.noBaselineValue, words);
  return fill(t.goal.noBaseline, { why });
}

/**
 * Why an undecided goal whose data end before its deadline cannot settle, naming each channel
 * with its own last day where they end apart (red-team 9 #9).
 */
function endsEarlyNote(
  e: Pick<Extract<GoalEvaluation, { type: 'smart' }>, 'incomplete' | 'inputsEnd' | 'channelsTo' | 'deadline'> & { dataTo: Day },
  site: SiteSettings,
  t: UiStrings,
  locale: string,
): string {
  const channels = e.incomplete.length > 0 ? e.incomplete : Object.keys(e.inputsEnd ?? {});
  const days = Object.fromEntries(Object.entries(e.channelsTo).map(([c, d]) => [c, formatDay(d)]));
  const ends = channelEnds(channels, formatDay(e.dataTo), days);
  const names = (cs: readonly string[]) => cs.map((c) => channelName(site, c)).join(', ');
  const deadline = formatDate(e.deadline, locale);
  if (ends.length === 1)
    return fill(t.goal.endsEarly, { channels: names(channels), date: formatDate(ends[0]!.day, locale), deadline });
  const list = ends.map((x) => fill(t.goal.endsEarlyTo, { channels: names(x.channels), date: formatDate(x.day, locale) }));
  return fill(t.goal.endsEarlyApart, { ends: new Intl.ListFormat(locale, { type: 'conjunction' }).format(list), deadline });
}

/** A report's `incomplete_to` as days (empty when absent: the channels end together, or an older snapshot). */
function channelsToOf(json: Record<string, string> | undefined): Record<string, Day> {
  const out: Record<string, Day> = {};
  for (const [c, d] of Object.entries(json ?? {})) {
    const day = dayOf(d);
    if (day !== null) out[c] = day;
  }
  return out;
}

/** A report's `gaps` as days (null when absent: snapshots frozen before goals carried it). */
function gapsOf(json: GapsJson | undefined): InputGaps | null {
  if (!json) return null;
  const out: Record<string, Record<string, Array<readonly [Day, Day]>>> = {};
  for (const [channel, byInput] of Object.entries(json)) {
    out[channel] = {};
    for (const [input, ranges] of Object.entries(byInput)) {
      out[channel][input] = ranges.flatMap((r) => {
        const [from, to] = [dayOf(r.from), dayOf(r.to)];
        return from === null || to === null ? [] : [[from, to] as const];
      });
    }
  }
  return out;
}

/**
 * A report's `baseline_to`, `reference_to`, `previous_partial` (as days, null when absent), the
 * channels its references leave out and whether its baseline is a rate over other channels.
 */
function referenceOf(json: {
  baseline_to?: string;
  reference_to?: string;
  previous_left_out?: string[];
  baseline_left_out?: string[];
  baseline_channels_differ?: true;
  previous_partial?: PartJson;
  baseline_bound?: BaselineBound;
}): {
  baselineTo: Day | null;
  referenceTo: Day | null;
  previousLeftOut: string[];
  baselineLeftOut: string[];
  baselineChannelsDiffer: boolean;
  previousPartial: CoveredPart | null;
  baselineBound: BaselineBound | null;
} {
  const partial = json.previous_partial;
  const ranges = (list: ReadonlyArray<{ from: string; to: string }>) =>
    list.flatMap((g) => {
      const [a, b] = [dayOf(g.from), dayOf(g.to)];
      return a === null || b === null ? [] : [[a, b] as const];
    });
  const gaps = ranges(partial?.gaps ?? []);
  const channelGaps = partial?.channel_gaps
    ? Object.fromEntries(Object.entries(partial.channel_gaps).map(([c, list]) => [c, ranges(list)]))
    : null;
  const [from, to] = partial ? [dayOf(partial.from), dayOf(partial.to)] : [null, null];
  return {
    baselineTo: json.baseline_to === undefined ? null : dayOf(json.baseline_to),
    referenceTo: json.reference_to === undefined ? null : dayOf(json.reference_to),
    previousLeftOut: json.previous_left_out ?? [],
    baselineLeftOut: json.baseline_left_out ?? [],
    baselineChannelsDiffer: json.baseline_channels_differ === true,
    previousPartial:
      from === null || to === null
        ? null
        : { from, to, ...(gaps.length > 0 ? { gaps } : {}), ...(gaps.length > 0 && channelGaps ? { channelGaps } : {}) },
    baselineBound: json.baseline_bound ?? null,
  };
}

/**
 * What the previous period is where a channel counted covers it only in part (`previousPartial`):
 * an implicit baseline over the days every channel covers (a rate), none (a figure that grows
 * with its days), or a partial total (cumulative); null otherwise.
 */
function partialSentence(
  d: UiStrings,
  site: SiteSettings,
  e: { mode: 'cumulative' | 'level'; baseline: number | null; previousPartial: CoveredPart | null },
  m: Measure,
  kpi: string,
  period: string,
  date: (day: Day) => string,
): string | null {
  const partial = e.previousPartial;
  if (partial === null) return null;
  // Days no export covers inside them follow `to`, as the KPI table says them (red-team 12 #2).
  const words = {
    kpi,
    period,
    from: date(partial.from),
    to: date(partial.to) + exceptDays(d, site, partial, (a, b) => `${date(a)} – ${date(b)}`),
  };
  if (e.mode === 'cumulative') return fill(d.definition.previousPartial, words);
  if (m.baseline !== null) return null;
  // A rate leaves out of each channel only its own holes (red-team 29 #3): not days every channel covers.
  const sentence =
    e.baseline === null
      ? d.definition.noBaselinePartial
      : partial.channelGaps
        ? d.definition.baselinePartialByChannel
        : d.definition.baselinePartial;
  return fill(sentence, words);
}

/**
 * " except {days}" for a covered part's days no export covers, each range written by `range`; said per
 * channel ("Aug 3 – 12 on Instagram") where the part has each channel's own; empty without any.
 */
function exceptDays(d: UiStrings, site: SiteSettings, part: CoveredPart, range: (a: Day, b: Day) => string): string {
  const ranges = (gaps: ReadonlyArray<readonly [Day, Day]>) => gaps.map(([a, b]) => range(a, b)).join(', ');
  if (!part.gaps?.length) return '';
  const days = part.channelGaps
    ? Object.entries(part.channelGaps)
        .map(([channel, gaps]) => fill(d.coverage.channelDays, { days: ranges(gaps), channel: channelName(site, channel) }))
        .join(', ')
    : ranges(part.gaps);
  return fill(d.definition.exceptDays, { days });
}

/** A report's `inputs_to` as days (null when absent: snapshots frozen before goals carried it). */
/** A report's `counted_from` as days (null when absent). */
function daysOf(json: Record<string, string> | undefined): Record<string, Day> | null {
  if (!json) return null;
  const out: Record<string, Day> = {};
  for (const [channel, iso] of Object.entries(json)) {
    const day = dayOf(iso);
    if (day !== null) out[channel] = day;
  }
  return out;
}

function inputsEndOf(json: Record<string, Record<string, string>> | undefined): InputsEnd | null {
  if (!json) return null;
  const out: Record<string, Record<string, Day>> = {};
  for (const [channel, byInput] of Object.entries(json)) {
    out[channel] = {};
    for (const [input, iso] of Object.entries(byInput)) {
      const day = dayOf(iso);
      if (day !== null) out[channel][input] = day;
    }
  }
  return out;
}

/** The day of an ISO date a report printed (null if it does not parse). */
function dayOf(text: string): Day | null {
  const parsed = parseIsoDate(text);
  return parsed.ok ? parsed.day : null;
}

function channelsText(project: Project, channel: Measure['channel']): string {
  const list = typeof channel === 'string' ? [channel] : [...channel];
  return list.map((c) => channelName(project.site, c)).join(', ');
}

function measureSentence(project: Project, engine: KpiEngine, m: Measure): string {
  const kpi = engine.kpis.get(m.kpi)!;
  const d = uiStrings(project.site.locale, project.site.strings);
  const template = kpi.cumulative ? d.definition.measureCumulative : d.definition.measureWindow;
  // The formula only when it says more than the KPI's own name (never "Followers (followers)").
  return fill(/^\w+$/.test(kpi.def.formula.trim()) ? template.replace(' ({formula})', '') : template, {
    kpi: kpiLabel(d, kpi.def),
    formula: kpi.def.formula,
    channels: channelsText(project, m.channel),
    better: kpi.def.good === 'up' ? d.definition.better : d.definition.worse,
  });
}

function targetSentence(project: Project, engine: KpiEngine, m: Measure, period: Period, asOf: Day): string {
  const kpi = engine.kpis.get(m.kpi)!;
  const fmt = project.site;
  const e = measureEvaluation(engine, m, period, asOf);
  const value = (x: number | null) => formatKpiValue(x, kpi.def.unit, fmt);
  const written = writtenTarget(m.target, kpi.def.unit, fmt);
  const strings = uiStrings(fmt.locale, project.site.strings);
  const d = strings.definition;
  // An implicit baseline over the days every channel covers says them (red-team 9 #4).
  const partial = m.baseline === null && e.mode === 'level' && e.baseline !== null ? e.previousPartial : null;
  const baseline = partial
    ? fill(d.baselineOver, {
        value: value(e.baseline),
        days:
          formatDateRange(formatDay(partial.from), formatDay(partial.to), fmt.locale) +
          exceptDays(strings, fmt, partial, (a, b) => formatDateRange(formatDay(a), formatDay(b), fmt.locale)),
      })
    : value(e.baseline);
  const reference =
    e.mode === 'cumulative' ? fill(d.previousTotal, { value: value(e.previous) }) : fill(d.baseline, { value: baseline });
  const resolved =
    m.target.kind === 'absolute'
      ? value(resolveTarget(m.target, null))
      : fill(d.relativeTarget, { value: value(e.target), written, reference });
  const note = referenceSentence(project, engine, m, period, asOf);
  const sentence =
    e.mode === 'cumulative' && kpi.def.good === 'down'
      ? fill(d.budgetCap, { target: resolved })
      : e.mode === 'cumulative'
        ? fill(d.totalBy, { target: resolved })
        : m.target.kind === 'absolute' && e.baseline !== null
          ? fill(d.byDeadlineFrom, { target: resolved, baseline })
          : fill(d.byDeadline, { target: resolved });
  return note ? `${sentence} ${note}` : sentence;
}

/**
 * What a measure's baseline or reference is taken over when an input's export ends early in the
 * previous period (`baselineTo`: the implicit baseline stops on that day; `referenceTo`: the total a
 * relative target applies to counts that input only to it), the channels a reference leaves out,
 * and the days between two exports of an input in the period so far; null when none applies.
 */
function referenceSentence(project: Project, engine: KpiEngine, m: Measure, period: Period, asOf: Day): string | null {
  const e = measureEvaluation(engine, m, period, asOf);
  const kpi = engine.kpis.get(m.kpi)!;
  const locale = project.site.locale;
  const d = uiStrings(locale, project.site.strings);
  const previous = formatPeriod(previousPeriod(period).label, locale);
  const names = (list: readonly string[]) => list.map((c) => channelName(project.site, c)).join(', ');
  // A total's reference cut where a channel's data end is said once, by the partial previous period.
  const to = e.baselineTo ?? (e.previousPartial !== null && e.previousPartial.to === e.referenceTo ? null : e.referenceTo);
  const sentences = [
    to === null
      ? null
      : fill(e.baselineTo !== null ? d.definition.baselineTo : d.definition.referenceTo, {
          kpi: kpiLabel(d, kpi.def),
          period: previous,
          date: formatDate(formatDay(to), locale),
        }),
    partialSentence(d, project.site, e, m, kpiLabel(d, kpi.def), previous, (day) => formatDate(formatDay(day), locale)),
    // A channel of the actual the baseline has no data for: launched after `baselineTo`, or in this period (rt15 #4).
    e.baselineLeftOut.length === 0
      ? null
      : e.baselineTo !== null
        ? fill(d.definition.baselineLeftOut, {
            channels: names(e.baselineLeftOut),
            date: formatDate(formatDay(e.baselineTo), locale),
          })
        : fill(d.definition.baselineLeftOutPeriod, { channels: names(e.baselineLeftOut), period: previous }),
    // A rate's baseline over other channels is no comparison: no progress, undecided.
    e.baselineChannelsDiffer ? d.definition.baselineChannelsDiffer : null,
    // A channel with data in the previous period but none in this one: the reference leaves it out, as the actual does.
    e.previousLeftOut.length > 0
      ? fill(d.definition.previousLeftOut, { channels: names(e.previousLeftOut), period: previous })
      : null,
    // Days between two exports of an input inside the goal's period so far (red-team 6 #7).
    e.gaps ? (gapsNote(gapsJson(e.gaps), project.site, (iso) => formatDate(iso, locale))?.long ?? null) : null,
    e.countedFrom
      ? (countedFromNote(channelDaysJson(e.countedFrom), project.site, (iso) => formatDate(iso, locale))?.long ?? null)
      : null,
  ].filter((x): x is string => x !== null);
  return sentences.length > 0 ? sentences.join(' ') : null;
}

function writtenTarget(
  t: TargetSpec,
  unit: Parameters<typeof formatKpiValue>[1],
  fmt: { locale: string; currency: string },
): string {
  if (t.kind === 'absolute') return formatKpiValue(t.value, unit, fmt);
  if (t.kind === 'percent')
    return new Intl.NumberFormat(fmt.locale, { style: 'percent', signDisplay: 'always', maximumFractionDigits: 2 }).format(
      t.ratio,
    );
  return `${t.amount >= 0 ? '+' : ''}${formatKpiValue(t.amount, unit, fmt)}`;
}

function progressChart(
  project: Project,
  engine: KpiEngine,
  id: string,
  title: string,
  m: Measure,
  period: Period,
  asOf: Day,
): ChartModel {
  const kpi = engine.kpis.get(m.kpi)!;
  const e = measureEvaluation(engine, m, period, asOf);
  const t = trajectory(engine, m, period, asOf, e);
  const iso = (p: { day: Day; value: number }) => ({ date: formatDay(p.day), value: p.value });
  // A total decided on every day with data (`actualTo`, past `dataTo` where the path stops): the
  // card's figure, drawn on its day so that chart and card agree.
  const last = t.actual.at(-1);
  const actual =
    e.actualTo !== null && e.actual !== null && (last === undefined || last.day < e.actualTo)
      ? [...t.actual, { day: e.actualTo, value: e.actual }]
      : t.actual;
  const words = uiStrings(project.site.locale, project.site.strings);
  const chart = goalProgressChart(
    { site: project.site, colors: channelColors(project.site, engine.index.channels), strings: words.charts },
    {
      id,
      title,
      data: {
        kpiLabel: kpiLabel(words, kpi.def),
        unit: kpi.def.unit,
        start: formatDay(period.start),
        deadline: formatDay(period.end),
        target: e.target,
        actual: actual.map(iso),
        expected: t.expected.map(iso),
        milestones: t.milestones.map(iso),
        projection: e.projection,
      },
    },
  );
  // An actual that is only a bound (reach summed from month rows) is one at every point of its line (red-team 32 #1).
  const bound = e.actual !== null && e.bound !== 'exact' && !e.cutRows ? e.bound : null;
  return bound === null ? chart : withNotes(chart, [words.charts.actualBounds[bound]]);
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
  /** Channels the original definition names that have no data today (renamed or removed since), by label; else null. */
  readonly originalChannelsGone: string | null;
}

function describeContext(project: Project, engine: KpiEngine, goal: Goal, moved: GoalMoves): DescribeContext {
  const goals = new Map<string, Goal>();
  for (const m of moved.moves) goals.set(m.change.goal, moved.original && m.change.goal !== goal.id ? moved.original : goal);
  goals.set(goal.id, goal);
  return {
    engine,
    format: project.site,
    goals,
    words: uiStrings(project.site.locale, project.site.strings),
    channelLabel: (c) => channelName(project.site, c),
  };
}

function moveItem(ctx: DescribeContext, move: GoalMove): MoveItem {
  const { before, after } = changeValues(ctx, move.change);
  return {
    what: changeSubject(move.change, ctx.words, ctx.goals),
    before,
    after,
    date: formatDate(move.commit.date, ctx.format.locale),
    commit: move.commit.short,
    reason: move.change.reason_parts
      ? reasonText(move.change.reason_parts, ctx.words?.moveReasons, ctx.format.locale)
      : (move.change.reason ?? ''),
  };
}

/** A goal's status in brief, or null when one of its KPIs is not defined today. */
export function statusSummary(project: Project, engine: KpiEngine, goal: Goal, asOf: Day): StatusSummary | null {
  const measures = goal.type === 'smart' ? [goal] : goal.keyResults.flatMap((k) => (k.measure ? [k.measure] : []));
  if (measures.some((m) => !engine.kpis.get(m.kpi))) return null;
  const e = goalEvaluation(engine, goal, asOf);
  if (e.type === 'okr') {
    const t = uiStrings(project.site.locale, project.site.strings);
    return { type: 'okr', score: okrScoreText(e.score, e.scoreBound, t, project.site), band: e.band };
  }
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
    // With the KPIs as they were defined then: a KPI redefined since does not change the original's status.
    original: original ? statusSummary(project, originalEngine(engine, moved), original, asOf) : null,
    originalTitle: original && original.title !== goal.title ? original.title : null,
    originalChannelsGone: original ? channelsGone(project, engine, original) : null,
  };
}

/** Today's data with the custom KPIs defined when the goal's original definition stood (today's engine when unknown). */
function originalEngine(engine: KpiEngine, moved: GoalMoves): KpiEngine {
  return moved.originalKpis ? withCustomKpis(engine, moved.originalKpis) : engine;
}

/** The channels a goal names (a SMART goal's, its key results') that have no data today, by label; null when none. */
function channelsGone(project: Project, engine: KpiEngine, goal: Goal): string | null {
  const selections =
    goal.type === 'smart' ? [goal.channel] : goal.keyResults.flatMap((k) => (k.measure ? [k.measure.channel] : []));
  const named = selections.flatMap((c) => (typeof c === 'string' ? [c] : [...c])).filter((c) => c !== 'all');
  const gone = [...new Set(named)].filter((c) => !engine.index.channels.includes(c));
  return gone.length === 0 ? null : gone.map((c) => channelName(project.site, c)).join(', ');
}

/** The short text of a scorecard's marker: the latest move, from → to, and its date (`target 1,400 → 1,100 on 2026-05-10`). */
export function movedMarkerText(project: Project, engine: KpiEngine, goal: Goal, moved: GoalMoves): string {
  const ctx = describeContext(project, engine, goal, moved);
  const move = moved.moves[moved.moves.length - 1]!;
  const latest = moveItem(ctx, move);
  const t = uiStrings(project.site.locale, project.site.strings).moved;
  const values = move.change.kind === 'removed' ? '' : ` ${latest.before || '—'} → ${latest.after || '—'}`;
  const more = moved.moves.length > 1 ? ` ${plural(project.site.locale, t.more, moved.moves.length - 1)}` : '';
  return `${latest.what}${values} ${fill(t.on, { date: latest.date })}${more}`;
}
