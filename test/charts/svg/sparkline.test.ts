import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { useChartCache } from '../../../src/charts/render.ts';
import { sparklineSpec } from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { changed, CONTEXTS, context, expectClean, expectSameAsVega, expectVega, magnitude } from './helpers.ts';

/** The home page's sparkline width. */
const WIDTH = 160;

const quarters = (n: number) => Array.from({ length: n }, (_, i) => `${2024 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

function spark(values: ReadonlyArray<number | null>, ctx = context('en-US')): TopLevelSpec {
  const periods = quarters(values.length);
  return sparklineSpec(
    ctx,
    values.map((value, i) => ({ period: periods[i]!, value })),
  );
}

const FIXTURES: Array<[string, TopLevelSpec]> = [
  ['en rising with a gap', spark([12000, 13400, null, 15100, 16800], context('en-US', 'USD'))],
  ['fr falling rates', spark([0.043, 0.041, 0.038, 0.035, 0.031, 0.03, 0.029, 0.027], context('fr-FR'))],
  ['it money over a year', spark([1250.5, 980, 1430.25, 1610], context('it-IT'))],
  ['one point', spark([42])],
  ['equal values', spark([7, 7, 7, 7])],
  ['zeros and a jump', spark([0, 0, 0, 1e9])],
  ['negative to positive', spark([-300, -120, 0, 45, 210])],
  ['tiny values', spark([1e-6, 3e-6, 2e-6])],
  ['no value at all', spark([null, null])],
];

describe('the sparkline writer', () => {
  beforeAll(() => useChartCache(null));

  for (const [name, spec] of FIXTURES) {
    it(`draws ${name} as Vega does`, async () => {
      expectClean(await expectSameAsVega(spec, WIDTH));
    });
  }

  it('draws generated sparklines, with gaps, as Vega does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(magnitude, { nil: null, freq: 4 }), { minLength: 0, maxLength: 12 }),
        fc.constantFrom(...CONTEXTS.map(([, c]) => c)),
        fc.constantFrom(WIDTH, 400),
        async (values, ctx, width) => {
          expectClean(await expectSameAsVega(spark(values, ctx), width));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same SVG for the same spec twice', () => {
    const spec = FIXTURES[0]![1];
    expect(drawDirect(spec, WIDTH)).toBe(drawDirect(structuredClone(spec), WIDTH));
  });

  it('leaves to Vega a spec with anything it does not implement, or a period given twice', async () => {
    const spec = FIXTURES[0]![1];
    const variants: Array<[string, unknown]> = [
      ['title', 'A title'],
      ['mark.point', true],
      ['mark.interpolate', 'monotone'],
      ['encoding.x.sort', 'descending'],
      ['encoding.y.scale', { zero: true }],
      ['encoding.color', { value: 'red' }],
      ['config.axis', { disable: false }],
    ];
    for (const [path, value] of variants) await expectVega(changed(spec, path, value), WIDTH);
    await expectVega(
      changed(spec, 'data.values', [
        { period: '2026-Q1', value: 1 },
        { period: '2026-Q1', value: 2 },
      ]),
      WIDTH,
    );
    expect(drawDirect(changed(spec, 'data.values.0.value', null), WIDTH)).toBeNull();
  });
});
