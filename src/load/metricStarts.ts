/**
 * A metric whose data start after its channel's other data (red-team 16 #4, #7): clicks added to
 * a daily export on 1 May beside impressions since April, impressions from 1 May beside April's
 * reach as a month row. The days before are unknown for that metric, and figures over them are
 * flagged (`MetricIndex.leadingGap`); a week or more of them is a note at its first row, with the
 * fix. Runs after loading, on valid content.
 */
import { formatDay } from '../core/dates.ts';
import { HOLE_MIN_DAYS } from '../core/exportHoles.ts';
import type { MetricIndex, MetricRow } from '../core/metricIndex.ts';
import type { FileReporter } from './files.ts';

/** Notes each channel × metric whose data start a week or more after the channel's other data. */
export function checkMetricStarts(
  rows: readonly MetricRow[],
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  // Per `channel\u0000metric`, the first row giving it (the earliest, then the first in file order).
  const firstRow = new Map<string, MetricRow>();
  // The metrics a row gives by their keys (engagements derived from likes is its parts' to note: rt17 #10).
  for (const row of rows) {
    for (const metric of Object.keys(row.values)) {
      const key = `${row.channel}\u0000${metric}`;
      const first = firstRow.get(key);
      if (!first || row.period.start < first.period.start) firstRow.set(key, row);
    }
  }
  for (const [key, row] of [...firstRow].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const [channel, metric] = key.split('\u0000') as [string, string];
    const gap = index.leadingGap(channel, metric);
    if (gap === null || gap[1] - gap[0] + 1 < HOLE_MIN_DAYS) continue;
    reporters
      .get(row.origin.file)
      ?.note(
        ['rows', row.origin.row, metric],
        `${metric} on ${channel} starts on ${formatDay(gap[1] + 1)}, while ${channel}'s other data go back to ` +
          `${formatDay(gap[0])}: no export covers ${metric} from ${formatDay(gap[0])} to ${formatDay(gap[1])}, so figures ` +
          `over those days are flagged and rates are taken without them (if there was none, write ${metric}: 0 on those ` +
          'days; if an export missed it, add that export)',
        'key',
      );
  }
}
