/**
 * An OKR whose key result is measured on a bound of the true figure (reach summed from month rows,
 * an upper bound) has a score that is a bound too (red-team 32 #1): the key result scores at most
 * what it shows, so the objective's score is at most its own, and its band is given only where the
 * true score could not fall into another one. Mixed with an undecided key result, neither.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, loadRoot } from '../exportsFixture.ts';
import { DATA, okr, REACH, SITE, TALKS } from '../okrBoundFixture.ts';
import type { OkrEvaluation } from '../../src/core/evaluate.ts';

const okrOf = (goals: string) => evaluate(loadRoot(SITE, goals, DATA), 'okr', '2026-10-15') as OkrEvaluation;

describe('an OKR with a key result on an upper bound', () => {
  it('gives its score as at most what it shows, with no band where the true one could be in another', () => {
    const e = okrOf(okr(REACH + TALKS(1)));
    const reach = e.keyResults.find((kr) => kr.id === 'reach')!;
    // ≈90,000 at most: missed whatever the true reach, scoring at most 0.9.
    expect(reach).toMatchObject({ status: 'missed', bound: 'upper', score: 0.9 });
    expect(e.score).toBeCloseTo((0.9 + 0.25) / 2, 12);
    expect(e).toMatchObject({ scoreBound: 'upper', band: null, bounded: ['reach'] });
  });

  it('keeps the band where even the lowest true score stays in it', () => {
    // Talks met: (0.9 + 1) / 2 = 0.95 at most, 0.5 at least: green or yellow, so no band.
    expect(okrOf(okr(REACH + TALKS(4)))).toMatchObject({ scoreBound: 'upper', band: null });
    // Reach weighs little beside a met key result: from 1 × 10/11 ≈ 0.91 to ≈ 0.99, green either way.
    const heavy = okr(REACH + '      - { id: talks, title: Talks, manual: { current: 4, target: 4 }, weight: 10 }\n');
    expect(okrOf(heavy)).toMatchObject({ scoreBound: 'upper', band: 'green' });
  });

  it('is neither a floor nor a ceiling beside an undecided key result', () => {
    // At most 90,000 against 50,000: undecided, counted 0 (anything from 0 to 1).
    const undecided = '      - { id: half, kpi: reach, channel: instagram, baseline: 0, target: 50000 }\n';
    const e = okrOf(okr(REACH + undecided));
    expect(e.keyResults.map((kr) => kr.status)).toEqual(['missed', 'undecided']);
    // Shown (0.9 + 0) / 2; truly anything from 0 to (0.9 + 1) / 2.
    expect(e).toMatchObject({ score: 0.45, scoreBound: 'unbounded', band: null, undecided: ['half'], bounded: ['reach'] });
  });

  it('is exact without a bounded key result', () => {
    expect(okrOf(okr(TALKS(1)))).toMatchObject({ scoreBound: 'exact', band: 'red', bounded: [] });
  });
});
