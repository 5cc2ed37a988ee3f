/**
 * Relative targets and the "achieved" line on real numbers: 3,000 + 10% is 3,300, not
 * 3300.0000000000005, and a goal that reaches it exactly is achieved, never "3,300 of 3,300:
 * Missed". A relative target moves from the reference in the good direction by the share of its
 * size (|reference|), as QoQ changes are measured: +20% on a net follower loss of 91 is −72.8.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal } from '../../src/core/evaluate.ts';
import { resolveTarget } from '../../src/core/targets.ts';
import { goalStatus } from '../../src/core/status.ts';
import { day, engineOf, rows, smartGoal } from '../coreFixtures.ts';

const IG = { channel: 'instagram' } as const;
const months = (channel: string, values: Array<[string, Record<string, number>]>) => rows(channel, values);

describe('relative targets', () => {
  it('carry no floating-point noise', () => {
    expect(resolveTarget({ kind: 'percent', ratio: 0.1 }, 3000)).toBe(3300);
    expect(resolveTarget({ kind: 'percent', ratio: 0.1 }, 0.1)).toBe(0.11);
    expect(resolveTarget({ kind: 'percent', ratio: 0.1 }, 700)).toBe(770);
    expect(resolveTarget({ kind: 'delta', amount: 0.2 }, 0.1)).toBe(0.3);
  });

  it('move from a negative reference by a share of its size', () => {
    expect(resolveTarget({ kind: 'percent', ratio: 0.2 }, -91)).toBe(-72.8);
    expect(resolveTarget({ kind: 'percent', ratio: -0.5 }, -455)).toBe(-682.5);
  });
});

describe('the achieved line', () => {
  it('counts progress that is 1 but for rounding as achieved', () => {
    const ended = { started: true, ended: true, expected: 1 };
    expect(goalStatus({ ...ended, progress: 0.9999999999999999 })).toBe('achieved');
    expect(goalStatus({ ...ended, progress: 0.9999999999999987 })).toBe('achieved');
    expect(goalStatus({ ...ended, progress: 0.999999 })).toBe('missed');
  });

  it('a total that meets a "+10%" target exactly is achieved', () => {
    const engine = engineOf(
      months('instagram', [
        ['2026-04', { impressions: 1000 }],
        ['2026-05', { impressions: 1000 }],
        ['2026-06', { impressions: 1000 }],
        ['2026-07', { impressions: 1100 }],
        ['2026-08', { impressions: 1100 }],
        ['2026-09', { impressions: 1100 }],
      ]),
    );
    const e = evaluateGoal(engine, smartGoal('impressions', { kind: 'percent', ratio: 0.1 }, IG), day('2026-09-30'));
    expect(e).toMatchObject({ target: 3300, actual: 3300, progress: 1, status: 'achieved' });
  });

  it('a rate that meets a "+10%" target exactly is achieved', () => {
    const engine = engineOf(
      months('instagram', [
        ['2026-Q2', { impressions: 10000, engagements: 1000 }],
        ['2026-Q3', { impressions: 10000, engagements: 1100 }],
      ]),
    );
    const e = evaluateGoal(engine, smartGoal('engagement_rate', { kind: 'percent', ratio: 0.1 }, IG), day('2026-09-30'));
    expect(e).toMatchObject({ target: 0.11, status: 'achieved' });
  });

  it('follower growth from a net loss: +20% asks for a smaller loss, and no loss at all achieves it', () => {
    const engine = engineOf(
      months('instagram', [
        ['2026-04', { new_followers: 10, lost_followers: 40 }],
        ['2026-05', { new_followers: 10, lost_followers: 40 }],
        ['2026-06', { new_followers: 10, lost_followers: 41 }],
        ['2026-07', { new_followers: 30, lost_followers: 30 }],
        ['2026-08', { new_followers: 30, lost_followers: 30 }],
        ['2026-09', { new_followers: 30, lost_followers: 30 }],
      ]),
    );
    const e = evaluateGoal(engine, smartGoal('follower_growth', { kind: 'percent', ratio: 0.2 }, IG), day('2026-09-30'));
    // Follower growth is a running total from 0; a negative target is a floor (lose at most 72.8).
    expect(e).toMatchObject({ mode: 'cumulative', baseline: 0, previous: -91, target: -72.8, actual: 0, status: 'achieved' });
  });
});
