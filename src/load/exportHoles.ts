/**
 * Holes inside a daily export (red-team 6 #15): a run of days with no row inside a file whose
 * rows are otherwise daily (see `exportHoles`) is a note at the row after it. The index does not
 * count those days as covered by the export (`MetricIndex.coverageEnd`).
 */
import { formatDay } from '../core/dates.ts';
import { holesByExport } from '../core/exportHoles.ts';
import type { MetricRow } from '../core/metricIndex.ts';
import type { FileReporter } from './files.ts';

/**
 * Notes every hole inside a daily export, at the first row after it, unless another file gives
 * the channel a row on each of its days (the missing week exported again: red-team 7 #15).
 */
export function checkExportHoles(rows: readonly MetricRow[], reporters: ReadonlyMap<string, FileReporter>): void {
  const exports = holesByExport(rows);
  if (exports.size === 0) return;
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
}
