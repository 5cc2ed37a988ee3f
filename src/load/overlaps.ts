/**
 * One total given twice over: a flow (a summed metric) given for a month or a quarter, and
 * again by the finer rows inside it. The index uses the coarse row for the whole period and
 * the finer rows for parts of it (docs/metrics.md), so when their sums disagree (two exports of
 * one thing, e.g. a monthly overview beside a daily export) a quarter's figure and its
 * charts would differ without a word. Equal sums are consistent and pass; unique metrics
 * (reach) are meant to be given at several granularities. A note, at the coarse value.
 */
import type { MetricRow } from '../core/metricIndex.ts';
import type { MetricTable } from '../core/metrics.ts';
import type { FileReporter } from './files.ts';

const FINER = { quarter: ['month', 'day'], month: ['day'] } as const;
const NAMES = { quarter: 'quarter', month: 'month', day: 'day' } as const;

interface Entry {
  readonly row: MetricRow;
  readonly value: number;
}

/** Notes every month or quarter total of a flow that disagrees with the finer rows inside it. */
export function checkOverlaps(
  rows: readonly MetricRow[],
  metrics: MetricTable,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  // Only the flows some month or quarter row gives, on its channel, can disagree: the finer rows of the others are not indexed.
  const coarse = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.period.kind !== 'month' && row.period.kind !== 'quarter') continue;
    for (const metric of Object.keys(row.values)) {
      if (metrics.get(metric)?.aggregation !== 'flow') continue;
      let set = coarse.get(row.channel);
      if (!set) coarse.set(row.channel, (set = new Set()));
      set.add(metric);
    }
  }
  if (coarse.size === 0) return;
  const byKey = entriesByKind(rows, (row, metric) => coarse.get(row.channel)?.has(metric) === true);

  for (const row of rows) {
    const kind = row.period.kind;
    if (kind !== 'month' && kind !== 'quarter') continue;
    for (const [metric, value] of Object.entries(row.values)) {
      if (metrics.get(metric)?.aggregation !== 'flow') continue;
      for (const finer of FINER[kind]) {
        const inside = within(byKey.get(`${row.channel}\u0000${metric}\u0000${finer}`) ?? [], row);
        if (inside.length === 0) continue;
        const sum = inside.reduce((total, e) => total + e.value, 0);
        if (!same(sum, value)) {
          const files = [...new Set(inside.map((e) => e.row.origin.file))].sort();
          reporters
            .get(row.origin.file)
            ?.note(
              ['rows', row.origin.row, metric],
              `${row.channel} '${metric}' for ${row.period.label} is ${value} here and ${sum} in the ` +
                `${inside.length} ${NAMES[finer]} row${inside.length === 1 ? '' : 's'} inside it (${files.join(', ')}): ` +
                `the ${NAMES[kind]} row counts for the whole ${NAMES[kind]} and the ${NAMES[finer]} rows for parts of it, ` +
                'so figures differ by view; keep one of them',
            );
        }
        break;
      }
    }
  }
}

/** The entries (sorted by start) whose period lies inside the row's. */
function within(list: readonly Entry[], row: MetricRow): Entry[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.row.period.start < row.period.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Entry[] = [];
  for (let i = lo; i < list.length && list[i]!.row.period.start <= row.period.end; i++) {
    if (list[i]!.row.period.end <= row.period.end) out.push(list[i]!);
  }
  return out;
}

/**
 * The values of the metrics `keep` picks, per `channel\u0000metric\u0000kind` (day, month or
 * quarter rows), each list sorted by its rows' first day.
 */
function entriesByKind(rows: readonly MetricRow[], keep: (row: MetricRow, metric: string) => boolean): Map<string, Entry[]> {
  const byKey = new Map<string, Entry[]>();
  for (const row of rows) {
    for (const [metric, value] of Object.entries(row.values)) {
      if (!keep(row, metric)) continue;
      const key = `${row.channel}\u0000${metric}\u0000${row.period.kind}`;
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push({ row, value });
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => a.row.period.start - b.row.period.start);
  return byKey;
}

function same(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Notes every month or quarter value of a unique metric (reach) below the same metric on its
 * channel over a part of its period (a month or a day inside it), at the coarse value: the people
 * reached over a period include those reached over any part of it, so one of the two is wrong (a
 * typo, or columns swapped). Red-team 15 #12.
 */
export function checkUniqueParts(
  rows: readonly MetricRow[],
  metrics: MetricTable,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  const unique = (metric: string): boolean => metrics.get(metric)?.aggregation === 'unique';
  const hasCoarse = rows.some(
    (row) => (row.period.kind === 'month' || row.period.kind === 'quarter') && Object.keys(row.values).some(unique),
  );
  if (!hasCoarse) return;
  const byKey = entriesByKind(rows, (_, metric) => unique(metric));

  for (const row of rows) {
    const kind = row.period.kind;
    if (kind !== 'month' && kind !== 'quarter') continue;
    for (const [metric, value] of Object.entries(row.values)) {
      if (!unique(metric)) continue;
      let top: Entry | null = null;
      for (const finer of FINER[kind]) {
        for (const e of within(byKey.get(`${row.channel}\u0000${metric}\u0000${finer}`) ?? [], row)) {
          if (e.value > value && !same(e.value, value) && (top === null || e.value > top.value)) top = e;
        }
      }
      if (top === null) continue;
      reporters
        .get(row.origin.file)
        ?.note(
          ['rows', row.origin.row, metric],
          `${row.channel} '${metric}' for ${row.period.label} is ${value} here, below ${top.value} for ${top.row.period.label} ` +
            `inside it (${top.row.origin.file}): the people reached over a period include those reached over any part of it; ` +
            'check the figures (a typo, or columns swapped)',
        );
    }
  }
}
