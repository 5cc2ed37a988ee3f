/**
 * Holes inside a daily export (SPEC "Coverage in time"): a run of days with no row inside a file
 * whose rows are otherwise daily is days the export missed, not days without activity. A per-post
 * export (rows on publish days only) is not daily, and a single day without a row is a day
 * without activity, as it always was.
 */
import type { Day } from './dates.ts';
import type { MetricRow } from './metricIndex.ts';
import { ENGAGEMENT_PARTS, type MetricTable } from './metrics.ts';

/** Consecutive days without a row, inside a daily export, from which they are a hole. */
export const HOLE_MIN_DAYS = 7;

/**
 * The share of the days of an export's span, its holes left aside, that must have a row for the
 * export to count as daily (a per-post export with posts on weekdays has about 71%).
 */
export const DAILY_MIN_SHARE = 0.9;

/**
 * The days, its holes left aside, an export must span to count as daily: a file of a few follower
 * snapshots (one a quarter) is not a daily export with holes between them.
 */
export const DAILY_MIN_DAYS = 2 * HOLE_MIN_DAYS;

/**
 * The largest share of an export's span its holes may take: beyond it, the runs without a row are
 * the file's rhythm (posts every two weeks, in a per-post export), not days a daily export missed.
 */
export const HOLES_MAX_SHARE = 0.5;

/** A hole: its first and last day, and the index (in the days given) of the first day after it. */
export interface ExportHole {
  readonly from: Day;
  readonly to: Day;
  readonly after: number;
}

/**
 * The holes among the days of one export's day rows (sorted, distinct): runs of at least
 * `HOLE_MIN_DAYS` days without a row between its first and last, when they take at most
 * `HOLES_MAX_SHARE` of its span and the export has a row on at least `DAILY_MIN_SHARE` of its
 * other days, which are at least `DAILY_MIN_DAYS`; else none.
 */
export function exportHoles(days: readonly Day[]): ExportHole[] {
  const holes: ExportHole[] = [];
  let missing = 0;
  for (let i = 1; i < days.length; i++) {
    const gap = days[i]! - days[i - 1]! - 1;
    if (gap >= HOLE_MIN_DAYS) {
      holes.push({ from: days[i - 1]! + 1, to: days[i]! - 1, after: i });
      missing += gap;
    }
  }
  if (holes.length === 0) return [];
  const span = days[days.length - 1]! - days[0]! + 1;
  const others = span - missing;
  if (missing > HOLES_MAX_SHARE * span) return [];
  return others >= DAILY_MIN_DAYS && days.length >= DAILY_MIN_SHARE * others ? holes : [];
}

/** A span [first, last] without the holes inside it: the parts before, between and after them. */
export function splitAtHoles(span: readonly [Day, Day], holes: readonly ExportHole[]): Array<readonly [Day, Day]> {
  const parts: Array<readonly [Day, Day]> = [];
  let first = span[0];
  for (const hole of holes) {
    if (hole.from > first) parts.push([first, hole.from - 1]);
    first = hole.to + 1;
  }
  parts.push([first, span[1]]);
  return parts;
}

/**
 * Metrics an ads export never gives: a page's own (its follower total, its unfollows, its posts).
 * Not new followers: TikTok's and Meta's ads exports give the follows a campaign paid for (red-team 27 #8).
 */
const PAGE_METRICS: ReadonlySet<string> = new Set(['followers', 'lost_followers', 'posts']);

/**
 * Whether rows of one export are an ads export's, as Ads Manager gives them: a row only on the days
 * a campaign delivered, each with its spend above 0, to its last such day (rows of conversions
 * attributed after the campaign ended do not count: red-team 25 #6), and no metric of a page's
 * own (`PAGE_METRICS`). A page export with a boosted post's spend on a row or two, or with
 * `"spend": 0` on every row, is not one (red-team 24 #1, 25 #1): a week without its rows is still
 * days it missed.
 */
export function isAdsExport(rows: readonly MetricRow[]): boolean {
  return adsDeliveryEnd(rows) !== null;
}

/** For an ads export (`isAdsExport`), the last day its campaign delivered (spend above 0); else null. */
export function adsDeliveryEnd(rows: readonly MetricRow[]): Day | null {
  const days = rows.filter((row) => row.period.kind === 'day');
  if (days.some((row) => Object.keys(row.values).some((m) => PAGE_METRICS.has(m)))) return null;
  const spent = days.filter((row) => (row.values['spend'] ?? 0) > 0).map((row) => row.period.start);
  if (spent.length === 0) return null;
  const last = Math.max(...spent);
  return spent.length >= DAILY_MIN_SHARE * days.filter((row) => row.period.start <= last).length ? last : null;
}

/** Metrics a campaign delivers: none on the days before it starts or after it ends (conversions attributed later may be). */
const DELIVERY_METRICS: ReadonlySet<string> = new Set(['impressions', 'reach', 'clicks', 'engagements', 'video_views']);

/**
 * Whether one export's rows are a paid campaign's, in day, month or quarter rows: spend above 0 on
 * nearly every row from its first day of spend to its last, rows of 0 before a campaign starts and
 * rows with nothing delivered after it ends (a page export's organic days around a boosted post's
 * spend are not: red-team 30 #6), and no metric of a page's own. An export with no rows stands for
 * such a download (see `MetricIndex.build`).
 */
export function isSpendExport(rows: readonly MetricRow[]): boolean {
  if (rows.some((row) => Object.keys(row.values).some((m) => PAGE_METRICS.has(m)))) return false;
  const paid = rows.filter((row) => (row.values['spend'] ?? 0) > 0).map((row) => row.period.start);
  if (paid.length === 0) return false;
  const [first, last] = [Math.min(...paid), Math.max(...paid)];
  const idle = (row: MetricRow) =>
    Object.entries(row.values).every(([m, v]) => v === 0 || (row.period.start > last && !DELIVERY_METRICS.has(m)));
  if (!rows.every((row) => (row.period.start >= first && row.period.start <= last) || idle(row))) return false;
  return paid.length >= DAILY_MIN_SHARE * rows.filter((row) => row.period.start >= first && row.period.start <= last).length;
}

/** The metrics a row gives: its keys, and engagements where it gives one of their parts. */
export function metricsOf(row: MetricRow): string[] {
  const names = Object.keys(row.values);
  return names.some((m) => (ENGAGEMENT_PARTS as readonly string[]).includes(m)) && !names.includes('engagements')
    ? [...names, 'engagements']
    : names;
}

/** Each export's day rows (`file\u0000channel` → its rows, in file order). */
function dayRowsByExport(rows: readonly MetricRow[]): Map<string, MetricRow[]> {
  const byExport = new Map<string, MetricRow[]>();
  for (const row of rows) {
    if (row.period.kind !== 'day') continue;
    const key = `${row.origin.file}\u0000${row.channel}`;
    const list = byExport.get(key);
    if (list) list.push(row);
    else byExport.set(key, [row]);
  }
  return byExport;
}

/**
 * The holes of each export, by file and channel (`file\u0000channel`), among its day rows, with
 * those rows (sorted by day, one per day). Month or quarter rows in the same file (reach by month,
 * beside the day rows of a Business Suite export) do not turn the check off (red-team 11 #7); the
 * metrics they give are theirs to cover (see `sourceSpans`). An ads export (`isAdsExport`) has
 * none: Ads Manager leaves out the days a campaign did not deliver, and its spend, clicks and
 * impressions were none while it was paused, not unknown (red-team 23 #5).
 */
export function holesByExport(rows: readonly MetricRow[]): Map<string, { holes: ExportHole[]; rows: MetricRow[] }> {
  const byExport = dayRowsByExport(rows);
  const out = new Map<string, { holes: ExportHole[]; rows: MetricRow[] }>();
  for (const [key, list] of byExport) {
    if (list.length < 2 || isAdsExport(list)) continue;
    const sorted = [...list].sort((x, y) => x.period.start - y.period.start);
    const daily = sorted.filter((row, i) => i === 0 || row.period.start !== sorted[i - 1]!.period.start);
    const holes = exportHoles(daily.map((row) => row.period.start));
    if (holes.length > 0) out.set(key, { holes, rows: daily });
  }
  return out;
}

/**
 * Per export (`file\u0000channel`: its day rows) and metric, the runs of days inside it
 * on which its rows lack that metric's key (clicks missing from a week of rows that carry
 * impressions: red-team 6 #15), as `exportHoles` finds them among the days that carry it, with
 * those rows (sorted by day, one per day): the export does not cover those days for that metric,
 * as it does not cover a week of missing rows. A day or two without the key (spend on days
 * without ads) is not one, nor are the days before its first row with the key or after its last.
 * Engagements count where a row gives one of their parts. Not checked: a metric whose missing key
 * means none of it (`absentMeans`: a paused campaign's spend, a holiday's posts: red-team 11 #6),
 * and one the export's month or quarter rows give too (its reach), as those rows may cover the days.
 */
export function keyHolesByExport(
  rows: readonly MetricRow[],
  metrics: MetricTable,
): Map<string, Map<string, { holes: ExportHole[]; rows: MetricRow[] }>> {
  // Each export's day rows, how many carry each metric, and the metrics its month or quarter rows
  // give (red-team 11 #7: such rows beside day rows no longer turn the check off).
  const byExport = new Map<string, { rows: MetricRow[]; counts: Map<string, number>; coarse: Set<string> }>();
  for (const row of rows) {
    const key = `${row.origin.file}\u0000${row.channel}`;
    let e = byExport.get(key);
    if (!e) byExport.set(key, (e = { rows: [], counts: new Map(), coarse: new Set() }));
    if (row.period.kind !== 'day') {
      for (const metric of metricsOf(row)) e.coarse.add(metric);
      continue;
    }
    e.rows.push(row);
    for (const metric of metricsOf(row)) e.counts.set(metric, (e.counts.get(metric) ?? 0) + 1);
  }
  const checked = (metric: string) => metrics.get(metric)?.absentMeans !== 'none';
  const out = new Map<string, Map<string, { holes: ExportHole[]; rows: MetricRow[] }>>();
  for (const [key, e] of byExport) {
    if (e.counts.size < 2) continue;
    // Only a metric some rows lack can have runs without it (the common export gives every key on every row).
    const lacking = [...e.counts]
      .filter(([metric, n]) => n < e.rows.length && checked(metric) && !e.coarse.has(metric))
      .map(([metric]) => metric);
    if (lacking.length === 0) continue;
    const sorted = [...e.rows].sort((x, y) => x.period.start - y.period.start);
    for (const metric of lacking) {
      const given = sorted.filter((row) => metricsOf(row).includes(metric));
      const distinct = given.filter((row, i) => i === 0 || row.period.start !== given[i - 1]!.period.start);
      const holes = exportHoles(distinct.map((row) => row.period.start));
      if (holes.length === 0) continue;
      let m = out.get(key);
      if (!m) out.set(key, (m = new Map()));
      m.set(metric, { holes, rows: distinct });
    }
  }
  return out;
}

/**
 * Per channel (`channel\u0000metric`) and unique metric (reach), the days on which a day row of an
 * export that gives the metric on other days lacks it, between its first and last day with it:
 * Ads Manager's daily export by campaign leaves reach out of a day with two campaigns, as reach
 * cannot be added across them (red-team 31 #1). A day some other row gives the metric for is not
 * one (see `Series.leftOutIn`). Summed over such days, reach counts none of the people reached on
 * them, so the sum is neither exact nor an upper bound. Sorted, distinct.
 */
export function uniqueLeftOut(rows: readonly MetricRow[], metrics: MetricTable): Map<string, number[]> {
  const byExport = dayRowsByExport(rows);
  const found = new Map<string, Set<number>>();
  for (const list of byExport.values()) {
    const unique = new Set<string>();
    for (const row of list)
      for (const metric in row.values) if (metrics.get(metric)?.aggregation === 'unique') unique.add(metric);
    for (const metric of unique) {
      let first = Infinity;
      let last = -Infinity;
      for (const row of list)
        if (Object.hasOwn(row.values, metric)) {
          first = Math.min(first, row.period.start);
          last = Math.max(last, row.period.start);
        }
      for (const row of list) {
        if (row.period.start < first || row.period.start > last || Object.hasOwn(row.values, metric)) continue;
        const key = `${row.channel}\u0000${metric}`;
        (found.get(key) ?? found.set(key, new Set()).get(key)!).add(row.period.start);
      }
    }
  }
  return new Map([...found].map(([key, days]) => [key, [...days].sort((a, b) => a - b)]));
}

/**
 * Per export (`file\u0000channel`) and metric its month or quarter rows give, the months or
 * quarters between two of those rows that none of them gives it for (a listening export's
 * mentions by month for April, May, July, August and September, June absent from the file), with
 * those rows (sorted by start; `after` indexes them): the export does not cover those days for that
 * metric, as a daily export does not cover a week of missing rows (`holesByExport`) or of rows
 * without the metric's key (`keyHolesByExport`), and the same two rules hold. A period the file's
 * other month or quarter rows give without the metric is one only where its absence is not none
 * (`absentMeans`: a month row without posts is a month without posts). A file whose missing periods
 * would take more than `HOLES_MAX_SHARE` of its rows' span (January and December alone) keeps its
 * rhythm. Days before the first such row or after the last are where its data start or end (see
 * `sourceSpans`), not holes, and a hole in which the export's day rows give the metric is theirs
 * to cover (`keyHolesByExport`). Per row, not per day: day rows are read only in exports with a hole.
 */
export function coarseHolesByExport(
  rows: readonly MetricRow[],
  metrics: MetricTable,
): Map<string, Map<string, { holes: ExportHole[]; rows: MetricRow[] }>> {
  // Each export's month and quarter rows (a few per file: day rows are not read here).
  const byExport = new Map<string, MetricRow[]>();
  for (const row of rows) {
    if (row.period.kind === 'day') continue;
    const key = `${row.origin.file}\u0000${row.channel}`;
    const list = byExport.get(key);
    if (list) list.push(row);
    else byExport.set(key, [row]);
  }
  const out = new Map<string, Map<string, { holes: ExportHole[]; rows: MetricRow[] }>>();
  for (const [key, list] of byExport) {
    if (list.length < 2 || isAdsExport(list)) continue;
    const sorted = [...list].sort((x, y) => x.period.start - y.period.start || x.period.end - y.period.end);
    // The days the export's month and quarter rows cover, joined (for metrics whose absence is none).
    const covered: Array<[Day, Day]> = [];
    const given = new Map<string, MetricRow[]>();
    for (const row of sorted) {
      const last = covered.at(-1);
      if (last && row.period.start <= last[1] + 1) last[1] = Math.max(last[1], row.period.end);
      else covered.push([row.period.start, row.period.end]);
      for (const metric of metricsOf(row)) {
        const of = given.get(metric);
        if (of) of.push(row);
        else given.set(metric, [row]);
      }
    }
    for (const [metric, of] of given) {
      if (of.length < 2) continue;
      const none = metrics.get(metric)?.absentMeans === 'none';
      const holes: ExportHole[] = [];
      let missing = 0;
      let reach = of[0]!.period.end;
      for (let i = 1; i < of.length; i++) {
        const { start, end } = of[i]!.period;
        if (start > reach + 1) {
          for (const [from, to] of none ? uncovered(reach + 1, start - 1, covered) : [[reach + 1, start - 1] as const]) {
            holes.push({ from, to, after: i });
            missing += to - from + 1;
          }
        }
        if (end > reach) reach = end;
      }
      if (holes.length === 0 || missing > HOLES_MAX_SHARE * (reach - of[0]!.period.start + 1)) continue;
      let m = out.get(key);
      if (!m) out.set(key, (m = new Map()));
      m.set(metric, { holes, rows: of });
    }
  }
  if (out.size === 0) return out;
  // A hole in which the export's day rows give the metric is theirs to cover (its days are checked as a daily export's).
  const filled = new Set<ExportHole>();
  const byFile = new Map<string, Map<string, Map<string, { holes: ExportHole[] }>>>();
  for (const [key, byMetric] of out) {
    const [file, channel] = key.split('\u0000') as [string, string];
    let channels = byFile.get(file);
    if (!channels) byFile.set(file, (channels = new Map()));
    channels.set(channel, byMetric);
  }
  for (const row of rows) {
    if (row.period.kind !== 'day') continue;
    const byMetric = byFile.get(row.origin.file)?.get(row.channel);
    if (!byMetric) continue;
    for (const metric of metricsOf(row)) {
      for (const hole of byMetric.get(metric)?.holes ?? []) {
        if (hole.from <= row.period.start && row.period.start <= hole.to) filled.add(hole);
      }
    }
  }
  if (filled.size === 0) return out;
  for (const [key, byMetric] of out) {
    for (const [metric, found] of byMetric) {
      const holes = found.holes.filter((hole) => !filled.has(hole));
      if (holes.length === 0) byMetric.delete(metric);
      else byMetric.set(metric, { ...found, holes });
    }
    if (byMetric.size === 0) out.delete(key);
  }
  return out;
}

/** The parts of [from, to] outside every range of `covered` (sorted, apart). */
function uncovered(from: Day, to: Day, covered: ReadonlyArray<readonly [Day, Day]>): Array<readonly [Day, Day]> {
  const parts: Array<readonly [Day, Day]> = [];
  let first = from;
  for (const [a, b] of covered) {
    if (b < first) continue;
    if (a > to) break;
    if (a > first) parts.push([first, a - 1]);
    first = b + 1;
  }
  if (first <= to) parts.push([first, to]);
  return parts;
}
