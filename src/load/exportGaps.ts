/**
 * Gaps between exports (red-team 12 #14): days that no export of a channel covers between two of
 * its exports (a file ending on 19 October, the next starting on 1 December) are unknown, and the
 * figures over them are flagged (`MetricIndex.coverageGaps`); a week or more of them is a note at
 * the first row of the export after it, as a hole inside one export is (see exportHoles.ts). So
 * are the days of a later quarter before an export that resumes in it (`noteResumed`).
 */
import { formatDay, quarterBounds, quarterIndexOf } from '../core/dates.ts';
import { DAILY_MIN_DAYS, DAILY_MIN_SHARE, HOLE_MIN_DAYS } from '../core/exportHoles.ts';
import { type EmptyExport, type MetricIndex, type MetricRow, postMonthStart } from '../core/metricIndex.ts';
import type { FileReporter } from './files.ts';
import type { PathKey } from './locate.ts';

/**
 * Notes every run of `HOLE_MIN_DAYS` days or more inside one quarter that no export of a channel
 * covers between two of its exports (the days its figures flag), unless the export after it is a
 * per-post export without `from` whose first post comes later in the month the gap starts in (see
 * `MetricIndex.coverageGaps`). An export with `from` starts there (the note is then at it). An export
 * with no rows (`empty`, a month without delivery) covers its `from` to `through` like any other.
 */
export function checkExportGaps(
  rows: readonly MetricRow[],
  through: ReadonlyMap<string, number>,
  from: ReadonlyMap<string, number>,
  reporters: ReadonlyMap<string, FileReporter>,
  index: MetricIndex,
  empty: readonly EmptyExport[] = [],
): void {
  // Per channel and file: the days its rows span (from its `from`, to its `through`), its first row (none in an
  // empty export) and its metrics.
  const exports = new Map<
    string,
    Map<string, { first: MetricRow | null; end: number; days: Set<number>; lastDay: number; metrics: Set<string> }>
  >();
  const startOf = (file: string, first: MetricRow | null): number =>
    Math.min(first?.period.start ?? Infinity, from.get(file) ?? Infinity);
  for (const e of empty) {
    if (!index.channels.includes(e.channel)) continue;
    let files = exports.get(e.channel);
    if (!files) exports.set(e.channel, (files = new Map()));
    files.set(e.file, { first: null, end: e.through, days: new Set(), lastDay: -Infinity, metrics: new Set() });
  }
  for (const row of rows) {
    let files = exports.get(row.channel);
    if (!files) exports.set(row.channel, (files = new Map()));
    const end = Math.max(row.period.end, through.get(row.origin.file) ?? row.period.end);
    const e = files.get(row.origin.file);
    const day = row.period.kind === 'day' ? row.period.start : null;
    if (!e)
      files.set(row.origin.file, {
        first: row,
        end,
        days: new Set(day === null ? [] : [day]),
        lastDay: day ?? -Infinity,
        metrics: new Set(Object.keys(row.values)),
      });
    else {
      for (const metric of Object.keys(row.values)) e.metrics.add(metric);
      if (day !== null) {
        e.days.add(day);
        if (day > e.lastDay) e.lastDay = day;
      }
      if (e.first === null || row.period.start < e.first.period.start) e.first = row;
      if (end > e.end) e.end = end;
    }
  }
  for (const [channel, files] of exports) {
    // An export of counts at a day only (a follower count from a year-end deck) covers no days (red-team 20 #8).
    const countsOnly = (metrics: ReadonlySet<string>) => [...metrics].every((m) => index.metrics.get(m)?.aggregation === 'stock');
    const spans = [...files.entries()]
      .filter(([, e]) => e.first === null || !countsOnly(e.metrics))
      .sort(([fa, a], [fb, b]) => startOf(fa, a.first) - startOf(fb, b.first) || (fa < fb ? -1 : 1));
    if (spans.length < 2) continue;
    let reach = spans[0]![1].end;
    let reachFile = spans[0]![0];
    for (const [file, { first, end, days, lastDay, metrics }] of spans.slice(1)) {
      const start = startOf(file, first);
      const missing = start - reach - 1;
      // Only days inside a quarter both exports reach are flagged on its figures; a channel paused for a quarter or
      // more is left out of those quarters, not flagged (red-team 13 #3).
      const sameQuarter = quarterIndexOf(start) === quarterIndexOf(reach + 1);
      // A per-post export's first row is its first post: the days before it in its month are days without one
      // (unless its `from` says where it starts).
      const span = first === null ? 0 : lastDay - first.period.start + 1;
      const perPost =
        first !== null &&
        !from.has(file) &&
        span >= DAILY_MIN_DAYS &&
        days.size < DAILY_MIN_SHARE * span &&
        postMonthStart(first.period.start) <= reach + 1;
      if (missing >= HOLE_MIN_DAYS && sameQuarter && !perPost) {
        const [at, what] = startPlace(first, from.has(file));
        reporters
          .get(file)
          ?.note(
            at,
            `${what}: this export of ${channel} starts on ${from.has(file) || first === null ? formatDay(start) : first.period.label}, ${missing} days after the data of ` +
              `${channel} before it end (${formatDay(reach)}, ${reachFile}): no export covers ${formatDay(reach + 1)} to ` +
              `${formatDay(start - 1)}, so figures over those days are flagged and rates are taken without them ` +
              '(if those days were exported, add that file; if an earlier export covers them, give it a "through" day' +
              `${from.has(file) ? ', or correct this one\'s "from"' : ''})`,
          );
      }
      if (!sameQuarter && missing > 0 && first !== null)
        noteResumed(channel, file, first, metrics, reach, reachFile, index, reporters, from.has(file));
      if (end > reach) {
        reach = end;
        reachFile = file;
      }
    }
  }
}

/**
 * An export that resumes inside a later quarter than the one its channel's data stopped in (a
 * download for Q3 after one that ended on 24 June; a per-post download whose first post is in
 * August, read from 1 August): the days of its quarter before it are flagged on that quarter's
 * figures (`MetricIndex.coverageGaps`, red-team 16 #3), and a week or more of them is noted here
 * (red-team 18 #7). Where the channel's other data cover those days, `checkMetricStarts` notes them.
 */
function noteResumed(
  channel: string,
  file: string,
  first: MetricRow,
  metrics: ReadonlySet<string>,
  reach: number,
  reachFile: string,
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
  hasFrom: boolean,
): void {
  const quarterStart = quarterBounds(quarterIndexOf(first.period.start))[0];
  let flagged: readonly [number, number] | null = null;
  for (const metric of [...metrics].sort()) {
    const gap = index.coverageGaps(channel, metric, quarterStart, first.period.start).at(-1);
    if (gap === undefined || gap[0] <= reach || gap[1] >= first.period.start) continue;
    if (index.lastDay(gap[0], [channel]) === gap[0]) continue;
    if (flagged === null || gap[1] - gap[0] > flagged[1] - flagged[0]) flagged = gap;
  }
  if (flagged === null || flagged[1] - flagged[0] + 1 < HOLE_MIN_DAYS) return;
  const startsOn = flagged[1] + 1;
  const read = startsOn === first.period.start ? '' : ` (the first day of its first row's month, as it gives no "from")`;
  const [at, what] = startPlace(first, hasFrom);
  reporters
    .get(file)
    ?.note(
      at,
      `${what}: this export of ${channel} starts on ${formatDay(startsOn)}${read}, after the data of ${channel} before it ` +
        `end (${formatDay(reach)}, ${reachFile}): no export covers ${formatDay(flagged[0])} to ${formatDay(flagged[1])}, ` +
        'so figures over those days are flagged and rates are taken without them (if those days were exported, add that ' +
        `file${hasFrom ? '; if this export covers them, correct its "from"' : '; if this export covers them with no rows, give it a "from" day'})`,
    );
}

/** Where a note on an export's start goes, and how it names it: its `from` where it gives one, else its first row's date. */
function startPlace(first: MetricRow | null, hasFrom: boolean): [PathKey[], string] {
  return hasFrom || first === null
    ? [['from'], 'from']
    : [['rows', first.origin.row, first.period.kind === 'day' ? 'date' : first.period.kind], `rows[${first.origin.row}]`];
}
