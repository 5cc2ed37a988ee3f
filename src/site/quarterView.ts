/**
 * Everything a quarter page (or a channel's quarter page) shows, assembled from a
 * quarter's figures (live or frozen): the report, KPI rows per channel and the charts'
 * specs and data. Pure: no Astro, no files.
 */
import {
  type ChartModel,
  channelMixChart,
  funnelChart,
  periodEnd,
  sentimentChart,
  spendRevenueChart,
  trendChart,
  withNotes,
} from '../charts/specs.ts';
import { channelColors } from '../charts/theme.ts';
import type { KpiMeta, QuarterFigures } from '../core/figures.ts';
import type { Period } from '../core/periods.ts';
import type { SiteSettings } from '../core/project.ts';
import type { KpiJson, ReportJson } from '../core/report.ts';
import { isRateFormula } from '../core/comparable.ts';
import { parseIsoDate } from '../core/dates.ts';
import { BUILT_IN_METRICS } from '../core/metrics.ts';
import { fill, kpiLabel, uiStrings } from '../translations/index.ts';
import type { SmartGoalJson } from '../core/report.ts';
import { type OkrView, okrViews } from './okrView.ts';
import { channelName } from './words.ts';
import { type QuarterSummary, quarterSummary, sortByStatus } from './summary.ts';
import { partialNote } from '../format/changes.ts';
import { coverageNote } from '../format/coverage.ts';
import { formatDate } from '../format/intl.ts';
import { formatKpiValue } from '../format/numbers.ts';

export interface Scope {
  readonly id: string;
  readonly label: string;
  /** The channel's last day with data when it is before the report's as-of day (incomplete), else null. */
  readonly dataTo: string | null;
}

/** A row of the KPI table: the KPI and its value in each scope. */
export interface KpiRow extends KpiMeta {
  /** Whether the KPI is a rate: only a rate's change over other channels is "not comparable" (`changeText`). */
  readonly rate: boolean;
  readonly cells: Readonly<Record<string, KpiJson>>;
}

export interface QuarterView {
  readonly quarter: Period;
  readonly channel: string | null;
  readonly report: ReportJson;
  /** The KPIs the figures were computed with, by id. */
  readonly kpis: ReadonlyMap<string, KpiMeta>;
  readonly scopes: readonly Scope[];
  readonly kpiRows: readonly KpiRow[];
  /** Built when the page reads them and held weakly: a page's chart specs and data live while it renders, not all build long. */
  readonly charts: readonly ChartModel[];
  /** The SMART goals of the scorecard, sorted by status (those needing attention first). */
  readonly smart: readonly SmartGoalJson[];
  /** The OKRs with their key results' bands. */
  readonly okrs: readonly OkrView[];
  /** The summary at the top of the page, for its scope (the channel, or all). */
  readonly summary: QuarterSummary;
  /** Above the KPI table while the quarter is not over: its QoQ and YoY compare it to date with whole quarters. */
  readonly partialNote: string | null;
  /** The ISO 4217 currency of its amounts: the site's, or a frozen report's own (recorded when frozen). */
  readonly currency: string;
}

/** What a view is drawn from: the figures, the KPIs they use and the site's channels (for colours). */
export interface ViewInput {
  readonly site: SiteSettings;
  readonly kpis: readonly KpiMeta[];
  readonly figures: QuarterFigures;
  /** Every channel of the site, so that a channel keeps its colour on every page. */
  readonly channels: readonly string[];
}

/** The funnel's stages with the KPI of each step (its value is shown, as in the KPI table). */
const FUNNEL = [
  ['impressions', null],
  ['engagements', 'engagement_rate'],
  ['clicks', 'ctr'],
  ['conversions', 'conversion_rate'],
] as const;

/** Whether a KPI reads one stock metric (followers): its value for a period is the level at the period's end. */
export function isStock(formula: string): boolean {
  return BUILT_IN_METRICS.some((m) => m.id === formula.trim() && m.aggregation === 'stock');
}

/** The view of a quarter for all channels (`channel` null), or for one channel. */
export function quarterView(input: ViewInput, quarter: Period, channel: string | null = null): QuarterView {
  const { report } = input.figures;
  const t = uiStrings(input.site.locale, input.site.strings);
  const kpis = input.kpis.map((k) => ({ ...k, label: kpiLabel(t, k) }));
  const scopes = report.channels.map((id) => ({
    id,
    label: channelName(input.site, id),
    dataTo: report.incomplete.includes(id) ? (report.coverage[id] ?? null) : null,
  }));
  const kpiRows = kpis
    .filter((k) => report.channels.some((s) => report.kpis[s]?.[k.id] !== undefined))
    .map((k): KpiRow => ({
      ...k,
      rate: isRateFormula(k.formula),
      cells: Object.fromEntries(report.channels.map((s) => [s, report.kpis[s]?.[k.id] ?? { value: null, qoq: null, yoy: null }])),
    }))
    .filter((row) => Object.values(row.cells).some((c) => c.value !== null));
  const byId = new Map(kpis.map((k) => [k.id, k]));
  return withCharts(() => quarterCharts({ ...input, kpis }, quarter, channel), {
    quarter,
    channel,
    report,
    kpis: byId,
    scopes,
    kpiRows,
    smart: sortByStatus(report.goals.filter((g): g is SmartGoalJson => g.type === 'smart')),
    okrs: okrViews(report.goals, t, (kpi) => byId.get(kpi)?.good),
    summary: quarterSummary(report, byId, channel ?? 'all'),
    partialNote: partialNote(report, input.site, (iso) => formatDate(iso, input.site.locale)),
    currency: input.site.currency,
  });
}

/**
 * A view with `charts` built on first read and held through a WeakRef: the route lists keep every
 * page's view for the whole build, and the charts' specs and data (most of a view) are let go once
 * the page that drew them is rendered. Read again after that, they are built again, the same.
 */
function withCharts<V extends object>(
  build: () => readonly ChartModel[],
  view: V,
): V & { readonly charts: readonly ChartModel[] } {
  let held: WeakRef<readonly ChartModel[]> | null = null;
  return Object.defineProperty(view, 'charts', {
    enumerable: true,
    get(): readonly ChartModel[] {
      let charts = held?.deref();
      if (!charts) held = new WeakRef((charts = build()));
      return charts;
    },
  }) as V & { readonly charts: readonly ChartModel[] };
}

function quarterCharts(input: ViewInput, quarter: Period, channel: string | null): ChartModel[] {
  const { site, figures } = input;
  const { report } = figures;
  const channels = report.channels.filter((c) => c !== 'all');
  const t = uiStrings(site.locale, site.strings);
  const w = t.charts;
  const ctx = { site, colors: channelColors(site, input.channels), strings: w };
  const label = (c: string) => channelName(site, c);
  const kpi = (id: string) => input.kpis.find((k) => k.id === id);
  const value = (scope: string, id: string) => report.kpis[scope]?.[id]?.value ?? null;
  const charts: ChartModel[] = [];
  const slug = quarter.label.toLowerCase();

  // Channels whose data stop before the report's day: their last point or share counts fewer days (red-team 32 #6).
  const stopping = report.incomplete.flatMap((c) => {
    const last = report.coverage[c];
    return last && last < report.as_of ? [{ channel: c, last }] : [];
  });
  const partialNotes = (drawn: readonly string[], text: string): string[] =>
    stopping
      .filter((s) => drawn.includes(s.channel))
      .map((s) => fill(text, { channel: label(s.channel), date: formatDate(s.last, site.locale) }));
  for (const trend of figures.trends) {
    const def = kpi(trend.kpi);
    if (!def) continue;
    const lines = channel ? trend.lines : topLines(trend.lines, (c) => value(c, trend.kpi));
    const note =
      lines.length < trend.lines.length
        ? fill(w.topChannels, {
            shown: formatKpiValue(lines.length, 'count', site),
            total: formatKpiValue(trend.lines.length, 'count', site),
            kpi: def.label,
          })
        : null;
    const chart = trendChart(ctx, {
      id: `trend-${trend.kpi}`,
      title: fill(w.trendTitle, { kpi: def.label, step: w[trend.step], quarter: quarter.label }),
      kpiLabel: def.label,
      unit: def.unit,
      step: trend.step,
      at: isStock(def.formula) ? 'end' : 'start',
      asOf: report.as_of,
      series: lines.map((line) => ({ channel: line.channel, label: label(line.channel), points: line.points })),
    });
    // A line whose last point's month (or week) runs past its channel's last day: that point counts fewer days.
    const cut = lines
      .filter((line) => {
        const lastPoint = line.points.filter((p) => p.value !== null).at(-1);
        const last = report.coverage[line.channel];
        return lastPoint !== undefined && last != null && last < periodEnd(lastPoint.date, trend.step, report.as_of);
      })
      .map((line) => line.channel);
    charts.push(withNotes(chart, [...(note === null ? [] : [note]), ...partialNotes(cut, w.partialLine)]));
  }

  if (!channel && channels.length > 1) {
    const values = channels.map((c) => ({ channel: c, label: label(c), value: value(c, 'impressions') }));
    if (values.some((v) => v.value !== null)) {
      charts.push(
        withNotes(
          channelMixChart(ctx, {
            id: 'mix-impressions',
            title: fill(w.mixTitle, { quarter: quarter.label }),
            kpiLabel: w.impressions,
            unit: 'count',
            values,
          }),
          partialNotes(
            values.filter((v) => v.value !== null).map((v) => v.channel),
            w.partialShare,
          ),
        ),
      );
    }
  }

  const scope = channel ?? 'all';
  const counted = (id: string) => [...(report.kpis[scope]?.[id]?.channels ?? [])].sort().join(' ');
  const present = FUNNEL.filter(([id]) => value(scope, id) !== null);
  // Stages over different channels say each one's (clicks on three channels, conversions on Facebook only: red-team 12 #7).
  const apart = new Set(present.map(([id]) => counted(id))).size > 1;
  /** A step rate's day where it is computed only to a day before the report's (its inputs stop there). */
  const rateTo = (day: string | undefined): string | null =>
    day !== undefined && day < report.as_of ? formatDate(day, site.locale) : null;
  const stages = FUNNEL.map(([id, rate]) => ({
    id,
    label: w[id],
    value: value(scope, id),
    ...(rate ? { rate: value(scope, rate), rateTo: rateTo(report.kpis[scope]?.[rate]?.data_to) } : {}),
    ...(apart ? { coverage: coverageNote(report.kpis[scope]![id] ?? { value: null }, site)?.short ?? null } : {}),
  }));
  if (stages.filter((s) => s.value !== null).length >= 2) {
    charts.push(
      funnelChart(ctx, {
        id: 'funnel',
        title: fill(w.funnelTitle, { channel: channel ? label(channel) : w.allChannels, quarter: quarter.label }),
        stages,
      }),
    );
  }

  const money = channels
    .map((c) => ({ channel: c, label: label(c), spend: value(c, 'spend'), revenue: value(c, 'revenue'), roi: value(c, 'roi') }))
    .filter((r) => r.spend !== null || r.revenue !== null);
  if (money.length > 0)
    charts.push(
      spendRevenueChart(ctx, { id: 'spend-revenue', title: fill(w.spendRevenueTitle, { quarter: quarter.label }), rows: money }),
    );

  const mentions = new Map(figures.mentions.map((m) => [m.channel, m]));
  const sentiment = channels
    .map((c) => ({
      channel: c,
      label: label(c),
      positive: mentions.get(c)?.positive ?? null,
      neutral: mentions.get(c)?.neutral ?? null,
      negative: mentions.get(c)?.negative ?? null,
      shareOfVoice: value(c, 'share_of_voice'),
    }))
    .filter((r) => r.positive !== null || r.negative !== null || r.shareOfVoice !== null);
  if (sentiment.length > 0) {
    // The mentions' own last day where it is before the report's (a listening export of month rows to August).
    const ends = new Map<string, string[]>();
    for (const r of sentiment) {
      const last = mentionsTo(report, r.channel);
      if (last !== null && last < report.as_of) ends.set(last, [...(ends.get(last) ?? []), r.label]);
    }
    const notes =
      ends.size === 0
        ? []
        : [
            fill(w.mentionsTo, {
              items: [...ends]
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([day, labels]) => `${formatDate(day, site.locale)} (${labels.join(', ')})`)
                .join(', '),
            }),
          ];
    charts.push(
      sentimentChart(ctx, { id: 'sentiment', title: fill(w.sentimentTitle, { quarter: quarter.label }), rows: sentiment, notes }),
    );
  }

  return charts.map((c) => ({ ...c, id: `${slug}-${channel ?? 'all'}-${c.id}` }));
}

/** The sentiment inputs (mention counts) of the sentiment chart. */
const MENTION_INPUTS = ['positive_mentions', 'neutral_mentions', 'negative_mentions'];

/**
 * The last day a channel's mentions by sentiment reach, as its sentiment KPIs' `inputs_to` give it
 * (the latest of the three), or null when they do not end before the report's as-of day.
 */
export function mentionsTo(report: ReportJson, channel: string): string | null {
  let last: string | null = null;
  for (const kpi of ['positive_sentiment_share', 'net_sentiment']) {
    const byInput = report.kpis[channel]?.[kpi]?.inputs_to?.[channel] ?? {};
    for (const [input, day] of Object.entries(byInput))
      if (MENTION_INPUTS.includes(input) && (last === null || day > last)) last = day;
  }
  return last;
}

/** The most lines a trend chart on an all-channel page draws: more cannot be told apart by colour or label. */
export const MAX_TREND_LINES = 8;

/**
 * The lines of an all-channel trend chart: every channel's, or, past `MAX_TREND_LINES`, those of
 * the channels with the largest value of the KPI over the quarter (then by channel id, so the
 * choice is stable), in their original order. The chart says so; each channel's page has its own.
 */
export function topLines<L extends { readonly channel: string }>(
  lines: readonly L[],
  valueOf: (channel: string) => number | null,
): readonly L[] {
  if (lines.length <= MAX_TREND_LINES) return lines;
  const ranked = [...lines].sort((a, b) => {
    const va = valueOf(a.channel);
    const vb = valueOf(b.channel);
    if (va !== vb) return va === null ? 1 : vb === null ? -1 : vb - va;
    return a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0;
  });
  const kept = new Set(ranked.slice(0, MAX_TREND_LINES).map((l) => l.channel));
  return lines.filter((l) => kept.has(l.channel));
}

/** The day number of a date the core wrote (always valid). */
export function dayOf(iso: string): number {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.day;
}
