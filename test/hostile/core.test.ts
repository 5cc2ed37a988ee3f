/**
 * Hostile input to the pure core (issue "Hardening"): formulas built to blow the stack, values
 * whose running total passes 2^53. Each case failed on the main branch before its fix.
 */
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/core/formula.ts';
import { MetricWindow } from '../../src/core/kpis.ts';
import { engineOf, period, rows } from '../coreFixtures.ts';

describe('formulas too big to walk safely', () => {
  it('refuses 3,000 nested parentheses at the level past the limit', () => {
    const r = parseFormula(`${'('.repeat(3000)}likes${')'.repeat(3000)}`);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('the formula is ') });
  });

  it('refuses 25 nested parentheses with the column of the 21st', () => {
    const r = parseFormula(`${'('.repeat(25)}likes${')'.repeat(25)}`);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('nested too deeply'), column: 21 });
  });

  it('refuses 10,000 terms and 100,000 leading minus signs without overflowing the stack', () => {
    const terms = parseFormula(Array.from({ length: 10_000 }, () => 'likes').join(' + '));
    expect(terms.ok).toBe(false);
    const signs = parseFormula(`${'-'.repeat(100_000)}likes`);
    expect(signs.ok).toBe(false);
    if (!signs.ok) expect(signs.column).toBe(501);
  });

  it('refuses more than 100 operators at the 101st', () => {
    const text = Array.from({ length: 102 }, () => 'a').join('+');
    const r = parseFormula(text);
    expect(r).toEqual({ ok: false, message: 'the formula has 101 operators: at most 100 are allowed', column: 202 });
  });

  it('accepts formulas within the limits', () => {
    expect(parseFormula(Array.from({ length: 101 }, () => 'a').join('+')).ok).toBe(true);
    expect(parseFormula(`${'('.repeat(20)}likes${')'.repeat(20)}`).ok).toBe(true);
    expect(parseFormula(`${'-'.repeat(20)}likes`).ok).toBe(true);
  });
});

describe('sums over huge values', () => {
  it('stay exact when the running total passes 2^53', () => {
    const e = engineOf(
      rows('instagram', [
        ['2020-01-01', { impressions: 9e15 }],
        ['2020-01-02', { impressions: 9e15 }],
        ['2026-04-01', { impressions: 3 }],
        ['2026-04-02', { impressions: 3 }],
        ['2026-04-03', { impressions: 3 }],
      ]),
    );
    const q2 = period('2026-Q2');
    expect(new MetricWindow(e, ['instagram'], q2.start, q2.end).value(e.kpis.get('impressions')!).value).toBe(9);
    const days = new MetricWindow(e, ['instagram'], q2.start + 1, q2.start + 1);
    expect(days.value(e.kpis.get('impressions')!).value).toBe(3);
  });
});
