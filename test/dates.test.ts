/**
 * Calendar arithmetic on day numbers, in the style of date-fns' tests: leap years,
 * month lengths, strict parsing of impossible dates, and agreement with Date.UTC.
 */
import { describe, expect, it } from 'vitest';
import {
  dayFromParts,
  daysInMonth,
  formatDay,
  isLeapYear,
  joinRanges,
  monthBounds,
  monthIndexOf,
  monthName,
  parseIsoDate,
  partsOfDay,
  quarterBounds,
  quarterIndexOf,
} from '../src/core/dates.ts';

const MS_PER_DAY = 86_400_000;
/** An independent oracle: the day number from the platform's Date.UTC. */
const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const parsed = (text: string) => {
  const p = parseIsoDate(text);
  if (!p.ok) throw new Error(p.reason);
  return p.day;
};

describe('isLeapYear', () => {
  it('is true for years divisible by 4', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(1996)).toBe(true);
  });

  it('is false for other years', () => {
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2027)).toBe(false);
  });

  it('is false for centuries not divisible by 400, true for those that are', () => {
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2400)).toBe(true);
  });
});

describe('daysInMonth', () => {
  it('gives the length of every month of a common year', () => {
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2026, i + 1))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  it('gives February 29 days in a leap year', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it('agrees with Date.UTC for every month from 1900 to 2100', () => {
    for (let y = 1900; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
    }
  });
});

describe('monthName', () => {
  it('names months 1 to 12 in English, and says "month n" otherwise', () => {
    expect(monthName(1)).toBe('January');
    expect(monthName(2)).toBe('February');
    expect(monthName(12)).toBe('December');
    expect(monthName(13)).toBe('month 13');
  });
});

describe('dayFromParts / partsOfDay / formatDay', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayFromParts(1970, 1, 1)).toBe(0);
    expect(dayFromParts(1970, 1, 2)).toBe(1);
    expect(dayFromParts(1969, 12, 31)).toBe(-1);
    expect(dayFromParts(2000, 3, 1)).toBe(11017);
    expect(dayFromParts(2026, 4, 1)).toBe(20544);
  });

  it('agrees with Date.UTC and round-trips every day from 1899 to 2101', () => {
    for (let d = utcDay(1899, 1, 1); d <= utcDay(2101, 12, 31); d++) {
      const date = new Date(d * MS_PER_DAY);
      const parts = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      if (partsOfDay(d).day !== parts.day || partsOfDay(d).month !== parts.month || partsOfDay(d).year !== parts.year) {
        expect(partsOfDay(d)).toEqual(parts);
      }
      if (dayFromParts(parts.year, parts.month, parts.day) !== d)
        expect(dayFromParts(parts.year, parts.month, parts.day)).toBe(d);
      if (formatDay(d) !== date.toISOString().slice(0, 10)) expect(formatDay(d)).toBe(date.toISOString().slice(0, 10));
    }
  });

  it('pads years, months and days', () => {
    expect(formatDay(dayFromParts(2026, 1, 5))).toBe('2026-01-05');
    expect(formatDay(dayFromParts(999, 12, 31))).toBe('0999-12-31');
  });

  it('places leap days correctly', () => {
    expect(dayFromParts(2028, 3, 1) - dayFromParts(2028, 2, 28)).toBe(2);
    expect(dayFromParts(2026, 3, 1) - dayFromParts(2026, 2, 28)).toBe(1);
    expect(dayFromParts(2100, 3, 1) - dayFromParts(2100, 2, 28)).toBe(1);
    expect(dayFromParts(2000, 3, 1) - dayFromParts(2000, 2, 28)).toBe(2);
    expect(formatDay(dayFromParts(2028, 2, 29))).toBe('2028-02-29');
  });
});

describe('parseIsoDate', () => {
  it('parses valid dates', () => {
    expect(parseIsoDate('2026-04-01')).toEqual({ ok: true, day: utcDay(2026, 4, 1) });
    expect(parseIsoDate('2026-12-31')).toEqual({ ok: true, day: utcDay(2026, 12, 31) });
    expect(parseIsoDate('2026-04-30')).toEqual({ ok: true, day: utcDay(2026, 4, 30) });
  });

  it('accepts February 29 in a leap year (2028-02-29, 2000-02-29)', () => {
    expect(parsed('2028-02-29')).toBe(utcDay(2028, 2, 29));
    expect(parsed('2000-02-29')).toBe(utcDay(2000, 2, 29));
  });

  it('rejects February 29 in a common year (2026-02-29, 1900-02-29), naming the month length', () => {
    expect(parseIsoDate('2026-02-29')).toEqual({ ok: false, reason: "'2026-02-29' does not exist: February 2026 has 28 days" });
    expect(parseIsoDate('1900-02-29')).toEqual({ ok: false, reason: "'1900-02-29' does not exist: February 1900 has 28 days" });
    expect(parseIsoDate('2028-02-30')).toEqual({ ok: false, reason: "'2028-02-30' does not exist: February 2028 has 29 days" });
  });

  it('rejects the 31st of a 30-day month (2026-04-31) without rolling over', () => {
    expect(parseIsoDate('2026-04-31')).toEqual({ ok: false, reason: "'2026-04-31' does not exist: April 2026 has 30 days" });
    for (const m of ['06', '09', '11']) expect(parseIsoDate(`2026-${m}-31`).ok, m).toBe(false);
    for (const m of ['01', '03', '05', '07', '08', '10', '12']) expect(parseIsoDate(`2026-${m}-31`).ok, m).toBe(true);
  });

  it('rejects day 0 and month 0 or 13', () => {
    expect(parseIsoDate('2026-04-00').ok).toBe(false);
    expect(parseIsoDate('2026-00-10')).toEqual({ ok: false, reason: "'2026-00-10' has no month 0" });
    expect(parseIsoDate('2026-13-01')).toEqual({ ok: false, reason: "'2026-13-01' has no month 13" });
  });

  it('rejects anything but strict YYYY-MM-DD', () => {
    for (const text of [
      '2026-4-1',
      '2026-04-1',
      '26-04-01',
      '20260401',
      '2026/04/01',
      '2026-04-01T00:00:00Z',
      ' 2026-04-01',
      '2026-04-01 ',
      '',
      'April 1, 2026',
      '+2026-04-01',
    ]) {
      const p = parseIsoDate(text);
      expect(p.ok, JSON.stringify(text)).toBe(false);
      if (!p.ok) expect(p.reason).toBe(`'${text}' is not a date in the form YYYY-MM-DD`);
    }
  });

  it('agrees with Date.UTC on validity for every YYYY-MM-DD with day 01-31 in 2024-2028', () => {
    for (let y = 2024; y <= 2028; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const p = parseIsoDate(text);
          if (p.ok !== real) expect(p.ok, text).toBe(real);
          if (p.ok && p.day !== utcDay(y, m, d)) expect(p.day, text).toBe(utcDay(y, m, d));
        }
      }
    }
  });
});

describe('month and quarter indexes and bounds', () => {
  it('indexes months as year × 12 + month − 1', () => {
    expect(monthIndexOf(parsed('2026-01-01'))).toBe(2026 * 12);
    expect(monthIndexOf(parsed('2026-04-30'))).toBe(2026 * 12 + 3);
    expect(monthIndexOf(parsed('2026-12-31'))).toBe(2026 * 12 + 11);
  });

  it('indexes quarters as year × 4 + quarter − 1', () => {
    expect(quarterIndexOf(parsed('2026-01-01'))).toBe(2026 * 4);
    expect(quarterIndexOf(parsed('2026-03-31'))).toBe(2026 * 4);
    expect(quarterIndexOf(parsed('2026-04-01'))).toBe(2026 * 4 + 1);
    expect(quarterIndexOf(parsed('2026-09-30'))).toBe(2026 * 4 + 2);
    expect(quarterIndexOf(parsed('2026-10-01'))).toBe(2026 * 4 + 3);
    expect(quarterIndexOf(parsed('2026-12-31'))).toBe(2026 * 4 + 3);
  });

  it('gives month bounds, February by leap year', () => {
    expect(monthBounds(2026 * 12 + 1).map(formatDay)).toEqual(['2026-02-01', '2026-02-28']);
    expect(monthBounds(2028 * 12 + 1).map(formatDay)).toEqual(['2028-02-01', '2028-02-29']);
    expect(monthBounds(2026 * 12 + 11).map(formatDay)).toEqual(['2026-12-01', '2026-12-31']);
    expect(monthBounds(2026 * 12 + 3).map(formatDay)).toEqual(['2026-04-01', '2026-04-30']);
  });

  it('gives quarter bounds: first day of the first month to last day of the third', () => {
    const bounds = (y: number) => [0, 1, 2, 3].map((q) => quarterBounds(y * 4 + q).map(formatDay));
    expect(bounds(2026)).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
  });

  it('gives quarters of 90 or 91 (Q1), 91 (Q2) and 92 (Q3, Q4) days', () => {
    const lengths = (y: number) =>
      [0, 1, 2, 3].map((q) => {
        const [s, e] = quarterBounds(y * 4 + q);
        return e - s + 1;
      });
    expect(lengths(2026)).toEqual([90, 91, 92, 92]);
    expect(lengths(2028)).toEqual([91, 91, 92, 92]);
  });

  it('puts every day of 2024-2028 inside its own month and quarter bounds', () => {
    for (let d = parsed('2024-01-01'); d <= parsed('2028-12-31'); d++) {
      const [ms, me] = monthBounds(monthIndexOf(d));
      const [qs, qe] = quarterBounds(quarterIndexOf(d));
      if (!(ms <= d && d <= me && qs <= ms && me <= qe)) throw new Error(`${formatDay(d)} outside its bounds`);
    }
    expect(quarterIndexOf(parsed('2028-12-31')) - quarterIndexOf(parsed('2024-01-01'))).toBe(19);
  });
});

describe('joinRanges', () => {
  it('sorts ranges and joins those that overlap or touch, keeping apart those with a day between', () => {
    expect(joinRanges([])).toEqual([]);
    expect(
      joinRanges([
        [20, 25],
        [1, 3],
        [4, 6],
        [8, 9],
        [2, 2],
        [24, 30],
      ]),
    ).toEqual([
      [1, 6],
      [8, 9],
      [20, 30],
    ]);
  });

  it('keeps a range that another contains whole, and does not change its input', () => {
    const input: Array<readonly [number, number]> = [
      [5, 5],
      [1, 10],
    ];
    expect(joinRanges(input)).toEqual([[1, 10]]);
    expect(input).toEqual([
      [5, 5],
      [1, 10],
    ]);
  });
});
