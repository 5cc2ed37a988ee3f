/**
 * What the direct writers' tests share: chart contexts in English, French and Italian, the check
 * that a spec is drawn directly and the same as Vega draws it, and generators of hostile data.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderFresh, renderStats, renderSvg, useChartCache } from '../../../src/charts/render.ts';
import {
  type ChartContext,
  channelMixChart,
  funnelChart,
  goalProgressChart,
  sentimentChart,
  sparklineSpec,
  spendRevenueChart,
  trendChart,
} from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { channelColors } from '../../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../../src/load/site.ts';
import { uiStrings } from '../../../src/translations/index.ts';
import { markDifferences } from './oracle.ts';

const CHANNELS = ['instagram', 'facebook', 'linkedin', 'tiktok', 'x', 'youtube', 'newsletter', 'blog'];

/** A chart context in a locale and currency, with its language's chart words. */
export function context(locale: string, currency = 'EUR'): ChartContext {
  const site = { ...DEFAULT_SITE, locale, currency };
  return { site, colors: channelColors(site, CHANNELS), strings: uiStrings(locale).charts };
}

/** English (US), French and Italian sites, as charts see them. */
export const CONTEXTS: ReadonlyArray<[string, ChartContext]> = [
  ['en-US', context('en-US', 'USD')],
  ['fr-FR', context('fr-FR')],
  ['it-IT', context('it-IT')],
];

/** The widths charts are drawn at (desktop, small multiples). */
export const WIDTHS = [400, 160];

/**
 * Asserts that a spec is drawn by a direct writer and that the build's SVG of it (direct) has
 * the marks of Vega's rendering within 1 px. Returns the build's SVG. (Charts are built with
 * no cache, so that each is drawn again.)
 */
export async function expectSameAsVega(spec: TopLevelSpec, width: number): Promise<string> {
  expect(drawDirect(spec, width), 'drawn directly').not.toBeNull();
  useChartCache(null);
  const before = renderStats().direct;
  const built = await renderSvg(spec, width);
  expect(renderStats().direct).toBe(before + 1);
  expect(markDifferences(built, await renderFresh(spec, width))).toEqual([]);
  return built;
}

/** Asserts that a spec is not drawn directly, and that the build renders it with Vega all the same. */
export async function expectVega(spec: TopLevelSpec, width: number): Promise<void> {
  expect(drawDirect(spec, width)).toBeNull();
  useChartCache(null);
  const before = renderStats();
  const built = await renderSvg(spec, width);
  expect(renderStats().direct).toBe(before.direct);
  expect(renderStats().rendered).toBe(before.rendered + 1);
  expect(markDifferences(built, await renderFresh(spec, width))).toEqual([]);
}

/** Asserts what every direct SVG must be: no NaN, Infinity or undefined, and no raw markup in its text. */
export function expectClean(svg: string): void {
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  for (const [, text] of svg.matchAll(/>([^<]*)</g)) expect(text).not.toMatch(/["]/);
}

/**
 * Labels as teams write them, and hostile ones: markup characters, long, accented, spaces
 * around, names of Object.prototype members (which Vega looks up by name: render.ts guards them).
 */
export const label = fc.oneof(
  fc.constantFrom('Instagram', 'LinkedIn', 'Facebook (fb-de)', 'Tom & Jerry <TV>', 'say "hi"', ' padded ', 'Ünïcödé · ñ'),
  fc.constantFrom('constructor', 'toString', 'valueOf', '__proto__'),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constant('A very long channel name that goes on and on past the label limit of the axis'),
);

/** Numbers of every magnitude, zeros and negatives included. */
export const magnitude = fc.oneof(
  fc.constantFrom(0, 1, 2, 999, 1000, 1234567, 1e12),
  fc.integer({ min: -50_000, max: -1 }),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1e-3, noNaN: true, noDefaultInfinity: true }),
);

/** A copy of a spec with the value at a dotted path ("layer.0.mark.opacity") set, added if absent. */
export function changed(spec: TopLevelSpec, path: string, value: unknown): TopLevelSpec {
  const copy = structuredClone(spec) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy as unknown as TopLevelSpec;
}

const day = (i: number) => new Date(Date.UTC(2026, 3, 1 + i)).toISOString().slice(0, 10);

/** One spec of every chart kind the site draws (as the spec builders make them), in a chart context. */
export function everyKind(
  ctx: ChartContext,
  labels: readonly string[] = ['Instagram', 'LinkedIn'],
): Array<[string, TopLevelSpec]> {
  const channels = labels.map((label, i) => [CHANNELS[i] ?? `c${i}`, label] as const);
  return [
    [
      'trend',
      trendChart(ctx, {
        id: 't',
        title: 'Trend',
        kpiLabel: 'Impressions',
        unit: 'count',
        step: 'week',
        series: channels.map(([channel, label], c) => ({
          channel,
          label,
          points: Array.from({ length: 8 }, (_, i) => ({ date: day(7 * i), value: 1000 * (c + 1) + 120 * i })),
        })),
      }).spec,
    ],
    [
      'progress',
      goalProgressChart(ctx, {
        id: 'g',
        title: 'Goal',
        data: {
          kpiLabel: 'Followers',
          unit: 'count',
          start: day(0),
          deadline: day(90),
          target: 15000,
          actual: Array.from({ length: 6 }, (_, i) => ({ date: day(10 * i), value: 12000 + 300 * i })),
          expected: [
            { date: day(0), value: 12000 },
            { date: day(90), value: 15000 },
          ],
          milestones: [{ date: day(45), value: 13500 }],
          projection: 14800,
        },
      }).spec,
    ],
    [
      'funnel',
      funnelChart(ctx, {
        id: 'f',
        title: 'Funnel',
        stages: [
          { id: 'impressions', label: 'Impressions', value: 95308 },
          { id: 'engagements', label: 'Engagements', value: 4288 },
          { id: 'clicks', label: 'Clicks', value: 679 },
          { id: 'conversions', label: 'Conversions', value: 21 },
        ],
      }).spec,
    ],
    [
      'channel mix',
      channelMixChart(ctx, {
        id: 'm',
        title: 'Mix',
        kpiLabel: 'Impressions',
        unit: 'count',
        values: channels.map(([channel, label], i) => ({ channel, label, value: 2000 + 1500 * i })),
      }).spec,
    ],
    [
      'spend and revenue',
      spendRevenueChart(ctx, {
        id: 's',
        title: 'Spend and revenue',
        rows: channels.map(([channel, label], i) => ({
          channel,
          label,
          spend: 800 + 400 * i,
          revenue: 2000 - 300 * i,
          roi: null,
        })),
      }).spec,
    ],
    [
      'sentiment',
      sentimentChart(ctx, {
        id: 'n',
        title: 'Sentiment',
        rows: channels.map(([channel, label], i) => ({
          channel,
          label,
          positive: 50 + i,
          neutral: 30,
          negative: 20 - i,
          shareOfVoice: 0.4 - 0.1 * i,
        })),
      }).spec,
    ],
    [
      'sparkline',
      sparklineSpec(ctx, [
        { period: '2026-Q1', value: 0.041 },
        { period: '2026-Q2', value: null },
        { period: '2026-Q3', value: 0.047 },
      ]),
    ],
  ];
}

/** The label texts of each axis of an SVG, axis by axis, in drawing order. */
export function axisLabels(svg: string): string[][] {
  return [...svg.matchAll(/<g class="mark-text role-axis-label">(.*?)<\/g>/g)].map((g) =>
    [...g[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) =>
      t[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
    ),
  );
}
