/**
 * A key result's band on the objective's scale is given only where its true score could not fall
 * into another band (red-team 32 #1): a missed reach key result at most 0.80 could be red.
 */
import { describe, expect, it } from 'vitest';
import { keyResultBands } from '../../src/site/okrView.ts';

const kr = { status: 'missed' as const, target: 100000, baseline: 0 };

describe('keyResultBands', () => {
  it('gives no band to a score that is only a bound spanning several bands', () => {
    expect(keyResultBands([{ ...kr, score: 0.8, bound: 'upper' }], false)).toEqual([null]);
    expect(keyResultBands([{ ...kr, score: 0.3, bound: 'upper' }], false)).toEqual(['red']);
    expect(keyResultBands([{ ...kr, score: 0.75, bound: 'lower' }], false)).toEqual(['green']);
  });
  it('bands exact scores as before, and none without a score', () => {
    expect(
      keyResultBands(
        [
          { ...kr, score: 0.8 },
          { ...kr, score: 0.5 },
          { ...kr, score: null },
        ],
        false,
      ),
    ).toEqual(['green', 'yellow', null]);
    expect(keyResultBands([{ ...kr, score: 0.65 }], true)).toEqual(['green']);
  });
});
