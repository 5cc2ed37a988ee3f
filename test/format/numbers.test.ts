import { describe, expect, it } from 'vitest';
import { formatChange, formatKpiValue, formatScore, formatShare } from '../../src/format/numbers.ts';
import { formatPoints } from '../../src/format/moves.ts';

describe('a value that cannot be computed', () => {
  it.each([
    ['en-US', 'n/a'],
    ['fr-FR', 'n.d.'],
    ['it-IT', 'n.d.'],
    ['de-DE', 'n/a'],
  ])('is written in the page language (%s)', (locale, word) => {
    const opts = { locale, currency: 'EUR' };
    expect([
      formatKpiValue(null, 'percent', opts),
      formatChange(null, opts),
      formatShare(null, opts),
      formatScore(null, opts),
      formatPoints(Number.NaN, opts),
    ]).toEqual([word, word, word, word, word]);
  });

  it('follows the site.yaml strings override', () => {
    expect(formatKpiValue(null, 'count', { locale: 'fr-FR', currency: 'EUR', strings: { 'values.notAvailable': '—' } })).toBe(
      '—',
    );
  });
});
