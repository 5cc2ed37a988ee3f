/**
 * Sign analysis of formulas: `monotonyIn` says how a KPI moves as some inputs grow, so that a
 * KPI over a reach summed from finer rows (an upper bound of the true reach) is known to be an
 * upper bound (reach per post), a lower bound (spend per thousand reached: red-team 7 #3), or
 * neither.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, parseFormula } from '../../src/core/formula.ts';
import { metricTable } from '../../src/core/metrics.ts';
import { monotonyIn } from '../../src/core/sign.ts';

const metrics = metricTable([{ id: 'balance', aggregation: 'flow', signed: true, builtIn: false, absentMeans: 'unknown' }]);
const metricOf = (name: string) => metrics.get(name);
const ast = (text: string) => {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ast;
};
const reach = new Set(['reach']);

describe('monotonyIn', () => {
  it.each([
    ['reach', 'up'],
    ['reach / posts', 'up'],
    ['reach * 2 + likes', 'up'],
    ['spend / reach * 1000', 'down'],
    ['impressions - reach', 'down'],
    ['-reach', 'down'],
    ['impressions / posts', 'flat'],
    ['reach / (reach + impressions)', null],
    ['reach * balance', null],
    ['reach - reach / 2', null],
  ] as const)('%s moves %s with reach', (formula, expected) => {
    expect(monotonyIn(ast(formula), reach, metricOf)).toBe(expected);
  });

  it('is right wherever it says up or down: raising reach never moves the value the other way', () => {
    const formulas = [
      'reach / posts',
      'spend / reach * 1000',
      'impressions - reach',
      '(reach + likes) / (posts + 1)',
      'likes / reach - spend',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...formulas),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.record({ posts: fc.integer({ min: 1, max: 500 }), likes: fc.nat(1e6), spend: fc.nat(1e6), impressions: fc.nat(1e7) }),
        (formula, r1, r2, others) => {
          const tree = ast(formula);
          const direction = monotonyIn(tree, reach, metricOf);
          const compiled = compileFormula(tree);
          const at = (r: number) => compiled((name) => (name === 'reach' ? r : ((others as Record<string, number>)[name] ?? 0)));
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const [a, b] = [at(lo), at(hi)];
          if (a === null || b === null) return;
          if (direction === 'up') expect(b).toBeGreaterThanOrEqual(a - 1e-9 * Math.abs(a));
          if (direction === 'down') expect(b).toBeLessThanOrEqual(a + 1e-9 * Math.abs(a));
        },
      ),
    );
  });
});
