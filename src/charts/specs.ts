/**
 * Chart builders: pure functions from computed report data to a Vega-Lite spec, a text
 * alternative and the chart's data as a table (every chart is readable without seeing it).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Unit } from '../core/catalogue.ts';
import { formatDay, monthBounds, monthIndexOf, parseIsoDate, quarterBounds, quarterIndexOf } from '../core/dates.ts';
import type { SiteSettings } from '../core/project.ts';
import { weekEnd } from '../core/series.ts';
import { dateTimeFormat, formatDate } from '../format/intl.ts';
import { type FormatOptions, formatKpiValue, formatShare } from '../format/numbers.ts';
import { en, type UiStrings } from '../translations/en.ts';
import { fill } from '../translations/index.ts';
import { axisLabels, chartConfig, TEXT_FONT_SIZE } from './theme.ts';

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
  /** What the reader should know before reading it (the channels it leaves out); shown under the caption. */
  readonly note?: string;
}

/** A chart with what the reader should know first: shown under its caption and said before its description. */
export function withNotes(chart: ChartModel, notes: readonly string[]): ChartModel {
  if (notes.length === 0) return chart;
  const note = notes.join(' ');
  return { ...chart, description: `${note} ${chart.description}`, note };
}

export interface ChartContext {
  readonly site: SiteSettings;
  readonly colors: ReadonlyMap<string, string>;
  /** The words of the charts (axis titles, series, table headers); English when absent. */
  readonly strings?: ChartStrings;
}

/** The chart words of a language's table (src/translations). */
export type ChartStrings = UiStrings['charts'];

function words(ctx: ChartContext): ChartStrings {
  return ctx.strings ?? en.charts;
}

/** The font size of direct labels, in pixels (the theme's text size). */
const LABEL_FONT_SIZE = TEXT_FONT_SIZE;

/** The step of about `count` round ticks over a span (d3's rule: 1, 2 or 5 times a power of ten). */
function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/** A y domain with zero, extended to round ticks (as d3's `nice`), for a set of values. */
export function niceDomain(values: readonly number[], count = 5): [number, number] {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (!(hi > lo)) return [lo, lo + 1];
  for (let i = 0; i < 2; i++) {
    const step = tickStep(lo, hi, count);
    // (Rounded to 12 digits: 0.2 × 3 must stay 0.6, not grow a step on the second pass.)
    const niceLo = Number((Math.floor(lo / step + 1e-9) * step).toPrecision(12));
    const niceHi = Number((Math.ceil(hi / step - 1e-9) * step).toPrecision(12));
    // Spans at the ends of the float range (subnormal or overflowing steps) stay as they are.
    if (!(Number.isFinite(niceLo) && Number.isFinite(niceHi) && niceHi > niceLo)) break;
    [lo, hi] = [niceLo, niceHi];
  }
  return [lo, hi];
}

/**
 * Direct labels moved apart so that none overlaps another: each keeps its value, and gets
 * `labelAt`, the value where it is drawn, its text (a box of 1 em, centred on it) at least 1 em
 * (`fontSize` pixels) from its neighbours' text: centres 2 em apart. The labels keep their lines'
 * order and move as little as they can: of all such placements within the chart, the one
 * nearest their lines' ends (least squares), so that a cluster is centred on its lines' ends.
 * (With p_k = q_k + k·gap, the gaps hold when q is non-decreasing: q is the isotonic regression
 * of the targets less k·gap, by pooling adjacent violators, clamped to the chart.)
 */
export function dodge<T extends { readonly value: number }>(
  labels: readonly T[],
  domain: [number, number],
  height: number,
  fontSize: number,
): Array<T & { labelAt: number }> {
  const gap = 2 * fontSize;
  const [lo, hi] = domain;
  const px = (v: number) => ((v - lo) / (hi - lo)) * height;
  const order = labels.map((l, i) => ({ i, at: px(l.value) })).sort((a, b) => a.at - b.at || a.i - b.i);
  // Blocks of pooled labels: their mean shifted target and how many they are.
  const blocks: Array<{ mean: number; count: number }> = [];
  for (const [k, o] of order.entries()) {
    let block = { mean: o.at - k * gap, count: 1 };
    while (blocks.length > 0 && blocks[blocks.length - 1]!.mean >= block.mean) {
      const last = blocks.pop()!;
      const count = last.count + block.count;
      block = { mean: (last.mean * last.count + block.mean * block.count) / count, count };
    }
    blocks.push(block);
  }
  const top = Math.max(0, height - (order.length - 1) * gap);
  let k = 0;
  for (const block of blocks) {
    const q = Math.min(top, Math.max(0, block.mean));
    for (let n = 0; n < block.count; n++, k++) order[k]!.at = q + k * gap;
  }
  const at = new Map(order.map((o) => [o.i, lo + (o.at / height) * (hi - lo)]));
  return labels.map((l, i) => ({ ...l, labelAt: at.get(i)! }));
}

/** An ISO day as a UTC timestamp (milliseconds), for axis tick values. */
function utcTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * The parameters of a trend chart (top-level Vega-Lite params holding a value): its y domain and
 * its month ticks. They depend on the data, so the renderer swaps them in with the data.
 */
const Y_DOMAIN = 'y_domain';
const MONTH_TICKS = 'month_ticks';

/**
 * The last day of the week or month that starts on `iso`, not after `asOf` (a stock's value is its
 * level then). A week is a trend's (`weekEnd`, as `subPeriods` cuts them): it ends on the Sunday, or
 * with its quarter, so the week from Wednesday 1 July ends on Sunday 5 July (red-team 26 #10).
 */
export function periodEnd(iso: string, step: 'week' | 'month', asOf: string | null = null): string {
  const key = `${step}\u0000${iso}`;
  let last = periodEnds.get(key);
  if (last === undefined) {
    const parsed = parseIsoDate(iso);
    if (!parsed.ok) throw new Error(`periodEnd: ${parsed.reason}`);
    const day = parsed.day;
    const end = step === 'week' ? weekEnd(day, quarterBounds(quarterIndexOf(day))[1]) : monthBounds(monthIndexOf(day))[1];
    periodEnds.set(key, (last = formatDay(end)));
  }
  return asOf !== null && asOf < last && asOf >= iso ? asOf : last;
}

/** The last days of weeks and months already worked out (every trend chart of a quarter has the same ones). */
const periodEnds = new Map<string, string>();

/** A date axis format in the locale's day/month order. */
function dateFormat(locale: string): string {
  return locale.startsWith('en-US') ? '%b %-d' : '%-d %b';
}

/** A short localized date for tables: "Apr 6" / "6 avr.". */
export function shortDate(iso: string, locale: string): string {
  const key = `${locale}\u0000${iso}`;
  let text = shortDates.get(key);
  if (text === undefined)
    shortDates.set(
      key,
      (text = dateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))),
    );
  return text;
}

/** Short dates already written, by locale and day: the same weeks and months recur in every trend chart. */
const shortDates = new Map<string, string>();

/**
 * The items with labels that tell channels apart: a label shared by several channels gets
 * the channel id (`Instagram (instagram-de)`), so that a chart never merges two channels
 * into one series or bar.
 */
export function distinctLabels<T extends { readonly channel: string; readonly label: string }>(items: readonly T[]): T[] {
  const channelsOf = new Map<string, Set<string>>();
  for (const item of items) {
    const set = channelsOf.get(item.label) ?? new Set();
    set.add(item.channel);
    channelsOf.set(item.label, set);
  }
  return items.map((item) =>
    channelsOf.get(item.label)!.size > 1 ? { ...item, label: `${item.label} (${item.channel})` } : item,
  );
}

function colorScale(ctx: ChartContext, channels: ReadonlyArray<{ label: string; channel: string }>) {
  return { domain: channels.map((c) => c.label), range: channels.map((c) => ctx.colors.get(c.channel) ?? '#555555') };
}

export interface TrendSeries {
  readonly channel: string;
  readonly label: string;
  readonly points: ReadonlyArray<{ date: string; value: number | null }>;
}

/**
 * A KPI over the weeks or months of a quarter, one line per channel, each named at its end.
 * A stock (`at: 'end'`, e.g. followers) is plotted at each period's last day (or `asOf` in
 * the running period); monthly points are labelled by month.
 */
export function trendChart(
  ctx: ChartContext,
  opts: {
    id: string;
    title: string;
    kpiLabel: string;
    unit: Unit;
    step: 'week' | 'month';
    series: readonly TrendSeries[];
    at?: 'start' | 'end';
    asOf?: string | null;
  },
): ChartModel {
  opts = { ...opts, series: distinctLabels(opts.series) };
  const w = words(ctx);
  const fmt: FormatOptions = ctx.site;
  const atEnd = opts.at === 'end';
  const when = (date: string) => (atEnd ? periodEnd(date, opts.step, opts.asOf ?? null) : date);
  const values = opts.series.flatMap((s) =>
    s.points.filter((p) => p.value !== null).map((p) => ({ date: when(p.date), channel: s.label, value: p.value })),
  );
  const dates = [...new Set(opts.series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const height = 220;
  const domain = niceDomain(values.map((v) => v.value!));
  const ends = dodge(
    opts.series.flatMap((s) => {
      const known = s.points.filter((p) => p.value !== null);
      const last = known[known.length - 1];
      return last ? [{ date: when(last.date), channel: s.label, value: last.value! }] : [];
    }),
    domain,
    height,
    LABEL_FONT_SIZE,
  );
  const monthly = opts.step === 'month';
  const x = {
    field: 'date',
    type: 'temporal' as const,
    scale: { type: 'utc' as const },
    title: null,
    axis: monthly
      ? { format: '%b', values: { expr: MONTH_TICKS }, grid: false }
      : { format: dateFormat(ctx.site.locale), tickCount: 6, grid: false },
  };
  // An explicit (niced) domain, so that the direct labels can be spaced in pixels. It and the
  // month ticks are parameters (data, like the values): charts of one kind share one shape.
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: opts.kpiLabel,
    axis: axisLabels(opts.unit, ctx.site, 'y', 5),
    scale: { domain: { expr: Y_DOMAIN }, nice: false },
  };
  const params = [
    { name: Y_DOMAIN, value: domain },
    ...(monthly ? [{ name: MONTH_TICKS, value: dates.map((d) => utcTime(when(d))) }] : []),
  ];
  const color = { field: 'channel', type: 'nominal' as const, title: null, scale: colorScale(ctx, opts.series) };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    params,
    height,
    encoding: { x, y, color },
    layer: [
      // Point markers help read a few short lines; on a dense chart they are noise (and bytes).
      { data: { values }, mark: { type: 'line', point: values.length <= 60 ? { size: 30 } : false, strokeWidth: 2 } },
      // Direct labels: each line named at its last point.
      {
        data: { values: ends },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: LABEL_FONT_SIZE },
        encoding: { y: { ...y, field: 'labelAt' }, text: { field: 'channel', type: 'nominal' } },
      },
    ],
  };
  const summary = opts.series.map((s) => {
    const known = s.points.filter((p) => p.value !== null);
    if (known.length === 0) return fill(w.described.noDataItem, { series: s.label });
    return fill(w.described.lineItem, {
      series: s.label,
      first: formatKpiValue(known[0]!.value, opts.unit, fmt),
      last: formatKpiValue(known[known.length - 1]!.value, opts.unit, fmt),
    });
  });
  const column = atEnd ? (opts.step === 'week' ? w.weekEnding : w.monthEnding) : opts.step === 'week' ? w.weekOf : w.monthOf;
  return {
    id: opts.id,
    title: opts.title,
    spec,
    description: fill(w.described.line, {
      kpi: opts.kpiLabel,
      step: opts.step === 'week' ? w.week : w.month,
      items: summary.join('; '),
    }),
    table: {
      columns: [column, ...opts.series.map((s) => s.label)],
      rows: dates.map((d) => [
        shortDate(when(d), ctx.site.locale),
        ...opts.series.map((s) => formatKpiValue(s.points.find((p) => p.date === d)?.value ?? null, opts.unit, fmt)),
      ]),
    },
  };
}

export interface ChannelValue {
  readonly channel: string;
  readonly label: string;
  readonly value: number | null;
}

/** Share of a total KPI (impressions, engagements…) by channel, as horizontal bars. */
export function channelMixChart(
  ctx: ChartContext,
  opts: { id: string; title: string; kpiLabel: string; unit: Unit; values: readonly ChannelValue[] },
): ChartModel {
  opts = { ...opts, values: distinctLabels(opts.values) };
  const fmt: FormatOptions = ctx.site;
  const w = words(ctx);
  const known = opts.values.filter((v): v is ChannelValue & { value: number } => v.value !== null);
  const total = known.reduce((s, v) => s + v.value, 0);
  const rows = known
    .map((v) => ({ channel: v.label, value: v.value, share: total > 0 ? v.value / total : 0 }))
    .sort((a, b) => b.value - a.value || (a.channel < b.channel ? -1 : 1));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    data: { values: rows },
    height: { step: 28 },
    encoding: {
      y: { field: 'channel', type: 'nominal', title: null, sort: null },
      x: { field: 'value', type: 'quantitative', title: opts.kpiLabel, axis: axisLabels(opts.unit, ctx.site, 'x', 4) },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: { color: { field: 'channel', type: 'nominal', legend: null, scale: colorScale(ctx, known) } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { text: { field: 'share', type: 'quantitative', format: '.0%' } },
      },
    ],
  };
  return {
    id: opts.id,
    title: opts.title,
    spec,
    description: fill(w.described.bars, {
      kpi: opts.kpiLabel,
      items:
        known
          .map(
            (v) =>
              `${v.label} ${formatKpiValue(v.value, opts.unit, fmt)} (${formatShare(total > 0 ? v.value / total : null, fmt)})`,
          )
          .join('; ') || w.noData,
    }),
    table: {
      columns: [w.channel, opts.kpiLabel, w.share],
      rows: opts.values.map((v) => [
        v.label,
        formatKpiValue(v.value, opts.unit, fmt),
        formatShare(v.value !== null && total > 0 ? v.value / total : null, fmt),
      ]),
    },
  };
}

/** The stages of the funnel, as metric names. */
export type FunnelStageId = 'impressions' | 'engagements' | 'clicks' | 'conversions';

export interface FunnelStage {
  readonly id: FunnelStageId;
  readonly label: string;
  readonly value: number | null;
  /** The step's KPI value as the report computed it (its coverage may differ from the counts'); else value / the stage it is per. */
  readonly rate?: number | null;
  /**
   * The channels the stage counts ("Facebook only", "2 of 3 channels") where the stages are not all
   * over the same channels, else absent: beside its count and its rate, in the table and the note.
   */
  readonly coverage?: string | null;
  /** The day the step's rate is computed to where that is before the quarter's as-of day (its inputs stop there), formatted. */
  readonly rateTo?: string | null;
}

/** Each step's rate as the KPI catalogue defines it: the stage it is per, and the KPI's name in the chart words. */
export const FUNNEL_RATES: Readonly<
  Record<Exclude<FunnelStageId, 'impressions'>, { per: FunnelStageId; kpi: 'engagementRate' | 'ctr' | 'conversionRate' }>
> = {
  engagements: { per: 'impressions', kpi: 'engagementRate' },
  clicks: { per: 'impressions', kpi: 'ctr' },
  conversions: { per: 'clicks', kpi: 'conversionRate' },
};

/**
 * The funnel impressions → engagements → clicks → conversions on a linear scale, each step
 * labelled with its KPI: engagement rate (per impression), CTR (per impression) and
 * conversion rate (per click), as the KPI table shows them. Stages over different channels
 * (conversions on Facebook only beside clicks on three) say their channels beside their figures,
 * in the table and in the chart's note: a step rate is then not the ratio of the bars.
 */
export function funnelChart(ctx: ChartContext, opts: { id: string; title: string; stages: readonly FunnelStage[] }): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const w = words(ctx);
  const byId = new Map(opts.stages.map((s) => [s.id, s.value]));
  const stages = opts.stages.map((s, i) => {
    const step = s.id === 'impressions' ? null : FUNNEL_RATES[s.id];
    const per = step ? (byId.get(step.per) ?? null) : null;
    const rate = !step
      ? null
      : s.rate !== undefined
        ? s.rate
        : s.value !== null && per !== null && per > 0
          ? s.value / per
          : null;
    return {
      stage: s.label,
      order: i,
      value: s.value,
      rate,
      kpi: step ? w[step.kpi] : null,
      coverage: s.coverage ?? null,
      rateTo: s.rate !== undefined ? (s.rateTo ?? null) : null,
    };
  });
  // A rate cut to the day its inputs stop (LinkedIn's clicks to Aug 20 while the counts run on) says that day.
  const rateText = (s: (typeof stages)[number]) =>
    s.kpi !== null && s.rate !== null
      ? `${s.kpi} ${formatKpiValue(s.rate, 'percent', fmt)}${s.rateTo !== null ? ` ${fill(w.rateTo, { date: s.rateTo })}` : ''}`
      : null;
  const covered = stages.filter((s) => s.coverage !== null && s.value !== null);
  const coverageText = (s: (typeof stages)[number]) => (s.coverage !== null ? ` · ${s.coverage}` : '');
  const note =
    covered.length > 0
      ? fill(w.funnelCoverage, {
          items: covered.map((s) => fill(w.coverageItem, { stage: s.stage, coverage: s.coverage! })).join(', '),
        })
      : null;
  const known = stages.filter((s) => s.value !== null);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    data: {
      values: known.map((s) => ({
        ...s,
        text: formatKpiValue(s.value, 'count', fmt) + (rateText(s) !== null ? ` (${rateText(s)})` : '') + coverageText(s),
      })),
    },
    height: { step: 32 },
    encoding: {
      y: { field: 'stage', type: 'nominal', title: null, sort: null },
      x: {
        field: 'value',
        type: 'quantitative',
        title: w.count,
        scale: { type: 'linear' },
        axis: axisLabels('count', ctx.site, 'x', 4),
      },
    },
    layer: [
      { mark: { type: 'bar', color: '#0072B2', cornerRadiusEnd: 2 } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'text', type: 'nominal' } } },
    ],
  };
  return {
    id: opts.id,
    title: opts.title,
    spec,
    description:
      (note !== null ? `${note} ` : '') +
      fill(w.described.funnel, {
        items: stages
          .map(
            (s) =>
              `${s.stage} ${formatKpiValue(s.value, 'count', fmt)}${rateText(s) !== null ? `, ${rateText(s)}` : ''}${s.coverage !== null ? ` (${s.coverage})` : ''}`,
          )
          .join('; '),
      }),
    table: {
      columns: [w.stage, w.count, w.stepRate, ...(covered.length > 0 ? [w.channels] : [])],
      rows: stages.map((s) => [
        s.stage,
        formatKpiValue(s.value, 'count', fmt),
        s.kpi === null ? '—' : (rateText(s) ?? `${s.kpi} ${formatKpiValue(s.rate, 'percent', fmt)}`),
        // A stage without a value covers no channel (red-team 32 #7): its cell says so, not "all channels".
        ...(covered.length > 0 ? [s.value === null ? '—' : (s.coverage ?? w.allChannels)] : []),
      ]),
    },
    ...(note !== null ? { note } : {}),
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
export function spendRevenueChart(
  ctx: ChartContext,
  opts: { id: string; title: string; rows: readonly SpendRevenue[] },
): ChartModel {
  opts = { ...opts, rows: distinctLabels(opts.rows) };
  const fmt: FormatOptions = ctx.site;
  const w = words(ctx);
  const values = opts.rows.flatMap((r) => [
    ...(r.spend !== null ? [{ channel: r.label, measure: w.spend, value: r.spend }] : []),
    ...(r.revenue !== null ? [{ channel: r.label, measure: w.revenue, value: r.revenue }] : []),
  ]);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    height: { step: 14 },
    encoding: {
      y: { field: 'channel', type: 'nominal', title: null },
      yOffset: { field: 'measure', type: 'nominal', sort: [w.spend, w.revenue] },
      x: { field: 'value', type: 'quantitative', title: null, axis: axisLabels('money', ctx.site, 'x', 4) },
      color: {
        field: 'measure',
        type: 'nominal',
        title: null,
        scale: { domain: [w.spend, w.revenue], range: ['#D55E00', '#009E73'] },
      },
    },
  };
  return {
    id: opts.id,
    title: opts.title,
    spec,
    description: fill(w.described.spendRevenue, {
      items: opts.rows
        .map((r) =>
          fill(w.described.spendItem, {
            channel: r.label,
            spend: formatKpiValue(r.spend, 'money', fmt),
            revenue: formatKpiValue(r.revenue, 'money', fmt),
            roi: formatKpiValue(r.roi, 'percent', fmt),
          }),
        )
        .join('; '),
    }),
    table: {
      columns: [w.channel, w.spend, w.revenue, w.roi],
      rows: opts.rows.map((r) => [
        r.label,
        formatKpiValue(r.spend, 'money', fmt),
        formatKpiValue(r.revenue, 'money', fmt),
        formatKpiValue(r.roi, 'percent', fmt),
      ]),
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

/**
 * By channel, two bars on one 0–100% axis: positive, neutral and negative mentions (as
 * shares of the channel's mentions, stacked) and, below them, the channel's share of voice.
 * A channel whose data lack a sentiment that another channel's give (no neutral mentions) has no
 * shares: over fewer sentiments they would not compare with the others' (red-team 12 #8); the
 * note names it. `notes` (the days the mentions reach) go before that note.
 */
export function sentimentChart(
  ctx: ChartContext,
  opts: { id: string; title: string; rows: readonly Sentiment[]; notes?: readonly string[] },
): ChartModel {
  const fmt: FormatOptions = ctx.site;
  const w = words(ctx);
  const kinds = [
    [w.positive, 'positive', '#009E73'],
    [w.neutral, 'neutral', '#999999'],
    [w.negative, 'negative', '#D55E00'],
  ] as const;
  const given = kinds.filter(([, key]) => opts.rows.some((r) => r[key] !== null));
  const lacking = (r: Sentiment) =>
    given.some(([, key]) => r[key] !== null) ? given.filter(([, key]) => r[key] === null).map(([name]) => name) : [];
  const partial = opts.rows.filter((r) => lacking(r).length > 0);
  const note = [
    ...(opts.notes ?? []),
    ...(partial.length > 0
      ? [
          fill(w.sentimentLacking, {
            items: partial
              .map(
                (r) =>
                  `${r.label} (${lacking(r)
                    .map((k) => k.toLocaleLowerCase(fmt.locale))
                    .join(', ')})`,
              )
              .join(', '),
          }),
        ]
      : []),
  ].join(' ');
  opts = {
    ...opts,
    rows: distinctLabels(
      opts.rows.map((r) => (lacking(r).length > 0 ? { ...r, positive: null, neutral: null, negative: null } : r)),
    ),
  };
  const voice = w.shareOfVoice;
  const rowsOf = { mentions: w.shareOfMentions, voice };
  const mentions = opts.rows.flatMap((r) =>
    kinds.flatMap(([name, key], order) =>
      r[key] !== null ? [{ channel: r.label, series: name, order, row: rowsOf.mentions, value: r[key] }] : [],
    ),
  );
  const voices = opts.rows.flatMap((r) =>
    r.shareOfVoice !== null ? [{ channel: r.label, series: voice, row: rowsOf.voice, value: r.shareOfVoice }] : [],
  );
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [...kinds.map((k) => k[0]), voice], range: [...kinds.map((k) => k[2]), '#0072B2'] },
  };
  const y = { field: 'channel', type: 'nominal' as const, title: null };
  const yOffset = { field: 'row', type: 'nominal' as const, sort: [rowsOf.mentions, rowsOf.voice] };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    height: { step: 36 },
    layer: [
      {
        data: { values: mentions },
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset,
          color,
          x: {
            field: 'value',
            type: 'quantitative',
            stack: 'normalize',
            title: `${w.shareOfMentions} · ${w.shareOfVoice}`,
            // Whole percentages (the tick step of 4 ticks over 0–100%), as the locale writes them.
            axis: { ...axisLabels('percent', ctx.site, 'x', 4), format: '.0%' },
            scale: { domain: [0, 1] },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: voices },
        mark: { type: 'bar' },
        encoding: { y, yOffset, color, x: { field: 'value', type: 'quantitative', stack: null } },
      },
    ],
  };
  const share = (r: Sentiment, key: 'positive' | 'neutral' | 'negative') => {
    const total = (r.positive ?? 0) + (r.neutral ?? 0) + (r.negative ?? 0);
    return r[key] === null || total === 0 ? null : r[key]! / total;
  };
  return {
    id: opts.id,
    title: opts.title,
    spec,
    ...(note !== '' ? { note } : {}),
    description:
      (note !== '' ? `${note} ` : '') +
      fill(w.described.sentiment, {
        items: opts.rows
          .map((r) =>
            fill(w.described.sentimentItem, {
              channel: r.label,
              positive: formatShare(share(r, 'positive'), fmt),
              negative: formatShare(share(r, 'negative'), fmt),
              voice: formatKpiValue(r.shareOfVoice, 'percent', fmt),
            }),
          )
          .join('; '),
      }),
    table: {
      columns: [w.channel, w.positive, w.neutral, w.negative, w.shareOfVoice],
      rows: opts.rows.map((r) => [
        r.label,
        formatShare(share(r, 'positive'), fmt),
        formatShare(share(r, 'neutral'), fmt),
        formatShare(share(r, 'negative'), fmt),
        formatKpiValue(r.shareOfVoice, 'percent', fmt),
      ]),
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
  const w = words(ctx);
  const d = opts.data;
  const last = d.actual[d.actual.length - 1];
  const projection =
    last && d.projection !== null
      ? [
          { date: last.date, value: last.value },
          { date: d.deadline, value: d.projection },
        ]
      : [];
  const x = {
    field: 'date',
    type: 'temporal' as const,
    scale: { type: 'utc' as const, domain: [d.start, d.deadline] },
    title: null,
    axis: { format: dateFormat(ctx.site.locale), tickCount: 5, grid: false },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: d.kpiLabel,
    axis: axisLabels(d.unit, ctx.site, 'y', 5),
    scale: { zero: false },
  };
  const present: Array<[string, string, boolean]> = [
    [w.actual, '#0072B2', d.actual.length > 0],
    [w.expectedPace, '#777777', d.expected.length > 0],
    [w.projection, '#0072B2', projection.length > 0],
    [w.target, '#D55E00', d.target !== null],
    [w.milestone, '#E69F00', d.milestones.length > 0],
  ];
  const shown = present.filter(([, , on]) => on);
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: shown.map((s) => s[0]), range: shown.map((s) => s[1]) },
  };
  const line = (series: string, values: ReadonlyArray<{ date: string; value: number }>, dash: number[]) => ({
    data: { values: values.map((p) => ({ ...p, series })) },
    mark: { type: 'line' as const, strokeWidth: 2, strokeDash: dash },
    encoding: { x, y, color },
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: chartConfig(ctx.site),
    height: 240,
    // The target rule first: an actual on the target is drawn over it, not hidden under it.
    layer: [
      ...(d.target !== null
        ? [
            {
              data: { values: [{ value: d.target, series: w.target }] },
              mark: { type: 'rule' as const, strokeWidth: 1.5 },
              encoding: { y: { field: 'value', type: 'quantitative' as const }, color },
            },
          ]
        : []),
      line(w.expectedPace, d.expected, [4, 3]),
      ...(projection.length > 0 ? [line(w.projection, projection, [2, 2])] : []),
      { ...line(w.actual, d.actual, []), mark: { type: 'line' as const, strokeWidth: 2, point: d.actual.length < 40 } },
      ...(d.milestones.length > 0
        ? [
            {
              data: { values: d.milestones.map((m) => ({ ...m, series: w.milestone })) },
              mark: { type: 'point' as const, shape: 'diamond', filled: true, size: 80 },
              encoding: { x, y, color },
            },
          ]
        : []),
    ],
  };
  return {
    id: opts.id,
    title: opts.title,
    spec,
    description: fill(w.described.progress, {
      kpi: d.kpiLabel,
      start: formatDate(d.start, ctx.site.locale),
      deadline: formatDate(d.deadline, ctx.site.locale),
      latest: last
        ? fill(w.described.latest, {
            value: formatKpiValue(last.value, d.unit, fmt),
            date: formatDate(last.date, ctx.site.locale),
          })
        : w.described.noDataYet,
      target: formatKpiValue(d.target, d.unit, fmt),
      projection: formatKpiValue(d.projection, d.unit, fmt),
      milestones:
        d.milestones.length > 0
          ? fill(w.described.milestones, {
              items: d.milestones
                .map((m) =>
                  fill(w.described.milestoneItem, {
                    value: formatKpiValue(m.value, d.unit, fmt),
                    date: formatDate(m.date, ctx.site.locale),
                  }),
                )
                .join(', '),
            })
          : '',
    }),
    table: {
      columns: [w.date, w.actual, w.expectedPace],
      rows: [...new Set([...d.actual.map((p) => p.date), ...d.expected.map((p) => p.date)])]
        .sort()
        .map((date) => [
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
