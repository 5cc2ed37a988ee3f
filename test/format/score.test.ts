/** An objective's score on pages: a lower bound (undecided key results counted 0) reads "≥ …" (red-team 9 #12). */
import { describe, expect, it } from 'vitest';
import { okrScoreText } from '../../src/format/score.ts';
import { uiStrings } from '../../src/translations/index.ts';

describe('okrScoreText', () => {
  const en = { locale: 'en-US', currency: 'EUR' };
  const fr = { locale: 'fr-FR', currency: 'EUR' };
  it('marks a lower bound, in the page language', () => {
    expect(okrScoreText(0.5, true, uiStrings('en-US'), en)).toBe('≥ 0.50');
    expect(okrScoreText(0.5, true, uiStrings('fr-FR'), fr)).toBe('≥ 0,50');
    expect(okrScoreText(0, true, uiStrings('en-US'), en)).toBe('≥ 0.00');
  });
  it('leaves an exact score, and no score, as they were', () => {
    expect(okrScoreText(0.5, false, uiStrings('en-US'), en)).toBe('0.50');
    expect(okrScoreText(null, true, uiStrings('en-US'), en)).toBe(okrScoreText(null, false, uiStrings('en-US'), en));
  });
});
