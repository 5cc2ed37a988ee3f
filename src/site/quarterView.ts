/**
 * Everything a quarter page (or a channel's quarter page) shows, assembled from the core:
 * the report (the same object `report --json` prints), KPI rows per channel and the
 * charts' specs and data. Pure: no Astro, no files.
 */
import { type ChartModel, channelMixChart, funnelChart, sentimentChart, spendRevenueChart, trendChart } from '../charts/specs.ts';
import { channelColors } from '../charts/theme.ts';
import type { Direction, Unit } from '../core/catalogue.ts';
import { type KpiEngine, windowFor } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import { channelLabel, type Project } from '../core/project.ts';
import { buildReport, type KpiJson, type ReportJson } from '../core/report.ts';
import { kpiSeries, trendStep } from '../core/series.ts';
import { parseIsoDate } from '../core/dates.ts';

export interface Scope {
  readonly id: string;
  readonly label: string;
}

export interface KpiRow {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly good: Direction;
  readonly formula: string;
  readonly description: string;
  readonly cells: Readonly<Record<string, KpiJson>>;
}

export interface QuarterView {
  readonly quarter: Period;
  readonly channel: string | null;
  readonly report: ReportJson;
  readonly scopes: readonly Scope[];
  readonly kpiRows: readonly KpiRow[];
  readonly charts: readonly ChartModel[];
}

const TREND_KPIS = ['impressions', 'engagement_rate', 'follower_count', 'ctr'] as const;
const FUNNEL = [['impressions', 'Impressions'], ['engagements', 'Engagements'], ['clicks', 'Clicks'], ['conversions', 'Conversions']] as const;

/** The view of a quarter for all channels, or for one channel. */
export function quarterView(project: Project, engine: KpiEngine, quarter: Period, channel: string | null = null): QuarterView {
  const report = buildReport(project, engine, { quarter, channel });
  const scopes = report.channels.map((id) => ({ id, label: channelLabel(project.site, id) }));
  const kpiRows = engine.kpis.all()
    .map((k): KpiRow => ({
      id: k.def.id, label: k.def.label, unit: k.def.unit, good: k.def.good, formula: k.def.formula, description: k.def.description,
      cells: Object.fromEntries(report.channels.map((s) => [s, report.kpis[s]![k.def.id]!])),
    }))
    .filter((row) => Object.values(row.cells).some((c) => c.value !== null));
  return { quarter, channel, report, scopes, kpiRows, charts: quarterCharts(project, engine, quarter, report, channel) };
}

function quarterCharts(project: Project, engine: KpiEngine, quarter: Period, report: ReportJson, channel: string | null): ChartModel[] {
  const channels = channel ? [channel] : engine.index.channels;
  const ctx = { site: project.site, colors: channelColors(project.site, engine.index.channels) };
  const asOf = dayOf(report.as_of);
  const label = (c: string) => channelLabel(project.site, c);
  const value = (scope: string, kpi: string) => report.kpis[scope]?.[kpi]?.value ?? null;
  const charts: ChartModel[] = [];
  const slug = quarter.label.toLowerCase();

  for (const id of TREND_KPIS) {
    const kpi = engine.kpis.get(id)!;
    const step = trendStep(engine, id, channels, quarter, asOf);
    const series = channels.map((c) => ({ channel: c, label: label(c), points: kpiSeries(engine, id, [c], quarter, step, asOf) }))
      .filter((s) => s.points.some((p) => p.value !== null));
    if (series.length === 0) continue;
    charts.push(trendChart(ctx, {
      id: `trend-${id}`, title: `${kpi.def.label} by ${step}, ${quarter.label}`, kpiLabel: kpi.def.label, unit: kpi.def.unit, step, series,
    }));
  }

  if (!channel && channels.length > 1) {
    const values = channels.map((c) => ({ channel: c, label: label(c), value: value(c, 'impressions') }));
    if (values.some((v) => v.value !== null)) {
      charts.push(channelMixChart(ctx, { id: 'mix-impressions', title: `Channel mix: impressions, ${quarter.label}`, kpiLabel: 'Impressions', unit: 'count', values }));
    }
  }

  const scope = channel ?? 'all';
  const stages = FUNNEL.map(([kpi, name]) => ({ label: name, value: value(scope, kpi) }));
  if (stages.filter((s) => s.value !== null).length >= 2) {
    charts.push(funnelChart(ctx, { id: 'funnel', title: `Funnel, ${channel ? label(channel) : 'all channels'}, ${quarter.label}`, stages }));
  }

  const money = channels.map((c) => ({ channel: c, label: label(c), spend: value(c, 'spend'), revenue: value(c, 'revenue'), roi: value(c, 'roi') }))
    .filter((r) => r.spend !== null || r.revenue !== null);
  if (money.length > 0) charts.push(spendRevenueChart(ctx, { id: 'spend-revenue', title: `Spend and revenue, ${quarter.label}`, rows: money }));

  const mentions = (c: string, m: string) => windowFor(engine, [c], quarter.start, Math.min(quarter.end, asOf)).lookup(m);
  const sentiment = channels.map((c) => ({
    channel: c, label: label(c), positive: mentions(c, 'positive_mentions'), neutral: mentions(c, 'neutral_mentions'),
    negative: mentions(c, 'negative_mentions'), shareOfVoice: value(c, 'share_of_voice'),
  })).filter((r) => r.positive !== null || r.negative !== null || r.shareOfVoice !== null);
  if (sentiment.length > 0) charts.push(sentimentChart(ctx, { id: 'sentiment', title: `Sentiment and share of voice, ${quarter.label}`, rows: sentiment }));

  return charts.map((c) => ({ ...c, id: `${slug}-${channel ?? 'all'}-${c.id}` }));
}

/** The day number of a date the core wrote (always valid). */
export function dayOf(iso: string): number {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.day;
}
