import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberLocale, timeLocale } from '../../src/charts/locale.ts';
import { renderStats, renderSvg, useChartCache } from '../../src/charts/render.ts';
import {
  channelMixChart,
  dodge,
  funnelChart,
  goalProgressChart,
  niceDomain,
  sentimentChart,
  spendRevenueChart,
  trendChart,
} from '../../src/charts/specs.ts';
import { measureText } from '../../src/charts/textMetrics.ts';
import { axisFormat, CHANNEL_COLORS, channelColors, PALETTE, TEXT_COLOR } from '../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';
import { colorDistance, tooClose } from '../../src/charts/colors.ts';
import { uiStrings } from '../../src/translations/index.ts';

const site = {
  ...DEFAULT_SITE,
  channels: { instagram: { label: 'Instagram', color: '#e1306c' }, linkedin: { label: 'LinkedIn', color: null } },
};
const ctx = { site, colors: channelColors(site, ['linkedin', 'instagram', 'tiktok']) };
const fr = { ...ctx, site: { ...site, locale: 'fr-FR' } };
const points = (values: Array<number | null>) =>
  values.map((value, i) => ({ date: `2026-04-${String(1 + 7 * i).padStart(2, '0')}`, value }));

describe('channel colours', () => {
  it('use the site setting, else a known channel’s default, else the palette in channel order, whatever order channels come in', () => {
    expect(ctx.colors.get('instagram')).toBe('#e1306c');
    expect(ctx.colors.get('linkedin')).toBe(CHANNEL_COLORS.get('linkedin'));
    expect(ctx.colors.get('tiktok')).toBe(CHANNEL_COLORS.get('tiktok'));
    expect(channelColors(site, ['tiktok', 'instagram', 'linkedin'])).toEqual(ctx.colors);
    const others = channelColors(site, ['newsletter', 'blog', 'instagram']);
    // (The palette's coral is too close to Instagram's configured #e1306c: skipped.)
    expect(tooClose(PALETTE[0]!, '#e1306c')).toBe(true);
    expect([others.get('blog'), others.get('newsletter')]).toEqual([PALETTE[1], PALETTE[2]]);
  });
});

describe('locales for charts', () => {
  it('derive d3 separators, currency and percent from Intl', () => {
    expect(numberLocale('en-US', 'EUR')).toMatchObject({ decimal: '.', thousands: ',', currency: ['€', ''], percent: '%' });
    expect(numberLocale('fr-FR', 'EUR')).toMatchObject({
      decimal: ',',
      thousands: '\u202f',
      currency: ['', '\u00a0€'],
      percent: '\u00a0%',
    });
    expect(numberLocale('it-IT', 'EUR')).toMatchObject({ decimal: ',', thousands: '.', currency: ['', '\u00a0€'] });
    expect(timeLocale('fr-FR').months[3]).toBe('avril');
    expect(timeLocale('it-IT').shortMonths[0]).toBe('gen');
  });

  it('pick an axis format per unit, with no precision: Vega derives the decimals from the tick step', () => {
    expect(axisFormat('percent')).toBe('%');
    expect(axisFormat('money')).toBe('$,f');
    expect(axisFormat('count')).toBe(',s');
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
      id: 't',
      title: 'Engagement rate',
      kpiLabel: 'Engagement rate',
      unit: 'percent',
      step: 'week',
      series: [{ channel: 'instagram', label: 'Instagram', points: points([0.05, null, 0.07]) }],
    });
    expect((chart.spec as { layer: Array<{ data: { values: unknown[] } }> }).layer[0]!.data.values).toEqual([
      { date: '2026-04-01', channel: 'Instagram', value: 0.05 },
      { date: '2026-04-15', channel: 'Instagram', value: 0.07 },
    ]);
    expect(chart.table.columns).toEqual(['Week of', 'Instagram']);
    expect(chart.table.rows).toEqual([
      ['Apr 1', '5.0%'],
      ['Apr 8', 'n/a'],
      ['Apr 15', '7.0%'],
    ]);
    expect(chart.description).toBe('Line chart of Engagement rate by week: Instagram from 5.0% to 7.0%.');
  });

  it('trend in French: French dates and numbers in the table and the description', () => {
    const chart = trendChart(fr, {
      id: 't',
      title: 'Taux',
      kpiLabel: 'Taux',
      unit: 'percent',
      step: 'week',
      series: [{ channel: 'instagram', label: 'Instagram', points: points([0.0442]) }],
    });
    expect(chart.table.rows[0]!.map((c) => c.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['1 avr.', '4,4 %']);
  });

  it('channel mix: shares of the total, largest first', () => {
    const chart = channelMixChart(ctx, {
      id: 'm',
      title: 'Mix',
      kpiLabel: 'Impressions',
      unit: 'count',
      values: [
        { channel: 'linkedin', label: 'LinkedIn', value: 1000 },
        { channel: 'instagram', label: 'Instagram', value: 3000 },
        { channel: 'tiktok', label: 'TikTok', value: null },
      ],
    });
    expect(
      (chart.spec as { data: { values: Array<{ channel: string; share: number }> } }).data.values.map((v) => [
        v.channel,
        v.share,
      ]),
    ).toEqual([
      ['Instagram', 0.75],
      ['LinkedIn', 0.25],
    ]);
    expect(chart.table.rows).toEqual([
      ['LinkedIn', '1,000', '25%'],
      ['Instagram', '3,000', '75%'],
      ['TikTok', 'n/a', 'n/a'],
    ]);
  });

  it('funnel: each step rate is its KPI (engagement rate and CTR per impression, conversion rate per click)', () => {
    const chart = funnelChart(ctx, {
      id: 'f',
      title: 'Funnel',
      stages: [
        { id: 'impressions', label: 'Impressions', value: 10000 },
        { id: 'engagements', label: 'Engagements', value: 500 },
        { id: 'clicks', label: 'Clicks', value: 50 },
        { id: 'conversions', label: 'Conversions', value: 5 },
      ],
    });
    expect(chart.table.columns).toEqual(['Stage', 'Count', 'Step rate (KPI)']);
    expect(chart.table.rows).toEqual([
      ['Impressions', '10,000', '—'],
      ['Engagements', '500', 'engagement rate 5.0%'],
      ['Clicks', '50', 'CTR 0.50%'],
      ['Conversions', '5', 'conversion rate 10.0%'],
    ]);
    expect(chart.description).not.toMatch(/square-root/);
  });

  it('funnel: a linear scale, and the KPI values of the report when given', () => {
    const chart = funnelChart(ctx, {
      id: 'f',
      title: 'Funnel',
      stages: [
        { id: 'impressions', label: 'Impressions', value: 10000 },
        { id: 'clicks', label: 'Clicks', value: 50, rate: 0.0061 },
        { id: 'conversions', label: 'Conversions', value: null },
      ],
    });
    const x = (chart.spec as { encoding: { x: { scale: { type: string } } } }).encoding.x;
    expect(x.scale.type).toBe('linear');
    expect(chart.table.rows).toEqual([
      ['Impressions', '10,000', '—'],
      ['Clicks', '50', 'CTR 0.61%'],
      ['Conversions', 'n/a', 'conversion rate n/a'],
    ]);
  });

  it('funnel: a stage without a value covers no channel, where the others say which they cover (red-team 32 #7)', () => {
    const chart = funnelChart(ctx, {
      id: 'f',
      title: 'Funnel',
      stages: [
        { id: 'impressions', label: 'Impressions', value: 10000 },
        { id: 'clicks', label: 'Clicks', value: 50, coverage: 'Instagram only' },
        { id: 'conversions', label: 'Conversions', value: null },
      ],
    });
    expect(chart.table.rows.map((r) => r.at(-1))).toEqual(['all channels', 'Instagram only', '—']);
  });

  it('spend and revenue, sentiment: tables carry every figure', () => {
    const money = spendRevenueChart(ctx, {
      id: 's',
      title: 'S',
      rows: [{ channel: 'instagram', label: 'Instagram', spend: 1000, revenue: 3000, roi: 2 }],
    });
    expect(money.table.rows).toEqual([['Instagram', '€1,000', '€3,000', '200.0%']]);
    const mood = sentimentChart(ctx, {
      id: 'm',
      title: 'M',
      rows: [{ channel: 'instagram', label: 'Instagram', positive: 60, neutral: 30, negative: 10, shareOfVoice: 0.4 }],
    });
    expect(mood.table.rows).toEqual([['Instagram', '60%', '30%', '10%', '40.0%']]);
  });

  it('goal progress: legend only for the series present', () => {
    const chart = goalProgressChart(ctx, {
      id: 'g',
      title: 'G',
      data: {
        kpiLabel: 'Followers',
        unit: 'count',
        start: '2026-04-01',
        deadline: '2026-06-30',
        target: 1200,
        actual: [{ date: '2026-04-01', value: 1050 }],
        expected: [
          { date: '2026-04-01', value: 1000 },
          { date: '2026-06-30', value: 1200 },
        ],
        milestones: [],
        projection: null,
      },
    });
    const domains = JSON.stringify(chart.spec).match(/"domain":\["Actual"[^\]]*\]/g);
    expect(domains?.[0]).toBe('"domain":["Actual","Expected pace","Target"]');
    expect(chart.description).toContain('latest 1,050 on Apr 1, 2026, target 1,200');
  });
});

describe('rendering', () => {
  beforeAll(() => useChartCache(null));

  it('renders SVG without a fixed size, an identical spec to the same bytes', async () => {
    const chart = funnelChart(ctx, {
      id: 'f',
      title: 'F',
      stages: [
        { id: 'impressions', label: 'Impressions', value: 100 },
        { id: 'clicks', label: 'Clicks', value: 5 },
      ],
    });
    const before = renderStats();
    const first = await renderSvg(chart.spec, 320);
    const second = await renderSvg(structuredClone(chart.spec), 320);
    const after = renderStats();
    expect(second).toBe(first);
    // A funnel is drawn directly (svg/bars.ts), each time: drawing costs less than a key to find it again.
    expect(after.direct - before.direct).toBe(2);
    expect(after.rendered + after.reused - before.rendered - before.reused).toBe(0);
    expect(first).toMatch(/^<svg[^>]* width="100%" style="max-width:\d+px;height:auto"/);
    expect(first).not.toMatch(/NaN|undefined/);
  });

  it('refuses specs that Vega-Lite warns about', async () => {
    await expect(
      renderSvg({ data: { values: [] }, mark: 'bar', encoding: { shape: { field: 'a', type: 'nominal' } } }, 100),
    ).rejects.toThrow(/Vega-Lite warning/);
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

describe('dark mode keeps the colour of direct labels', () => {
  it('recolours only the theme’s neutral text, so that a line’s label keeps its line’s colour', async () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(dark).toContain(`.chart svg text[fill="${TEXT_COLOR}" i] { fill: var(--fg); }`);
    expect(dark).not.toMatch(/\.chart svg text \{/);
    const chart = trendChart(ctx, {
      id: 't',
      title: 'ER',
      kpiLabel: 'Engagement rate',
      unit: 'percent',
      step: 'week',
      series: [{ channel: 'tiktok', label: 'TikTok', points: points([0.05, 0.06]) }],
    });
    const svg = await renderSvg(chart.spec, 400);
    expect(svg).toContain(`fill="${CHANNEL_COLORS.get('tiktok')}">TikTok</text>`);
    expect(svg).toMatch(new RegExp(`fill="${TEXT_COLOR}">Engagement rate</text>`));
  });
});

describe('issue 16: charts that do not mislead', () => {
  const monthly = (values: Array<number | null>) => values.map((value, i) => ({ date: `2026-0${7 + i}-01`, value }));
  type Layered = {
    layer: Array<{
      data: { values: Array<Record<string, unknown>> };
      mark: { type: string };
      encoding?: Record<string, unknown>;
    }>;
    encoding: { x: { axis: { format: string; values?: unknown } } };
    params: Array<{ name: string; value: unknown }>;
  };

  it('a stock (followers) by month is plotted at each month end, the running month at the as-of day, labelled by month', () => {
    const chart = trendChart(ctx, {
      id: 't',
      title: 'Followers',
      kpiLabel: 'Followers',
      unit: 'count',
      step: 'month',
      at: 'end',
      asOf: '2026-09-28',
      series: [{ channel: 'instagram', label: 'Instagram', points: monthly([1000, 1100, 1200]) }],
    });
    const spec = chart.spec as unknown as Layered;
    expect(spec.layer[0]!.data.values.map((v) => v['date'])).toEqual(['2026-07-31', '2026-08-31', '2026-09-28']);
    expect(spec.encoding.x.axis.format).toBe('%b');
    expect(spec.encoding.x.axis.values).toEqual({ expr: 'month_ticks' });
    expect(spec.params.find((p) => p.name === 'month_ticks')!.value).toEqual(
      ['2026-07-31', '2026-08-31', '2026-09-28'].map((d) => Date.parse(`${d}T00:00:00Z`)),
    );
    expect(chart.table.columns[0]).toBe('Month ending');
    expect(chart.table.rows.map((r) => r[0])).toEqual(['Jul 31', 'Aug 31', 'Sep 28']);
  });

  it('a flow by month stays at the month start, also labelled by month', () => {
    const chart = trendChart(ctx, {
      id: 't',
      title: 'Impressions',
      kpiLabel: 'Impressions',
      unit: 'count',
      step: 'month',
      series: [{ channel: 'instagram', label: 'Instagram', points: monthly([10, 20]) }],
    });
    const spec = chart.spec as unknown as Layered;
    expect(spec.layer[0]!.data.values.map((v) => v['date'])).toEqual(['2026-07-01', '2026-08-01']);
    expect(spec.encoding.x.axis.format).toBe('%b');
    expect(chart.table.columns[0]).toBe('Month of');
  });

  it('lines carry direct labels at their last known point', () => {
    const chart = trendChart(ctx, {
      id: 't',
      title: 'ER',
      kpiLabel: 'Engagement rate',
      unit: 'percent',
      step: 'week',
      series: [
        { channel: 'instagram', label: 'Instagram', points: points([0.05, 0.06, null]) },
        { channel: 'linkedin', label: 'LinkedIn', points: points([0.02, 0.03, 0.04]) },
      ],
    });
    const labels = (chart.spec as unknown as Layered).layer.find((l) => l.mark.type === 'text')!;
    expect(labels.data.values).toEqual([
      { date: '2026-04-08', channel: 'Instagram', value: 0.06, labelAt: 0.06 },
      { date: '2026-04-15', channel: 'LinkedIn', value: 0.04, labelAt: 0.04 },
    ]);
    expect((chart.spec as unknown as Layered).params).toEqual([{ name: 'y_domain', value: [0, 0.06] }]);
    expect(labels.encoding).toMatchObject({
      y: { field: 'labelAt', scale: { domain: { expr: 'y_domain' }, nice: false } },
      text: { field: 'channel', type: 'nominal' },
    });
  });

  it('direct labels of lines ending close together are moved apart, within the chart', () => {
    const labels = dodge([{ value: 100 }, { value: 101 }, { value: 99 }, { value: 1000 }], [0, 1000], 200, 12);
    const px = labels.map((l) => (l.labelAt / 1000) * 200).sort((a, b) => a - b);
    // Each label's 1-em box at least 1 em (the font size) from the next: centres 2 em apart.
    for (let i = 1; i < px.length; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThanOrEqual(24 - 1e-9);
    expect(Math.max(...px)).toBeLessThanOrEqual(200);
    expect(labels.map((l) => l.value)).toEqual([100, 101, 99, 1000]);
    expect(labels[3]!.labelAt).toBe(1000); // A label with room stays at its line's end.
    expect(niceDomain([3.2e6, 1.1e6])).toEqual([0, 3.5e6]);
    expect(niceDomain([-0.3, 0.45])).toEqual([-0.4, 0.6]);
  });

  it('a y domain is finite and holds its values for any finite values (subnormal, huge, mixed signs)', () => {
    for (const values of [[5e-324], [-5e-324, 5e-324], [1e308, -1e308], [Number.MAX_VALUE], [1e-300, 2e-300], [7, 7]]) {
      const [lo, hi] = niceDomain(values);
      expect(Number.isFinite(lo) && Number.isFinite(hi), `${values}: [${lo}, ${hi}]`).toBe(true);
      expect(hi, `${values}`).toBeGreaterThan(lo);
      for (const v of values) expect(v >= lo && v <= hi, `${v} in [${lo}, ${hi}]`).toBe(true);
    }
  });

  it('direct labels moved apart stay as close to their lines as the gap allows: a cluster is centred on its lines’ ends', () => {
    // Two lines ending at the same value: one label 1 em above it, the other 1 em below, not both pushed up.
    const pair = dodge([{ value: 500 }, { value: 500 }], [0, 1000], 200, 12).map((l) => (l.labelAt / 1000) * 200);
    expect(pair[0]).toBeCloseTo(88, 9);
    expect(pair[1]).toBeCloseTo(112, 9);
    // Three low lines (impressions of LinkedIn, YouTube and Facebook), 8, 17 and 36 px up: centred on them they
    // would dip under the chart's bottom, so they rest on it, in their lines' order (pushing each up from the
    // lowest would draw them at 8, 32 and 56 px, Facebook's 20 px from its line, YouTube's beside Facebook's end).
    const low = dodge(
      [150_000, 300_000, 650_000].map((value) => ({ value })),
      [0, 4e6],
      220,
      12,
    ).map((l) => (l.labelAt / 4e6) * 220);
    expect(low.map((y) => Math.round(y * 1e6) / 1e6)).toEqual([0, 24, 48]);
    // And at the top, the same against the chart's top.
    const high = dodge([{ value: 990 }, { value: 1000 }], [0, 1000], 200, 12).map((l) => (l.labelAt / 1000) * 200);
    expect(high.map((y) => Math.round(y * 1e6) / 1e6)).toEqual([176, 200]);
    // Order kept for lines ending in reverse order of their index.
    const order = dodge([{ value: 30 }, { value: 10 }, { value: 20 }], [0, 1000], 200, 12).map((l) => l.labelAt);
    expect(order[1]! < order[2]! && order[2]! < order[0]!).toBe(true);
  });

  it('direct labels of close end values (Instagram and TikTok followers) leave a gap of the font size between them, as drawn', async () => {
    const ends = { instagram: 58_000, tiktok: 56_000, facebook: 51_000, linkedin: 18_200, youtube: 14_900 };
    const chart = trendChart(ctx, {
      id: 't',
      title: 'Followers',
      kpiLabel: 'Followers',
      unit: 'count',
      step: 'month',
      at: 'end',
      series: Object.entries(ends).map(([channel, end]) => ({
        channel,
        label: channel,
        points: monthly([end * 0.95, end * 0.98, end]),
      })),
    });
    useChartCache(null);
    const svg = await renderSvg(chart.spec, 400);
    const marks = /<g class="mark-text role-mark layer_1_marks">(.*?)<\/g>/.exec(svg)![1]!;
    const drawn = new Map(
      [...marks.matchAll(/<text [^>]*transform="translate\([\d.]+,([\d.-]+)\)" font-size="(\d+)px"[^>]*>([a-z]+)<\/text>/g)].map(
        (m) => [m[3]!, { y: Number(m[1]), size: Number(m[2]) }],
      ),
    );
    expect([...drawn.keys()].sort()).toEqual(Object.keys(ends).sort());
    const ys = [...drawn.values()].map((d) => d.y).sort((a, b) => a - b);
    const size = drawn.get('instagram')!.size;
    expect(size).toBe(12);
    // (0.1 px: the SVG's coordinates are rounded to a tenth of a pixel.)
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!, ys.join(' ')).toBeGreaterThanOrEqual(2 * size - 0.1);
    expect(ys[0]).toBeGreaterThanOrEqual(0);
  });

  it('sentiment and share of voice: share of voice is drawn as its own bar per channel', () => {
    const chart = sentimentChart(ctx, {
      id: 'm',
      title: 'M',
      rows: [
        { channel: 'instagram', label: 'Instagram', positive: 60, neutral: 30, negative: 10, shareOfVoice: 0.4 },
        { channel: 'linkedin', label: 'LinkedIn', positive: null, neutral: null, negative: null, shareOfVoice: 0.25 },
      ],
    });
    const spec = chart.spec as unknown as Layered;
    const voice = spec.layer.find((l) => l.data.values.some((v) => v['series'] === 'Share of voice'))!;
    expect(voice.data.values).toEqual([
      { channel: 'Instagram', series: 'Share of voice', row: 'Share of voice', value: 0.4 },
      { channel: 'LinkedIn', series: 'Share of voice', row: 'Share of voice', value: 0.25 },
    ]);
    expect(voice.mark.type).toBe('bar');
  });

  it('chart words come from the language table passed in', () => {
    const words = { ...fr, strings: uiStrings('fr-FR').charts };
    const chart = sentimentChart(words, {
      id: 'm',
      title: 'M',
      rows: [{ channel: 'instagram', label: 'Instagram', positive: 6, neutral: 3, negative: 1, shareOfVoice: 0.4 }],
    });
    expect(chart.table.columns).toEqual(['Canal', 'Positif', 'Neutre', 'Négatif', 'Part de voix']);
    const funnel = funnelChart(words, {
      id: 'f',
      title: 'F',
      stages: [
        { id: 'impressions', label: 'Impressions', value: 100 },
        { id: 'clicks', label: 'Clics', value: 5 },
      ],
    });
    expect(funnel.table.rows[1]).toEqual(['Clics', '5', 'CTR 5,0\u00a0%']);
  });

  it('the new specs render without a Vega-Lite warning', async () => {
    const trend = trendChart(ctx, {
      id: 't',
      title: 'Followers',
      kpiLabel: 'Followers',
      unit: 'count',
      step: 'month',
      at: 'end',
      asOf: '2026-09-28',
      series: [
        { channel: 'instagram', label: 'Instagram', points: monthly([1000, 1100, 1200]) },
        { channel: 'linkedin', label: 'LinkedIn', points: monthly([500, null, 700]) },
      ],
    });
    const mood = sentimentChart(ctx, {
      id: 'm',
      title: 'M',
      rows: [{ channel: 'instagram', label: 'Instagram', positive: 60, neutral: 30, negative: 10, shareOfVoice: 0.4 }],
    });
    for (const spec of [trend.spec, mood.spec]) {
      const svg = await renderSvg(spec, 480);
      expect(svg).toMatch(/^<svg/);
      expect(svg).not.toMatch(/NaN|undefined/);
    }
    expect(await renderSvg(trend.spec, 480)).toContain('>LinkedIn</text>');
  });
});

describe('colour distance', () => {
  it('measures ΔE in OKLab: 0 for one colour, 1 from black to white, Facebook and LinkedIn blues too close', () => {
    expect(colorDistance('#1877f2', '#1877f2')).toBe(0);
    expect(colorDistance('#000000', '#ffffff')).toBeCloseTo(1, 5);
    expect(tooClose('#1877f2', '#0a66c2')).toBe(true);
    expect(tooClose('#0072B2', '#E69F00')).toBe(false);
  });

  it('the default palette has no two colours too close', () => {
    for (const [i, a] of PALETTE.entries()) for (const b of PALETTE.slice(i + 1)) expect(tooClose(a, b), `${a} ${b}`).toBe(false);
  });

  it('the defaults skip colours too close to a configured one', () => {
    const blue = { ...site, channels: { facebook: { label: 'Facebook', color: '#0a70b8' } } };
    const colors = channelColors(blue, ['facebook', 'linkedin', 'tiktok']);
    expect(colors.get('facebook')).toBe('#0a70b8');
    expect(tooClose(CHANNEL_COLORS.get('linkedin')!, '#0a70b8')).toBe(true);
    expect(colors.get('linkedin')).toBe(PALETTE[0]);
    expect(colors.get('tiktok')).toBe(CHANNEL_COLORS.get('tiktok'));
    const coral = { ...site, channels: { facebook: { label: 'Facebook', color: '#ee6a57' } } };
    expect(channelColors(coral, ['facebook', 'blog']).get('blog')).toBe(PALETTE[1]);
  });
});
