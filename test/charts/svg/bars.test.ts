import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSvg, useChartCache } from '../../../src/charts/render.ts';
import { type FunnelStage, type FunnelStageId, funnelChart } from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { axisLabelExpr } from '../../../src/charts/axisNumbers.ts';
import { changed, CONTEXTS, context, expectClean, expectSameAsVega, expectVega, label, magnitude, WIDTHS } from './helpers.ts';

const IDS: FunnelStageId[] = ['impressions', 'engagements', 'clicks', 'conversions'];

function funnel(values: Array<number | null>, ctx = CONTEXTS[0]![1], labels?: string[], rates?: Array<number | null>) {
  const stages: FunnelStage[] = values.map((value, i) => ({
    id: IDS[i]!,
    label: labels?.[i] ?? ['Impressions', 'Engagements', 'Clicks', 'Conversions'][i]!,
    value,
    ...(rates?.[i] !== undefined ? { rate: rates[i] } : {}),
  }));
  return funnelChart(ctx, { id: 'f', title: 'Funnel', stages }).spec;
}

beforeAll(() => useChartCache(null));

describe('the funnel writer', () => {
  const FIXTURES: Array<[string, Array<number | null>]> = [
    ['a full funnel', [953081, 42883, 6794, 211]],
    ['three stages', [10000, 500, 50]],
    ['one bar', [1234]],
    ['a missing stage', [10000, null, 50, 5]],
    ['zeros', [0, 0, 0, 0]],
    ['a zero among counts', [5000, 0, 12, 0]],
    ['all equal', [700, 700, 700, 700]],
    ['tiny counts', [3, 2, 1, 1]],
    ['huge counts', [4.2e12, 3.1e11, 2e9, 1e6]],
  ];
  for (const [locale, ctx] of CONTEXTS) {
    for (const [name, values] of FIXTURES) {
      it(`draws ${name} in ${locale} as Vega does`, async () => {
        for (const width of WIDTHS) expectClean(await expectSameAsVega(funnel(values, ctx), width));
      });
    }
  }

  it('draws the report’s rates, long and hostile stage names as Vega does, escaped', async () => {
    const spec = funnel(
      [120000, 3400, 560, 7],
      context('fr-FR'),
      ['Impressions & <vues>', 'Engagements "réels"', 'A stage name well past the axis label limit of 160 pixels', ' Clics '],
      [null, 0.0283, 0.00467, 0.0125],
    );
    for (const width of WIDTHS) {
      const svg = await expectSameAsVega(spec, width);
      expectClean(svg);
      expect(svg).toContain('Impressions &amp; &lt;vues&gt;');
    }
  });

  it('draws generated funnels as Vega does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(magnitude, { freq: 5 }), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(label, { minLength: 4, maxLength: 4, selector: (s) => s }),
        fc.constantFrom(...CONTEXTS.map(([, c]) => c)),
        fc.constantFrom(...WIDTHS),
        async (values, labels, ctx, width) => {
          fc.pre(values.some((v) => v !== null));
          const spec = funnel(values, ctx, labels);
          expectClean(await expectSameAsVega(spec, width));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws negative counts as Vega does', async () => {
    await expectSameAsVega(funnel([-500, 1200, -30]), 400);
    // A nice domain as d3-scale's (Vega's) makes it, not d3-array's: [-16, 0] here, not [-16, 2].
    await expectSameAsVega(funnel([5e-324, -15]), 400);
  });

  it('gives the same SVG for the same spec twice', () => {
    const spec = funnel([953081, 42883, 6794, 211]);
    expect(drawDirect(spec, 400)).toBe(drawDirect(structuredClone(spec), 400));
  });

  it('leaves to Vega a funnel with no data, or a spec with anything it does not implement', async () => {
    await expectVega(funnel([null, null]), 400);
    const spec = funnel([10000, 500, 50]);
    const variants: Array<[string, unknown]> = [
      ['title', 'A title'],
      ['transform', [{ filter: 'datum.value > 0' }]],
      ['encoding.color', { field: 'stage', type: 'nominal' }],
      ['layer.0.mark.opacity', 0.5],
      ['layer.1.mark.fontSize', 14],
      ['config.axis.labelFontSize', 14],
      ['config.bar', { cornerRadius: 4 }],
      ['encoding.x.axis.labelExpr', 'datum.label + "!"'],
      [
        'encoding.x.axis.labelExpr',
        axisLabelExpr({ scale: 'y', tickCount: 4, locale: 'en-US', kind: 'compact', currency: 'EUR' }),
      ],
      [
        'encoding.x.axis.labelExpr',
        axisLabelExpr({ scale: 'x', tickCount: 4, locale: 'en-US', kind: 'compact', currency: 'EUR' }) + ' + ""',
      ],
      ['encoding.x.scale.type', 'log'],
      ['encoding.x.field', 'a.b'],
      ['height', 200],
      ['data.values.0.value', '12'],
      ['layer.2', { mark: 'rule' }],
    ];
    for (const [path, value] of variants) await expectVega(changed(spec, path, value), 400);
  });

  it('is used by the build for funnels', async () => {
    const svg = await renderSvg(funnel([10, 5, 2, 1], context('it-IT')), 400);
    expect(svg).toContain('class="mark-rect role-mark layer_0_marks"');
  });
});
