import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { Unit } from '../../../src/core/catalogue.ts';
import { axisLabelExpr } from '../../../src/charts/axisNumbers.ts';
import { renderFresh, renderStats, renderSvg, useChartCache } from '../../../src/charts/render.ts';
import { type TrendSeries, trendChart } from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { drawTrend } from '../../../src/charts/svg/trend.ts';
import { channelColors } from '../../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../../src/load/site.ts';
import { uiStrings } from '../../../src/translations/index.ts';
import { markDifferences } from './oracle.ts';

const WIDTH = 400;

function trend(
  locale: string,
  unit: Unit,
  step: 'week' | 'month',
  series: ReadonlyArray<{ channel: string; label: string; values: ReadonlyArray<number | null> }>,
  opts: { at?: 'start' | 'end'; asOf?: string | null; kpiLabel?: string } = {},
): TopLevelSpec {
  const site = { ...DEFAULT_SITE, locale };
  const ctx = {
    site,
    colors: channelColors(
      site,
      series.map((s) => s.channel),
    ),
    strings: uiStrings(locale).charts,
  };
  const day = (i: number) =>
    step === 'week'
      ? new Date(Date.UTC(2026, 3, 6 + 7 * i)).toISOString().slice(0, 10)
      : new Date(Date.UTC(2026, 3 + i, 1)).toISOString().slice(0, 10);
  const trendSeries: TrendSeries[] = series.map((s) => ({
    channel: s.channel,
    label: s.label,
    points: s.values.map((value, i) => ({ date: day(i), value })),
  }));
  return trendChart(ctx, {
    id: 'trend',
    title: 'Trend',
    kpiLabel: opts.kpiLabel ?? 'Impressions',
    unit,
    step,
    series: trendSeries,
    ...(opts.at ? { at: opts.at } : {}),
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
  }).spec;
}

/** The build's SVG of a spec (direct when a writer draws it) and what it differs from Vega's in. */
async function compare(spec: TopLevelSpec, width = WIDTH): Promise<{ svg: string; differences: string[] }> {
  const svg = await renderSvg(spec, width);
  return { svg, differences: markDifferences(svg, await renderFresh(spec, width), 1) };
}

const weekly = (n: number, f: (i: number) => number | null) => Array.from({ length: n }, (_, i) => f(i));

const FIXTURES: Record<string, TopLevelSpec> = {
  'en weekly counts, three channels': trend('en-US', 'count', 'week', [
    { channel: 'instagram', label: 'Instagram', values: weekly(13, (i) => 12000 + 900 * i) },
    { channel: 'linkedin', label: 'LinkedIn', values: weekly(13, (i) => 8000 - 150 * i) },
    { channel: 'tiktok', label: 'TikTok', values: weekly(13, (i) => (i % 4 === 0 ? null : 3000 + 40 * i * i)) },
  ]),
  'fr weekly percents with a gap and a channel with no data': trend('fr-FR', 'percent', 'week', [
    { channel: 'instagram', label: 'Instagram', values: weekly(12, (i) => (i === 5 ? null : 0.041 + 0.002 * Math.sin(i))) },
    { channel: 'facebook', label: 'Facebook', values: weekly(12, (i) => 0.012 + 0.001 * i) },
    { channel: 'x', label: 'X', values: weekly(12, () => null) },
  ]),
  'it monthly money, stock at the end of the month': trend(
    'it-IT',
    'money',
    'month',
    [
      { channel: 'youtube', label: 'YouTube', values: [1250.5, 1810, 990] },
      { channel: 'linkedin', label: 'LinkedIn', values: [400, null, 620] },
    ],
    { at: 'end', asOf: '2026-06-20' },
  ),
  'en monthly counts, one channel': trend('en-GB', 'count', 'month', [
    { channel: 'bluesky', label: 'bluesky', values: [335803, 288270, 329008] },
  ]),
  'fr monthly ratios, one month so far': trend('fr-FR', 'ratio', 'month', [
    { channel: 'instagram', label: 'Instagram', values: [2.5] },
    { channel: 'facebook', label: 'Facebook', values: [1.25] },
  ]),
  'it weekly, twelve channels (a dense chart without points, a legend of four rows)': trend(
    'it-IT',
    'count',
    'week',
    Array.from({ length: 12 }, (_, c) => ({
      channel: `c${c}`,
      label: `Canale ${c + 1}`,
      values: weekly(13, (i) => 1000 * (c + 1) + 37 * i * (c % 3)),
    })),
  ),
  'en weekly negatives, equal values and long, awkward names': trend(
    'en-US',
    'count',
    'week',
    [
      {
        channel: 'a',
        label: 'Net follows & "unfollows" <all markets> of the brand account, every region',
        values: weekly(6, (i) => -40 + 15 * i),
      },
      { channel: 'b', label: 'Flat', values: weekly(6, () => 7) },
      { channel: 'c', label: 'Instagram', values: weekly(6, (i) => (i < 3 ? null : 0)) },
    ],
    { kpiLabel: 'Net follower growth & losses' },
  ),
  'en weekly, tiny and huge magnitudes side by side': trend('en-US', 'count', 'week', [
    { channel: 'big', label: 'Big', values: weekly(5, (i) => 4.2e11 + 1e10 * i) },
    { channel: 'tiny', label: 'Tiny', values: weekly(5, (i) => 1e-4 * i) },
  ]),
};

/** A spec changed where the writer reads it: the points keep Vega's point style (stroke width 2) whatever the line's. */
const thick = structuredClone(FIXTURES['en weekly counts, three channels']!) as unknown as {
  layer: Array<{ mark: { strokeWidth: number } }>;
};
thick.layer[0]!.mark.strokeWidth = 3.5;
FIXTURES['en weekly counts with thicker lines'] = thick as unknown as TopLevelSpec;

describe('the trend chart writer', () => {
  beforeAll(() => useChartCache(null));

  it.each(Object.entries(FIXTURES))('draws %s as Vega does (same marks within a pixel)', async (_, spec) => {
    expect(drawDirect(spec, WIDTH)).not.toBeNull();
    const before = renderStats().direct;
    const { differences } = await compare(spec);
    expect(renderStats().direct).toBe(before + 1);
    expect(differences).toEqual([]);
  });

  it('draws generated trends as Vega does: gaps, one point, equal values, zeros, negatives, magnitudes, many series, odd names', async () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(0),
      fc.integer({ min: -5000, max: 5000 }),
      // (Not subnormal: specs.ts niceDomain gives [NaN, NaN] for ±5e-324, a y domain no writer draws.)
      fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) > 1e-300),
      fc.double({ min: 1e-7, max: 1e-3, noNaN: true }),
    );
    const label = fc.oneof(
      fc.constantFrom('Instagram', 'LinkedIn', 'A & B', '<script>', 'say "hi"', 'ça', 'x'),
      fc.string({ minLength: 1, maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('en-US', 'en-GB', 'fr-FR', 'it-IT'),
        fc.constantFrom<Unit>('count', 'percent', 'money', 'ratio'),
        fc.constantFrom<'week' | 'month'>('week', 'month'),
        fc.constantFrom<'start' | 'end'>('start', 'end'),
        fc.integer({ min: 1, max: 14 }),
        fc.array(fc.record({ label, constant: fc.boolean(), values: fc.array(value, { minLength: 14, maxLength: 14 }) }), {
          minLength: 1,
          maxLength: 13,
        }),
        fc.integer({ min: 120, max: 900 }),
        async (locale, unit, step, at, length, raw, width) => {
          const series = raw.map((s, c) => ({
            channel: `ch${c}`,
            label: s.label,
            values: s.values.slice(0, length).map((v) => (s.constant && v !== null ? s.values.find((x) => x !== null)! : v)),
          }));
          const spec = trend(locale, unit, step, series, { at, asOf: at === 'end' ? '2026-05-20' : null });
          const hasData = series.some((s) => s.values.some((v) => v !== null));
          // A chart with no value at all is left to Vega.
          expect(drawDirect(spec, width) !== null).toBe(hasData);
          const { differences } = await compare(spec, width);
          expect(differences).toEqual([]);
        },
      ),
      { numRuns: 80, seed: 20261130 },
    );
  });

  it('writes the same SVG for the same spec, with no NaN, Infinity or undefined, and its text escaped', () => {
    const spec = FIXTURES['en weekly negatives, equal values and long, awkward names']!;
    const svg = drawTrend(spec, WIDTH)!;
    expect(svg).not.toBeNull();
    expect(drawTrend(structuredClone(spec), WIDTH)).toBe(svg);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(svg).toContain('Net follows &amp; &quot;unfollows&quot; &lt;all markets&gt;');
    expect(svg).toContain('Net follower growth &amp; losses');
    // Every text node is free of markup characters.
    for (const [, text] of svg.matchAll(/>([^<]*)</g)) expect(text).not.toMatch(/[<>"]/);
  });

  it('draws a chart whose axis title is an Object.prototype name as Vega does', async () => {
    const spec = trend('en-US', 'count', 'week', [{ channel: 'a', label: 'A', values: [1, 2, 3] }], { kpiLabel: 'valueOf' });
    expect(drawTrend(spec, WIDTH)).not.toBeNull();
    const { svg, differences } = await compare(spec);
    expect(svg).toContain('>valueOf</text>');
    expect(differences).toEqual([]);
  });

  it('returns null for any spec it does not implement, which Vega then draws', async () => {
    const spec = FIXTURES['en weekly counts, three channels'] as unknown as Record<string, unknown> & {
      layer: Array<Record<string, unknown>>;
      encoding: Record<string, Record<string, unknown>>;
      config: Record<string, Record<string, unknown>>;
    };
    const variants: unknown[] = [
      { ...spec, title: 'A title' },
      { ...spec, width: 300 },
      {
        ...spec,
        layer: [{ ...spec.layer[0], mark: { ...(spec.layer[0]!['mark'] as object), interpolate: 'monotone' } }, spec.layer[1]],
      },
      { ...spec, layer: [{ ...spec.layer[0], mark: { ...(spec.layer[0]!['mark'] as object), type: 'area' } }, spec.layer[1]] },
      { ...spec, layer: [spec.layer[0]] },
      { ...spec, encoding: { ...spec.encoding, y: { ...spec.encoding['y'], sort: 'descending' } } },
      { ...spec, encoding: { ...spec.encoding, opacity: { value: 0.5 } } },
      { ...spec, config: { ...spec.config, axis: { ...spec.config['axis'], labelAngle: 45 } } },
      { ...spec, config: { ...spec.config, axis: { ...spec.config['axis'], labelFontSize: 14 } } },
      { ...spec, transform: [{ filter: 'datum.value > 0' }] },
      { ...spec, params: [{ name: 'y_domain', value: [10, 0] }] },
      { ...spec, params: [{ name: 'y_domain', value: [Number.NaN, Number.NaN] }] },
      // Labels of another scale's domain, or an expression it does not write.
      ...[
        axisLabelExpr({ scale: 'x', tickCount: 5, locale: 'en-US', kind: 'compact', currency: 'EUR' }),
        `${axisLabelExpr({ scale: 'y', tickCount: 5, locale: 'en-US', kind: 'compact', currency: 'EUR' })} + '!'`,
        'datum.label',
      ].map((labelExpr) => ({
        ...spec,
        encoding: {
          ...spec.encoding,
          y: { ...spec.encoding['y'], axis: { ...(spec.encoding['y']!['axis'] as object), labelExpr } },
        },
      })),
    ];
    for (const variant of variants) expect(drawTrend(variant as TopLevelSpec, WIDTH)).toBeNull();
    // Through the build's path: drawn by Vega, not counted as direct.
    const before = renderStats();
    const svg = await renderSvg(variants[0] as TopLevelSpec, WIDTH);
    expect(svg).toContain('A title');
    expect(renderStats().direct).toBe(before.direct);
    expect(renderStats().rendered).toBe(before.rendered + 1);
  });
});
