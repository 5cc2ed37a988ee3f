import { type Day, formatDay, joinRanges, monthBounds, monthIndexOf, quarterBounds, quarterIndexOf } from './dates.ts';
import {
  coarseHolesByExport,
  DAILY_MIN_DAYS,
  DAILY_MIN_SHARE,
  HOLE_MIN_DAYS,
  type ExportHole,
  adsDeliveryEnd,
  holesByExport,
  isSpendExport,
  keyHolesByExport,
  splitAtHoles,
  uniqueLeftOut,
} from './exportHoles.ts';
import { ENGAGEMENT_PARTS, FOLLOWER_METRICS, FOLLOWS, type MetricDef, type MetricTable } from './metrics.ts';
import type { Period } from './periods.ts';

/** Where a row came from, so that problems can name it. */
export interface RowOrigin {
  readonly file: string;
  /** Index of the row in the file's `rows` array. */
  readonly row: number;
}

/** One validated row of metric JSON: a channel, a day/month/quarter, metric values. */
export interface MetricRow {
  readonly channel: string;
  readonly period: Period;
  readonly values: Readonly<Record<string, number>>;
  readonly origin: RowOrigin;
}

/**
 * An export with no rows that names its channel and its first and last day (Meta Ads Manager's download of
 * a month without delivery): it covers those days with none of the flows that only the channel's paid
 * campaign exports give (`isSpendExport`: spend, clicks), as a longer download would (red-team 25 #5);
 * not a page's metrics that another export gives, whose holes stay theirs (red-team 28 #1).
 */
export interface EmptyExport {
  readonly file: string;
  readonly channel: string;
  readonly from: Day;
  readonly through: Day;
}

/** The same (channel, period, metric) given twice. */
export interface DuplicateValue {
  readonly channel: string;
  readonly period: string;
  readonly metric: string;
  readonly first: RowOrigin;
  readonly second: RowOrigin;
}

/** A metric aggregated over a range of days. */
export interface Aggregate {
  readonly value: number;
  /** A unique metric summed from finer rows (an upper bound), or summed across channels. */
  readonly approximate: boolean;
  /** With `approximate`: the finer rows leave the metric out of days they cover (see `uniqueLeftOut`), so the sum is no bound. */
  readonly leftOut?: true;
}

/** Entries of one channel × metric while the index is built; rows are referred to by index (negative: derived). */
interface SeriesBuilder {
  days: number[];
  dayValues: number[];
  dayRows: number[];
  months: Map<number, number>;
  monthRows: Map<number, number>;
  quarters: Map<number, number>;
  quarterRows: Map<number, number>;
}

/** Row reference of an entry: the row's index, or −(index + 1) for an engagements value derived from its parts. */
const derivedRef = (i: number): number => -(i + 1);
const rowOf = (ref: number): number => (ref < 0 ? -ref - 1 : ref);

/** One channel × metric: values by day (with prefix sums), by month and by quarter. */
class Series {
  /** Every entry's last day and value, sorted by day (for stocks and data dates). */
  readonly ends: Int32Array;
  readonly endValues: Float64Array;
  private readonly days: Int32Array;
  private readonly prefix: Float64Array;
  /** Day values, summed one by one when prefix sums would pass 2^53 and lose precision. */
  private readonly dayValues: Float64Array;
  private readonly prefixExact: boolean;
  /** Has month or quarter rows. */
  readonly coarse: boolean;
  private readonly months: ReadonlyMap<number, number>;
  private readonly quarters: ReadonlyMap<number, number>;
  /** Days a row of an export giving this unique metric on other days leaves it out, and no row gives it (see `uniqueLeftOut`). */
  private readonly leftOut: Int32Array;

  constructor(
    days: Int32Array,
    dayValues: Float64Array,
    prefix: Float64Array,
    months: ReadonlyMap<number, number>,
    quarters: ReadonlyMap<number, number>,
    leftOut: readonly number[] = [],
  ) {
    this.days = days;
    this.leftOut = Int32Array.from(leftOut.filter((d) => days[lowerBound(days, d)] !== d));
    this.prefix = prefix;
    this.months = months;
    this.quarters = quarters;
    this.dayValues = dayValues;
    let largest = 0;
    for (let i = 0; i < prefix.length; i++) largest = Math.max(largest, Math.abs(prefix[i]!));
    this.prefixExact = largest <= Number.MAX_SAFE_INTEGER;
    this.coarse = months.size > 0 || quarters.size > 0;
    if (months.size === 0 && quarters.size === 0) {
      this.ends = days;
      this.endValues = dayValues;
    } else {
      const entries: Array<[number, number]> = [];
      for (let i = 0; i < days.length; i++) entries.push([days[i]!, dayValues[i]!]);
      for (const [m, v] of months) entries.push([monthBounds(m)[1], v]);
      for (const [q, v] of quarters) entries.push([quarterBounds(q)[1], v]);
      entries.sort((x, y) => x[0] - y[0]);
      this.ends = Int32Array.from(entries, (e) => e[0]);
      this.endValues = Float64Array.from(entries, (e) => e[1]);
    }
  }

  /**
   * Total over [a, b]: a quarter row where the range covers its whole quarter, else
   * month rows for whole months, else day rows. Coarser rows never add to finer ones.
   */
  total(a: Day, b: Day): { value: number; entries: number; exact: boolean } | null {
    if (a > b) return null;
    let value = 0;
    let entries = 0;
    let exact = false;
    for (let q = quarterIndexOf(a), qEnd = quarterIndexOf(b); q <= qEnd; q++) {
      const [qs, qe] = quarterBounds(q);
      const qv = this.quarters.get(q);
      if (qv !== undefined && a <= qs && qe <= b) {
        value += qv;
        entries++;
        exact = a === qs && b === qe;
        continue;
      }
      for (let m = monthIndexOf(Math.max(a, qs)), mEnd = monthIndexOf(Math.min(b, qe)); m <= mEnd; m++) {
        const [ms, me] = monthBounds(m);
        const mv = this.months.get(m);
        if (mv !== undefined && a <= ms && me <= b) {
          value += mv;
          entries++;
          exact = a === ms && b === me;
          continue;
        }
        const lo = Math.max(a, ms);
        const hi = Math.min(b, me);
        const first = lowerBound(this.days, lo);
        const n = lowerBound(this.days, hi + 1) - first;
        if (n > 0) {
          value += this.sumDays(first, n);
          entries += n;
          exact = n === 1 && a === b;
        }
      }
    }
    if (entries === 0) return null;
    return { value, entries, exact: entries === 1 && exact };
  }

  /**
   * Whether `total(a, b)` sums day rows across a day whose row left this unique metric out (see
   * `uniqueLeftOut`): that total counts nothing for people reached that day, so it is no upper bound.
   * A day inside a month or quarter row the total takes instead does not count.
   */
  leftOutIn(a: Day, b: Day): boolean {
    for (let i = lowerBound(this.leftOut, a); i < this.leftOut.length && this.leftOut[i]! <= b; i++) {
      const d = this.leftOut[i]!;
      const q = quarterIndexOf(d);
      const [qs, qe] = quarterBounds(q);
      if (this.quarters.has(q) && a <= qs && qe <= b) continue;
      const m = monthIndexOf(d);
      const [ms, me] = monthBounds(m);
      if (this.months.has(m) && a <= ms && me <= b) continue;
      return true;
    }
    return false;
  }

  /** The sum of `n` day values from index `first`: a prefix difference while prefix sums are exact. */
  private sumDays(first: number, n: number): number {
    if (this.prefixExact) return this.prefix[first + n]! - this.prefix[first]!;
    let sum = 0;
    for (let i = first; i < first + n; i++) sum += this.dayValues[i]!;
    return sum;
  }

  /** Latest value whose entry ends on or before `day`, with that day. */
  lastOnOrBefore(day: Day): { day: Day; value: number } | null {
    const i = lowerBound(this.ends, day + 1) - 1;
    return i >= 0 ? { day: this.ends[i]!, value: this.endValues[i]! } : null;
  }

  /** Latest value whose entry ends in [a, b]. */
  lastIn(a: Day, b: Day): number | null {
    const i = lowerBound(this.ends, b + 1) - 1;
    return i >= 0 && this.ends[i]! >= a ? this.endValues[i]! : null;
  }

  /** The first value whose entry ends in [a, b], with that day. */
  firstIn(a: Day, b: Day): { day: Day; value: number } | null {
    const i = lowerBound(this.ends, a);
    return i < this.ends.length && this.ends[i]! <= b ? { day: this.ends[i]!, value: this.endValues[i]! } : null;
  }

  /** Last day with a value, on or before `upTo`. */
  lastDay(upTo: Day): Day | null {
    const i = lowerBound(this.ends, upTo + 1) - 1;
    return i >= 0 ? this.ends[i]! : null;
  }

  firstDay(): Day | null {
    return this.ends.length > 0 ? this.ends[0]! : null;
  }

  /** Month and quarter rows that overlap [a, b] without lying inside it, as period labels (`2026-08`, `2026-Q3`). */
  partlyIn(a: Day, b: Day): string[] {
    const out: string[] = [];
    const straddles = ([start, end]: readonly [Day, Day]) => start <= b && end >= a && (start < a || end > b);
    for (const q of [...this.quarters.keys()].sort((x, y) => x - y)) {
      const bounds = quarterBounds(q);
      if (straddles(bounds)) {
        const [year, month] = formatDay(bounds[0]).split('-').map(Number);
        out.push(`${year}-Q${(month! - 1) / 3 + 1}`);
      }
    }
    for (const m of [...this.months.keys()].sort((x, y) => x - y)) {
      const bounds = monthBounds(m);
      if (straddles(bounds)) out.push(formatDay(bounds[0]).slice(0, 7));
    }
    return out;
  }

  /**
   * The last day to which a total over [a, …] is whole up to `b`: the day before the first month or
   * quarter row that starts in [a, b] and ends after `b` without finer rows for its days there
   * (`total` counts none of such a row); else `b`.
   */
  wholeTo(a: Day, b: Day): Day {
    let to = b;
    const straddles = (start: Day, end: Day) => start >= a && start <= b && end > b && start - 1 < to;
    const days = (start: Day) => lowerBound(this.days, start) < lowerBound(this.days, b + 1);
    for (const q of this.quarters.keys()) {
      const [start, end] = quarterBounds(q);
      if (!straddles(start, end) || days(start)) continue;
      if (![...this.months.keys()].some((m) => monthBounds(m)[0] >= start && monthBounds(m)[0] <= b)) to = start - 1;
    }
    for (const m of this.months.keys()) {
      const [start, end] = monthBounds(m);
      if (straddles(start, end) && !days(start)) to = start - 1;
    }
    return to;
  }

  /** Whether `day` falls inside a month or quarter row that ends after it (a row cannot be split there). */
  inCoarseRow(day: Day): boolean {
    const m = monthIndexOf(day);
    if (this.months.has(m) && monthBounds(m)[1] > day) return true;
    const q = quarterIndexOf(day);
    return this.quarters.has(q) && quarterBounds(q)[1] > day;
  }

  /** The days of the quarter or month row that holds `day`, or null where neither is given. */
  coarseAround(day: Day): readonly [Day, Day] | null {
    const q = quarterIndexOf(day);
    if (this.quarters.has(q)) return quarterBounds(q);
    const m = monthIndexOf(day);
    return this.months.has(m) ? monthBounds(m) : null;
  }

  /** The first day of the earliest month or quarter row that ends before `day`, or null. */
  firstCoarseBefore(day: Day): Day | null {
    let first: Day | null = null;
    for (const m of this.months.keys()) {
      const [start, end] = monthBounds(m);
      if (end < day && (first === null || start < first)) first = start;
    }
    for (const q of this.quarters.keys()) {
      const [start, end] = quarterBounds(q);
      if (end < day && (first === null || start < first)) first = start;
    }
    return first;
  }

  /** Days in [a, b] on which an entry ends. */
  endsIn(a: Day, b: Day): Int32Array {
    return this.ends.subarray(lowerBound(this.ends, a), lowerBound(this.ends, b + 1));
  }
}

/** Spans of days per channel and metric (see `sourceSpans`). */
type SpansByMetric = Map<string, Map<string, Array<readonly [Day, Day]>>>;

/**
 * Per channel and metric, the spans of the files giving it, split at their holes (see
 * `MetricIndex.coverageGaps`, `exportHoles`; for a metric a file gives in month or quarter rows,
 * the months or quarters missing between two of them: `coarseHolesByExport`), and the spans its data reach (`ends`, see
 * `MetricIndex.coverageEnd`): the same, except that a metric a file gives in month or quarter rows
 * only ends where its own last row there ends, not with the file's other rows nor its `through`
 * (new customers as month rows to August beside a Q3 quarter row of NPS in one survey file end on
 * 31 August: red-team 12 #4), and a metric it gives in day rows only ends with its last day row
 * or its `through` (red-team 15 #2). A file's span starts at its `from` day where it gives one, else
 * at its first row; for a metric it gives in day rows, at its day rows' first (not a month row of
 * another metric a week or more before: red-team 16 #7), or at its own first row where it appears a
 * week or more after them in a daily export (red-team 16 #4). `knownStarts` holds the first span of
 * each metric whose export says where its data start (see `MetricIndex.inputStart`).
 */
function sourceSpans(
  rows: readonly MetricRow[],
  metrics: MetricTable,
  through: ReadonlyMap<string, Day>,
  from: ReadonlyMap<string, Day>,
  empty: readonly EmptyExport[],
): {
  files: SpansByMetric;
  ends: SpansByMetric;
  postStarts: ReadonlySet<readonly [Day, Day]>;
  knownStarts: ReadonlySet<readonly [Day, Day]>;
  campaignStarts: ReadonlySet<readonly [Day, Day]>;
  downloadStarts: ReadonlySet<readonly [Day, Day]>;
  campaignFrom: ReadonlyMap<readonly [Day, Day], Day>;
  firstGiven: ReadonlyMap<string, Day>;
  emptyMetrics: ReadonlyMap<string, readonly string[]>;
} {
  const spans = new Map<string, [Day, Day]>();
  const files = new Map<string, Map<string, Set<string>>>();
  // `file\u0000channel\u0000metric` of the metrics a file's month or quarter rows give: those rows cover them.
  const coarse = new Set<string>();
  // The same for the metrics its day rows give, and the last day of the coarse rows giving each metric.
  const daily = new Set<string>();
  const lastOwn = new Map<string, Day>();
  const firstOwn = new Map<string, Day>();
  // Per `channel\u0000metric`: the first day of the first row giving it (in any file).
  const firstGiven = new Map<string, Day>();
  // Ads exports (`file\u0000channel`, see `isAdsExport`), whose metrics start with their campaign.
  const ads = new Set<string>();
  const byExport = new Map<string, MetricRow[]>();
  // Per `file\u0000channel\u0000metric` given in day rows: its distinct days with a row, first and last.
  const ownDays = new Map<string, { days: Set<Day>; first: Day; last: Day }>();
  const given = (keyMetric: string, { kind, start, end }: Period): void => {
    if (kind === 'day') {
      daily.add(keyMetric);
      const d = ownDays.get(keyMetric);
      if (!d) ownDays.set(keyMetric, { days: new Set([start]), first: start, last: start });
      else {
        d.days.add(start);
        if (start < d.first) d.first = start;
        if (start > d.last) d.last = start;
      }
    } else {
      coarse.add(keyMetric);
      if (end > (lastOwn.get(keyMetric) ?? -Infinity)) lastOwn.set(keyMetric, end);
      if (start < (firstOwn.get(keyMetric) ?? Infinity)) firstOwn.set(keyMetric, start);
    }
  };
  // Each export's distinct days with a day row, and the first and last of them.
  const dayRows = new Map<string, { file: string; days: Set<Day>; first: Day; last: Day }>();
  // Per file and channel, the export's key and, per metric, the names it is kept under: found once per
  // export and metric, not built again for each row (a daily export has a row a day, each with many metrics).
  const names = new Map<string, Map<string, { key: string; metrics: Map<string, MetricNames> }>>();
  interface MetricNames {
    readonly keyMetric: string;
    readonly channelMetric: string;
    readonly part: boolean;
  }
  const exportNames = (file: string, channel: string): { key: string; metrics: Map<string, MetricNames> } => {
    let byChannel = names.get(file);
    if (!byChannel) names.set(file, (byChannel = new Map()));
    let found = byChannel.get(channel);
    if (!found) byChannel.set(channel, (found = { key: `${file}\u0000${channel}`, metrics: new Map() }));
    return found;
  };
  for (const row of rows) {
    const exported = exportNames(row.origin.file, row.channel);
    const key = exported.key;
    if (row.period.kind === 'day') {
      const d = dayRows.get(key);
      if (!d)
        dayRows.set(key, {
          file: row.origin.file,
          days: new Set([row.period.start]),
          first: row.period.start,
          last: row.period.start,
        });
      else {
        d.days.add(row.period.start);
        if (row.period.start < d.first) d.first = row.period.start;
        if (row.period.start > d.last) d.last = row.period.start;
      }
    }
    const span = spans.get(key);
    if (!span)
      spans.set(key, [
        Math.min(row.period.start, from.get(row.origin.file) ?? row.period.start),
        Math.max(row.period.end, through.get(row.origin.file) ?? row.period.end),
      ]);
    else {
      if (row.period.start < span[0]) span[0] = row.period.start;
      if (row.period.end > span[1]) span[1] = row.period.end;
    }
    let byMetric = files.get(row.channel);
    if (!byMetric) files.set(row.channel, (byMetric = new Map()));
    let parts = false;
    const exportRows = byExport.get(key);
    if (exportRows) exportRows.push(row);
    else byExport.set(key, [row]);
    for (const metric in row.values) {
      let n = exported.metrics.get(metric);
      if (!n) {
        n = {
          keyMetric: `${key}\u0000${metric}`,
          channelMetric: `${row.channel}\u0000${metric}`,
          part: (ENGAGEMENT_PARTS as readonly string[]).includes(metric),
        };
        exported.metrics.set(metric, n);
        let set = byMetric.get(metric);
        if (!set) byMetric.set(metric, (set = new Set()));
        set.add(key);
      }
      if (row.period.start < (firstGiven.get(n.channelMetric) ?? Infinity)) firstGiven.set(n.channelMetric, row.period.start);
      given(n.keyMetric, row.period);
      if (n.part) parts = true;
    }
    if (parts) {
      let set = byMetric.get('engagements');
      if (!set) byMetric.set('engagements', (set = new Set()));
      set.add(key);
      given(`${key}\u0000engagements`, row.period);
    }
  }
  // An export with no rows covers its days for each flow only the channel's paid campaign exports give: none of
  // them there. It says where it starts (its `from`), as a fixed download does: days between it and the export
  // before it are unknown.
  // The flows an ads export of the channel gives and no other export gives in the empty export's quarters (a page
  // export's impressions there are its own to cover; one that ended in an earlier quarter says nothing of them).
  const spendExports = new Set([...byExport].filter(([, list]) => isSpendExport(list)).map(([k]) => k));
  const paidOnly = (e: EmptyExport): string[] => {
    const [from, to] = [quarterBounds(quarterIndexOf(e.from))[0], quarterBounds(quarterIndexOf(e.through))[1]];
    const inQuarters = (k: string) => spans.get(k)![0] <= to && spans.get(k)![1] >= from;
    return [...(files.get(e.channel) ?? [])]
      .filter(
        ([metric, keys]) =>
          metrics.get(metric)?.aggregation === 'flow' &&
          [...keys].some((k) => spendExports.has(k)) &&
          [...keys].every((k) => spendExports.has(k) || !inQuarters(k)),
      )
      .map(([metric]) => metric)
      .sort();
  };
  const emptyKeys = new Set<string>();
  const emptyMetrics = new Map<string, readonly string[]>();
  const coveredBy = empty.map((e) => paidOnly(e));
  for (const [i, e] of empty.entries()) {
    const key = `${e.file}\u0000${e.channel}`;
    const covered = coveredBy[i]!;
    emptyMetrics.set(e.file, covered);
    if (covered.length === 0) continue;
    for (const metric of covered) files.get(e.channel)!.get(metric)!.add(key);
    emptyKeys.add(key);
    spans.set(key, [e.from, e.through]);
  }
  // The last day each ads export's campaign delivered: rows after it (conversions attributed later) are its tail.
  const delivered = new Map<string, Day>();
  for (const [key, list] of byExport) {
    const end = adsDeliveryEnd(list);
    if (end === null) continue;
    ads.add(key);
    delivered.set(key, end);
  }
  const holes = holesByExport(rows);
  const keyHoles = keyHolesByExport(rows, metrics);
  const coarseHoles = coarseHolesByExport(rows, metrics);
  // Per-post exports (rows on the days something was published): their first row is their first post, not
  // where they start (see `MetricIndex.coverageGaps`), unless they say where they start (`from`).
  const perPost = new Set<string>();
  for (const [key, { file, days, first, last }] of dayRows)
    if (!from.has(file) && last - first + 1 >= DAILY_MIN_DAYS && days.size < DAILY_MIN_SHARE * (last - first + 1))
      perPost.add(key);
  const postStarts = new Set<readonly [Day, Day]>();
  // A metric a daily export gave day by day and then stopped giving while its daily rows went on (Meta
  // dropping impressions from an export in May: red-team 15 #1) ends at its own last row, as a file's
  // month rows of a metric do; unless its missing key means none of it (a paused campaign's spend). A stock
  // too (follower totals to 15 August: red-team 23 #4); where follows carry the count on, they are its end.
  const isDaily = (days: number, span: number) => span >= DAILY_MIN_DAYS && days >= DAILY_MIN_SHARE * span;
  // A metric a daily export gives day by day, in day rows only, whose missing key is unknown, not none: its own
  // days and its export's (the metrics whose run inside their export may stop early or start late). A stock's
  // run may stop early (follower totals to 15 August in an export to 30 September: red-team 23 #4), not start
  // late (a count needs no days before it).
  // A count need not be given daily: counts on the 1st of each month inside a daily export end at the last one,
  // as they would in a file of their own (red-team 24 #3).
  const dailyRun = (k: string, metric: string, stock = false) => {
    const own = ownDays.get(`${k}\u0000${metric}`);
    const all = dayRows.get(k);
    const def = metrics.get(metric);
    const isStock = def?.aggregation === 'stock';
    if (!own || !all || coarse.has(`${k}\u0000${metric}`) || def?.absentMeans === 'none' || (isStock && !stock)) return null;
    // The export's holes (a week it missed) are not days the metric was left out of (red-team 26 #2).
    const missed = (first: Day, last: Day) =>
      (holes.get(k)?.holes ?? []).reduce((n, h) => n + Math.max(0, Math.min(h.to, last) - Math.max(h.from, first) + 1), 0);
    return isDaily(all.days.size, all.last - all.first + 1 - missed(all.first, all.last)) &&
      (isStock || isDaily(own.days.size, own.last - own.first + 1 - missed(own.first, own.last)))
      ? { own, all }
      : null;
  };
  // In an ads export, against the campaign's last day of delivery: clicks end with it, not with the rows of
  // conversions attributed after it (red-team 25 #6).
  const stopsEarly = (k: string, metric: string): Day | null => {
    const run = dailyRun(k, metric, true);
    return run && (delivered.get(k) ?? run.all.last) - run.own.last >= HOLE_MIN_DAYS ? run.own.last : null;
  };
  // Where a metric starts apart from its export, the mirror of `stopsEarly`: a daily export whose rows
  // gave it only from a week or more after their first day (clicks added to the export on 20 March: red-team
  // 16 #4) starts it at its own first row; what the export says of it before is nothing, not none. Against the
  // export's first row, not its `from`: an export whose rows all start a month after its `from` (an ads export
  // from 1 April whose campaign began on 1 May) says its days before were without activity (rt18 #3, #5).
  const startsLate = (k: string, metric: string): Day | null => {
    const run = dailyRun(k, metric);
    return run && run.own.first - run.all.first >= HOLE_MIN_DAYS ? run.own.first : null;
  };
  // A metric a file gives in day rows only starts with its day rows (or its `from`), not with a month or
  // quarter row of another metric a week or more before them (April's reach beside impressions from 1 May:
  // red-team 16 #7), as it ends with them (`dayRowsEnd`).
  const dayRowsStart = (k: string): Day | null => {
    const all = dayRows.get(k);
    if (!all) return null;
    const start = Math.min(all.first, from.get(all.file) ?? all.first);
    return start - spans.get(k)![0] >= HOLE_MIN_DAYS ? start : null;
  };
  // A metric a file gives in day rows only ends with its day rows (or its `through`), not with a month or
  // quarter row of another metric a week or more after them (June's reach beside impressions to the 20th:
  // red-team 15 #2). A daily export's shorter tail too: its day rows stop on the day before it was downloaded
  // while the month's reach runs to the month's end (rows to the 28th, September's reach to date: red-team 16
  // #1); a sparse file's shorter tail (rows on the days something happened) is days without any, as before.
  const dayRowsEnd = (k: string): Day | null => {
    const all = dayRows.get(k);
    if (!all) return null;
    const end = Math.max(all.last, through.get(all.file) ?? all.last);
    const tail = spans.get(k)![1] - end;
    return tail >= HOLE_MIN_DAYS || (tail > 0 && isDaily(all.days.size, all.last - all.first + 1)) ? end : null;
  };
  // An export says where its data start when it gives its `from` day or has a row on nearly every day
  // (see `knownSpans`): the first span of a metric it gives in day rows starts there, or where the metric starts in it.
  // A total given in month or quarter rows starts on its first row's first day, as daily rows from that day would
  // (clicks as a monthly overview from August beside a daily page export since April: red-team 21 #4); before it,
  // it is unknown, not none. Not a reach (each row only an upper bound of its days), nor a stock.
  const coarseStart = (k: string, metric: string): Day | null => {
    const keyMetric = `${k}\u0000${metric}`;
    const aggregation = metrics.get(metric)?.aggregation;
    const first = firstOwn.get(keyMetric);
    if (first === undefined || aggregation === 'unique' || aggregation === 'stock') return null;
    return Math.min(first, ownDays.get(keyMetric)?.first ?? first);
  };
  const saysStart = (k: string): boolean => {
    const all = dayRows.get(k);
    if (!all) return false;
    return from.has(all.file) || isDaily(all.days.size, all.last - all.first + 1);
  };
  const knownStarts = new Set<readonly [Day, Day]>();
  const campaignStarts = new Set<readonly [Day, Day]>();
  const downloadStarts = new Set<readonly [Day, Day]>();
  const campaignFrom = new Map<readonly [Day, Day], Day>();
  const out: SpansByMetric = new Map();
  const ends: SpansByMetric = new Map();
  for (const [channel, byMetric] of files) {
    const m = new Map<string, Array<readonly [Day, Day]>>();
    const endsOf = new Map<string, Array<readonly [Day, Day]>>();
    for (const [metric, keys] of byMetric) {
      const list: Array<readonly [Day, Day]> = [];
      const own: Array<readonly [Day, Day]> = [];
      for (const k of keys) {
        const keyMetric = `${k}\u0000${metric}`;
        // A hole inside a daily export, or a run of its rows without the metric, is days it does not cover (see
        // `exportHoles`), unless the export's month or quarter rows give the metric (its reach by month): then
        // the months or quarters missing between two of those rows are (`coarseHolesByExport`).
        const inside = coarse.has(keyMetric)
          ? (coarseHoles.get(k)?.get(metric)?.holes ?? [])
          : mergeHoles(holes.get(k)?.holes ?? [], keyHoles.get(k)?.get(metric)?.holes ?? []);
        const span = spans.get(k)!;
        const fromRows = coarse.has(keyMetric) ? coarseStart(k, metric) : null;
        const start = coarse.has(keyMetric) ? (fromRows ?? span[0]) : (startsLate(k, metric) ?? dayRowsStart(k) ?? span[0]);
        const after = start === span[0] ? inside : inside.filter((hole) => hole.to >= start);
        const file = splitAtHoles([start, span[1]], after);
        if (perPost.has(k)) postStarts.add(file[0]!);
        if (emptyKeys.has(k)) {
          knownStarts.add(file[0]!);
          downloadStarts.add(file[0]!);
        }
        // An ads export's first row is where its campaign began: none of its metrics before, not unknown (red-team 11 #1),
        // whether it is the channel's first or a new campaign after a pause (rt18 #4); a key added to it a week in is
        // unknown back to that start only (rt18 #9).
        const late = start !== span[0] && start !== dayRowsStart(k);
        if (fromRows !== null || (!coarse.has(keyMetric) && (late || (saysStart(k) && !ads.has(k))))) knownStarts.add(file[0]!);
        // Not one that says where it starts (`from`): a download of a fixed month or quarter, whose days before are
        // another download's, missing if none covers them (July's, between June's and August's: red-team 27 #1, #2).
        if (ads.has(k) && !coarse.has(keyMetric)) {
          if (late) campaignFrom.set(file[0]!, span[0]);
          else if (from.has(dayRows.get(k)?.file ?? '')) downloadStarts.add(file[0]!);
          else campaignStarts.add(file[0]!);
        }
        list.push(...file);
        // Month or quarter rows alone: from where the file starts (as a whole file) to its last row of the metric;
        // so a metric a daily export stopped giving.
        const end = coarse.has(keyMetric)
          ? daily.has(keyMetric)
            ? null
            : lastOwn.get(keyMetric)!
          : (stopsEarly(k, metric) ?? dayRowsEnd(k));
        const ownSpans = end === null ? file : splitAtHoles([file[0]![0], end], after).filter(([a, b]) => a <= b);
        const dailyExport =
          dayRows.has(k) && isDaily(dayRows.get(k)!.days.size, dayRows.get(k)!.last - dayRows.get(k)!.first + 1);
        own.push(
          ...(coarse.has(keyMetric) || !dailyExport
            ? ownSpans
            : sparseCounts(ownSpans, metrics.get(metric), ownDays.get(keyMetric))),
        );
      }
      m.set(metric, list);
      endsOf.set(metric, own);
    }
    out.set(channel, m);
    ends.set(channel, endsOf);
  }
  return { files: out, ends, postStarts, knownStarts, campaignStarts, downloadStarts, campaignFrom, firstGiven, emptyMetrics };
}

/** The last day a count given on `day` stands for: it is the count while under a week old (`sparseCounts`, `staleOpening`). */
function countStandsTo(day: Day): Day {
  return day + HOLE_MIN_DAYS - 1;
}

/**
 * A count (a stock) given on some days only, a week or more apart, in a daily export (follower totals
 * on the 1st of each month beside impressions every day), stands for the days after it while it is
 * under a week old: the spans leave out the days from a week after each count to the next one (or to
 * their end), so that a period ending two or six days after its last count is known to its end, and one
 * ending a week or more after it is known to that count only (`coverageEnd` reports its day: 1 September's
 * is not 30 September's, red-team 24 #3, 25 #2). By the count's age, not the run after it: a missed count
 * in the next quarter does not unsettle this one (red-team 27 #4). Spans of any other metric, or of counts
 * given more often, are kept.
 */
function sparseCounts(
  spans: ReadonlyArray<readonly [Day, Day]>,
  def: MetricDef | undefined,
  own: { days: ReadonlySet<Day> } | undefined,
): Array<readonly [Day, Day]> {
  if (def?.aggregation !== 'stock' || !own) return [...spans];
  const days = [...own.days].sort((x, y) => x - y);
  const holes: ExportHole[] = [];
  for (let i = 0; i < days.length; i++) {
    const next = i + 1 < days.length ? days[i + 1]! : Infinity;
    const stands = countStandsTo(days[i]!);
    if (next - 1 > stands) holes.push({ from: stands + 1, to: next === Infinity ? Infinity : next - 1, after: i + 1 });
  }
  if (holes.length === 0) return [...spans];
  // Each span without the days in it on which its last count is a week old or more.
  return spans.flatMap(([a, b]) =>
    splitAtHoles(
      [a, b],
      holes.map((h) => ({ ...h, from: Math.max(h.from, a), to: Math.min(h.to, b) })).filter((h) => h.from <= h.to),
    ).filter(([x, y]) => x <= y),
  );
}

/** Two lists of holes as one, sorted, overlapping ones joined. */
function mergeHoles(a: readonly ExportHole[], b: readonly ExportHole[]): ExportHole[] {
  if (b.length === 0) return [...a];
  const out: ExportHole[] = [];
  for (const hole of [...a, ...b].sort((x, y) => x.from - y.from)) {
    const last = out.at(-1);
    if (last && hole.from <= last.to + 1) out[out.length - 1] = { ...last, to: Math.max(last.to, hole.to) };
    else out.push(hole);
  }
  return out;
}

/**
 * Per channel, the files that give a `through` day: from their `from` day, else their first row, to
 * that day (see `MetricIndex.lastDay`).
 */
function throughSpans(
  rows: readonly MetricRow[],
  through: ReadonlyMap<string, Day>,
  from: ReadonlyMap<string, Day>,
  empty: readonly EmptyExport[],
): Map<string, Array<readonly [Day, Day]>> {
  const spans = new Map<string, [string, Day, Day]>(
    empty.map((e) => [`${e.file}\u0000${e.channel}`, [e.channel, e.from, e.through]]),
  );
  for (const row of rows) {
    const end = through.get(row.origin.file);
    if (end === undefined) continue;
    const key = `${row.origin.file}\u0000${row.channel}`;
    const span = spans.get(key);
    if (!span) spans.set(key, [row.channel, Math.min(row.period.start, from.get(row.origin.file) ?? row.period.start), end]);
    else if (row.period.start < span[1]) span[1] = row.period.start;
  }
  const out = new Map<string, Array<readonly [Day, Day]>>();
  for (const [channel, first, end] of spans.values()) {
    let list = out.get(channel);
    if (!list) out.set(channel, (list = []));
    list.push([first, end]);
  }
  return out;
}

/**
 * Per channel, the days its exports are known to cover (see `MetricIndex.lastDay`): each export's
 * day rows from its `from` day, else the first, to its `through`, else to its last day row, split at its holes, and its
 * month and quarter rows. A month or quarter row of reach alone (in an export of its own or beside
 * day rows in the same file) covers its days only where no export of the channel has day rows in
 * that row's quarter: a month row of reach (itself only an upper bound) beside daily exports
 * downloaded on the 10th does not make the channel's daily flows known to the month's end
 * (red-team 7 #5), nor does one for May start a channel whose day rows start on 15 May (red-team
 * 11 #7), while a channel whose exports are all month rows covers their months. A month row of a
 * summed or stock metric (September's impressions beside daily rows to 31 August) is September's
 * figure, counted by goals and the KPI table, and covers its days (red-team 9 #2). A span is
 * flagged `coarse` when it is one month or quarter row (a range ending inside it cannot count it),
 * `daily` when its export says where its data start: it has a row on nearly every day (its first
 * row is where its data start, not a first post), or gives its `from` day.
 */
function knownSpans(
  rows: readonly MetricRow[],
  through: ReadonlyMap<string, Day>,
  from: ReadonlyMap<string, Day>,
  empty: readonly EmptyExport[],
  unique: (metric: string) => boolean,
  stock: (metric: string) => boolean = () => false,
): Map<string, KnownSpan[]> {
  interface Export {
    readonly channel: string;
    /** Its `from` day, if it gives one. */
    readonly from: Day | undefined;
    days: [Day, Day] | null;
    readonly dayRows: Set<Day>;
    readonly coarse: Map<string, readonly [Day, Day]>;
    /** The coarse rows that give a summed or stock metric (not reach alone). */
    readonly whole: Set<string>;
    /** Whether every row gives counts at a day only (followers): it covers no days of anything else. */
    countsOnly: boolean;
  }
  const exports = new Map<string, Export>();
  for (const row of rows) {
    const key = `${row.origin.file}\u0000${row.channel}`;
    let e = exports.get(key);
    if (!e) {
      const first = from.get(row.origin.file);
      exports.set(
        key,
        (e = {
          channel: row.channel,
          from: first,
          days: null,
          dayRows: new Set(),
          coarse: new Map(),
          whole: new Set(),
          countsOnly: true,
        }),
      );
    }
    const { kind, start, end } = row.period;
    if (e.countsOnly && Object.keys(row.values).some((metric) => !stock(metric))) e.countsOnly = false;
    if (kind !== 'day') {
      e.coarse.set(`${start}:${end}`, [start, end]);
      if (Object.keys(row.values).some((metric) => !unique(metric))) e.whole.add(`${start}:${end}`);
    } else e.dayRows.add(start);
    if (kind !== 'day') continue;
    if (!e.days) e.days = [Math.min(start, e.from ?? start), Math.max(start, through.get(row.origin.file) ?? start)];
    else {
      if (start < e.days[0]) e.days[0] = start;
      if (start > e.days[1]) e.days[1] = start;
    }
  }
  const holes = holesByExport(rows);
  const out = new Map<string, KnownSpan[]>();
  const listOf = (channel: string) => {
    let list = out.get(channel);
    if (!list) out.set(channel, (list = []));
    return list;
  };
  const dailyQuarters = new Map<string, Set<number>>();
  for (const e of empty) listOf(e.channel).push([e.from, e.through, false, 'from', false]);
  for (const [key, { channel, from: first, days, dayRows, countsOnly }] of exports) {
    if (!days) continue;
    // Rows on (nearly) every day of its rows' span: a daily export, whose first row is where its data start;
    // or an export that says where it starts (`from`).
    const rowsSpan = Math.max(...dayRows) - Math.min(...dayRows) + 1;
    const start: KnownStart =
      first !== undefined ? 'from' : rowsSpan >= DAILY_MIN_DAYS && dayRows.size >= DAILY_MIN_SHARE * rowsSpan ? 'daily' : null;
    let quarters = dailyQuarters.get(channel);
    if (!quarters) dailyQuarters.set(channel, (quarters = new Set()));
    for (let q = quarterIndexOf(days[0]); q <= quarterIndexOf(days[1]); q++) quarters.add(q);
    for (const [a, b] of splitAtHoles(days, holes.get(key)?.holes ?? [])) listOf(channel).push([a, b, false, start, countsOnly]);
  }
  // Month and quarter rows, in an export of their own or beside day rows in one file (a Business
  // Suite export): reach alone covers its days only in quarters without the channel's day rows
  // (red-team 11 #7: reach rows from May started a channel whose day rows start on 15 May on 1 May).
  for (const { channel, coarse, whole, countsOnly } of exports.values()) {
    for (const [key, [a, b]] of coarse)
      if (whole.has(key) || !dailyQuarters.get(channel)?.has(quarterIndexOf(a)))
        listOf(channel).push([a, b, true, whole.has(key) && !countsOnly ? 'months' : null, countsOnly]);
  }
  return out;
}

/**
 * Days a channel's exports are known to cover, whether they are one month or quarter row, and how
 * their export says where its data start (see `KnownStart`).
 */
type KnownSpan = readonly [first: Day, last: Day, coarse: boolean, start: KnownStart, countsOnly: boolean];

/**
 * How an export says where its data start: `daily`, a row on nearly every day (its first row);
 * `from`, its `from` day; `months`, a month or quarter row of totals, which covers its whole month
 * (a channel's first such row for May starts it on 1 May: red-team 19 #2, as daily rows from 1 May
 * do); null when it does not say (a per-post export's first row is a first post, a row of reach
 * alone only an upper bound).
 */
export type KnownStart = 'daily' | 'from' | 'months' | null;

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A channel's followers at a day or their change over a range, and whether daily follows went into it. */
export interface FollowerFigure {
  readonly value: number;
  /** Computed from `new_followers` − `lost_followers` (for all or part of the range), not from totals alone. */
  readonly netFollows: boolean;
}

/**
 * Every metric value, indexed by channel and metric for fast aggregation over any
 * range of days. Built once from validated rows; pure and immutable afterwards.
 */
export class MetricIndex {
  private readonly series: ReadonlyMap<string, ReadonlyMap<string, Series>>;
  /** Per channel and metric, the spans (first day, last day of the channel's rows) of the files that give it. */
  private readonly sources: ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<readonly [Day, Day]>>>;
  /** The same, where a file gives the metric in month or quarter rows only, to its own rows' last day (see `sourceSpans`). */
  private readonly ends: ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<readonly [Day, Day]>>>;
  /** Per channel, the files that say how far their export reaches (`through`): from their first row to that day. */
  private readonly throughSpans: ReadonlyMap<string, ReadonlyArray<readonly [Day, Day]>>;
  /** Per channel, the days its exports are known to cover (see `knownSpans`). */
  private readonly known: ReadonlyMap<string, readonly KnownSpan[]>;
  /** The first span of each per-post export: its first row is its first post (see `coverageGaps`). */
  private readonly postStarts: ReadonlySet<readonly [Day, Day]>;
  /** The spans whose first day is where their export says the metric's data start (see `sourceSpans`, `inputStart`). */
  private readonly knownStarts: ReadonlySet<readonly [Day, Day]>;
  /** The first span of each metric of an ads export (one that gives spend): where its campaign began, none before. */
  private readonly campaignStarts: ReadonlySet<readonly [Day, Day]>;
  /** The first span of each metric of an ads export that says where it starts (`from`): a download of a fixed range. */
  private readonly downloadStarts: ReadonlySet<readonly [Day, Day]>;
  /** A metric's span that starts a week or more into an ads export, with the export's first day (its campaign's). */
  private readonly campaignFrom: ReadonlyMap<readonly [Day, Day], Day>;
  /** Per `channel\u0000metric`, the first day of the first row giving it (see `sourceSpans`). */
  private readonly firstGiven: ReadonlyMap<string, Day>;
  /** Per channel, the days of its rows that give `engagements` itself, joined (elsewhere it is the sum of its parts: `derivedParts`). */
  private readonly explicitEngagements: ReadonlyMap<string, ReadonlyArray<readonly [Day, Day]>>;
  /** Per file of an export with no rows (see `EmptyExport`), the flows it covers; none where its channel has no paid campaign export. */
  readonly emptyMetrics: ReadonlyMap<string, readonly string[]>;
  /** Per `channel\u0000metric`, the days exports with no rows cover: none of the metric there. */
  private readonly emptySpans: ReadonlyMap<string, ReadonlyArray<readonly [Day, Day]>>;
  readonly metrics: MetricTable;

  private constructor(
    series: ReadonlyMap<string, ReadonlyMap<string, Series>>,
    sources: {
      files: SpansByMetric;
      ends: SpansByMetric;
      postStarts: ReadonlySet<readonly [Day, Day]>;
      knownStarts: ReadonlySet<readonly [Day, Day]>;
      campaignStarts: ReadonlySet<readonly [Day, Day]>;
      downloadStarts: ReadonlySet<readonly [Day, Day]>;
      campaignFrom: ReadonlyMap<readonly [Day, Day], Day>;
      firstGiven: ReadonlyMap<string, Day>;
      emptyMetrics: ReadonlyMap<string, readonly string[]>;
    },
    metrics: MetricTable,
    throughSpans: ReadonlyMap<string, ReadonlyArray<readonly [Day, Day]>>,
    known: ReadonlyMap<string, readonly KnownSpan[]>,
    explicitEngagements: ReadonlyMap<string, ReadonlyArray<readonly [Day, Day]>>,
    empty: readonly EmptyExport[],
  ) {
    this.series = series;
    this.emptyMetrics = sources.emptyMetrics;
    const emptySpans = new Map<string, Array<readonly [Day, Day]>>();
    for (const e of empty)
      for (const metric of sources.emptyMetrics.get(e.file) ?? []) {
        const key = `${e.channel}\u0000${metric}`;
        emptySpans.set(key, [...(emptySpans.get(key) ?? []), [e.from, e.through]]);
      }
    this.emptySpans = emptySpans;
    this.explicitEngagements = explicitEngagements;
    this.sources = sources.files;
    this.ends = sources.ends;
    this.postStarts = sources.postStarts;
    this.knownStarts = sources.knownStarts;
    this.campaignStarts = sources.campaignStarts;
    this.downloadStarts = sources.downloadStarts;
    this.campaignFrom = sources.campaignFrom;
    this.firstGiven = sources.firstGiven;
    this.metrics = metrics;
    this.throughSpans = throughSpans;
    this.known = known;
  }

  /** Channels that have any data, sorted. */
  get channels(): string[] {
    return [...this.series.keys()].sort();
  }

  /**
   * Builds the index and reports every (channel, period, metric) given twice. `through` gives,
   * by file, the last day its export covers where the file says (else its last row's day), and
   * `from` the first (else its first row's day). `empty` are the exports without rows that cover days
   * (see `EmptyExport`); those of a channel without any row say nothing and are left out.
   */
  static build(
    rows: readonly MetricRow[],
    metrics: MetricTable,
    through: ReadonlyMap<string, Day> = new Map(),
    from: ReadonlyMap<string, Day> = new Map(),
    empty: readonly EmptyExport[] = [],
  ): { index: MetricIndex; duplicates: DuplicateValue[] } {
    const builders = new Map<string, Map<string, SeriesBuilder>>();
    const duplicates: DuplicateValue[] = [];
    const duplicate = (channel: string, period: string, metric: string, first: number, second: number): void => {
      duplicates.push({ channel, period, metric, first: rows[rowOf(first)]!.origin, second: rows[rowOf(second)]!.origin });
    };
    const add = (byMetric: Map<string, SeriesBuilder>, row: MetricRow, ref: number, metric: string, value: number): void => {
      let b = byMetric.get(metric);
      if (!b) {
        b = {
          days: [],
          dayValues: [],
          dayRows: [],
          months: new Map(),
          monthRows: new Map(),
          quarters: new Map(),
          quarterRows: new Map(),
        };
        byMetric.set(metric, b);
      }
      const { kind, start } = row.period;
      if (kind === 'day') {
        b.days.push(start);
        b.dayValues.push(value);
        b.dayRows.push(ref);
        return;
      }
      const isMonth = kind === 'month';
      const key = isMonth ? monthIndexOf(start) : quarterIndexOf(start);
      const values = isMonth ? b.months : b.quarters;
      const refs = isMonth ? b.monthRows : b.quarterRows;
      const previous = refs.get(key);
      if (previous !== undefined) {
        // Engagements derived from parts given in several rows add up; a given value wins over derived ones.
        if (ref < 0) {
          if (previous < 0) values.set(key, values.get(key)! + value);
          return;
        }
        if (previous >= 0) {
          duplicate(row.channel, row.period.label, metric, previous, ref);
          return;
        }
      }
      values.set(key, value);
      refs.set(key, ref);
    };
    const engagementParts = new Set<string>(ENGAGEMENT_PARTS);
    const explicitDays = new Map<string, Array<readonly [Day, Day]>>();
    let lastChannel: string | null = null;
    let byMetric = new Map<string, SeriesBuilder>();
    rows.forEach((row, i) => {
      if (row.channel !== lastChannel) {
        lastChannel = row.channel;
        let m = builders.get(row.channel);
        if (!m) builders.set(row.channel, (m = new Map()));
        byMetric = m;
      }
      let hasEngagements = false;
      let parts = 0;
      let partsFound = false;
      for (const metric in row.values) {
        const value = row.values[metric]!;
        add(byMetric, row, i, metric, value);
        if (metric === 'engagements') {
          hasEngagements = true;
          const list = explicitDays.get(row.channel);
          if (list) list.push([row.period.start, row.period.end]);
          else explicitDays.set(row.channel, [[row.period.start, row.period.end]]);
        } else if (engagementParts.has(metric)) {
          parts += value;
          partsFound = true;
        }
      }
      if (!hasEngagements && partsFound) add(byMetric, row, derivedRef(i), 'engagements', parts);
    });

    const series = new Map<string, Map<string, Series>>();
    const leftOut = uniqueLeftOut(rows, metrics);
    const covering = empty.filter((e) => builders.has(e.channel));
    for (const channel of [...builders.keys()].sort()) {
      const out = new Map<string, Series>();
      for (const [metric, b] of [...builders.get(channel)!].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        let sorted = true;
        for (let i = 1; i < b.days.length && sorted; i++) sorted = b.days[i - 1]! < b.days[i]!;
        const days: number[] = sorted ? b.days : [];
        const values: number[] = sorted ? b.dayValues : [];
        if (!sorted) {
          const order = b.days.map((_, i) => i).sort((i, j) => b.days[i]! - b.days[j]! || i - j);
          const refs: number[] = [];
          for (const i of order) {
            const last = days.length - 1;
            if (last >= 0 && days[last] === b.days[i]) {
              if (b.dayRows[i]! < 0) {
                if (refs[last]! < 0) values[last] += b.dayValues[i]!;
                continue;
              }
              if (refs[last]! >= 0) {
                duplicate(channel, formatDay(b.days[i]!), metric, refs[last]!, b.dayRows[i]!);
                continue;
              }
              values[last] = b.dayValues[i]!;
              refs[last] = b.dayRows[i]!;
              continue;
            }
            days.push(b.days[i]!);
            values.push(b.dayValues[i]!);
            refs.push(b.dayRows[i]!);
          }
        }
        const prefix = new Float64Array(values.length + 1);
        for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i]! + values[i]!;
        out.set(
          metric,
          new Series(
            Int32Array.from(days),
            Float64Array.from(values),
            prefix,
            b.months,
            b.quarters,
            leftOut.get(`${channel}\u0000${metric}`),
          ),
        );
      }
      series.set(channel, out);
    }
    const sources = sourceSpans(rows, metrics, through, from, covering);
    // An empty export that covers no flow (its channel has no paid campaign export) covers no days either.
    const used = covering.filter((e) => (sources.emptyMetrics.get(e.file) ?? []).length > 0);
    return {
      index: new MetricIndex(
        series,
        sources,
        metrics,
        throughSpans(rows, through, from, used),
        knownSpans(
          rows,
          through,
          from,
          used,
          (m) => metrics.get(m)?.aggregation === 'unique',
          (m) => metrics.get(m)?.aggregation === 'stock',
        ),
        new Map([...explicitDays].map(([channel, days]) => [channel, joinRanges(days)])),
        used,
      ),
      duplicates,
    };
  }

  /** A flow's total of 0 where no row gives it in [a, b] but an export with no rows covers some of those days; else null. */
  private noneIn(channel: string, metric: string, a: Day, b: Day): { value: number; entries: number; exact: boolean } | null {
    const spans = this.emptySpans.get(`${channel}\u0000${metric}`);
    return spans?.some(([first, last]) => first <= b && last >= a) ? { value: 0, entries: 0, exact: false } : null;
  }

  /** Whether any row gives this metric (on any channel, or one of `channels`). */
  has(metric: string, channels?: readonly string[]): boolean {
    for (const [channel, byMetric] of this.series) {
      if (channels && !channels.includes(channel)) continue;
      if (byMetric.has(metric)) return true;
    }
    return false;
  }

  /** Every metric name present in the data, sorted. */
  metricNames(): string[] {
    const names = new Set<string>();
    for (const byMetric of this.series.values()) for (const m of byMetric.keys()) names.add(m);
    return [...names].sort();
  }

  /**
   * A metric over [a, b] for a set of channels, by its aggregation kind: flows summed,
   * stocks at the end of the range (summed across channels), unique from a row covering
   * exactly the range, else summed from finer rows and flagged approximate.
   */
  aggregate(channels: readonly string[], metric: MetricDef, a: Day, b: Day): Aggregate | null {
    let value = 0;
    let contributors = 0;
    let approximate = false;
    let leftOut = false;
    for (const channel of channels) {
      const s = this.series.get(channel)?.get(metric.id);
      if (!s) continue;
      if (metric.aggregation === 'stock') {
        const v = s.lastIn(a, b);
        if (v === null) continue;
        value += v;
        contributors++;
        continue;
      }
      const parts = this.partsTotal(channel, metric.id, a, b);
      if (parts === 'uncounted') continue;
      const t = parts ?? s.total(a, b) ?? this.noneIn(channel, metric.id, a, b);
      if (!t) continue;
      value += t.value;
      contributors++;
      if (metric.aggregation === 'unique' && !t.exact) {
        approximate = true;
        if (s.leftOutIn(a, b)) leftOut = true;
      }
    }
    if (contributors === 0) return null;
    if (metric.aggregation === 'unique' && contributors > 1) approximate = true;
    return leftOut ? { value, approximate, leftOut } : { value, approximate };
  }

  /** Net follows (new − lost followers) of a channel over [a, b]; null when neither is given in it. */
  netFollows(channel: string, a: Day, b: Day): number | null {
    if (a > b) return null;
    const byMetric = this.series.get(channel);
    const gained = byMetric?.get('new_followers')?.total(a, b) ?? null;
    const lost = byMetric?.get('lost_followers')?.total(a, b) ?? null;
    if (gained === null && lost === null) return null;
    return (gained?.value ?? 0) - (lost?.value ?? 0);
  }

  /**
   * A channel's followers at the end of [a, b] (SPEC "Followers"): the latest `followers` total
   * on or before `b`, plus the net follows since, also when the range itself has no row (an
   * export gap, a follower sheet that stopped while the content export went on). Before the
   * first total, where daily follows lead up to it, that total minus the net follows after `b` to
   * its day (the count a later total and the follows give, so that a quarter's end is the next
   * one's start: red-team 10 #4), but only from the day before the first day the channel's follower
   * exports cover (the count at that day's start): before it the follows are unknown, not none, so
   * a year-ago count where the data start this year is null (red-team 15 #3). Null when no total
   * is known that way, for an empty range, and when the count would be carried across a week or
   * more that no follows export covers (`followsMissed`: red-team 16 #3).
   */
  followersAtEnd(channel: string, a: Day, b: Day): FollowerFigure | null {
    return belowZero(this.countAtEnd(channel, a, b));
  }

  /**
   * `followersAtEnd` whatever its sign: follows that exceed a total take the count back below 0 (new follows
   * only, the unfollows missing: red-team 23 #1), which `negativeCount` reports and the figures leave n/a.
   */
  private countAtEnd(channel: string, a: Day, b: Day): FollowerFigure | null {
    if (a > b) return null;
    const totals = this.series.get(channel)?.get('followers');
    const last = totals?.lastOnOrBefore(b) ?? null;
    if (last === null) {
      const from = this.followersFrom(channel);
      if (from === null || b < from - 1) return null;
      const next = totals?.firstIn(b + 1, Number.MAX_SAFE_INTEGER) ?? null;
      const follows = next && this.netFollows(channel, b + 1, next.day);
      if (next === null || follows === null || this.followsMissed(channel, b + 1, next.day, next.day + 1)) return null;
      return { value: next.value - follows, netFollows: true };
    }
    if (this.followsMissed(channel, last.day + 1, b, a)) return null;
    const follows = this.netFollows(channel, last.day + 1, b);
    return { value: last.value + (follows ?? 0), netFollows: follows !== null };
  }

  /**
   * Whether a week or more of days in [a, b] are in no export of a channel's daily follows while its
   * follows go on around them (`coverageGaps`: follows exported to July and again from February,
   * red-team 16 #3): a count carried across them by the follows would take those days as none. A
   * day or two between two downloads (a file downloaded on the 29th, the next from the 1st) is
   * carried as none, as a hole of under a week inside an export is (rt17 #1). Only days before
   * `windowStart` count: inside the window they are its gaps, or its input ending early.
   */
  private followsMissed(channel: string, a: Day, b: Day, windowStart: Day): boolean {
    if (a > b) return false;
    return FOLLOWS.some((metric) => {
      // Only days before the window: those inside it are its own gaps, flagged on its figures (rt18 #2), and
      // follows that stop inside it end early there (its `inputsEnd`). Each gap on its own: a day missed
      // between each of a year's monthly downloads is not a week missed (rt18 #1).
      for (const [first, last] of this.coverageGaps(channel, metric, a, Number.MAX_SAFE_INTEGER)) {
        if (first > b || first >= windowStart) break;
        if (Math.min(last, b, windowStart - 1) - first + 1 >= HOLE_MIN_DAYS) return true;
      }
      return false;
    });
  }

  /**
   * A channel's followers at the start of [a, b]: the count at the day before it (the latest
   * total plus net follows since), else the first total on or after `a` minus the net follows
   * from `a` to its day (a total on 1 August beside daily follows since April: July's follows are
   * part of the range's change, red-team 10 #4); where the channel's follower exports start inside
   * the range, that is the count at the start of their first day (SPEC: "else the first in it").
   * Null when the range has no followers at its end, so that end − start compares the same
   * channels, and when it ends before the follower exports start (nothing of it is known).
   */
  followersAtStart(channel: string, a: Day, b: Day): FollowerFigure | null {
    if (this.followersAtEnd(channel, a, b) === null) return null;
    return belowZero(this.countAtStart(channel, a, b));
  }

  /**
   * The first day a channel's follower count, taken back from its first total by the follows before it,
   * is below 0, with that count, the total and its day (new follows only, the unfollows missing, or a total
   * that is wrong: red-team 23 #1); null when it never is. The lowest count before the first total is on the
   * day before the follower data start (the follows are counted back from there), where it is checked.
   */
  negativeCount(channel: string): { day: Day; value: number; total: number; totalDay: Day } | null {
    const from = this.followersFrom(channel);
    const first = this.series.get(channel)?.get('followers')?.firstIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (from === null || !first || first.day < from) return null;
    const count = this.countAtEnd(channel, from - 1, from - 1);
    return count && count.value < 0 ? { day: from - 1, value: count.value, total: first.value, totalDay: first.day } : null;
  }

  private countAtStart(channel: string, a: Day, b: Day): FollowerFigure | null {
    const totals = this.series.get(channel)!.get('followers')!;
    const before = totals.lastOnOrBefore(a - 1);
    if (before !== null) {
      const follows = this.netFollows(channel, before.day + 1, a - 1);
      return { value: before.value + (follows ?? 0), netFollows: follows !== null };
    }
    const from = this.followersFrom(channel);
    if (from === null || from > b) return null;
    const first = totals.firstIn(a, Number.MAX_SAFE_INTEGER);
    if (first === null) return null;
    // The total counts its own day's follows: the start is the count at the end of the day before `a`.
    const follows = this.netFollows(channel, a, first.day);
    return { value: first.value - (follows ?? 0), netFollows: follows !== null };
  }

  /**
   * The day of the total a channel's follower count at the start of a range from `a` is taken from (SPEC: the last
   * value before it), where that total is a week old or more on the day before `a` and no follows carry it on:
   * totals on the 1st of each month open Q4 with 1 September's, so Q4's growth counts September's (red-team 27
   * #3). A count stands for the week after its day, as at a range's end (`sparseCounts`). Null otherwise.
   */
  staleOpening(channel: string, a: Day): Day | null {
    const before = this.series
      .get(channel)
      ?.get('followers')
      ?.lastOnOrBefore(a - 1);
    if (!before || a - 1 <= countStandsTo(before.day)) return null;
    return this.netFollows(channel, before.day + 1, a - 1) === null ? before.day : null;
  }

  /**
   * The first day a channel's follower figures (totals, new or lost followers) are known from: the
   * first row that gives one, not the first row of its export (follower columns added to a daily
   * export in April say nothing of the follows before: red-team 16 #2); null without any.
   */
  followersFrom(channel: string): Day | null {
    let first: Day | null = null;
    for (const metric of FOLLOWER_METRICS) {
      const day = this.firstGiven.get(`${channel}\u0000${metric}`);
      if (day !== undefined && (first === null || day < first)) first = day;
    }
    return first;
  }

  /**
   * The last day on or before `upTo` that a channel's follower figures (totals or follows) reach, as their
   * exports cover them (see `coverageEnd`); null without any: how old a count carried past them is (red-team
   * 19 #1, 20 #4).
   */
  followersTo(channel: string, upTo: Day): Day | null {
    let last: Day | null = null;
    for (const metric of FOLLOWER_METRICS) {
      const end = this.coverageEnd(channel, metric, Number.MIN_SAFE_INTEGER, upTo);
      if (end !== null && (last === null || end > last)) last = end;
    }
    return last;
  }

  /**
   * A channel's follower change over [a, b]: followers at the end minus at the start where
   * totals allow, else the net follows over the range (platforms that export daily follows and
   * no total); null without either, and when neither a total nor a follow falls in [a, b]
   * (nothing is known of the change: SPEC takes the net follows over it, and there are none).
   */
  followerChange(channel: string, a: Day, b: Day): FollowerFigure | null {
    const follows = this.netFollows(channel, a, b);
    const totals = this.series.get(channel)?.get('followers');
    if (follows === null && (totals?.lastIn(a, b) ?? null) === null) return null;
    const end = this.followersAtEnd(channel, a, b);
    const start = end && this.followersAtStart(channel, a, b);
    if (end && start) return { value: end.value - start.value, netFollows: end.netFollows || start.netFollows };
    // Follows exported over the range are its change, whatever is unknown of the count (rt17 #1, #4; its gaps are flagged: rt18 #2).
    const whole = follows !== null && this.followsCover(channel, a, b);
    if (totals?.lastOnOrBefore(b) && !whole) return null;
    return follows === null ? null : { value: follows, netFollows: true };
  }

  /** Whether the exports of a channel's daily follows reach from `a` to `b` (the days between two of them are the range's gaps, flagged). */
  private followsCover(channel: string, a: Day, b: Day): boolean {
    return FOLLOWS.every((metric) => {
      const spans = this.sources.get(channel)?.get(metric);
      if (!spans) return true;
      return spans.some(([first]) => first <= a) && spans.some(([, last]) => last >= b);
    });
  }

  /**
   * The month and quarter rows of one metric of one channel that [a, b] covers only in part: a
   * total over the range counts none of them (a row cannot be split), so the range undercounts.
   */
  partlyCovered(channel: string, metric: string, a: Day, b: Day): string[] {
    return this.series.get(channel)?.get(metric)?.partlyIn(a, b) ?? [];
  }

  /**
   * The last day to which one metric of one channel is whole over [a, b]: before a month or
   * quarter row that [a, b] ends inside of (see `Series.wholeTo`); `b` when none, or no data.
   */
  wholeTo(channel: string, metric: string, a: Day, b: Day): Day {
    return this.series.get(channel)?.get(metric)?.wholeTo(a, b) ?? b;
  }

  /** Whether one metric of one channel has any month or quarter row. */
  hasCoarseRows(channel: string, metric: string): boolean {
    return this.series.get(channel)?.get(metric)?.coarse ?? false;
  }

  /** The days of a channel's quarter or month row of a metric that holds `day` (see `valueOverCovered`), or null. */
  coarseRowAround(channel: string, metric: string, day: Day): readonly [Day, Day] | null {
    return this.series.get(channel)?.get(metric)?.coarseAround(day) ?? null;
  }

  /**
   * How far the exports giving one metric of one channel reach in [a, b]: the latest last day,
   * capped at b, of the files that give it and overlap the range. A file spans the channel's
   * rows in it, to its `through` day when it gives one: a metric absent on some days of its
   * export (spend on days without ads) still counts to the export's end. A file that gives the
   * metric in month or quarter rows only reaches the end of its last such row (a month row covers
   * its month), not the file's other rows nor its `through` (red-team 12 #4). Null when none overlaps.
   */
  coverageEnd(channel: string, metric: string, a: Day, b: Day): Day | null {
    let end: Day | null = null;
    for (const [first, last] of this.ends.get(channel)?.get(metric) ?? []) {
      if (first > b || last < a) continue;
      const reach = Math.min(last, b);
      if (end === null || reach > end) end = reach;
    }
    if (end === null || end >= b || this.metrics.get(metric)?.aggregation !== 'stock') return end;
    // A count stands for the week after it (`sparseCounts`): one that falls short of `b` is as of its own day.
    const counted = this.series.get(channel)?.get(metric)?.lastDay(end) ?? null;
    return counted !== null && counted >= a ? Math.min(counted, end) : end;
  }

  /**
   * The days in [a, b] between exports giving one metric of one channel: ranges no export covers,
   * after the first export that reaches into [a, b] and before the last (an export covers the days
   * from its first row to its `through`, else its last row). Those days are unknown, not days
   * without activity (a clicks file for a quarter that ends on 10 June, the next one from 1 July).
   * Days before the metric's first export, back to the channel's first known day, are one where
   * that export says where its data start (`leadingGap`: clicks from 1 May beside impressions since
   * April), unless the metric is the team's own activity (an ads export from the day a campaign
   * began: no spend before); days after its last are where they end: not a gap. An export that ended
   * before [a, b] counts as the one before: exports that resume inside it after a pause leave the
   * days before unknown (red-team 16 #3), except for the team's own activity (a new campaign).
   */
  coverageGaps(channel: string, metric: string, a: Day, b: Day): Array<readonly [Day, Day]> {
    const parts = this.derivedParts(channel, metric);
    if (parts !== null)
      return this.withoutExplicit(
        channel,
        joinRanges([
          ...this.ownCoverageGaps(channel, metric, a, b),
          // Only parts given in the range: before a part was added, engagements are the sum of those there were.
          ...parts.filter((p) => this.coverageEnd(channel, p, a, b) !== null).flatMap((p) => this.coverageGaps(channel, p, a, b)),
        ]),
      );
    return this.ownCoverageGaps(channel, metric, a, b);
  }

  /**
   * Derived engagements over [a, b] as the sum of each part's own total (SPEC "Metric JSON": the sum of the
   * parts present), each part read as its rows give it: saves as month rows beside likes every day count each
   * month's saves once beside the likes of its days, where the rows' own sums would let a month row of saves
   * alone stand for the month (red-team 20 #1). `uncounted` where a part given in the range has no total there
   * (July's saves are one month row, as of 20 July: red-team 22 #2): engagements without it are no figure. Null
   * for any other metric, or when no part has a total there.
   */
  private partsTotal(channel: string, metric: string, a: Day, b: Day): { value: number; exact: boolean } | 'uncounted' | null {
    const parts = this.derivedParts(channel, metric);
    // Where some rows give engagements themselves, the rows' own values (given ones winning) are the total.
    if (parts === null || this.explicitEngagements.has(channel)) return null;
    let value = 0;
    let found = false;
    for (const part of parts) {
      const s = this.series.get(channel)?.get(part);
      const t = s?.total(a, b);
      if (!t && s?.coarse && s.partlyIn(a, b).length > 0 && this.coverageEnd(channel, part, a, b) !== null) return 'uncounted';
      if (!t) continue;
      value += t.value;
      found = true;
    }
    return found ? { value, exact: true } : null;
  }

  /**
   * For `engagements`, the parts a channel gives: where no row gives engagements themselves (SPEC "Metric
   * JSON": the sum of the parts present), they are known on a day only where each part is (saves added to an
   * export on 1 August leave July's engagements without them: red-team 19 #5), also beside a file that gave
   * them on other days (an old tool's Q1: red-team 20 #2; see `explicitEngagements`). Null for any other metric.
   */
  private derivedParts(channel: string, metric: string): readonly string[] | null {
    if (metric !== 'engagements') return null;
    const byMetric = this.series.get(channel);
    return byMetric ? ENGAGEMENT_PARTS.filter((part) => byMetric.has(part)) : null;
  }

  /**
   * Whether a channel's engagements over [a, b] are, on some day, the sum of their parts (no row gives them
   * itself there): its parts are then inputs of any figure on engagements (red-team 21).
   */
  derivesEngagements(channel: string, a: Day, b: Day): boolean {
    const parts = this.derivedParts(channel, 'engagements');
    return parts !== null && parts.length > 0 && this.withoutExplicit(channel, [[a, b]]).length > 0;
  }

  /** Whether a channel's rows give `engagements` themselves on every day of [a, b] (there no part is missing). */
  givesEngagements(channel: string, a: Day, b: Day): boolean {
    return this.explicitEngagements.has(channel) && this.withoutExplicit(channel, [[a, b]]).length === 0;
  }

  /** Day ranges without the days a channel's rows give `engagements` themselves (there no part is missing). */
  private withoutExplicit(channel: string, ranges: ReadonlyArray<readonly [Day, Day]>): Array<readonly [Day, Day]> {
    const given = this.explicitEngagements.get(channel);
    if (!given) return [...ranges];
    const out: Array<readonly [Day, Day]> = [];
    for (const [first, last] of ranges) {
      let from = first;
      for (const [a, b] of given) {
        if (b < from || a > last) continue;
        if (a > from) out.push([from, a - 1]);
        from = b + 1;
        if (from > last) break;
      }
      if (from <= last) out.push([from, last]);
    }
    return out;
  }

  private ownCoverageGaps(channel: string, metric: string, a: Day, b: Day): Array<readonly [Day, Day]> {
    const gaps: Array<readonly [Day, Day]> = [];
    const lead = this.leadingGap(channel, metric);
    if (lead !== null && lead[0] <= b && lead[1] >= a) gaps.push([Math.max(lead[0], a), Math.min(lead[1], b)]);
    let reach: Day | null = null;
    // An export that ended before the window still says the metric's data had started: one that resumes
    // inside it leaves the days between unknown (follows exported to July and again from February: red-team
    // 16 #3). Not the team's own activity (a campaign's export after months without one starts a campaign,
    // a page export without spend had none), except an ads download of a fixed range (July's missing: red-team 27 #1).
    const resumes = this.metrics.get(metric)?.absentMeans !== 'none';
    let before: Day | null = null;
    for (const span of this.sortedSources(channel, metric)) {
      const [first, last] = span;
      if (first > b) break;
      if (last < a) {
        if (before === null || last > before) before = last;
        if (resumes) reach = before;
        continue;
      }
      if (reach === null && this.downloadStarts.has(span)) reach = before;
      // Days before a per-post export's first post, in that post's month, are days without a post (monthly
      // downloads each with its `through`: June's first post on the 3rd: red-team 13 #1), not unknown: the
      // export starts in that month (quarterly downloads: 1–11 April before a first post on the 12th, rt17 #3).
      const startsOn = this.postStarts.has(span) ? postMonthStart(first) : first;
      if (reach !== null && startsOn > reach + 1) {
        const [from, to] = [Math.max(reach + 1, a), Math.min(startsOn - 1, b)];
        // A campaign's export after a pause that began in an earlier quarter starts a campaign (rt18 #4); days
        // of its own quarter between two of the metric's exports stay unknown (an August file missing between
        // monthly ads downloads: red-team 24 #2), whatever other exports of the channel cover them (a page
        // export says nothing of its ads: red-team 25 #3).
        const paused = this.campaignStarts.has(span) && quarterIndexOf(reach + 1) !== quarterIndexOf(startsOn);
        if (from <= to && !paused) gaps.push([from, to]);
      }
      if (reach === null || last > reach) reach = last;
    }
    return gaps;
  }

  /**
   * The days before one metric's data start on a channel whose other data cover them (see
   * `coverageGaps`): clicks added to a daily export on 1 May beside impressions since April (red-team
   * 16 #4), impressions from 1 May beside April's reach as a month row (red-team 16 #7). They are
   * unknown for that metric, not days of none. Not the team's own activity (`absentMeans` none: no
   * spend before the campaign began), a stock (a count carries on), nor a metric whose export does not
   * say where it starts (`inputStart`). From the first day of the channel's day-row exports (see
   * `knownSpans`), or of its first reach row that ends before the metric starts; null when none is
   * earlier. Follows where the channel gives follower totals from before they start: the totals
   * carry the count, and the follows add nothing to it before their first day.
   */
  leadingGap(channel: string, metric: string): readonly [Day, Day] | null {
    const def = this.metrics.get(metric);
    if (def?.absentMeans === 'none' || def?.aggregation === 'stock') return null;
    const start = this.ownInputStart(channel, metric);
    if (start === null) return null;
    if (
      (metric === 'new_followers' || metric === 'lost_followers') &&
      this.series.get(channel)?.get('followers')?.lastOnOrBefore(start)
    )
      return null;
    // The channel's day-row exports, and its reach rows: a quarter row of mentions from a listening tool says
    // nothing of when its content exports start (rt17 #7); April's reach says its content was seen in April.
    const campaign = this.campaignFrom.get(this.sortedSources(channel, metric)[0]!);
    if (campaign !== undefined) return campaign < start ? [campaign, start - 1] : null;
    let first: Day | null = null;
    // Not an export of counts at a day (a follower count from a year-end deck): it covers no days (red-team 20 #8).
    for (const [day, , coarse, , countsOnly] of this.known.get(channel) ?? [])
      if (!coarse && !countsOnly && (first === null || day < first)) first = day;
    for (const [name, s] of this.series.get(channel) ?? []) {
      if (this.metrics.get(name)?.aggregation !== 'unique') continue;
      const row = s.firstCoarseBefore(start);
      if (row !== null && (first === null || row < first)) first = row;
    }
    return first !== null && first < start ? [first, start - 1] : null;
  }

  /**
   * The first day the exports giving one metric of one channel say its data start: their first
   * span's first day, where that export says so (a daily export's first row with the metric, or its
   * `from`: see `sourceSpans`); null without any, or where it does not (a per-post export's first
   * row is a first post, a hand-written row or a month row only a first figure).
   */
  inputStart(channel: string, metric: string): Day | null {
    let start = this.ownInputStart(channel, metric);
    // Derived engagements start where the last of their parts that say so starts (see `derivedParts`), unless rows
    // giving engagements themselves go on past that day (then no day of theirs misses the part).
    // A part is late against the first of them (the derived rows' start), not against given engagements before.
    const lastGiven = this.explicitEngagements.get(channel)?.at(-1)?.[1] ?? -Infinity;
    const partStarts = (this.derivedParts(channel, metric) ?? []).map((part) => this.inputStart(channel, part));
    const partsFrom = Math.min(...partStarts.map((day) => day ?? Infinity));
    for (const day of partStarts)
      if (day !== null && day > partsFrom && day > lastGiven && (start === null || day > start)) start = day;
    return start;
  }

  /** `inputStart` from the metric's own exports (derived engagements: from the rows that give any part). */
  private ownInputStart(channel: string, metric: string): Day | null {
    const first = this.sortedSources(channel, metric)[0];
    return first !== undefined && this.knownStarts.has(first) ? first[0] : null;
  }

  /** The spans of the files giving one metric of one channel, by first day (sorted on first use: asked for every window). */
  private sortedSources(channel: string, metric: string): ReadonlyArray<readonly [Day, Day]> {
    let byMetric = this.sortedSourceCache.get(channel);
    if (!byMetric) this.sortedSourceCache.set(channel, (byMetric = new Map()));
    let spans = byMetric.get(metric);
    if (!spans) {
      spans = [...(this.sources.get(channel)?.get(metric) ?? [])].sort((x, y) => x[0] - y[0]);
      byMetric.set(metric, spans);
    }
    return spans;
  }

  /** Per channel, then metric (no key text built for each of the many calls). */
  private readonly sortedSourceCache = new Map<string, Map<string, ReadonlyArray<readonly [Day, Day]>>>();

  /**
   * The last day with any data on or before `upTo` (for some channels, or all). An export reaches
   * its `through` day even where its last rows come earlier: a per-post export has rows on the days
   * something was published, and the days after its last post up to `through` are days without one.
   */
  lastDay(upTo: Day, channels?: readonly string[]): Day | null {
    // Asked again and again with the same arguments while a site is built (each goal, KPI cell and page).
    const key = channels ? `${upTo}\u0000${channels.join('\u0000')}` : `${upTo}`;
    const known = this.lastDays.get(key);
    if (known !== undefined) return known;
    const best = this.computeLastDay(upTo, channels);
    if (this.lastDays.size >= 10_000) this.lastDays.clear();
    this.lastDays.set(key, best);
    return best;
  }

  private readonly lastDays = new Map<string, Day | null>();

  private computeLastDay(upTo: Day, channels?: readonly string[]): Day | null {
    let best: Day | null = null;
    for (const [channel, byMetric] of this.series) {
      if (channels && !channels.includes(channel)) continue;
      let inCoarse = false;
      for (const s of byMetric.values()) {
        const d = s.lastDay(upTo);
        if (d !== null && (best === null || d > best)) best = d;
        inCoarse ||= s.inCoarseRow(upTo);
      }
      // An export covers every day from its first row to its last row or `through` (red-team 6 #8):
      // sparse per-post rows that run on past `upTo` reach it. Not inside a month or quarter row,
      // which a range ending there cannot count.
      for (const [first, last] of inCoarse ? (this.throughSpans.get(channel) ?? []) : this.fileSpans(channel)) {
        if (first > upTo) continue;
        const reach = Math.min(last, upTo);
        if (best === null || reach > best) best = reach;
      }
    }
    return best;
  }

  /** The spans of the files giving any metric of a channel, each once (see `sourceSpans`); built on first use. */
  private fileSpans(channel: string): ReadonlyArray<readonly [Day, Day]> {
    let spans = this.fileSpanCache.get(channel);
    if (!spans) {
      const unique = new Set<readonly [Day, Day]>();
      for (const list of this.sources.get(channel)?.values() ?? []) for (const span of list) unique.add(span);
      this.fileSpanCache.set(channel, (spans = [...unique]));
    }
    return spans;
  }

  private readonly fileSpanCache = new Map<string, ReadonlyArray<readonly [Day, Day]>>();

  /**
   * The last day on or before `upTo` a channel's exports are known to cover (see `knownSpans`): its
   * coverage in time (SPEC "Coverage in time"). As `lastDay`, an export reaches its `through`; unlike
   * it, an export of month or quarter rows alone (reach by month) does not carry the channel past
   * its daily exports in that quarter (red-team 7 #5). A month or quarter row counts to its end only.
   */
  coveredTo(upTo: Day, channel: string): Day | null {
    let best: Day | null = null;
    for (const [first, last, coarse] of this.known.get(channel) ?? []) {
      if (first > upTo || (coarse && last > upTo)) continue;
      const reach = Math.min(last, upTo);
      if (best === null || reach > best) best = reach;
    }
    return best;
  }

  /** The first day a channel's exports are known to cover (see `knownSpans`), or null. */
  firstDay(channel: string): Day | null {
    return this.firstSpan(channel)?.[0] ?? null;
  }

  /**
   * The first day of a channel's data where a daily export (a row on nearly every day) or an
   * export's `from` starts it: there its data start, whereas the first row of a per-post export
   * (without `from`) or of a few hand-written rows is only a first post. Null otherwise.
   */
  dailyStart(channel: string): Day | null {
    return this.knownStart(channel)?.day ?? null;
  }

  /** `dailyStart`, with how the export says it starts there (`daily` or `from`). */
  knownStart(channel: string): { day: Day; by: Exclude<KnownStart, null> } | null {
    const span = this.firstSpan(channel, true);
    return span && span[3] !== null ? { day: span[0], by: span[3] } : null;
  }

  private firstSpan(channel: string, skipCounts = false): KnownSpan | null {
    let first: KnownSpan | null = null;
    for (const span of this.known.get(channel) ?? [])
      if ((!skipCounts || !span[4]) && (first === null || span[0] < first[0])) first = span;
    return first;
  }

  /**
   * The first and last day with any data, of every channel or of `channels`, or null where there is
   * none (every channel's is computed once: the index does not change).
   */
  dataRange(channels?: readonly string[]): { first: Day; last: Day } | null {
    if (channels) return this.computeRange(channels);
    if (this.rangeCache === undefined) this.rangeCache = this.computeRange();
    return this.rangeCache && { ...this.rangeCache };
  }

  private rangeCache: { first: Day; last: Day } | null | undefined;

  private computeRange(channels?: readonly string[]): { first: Day; last: Day } | null {
    let first: Day | null = null;
    let last: Day | null = null;
    for (const [channel, byMetric] of this.series) {
      if (channels && !channels.includes(channel)) continue;
      for (const s of byMetric.values()) {
        const f = s.firstDay();
        const l = s.lastDay(Number.MAX_SAFE_INTEGER);
        if (f !== null && (first === null || f < first)) first = f;
        if (l !== null && (last === null || l > last)) last = l;
      }
    }
    return first === null || last === null ? null : { first, last };
  }

  /** Sorted distinct days in [a, b] on which a value of one of `metrics` ends, for `channels`. */
  dataDays(channels: readonly string[], metrics: readonly string[], a: Day, b: Day): Day[] {
    const days = new Set<number>();
    for (const channel of channels) {
      const byMetric = this.series.get(channel);
      if (!byMetric) continue;
      for (const metric of metrics) {
        const s = byMetric.get(metric);
        if (s) for (const d of s.endsIn(a, b)) days.add(d);
      }
    }
    return [...days].sort((x, y) => x - y);
  }
}

/** A follower count below 0 (the follows exceed the total they are counted from) as none: no count is below 0. */
function belowZero(figure: FollowerFigure | null): FollowerFigure | null {
  return figure && figure.value < 0 ? null : figure;
}

/**
 * The first day of the month of a per-post export's first row: the days from there to that row are
 * days without a post when the export before it reaches them (see `MetricIndex.coverageGaps`).
 */
export function postMonthStart(firstRow: Day): Day {
  return monthBounds(monthIndexOf(firstRow))[0];
}
