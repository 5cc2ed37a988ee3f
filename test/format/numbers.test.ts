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

describe('formatKpiValue with kept texts', () => {
  const fresh = (value: number, options: Intl.NumberFormatOptions, locale = 'en-US') =>
    new Intl.NumberFormat(locale, options).format(value);

  it('writes each value as a format built for it does, on every call, −0 included', () => {
    const en = { locale: 'en-US', currency: 'USD' };
    const fr = { locale: 'fr-FR', currency: 'EUR' };
    for (let round = 0; round < 2; round++) {
      expect(formatKpiValue(0.0444, 'percent', en)).toBe(
        fresh(0.0444, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      );
      expect(formatKpiValue(0.0045, 'percent', en)).toBe('0.45%');
      expect(formatKpiValue(-0, 'percent', en)).toBe(
        fresh(-0, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      );
      expect(formatKpiValue(0, 'percent', en)).toBe('0.0%');
      expect(formatKpiValue(1234.5, 'money', en)).toBe('$1,235');
      expect(formatKpiValue(1234.5, 'money', fr)).toBe(
        fresh(1234.5, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }, 'fr-FR'),
      );
      expect(formatKpiValue(12.345, 'money', { locale: 'en-US', currency: 'EUR' })).toBe('€12.35');
      expect(formatKpiValue(3.214, 'ratio', en)).toBe('3.21×');
      expect(formatKpiValue(12050, 'count', en)).toBe('12,050');
      expect(formatKpiValue(12050, 'count', fr)).toBe(fresh(12050, { maximumFractionDigits: 0 }, 'fr-FR'));
    }
  });
});

describe('a share that rounds to 0', () => {
  it('reads "0%", never "-0%" (red-team 9 #8)', () => {
    const fmt = { locale: 'en-US', currency: 'EUR' };
    expect(formatShare(-0.003, fmt)).toBe('0%');
    expect(formatShare(-0, fmt)).toBe('0%');
    expect(formatShare(-0.2, fmt)).toBe('-20%');
    expect(formatShare(-0.003, { locale: 'fr-FR', currency: 'EUR' })).toBe('0\u00a0%');
  });
});
