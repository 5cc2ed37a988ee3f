/**
 * Holes inside a daily export (red-team 6 #15): a run of days with no row inside a file whose
 * rows are otherwise daily (see `exportHoles`) is a note at the row after it. The index does not
 * count those days as covered by the export (`MetricIndex.coverageEnd`).
 */
import { type Day, formatDay, joinRanges, monthIndexOf } from '../core/dates.ts';
import { coarseHolesByExport, holesByExport, keyHolesByExport, metricsOf, uniqueLeftOut } from '../core/exportHoles.ts';
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

/**
 * Notes, once per export and unique metric (reach), the day rows inside the days it gives the metric
 * that leave it out, where no other file gives it those days (`uniqueLeftOut`, red-team 31 #1): a sum
 * of reach over a period with them counts nobody reached on those days, so it is neither exact nor
 * an upper bound, and the report says so without this note telling why.
 */
export function checkUniqueLeftOut(
  rows: readonly MetricRow[],
  metrics: MetricTable,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  const leftOut = uniqueLeftOut(rows, metrics);
  if (leftOut.size === 0) return;
  const given = new Set<string>();
  for (const row of rows)
    if (row.period.kind === 'day')
      for (const metric in row.values) given.add(`${row.channel}\u0000${metric}\u0000${row.period.start}`);
  const days = [...leftOut].map(([key, list]) => [...(key.split('\u0000') as [string, string]), key, new Set(list)] as const);
  const byExport = new Map<string, MetricRow[]>();
  for (const row of rows) {
    if (row.period.kind !== 'day') continue;
    for (const [channel, metric, key, missing] of days) {
      if (row.channel !== channel || Object.hasOwn(row.values, metric) || !missing.has(row.period.start)) continue;
      if (given.has(`${channel}\u0000${metric}\u0000${row.period.start}`)) continue;
      const at = `${row.origin.file}\u0000${key}`;
      (byExport.get(at) ?? byExport.set(at, []).get(at)!).push(row);
    }
  }
  for (const [at, list] of byExport) {
    const [, channel, metric] = at.split('\u0000') as [string, string, string];
    const sorted = [...list].sort((a, b) => a.period.start - b.period.start);
    const runs = joinRanges(sorted.map((row) => [row.period.start, row.period.start] as const));
    const shown = runs
      .slice(0, 3)
      .map(([a, b]) => (a === b ? formatDay(a) : `${formatDay(a)} to ${formatDay(b)}`))
      .join(', ');
    const first = sorted[0]!;
    reporters
      .get(first.origin.file)
      ?.note(
        ['rows', first.origin.row, 'date'],
        `rows[${first.origin.row}].date: ${first.period.label} is the first of ${sorted.length} rows without ${metric} for ${channel} ` +
          `(${shown}${runs.length > 3 ? ', …' : ''}) between rows that give it: ${metric} summed over a period with them counts ` +
          'nobody reached on those days, so it is neither exact nor an upper bound and cannot settle a goal ' +
          `(give ${metric} for those days, or 0 where nobody was reached; an ads export broken down by campaign leaves it out of ` +
          'days with several campaigns: export it by day without the breakdown)',
      );
  }
}

/**
 * Notes every month or quarter missing between two month or quarter rows of one export that give a
 * metric (a listening export's mentions for April, May, July…: June absent; see
 * `coarseHolesByExport`), at the first row after it, once for the metrics it misses together,
 * unless other files give the channel those metrics on each of its days (June's row in a file of
 * its own), as a week missing inside a daily export is (`checkExportHoles`).
 */
export function checkCoarseHoles(
  rows: readonly MetricRow[],
  metrics: MetricTable,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  const found = coarseHolesByExport(rows, metrics);
  if (found.size === 0) return;
  // Each hole's row after it and the metrics it misses there: "file\u0000row\u0000from\u0000to" → them.
  const notes = new Map<string, { row: MetricRow; from: Day; to: Day; metrics: string[] }>();
  const wanted = new Set<string>();
  const channels = new Set<string>();
  for (const byMetric of found.values()) {
    for (const [metric, { holes, rows: given }] of byMetric) {
      for (const hole of holes) {
        const row = given[hole.after]!;
        const key = `${row.origin.file}\u0000${row.origin.row}\u0000${hole.from}\u0000${hole.to}`;
        const note = notes.get(key);
        if (note) note.metrics.push(metric);
        else notes.set(key, { row, from: hole.from, to: hole.to, metrics: [metric] });
        wanted.add(`${row.channel}\u0000${metric}`);
        channels.add(row.channel);
      }
    }
  }
  // The days other files give each (channel, metric) a hole misses: "channel\u0000metric" → [file, first, last] of their rows.
  const elsewhere = new Map<string, Array<readonly [string, Day, Day]>>();
  for (const row of rows) {
    if (!channels.has(row.channel)) continue;
    for (const metric of metricsOf(row)) {
      const key = `${row.channel}\u0000${metric}`;
      if (!wanted.has(key)) continue;
      (elsewhere.get(key) ?? elsewhere.set(key, []).get(key)!).push([row.origin.file, row.period.start, row.period.end]);
    }
  }
  const filledElsewhere = (channel: string, metric: string, file: string, from: Day, to: Day): boolean => {
    const spans = (elsewhere.get(`${channel}\u0000${metric}`) ?? [])
      .filter(([f, first, last]) => f !== file && last >= from && first <= to)
      .sort((x, y) => x[1] - y[1]);
    let next = from;
    for (const [, first, last] of spans) {
      if (first > next) return false;
      next = Math.max(next, last + 1);
      if (next > to) return true;
    }
    return false;
  };
  for (const { row, from, to, metrics: missed } of notes.values()) {
    const open = missed.filter((metric) => !filledElsewhere(row.channel, metric, row.origin.file, from, to)).sort();
    if (open.length === 0) continue;
    const months = monthIndexOf(to) - monthIndexOf(from) + 1;
    const them = open.length === 1 ? 'it' : 'them';
    reporters
      .get(row.origin.file)
      ?.note(
        ['rows', row.origin.row, row.period.kind],
        `rows[${row.origin.row}].${row.period.kind}: ${row.period.label} comes after ${months} ${months === 1 ? 'month' : 'months'} ` +
          `without a row giving ${open.join(', ')} for ${row.channel} (${formatDay(from)} to ${formatDay(to)}) in an export ` +
          `that gives ${them} by ${row.period.kind} before and after: those days count as not covered for ${them}, and the ` +
          `quarter holding them is compared as partial (if there was none, add a row of 0; if the export missed ${them}, ` +
          'export those months again)',
      );
  }
}
