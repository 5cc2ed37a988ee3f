/**
 * Per-post exports that end early without saying how far they reach. An export covers the days
 * from its first row to its `through`, else its last row: a per-post export (rows on the days
 * something was published) without `through` is known only to its last post, so its channel is
 * marked incomplete and every goal on it is cut there, though the export may cover the days
 * after. A note at that last row, with the fix: give the file its `through` day. Runs after
 * loading, on valid content.
 */
import { formatDay } from '../core/dates.ts';
import type { MetricIndex, MetricRow } from '../core/metricIndex.ts';
import type { FileReporter } from './files.ts';

/** Notes each channel whose data end before the latest data in a sparse export without `through`. */
export function checkExportEnds(
  rows: readonly MetricRow[],
  through: ReadonlyMap<string, number>,
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  const latest = index.lastDay(Number.MAX_SAFE_INTEGER);
  if (latest === null) return;
  // Per channel, the row that ends its data (the last one), and each file's day rows of it.
  const lastRow = new Map<string, MetricRow>();
  const dayRows = new Map<string, Set<number>>();
  for (const row of rows) {
    const last = lastRow.get(row.channel);
    if (!last || row.period.end > last.period.end) lastRow.set(row.channel, row);
    if (row.period.kind !== 'day') continue;
    const key = `${row.origin.file}\u0000${row.channel}`;
    let days = dayRows.get(key);
    if (!days) dayRows.set(key, (days = new Set()));
    days.add(row.period.start);
  }
  for (const [channel, row] of lastRow) {
    const end = index.lastDay(latest, [channel]);
    if (end === null || end >= latest || through.has(row.origin.file) || row.period.kind !== 'day') continue;
    const days = [...(dayRows.get(`${row.origin.file}\u0000${channel}`) ?? [])];
    const first = Math.min(...days);
    // A daily export downloaded early ends where its rows do; rows with days between them are per-post.
    if (days.length >= row.period.end - first + 1) continue;
    reporters
      .get(row.origin.file)
      ?.note(
        ['rows', row.origin.row, 'date'],
        `${channel}'s data end on ${formatDay(end)}, the last row of this export (its rows skip days, as a per-post export's do), ` +
          `while other data go on to ${formatDay(latest)}: ${channel} is marked incomplete and its goals are evaluated as of ` +
          `${formatDay(end)}; if the export covers later days, give it "through": "<its last day>"`,
      );
  }
}
