/**
 * Exports with no rows (`"rows": []`): Ads Manager's download of days without delivery. The loader
 * hands the index those that can cover days (see `EmptyExport`) and notes those that cannot.
 */
import { formatDay, parseIsoDate } from '../core/dates.ts';
import type { EmptyExport, MetricIndex, MetricRow } from '../core/metricIndex.ts';
import type { DataSource } from '../core/project.ts';
import type { FileReporter } from './files.ts';

/**
 * The exports with no rows that name their channel, `from` and `through`, on a channel with rows
 * elsewhere (only its flows can be covered). They say there was no delivery on days exported, not
 * on days after every other export's rows (a "this month" download named for the whole month): such
 * a `through` is taken back to that day, with a note.
 */
export function emptyExports(
  sources: readonly DataSource[],
  rows: readonly MetricRow[],
  reporters: ReadonlyMap<string, FileReporter>,
): EmptyExport[] {
  const lastRowDay = rows.reduce((last, row) => Math.max(last, row.period.end), -Infinity);
  const withRows = new Set(rows.map((row) => row.channel));
  const out: EmptyExport[] = [];
  for (const source of sources) {
    const channel = source.channels[0];
    if (source.rows > 0 || source.channels.length !== 1 || channel === undefined || !withRows.has(channel)) continue;
    const first = source.from === null ? null : parseIsoDate(source.from);
    const last = source.through === null ? null : parseIsoDate(source.through);
    if (!first?.ok || !last?.ok || first.day > last.day) continue;
    if (last.day > lastRowDay)
      reporters
        .get(source.file)
        ?.note(
          ['through'],
          `through ${source.through} is after the last day of every other export's rows (${formatDay(lastRowDay)}): ` +
            `an export with no rows is taken to cover ${first.day > lastRowDay ? 'no days' : `only to ${formatDay(lastRowDay)}`}, ` +
            'as the days after it are not exported yet (give the day it was downloaded as its through)',
        );
    if (first.day <= lastRowDay)
      out.push({ file: source.file, channel, from: first.day, through: Math.min(last.day, lastRowDay) });
  }
  return out;
}

/**
 * An export with no rows stands for a paid campaign's download without delivery; on a channel whose
 * metrics in its quarter come from other exports too, it covers nothing (see `MetricIndex.emptyMetrics`),
 * which is worth a note.
 */
export function noteEmptyCoveringNothing(
  empty: readonly EmptyExport[],
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  for (const e of empty) {
    if ((index.emptyMetrics.get(e.file) ?? []).length > 0) continue;
    reporters
      .get(e.file)
      ?.note(
        ['rows'],
        `this export of ${e.channel} has no rows and covers no days: an export with no rows stands for an ads download ` +
          `of days without delivery, and no metric of ${e.channel} in its quarter comes from ads exports (spend on ` +
          "nearly every row) alone; for a page's days without activity, give them as rows of 0",
        'key',
      );
  }
}

/**
 * An export with no rows says there was no delivery on its days; another export's rows giving the
 * same flows above 0 on those days say there was (a duplicate or out-of-date download): the rows are
 * counted, and the contradiction is noted on the empty export (red-team 29 #6).
 */
export function noteEmptyContradicted(
  empty: readonly EmptyExport[],
  rows: readonly MetricRow[],
  index: MetricIndex,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  for (const e of empty) {
    const metrics = index.emptyMetrics.get(e.file) ?? [];
    if (metrics.length === 0) continue;
    const totals = new Map<string, Map<string, number>>();
    for (const row of rows) {
      // Only rows inside its days: a month row straddling them may have delivered on the other days (red-team 30 #5).
      if (row.channel !== e.channel || row.period.start < e.from || row.period.end > e.through) continue;
      for (const metric of metrics) {
        const value = row.values[metric];
        if (value === undefined || value === 0) continue;
        const byMetric = totals.get(row.origin.file) ?? new Map<string, number>();
        byMetric.set(metric, (byMetric.get(metric) ?? 0) + value);
        totals.set(row.origin.file, byMetric);
      }
    }
    if (totals.size === 0) continue;
    const given = [...totals]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(
        ([file, byMetric]) => `${file} gives ${[...byMetric].map(([m, v]) => `${m} ${Math.round(v * 100) / 100}`).join(', ')}`,
      );
    reporters
      .get(e.file)
      ?.note(
        ['rows'],
        `this export of ${e.channel} has no rows from ${formatDay(e.from)} to ${formatDay(e.through)} (no delivery), ` +
          `while on those days ${given.join('; ')}: the rows are counted; remove the export that is wrong ` +
          '(a duplicate or out-of-date download)',
        'key',
      );
  }
}
