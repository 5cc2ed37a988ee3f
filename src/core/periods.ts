import {
  type Day,
  dayFromParts,
  daysInMonth,
  formatDay,
  monthBounds,
  parseIsoDate,
  partsOfDay,
  quarterBounds,
  quarterIndexOf,
} from './dates.ts';

/** The calendar unit a period is written in; `range` is an explicit start/deadline. */
export type PeriodKind = 'day' | 'month' | 'quarter' | 'year' | 'range';

/** A closed range of days with the unit it was written in. */
export interface Period {
  readonly kind: PeriodKind;
  readonly start: Day;
  readonly end: Day;
  /** Canonical label: `2026-04-01`, `2026-04`, `2026-Q2`, `2026`, or `2026-04-01..2026-05-31`. */
  readonly label: string;
}

export type PeriodParse = { ok: true; period: Period } | { ok: false; reason: string };

const QUARTER = /^(\d{4})-Q(\d+)$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** A quarter from its index (year × 4 + q − 1). */
export function quarterPeriod(index: number): Period {
  const [start, end] = quarterBounds(index);
  return { kind: 'quarter', start, end, label: `${Math.floor(index / 4)}-Q${(index % 4) + 1}` };
}

/** A month from its index (year × 12 + m − 1). */
export function monthPeriod(index: number): Period {
  const [start, end] = monthBounds(index);
  const year = Math.floor(index / 12);
  return { kind: 'month', start, end, label: `${year}-${String((index % 12) + 1).padStart(2, '0')}` };
}

/** A calendar year. */
export function yearPeriod(year: number): Period {
  return { kind: 'year', start: dayFromParts(year, 1, 1), end: dayFromParts(year, 12, 31), label: String(year) };
}

/** A single day; `label` may pass the day's canonical YYYY-MM-DD text when the caller has it. */
export function dayPeriod(day: Day, label: string = formatDay(day)): Period {
  return { kind: 'day', start: day, end: day, label };
}

/** An explicit range (start and end inclusive). */
export function rangePeriod(start: Day, end: Day): Period {
  return { kind: 'range', start, end, label: `${formatDay(start)}..${formatDay(end)}` };
}

/** Parses `2026-Q2`, `2026-04` or `2026`, rejecting impossible ones (2026-Q5, 2026-13). */
export function parsePeriod(text: string): PeriodParse {
  let m = QUARTER.exec(text);
  if (m) {
    const q = Number(m[2]);
    if (q < 1 || q > 4) return { ok: false, reason: `'${text}' has no quarter ${q}: quarters are Q1 to Q4` };
    return { ok: true, period: quarterPeriod(Number(m[1]) * 4 + q - 1) };
  }
  m = MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, reason: `'${text}' has no month ${month}: months are 01 to 12` };
    return { ok: true, period: monthPeriod(Number(m[1]) * 12 + month - 1) };
  }
  m = YEAR.exec(text);
  if (m) return { ok: true, period: yearPeriod(Number(m[1])) };
  return { ok: false, reason: `'${text}' is not a period: write a quarter (2026-Q2), a month (2026-04) or a year (2026)` };
}

/** Parses a quarter only (`2026-Q2`), as the report and freeze commands take. */
export function parseQuarter(text: string): PeriodParse {
  const parsed = parsePeriod(text);
  if ((parsed.ok && parsed.period.kind !== 'quarter') || (!parsed.ok && !QUARTER.test(text))) {
    return { ok: false, reason: `'${text}' is not a quarter: write it as 2026-Q2` };
  }
  return parsed;
}

/** Parses a strict `YYYY-MM-DD` day as a one-day period. */
export function parseDayPeriod(text: string): PeriodParse {
  const parsed = parseIsoDate(text);
  return parsed.ok ? { ok: true, period: dayPeriod(parsed.day) } : parsed;
}

/** Number of days in a period. */
export function periodDays(period: Period): number {
  return period.end - period.start + 1;
}

/**
 * The period of the same kind just before this one: previous month, quarter or year;
 * for a range or a day, as many days just before its start.
 */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case 'quarter':
      return quarterPeriod(quarterIndexOf(period.start) - 1);
    case 'month': {
      const p = partsOfDay(period.start);
      return monthPeriod(p.year * 12 + p.month - 2);
    }
    case 'year':
      return yearPeriod(partsOfDay(period.start).year - 1);
    case 'day':
      return dayPeriod(period.start - 1);
    case 'range': {
      const length = periodDays(period);
      return rangePeriod(period.start - length, period.start - 1);
    }
  }
}

/** The same period one year earlier (for year-over-year change). */
export function samePeriodLastYear(period: Period): Period {
  switch (period.kind) {
    case 'quarter':
      return quarterPeriod(quarterIndexOf(period.start) - 4);
    case 'month': {
      const p = partsOfDay(period.start);
      return monthPeriod((p.year - 1) * 12 + p.month - 1);
    }
    case 'year':
      return yearPeriod(partsOfDay(period.start).year - 1);
    case 'day':
    case 'range': {
      const s = partsOfDay(period.start);
      const e = partsOfDay(period.end);
      const start = dayFromParts(s.year - 1, s.month, Math.min(s.day, daysInMonth(s.year - 1, s.month)));
      const end = dayFromParts(e.year - 1, e.month, Math.min(e.day, daysInMonth(e.year - 1, e.month)));
      return period.kind === 'day' ? dayPeriod(start) : rangePeriod(start, end);
    }
  }
}

/** Every quarter overlapping [start, end], in order. */
export function quartersOverlapping(start: Day, end: Day): Period[] {
  const out: Period[] = [];
  for (let q = quarterIndexOf(start); q <= quarterIndexOf(end); q++) out.push(quarterPeriod(q));
  return out;
}

/** Whether two periods share at least one day. */
export function overlaps(a: { start: Day; end: Day }, b: { start: Day; end: Day }): boolean {
  return a.start <= b.end && b.start <= a.end;
}
