/**
 * Plausible dates in metric data (SPEC "Metric JSON", plausibility): a row dated before
 * 2000, or more than a year after the latest other row, is an error naming the row (one
 * mistyped date would otherwise make the site report on a far quarter); data separated
 * from the rest by more than four empty quarters is a note (a team may have paused).
 */
import { type Day, dayFromParts, daysInMonth, formatDay, parseIsoDate, partsOfDay, quarterIndexOf } from '../core/dates.ts';
import type { MetricRow } from '../core/metricIndex.ts';
import { quarterPeriod } from '../core/periods.ts';
import type { DataSource } from '../core/project.ts';
import type { FileReporter } from './files.ts';

/** The first day a row may have. */
export const EARLIEST_DAY: Day = dayFromParts(2000, 1, 1);

/** Empty quarters between two quarters with data beyond which the gap is noted. */
export const MAX_QUIET_QUARTERS = 4;

/** The same day one year later (29 February: 28 February). */
export function oneYearAfter(day: Day): Day {
  const { year, month, day: d } = partsOfDay(day);
  return dayFromParts(year + 1, month, Math.min(d, daysInMonth(year + 1, month)));
}

const KEY = { day: 'date', month: 'month', quarter: 'quarter' } as const;

function periodKey(row: MetricRow): string {
  return KEY[row.period.kind as keyof typeof KEY] ?? 'date';
}

/** Reports implausible rows (errors) and long gaps (notes) in the files' reporters. */
export function checkPlausibility(rows: readonly MetricRow[], reporters: ReadonlyMap<string, FileReporter>): void {
  const at = (row: MetricRow, message: string, note = false): void => {
    const report = reporters.get(row.origin.file);
    const path = ['rows', row.origin.row, periodKey(row)];
    const text = `rows[${row.origin.row}].${periodKey(row)}: ${fourDigitYear(row.period.label)} ${message}`;
    if (note) report?.note(path, text);
    else report?.at(path, text);
  };
  let latest = -Infinity;
  for (const row of rows) {
    if (row.period.start < EARLIEST_DAY) at(row, 'is before 2000: is it a typo?');
    else if (row.period.start > latest) latest = row.period.start;
  }
  if (latest === -Infinity) return;
  let latestOther = -Infinity;
  for (const row of rows) {
    if (row.period.start >= EARLIEST_DAY && row.period.start < latest && row.period.end > latestOther)
      latestOther = row.period.end;
  }
  const tooLate = latestOther !== -Infinity && latest > oneYearAfter(latestOther);
  const quarters = new Map<number, MetricRow>();
  for (const row of rows) {
    if (row.period.start < EARLIEST_DAY) continue;
    if (tooLate && row.period.start === latest) {
      at(row, `is more than a year after the rest of the data (latest ${formatDay(latestOther)}): is it a typo?`);
      continue;
    }
    const q = quarterIndexOf(row.period.start);
    const first = quarters.get(q);
    if (!first || row.period.start < first.period.start) quarters.set(q, row);
  }
  const sorted = [...quarters.keys()].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    const empty = sorted[i]! - sorted[i - 1]! - 1;
    if (empty <= MAX_QUIET_QUARTERS) continue;
    const from = quarterPeriod(sorted[i - 1]! + 1).label;
    const to = quarterPeriod(sorted[i]! - 1).label;
    at(
      quarters.get(sorted[i]!)!,
      `comes after ${empty} quarters without data (${from} to ${to}): ` +
        'no report is made for them (if the team did not pause, check the dates)',
      true,
    );
  }
}

/**
 * A file's `through` more than a year after the last day of every row is an error at it, as such
 * a row would be: the export would claim to cover, as days without activity, a year nobody saw
 * (a mistyped year), and move the reports' as-of day with it. So is a `from` more than a year
 * before the first day of every row (or before 2000): it would start the channel's data a year
 * early, with days without activity.
 */
export function checkThroughPlausibility(
  sources: readonly DataSource[],
  rows: readonly MetricRow[],
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  let latest = -Infinity;
  let earliest = Infinity;
  for (const row of rows) {
    if (row.period.start < EARLIEST_DAY) continue;
    if (row.period.end > latest) latest = row.period.end;
    if (row.period.start < earliest) earliest = row.period.start;
  }
  if (latest === -Infinity) return;
  for (const source of sources) {
    const through = source.through === null ? null : parseIsoDate(source.through);
    if (through?.ok && through.day > oneYearAfter(latest)) {
      reporters
        .get(source.file)
        ?.at(
          ['through'],
          `through ${source.through} is more than a year after the rest of the data (latest ${formatDay(latest)}): is it a typo?`,
        );
    }
    const from = source.from === null ? null : parseIsoDate(source.from);
    if (!from?.ok) continue;
    if (from.day < EARLIEST_DAY) reporters.get(source.file)?.at(['from'], `from ${source.from} is before 2000: is it a typo?`);
    else if (oneYearAfter(from.day) < earliest) {
      reporters
        .get(source.file)
        ?.at(
          ['from'],
          `from ${source.from} is more than a year before the rest of the data (earliest ${formatDay(earliest)}): is it a typo?`,
        );
    }
  }
}

/** A period label with its year written in four digits, as in the data (`0999-12`, not `999-12`). */
function fourDigitYear(label: string): string {
  return label.replace(/^\d{1,3}(?=-|$)/, (year) => year.padStart(4, '0'));
}
