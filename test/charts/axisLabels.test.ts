/**
 * Axis labels carry as many decimals as their tick step needs: no two ticks of an axis read
 * the same after rounding ("1,6 %, 1,6 %, 1,5 %, 1,5 %" on a conversion-rate goal), whatever
 * the unit, the locale, or how narrow the axis.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/catalogue.ts';
import { renderFresh, useChartCache } from '../../src/charts/render.ts';
import { channelMixChart, goalProgressChart, spendRevenueChart, trendChart } from '../../src/charts/specs.ts';
import { channelColors } from '../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';
import { axisLabels } from './svg/helpers.ts';

const site = { ...DEFAULT_SITE, channels: {} };
const en = { site, colors: channelColors(site, ['instagram', 'tiktok']) };
const fr = { ...en, site: { ...site, locale: 'fr-FR' } };

/** A goal's progress over a quarter, its actual moving between `lo` and `hi` (the y axis is not zero-based). */
function progress(ctx: typeof en, unit: Unit, lo: number, hi: number) {
  const days = ['2026-04-01', '2026-04-20', '2026-05-10', '2026-05-30', '2026-06-15'];
  return goalProgressChart(ctx, {
    id: 'p',
    title: 'P',
    data: {
      kpiLabel: 'KPI',
      unit,
      start: '2026-04-01',
      deadline: '2026-06-30',
      target: hi,
      actual: days.map((date, i) => ({ date, value: lo + ((hi - lo) * i) / (days.length - 1) })),
      expected: [
        { date: '2026-04-01', value: lo },
        { date: '2026-06-30', value: hi },
      ],
      milestones: [],
      projection: null,
    },
  });
}

/** The y axis labels of a goal progress chart (the second axis drawn: x, then y). */
async function yLabels(ctx: typeof en, unit: Unit, lo: number, hi: number): Promise<string[]> {
  const labels = axisLabels(await renderFresh(progress(ctx, unit, lo, hi).spec, 400));
  expect(labels).toHaveLength(2);
  return labels[1]!;
}

const decimals = (label: string) => /[.,](\d+)\D*$/.exec(label.replace(/\s/g, ''))?.[1]?.length ?? 0;

describe('axis labels carry the decimals of their tick step', () => {
  beforeAll(() => useChartCache(null));

  it('a conversion rate between 1.4% and 1.7% (the French site): every tick reads differently', async () => {
    const labels = await yLabels(fr, 'percent', 0.0142, 0.0172);
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.map((l) => l.replace(/\s/g, ' '))).toContain('1,50 %');
  });

  it.each<[Unit, number, number]>([
    ['percent', 0.0142, 0.0172],
    ['percent', 0.2, 0.2009],
    ['money', 0.42, 0.55],
    ['money', 12_000, 12_040],
    ['ratio', 2.1, 2.16],
    ['score', 41.2, 41.9],
    ['minutes', 3.1, 3.4],
    ['per_post', 0.6, 0.9],
    ['count', 12_000, 12_100],
    ['count', 1_200_000, 1_203_000],
  ])('%s from %d to %d: distinct labels, all with the same decimals, in English and French', async (unit, lo, hi) => {
    for (const ctx of [en, fr]) {
      const labels = await yLabels(ctx, unit, lo, hi);
      expect(labels.length, labels.join(' | ')).toBeGreaterThanOrEqual(3);
      expect(new Set(labels).size, labels.join(' | ')).toBe(labels.length);
      expect(new Set(labels.map(decimals)).size, labels.join(' | ')).toBe(1);
    }
  });

  it('small counts on a zero-based axis: no milli prefix, and zero reads 0', async () => {
    const chart = trendChart(en, {
      id: 't',
      title: 'Posts',
      kpiLabel: 'Posts',
      unit: 'count',
      step: 'week',
      series: [
        { channel: 'instagram', label: 'Instagram', points: [1, 3, 2].map((value, i) => ({ date: `2026-04-0${1 + i}`, value })) },
      ],
    });
    const [, y] = axisLabels(await renderFresh(chart.spec, 400));
    expect(y).toEqual(['0', '0.5', '1.0', '1.5', '2.0', '2.5', '3.0']);
  });

  it('bars of small money amounts and of large counts: distinct labels', async () => {
    const spend = spendRevenueChart(en, {
      id: 's',
      title: 'S',
      rows: [{ channel: 'instagram', label: 'Instagram', spend: 1.2, revenue: 2.9, roi: null }],
    });
    const mix = channelMixChart(en, {
      id: 'm',
      title: 'M',
      kpiLabel: 'Impressions',
      unit: 'count',
      values: [
        { channel: 'instagram', label: 'Instagram', value: 1_150_000 },
        { channel: 'tiktok', label: 'TikTok', value: 400_000 },
      ],
    });
    for (const spec of [spend.spec, mix.spec]) {
      const [x] = axisLabels(await renderFresh(spec, 400)).filter((a) => a.some((l) => /\d/.test(l)));
      expect(new Set(x).size, x!.join(' | ')).toBe(x!.length);
      expect(x![0]).toMatch(/^(€)?0$/);
    }
  });
});
