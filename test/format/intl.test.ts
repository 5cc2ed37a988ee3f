import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDate, formatDateRange, formatPeriod } from '../../src/format/intl.ts';

describe('formatDate: a day as the locale writes it', () => {
  it.each([
    ['en-US', 'Sep 28, 2026'],
    ['en-GB', '28 Sept 2026'],
    ['fr-FR', '28 sept. 2026'],
    ['it-IT', '28 set 2026'],
  ])('%s', (locale, shown) => {
    expect(formatDate('2026-09-28', locale)).toBe(shown);
  });

  it('reads the day in UTC whatever the time zone (the first and last day of a year stay in their year)', () => {
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDate('2025-12-31', 'en-GB')).toBe('31 Dec 2025');
  });

  it('returns text that is not an ISO day as it is', () => {
    expect(formatDate('2026-Q3', 'fr-FR')).toBe('2026-Q3');
    expect(formatDate('', 'fr-FR')).toBe('');
  });

  it('shares one Intl object per locale and options', () => {
    expect(dateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(
      dateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }),
    );
  });
});

describe('formatDateRange: two days as one range', () => {
  it.each([
    ['en-US', 'Jul 1 – Dec 31, 2026'],
    ['en-GB', '1 Jul – 31 Dec 2026'],
    ['fr-FR', '1 juil. – 31 déc. 2026'],
  ])('%s', (locale, shown) => {
    expect(formatDateRange('2026-07-01', '2026-12-31', locale).replace(/\s/g, ' ')).toBe(shown);
  });

  it('writes both years when the range crosses one', () => {
    expect(formatDateRange('2024-06-25', '2025-01-25', 'en-GB').replace(/\s/g, ' ')).toBe('25 Jun 2024 – 25 Jan 2025');
  });
});

describe('formatPeriod: a period by its label', () => {
  it('keeps quarters and years as written, and writes months, days and ranges in words', () => {
    expect(formatPeriod('2026-Q3', 'fr-FR')).toBe('2026-Q3');
    expect(formatPeriod('2026', 'fr-FR')).toBe('2026');
    expect(formatPeriod('2026-07', 'fr-FR')).toBe('juillet 2026');
    expect(formatPeriod('2026-07', 'en-US')).toBe('July 2026');
    expect(formatPeriod('2026-07-14', 'it-IT')).toBe('14 lug 2026');
    expect(formatPeriod('2026-07-01..2026-12-31', 'en-US').replace(/\s/g, ' ')).toBe('Jul 1 – Dec 31, 2026');
  });
});
