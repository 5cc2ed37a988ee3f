import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useChartCache } from '../../../src/charts/render.ts';
import { type SpendRevenue, spendRevenueChart } from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { changed, CONTEXTS, context, expectClean, expectSameAsVega, expectVega, label, magnitude, WIDTHS } from './helpers.ts';

type Row = [label: string, spend: number | null, revenue: number | null];

function chart(rows: readonly Row[], ctx = CONTEXTS[0]![1]) {
  const money: SpendRevenue[] = rows.map(([l, spend, revenue], i) => ({
    channel: `c${i}`,
    label: l,
    spend,
    revenue,
    roi: spend && revenue !== null ? (revenue - spend) / spend : null,
  }));
  return spendRevenueChart(ctx, { id: 's', title: 'Spend and revenue', rows: money }).spec;
}

beforeAll(() => useChartCache(null));

describe('the spend and revenue writer', () => {
  const FIXTURES: Array<[string, Row[]]> = [
    [
      'three channels',
      [
        ['Instagram', 1200, 4100.5],
        ['LinkedIn', 800, 650],
        ['Facebook', 2500, 9000],
      ],
    ],
    ['one channel', [['Bluesky', 32049.73, 37750.7]]],
    [
      'spend only',
      [
        ['Instagram', 1200, null],
        ['TikTok', 300, null],
      ],
    ],
    ['revenue only', [['Instagram', null, 1200]]],
    [
      'a channel with nothing',
      [
        ['Instagram', 1200, 4100],
        ['X', null, null],
      ],
    ],
    [
      'zeros',
      [
        ['Instagram', 0, 0],
        ['LinkedIn', 0, 0],
      ],
    ],
    [
      'all equal',
      [
        ['a', 500, 500],
        ['b', 500, 500],
      ],
    ],
    [
      'a loss (negative revenue)',
      [
        ['Instagram', 1200, -300],
        ['LinkedIn', 100, 50],
      ],
    ],
    ['cents', [['Instagram', 0.42, 0.07]]],
    [
      'millions',
      [
        ['Instagram', 1.2e6, 9.8e6],
        ['YouTube', 4e7, 2e5],
      ],
    ],
    [
      'channels sorted by name',
      [
        ['b', 1, 2],
        ['B', 3, 4],
        ['Ä', 5, 6],
        ['a', 7, 8],
        ['10', 9, 10],
        ['9', 11, 12],
      ],
    ],
    ['many channels', Array.from({ length: 12 }, (_, i): Row => [`Channel ${i + 1}`, 100 * (i + 1), 150 * (12 - i)])],
  ];
  for (const [locale, ctx] of CONTEXTS) {
    for (const [name, rows] of FIXTURES) {
      it(`draws ${name} in ${locale} as Vega does`, async () => {
        for (const width of WIDTHS) expectClean(await expectSameAsVega(chart(rows, ctx), width));
      });
    }
  }

  it('draws pounds, yen and long, hostile channel names as Vega does, escaped', async () => {
    const rows: Row[] = [
      ['Tom & Jerry <TV> "live"', 1500, 3000],
      ['A channel name well past the axis label limit of one hundred and sixty pixels', 20, 10],
    ];
    for (const ctx of [context('en-GB', 'GBP'), context('it-IT', 'JPY'), context('fr-FR', 'CHF')]) {
      for (const width of WIDTHS) {
        const svg = await expectSameAsVega(chart(rows, ctx), width);
        expectClean(svg);
        expect(svg).toContain('Tom &amp; Jerry &lt;TV&gt;');
      }
    }
  });

  it('draws generated spend and revenue as Vega does', async () => {
    const row = fc.tuple(label, fc.option(magnitude, { freq: 4 }), fc.option(magnitude, { freq: 4 }));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 14, selector: (r) => r[0] }),
        fc.constantFrom(...CONTEXTS.map(([, c]) => c)),
        fc.constantFrom(...WIDTHS),
        async (rows, ctx, width) => {
          fc.pre(rows.some(([, s, r]) => s !== null || r !== null));
          expectClean(await expectSameAsVega(chart(rows, ctx), width));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same SVG for the same spec twice', () => {
    const spec = chart(FIXTURES[0]![1]);
    expect(drawDirect(spec, 400)).toBe(drawDirect(structuredClone(spec), 400));
  });

  it('leaves to Vega a chart with no data, or a spec with anything it does not implement', async () => {
    await expectVega(chart([['Instagram', null, null]]), 400);
    const spec = chart(FIXTURES[0]![1]);
    const variants: Array<[string, unknown]> = [
      ['title', 'A title'],
      ['encoding.opacity', { value: 0.5 }],
      ['encoding.color.legend', null],
      ['encoding.y.sort', '-x'],
      ['encoding.yOffset.field', 'channel'],
      ['mark.cornerRadius', 4],
      ['mark.type', 'tick'],
      ['config.legend.orient', 'right'],
      ['config.legend.symbolType', 'circle'],
      ['encoding.x.axis.format', '.2f'],
      ['data.values.0.measure', 'Other'],
      ['data.values.1', { channel: 'Instagram', measure: 'Spend', value: 3 }],
      ['height', 120],
    ];
    for (const [path, value] of variants) await expectVega(changed(spec, path, value), 400);
  });
});
