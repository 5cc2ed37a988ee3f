/**
 * What a goal page shows under "Achievable?": for the goal (or each measured key result) the
 * verdict, the sentence, and the KPI's past periods with their changes, as a small table.
 * Pure: built from the engine and the goal.
 */
import { type Achievability, achievability, type AchievabilityVerdict, MIN_PERIODS, pastValues } from '../core/achievability.ts';
import type { Direction } from '../core/catalogue.ts';
import type { Goal, Measure } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Period, PeriodKind } from '../core/periods.ts';
import type { Project } from '../core/project.ts';
import { relativeChange } from '../core/kpis.ts';
import { type FormatOptions, formatChange, formatKpiValue } from '../format/numbers.ts';
import { fill, kpiLabel, plural, uiStrings, type UiStrings } from '../translations/index.ts';
import { formatPeriod } from '../format/intl.ts';
import { keyResultLabel } from './goalView.ts';
import { measuredChannels, measureTarget } from '../core/targets.ts';

export interface AchievabilityView {
  /** The key result's title (or id); null for a SMART goal. */
  readonly keyResult: string | null;
  readonly verdict: AchievabilityVerdict;
  readonly label: string;
  readonly text: string;
  /** `7 quarters`: how much history the table holds. */
  readonly span: string;
  /** Each past period, oldest first; `partial` when its data is incomplete (shown, not counted as a change). */
  readonly history: ReadonlyArray<{
    readonly period: string;
    readonly value: string;
    readonly change: string;
    readonly partial: boolean;
  }>;
}

function viewOf(
  project: Project,
  engine: KpiEngine,
  measure: Measure,
  period: Period,
  keyResult: string | null,
): AchievabilityView | null {
  const kpi = engine.kpis.get(measure.kpi);
  if (!kpi) return null;
  const a = achievability(engine, measure, period);
  const fmt = project.site;
  const t = uiStrings(fmt.locale, fmt.strings);
  const past = pastValues(engine, measure, period);
  const target = a.needed === null ? measureTarget(engine, measure, period, measuredChannels(engine, measure, period)) : null;
  return {
    keyResult,
    verdict: a.verdict,
    label: t.verdict[a.verdict],
    // A total over part of the previous period is no reference (red-team 9 #4), nor is a rate over other
    // channels (red-team 15 #4): said, not "no previous value".
    text:
      target !== null && target.previousPartial !== null
        ? t.achievability.partialPrevious
        : target?.baselineChannelsDiffer
          ? t.achievability.channelsDiffer
          : achievabilitySentence(t, a, period.kind, kpi.def.good, fmt),
    span: plural(fmt.locale, t.periods[period.kind], past.length),
    history: past.map((p, i) => ({
      period: formatPeriod(p.period, fmt.locale),
      value: formatKpiValue(p.value, kpi.def.unit, fmt),
      partial: !p.complete,
      // A partial period is shown, said to be partial, and is no change (nor is the change after it);
      // one over other channels than the period before is whole, the change into it not counted.
      change: !p.complete
        ? t.achievability.partial
        : i === 0 || !past[i - 1]!.complete
          ? ''
          : !p.sameChannels
            ? t.achievability.otherChannels
            : formatChange(relativeChange(p.value, past[i - 1]!.value), fmt),
    })),
  };
}

/** A KPI's label in the site's language. */
function kpiLabelOf(project: Project, engine: KpiEngine, id: string): string {
  const def = engine.kpis.get(id)?.def;
  return def ? kpiLabel(uiStrings(project.site.locale, project.site.strings), def) : id;
}

/** The achievability of a SMART goal, or of each key result of an OKR measured on a KPI. */
export function achievabilityViews(project: Project, engine: KpiEngine, goal: Goal): AchievabilityView[] {
  if (goal.type === 'smart') return [viewOf(project, engine, goal, goal.period, null)].filter((v) => v !== null);
  return goal.keyResults.flatMap((kr) => {
    const v = kr.measure
      ? viewOf(
          project,
          engine,
          kr.measure,
          goal.period,
          keyResultLabel(kr, (id) => kpiLabelOf(project, engine, id)),
        )
      : null;
    return v ? [v] : [];
  });
}

/** The achievability sentence in the site's language (the words of `achievabilityText`, from the tables). */
export function achievabilitySentence(
  t: UiStrings,
  a: Achievability,
  kind: PeriodKind,
  good: Direction,
  fmt: FormatOptions,
): string {
  const w = t.achievability;
  const change = (x: number | null) => formatChange(x === null ? null : good === 'down' ? -x : x, fmt);
  if (a.needed === null) return w.noPrevious;
  const slots = {
    needed: change(a.needed),
    period: t.periodNoun[kind],
    periods: plural(fmt.locale, t.periods[kind], 2).replace(/^\S+\s/, ''),
    best: change(a.best),
    median: change(a.median),
    min: MIN_PERIODS,
  };
  switch (a.verdict) {
    case 'already_met':
      return fill(w.alreadyMet, slots);
    case 'unknown':
      return plural(fmt.locale, w.unknown, a.periods, slots);
    case 'stretch':
      return fill(w.stretch, slots);
    case 'ambitious':
      return fill(w.ambitious, slots);
    case 'realistic':
      return fill(w.realistic, slots);
  }
}
