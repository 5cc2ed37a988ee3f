import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useChartCache } from '../../../src/charts/render.ts';
import { type Sentiment, sentimentChart } from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { changed, CONTEXTS, context, expectClean, expectSameAsVega, expectVega, label, magnitude, WIDTHS } from './helpers.ts';

type Row = [label: string, positive: number | null, neutral: number | null, negative: number | null, voice: number | null];

function chart(rows: readonly Row[], ctx = CONTEXTS[0]![1]) {
  const sentiments: Sentiment[] = rows.map(([l, positive, neutral, negative, shareOfVoice], i) => ({
    channel: `c${i}`,
    label: l,
    positive,
    neutral,
    negative,
    shareOfVoice,
  }));
  return sentimentChart(ctx, { id: 's', title: 'Sentiment', rows: sentiments }).spec;
}

beforeAll(() => useChartCache(null));

/** Whether any data set inline in a spec has a row. */
function hasValues(spec: unknown): boolean {
  if (spec === null || typeof spec !== 'object') return false;
  if (Array.isArray(spec)) return spec.some(hasValues);
  const { values } = spec as { values?: unknown };
  if (Array.isArray(values) && values.length > 0) return true;
  return Object.values(spec).some(hasValues);
}

describe('the sentiment writer', () => {
  const FIXTURES: Array<[string, Row[]]> = [
    [
      'two channels',
      [
        ['Instagram', 50, 30, 20, 0.4],
        ['Facebook', 10, null, 5, 0.25],
      ],
    ],
    ['one channel', [['Instagram', 120, 40, 7, 0.61]]],
    [
      'no share of voice',
      [
        ['Instagram', 12, 3, 1, null],
        ['X', 4, 4, 4, null],
      ],
    ],
    ['share of voice only', [['Instagram', null, null, null, 0.3]]],
    [
      'a channel with nothing',
      [
        ['Instagram', 50, 30, 20, 0.4],
        ['LinkedIn', null, null, null, null],
      ],
    ],
    ['only positive mentions', [['Instagram', 9, 0, 0, 1]]],
    [
      'huge and tiny counts',
      [
        ['Instagram', 4e9, 1, 2e8, 0.001],
        ['YouTube', 0.5, 0.25, 0.25, 0.999],
      ],
    ],
    ['many channels', Array.from({ length: 10 }, (_, i): Row => [`Channel ${i + 1}`, 10 + i, 5 * i, 3, (i + 1) / 55])],
  ];
  for (const [locale, ctx] of CONTEXTS) {
    for (const [name, rows] of FIXTURES) {
      it(`draws ${name} in ${locale} as Vega does`, async () => {
        for (const width of WIDTHS) expectClean(await expectSameAsVega(chart(rows, ctx), width));
      });
    }
  }

  it('draws long and hostile channel names as Vega does, escaped', async () => {
    const rows: Row[] = [
      ['Tom & Jerry <TV> "live"', 5, 5, 5, 0.5],
      ['A channel name well past the axis label limit of one hundred and sixty pixels', 1, 2, 3, 0.1],
    ];
    for (const width of WIDTHS) {
      const svg = await expectSameAsVega(chart(rows, context('it-IT')), width);
      expectClean(svg);
      expect(svg).toContain('Tom &amp; Jerry &lt;TV&gt;');
    }
  });

  it('draws generated sentiment as Vega does', async () => {
    const count = fc.option(magnitude, { freq: 5 });
    const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 5 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(label, count, count, count, share), { minLength: 1, maxLength: 10, selector: (r) => r[0] }),
        fc.constantFrom(...CONTEXTS.map(([, c]) => c)),
        fc.constantFrom(...WIDTHS),
        async (rows, ctx, width) => {
          // (A channel whose mentions sum to zero, or so little that 1 / sum overflows, has no shares:
          // Vega draws NaN, so it is left to Vega.)
          const sums = rows.map(([, p, n, m]) => (p ?? 0) + (n ?? 0) + (m ?? 0));
          fc.pre(rows.every(([, p, n, m], i) => Number.isFinite(1 / sums[i]!) || [p, n, m].every((v) => v === null)));
          fc.pre(rows.some((r) => r.slice(1).some((v) => v !== null)));
          const spec = chart(rows, ctx);
          // Shares over fewer sentiments than other channels give are left out (`sentimentLacking`): where that
          // leaves no bar at all, the empty chart is Vega's to draw.
          if (!hasValues(spec)) return expectVega(spec, width);
          expectClean(await expectSameAsVega(spec, width));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('gives the same SVG for the same spec twice', () => {
    const spec = chart(FIXTURES[0]![1]);
    expect(drawDirect(spec, 400)).toBe(drawDirect(structuredClone(spec), 400));
  });

  it('leaves to Vega a chart with no data or a channel with zero mentions, or a spec with anything it does not implement', async () => {
    await expectVega(chart([['Instagram', null, null, null, null]]), 400);
    await expectVega(chart([['Instagram', 0, 0, 0, 0.5]]), 400);
    expect(drawDirect(chart([['Instagram', 5e-324, null, null, 0.5]]), 400)).toBeNull();
    const spec = chart(FIXTURES[0]![1]);
    const variants: Array<[string, unknown]> = [
      ['title', 'A title'],
      ['layer.0.encoding.x.stack', 'zero'],
      ['layer.1.encoding.x.stack', 'normalize'],
      ['layer.1.encoding.y.title', 'Channel'],
      ['layer.0.mark.cornerRadiusEnd', 2],
      ['layer.0.encoding.x.scale.domain', [0, 2]],
      ['layer.0.encoding.opacity', { value: 0.5 }],
      ['config.legend.symbolType', 'circle'],
      ['layer.2', { data: { values: [{ v: 0.5 }] }, mark: 'rule', encoding: { x: { field: 'v', type: 'quantitative' } } }],
    ];
    for (const [path, value] of variants) await expectVega(changed(spec, path, value), 400);
  });
});
