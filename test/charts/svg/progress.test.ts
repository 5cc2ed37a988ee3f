import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import type { Unit } from '../../../src/core/catalogue.ts';
import { renderFresh, renderStats, renderSvg, useChartCache } from '../../../src/charts/render.ts';
import { goalProgressChart, type ProgressData } from '../../../src/charts/specs.ts';
import { drawDirect } from '../../../src/charts/svg/index.ts';
import { drawProgress } from '../../../src/charts/svg/progress.ts';
import { DEFAULT_SITE } from '../../../src/load/site.ts';
import { uiStrings } from '../../../src/translations/index.ts';
import { markDifferences } from './oracle.ts';

const WIDTH = 400;

const day = (i: number) => new Date(Date.UTC(2026, 3, 1 + i)).toISOString().slice(0, 10);

/**
 * A progress chart's spec, its target rule first (as the builder now draws it, so that an actual
 * on the target is drawn over it) or, with `ruleLast`, after the actual (as it was built before).
 */
function progress(locale: string, data: Partial<ProgressData> & { unit: Unit }, ruleLast = false): TopLevelSpec {
  const site = { ...DEFAULT_SITE, locale };
  const spec = goalProgressChart(
    { site, colors: new Map(), strings: uiStrings(locale).charts },
    {
      id: 'goal',
      title: 'Goal',
      data: {
        kpiLabel: 'Followers',
        start: day(0),
        deadline: day(90),
        target: null,
        actual: [],
        expected: [],
        milestones: [],
        projection: null,
        ...data,
      },
    },
  ).spec as TopLevelSpec & { layer: Array<{ mark: { type: string } }> };
  const rules = spec.layer.filter((l) => l.mark.type === 'rule');
  const others = spec.layer.filter((l) => l.mark.type !== 'rule');
  const at = others.findIndex((l) => l.mark.type === 'line' && 'point' in l.mark) + 1;
  return {
    ...spec,
    layer: ruleLast ? [...others.slice(0, at), ...rules, ...others.slice(at)] : [...rules, ...others],
  } as unknown as TopLevelSpec;
}

const series = (n: number, f: (i: number) => number, every = 1) =>
  Array.from({ length: n }, (_, i) => ({ date: day(i * every), value: f(i) }));

const FIXTURES: Record<string, TopLevelSpec> = {
  'en counts: a few actual points, expected pace with a milestone, target and projection': progress('en-US', {
    unit: 'count',
    target: 5000,
    actual: series(6, (i) => 3000 + 90 * i, 7),
    expected: [
      { date: day(0), value: 3000 },
      { date: day(45), value: 4000 },
      { date: day(90), value: 5000 },
    ],
    milestones: [{ date: day(45), value: 4000 }],
    projection: 4700,
  }),
  'fr percents: a long actual line (no points), no milestones': progress('fr-FR', {
    unit: 'percent',
    kpiLabel: 'Taux d’engagement',
    target: 0.05,
    actual: series(60, (i) => 0.031 + 0.0002 * i + 0.001 * Math.sin(i)),
    expected: [
      { date: day(0), value: 0.03 },
      { date: day(90), value: 0.05 },
    ],
    projection: 0.047,
  }),
  'it money: a long actual line and milestones (stroke symbols in the legend, filled)': progress('it-IT', {
    unit: 'money',
    target: 12000,
    actual: series(50, (i) => 120 * i),
    expected: [
      { date: day(0), value: 0 },
      { date: day(90), value: 12000 },
    ],
    milestones: [
      { date: day(30), value: 4000 },
      { date: day(60), value: 8000 },
    ],
    projection: 10800,
  }),
  'en: no data yet (target and expected pace only)': progress('en-GB', {
    unit: 'count',
    target: 800,
    expected: [
      { date: day(0), value: 500 },
      { date: day(90), value: 800 },
    ],
  }),
  'fr: no baseline (no expected pace), an actual line and a target': progress('fr-FR', {
    unit: 'count',
    target: 2000,
    actual: series(3, (i) => 200 * (i + 1), 10),
    projection: 1900,
  }),
  'it ratios: no target, actual only, one point': progress('it-IT', {
    unit: 'ratio',
    actual: [{ date: day(3), value: 1.5 }],
    expected: [
      { date: day(0), value: 1 },
      { date: day(90), value: 2 },
    ],
  }),
  'en: a net loss below zero, all the way': progress('en-US', {
    unit: 'count',
    kpiLabel: 'Net follower growth & "losses" <all>',
    target: -100,
    actual: series(8, (i) => -20 * i, 5),
    expected: [
      { date: day(0), value: 0 },
      { date: day(90), value: -100 },
    ],
    projection: -250,
  }),
  'en counts, the target rule after the actual (as built before)': progress(
    'en-US',
    {
      unit: 'count',
      target: 5000,
      actual: series(6, (i) => 3000 + 90 * i, 7),
      expected: [
        { date: day(0), value: 3000 },
        { date: day(90), value: 5000 },
      ],
      milestones: [{ date: day(45), value: 4000 }],
      projection: 4700,
    },
    true,
  ),
  'fr: an actual on its target (no baseline), the rule after it': progress(
    'fr-FR',
    { unit: 'count', target: 400, actual: series(3, () => 400, 10), projection: 400 },
    true,
  ),
  'en: every value the same': progress('en-US', {
    unit: 'count',
    target: 1000,
    actual: series(4, () => 1000, 3),
    expected: [
      { date: day(0), value: 1000 },
      { date: day(90), value: 1000 },
    ],
    projection: 1000,
  }),
};

async function compare(spec: TopLevelSpec, width = WIDTH): Promise<string[]> {
  const svg = await renderSvg(spec, width);
  return markDifferences(svg, await renderFresh(spec, width), 1);
}

describe('the goal progress chart writer', () => {
  beforeAll(() => useChartCache(null));

  it.each(Object.entries(FIXTURES))('draws %s as Vega does (same marks within a pixel)', async (_, spec) => {
    expect(drawDirect(spec, WIDTH)).not.toBeNull();
    const before = renderStats().direct;
    const differences = await compare(spec);
    expect(renderStats().direct).toBe(before + 1);
    expect(differences).toEqual([]);
  });

  it('draws generated progress charts as Vega does', async () => {
    const value = fc.oneof(
      fc.constant(0),
      fc.integer({ min: -5000, max: 5000 }),
      // (Not subnormal: d3's nice turns an extent of ±5e-324 into a NaN domain, drawn by neither.)
      fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((v) => v === 0 || Math.abs(v) > 1e-300),
      fc.double({ min: 1e-7, max: 1e-3, noNaN: true }),
    );
    const dated = (max: number) =>
      fc
        .uniqueArray(fc.record({ i: fc.integer({ min: 0, max: 90 }), value }), { maxLength: max, selector: (p) => p.i })
        .map((ps) => ps.sort((a, b) => a.i - b.i).map((p) => ({ date: day(p.i), value: p.value })));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('en-US', 'fr-FR', 'it-IT'),
        fc.constantFrom<Unit>('count', 'percent', 'money', 'ratio'),
        fc.record({
          actual: dated(60),
          expected: dated(4),
          milestones: dated(3),
          target: fc.option(value),
          projection: fc.option(value),
          kpiLabel: fc.oneof(fc.constantFrom('Followers', 'A & B <c> "d"'), fc.string({ minLength: 1, maxLength: 40 })),
        }),
        fc.integer({ min: 120, max: 900 }),
        fc.boolean(),
        async (locale, unit, data, width, ruleLast) => {
          const spec = progress(locale, { unit, ...data }, ruleLast);
          const rows = data.actual.length + data.expected.length + data.milestones.length + (data.target !== null ? 1 : 0);
          // A chart with no value at all is left to Vega.
          expect(drawDirect(spec, width) !== null).toBe(rows > 0);
          expect(await compare(spec, width)).toEqual([]);
        },
      ),
      { numRuns: 80, seed: 20261130 },
    );
  });

  it('writes the same SVG for the same spec, with no NaN, Infinity or undefined, and its text escaped', () => {
    const spec = FIXTURES['en: a net loss below zero, all the way']!;
    const svg = drawProgress(spec, WIDTH)!;
    expect(svg).not.toBeNull();
    expect(drawProgress(structuredClone(spec), WIDTH)).toBe(svg);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(svg).toContain('Net follower growth &amp; &quot;losses&quot; &lt;all&gt;');
    for (const [, text] of svg.matchAll(/>([^<]*)</g)) expect(text).not.toMatch(/[<>"]/);
  });

  it('returns null for any spec it does not implement, which Vega then draws', async () => {
    const spec = FIXTURES['en counts: a few actual points, expected pace with a milestone, target and projection'] as unknown as {
      layer: Array<Record<string, unknown> & { mark: Record<string, unknown>; encoding: Record<string, unknown> }>;
      config: Record<string, Record<string, unknown>>;
    };
    const [target, expected, projection, actual, milestone] = spec.layer as [
      (typeof spec.layer)[number],
      (typeof spec.layer)[number],
      (typeof spec.layer)[number],
      (typeof spec.layer)[number],
      (typeof spec.layer)[number],
    ];
    const variants: unknown[] = [
      { ...spec, title: 'A title' },
      { ...spec, width: 300 },
      { ...spec, layer: [target, expected, projection, { ...actual, mark: { ...actual.mark, interpolate: 'step' } }, milestone] },
      { ...spec, layer: [{ ...target, mark: { ...target.mark, strokeDash: [2, 2] } }, expected, projection, actual, milestone] },
      { ...spec, layer: [target, expected, projection, actual, { ...milestone, mark: { ...milestone.mark, shape: 'square' } }] },
      { ...spec, layer: [target, actual, expected, projection, milestone] },
      { ...spec, layer: [target, expected, projection, actual, target, milestone] },
      { ...spec, layer: [target, expected, projection, { ...actual, encoding: { ...actual.encoding, size: { value: 3 } } }] },
      { ...spec, config: { ...spec.config, legend: { ...spec.config['legend'], orient: 'right' } } },
      { ...spec, transform: [{ filter: 'datum.value > 0' }] },
    ];
    for (const variant of variants) expect(drawProgress(variant as TopLevelSpec, WIDTH)).toBeNull();
    const before = renderStats();
    const svg = await renderSvg(variants[0] as TopLevelSpec, WIDTH);
    expect(svg).toContain('A title');
    expect(renderStats().direct).toBe(before.direct);
    expect(renderStats().rendered).toBe(before.rendered + 1);
  });
});
