/**
 * Achievable? (SPEC "Achievable?"): verdicts worked out by hand from quarterly histories, and a
 * property: scaling every value (and the written targets) leaves every verdict unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievability, judge, pastChanges, quantile } from '../../src/core/achievability.ts';
import type { Measure, TargetSpec } from '../../src/core/goals.ts';
import { engineOf, period, rows } from '../coreFixtures.ts';

const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
const Q3 = period('2026-Q3');

/** One channel's quarterly totals of a metric, 2025-Q1 to 2026-Q2. */
function history(metric: string, totals: readonly number[], scale = 1) {
  return engineOf(
    rows(
      'instagram',
      QUARTERS.map((q, i) => [q, { [metric]: totals[i]! * scale }] as const),
    ),
  );
}

const measure = (kpi: string, target: TargetSpec, extra: Partial<Measure> = {}): Measure => ({
  kpi,
  channel: 'instagram',
  baseline: null,
  target,
  milestones: [],
  ...extra,
});
const absolute = (value: number): TargetSpec => ({ kind: 'absolute', value });

describe('judge and its pieces', () => {
  it('computes relative changes between consecutive values, skipping gaps and zero starts', () => {
    expect(pastChanges([100, 110, null, 50, 0, 10, 20])).toEqual([0.1, -1, 1]);
  });

  it('interpolates quantiles', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.75)).toBe(4);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  const past = [0.05, 0.12, 0.02, -0.03, 0.04];
  it('is stretch beyond the best change, with best, median and periods', () => {
    expect(judge(0.38, past)).toEqual({ verdict: 'stretch', needed: 0.38, best: 0.12, median: 0.04, periods: 5 });
  });

  it('is ambitious above the 75th percentile (0.05 here) and realistic at or below it', () => {
    expect(judge(0.08, past).verdict).toBe('ambitious');
    expect(judge(0.05, past).verdict).toBe('realistic');
    expect(judge(0.01, past).verdict).toBe('realistic');
  });

  it('is already met when it needs no change, even without history', () => {
    expect(judge(0, []).verdict).toBe('already_met');
    expect(judge(-0.2, past).verdict).toBe('already_met');
  });

  it('is unknown with fewer than four past changes or no computable need', () => {
    expect(judge(0.1, [0.05, 0.2, 0.1])).toMatchObject({ verdict: 'unknown', needed: 0.1, periods: 3 });
    expect(judge(null, past)).toMatchObject({ verdict: 'unknown', needed: null, periods: 5 });
  });
});

describe("achievability of a goal from its KPI's history", () => {
  // Totals 1,000 → 1,100 → 1,210 → 1,150 → 1,300 → 1,400: changes +10%, +10%, −4.96%, +13.04%, +7.69%.
  const impressions = history('impressions', [1000, 1100, 1210, 1150, 1300, 1400]);
  const of = (target: TargetSpec, extra: Partial<Measure> = {}) =>
    achievability(impressions, measure('impressions', target, extra), Q3);

  it("compares a cumulative target with the previous quarter's total", () => {
    const a = of(absolute(2000));
    expect(a.verdict).toBe('stretch');
    expect(a.needed).toBeCloseTo(2000 / 1400 - 1, 12);
    expect(a.best).toBeCloseTo(1300 / 1150 - 1, 12);
    expect(a.median).toBeCloseTo(0.1, 12);
    expect(a.periods).toBe(5);
  });

  it('gives realistic, ambitious and already met around the 75th percentile (+10%) and the best (+13.04%)', () => {
    expect(of(absolute(1500)).verdict).toBe('realistic');
    expect(of({ kind: 'percent', ratio: 0.12 }).verdict).toBe('ambitious');
    expect(of({ kind: 'percent', ratio: 0.12 }).needed).toBeCloseTo(0.12, 12);
    expect(of(absolute(1400)).verdict).toBe('already_met');
    expect(of(absolute(1300)).verdict).toBe('already_met');
  });

  it('ignores milestones', () => {
    expect(of(absolute(1500), { milestones: [{ date: Q3.start + 40, target: 1490 }] })).toEqual(of(absolute(1500)));
  });

  it('is unknown when the previous quarter is 0 (no change to measure against)', () => {
    const e = history('impressions', [1000, 1100, 1210, 1150, 1300, 0]);
    expect(achievability(e, measure('impressions', absolute(500)), Q3)).toMatchObject({ verdict: 'unknown', needed: null });
  });

  it('is unknown with too little history', () => {
    const e = engineOf(
      rows('instagram', [
        ['2026-Q1', { impressions: 1000 }],
        ['2026-Q2', { impressions: 1200 }],
      ]),
    );
    expect(achievability(e, measure('impressions', absolute(1300)), Q3)).toMatchObject({ verdict: 'unknown', periods: 1 });
  });

  it('compares decreases on a KPI that is good when down (a budget cap)', () => {
    // Spend 1,000 → 950 → 900 → 1,000 → 880 → 800: decreases 5%, 5.26%, −11.1%, 12%, 9.09%.
    const spend = history('spend', [1000, 950, 900, 1000, 880, 800]);
    const cut = achievability(spend, measure('spend', absolute(600)), Q3);
    expect(cut.verdict).toBe('stretch');
    expect(cut.needed).toBeCloseTo(0.25, 12);
    expect(cut.best).toBeCloseTo(0.12, 12);
    expect(achievability(spend, measure('spend', absolute(780)), Q3).verdict).toBe('realistic');
    expect(achievability(spend, measure('spend', absolute(900)), Q3).verdict).toBe('already_met');
  });

  it('compares a level with its baseline', () => {
    // Followers at each quarter's end 1,000 → 1,050 → 1,100 → 1,150 → 1,200 → 1,260: +5%, +4.76%, +4.55%, +4.35%, +5%.
    const followers = history('followers', [1000, 1050, 1100, 1150, 1200, 1260]);
    const given = achievability(followers, measure('follower_count', absolute(1400), { baseline: 1000 }), Q3);
    expect(given.needed).toBeCloseTo(0.4, 12);
    expect(given.verdict).toBe('stretch');
    const implicit = achievability(followers, measure('follower_count', absolute(1310)), Q3);
    expect(implicit.needed).toBeCloseTo(1310 / 1260 - 1, 12);
    expect(implicit.verdict).toBe('realistic');
  });
});

describe('achievability is scale-free', () => {
  it('gives the same verdict when every value and the written targets are scaled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 300_000 }),
        fc.integer({ min: 2, max: 1000 }),
        (totals, target, k) => {
          const base = achievability(history('impressions', totals), measure('impressions', absolute(target)), Q3);
          const scaled = achievability(history('impressions', totals, k), measure('impressions', absolute(target * k)), Q3);
          expect(scaled.verdict).toBe(base.verdict);
          const rate = (scale: number) =>
            achievability(
              engineOf(
                rows(
                  'instagram',
                  QUARTERS.map((q, i) => [q, { clicks: (i + 1) * 7 * scale, impressions: totals[i]! * scale }] as const),
                ),
              ),
              measure('ctr', { kind: 'percent', ratio: 0.1 }),
              Q3,
            );
          expect(rate(k).verdict).toBe(rate(1).verdict);
        },
      ),
      { numRuns: 200, seed: 20261130 },
    );
  });
});
