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

describe('a change in percentage points', () => {
  it('has one decimal, two below a tenth of a point (never a real move shown as 0.0)', () => {
    const en = { locale: 'en-US', currency: 'EUR' };
    expect(formatPoints(3.24, en)).toBe('+3.2 pts');
    expect(formatPoints(-0.012, en)).toBe('-0.01 pts');
    expect(formatPoints(0.05, en)).toBe('+0.05 pts');
    expect(formatPoints(0, en)).toBe('0.0 pts');
    expect(formatPoints(-0.012, { locale: 'fr-FR', currency: 'EUR' }).replace(/\s/g, ' ')).toBe('-0,01 pts');
  });
});
