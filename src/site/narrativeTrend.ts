/**
 * What a narrative's `<KpiChart>` draws: in a frozen quarter, the trend its newest
 * snapshot recorded (so the chart agrees with the frozen `<KpiValue>`s beside it); where
 * the snapshot has no trend of that KPI or lacks a channel, today's data, labelled as live
 * figures. Pure over the project and its engine.
 */
import type { TrendLine } from '../core/figures.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';
import { reportAsOf } from '../core/report.ts';
import { kpiSeries, type Step, trendStep } from '../core/series.ts';
import { type FigureSource, frozenSource } from '../core/snapshot.ts';
import { frozenVersions } from './quarterPage.ts';

/** What a chart's title adds in a frozen quarter: the version it draws, or that it draws today's data instead of it. */
export type TrendNote =
  | { readonly kind: 'frozen'; readonly frozen: Extract<FigureSource, { kind: 'frozen' }> }
  | { readonly kind: 'live-not-frozen'; readonly frozen: Extract<FigureSource, { kind: 'frozen' }> };

export interface NarrativeTrend {
  readonly source: FigureSource;
  /** What the chart's title adds (`— frozen v2 (2026-07-03)`, `— live figures …, not the frozen v2`); null in a quarter never frozen. */
  readonly note: TrendNote | null;
  readonly step: Step;
  /** One line per channel asked for, in that order. */
  readonly series: readonly TrendLine[];
}

/** The trend of `kpi` over a quarter for `channels` (default: every channel of the report). */
export function narrativeTrend(
  project: Project,
  engine: KpiEngine,
  quarter: Period,
  kpi: string,
  channels?: readonly string[],
): NarrativeTrend {
  const newest = frozenVersions(project, quarter.label).at(-1);
  if (newest) {
    const figures = newest.snapshot.figures['all']!;
    const trend = figures.trends.find((t) => t.kpi === kpi);
    const list = channels ?? figures.report.channels.filter((c) => c !== 'all');
    if (trend && list.every((c) => figures.report.channels.includes(c))) {
      const source = frozenSource(newest.snapshot);
      const empty = trend.lines[0]?.points.map((p) => ({ date: p.date, value: null })) ?? [];
      const series = list.map((c) => trend.lines.find((l) => l.channel === c) ?? { channel: c, points: empty });
      return { source, note: { kind: 'frozen', frozen: source }, step: trend.step, series };
    }
  }
  const list = channels ?? engine.index.channels;
  const asOf = reportAsOf(project, quarter);
  const step = trendStep(engine, kpi, list, quarter, asOf);
  const series = list.map((c) => ({
    channel: c,
    points: kpiSeries(engine, kpi, [c], quarter, step, asOf).map((p) => ({ date: p.date, value: p.value })),
  }));
  const note: TrendNote | null = newest ? { kind: 'live-not-frozen', frozen: frozenSource(newest.snapshot) } : null;
  return { source: { kind: 'live' }, note, step, series };
}
