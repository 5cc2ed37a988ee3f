/**
 * An objective's or key result's score on pages: a lower bound (undecided key results counted 0)
 * reads "≥ …" (red-team 9 #12), an upper bound (a key result on reach summed from month rows)
 * "≤ …", neither "≈ …" (red-team 32 #1).
 */
import { describe, expect, it } from 'vitest';
import { keyResultScoreBound, okrScoreText } from '../../src/format/score.ts';
import { uiStrings } from '../../src/translations/index.ts';

describe('okrScoreText', () => {
  const en = { locale: 'en-US', currency: 'EUR' };
  const fr = { locale: 'fr-FR', currency: 'EUR' };
  it('marks a bound, in the page language', () => {
    expect(okrScoreText(0.5, 'lower', uiStrings('en-US'), en)).toBe('≥ 0.50');
    expect(okrScoreText(0.5, 'lower', uiStrings('fr-FR'), fr)).toBe('≥ 0,50');
    expect(okrScoreText(0, 'lower', uiStrings('en-US'), en)).toBe('≥ 0.00');
    expect(okrScoreText(0.8, 'upper', uiStrings('en-US'), en)).toBe('≤ 0.80');
    expect(okrScoreText(0.52, 'unbounded', uiStrings('it-IT'), { locale: 'it-IT', currency: 'EUR' })).toBe('≈ 0,52');
  });
  it('leaves an exact score, and no score, as they were', () => {
    expect(okrScoreText(0.5, 'exact', uiStrings('en-US'), en)).toBe('0.50');
    expect(okrScoreText(0.5, undefined, uiStrings('en-US'), en)).toBe('0.50');
    expect(okrScoreText(null, 'lower', uiStrings('en-US'), en)).toBe(okrScoreText(null, 'exact', uiStrings('en-US'), en));
  });
});

describe('keyResultScoreBound', () => {
  const kr = { status: 'missed' as const, score: 0.8, target: 100000, baseline: 0 };
  it('is at most a score whose actual is an upper bound, at least one on a lower bound', () => {
    expect(keyResultScoreBound({ ...kr, bound: 'upper' })).toBe('upper');
    expect(keyResultScoreBound({ ...kr, bound: 'lower' })).toBe('lower');
    // A target below the baseline: progress grows as the actual falls.
    expect(keyResultScoreBound({ ...kr, bound: 'upper', target: 50, baseline: 100 })).toBe('lower');
  });
  it('is exact on an exact actual, and says nothing of an undecided one (no score to bound)', () => {
    expect(keyResultScoreBound({ ...kr, bound: 'exact' })).toBe('exact');
    expect(keyResultScoreBound({ ...kr })).toBe('exact');
    expect(keyResultScoreBound({ ...kr, status: 'undecided', bound: 'upper' })).toBe('exact');
  });
  it('is exact at the ends the bound cannot pass', () => {
    // An upper bound scoring 0 can only be 0; a lower bound scoring 1 only 1.
    expect(keyResultScoreBound({ ...kr, score: 0, bound: 'upper' })).toBe('exact');
    expect(keyResultScoreBound({ ...kr, score: 1, bound: 'lower' })).toBe('exact');
  });
});
