/**
 * Chart builders: pure functions from computed report data to a Vega-Lite spec, a text
 * alternative and the chart's data as a table (every chart is readable without seeing it).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Unit } from '../core/catalogue.ts';
import type { SiteSettings } from '../core/project.ts';
import { dateTimeFormat } from '../format/intl.ts';
import { type FormatOptions, formatKpiValue, formatShare } from '../format/numbers.ts';
import { axisFormat, chartConfig } from './theme.ts';

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface ChartModel {
  readonly id: string;
  readonly title: string;
  /** Text alternative: what the chart shows and its main figures. */
  readonly description: string;
  readonly spec: TopLevelSpec;
  readonly table: ChartTable;
}

export interface ChartContext {
  readonly site: SiteSettings;
  readonly colors: ReadonlyMap<string, string>;
}

/** A date axis format in the locale's day/month order. */
function dateFormat(locale: string): string {
  return locale.startsWith('en-US') ? '%b %-d' : '%-d %b';
}

/** A short localized date for tables: "Apr 6" / "6 avr.". */
export function shortDate(iso: string, locale: string): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function colorScale(ctx: ChartContext, channels: ReadonlyArray<{ label: string; channel: string }>) {
  return { domain: channels.map((c) => c.label), range: channels.map((c) => ctx.colors.get(c.channel) ?? '#555555') };
}

export interface TrendSeries {
  readonly channel: string;
  readonly label: string;
  readonly points: ReadonlyArray<{ date: string; value: number | null }>;
}

/** A KPI over the weeks or months of a quarter, one line per channel. */
export function trendChart(ctx: ChartContext, opts: {
  id: string; title: string; kpiLabel: string; unit: Unit; step: 'week' | 'month'; series: readonly TrendSeries[];
}): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const values = opts.series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => ({ date: p.date, channel: s.label, value: p.value })));
  const dates = [...new Set(opts.series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    height: 220,
    data: { values },
    // Point markers help read a few short lines; on a dense chart they are noise (and bytes).
    mark: { type: 'line', point: values.length <= 60 ? { size: 30 } : false, strokeWidth: 2 },
    encoding: {
      x: { field: 'date', type: 'temporal', scale: { type: 'utc' }, title: null, axis: { format: dateFormat(ctx.site.locale), tickCount: opts.step === 'week' ? 6 : 3, grid: false } },
      y: { field: 'value', type: 'quantitative', title: opts.kpiLabel, axis: { format: axisFormat(opts.unit), tickCount: 5 } },
      color: { field: 'channel', type: 'nominal', title: null, scale: colorScale(ctx, opts.series) },
    },
  };
  const summary = opts.series.map((s) => {
    const known = s.points.filter((p) => p.value !== null);
    if (known.length === 0) return `${s.label}: no data`;
    return `${s.label} from ${formatKpiValue(known[0]!.value, opts.unit, fmt)} to ${formatKpiValue(known[known.length - 1]!.value, opts.unit, fmt)}`;
  });
  return {
    id: opts.id, title: opts.title, spec,
    description: `Line chart of ${opts.kpiLabel.toLowerCase()} by ${opts.step}: ${summary.join('; ')}.`,
    table: {
      columns: [opts.step === 'week' ? 'Week of' : 'Month of', ...opts.series.map((s) => s.label)],
      rows: dates.map((d) => [shortDate(d, ctx.site.locale), ...opts.series.map((s) => formatKpiValue(s.points.find((p) => p.date === d)?.value ?? null, opts.unit, fmt))]),
    },
  };
}

export interface ChannelValue {
  readonly channel: string;
  readonly label: string;
  readonly value: number | null;
}

/** Share of a total KPI (impressions, engagements…) by channel, as horizontal bars. */
export function channelMixChart(ctx: ChartContext, opts: { id: string; title: string; kpiLabel: string; unit: Unit; values: readonly ChannelValue[] }): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const known = opts.values.filter((v): v is ChannelValue & { value: number } => v.value !== null);
  const total = known.reduce((s, v) => s + v.value, 0);
  const rows = known.map((v) => ({ channel: v.label, value: v.value, share: total > 0 ? v.value / total : 0 }))
    .sort((a, b) => b.value - a.value || (a.channel < b.channel ? -1 : 1));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    data: { values: rows },
    height: { step: 28 },
    encoding: {
      y: { field: 'channel', type: 'nominal', title: null, sort: null },
      x: { field: 'value', type: 'quantitative', title: opts.kpiLabel, axis: { format: axisFormat(opts.unit), tickCount: 4 } },
    },
    layer: [
      { mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { color: { field: 'channel', type: 'nominal', legend: null, scale: colorScale(ctx, known) } } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'share', type: 'quantitative', format: '.0%' } } },
    ],
  };
  return {
    id: opts.id, title: opts.title, spec,
    description: `Bar chart of ${opts.kpiLabel.toLowerCase()} by channel: ${known.map((v) => `${v.label} ${formatKpiValue(v.value, opts.unit, fmt)} (${formatShare(total > 0 ? v.value / total : null, fmt)})`).join('; ') || 'no data'}.`,
    table: {
      columns: ['Channel', opts.kpiLabel, 'Share'],
      rows: opts.values.map((v) => [v.label, formatKpiValue(v.value, opts.unit, fmt), formatShare(v.value !== null && total > 0 ? v.value / total : null, fmt)]),
    },
  };
}

export interface FunnelStage {
  readonly label: string;
  readonly value: number | null;
}

/** The funnel impressions → engagements → clicks → conversions, with the rate of each step. */
export function funnelChart(ctx: ChartContext, opts: { id: string; title: string; stages: readonly FunnelStage[] }): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const stages = opts.stages.map((s, i) => {
    const prev = i > 0 ? opts.stages[i - 1]!.value : null;
    const rate = s.value !== null && prev !== null && prev > 0 ? s.value / prev : null;
    return { stage: s.label, order: i, value: s.value, rate };
  });
  const known = stages.filter((s) => s.value !== null);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    data: { values: known.map((s) => ({ ...s, text: formatKpiValue(s.value, 'count', fmt) + (s.rate !== null ? ` (${formatKpiValue(s.rate, 'percent', fmt)})` : '') })) },
    height: { step: 32 },
    encoding: {
      y: { field: 'stage', type: 'nominal', title: null, sort: null },
      x: { field: 'value', type: 'quantitative', title: 'Count', scale: { type: 'sqrt' }, axis: { format: ',.2~s', tickCount: 4 } },
    },
    layer: [
      { mark: { type: 'bar', color: '#0072B2', cornerRadiusEnd: 2 } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  };
  return {
    id: opts.id, title: opts.title, spec,
    description: `Funnel (bar lengths on a square-root scale): ${stages.map((s) => `${s.stage} ${formatKpiValue(s.value, 'count', fmt)}${s.rate !== null ? `, ${formatKpiValue(s.rate, 'percent', fmt)} of the step before` : ''}`).join('; ')}.`,
    table: {
      columns: ['Stage', 'Count', 'Rate from previous stage'],
      rows: stages.map((s) => [s.stage, formatKpiValue(s.value, 'count', fmt), s.order === 0 ? '—' : formatKpiValue(s.rate, 'percent', fmt)]),
    },
  };
}

export interface SpendRevenue {
  readonly channel: string;
  readonly label: string;
  readonly spend: number | null;
  readonly revenue: number | null;
  readonly roi: number | null;
}

/** Spend and revenue by channel, side by side, with ROI in the table. */
export function spendRevenueChart(ctx: ChartContext, opts: { id: string; title: string; rows: readonly SpendRevenue[] }): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const values = opts.rows.flatMap((r) => [
    ...(r.spend !== null ? [{ channel: r.label, measure: 'Spend', value: r.spend }] : []),
    ...(r.revenue !== null ? [{ channel: r.label, measure: 'Revenue', value: r.revenue }] : []),
  ]);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    height: { step: 14 },
    encoding: {
      y: { field: 'channel', type: 'nominal', title: null },
      yOffset: { field: 'measure', type: 'nominal', sort: ['Spend', 'Revenue'] },
      x: { field: 'value', type: 'quantitative', title: null, axis: { format: axisFormat('money'), tickCount: 4 } },
      color: { field: 'measure', type: 'nominal', title: null, scale: { domain: ['Spend', 'Revenue'], range: ['#D55E00', '#009E73'] } },
    },
  };
  return {
    id: opts.id, title: opts.title, spec,
    description: `Bar chart of spend and revenue by channel: ${opts.rows.map((r) => `${r.label} spent ${formatKpiValue(r.spend, 'money', fmt)} for ${formatKpiValue(r.revenue, 'money', fmt)} revenue, ROI ${formatKpiValue(r.roi, 'percent', fmt)}`).join('; ')}.`,
    table: {
      columns: ['Channel', 'Spend', 'Revenue', 'ROI'],
      rows: opts.rows.map((r) => [r.label, formatKpiValue(r.spend, 'money', fmt), formatKpiValue(r.revenue, 'money', fmt), formatKpiValue(r.roi, 'percent', fmt)]),
    },
  };
}

export interface Sentiment {
  readonly channel: string;
  readonly label: string;
  readonly positive: number | null;
  readonly neutral: number | null;
  readonly negative: number | null;
  readonly shareOfVoice: number | null;
}

/** Positive, neutral and negative mentions by channel (as shares), and share of voice. */
export function sentimentChart(ctx: ChartContext, opts: { id: string; title: string; rows: readonly Sentiment[] }): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const kinds = [['Positive', 'positive', '#009E73'], ['Neutral', 'neutral', '#999999'], ['Negative', 'negative', '#D55E00']] as const;
  const values = opts.rows.flatMap((r) => kinds.flatMap(([name, key]) => (r[key] !== null ? [{ channel: r.label, sentiment: name, value: r[key] }] : [])));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    data: { values },
    mark: { type: 'bar' },
    height: { step: 28 },
    encoding: {
      y: { field: 'channel', type: 'nominal', title: null },
      x: { field: 'value', type: 'quantitative', stack: 'normalize', title: 'Share of mentions', axis: { format: '.0%', tickCount: 4 } },
      color: { field: 'sentiment', type: 'nominal', title: null, scale: { domain: kinds.map((k) => k[0]), range: kinds.map((k) => k[2]) } },
      order: { field: 'sentiment', sort: 'descending' },
    },
  };
  const share = (r: Sentiment, key: 'positive' | 'neutral' | 'negative') => {
    const total = (r.positive ?? 0) + (r.neutral ?? 0) + (r.negative ?? 0);
    return r[key] === null || total === 0 ? null : r[key]! / total;
  };
  return {
    id: opts.id, title: opts.title, spec,
    description: `Stacked bars of mention sentiment by channel: ${opts.rows.map((r) => `${r.label} ${formatShare(share(r, 'positive'), fmt)} positive, ${formatShare(share(r, 'negative'), fmt)} negative, share of voice ${formatKpiValue(r.shareOfVoice, 'percent', fmt)}`).join('; ')}.`,
    table: {
      columns: ['Channel', 'Positive', 'Neutral', 'Negative', 'Share of voice'],
      rows: opts.rows.map((r) => [r.label, formatShare(share(r, 'positive'), fmt), formatShare(share(r, 'neutral'), fmt), formatShare(share(r, 'negative'), fmt), formatKpiValue(r.shareOfVoice, 'percent', fmt)]),
    },
  };
}

export interface ProgressData {
  readonly kpiLabel: string;
  readonly unit: Unit;
  readonly start: string;
  readonly deadline: string;
  readonly target: number | null;
  /** The goal's actual at each day with data so far. */
  readonly actual: ReadonlyArray<{ date: string; value: number }>;
  /** The expected line: start (baseline or 0) → milestones → deadline (target). */
  readonly expected: ReadonlyArray<{ date: string; value: number }>;
  readonly milestones: ReadonlyArray<{ date: string; value: number }>;
  readonly projection: number | null;
}

/** A goal's progress: actual so far, target, expected pace, milestones and projection. */
export function goalProgressChart(ctx: ChartContext, opts: { id: string; title: string; data: ProgressData }): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const d = opts.data;
  const last = d.actual[d.actual.length - 1];
  const projection = last && d.projection !== null ? [{ date: last.date, value: last.value }, { date: d.deadline, value: d.projection }] : [];
  const x = { field: 'date', type: 'temporal' as const, scale: { type: 'utc' as const, domain: [d.start, d.deadline] }, title: null, axis: { format: dateFormat(ctx.site.locale), tickCount: 5, grid: false } };
  const y = { field: 'value', type: 'quantitative' as const, title: d.kpiLabel, axis: { format: axisFormat(d.unit), tickCount: 5 }, scale: { zero: false } };
  const present: Array<[string, string, boolean]> = [
    ['Actual', '#0072B2', d.actual.length > 0], ['Expected pace', '#777777', d.expected.length > 0],
    ['Projection', '#0072B2', projection.length > 0], ['Target', '#D55E00', d.target !== null], ['Milestone', '#E69F00', d.milestones.length > 0],
  ];
  const shown = present.filter(([, , on]) => on);
  const color = { field: 'series', type: 'nominal' as const, title: null, scale: { domain: shown.map((s) => s[0]), range: shown.map((s) => s[1]) } };
  const line = (series: string, values: ReadonlyArray<{ date: string; value: number }>, dash: number[]) => ({
    data: { values: values.map((p) => ({ ...p, series })) },
    mark: { type: 'line' as const, strokeWidth: 2, strokeDash: dash },
    encoding: { x, y, color },
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    height: 240,
    layer: [
      line('Expected pace', d.expected, [4, 3]),
      ...(projection.length > 0 ? [line('Projection', projection, [2, 2])] : []),
      { ...line('Actual', d.actual, []), mark: { type: 'line' as const, strokeWidth: 2, point: d.actual.length < 40 } },
      ...(d.target !== null ? [{
        data: { values: [{ value: d.target, series: 'Target' }] },
        mark: { type: 'rule' as const, strokeWidth: 1.5 },
        encoding: { y: { field: 'value', type: 'quantitative' as const }, color },
      }] : []),
      ...(d.milestones.length > 0 ? [{
        data: { values: d.milestones.map((m) => ({ ...m, series: 'Milestone' })) },
        mark: { type: 'point' as const, shape: 'diamond', filled: true, size: 80 },
        encoding: { x, y, color },
      }] : []),
    ],
  };
  return {
    id: opts.id, title: opts.title, spec,
    description: `Line chart of ${d.kpiLabel.toLowerCase()} from ${d.start} to ${d.deadline}: `
      + `${last ? `latest ${formatKpiValue(last.value, d.unit, fmt)} on ${last.date}` : 'no data yet'}, target ${formatKpiValue(d.target, d.unit, fmt)}, `
      + `projected ${formatKpiValue(d.projection, d.unit, fmt)} at the deadline`
      + `${d.milestones.length > 0 ? `; milestones ${d.milestones.map((m) => `${formatKpiValue(m.value, d.unit, fmt)} by ${m.date}`).join(', ')}` : ''}.`,
    table: {
      columns: ['Date', 'Actual', 'Expected pace'],
      rows: [...new Set([...d.actual.map((p) => p.date), ...d.expected.map((p) => p.date)])].sort().map((date) => [
        shortDate(date, ctx.site.locale),
        formatKpiValue(d.actual.find((p) => p.date === date)?.value ?? null, d.unit, fmt),
        formatKpiValue(d.expected.find((p) => p.date === date)?.value ?? null, d.unit, fmt),
      ]),
    },
  };
}

/** A sparkline: a KPI over recent quarters, no axes (the value and change are printed beside it). */
export function sparklineSpec(ctx: ChartContext, values: ReadonlyArray<{ period: string; value: number | null }>): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { ...chartConfig(ctx.site), axis: { disable: true } },
    height: 36,
    padding: 2,
    data: { values: values.filter((v) => v.value !== null) },
    mark: { type: 'line', strokeWidth: 2, color: '#0072B2', point: false },
    encoding: {
      x: { field: 'period', type: 'ordinal', axis: null, sort: null },
      y: { field: 'value', type: 'quantitative', axis: null, scale: { zero: false } },
    },
  };
}
