/**
 * Gaps between exports (red-team 12 #14): days that no export of a channel covers between two of
 * its exports (a file ending on 19 October, the next starting on 1 December) are unknown, and the
 * figures over them are flagged (`MetricIndex.coverageGaps`); a week or more of them is a note at
 * the first row of the export after it, as a hole inside one export is (see exportHoles.ts).
 */
import { formatDay, quarterIndexOf } from '../core/dates.ts';
import { DAILY_MIN_DAYS, DAILY_MIN_SHARE, HOLE_MIN_DAYS } from '../core/exportHoles.ts';
import { type MetricRow, postMonthStart } from '../core/metricIndex.ts';
import type { FileReporter } from './files.ts';

/**
 * Notes every run of `HOLE_MIN_DAYS` days or more inside one quarter that no export of a channel
 * covers between two of its exports (the days its figures flag), unless the export after it is a
 * per-post export without `from` whose first post comes later in the month the gap starts in (see
 * `MetricIndex.coverageGaps`). An export with `from` starts there (the note is then at it).
 */
export function checkExportGaps(
  rows: readonly MetricRow[],
  through: ReadonlyMap<string, number>,
  from: ReadonlyMap<string, number>,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  // Per channel and file: the days its rows span (from its `from`, to its `through`), and its first row.
  const exports = new Map<string, Map<string, { first: MetricRow; end: number; days: Set<number>; lastDay: number }>>();
  const startOf = (file: string, first: MetricRow): number => Math.min(first.period.start, from.get(file) ?? Infinity);
  for (const row of rows) {
    let files = exports.get(row.channel);
    if (!files) exports.set(row.channel, (files = new Map()));
    const end = Math.max(row.period.end, through.get(row.origin.file) ?? row.period.end);
    const e = files.get(row.origin.file);
    const day = row.period.kind === 'day' ? row.period.start : null;
    if (!e) files.set(row.origin.file, { first: row, end, days: new Set(day === null ? [] : [day]), lastDay: day ?? -Infinity });
    else {
      if (day !== null) {
        e.days.add(day);
        if (day > e.lastDay) e.lastDay = day;
      }
      if (row.period.start < e.first.period.start) e.first = row;
      if (end > e.end) e.end = end;
    }
  }
  for (const [channel, files] of exports) {
    if (files.size < 2) continue;
    const spans = [...files.entries()].sort(
      ([fa, a], [fb, b]) => startOf(fa, a.first) - startOf(fb, b.first) || (fa < fb ? -1 : 1),
    );
    let reach = spans[0]![1].end;
    let reachFile = spans[0]![0];
    for (const [file, { first, end, days, lastDay }] of spans.slice(1)) {
      const start = startOf(file, first);
      const missing = start - reach - 1;
      // Only days inside a quarter both exports reach are flagged on its figures; a channel paused for a quarter or
      // more is left out of those quarters, not flagged (red-team 13 #3).
      const sameQuarter = quarterIndexOf(start) === quarterIndexOf(reach + 1);
      // A per-post export's first row is its first post: the days before it in its month are days without one
      // (unless its `from` says where it starts).
      const span = lastDay - first.period.start + 1;
      const perPost =
        !from.has(file) &&
        span >= DAILY_MIN_DAYS &&
        days.size < DAILY_MIN_SHARE * span &&
        postMonthStart(first.period.start) <= reach + 1;
      if (missing >= HOLE_MIN_DAYS && sameQuarter && !perPost) {
        const [at, what] = from.has(file)
          ? [['from'], 'from']
          : [['rows', first.origin.row, first.period.kind === 'day' ? 'date' : first.period.kind], `rows[${first.origin.row}]`];
        reporters
          .get(file)
          ?.note(
            at,
            `${what}: this export of ${channel} starts on ${from.has(file) ? formatDay(start) : first.period.label}, ${missing} days after the data of ` +
              `${channel} before it end (${formatDay(reach)}, ${reachFile}): no export covers ${formatDay(reach + 1)} to ` +
              `${formatDay(start - 1)}, so figures over those days are flagged and rates are taken without them ` +
              '(if those days were exported, add that file; if an earlier export covers them, give it a "through" day' +
              `${from.has(file) ? ', or correct this one\'s "from"' : ''})`,
          );
      }
      if (end > reach) {
        reach = end;
        reachFile = file;
      }
    }
  }
}
