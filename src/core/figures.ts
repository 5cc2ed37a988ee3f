/**
 * Every figure a quarter's report shows, as plain data: the report (KPIs with QoQ/YoY and
 * goal evaluations), the KPI trends by channel and the sentiment counts. Pages draw from
 * it, `freeze` writes it into a snapshot, and restatement checks compare two of them, so
 * a frozen report and a live one are rendered by the same code.
 */
import type { Direction, Unit } from './catalogue.ts';
import { growsWithWindow } from './comparable.ts';
import { type KpiEngine, windowFor } from './kpis.ts';
import type { Project } from './project.ts';
import { buildReport, type ReportJson, type ReportOptions } from './report.ts';
import { kpiSeries, type Step, trendStep } from './series.ts';
import { parseIsoDate } from './dates.ts';

/** What a page needs to know of a KPI to show it (a snapshot keeps it as it was). */
export interface KpiMeta {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly good: Direction;
  readonly formula: string;
  readonly description: string;
  /**
   * Whether its value grows with the days counted (a total, a reach), by the metrics' real
   * aggregations (a declared stock does not): see `kpiGrowsWithWindow`. Absent in snapshots
   * frozen before metas carried it.
   */
  readonly grows_with_window?: boolean;
}

/** One channel's line of a trend chart: the KPI over each week or month. */
export interface TrendLine {
  readonly channel: string;
  readonly points: ReadonlyArray<{ readonly date: string; readonly value: number | null }>;
}

/** A KPI's trend over a quarter, by channel, at one step. */
export interface Trend {
  readonly kpi: string;
  readonly step: Step;
  readonly lines: readonly TrendLine[];
}

/** A channel's brand mentions by sentiment over the quarter (for the sentiment chart). */
export interface MentionCounts {
  readonly channel: string;
  readonly positive: number | null;
  readonly neutral: number | null;
  readonly negative: number | null;
}

/** Everything a quarter page shows, for all channels or one: what a snapshot freezes. */
export interface QuarterFigures {
  readonly report: ReportJson;
  readonly trends: readonly Trend[];
  readonly mentions: readonly MentionCounts[];
}

/** The KPIs whose trends a report charts. */
export const TREND_KPIS = ['impressions', 'engagement_rate', 'follower_count', 'ctr'] as const;

/** The KPI definitions of an engine, in catalogue order. */
export function kpiMetas(engine: KpiEngine): KpiMeta[] {
  const aggregationOf = (name: string) => engine.index.metrics.get(name)?.aggregation;
  return engine.kpis.all().map(({ def, ast }) => ({
    id: def.id,
    label: def.label,
    unit: def.unit,
    good: def.good,
    formula: def.formula,
    description: def.description,
    grows_with_window: growsWithWindow(ast, aggregationOf),
  }));
}

/**
 * A quarter computed from the current data, for all channels (`channel` null) or one, as of
 * its last day with data or `asOf`: the one entry point of the CLI report, `freeze`, `diff`
 * and the site.
 */
export function computeQuarter(project: Project, engine: KpiEngine, options: ReportOptions): QuarterFigures {
  const { quarter } = options;
  const channel = options.channel ?? null;
  const report = buildReport(project, engine, options);
  const channels = channel ? [channel] : engine.index.channels;
  const parsed = parseIsoDate(report.as_of);
  const asOf = parsed.ok ? parsed.day : quarter.end;

  const trends: Trend[] = [];
  for (const kpi of TREND_KPIS) {
    const step = trendStep(engine, kpi, channels, quarter, asOf);
    const lines = channels
      .map((c) => ({
        channel: c,
        points: kpiSeries(engine, kpi, [c], quarter, step, asOf).map((p) => ({ date: p.date, value: p.value })),
      }))
      .filter((line) => line.points.some((p) => p.value !== null));
    if (lines.length > 0) trends.push({ kpi, step, lines });
  }

  const mentions = channels
    .map((c) => {
      const window = windowFor(engine, [c], quarter.start, Math.min(quarter.end, asOf));
      return {
        channel: c,
        positive: window.lookup('positive_mentions'),
        neutral: window.lookup('neutral_mentions'),
        negative: window.lookup('negative_mentions'),
      };
    })
    .filter((m) => m.positive !== null || m.neutral !== null || m.negative !== null);

  return { report, trends, mentions };
}
