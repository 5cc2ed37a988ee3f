/**
 * Holes inside a daily export (red-team 6 #15): a run of days with no row inside a file whose
 * rows are otherwise daily (see `exportHoles`) is a note at the row after it. The index does not
 * count those days as covered by the export (`MetricIndex.coverageEnd`).
 */
import { formatDay } from '../core/dates.ts';
import { holesByExport, keyHolesByExport } from '../core/exportHoles.ts';
import type { MetricRow } from '../core/metricIndex.ts';
import type { MetricTable } from '../core/metrics.ts';
import type { FileReporter } from './files.ts';

/**
 * Notes every hole inside a daily export, at the first row after it, unless another file gives
 * the channel a row on each of its days (the missing week exported again: red-team 7 #15).
 */
export function checkExportHoles(
  rows: readonly MetricRow[],
  metrics: MetricTable,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  const exports = holesByExport(rows);
  const keyHoles = keyHolesByExport(rows, metrics);
  if (exports.size === 0 && keyHoles.size === 0) return;
  // The files giving each channel a day row on each day: "channel\u0000day" → files.
  const filesOn = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.period.kind !== 'day') continue;
    const key = `${row.channel}\u0000${row.period.start}`;
    (filesOn.get(key) ?? filesOn.set(key, new Set()).get(key)!).add(row.origin.file);
  }
  const filledElsewhere = (channel: string, file: string, from: number, to: number): boolean => {
    for (let d = from; d <= to; d++) {
      const files = filesOn.get(`${channel}\u0000${d}`);
      if (!files || ![...files].some((f) => f !== file)) return false;
    }
    return true;
  };
  for (const { holes, rows: daily } of exports.values()) {
    for (const hole of holes) {
      const row = daily[hole.after]!;
      if (filledElsewhere(row.channel, row.origin.file, hole.from, hole.to)) continue;
      const count = hole.to - hole.from + 1;
      reporters
        .get(row.origin.file)
        ?.note(
          ['rows', row.origin.row, 'date'],
          `rows[${row.origin.row}].date: ${row.period.label} comes after ${count} days without a row for ${row.channel} ` +
            `(${formatDay(hole.from)} to ${formatDay(hole.to)}) in an export with a row on almost every other day: ` +
            'the export may have missed them (if those days had no activity, add rows of 0; ' +
            'if the export missed them, export them again)',
        );
    }
  }
  // Rows of a week or more without one metric's key (red-team 6 #15): those days are not covered for it
  // (never spend or posts, whose absence is none: `absentMeans`, red-team 11 #6).
  const rowDays = new Map<string, Set<number>>();
  const dayRows = new Map<string, MetricRow[]>();
  if (keyHoles.size > 0)
    for (const row of rows) {
      if (row.period.kind !== 'day') continue;
      const file = `${row.origin.file}\u0000${row.channel}`;
      (rowDays.get(file) ?? rowDays.set(file, new Set()).get(file)!).add(row.period.start);
      const key = `${row.channel}\u0000${row.period.start}`;
      (dayRows.get(key) ?? dayRows.set(key, []).get(key)!).push(row);
    }
  const filledWith = (metric: string, channel: string, file: string, from: number, to: number): boolean => {
    for (let d = from; d <= to; d++)
      if (!dayRows.get(`${channel}\u0000${d}`)?.some((r) => r.origin.file !== file && Object.hasOwn(r.values, metric)))
        return false;
    return true;
  };
  for (const byMetric of keyHoles.values()) {
    for (const [metric, { holes, rows: given }] of byMetric) {
      for (const hole of holes) {
        const row = given[hole.after]!;
        const days = rowDays.get(`${row.origin.file}\u0000${row.channel}`)!;
        let rowsIn = 0;
        for (let d = hole.from; d <= hole.to; d++) if (days.has(d)) rowsIn++;
        // Whole rows missing are the note above; another file giving the metric on those days fills them.
        if (rowsIn === 0 || filledWith(metric, row.channel, row.origin.file, hole.from, hole.to)) continue;
        reporters
          .get(row.origin.file)
          ?.note(
            ['rows', row.origin.row, 'date'],
            `rows[${row.origin.row}].date: ${row.period.label} comes after ${rowsIn} rows without ${metric} for ${row.channel} ` +
              `(${formatDay(hole.from)} to ${formatDay(hole.to)}) in an export that gives it on almost every other day: ` +
              `those days count as not covered for ${metric}, and rates over it are taken without them ` +
              `(if there was none, write ${metric}: 0; if the export missed it, export those days again)`,
          );
      }
    }
  }
}
