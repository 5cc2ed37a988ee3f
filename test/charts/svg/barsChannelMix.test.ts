import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/core/catalogue.ts';
import { useChartCache } from '../../../src/charts/render.ts';
import { type ChannelValue, channelMixChart } from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { changed, CONTEXTS, context, expectClean, expectSameAsVega, expectVega, label, magnitude, WIDTHS } from './helpers.ts';

const UNITS: Unit[] = ['count', 'percent', 'money', 'ratio'];

function chart(values: ReadonlyArray<[string, number | null]>, ctx = CONTEXTS[0]![1], unit: Unit = 'count') {
  const channels: ChannelValue[] = values.map(([l, value], i) => ({
    channel: ['instagram', 'facebook', 'linkedin', 'tiktok', 'x', 'youtube'][i] ?? `c${i}`,
    label: l,
    value,
  }));
  return channelMixChart(ctx, { id: 'm', title: 'Mix', kpiLabel: 'Impressions', unit, values: channels }).spec;
}

beforeAll(() => useChartCache(null));

describe('the channel mix writer', () => {
  const FIXTURES: Array<[string, Array<[string, number | null]>]> = [
    [
      'four channels',
      [
        ['Instagram', 2001707],
        ['Facebook', 3517552],
        ['LinkedIn', 1093881],
        ['TikTok', 665854],
      ],
    ],
    ['one channel', [['Instagram', 1234]]],
    [
      'a channel without data',
      [
        ['Instagram', 1200],
        ['X', null],
      ],
    ],
    [
      'zeros',
      [
        ['Instagram', 0],
        ['Facebook', 0],
      ],
    ],
    [
      'all equal',
      [
        ['Instagram', 50],
        ['Facebook', 50],
        ['LinkedIn', 50],
      ],
    ],
    [
      'tiny values',
      [
        ['Instagram', 0.004],
        ['Facebook', 0.0013],
      ],
    ],
    [
      'huge values',
      [
        ['Instagram', 8.1e11],
        ['Facebook', 2e12],
      ],
    ],
    [
      'a negative value',
      [
        ['Instagram', -200],
        ['Facebook', 900],
      ],
    ],
    ['many channels', Array.from({ length: 14 }, (_, i): [string, number] => [`Channel ${i + 1}`, 1000 * (i + 1) ** 2])],
  ];
  for (const [locale, ctx] of CONTEXTS) {
    for (const unit of UNITS) {
      it(`draws every fixture in ${locale}, unit ${unit}, as Vega does`, async () => {
        for (const [, values] of FIXTURES) {
          for (const width of WIDTHS) expectClean(await expectSameAsVega(chart(values, ctx, unit), width));
        }
      });
    }
  }

  it('draws long and hostile channel names as Vega does, escaped', async () => {
    const values: Array<[string, number]> = [
      ['Tom & Jerry <TV> "live"', 1500],
      ['A channel name well past the axis label limit of one hundred and sixty pixels', 20],
    ];
    for (const width of WIDTHS) {
      const svg = await expectSameAsVega(chart(values, context('fr-FR')), width);
      expectClean(svg);
      expect(svg).toContain('Tom &amp; Jerry &lt;TV&gt;');
    }
  });

  it('draws generated channel mixes as Vega does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(label, fc.option(magnitude, { freq: 5 })), {
          minLength: 1,
          maxLength: 14,
          selector: (r) => r[0],
        }),
        fc.constantFrom(...CONTEXTS.map(([, c]) => c)),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...WIDTHS),
        async (values, ctx, unit, width) => {
          fc.pre(values.some(([, v]) => v !== null));
          expectClean(await expectSameAsVega(chart(values, ctx, unit), width));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws channels named like Object.prototype members as Vega does', async () => {
    const spec = chart([
      ['toString', 30],
      ['constructor', 20],
      ['__proto__', 10],
    ]);
    const svg = await expectSameAsVega(spec, 400);
    expectClean(svg);
    for (const name of ['toString', 'constructor', '__proto__']) expect(svg).toContain(`>${name}</text>`);
  });

  it('gives the same SVG for the same spec twice', () => {
    const spec = chart(FIXTURES[0]![1]);
    expect(drawDirect(spec, 400)).toBe(drawDirect(structuredClone(spec), 400));
  });

  it('leaves to Vega a chart with no data, or a spec with anything it does not implement', async () => {
    await expectVega(chart([['Instagram', null]]), 400);
    const spec = chart(FIXTURES[0]![1]);
    const variants: Array<[string, unknown]> = [
      ['title', 'A title'],
      ['layer.0.encoding.color.legend', {}],
      ['layer.0.encoding.color.field', 'value'],
      ['layer.1.encoding.text.format', '.0s'],
      ['layer.1.mark.baseline', 'top'],
      ['encoding.x.axis.grid', false],
      ['encoding.y.sort', 'ascending'],
      ['config.axis.gridColor', 'lightgray'],
      ['data.values.0.share', null],
      ['data.values.0.channel', 'Not coloured'],
      ['height', { step: 28, extra: 1 }],
    ];
    for (const [path, value] of variants) await expectVega(changed(spec, path, value), 400);
  });
});
