import { describe, expect, it } from 'vitest';
import { achievabilityText } from '../../src/format/achievability.ts';

const en = { locale: 'en-US', currency: 'EUR' };
const a = (verdict: 'already_met' | 'realistic' | 'ambitious' | 'stretch' | 'unknown', needed: number | null, periods = 7) => ({
  verdict,
  needed,
  best: 0.12,
  median: 0.04,
  periods,
});

describe('achievability in words', () => {
  it('says what a stretch target needs against the best period so far', () => {
    expect(achievabilityText(a('stretch', 0.38), 'quarter', 'up', en)).toBe(
      'It needs +38.0% in a quarter; the best quarter so far was +12.0%.',
    );
  });

  it('shows decreases on a KPI that is good when down as negative changes', () => {
    expect(achievabilityText(a('realistic', 0.1), 'month', 'down', en)).toBe(
      'It needs -10.0% in a month; the median month so far was -4.0%, the best -12.0%.',
    );
  });

  it('says how much history is missing, and when there is nothing to compare with', () => {
    expect(achievabilityText(a('unknown', 0.2, 1), 'year', 'up', en)).toBe(
      'It needs +20.0% in a year; there is 1 past year to compare with (4 needed).',
    );
    expect(achievabilityText(a('unknown', null), 'quarter', 'up', en)).toBe(
      'There is no previous value to measure the change against.',
    );
  });

  it('names an already-met target and an ambitious one, in the locale', () => {
    expect(achievabilityText(a('already_met', -0.05), 'quarter', 'up', en)).toBe(
      'The previous quarter already met it: the target is a change of -5.0%.',
    );
    expect(achievabilityText(a('ambitious', 0.08), 'quarter', 'up', { locale: 'fr-FR', currency: 'EUR' })).toBe(
      'It needs +8,0\u00a0% in a quarter, more than three quarters in four so far (median +4,0\u00a0%, best +12,0\u00a0%).',
    );
  });
});
