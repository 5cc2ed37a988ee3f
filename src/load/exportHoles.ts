/**
 * Holes inside a daily export (red-team 6 #15): a run of days with no row inside a file whose
 * rows are otherwise daily (see `exportHoles`) is a note at the row after it. The index does not
 * count those days as covered by the export (`MetricIndex.coverageEnd`).
 */
import { formatDay } from '../core/dates.ts';
import { holesByExport } from '../core/exportHoles.ts';
import type { MetricRow } from '../core/metricIndex.ts';
import type { FileReporter } from './files.ts';

/** Notes every hole inside a daily export, at the first row after it. */
export function checkExportHoles(rows: readonly MetricRow[], reporters: ReadonlyMap<string, FileReporter>): void {
  for (const { holes, rows: daily } of holesByExport(rows).values()) {
    for (const hole of holes) {
      const row = daily[hole.after]!;
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
