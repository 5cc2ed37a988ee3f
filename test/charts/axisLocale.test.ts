/**
 * Number axes read as the site's locale writes numbers (Intl.NumberFormat), in Vega's rendering
 * and in the direct writers' alike: counts in the locale's compact notation ("200 k", "1,2 Mln",
 * "1.2M"), money and percentages as Intl writes them (Italian "2000 €" has no group separator).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFresh, useChartCache } from '../../src/charts/render.ts';
import { channelMixChart, goalProgressChart, sentimentChart, spendRevenueChart, trendChart } from '../../src/charts/specs.ts';
import { drawDirect } from '../../src/charts/svg/index.ts';
import { axisLabels, CONTEXTS, context, everyKind, expectSameAsVega, WIDTHS } from './svg/helpers.ts';

/**
 * Expects the labels of the number axis of a spec (the last one whose labels hold digits: a trend's
 * or a progress chart's y axis, after its dates; a bar chart's x axis) to be `expected`, as Vega
 * and as the direct writer draw them.
 */
async function expectNumberAxis(spec: Parameters<typeof renderFresh>[0], expected: string[]): Promise<void> {
  const pick = (svg: string) =>
    axisLabels(svg)
      .filter((a) => a.some((l) => /\d/.test(l)))
      .at(-1) ?? [];
  const direct = drawDirect(spec, 400);
  expect(direct, 'drawn directly').not.toBeNull();
  expect(pick(await renderFresh(spec, 400)), 'Vega').toEqual(expected);
  expect(pick(direct!), 'direct').toEqual(expected);
}

/** Intl's compact notation of a number in a locale, with `digits` fraction digits. */
const compact = (locale: string, digits: number) => (v: number) =>
  new Intl.NumberFormat(locale, { notation: 'compact', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

function mix(locale: string) {
  return channelMixChart(context(locale), {
    id: 'm',
    title: 'M',
    kpiLabel: 'Impressions',
    unit: 'count',
    values: [
      { channel: 'instagram', label: 'Instagram', value: 1_150_000 },
      { channel: 'tiktok', label: 'TikTok', value: 400_000 },
    ],
  }).spec;
}

describe("number axes in the site's locale", () => {
  beforeAll(() => useChartCache(null));

  it.each([
    ['fr-FR', ['0', '200\u00a0k', '400\u00a0k', '600\u00a0k', '800\u00a0k', '1,0\u00a0M', '1,2\u00a0M']],
    ['it-IT', ['0', '200K', '400K', '600K', '800K', '1,0\u00a0Mln', '1,2\u00a0Mln']],
    ['en-US', ['0', '200K', '400K', '600K', '800K', '1.0M', '1.2M']],
  ])('counts in the thousands and millions (%s): Intl compact notation, in Vega and directly', async (locale, expected) => {
    // What Intl writes for each tick (a tick step of 200 000: whole thousands, tenths of millions).
    expect(expected).toEqual([0, 2e5, 4e5, 6e5, 8e5].map(compact(locale, 0)).concat([1e6, 1.2e6].map(compact(locale, 1))));
    await expectNumberAxis(mix(locale), expected);
  });

  it('a French trend in the thousands: "10 k", not "10k"', async () => {
    const spec = trendChart(context('fr-FR'), {
      id: 't',
      title: 'T',
      kpiLabel: 'Impressions',
      unit: 'count',
      step: 'week',
      series: [
        {
          channel: 'instagram',
          label: 'Instagram',
          points: [12_000, 31_000, 48_000].map((value, i) => ({ date: `2026-04-0${1 + i}`, value })),
        },
      ],
    }).spec;
    const expected = [0, 10_000, 20_000, 30_000, 40_000, 50_000].map(compact('fr-FR', 0));
    expect(expected[1]).toBe('10\u00a0k');
    await expectNumberAxis(spec, expected);
  });

  it('money in Italian: as Intl writes euros ("2000 €", no group separator in four digits)', async () => {
    const spec = spendRevenueChart(context('it-IT'), {
      id: 's',
      title: 'S',
      rows: [{ channel: 'instagram', label: 'Instagram', spend: 1500, revenue: 4200, roi: null }],
    }).spec;
    const euros = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const expected = [0, 1000, 2000, 3000, 4000].map((v) => euros.format(v));
    expect(expected[2]).toBe('2000\u00a0€');
    await expectNumberAxis(spec, expected);
  });

  it('negative values: the minus sign Intl writes (as the tables do)', async () => {
    const spec = goalProgressChart(context('fr-FR'), {
      id: 'p',
      title: 'P',
      data: {
        kpiLabel: 'Score',
        unit: 'score',
        start: '2026-04-01',
        deadline: '2026-06-30',
        target: 10,
        actual: [
          { date: '2026-04-01', value: -20 },
          { date: '2026-05-01', value: 0 },
        ],
        expected: [
          { date: '2026-04-01', value: -20 },
          { date: '2026-06-30', value: 10 },
        ],
        milestones: [],
        projection: null,
      },
    }).spec;
    const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
    const expected = [-20, -15, -10, -5, 0, 5, 10].map((v) => number.format(v));
    await expectNumberAxis(spec, expected);
  });

  it.each(['en-US', 'fr-FR', 'it-IT'])(
    'shares of mentions and voice (%s): whole percentages as Intl writes them',
    async (locale) => {
      const spec = sentimentChart(context(locale), {
        id: 'n',
        title: 'N',
        rows: [{ channel: 'instagram', label: 'Instagram', positive: 50, neutral: 30, negative: 20, shareOfVoice: 0.4 }],
      }).spec;
      const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
      await expectNumberAxis(
        spec,
        [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => percent.format(v)),
      );
    },
  );

  it('every chart kind, in English, French and Italian, at every width: drawn directly as Vega draws it', async () => {
    for (const [, ctx] of CONTEXTS)
      for (const [, spec] of everyKind(ctx)) for (const width of WIDTHS) await expectSameAsVega(spec, width);
  });
});
