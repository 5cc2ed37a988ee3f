/**
 * Periods: parsing quarters, months, years and days (rejecting impossible ones), the
 * previous period and the same period last year for each kind, and overlaps.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../src/core/dates.ts';
import {
  dayPeriod,
  monthPeriod,
  overlaps,
  parseDayPeriod,
  parsePeriod,
  parseQuarter,
  type Period,
  periodDays,
  previousPeriod,
  quarterPeriod,
  quartersOverlapping,
  rangePeriod,
  samePeriodLastYear,
  yearPeriod,
} from '../src/core/periods.ts';
import { day } from './coreFixtures.ts';

/** A period as `kind label start..end`, for readable comparisons. */
const show = (p: Period) => `${p.kind} ${p.label} ${formatDay(p.start)}..${formatDay(p.end)}`;
const parse = (text: string): Period => {
  const p = parsePeriod(text);
  if (!p.ok) throw new Error(p.reason);
  return p.period;
};
const range = (a: string, b: string) => rangePeriod(day(a), day(b));

describe('parsePeriod', () => {
  it('parses every quarter of a year', () => {
    expect(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((t) => show(parse(t)))).toEqual([
      'quarter 2026-Q1 2026-01-01..2026-03-31',
      'quarter 2026-Q2 2026-04-01..2026-06-30',
      'quarter 2026-Q3 2026-07-01..2026-09-30',
      'quarter 2026-Q4 2026-10-01..2026-12-31',
    ]);
  });

  it('accepts a lower-case q and labels it canonically', () => {
    expect(show(parse('2026-q2'))).toBe('quarter 2026-Q2 2026-04-01..2026-06-30');
  });

  it('rejects quarters outside Q1 to Q4 (2026-Q5, 2026-Q0)', () => {
    expect(parsePeriod('2026-Q5')).toEqual({ ok: false, reason: "'2026-Q5' has no quarter 5: quarters are Q1 to Q4" });
    expect(parsePeriod('2026-Q0')).toEqual({ ok: false, reason: "'2026-Q0' has no quarter 0: quarters are Q1 to Q4" });
    expect(parsePeriod('2026-Q10').ok).toBe(false);
  });

  it('parses months, February by leap year', () => {
    expect(show(parse('2026-02'))).toBe('month 2026-02 2026-02-01..2026-02-28');
    expect(show(parse('2028-02'))).toBe('month 2028-02 2028-02-01..2028-02-29');
    expect(show(parse('2026-12'))).toBe('month 2026-12 2026-12-01..2026-12-31');
  });

  it('rejects months outside 01 to 12 (2026-13, 2026-00)', () => {
    expect(parsePeriod('2026-13')).toEqual({ ok: false, reason: "'2026-13' has no month 13: months are 01 to 12" });
    expect(parsePeriod('2026-00')).toEqual({ ok: false, reason: "'2026-00' has no month 0: months are 01 to 12" });
  });

  it('parses years', () => {
    expect(show(parse('2026'))).toBe('year 2026 2026-01-01..2026-12-31');
    expect(periodDays(parse('2026'))).toBe(365);
    expect(periodDays(parse('2028'))).toBe(366);
  });

  it('rejects anything else with a hint of the accepted forms', () => {
    for (const text of ['2026-4', 'Q2-2026', '2026Q2', '2026-Q', '26', '2026-04-01', '', 'next quarter']) {
      const p = parsePeriod(text);
      expect(p.ok, text).toBe(false);
      if (!p.ok)
        expect(p.reason).toBe(`'${text}' is not a period: write a quarter (2026-Q2), a month (2026-04) or a year (2026)`);
    }
  });
});

describe('parseQuarter and parseDayPeriod', () => {
  it('parseQuarter takes quarters only', () => {
    expect(parseQuarter('2026-Q3').ok).toBe(true);
    expect(parseQuarter('2026-04')).toEqual({ ok: false, reason: "'2026-04' is not a quarter: write it as 2026-Q2" });
    expect(parseQuarter('2026')).toEqual({ ok: false, reason: "'2026' is not a quarter: write it as 2026-Q2" });
    expect(parseQuarter('2026-Q5').ok).toBe(false);
    // Not a period at all: the hint names the one shape the command takes, not a month or a year.
    expect(parseQuarter('2026q3')).toEqual({ ok: false, reason: "'2026q3' is not a quarter: write it as 2026-Q2" });
    expect(parseQuarter('Q3 2026')).toEqual({ ok: false, reason: "'Q3 2026' is not a quarter: write it as 2026-Q2" });
  });

  it('parseDayPeriod takes strict existing dates', () => {
    const p = parseDayPeriod('2028-02-29');
    expect(p.ok && show(p.period)).toBe('day 2028-02-29 2028-02-29..2028-02-29');
    expect(parseDayPeriod('2026-02-29').ok).toBe(false);
    expect(parseDayPeriod('2026-04-31').ok).toBe(false);
    expect(parseDayPeriod('2026-04').ok).toBe(false);
  });
});

describe('constructors and periodDays', () => {
  it('builds quarters and months from their indexes', () => {
    expect(show(quarterPeriod(2026 * 4 + 1))).toBe('quarter 2026-Q2 2026-04-01..2026-06-30');
    expect(show(monthPeriod(2026 * 12))).toBe('month 2026-01 2026-01-01..2026-01-31');
    expect(show(yearPeriod(2025))).toBe('year 2025 2025-01-01..2025-12-31');
    expect(show(dayPeriod(day('2026-05-03')))).toBe('day 2026-05-03 2026-05-03..2026-05-03');
    expect(show(range('2026-04-10', '2026-04-19'))).toBe('range 2026-04-10..2026-04-19 2026-04-10..2026-04-19');
  });

  it('counts days inclusively', () => {
    expect(periodDays(parse('2026-Q1'))).toBe(90);
    expect(periodDays(parse('2028-Q1'))).toBe(91);
    expect(periodDays(parse('2026-Q2'))).toBe(91);
    expect(periodDays(parse('2026-Q3'))).toBe(92);
    expect(periodDays(parse('2026-Q4'))).toBe(92);
    expect(periodDays(dayPeriod(day('2026-05-03')))).toBe(1);
    expect(periodDays(range('2026-04-10', '2026-04-19'))).toBe(10);
  });
});

describe('previousPeriod', () => {
  it('gives the previous quarter, across a year boundary too', () => {
    expect(show(previousPeriod(parse('2026-Q2')))).toBe('quarter 2026-Q1 2026-01-01..2026-03-31');
    expect(show(previousPeriod(parse('2026-Q1')))).toBe('quarter 2025-Q4 2025-10-01..2025-12-31');
    expect(show(previousPeriod(parse('2026-Q4')))).toBe('quarter 2026-Q3 2026-07-01..2026-09-30');
  });

  it('gives the previous month, with its own length', () => {
    expect(show(previousPeriod(parse('2026-03')))).toBe('month 2026-02 2026-02-01..2026-02-28');
    expect(show(previousPeriod(parse('2028-03')))).toBe('month 2028-02 2028-02-01..2028-02-29');
    expect(show(previousPeriod(parse('2026-01')))).toBe('month 2025-12 2025-12-01..2025-12-31');
    expect(show(previousPeriod(parse('2026-05')))).toBe('month 2026-04 2026-04-01..2026-04-30');
  });

  it('gives the previous year', () => {
    expect(show(previousPeriod(parse('2026')))).toBe('year 2025 2025-01-01..2025-12-31');
  });

  it('gives the previous day, across a month end and a leap day', () => {
    expect(show(previousPeriod(dayPeriod(day('2026-03-01'))))).toBe('day 2026-02-28 2026-02-28..2026-02-28');
    expect(show(previousPeriod(dayPeriod(day('2028-03-01'))))).toBe('day 2028-02-29 2028-02-29..2028-02-29');
    expect(show(previousPeriod(dayPeriod(day('2026-01-01'))))).toBe('day 2025-12-31 2025-12-31..2025-12-31');
  });

  it('gives a range as many days just before the start', () => {
    expect(show(previousPeriod(range('2026-04-10', '2026-04-19')))).toBe('range 2026-03-31..2026-04-09 2026-03-31..2026-04-09');
    const p = previousPeriod(range('2026-03-01', '2026-05-31'));
    expect(periodDays(p)).toBe(92);
    expect(p.end).toBe(day('2026-02-28'));
  });

  it('always ends the day before the period starts', () => {
    for (const p of [
      parse('2026-Q1'),
      parse('2028-03'),
      parse('2026'),
      dayPeriod(day('2026-07-01')),
      range('2026-01-15', '2026-02-14'),
    ]) {
      expect(previousPeriod(p).end, p.label).toBe(p.start - 1);
      expect(previousPeriod(p).kind, p.label).toBe(p.kind);
    }
  });
});

describe('samePeriodLastYear', () => {
  it('gives the same quarter, month or year one year earlier', () => {
    expect(show(samePeriodLastYear(parse('2026-Q2')))).toBe('quarter 2025-Q2 2025-04-01..2025-06-30');
    expect(show(samePeriodLastYear(parse('2026-Q1')))).toBe('quarter 2025-Q1 2025-01-01..2025-03-31');
    expect(show(samePeriodLastYear(parse('2029-02')))).toBe('month 2028-02 2028-02-01..2028-02-29');
    expect(show(samePeriodLastYear(parse('2026-01')))).toBe('month 2025-01 2025-01-01..2025-01-31');
    expect(show(samePeriodLastYear(parse('2026')))).toBe('year 2025 2025-01-01..2025-12-31');
  });

  it('gives the same day one year earlier, February 29 becoming February 28', () => {
    expect(show(samePeriodLastYear(dayPeriod(day('2026-05-03'))))).toBe('day 2025-05-03 2025-05-03..2025-05-03');
    expect(show(samePeriodLastYear(dayPeriod(day('2028-02-29'))))).toBe('day 2027-02-28 2027-02-28..2027-02-28');
  });

  it('gives the same dates of a range one year earlier, clipping a leap day', () => {
    expect(show(samePeriodLastYear(range('2026-04-10', '2026-04-19')))).toBe(
      'range 2025-04-10..2025-04-19 2025-04-10..2025-04-19',
    );
    expect(show(samePeriodLastYear(range('2028-02-01', '2028-02-29')))).toBe(
      'range 2027-02-01..2027-02-28 2027-02-01..2027-02-28',
    );
    expect(show(samePeriodLastYear(range('2026-12-15', '2027-01-15')))).toBe(
      'range 2025-12-15..2026-01-15 2025-12-15..2026-01-15',
    );
  });
});

describe('quartersOverlapping and overlaps', () => {
  it('lists every quarter a range touches, in order', () => {
    expect(quartersOverlapping(day('2026-03-31'), day('2026-07-01')).map((p) => p.label)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(quartersOverlapping(day('2026-04-01'), day('2026-06-30')).map((p) => p.label)).toEqual(['2026-Q2']);
    expect(quartersOverlapping(day('2025-12-31'), day('2026-01-01')).map((p) => p.label)).toEqual(['2025-Q4', '2026-Q1']);
  });

  it('treats shared end days as overlap, adjacent periods as not', () => {
    const q2 = parse('2026-Q2');
    expect(overlaps(q2, range('2026-06-30', '2026-07-15'))).toBe(true);
    expect(overlaps(q2, range('2026-03-01', '2026-04-01'))).toBe(true);
    expect(overlaps(q2, parse('2026-Q3'))).toBe(false);
    expect(overlaps(q2, parse('2026-Q1'))).toBe(false);
    expect(overlaps(q2, parse('2026-05'))).toBe(true);
    expect(overlaps(q2, parse('2026'))).toBe(true);
  });
});
