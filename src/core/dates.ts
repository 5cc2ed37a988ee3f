/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). The core never
 * uses `Date` parsing of user strings or the clock: a day is an integer, which makes
 * ranges, ordering and hashing trivial and exact.
 */

/** Days since 1970-01-01. */
export type Day = number;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** English month name (`month` 1–12), for messages. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}

/**
 * Day number of a calendar date; the caller guarantees the date exists. Integer
 * arithmetic (H. Hinnant's days_from_civil), no Date objects: it runs per row.
 */
export function dayFromParts(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar parts of a day number (civil_from_days). */
export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** The UTC day of an instant given in milliseconds since 1970-01-01 (a file's modification time). */
export function dayOfInstant(ms: number): Day {
  return Math.floor(ms / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: Day): string {
  const { year, month, day: dd } = partsOfDay(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

export type DateParse = { ok: true; day: Day } | { ok: false; reason: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a strict `YYYY-MM-DD` date. Impossible dates (2026-04-31, 2026-02-29) are
 * rejected with a reason a person can act on; nothing is rolled over.
 */
export function parseIsoDate(text: string): DateParse {
  const m = ISO_DATE.exec(text);
  if (!m) return { ok: false, reason: `'${text}' is not a date in the form YYYY-MM-DD` };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return { ok: false, reason: `'${text}' has no month ${month}` };
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    return { ok: false, reason: `'${text}' does not exist: ${monthName(month)} ${year} has ${max} days` };
  }
  return { ok: true, day: dayFromParts(year, month, day) };
}

/** Month index (year × 12 + month − 1) of a day. */
export function monthIndexOf(day: Day): number {
  const p = partsOfDay(day);
  return p.year * 12 + p.month - 1;
}

/** Quarter index (year × 4 + quarter − 1) of a day. */
export function quarterIndexOf(day: Day): number {
  const p = partsOfDay(day);
  return p.year * 4 + Math.floor((p.month - 1) / 3);
}

/** First and last day of a month index. */
export function monthBounds(index: number): [Day, Day] {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return [dayFromParts(year, month, 1), dayFromParts(year, month, daysInMonth(year, month))];
}

/** First and last day of a quarter index. */
export function quarterBounds(index: number): [Day, Day] {
  const year = Math.floor(index / 4);
  const firstMonth = (index % 4) * 3 + 1;
  return [dayFromParts(year, firstMonth, 1), dayFromParts(year, firstMonth + 2, daysInMonth(year, firstMonth + 2))];
}

/** Ranges of days (first, last) as one sorted list, overlapping or touching ranges joined. */
export function joinRanges(ranges: Iterable<readonly [Day, Day]>): Array<readonly [Day, Day]> {
  const out: Array<[Day, Day]> = [];
  for (const [first, last] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const prev = out.at(-1);
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else out.push([first, last]);
  }
  return out;
}
