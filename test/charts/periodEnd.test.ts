/**
 * The day a trend's week or month is labelled by when its value is a level at the end (a stock):
 * the last day of the trend's own week (Monday to Sunday, clipped to the quarter: `subPeriods`)
 * or month, not after the as-of day (red-team 26 #10: the week from Wednesday 1 July was "Jul 7").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../src/charts/specs.ts';
import { formatDay } from '../../src/core/dates.ts';
import { quarterPeriod } from '../../src/core/periods.ts';
import { subPeriods } from '../../src/core/series.ts';

describe('periodEnd', () => {
  it("ends a quarter's first and last partial weeks with them, and whole weeks on Sunday", () => {
    expect(periodEnd('2026-07-01', 'week')).toBe('2026-07-05');
    expect(periodEnd('2026-07-06', 'week')).toBe('2026-07-12');
    expect(periodEnd('2026-09-28', 'week')).toBe('2026-09-30');
    expect(periodEnd('2026-12-28', 'week')).toBe('2026-12-31');
    expect(periodEnd('2026-07-01', 'week', '2026-07-03')).toBe('2026-07-03');
    expect(periodEnd('2026-07-01', 'month')).toBe('2026-07-31');
    expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
  });

  it("is the end of each of a quarter's trend weeks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }), (year, q) => {
        const quarter = quarterPeriod(year * 4 + q - 1);
        for (const week of subPeriods(quarter, 'week'))
          expect(periodEnd(formatDay(week.start), 'week')).toBe(formatDay(week.end));
        expect(periodEnd(formatDay(quarter.start), 'month')).toBe(formatDay(subPeriods(quarter, 'month')[0]!.end));
      }),
    );
  });
});
