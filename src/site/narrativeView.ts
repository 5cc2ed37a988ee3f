/**
 * What a quarter's narrative shows, computed once per build with the quarter's route data:
 * for each `<KpiValue>`, `<GoalCard>` and `<KpiChart>` the narrative uses, the figures as the
 * quarter's report shows them (frozen figures for a frozen quarter). The quarter page puts it
 * on `Astro.locals` before rendering the narrative, and the components look their figures up
 * by keys computed from their props (`narrativeKeys.ts`): they call no engine. Pure over the project
 * and its engine.
 */
import { type ChartModel, trendChart } from '../charts/specs.ts';
import { channelColors } from '../charts/theme.ts';
import type { Unit } from '../core/catalogue.ts';
import { isRateFormula } from '../core/comparable.ts';
import { goalEvaluation } from '../core/evaluations.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { parseQuarter, type Period } from '../core/periods.ts';
import { type Project } from '../core/project.ts';
import { goalJson, type GoalJson, type KpiJson, reportAsOf } from '../core/report.ts';
import { type FigureSource, snapshotCurrency } from '../core/snapshot.ts';
import { formatDate } from '../format/intl.ts';
import { withCurrency } from '../format/numbers.ts';
import { kpiLabel } from '../translations/index.ts';
import type { NarrativeUse } from './narrativeCheck.ts';
import { componentQuarter, goalCardKey, kpiChartKey, kpiValueKey } from './narrativeKeys.ts';
import { narrativeTrend } from './narrativeTrend.ts';
import { frozenVersions, quarterPage } from './quarterPage.ts';
import type { SiteContext } from './siteContext.ts';
import { channelName, fill, words } from './words.ts';

/** A `<KpiValue>`: the KPI's value and QoQ change in the quarter and scope, with its unit. */
export interface KpiValueView {
  readonly unit: Unit;
  readonly value: number | null;
  readonly qoq: number | null;
  /** Computed over other channels in the previous quarter: a rate's change is not comparable, a total's is marked. */
  readonly qoq_channels_differ?: true;
  /** Whether the KPI is a rate (`isRateFormula`). */
  readonly rate: boolean;
  /** The previous quarter is covered only over these days by a channel counted in it (see `KpiJson.qoq_partial`). */
  readonly qoq_partial?: { from: string; to: string };
  /** The currency of its amounts (a frozen quarter's own). */
  readonly currency: string;
  /** The report's own cell, for the marks its value needs (≈, channels left out, data to: red-team 32 #3); null where it has none. */
  readonly cell: KpiJson | null;
}

/** A `<GoalCard>`: the goal's figures in the quarter's report (or evaluated as of its last day when not in it). */
export interface GoalCardView {
  readonly goal: GoalJson;
  /** The unit of a SMART goal's KPI ('count' for an OKR). */
  readonly unit: Unit;
  readonly figures: FigureSource['kind'];
  /** ` (live, added after frozen v2)` for a goal its frozen report lacks, else ''. */
  readonly note: string;
  /** The currency of its amounts (a frozen quarter's own). */
  readonly currency: string;
}

/** A `<KpiChart>`: the chart and which figures it draws. */
export interface KpiChartView {
  readonly chart: ChartModel;
  readonly source: FigureSource;
}

export interface NarrativeView {
  /** The quarter of the page the narrative is on. */
  readonly quarter: Period;
  readonly values: ReadonlyMap<string, KpiValueView>;
  readonly goals: ReadonlyMap<string, GoalCardView>;
  readonly charts: ReadonlyMap<string, KpiChartView>;
}

/** What a quarter page puts on `Astro.locals.goalpost` for its narrative's components. */
export interface NarrativeLocals {
  readonly site: SiteContext;
  readonly narrative: NarrativeView;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The figures of every component `uses` names, for a narrative on `quarter`'s page. */
export function narrativeView(
  project: Project,
  engine: KpiEngine,
  quarter: Period,
  uses: readonly NarrativeUse[],
): NarrativeView {
  const t = words(project.site);
  const values = new Map<string, KpiValueView>();
  const goals = new Map<string, GoalCardView>();
  const charts = new Map<string, KpiChartView>();
  for (const { component, props } of uses) {
    const label = componentQuarter(text(props['period']), quarter);
    const parsed = parseQuarter(label);
    if (!parsed.ok) continue;
    const q = parsed.period;
    if (component === 'KpiValue') {
      const kpi = text(props['kpi']) ?? '';
      const channel = text(props['channel']) ?? 'all';
      const { view } = quarterPage(project, engine, q);
      // A KPI defined after a freeze, or a channel without data this quarter, shows no value.
      const def = view.kpis.get(kpi) ?? engine.kpis.get(kpi)?.def;
      if (!def) continue;
      const cell = view.report.kpis[channel]?.[kpi];
      values.set(kpiValueKey(label, kpi, channel), {
        unit: def.unit,
        rate: isRateFormula(def.formula),
        value: cell?.value ?? null,
        qoq: cell?.qoq ?? null,
        ...(cell?.qoq_channels_differ ? { qoq_channels_differ: true as const } : {}),
        ...(cell?.qoq_partial ? { qoq_partial: cell.qoq_partial } : {}),
        currency: view.currency,
        cell: cell ?? null,
      });
    } else if (component === 'GoalCard') {
      const id = text(props['id']) ?? '';
      const page = quarterPage(project, engine, q);
      const goal = project.goals.find((g) => g.id === id);
      // The report's own figures (frozen for a frozen quarter); a goal outside it is evaluated as of the quarter's last day with data.
      const reported = page.view.report.goals.find((g) => g.id === id);
      const e = reported ?? (goal && goalJson(goal, goalEvaluation(engine, goal, reportAsOf(project, q))));
      if (!e) continue;
      const source = reported ? page.source : ({ kind: 'live' } as const);
      const note =
        source.kind === 'live' && page.source.kind === 'frozen'
          ? ` (${fill(t.goal.liveAddedAfter, { source: fill(t.goal.frozenVersion, { version: page.source.version }) })})`
          : '';
      const unit =
        e.type === 'smart' ? (page.view.kpis.get(e.kpi)?.unit ?? engine.kpis.get(e.kpi)?.def.unit ?? 'count') : 'count';
      const currency = reported ? page.view.currency : project.site.currency;
      goals.set(goalCardKey(label, id), { goal: e, unit, figures: source.kind, note, currency });
    } else {
      const kpi = text(props['kpi']) ?? '';
      const list = Array.isArray(props['channels']) ? (props['channels'] as readonly string[]) : undefined;
      const title = text(props['title']);
      const newest = frozenVersions(project, q.label).at(-1)?.snapshot;
      // The KPI as frozen where the snapshot defines it, else as defined today.
      const def = newest?.kpis.find((k) => k.id === kpi) ?? engine.kpis.get(kpi)?.def;
      if (!def) continue;
      const trend = narrativeTrend(project, engine, q, kpi, list);
      const drawn = trend.series.map((s) => s.channel);
      const name = kpiLabel(t, def);
      const heading = title ?? `${name}, ${q.label}`;
      const version = (f: { version: number; frozenAt: string }) =>
        `${fill(t.goal.frozenVersion, { version: f.version })} (${formatDate(f.frozenAt.slice(0, 10), project.site.locale)})`;
      const note =
        trend.note === null
          ? null
          : trend.note.kind === 'frozen'
            ? version(trend.note.frozen)
            : fill(t.charts.liveNotFrozen, { source: version(trend.note.frozen) });
      const site = withCurrency(
        project.site,
        trend.source.kind === 'frozen' && newest ? snapshotCurrency(newest, project.site) : project.site.currency,
      );
      const chart = trendChart(
        { site, colors: channelColors(project.site, engine.index.channels), strings: t.charts },
        {
          id: `mdx-${q.label.toLowerCase()}-${kpi}-${drawn.join('-')}`,
          title: note ? `${heading} — ${note}` : heading,
          kpiLabel: name,
          unit: def.unit,
          step: trend.step,
          series: trend.series.map((s) => ({
            channel: s.channel,
            label: channelName(project.site, s.channel),
            points: s.points,
          })),
        },
      );
      charts.set(kpiChartKey(label, kpi, list ?? null, title ?? null), { chart, source: trend.source });
    }
  }
  return { quarter, values, goals, charts };
}
