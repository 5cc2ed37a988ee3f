/**
 * A metric whose data start after its channel's other data (red-team 16 #4, #7): clicks added to
 * a daily export on 1 May beside impressions since April, impressions from 1 May beside April's
 * reach as a month row. The days before are unknown for that metric, and figures over them are
 * flagged (`MetricIndex.leadingGap`); a week or more of them is a note at its first row, with the
 * fix. So are a week or more of days inside a quarter before a later export gives the metric while
 * the channel's other data cover them (a key added a week into a quarter's export, exports that
 * resume after a pause: `MetricIndex.coverageGaps`). Runs after loading, on valid content.
 */
import { formatDay, quarterBounds, quarterIndexOf } from '../core/dates.ts';
import { HOLE_MIN_DAYS } from '../core/exportHoles.ts';
import { ENGAGEMENT_PARTS } from '../core/metrics.ts';
import type { MetricIndex, MetricRow } from '../core/metricIndex.ts';
import type { FileReporter } from './files.ts';

/** Notes each channel × metric whose data start, or resume in a later export, a week or more after the channel's other data. */
export function checkMetricStarts(
  rows: readonly MetricRow[],
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  // Per `channel\u0000metric\u0000file`, the first row giving it in that file, a day, month or quarter row (a
  // monthly overview of clicks from August: red-team 21 #4); the metrics a row gives by their keys: engagements
  // derived from likes is its parts' to note (rt17 #10).
  // Found per file and channel first (their rows come together), named once per file, channel and metric.
  const byExport = new Map<string, Map<string, Map<string, MetricRow>>>();
  for (const row of rows) {
    let byChannel = byExport.get(row.origin.file);
    if (!byChannel) byExport.set(row.origin.file, (byChannel = new Map()));
    let byMetric = byChannel.get(row.channel);
    if (!byMetric) byChannel.set(row.channel, (byMetric = new Map()));
    for (const metric in row.values) {
      const first = byMetric.get(metric);
      if (!first || row.period.start < first.period.start) byMetric.set(metric, row);
    }
  }
  const firstRow = new Map<string, MetricRow>();
  for (const [file, byChannel] of byExport)
    for (const [channel, byMetric] of byChannel)
      for (const [metric, row] of byMetric) firstRow.set(`${channel}\u0000${metric}\u0000${file}`, row);
  const noted = new Set<string>();
  // A part of engagements is missing nowhere that rows give engagements themselves (red-team 22 #6).
  const given = (channel: string, metric: string, [a, b]: readonly [number, number]) =>
    (ENGAGEMENT_PARTS as readonly string[]).includes(metric) && index.givesEngagements(channel, a, b);
  for (const [key, row] of [...firstRow].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const [channel, metric] = key.split('\u0000') as [string, string];
    const start = row.period.start;
    const lead = index.leadingGap(channel, metric);
    if (lead !== null && lead[1] === start - 1) {
      if (given(channel, metric, lead)) continue;
      if (lead[1] - lead[0] + 1 < HOLE_MIN_DAYS || noted.has(`${channel}\u0000${metric}`)) continue;
      noted.add(`${channel}\u0000${metric}`);
      note(
        reporters,
        row,
        metric,
        `${metric} on ${channel} starts on ${formatDay(start)}, while ${channel}'s other data go back to ` +
          `${formatDay(lead[0])}: no export covers ${metric} from ${formatDay(lead[0])} to ${formatDay(lead[1])}`,
      );
      continue;
    }
    // Days before this export gives the metric, inside its quarter, that no export of it covers: a key added a
    // week after the export's first row, or exports that resume after a pause (rt17 #6). Where the channel has no
    // other data on them either, the gap between its exports is noted as such (`checkExportGaps`).
    const gap = index.coverageGaps(channel, metric, quarterBounds(quarterIndexOf(start))[0], start).at(-1);
    if (gap === undefined || gap[1] !== start - 1 || gap[1] - gap[0] + 1 < HOLE_MIN_DAYS || given(channel, metric, gap)) continue;
    if (index.lastDay(gap[0], [channel]) !== gap[0]) continue;
    note(
      reporters,
      row,
      metric,
      `${metric} on ${channel} is given in this export from ${formatDay(start)}: no export covers it from ` +
        `${formatDay(gap[0])} to ${formatDay(gap[1])}, while ${channel}'s other data do`,
    );
  }
}

function note(reporters: ReadonlyMap<string, FileReporter>, row: MetricRow, metric: string, what: string): void {
  reporters
    .get(row.origin.file)
    ?.note(
      ['rows', row.origin.row, metric],
      `${what}, so figures over those days are flagged and rates are taken without them (if there was none, ` +
        `write ${metric}: 0 on those days; if an export missed it, add that export)`,
      'key',
    );
}
