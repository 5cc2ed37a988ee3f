/**
 * A goal over several channels compares like with like: its implicit baseline (and the
 * reference of a relative target) is computed over the channels its actual is computed over,
 * never over a channel whose data stopped before the period (red-team finding F5).
 */
import { describe, expect, it } from 'vitest';
import { achievability } from '../../src/core/achievability.ts';
import { evaluateGoal } from '../../src/core/evaluate.ts';
import { day, engineOf, expectClose, period, rows, smartGoal } from '../coreFixtures.ts';

describe('the implicit baseline of a goal over several channels', () => {
  // Instagram: CTR 1% in Q2 and Q3; YouTube: 9% in Q2, no data in Q3.
  const engine = engineOf([
    ...rows('instagram', [
      ['2026-Q2', { impressions: 10000, clicks: 100 }],
      ['2026-Q3', { impressions: 10000, clicks: 100 }],
    ]),
    ...rows('youtube', [['2026-Q2', { impressions: 10000, clicks: 900 }]]),
  ]);

  it('is computed over the channels of the actual (a rate)', () => {
    const e = evaluateGoal(engine, smartGoal('ctr', { kind: 'absolute', value: 0.06 }), day('2026-09-30'));
    // Today: baseline (100 + 900) / 20000 = 0.05 over both channels, progress (0.01 − 0.05) / 0.01 = −4.
    expect(e).toMatchObject({ baseline: 0.01, previous: 0.01, actual: 0.01, progress: 0, status: 'missed' });
    expect(e.type === 'smart' && e.leftOut).toEqual(['youtube']);
  });

  it('and the reference of a relative target too', () => {
    const e = evaluateGoal(engine, smartGoal('ctr', { kind: 'percent', ratio: 0.5 }), day('2026-09-30'));
    expect(e).toMatchObject({ baseline: 0.01, target: 0.015, actual: 0.01, progress: 0 });
  });

  it('and so is the change its achievability asks for', () => {
    // From 1% to 6% over Instagram: +500% (today: from 5% over both channels, +20%).
    const a = achievability(engine, smartGoal('ctr', { kind: 'absolute', value: 0.06 }), period('2026-Q3'));
    expectClose(a.needed, 5);
    expect(a).toMatchObject({ verdict: 'unknown', periods: 0 });
  });

  it('a total: the previous total of a relative target over the same channels', () => {
    // Q3 clicks 100 (Instagram only); Q2 clicks over Instagram are 100, not 1000 with YouTube.
    const e = evaluateGoal(engine, smartGoal('clicks', { kind: 'percent', ratio: 0.1 }), day('2026-09-30'));
    expect(e).toMatchObject({ previous: 100, target: 110, actual: 100 });
    expectClose(e.type === 'smart' ? e.progress : null, 100 / 110);
  });

  it('follower count on all channels', () => {
    const followers = engineOf([
      ...rows('instagram', [
        ['2026-06-30', { followers: 1000 }],
        ['2026-09-30', { followers: 1100 }],
      ]),
      ...rows('youtube', [['2026-06-30', { followers: 5000 }]]),
    ]);
    const e = evaluateGoal(followers, smartGoal('follower_count', { kind: 'absolute', value: 6200 }), day('2026-09-30'));
    // YouTube's last count carries into Q3 (SPEC "Followers"), so it is on both sides: baseline
    // 6000, not 1100 against 6000. Its data end before Q3, so the goal is read as of 1 July and cannot
    // settle on that count (red-team 20 #7): actual 6000 then, undecided.
    expect(e).toMatchObject({ baseline: 6000, actual: 6000, progress: 0, status: 'undecided', incomplete: ['youtube'] });
  });

  it('keeps a given baseline; a rate with a channel new in the period keeps the baseline of the others, with no progress', () => {
    const given = evaluateGoal(
      engine,
      smartGoal('ctr', { kind: 'absolute', value: 0.06 }, { baseline: 0.05 }),
      day('2026-09-30'),
    );
    expect(given).toMatchObject({ baseline: 0.05, actual: 0.01 });
    const launched = engineOf([
      ...rows('instagram', [
        ['2026-Q2', { impressions: 10000, clicks: 100 }],
        ['2026-Q3', { impressions: 10000, clicks: 100 }],
      ]),
      ...rows('youtube', [['2026-Q3', { impressions: 10000, clicks: 300 }]]),
    ]);
    const e = evaluateGoal(launched, smartGoal('ctr', { kind: 'absolute', value: 0.03 }), day('2026-09-30'));
    // YouTube's cheap clicks joining the mix are no progress: the pair does not compare (red-team 15 #4).
    // At the deadline a CTR of 2% misses a target of 3% on any reading (red-team 16 #8).
    expect(e).toMatchObject({
      baseline: 0.01,
      actual: 0.02,
      progress: null,
      status: 'missed',
      baselineLeftOut: ['youtube'],
      baselineChannelsDiffer: true,
    });
  });
});
