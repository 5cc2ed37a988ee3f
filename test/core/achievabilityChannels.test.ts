/**
 * Achievable? history per channel (red-team 6 #13), on exports shaped like real ones
 * (test/compareFixture.ts): a channel whose first export begins inside a past quarter (Facebook
 * from 15 June 2026) makes that quarter partial for a total, and a quarter computed over other
 * channels than the one before (Instagram from 1 April 2026, a whole quarter) is no change of the
 * KPI: neither change into them counts, whichever channel started first. The whole quarter stays
 * complete, so the change out of it would count (red-team 12 #5: test/core/achievabilityNewChannel.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { achievability, pastValues } from '../../src/core/achievability.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { loadCompare } from '../compareFixture.ts';

const { project, engine } = loadCompare();
const goal = (id: string) => project.goals.find((g) => g.id === id) as SmartGoal;

describe('achievability history over channels that start at different times', () => {
  it('does not count the quarter a later channel’s data begins inside (Facebook, 15 June)', () => {
    const past = pastValues(engine, goal('impr'), goal('impr').period);
    // All impressions: LinkedIn since 2025, Instagram from April, Facebook from 15 June (TikTok stopped: not measured).
    expect(past.at(-1)).toEqual({
      period: '2026-Q2',
      value: 91_000 + 91 * 2000 + 16 * 10_000,
      complete: false,
      sameChannels: false,
    });
    expect(past.slice(0, -1).every((p) => p.complete)).toBe(true);
  });

  it('does not count a quarter over other channels than the one before (Instagram from 1 April)', () => {
    const g = goal('li-ig');
    const past = pastValues(engine, g, g.period);
    expect(past.at(-1)).toEqual({ period: '2026-Q2', value: 91_000 + 91 * 2000, complete: true, sameChannels: false });
    expect(past.at(-2)).toEqual({ period: '2026-Q1', value: 90_000, complete: true, sameChannels: true });
  });

  it('judges the targets on LinkedIn’s own quarters: no +200% launch quarter as the best', () => {
    const verdict = achievability(engine, goal('li-ig'), goal('li-ig').period);
    // LinkedIn alone moved by the length of its quarters only (90 to 92 days of 1,000).
    expect(verdict.best).toBeCloseTo(91 / 90 - 1, 10); // 2025-Q1 (90 days) to Q2 (91)
    expect(verdict.verdict).toBe('stretch');
  });
});
