import { beforeAll, describe, expect, it } from 'vitest';
import { numberLocale, timeLocale } from '../../src/charts/locale.ts';
import { renderStats, renderSvg, useChartCache } from '../../src/charts/render.ts';
import {
  channelMixChart, funnelChart, goalProgressChart, sentimentChart, spendRevenueChart, trendChart,
} from '../../src/charts/specs.ts';
import { measureText } from '../../src/charts/textMetrics.ts';
import { axisFormat, channelColors, PALETTE } from '../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';

const site = { ...DEFAULT_SITE, channels: { instagram: { label: 'Instagram', color: '#e1306c' }, linkedin: { label: 'LinkedIn', color: null } } };
const ctx = { site, colors: channelColors(site, ['linkedin', 'instagram', 'tiktok']) };
const fr = { ...ctx, site: { ...site, locale: 'fr-FR' } };
const points = (values: Array<number | null>) => values.map((value, i) => ({ date: `2026-04-${String(1 + 7 * i).padStart(2, '0')}`, value }));

describe('channel colours', () => {
  it('use the site setting, else the palette in channel order, whatever order channels come in', () => {
    expect(ctx.colors.get('instagram')).toBe('#e1306c');
    expect(ctx.colors.get('linkedin')).toBe(PALETTE[0]);
    expect(ctx.colors.get('tiktok')).toBe(PALETTE[1]);
    expect(channelColors(site, ['tiktok', 'instagram', 'linkedin'])).toEqual(ctx.colors);
  });
});

describe('locales for charts', () => {
  it('derive d3 separators, currency and percent from Intl', () => {
    expect(numberLocale('en-US', 'EUR')).toMatchObject({ decimal: '.', thousands: ',', currency: ['€', ''], percent: '%' });
    expect(numberLocale('fr-FR', 'EUR')).toMatchObject({ decimal: ',', thousands: '\u202f', currency: ['', '\u00a0€'], percent: '\u00a0%' });
    expect(numberLocale('it-IT', 'EUR')).toMatchObject({ decimal: ',', thousands: '.', currency: ['', '\u00a0€'] });
    expect(timeLocale('fr-FR').months[3]).toBe('avril');
    expect(timeLocale('it-IT').shortMonths[0]).toBe('gen');
  });

  it('pick an axis format per unit', () => {
    expect(axisFormat('percent')).toBe('.1~%');
    expect(axisFormat('money')).toBe('$,.0f');
  });
});

describe('text metrics', () => {
  it('measure with Inter’s advance widths: wider for longer and bolder text, 1 em for unknown glyphs', () => {
    const regular = measureText('Engagement rate', 12);
    expect(regular).toBeGreaterThan(70);
    expect(regular).toBeLessThan(110);
    expect(measureText('Engagement rate', 12, true)).toBeGreaterThan(regular);
    expect(measureText('iiii', 12)).toBeLessThan(measureText('WWWW', 12));
    expect(measureText('😀', 12)).toBe(12);
  });
});

describe('chart builders', () => {
  it('trend: one line per channel, nulls left out, data table and text alternative', () => {
    const chart = trendChart(ctx, {
      id: 't', title: 'Engagement rate', kpiLabel: 'Engagement rate', unit: 'percent', step: 'week',
      series: [{ channel: 'instagram', label: 'Instagram', points: points([0.05, null, 0.07]) }],
    });
    expect((chart.spec as { data: { values: unknown[] } }).data.values).toEqual([
      { date: '2026-04-01', channel: 'Instagram', value: 0.05 }, { date: '2026-04-15', channel: 'Instagram', value: 0.07 },
    ]);
    expect(chart.table.columns).toEqual(['Week of', 'Instagram']);
    expect(chart.table.rows).toEqual([['Apr 1', '5.0%'], ['Apr 8', 'n/a'], ['Apr 15', '7.0%']]);
    expect(chart.description).toBe('Line chart of engagement rate by week: Instagram from 5.0% to 7.0%.');
  });

  it('trend in French: French dates and numbers in the table and the description', () => {
    const chart = trendChart(fr, {
      id: 't', title: 'Taux', kpiLabel: 'Taux', unit: 'percent', step: 'week',
      series: [{ channel: 'instagram', label: 'Instagram', points: points([0.0442]) }],
    });
    expect(chart.table.rows[0]!.map((c) => c.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['1 avr.', '4,42 %']);
  });

  it('channel mix: shares of the total, largest first', () => {
    const chart = channelMixChart(ctx, { id: 'm', title: 'Mix', kpiLabel: 'Impressions', unit: 'count', values: [
      { channel: 'linkedin', label: 'LinkedIn', value: 1000 }, { channel: 'instagram', label: 'Instagram', value: 3000 },
      { channel: 'tiktok', label: 'TikTok', value: null },
    ] });
    expect((chart.spec as { data: { values: Array<{ channel: string; share: number }> } }).data.values.map((v) => [v.channel, v.share]))
      .toEqual([['Instagram', 0.75], ['LinkedIn', 0.25]]);
    expect(chart.table.rows).toEqual([['LinkedIn', '1,000', '25%'], ['Instagram', '3,000', '75%'], ['TikTok', 'n/a', 'n/a']]);
  });

  it('funnel: the rate of each step from the one before', () => {
    const chart = funnelChart(ctx, { id: 'f', title: 'Funnel', stages: [
      { label: 'Impressions', value: 10000 }, { label: 'Engagements', value: 500 }, { label: 'Clicks', value: 50 }, { label: 'Conversions', value: null },
    ] });
    expect(chart.table.rows).toEqual([
      ['Impressions', '10,000', '—'], ['Engagements', '500', '5.0%'], ['Clicks', '50', '10.0%'], ['Conversions', 'n/a', 'n/a'],
    ]);
  });

  it('spend and revenue, sentiment: tables carry every figure', () => {
    const money = spendRevenueChart(ctx, { id: 's', title: 'S', rows: [{ channel: 'instagram', label: 'Instagram', spend: 1000, revenue: 3000, roi: 2 }] });
    expect(money.table.rows).toEqual([['Instagram', '€1,000', '€3,000', '200.0%']]);
    const mood = sentimentChart(ctx, { id: 'm', title: 'M', rows: [{ channel: 'instagram', label: 'Instagram', positive: 60, neutral: 30, negative: 10, shareOfVoice: 0.4 }] });
    expect(mood.table.rows).toEqual([['Instagram', '60%', '30%', '10%', '40.0%']]);
  });

  it('goal progress: legend only for the series present', () => {
    const chart = goalProgressChart(ctx, { id: 'g', title: 'G', data: {
      kpiLabel: 'Followers', unit: 'count', start: '2026-04-01', deadline: '2026-06-30', target: 1200,
      actual: [{ date: '2026-04-01', value: 1050 }], expected: [{ date: '2026-04-01', value: 1000 }, { date: '2026-06-30', value: 1200 }],
      milestones: [], projection: null,
    } });
    const domains = JSON.stringify(chart.spec).match(/"domain":\["Actual"[^\]]*\]/g);
    expect(domains?.[0]).toBe('"domain":["Actual","Expected pace","Target"]');
    expect(chart.description).toContain('latest 1,050 on 2026-04-01, target 1,200');
  });
});

describe('rendering', () => {
  beforeAll(() => useChartCache(null));

  it('renders SVG without a fixed size, and each identical spec only once', async () => {
    const chart = funnelChart(ctx, { id: 'f', title: 'F', stages: [{ label: 'Impressions', value: 100 }, { label: 'Clicks', value: 5 }] });
    const before = renderStats();
    const first = await renderSvg(chart.spec, 320);
    const second = await renderSvg(structuredClone(chart.spec), 320);
    const after = renderStats();
    expect(second).toBe(first);
    expect(after.rendered - before.rendered).toBe(1);
    expect(after.reused - before.reused).toBe(1);
    expect(first).toMatch(/^<svg[^>]* width="100%" style="max-width:\d+px;height:auto"/);
    expect(first).not.toMatch(/NaN|undefined/);
  });

  it('refuses specs that Vega-Lite warns about', async () => {
    await expect(renderSvg({ data: { values: [] }, mark: 'bar', encoding: { shape: { field: 'a', type: 'nominal' } } }, 100))
      .rejects.toThrow(/Vega-Lite warning/);
  });
});

describe('dark mode', () => {
  it('lightens only channel colours too dark for a dark background', async () => {
    const { darkModeChartCss, luminance } = await import('../../src/charts/theme.ts');
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    const css = darkModeChartCss(['#000000', '#e1306c', '#111111']);
    expect(css).toContain('[stroke="#000000" i]{stroke:#d9d9d9}');
    expect(css).toContain('[fill="#111111" i]');
    expect(css).not.toContain('#e1306c');
    expect(darkModeChartCss(['#e1306c'])).toBe('');
  });
});
