import { describe, expect, it } from 'vitest';
import { formatChange, formatKpiValue, formatScore, formatShare, STATUS_LABELS } from '../src/format/numbers.ts';
import { GOAL_STATUSES } from '../src/core/status.ts';

const en = { locale: 'en-US', currency: 'EUR' };
const fr = { locale: 'fr-FR', currency: 'EUR' };
const it_ = { locale: 'it-IT', currency: 'EUR' };
/** Intl uses no-break spaces in French; compare with plain spaces for readability. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatKpiValue', () => {
  it('formats percentages per locale with one decimal: "4,4 %" in French', () => {
    expect(formatKpiValue(0.0442, 'percent', en)).toBe('4.4%');
    expect(plain(formatKpiValue(0.0442, 'percent', fr))).toBe('4,4 %');
    expect(formatKpiValue(0.0442, 'percent', it_)).toBe('4,4%');
  });

  it("gives a goal's actual and target the same decimals (25.2% beside 28.0%), two only below 1%", () => {
    expect([formatKpiValue(0.2516, 'percent', en), formatKpiValue(0.28, 'percent', en)]).toEqual(['25.2%', '28.0%']);
    expect(formatKpiValue(0.0045, 'percent', en)).toBe('0.45%');
  });

  it('formats money in the site currency', () => {
    expect(formatKpiValue(1234.5, 'money', en)).toBe('€1,235');
    expect(plain(formatKpiValue(1234.5, 'money', fr))).toBe('1 235 €');
    expect(plain(formatKpiValue(1234.5, 'money', it_))).toBe('1235 €'); // Italian groups from five digits (CLDR)
    expect(formatKpiValue(12.345, 'money', en)).toBe('€12.35');
    expect(formatKpiValue(99, 'money', { locale: 'en-US', currency: 'USD' })).toBe('$99.00');
  });

  it('formats counts, ratios, minutes and scores', () => {
    expect(formatKpiValue(12050, 'count', en)).toBe('12,050');
    expect(plain(formatKpiValue(12050, 'count', fr))).toBe('12 050');
    expect(formatKpiValue(12.34, 'count', en)).toBe('12.3');
    expect(formatKpiValue(3.456, 'ratio', en)).toBe('3.46×');
    expect(formatKpiValue(42.25, 'minutes', en)).toBe('42.3 min');
    expect(formatKpiValue(-12.5, 'score', en)).toBe('-12.5');
  });

  it('shows n/a for missing or non-finite values, never NaN', () => {
    for (const v of [null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatKpiValue(v, 'percent', en)).toBe('n/a');
      expect(formatChange(v, en)).toBe('n/a');
      expect(formatShare(v, en)).toBe('n/a');
      expect(formatScore(v, en)).toBe('n/a');
    }
  });
});

describe('changes, shares and scores', () => {
  it('signs changes', () => {
    expect(formatChange(0.12, en)).toBe('+12.0%');
    expect(formatChange(-0.031, en)).toBe('-3.1%');
    expect(formatChange(0, en)).toBe('0.0%');
    expect(plain(formatChange(0.12, fr))).toBe('+12,0 %');
  });

  it('rounds shares and scores for display', () => {
    expect(formatShare(0.789, en)).toBe('79%');
    expect(formatScore(0.5549, en)).toBe('0.55');
    expect(formatScore(0.5549, fr)).toBe('0,55');
  });
});

describe('status labels', () => {
  it('give every status words and a symbol', () => {
    for (const status of GOAL_STATUSES) {
      expect(STATUS_LABELS[status].label.length).toBeGreaterThan(2);
      expect(STATUS_LABELS[status].symbol.length).toBeGreaterThan(0);
    }
  });
});
