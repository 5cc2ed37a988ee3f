/**
 * A detected table → SPEC metric rows (import-formats.md §1, the mapping in §2–§8). Pure.
 *
 * - per-post exports hold lifetime totals: each post goes on its publish date, values are
 *   summed per day, `posts` counts them; per-post reach is never summed into `reach`;
 * - `engagements` is never written from a platform's own definition: the loader derives it
 *   from likes + comments + shares + saves (Meta's daily "Content interactions" is the
 *   documented exception: it is that sum);
 * - missing markers leave the metric out of the row, never 0; negative or non-numeric
 *   cells are positioned problems; totals rows and other groups are skipped.
 */
import { type Day, dayFromParts, daysInMonth, formatDay, partsOfDay } from '../core/dates.ts';
import { addProblem, type Problem } from '../load/problems.ts';
import { type ExportKind, isTotalsLabel, normaliseHeader, type TitleMetric } from './catalogue.ts';
import { type DateContext, datesInName, parseDateColumn } from './dates.ts';
import type { Detection } from './detect.ts';
import { type CellValue, cellProblem, readRows, type Table, type TableRow } from './table.ts';
import { isMissing, MAX_EXACT, parseNumber, type ValueRules } from './values.ts';
import { countOf } from '../format/text.ts';

export interface OutRow {
  /** `date`, `month` or `quarter`, and its text. */
  readonly key: 'date' | 'month' | 'quarter';
  readonly period: string;
  readonly start: Day;
  readonly end: Day;
  readonly values: Record<string, number>;
}

export interface Converted {
  readonly kind: ExportKind;
  readonly channel: string;
  readonly rows: readonly OutRow[];
  readonly first: Day;
  readonly last: Day;
  readonly metrics: readonly string[];
  /** Data rows read (after skipping totals, other groups and other accounts). */
  readonly sourceRows: number;
  readonly currency: string | null;
  /** What was skipped or decided, for the summary. */
  readonly notes: readonly string[];
}

export interface ConvertOptions {
  /** `--channel`, overriding the export's default. */
  readonly channel: string | null;
  readonly dates: DateContext;
  /** `--account`: the account whose posts a per-post export with an account column gives, or null. */
  readonly account: string | null;
  /** The account of each channel in the site settings (`channels: { instagram: { account } }`), when no --account. */
  readonly accounts: Readonly<Record<string, string>>;
  /** The site's currency (money cells may carry its sign or code), or null when the settings cannot be read. */
  readonly currency: string | null;
  /** `--from` and `--through`, where given: an export without rows covers them (see `emptyExport`). */
  readonly range?: { readonly from: Day | null; readonly through: Day | null };
}

const STOCKS = new Set(['followers']);
/** Metrics that are amounts of money: their cells may carry a currency sign or code. */
const MONEY = new Set(['spend', 'revenue']);
/** Metrics a platform may credit in fractions (GA4's key events under data-driven attribution). */
const CREDITED = new Set(['conversions']);
/** Metrics that count nothing (amounts, minutes), or not in whole numbers: every other metric an export gives counts things and is whole. */
const NOT_COUNTS = new Set([...MONEY, 'response_minutes', ...CREDITED]);

/**
 * An ads export (one that gives spend) without data rows whose days are known (`--from` and `--through`,
 * else the range in its file name: `Aug-01-2026_Aug-31-2026_…`): a month without delivery, written as an
 * export with no rows that covers those days with none of the campaign's spend and clicks (see
 * `MetricIndex.build`). Null where its days are not known, or for any other export (a page's export
 * without rows says nothing of its days).
 */
function emptyExport(
  kind: ExportKind,
  channel: string,
  options: ConvertOptions,
  currency: string | null,
  sourceRows: number,
): Converted | null {
  if (!paid(kind)) return null;
  const named = datesInName(options.dates.fileName);
  const first = options.range?.from ?? (named.length >= 2 ? Math.min(...named) : null);
  const last = options.range?.through ?? (named.length >= 2 ? Math.max(...named) : null);
  if (first === null || last === null || first > last) return null;
  return {
    kind,
    channel,
    rows: [],
    first,
    last,
    metrics: [],
    sourceRows,
    currency,
    notes: [`no data rows: ${formatDay(first)} to ${formatDay(last)} written as days without delivery`],
  };
}

/** Whether an export gives spend: a paid campaign's (Ads Manager's). */
const paid = (kind: ExportKind): boolean => kind.columns.some((c) => c.metric === 'spend');

/** Converts one detected table; problems are appended and null returned when it cannot be converted. */
export function convert(table: Table, detection: Detection, options: ConvertOptions, problems: Problem[]): Converted | null {
  const { kind, columns, style } = detection;
  const headerRow = table.rows[detection.headerRow]!;
  let failed = false;
  const notes: string[] = [];
  // Problems are capped per file (PROBLEMS_PER_FILE listed, the rest counted): a file of bad rows costs little.
  const at = (row: TableRow, key: string, message: string): void => {
    const j = columns.get(key)!;
    failed = true;
    addProblem(problems, cellProblem(table, row, j, `${detection.headers[j]}: ${message}`));
  };

  // The metric of a Meta daily file is named above its header.
  let title: TitleMetric | null = null;
  if (kind.titles) {
    const name = detection.title === null ? null : normaliseHeader(detection.title.replace(/^"|"$/g, ''));
    title = name === null ? null : (kind.titles[name] ?? null);
    if (!title) {
      addProblem(problems, {
        file: table.file,
        line: headerRow.line > 1 ? headerRow.line - 1 : headerRow.line,
        column: 1,
        message:
          `${detection.title === null ? 'no metric name above the header' : `unknown daily metric '${detection.title}'`}: ` +
          `this ${kind.label} names its metric on the line above "Date","Primary"; known: ${Object.keys(kind.titles).join(', ')}`,
      });
      return null;
    }
  }

  const channel = options.channel ?? title?.channel ?? kind.channel;
  if (channel === null) {
    addProblem(problems, {
      file: table.file,
      line: headerRow.line,
      column: 1,
      message: `this ${kind.label} names no network: pass --channel <id> (the channel its data belongs to, e.g. --channel ${kind.platform === 'ga4' ? 'website' : kind.id === 'meta-ads' ? 'meta-ads' : 'facebook'})`,
    });
    return null;
  }

  // Rows to read: not empty, not totals, in the kept groups and account.
  let data: TableRow[] = [];
  // A per-post file's totals row ("Totale" in its first cell) has no publish date; a post titled "Total" has one.
  const dateCol = kind.columns.find((c) => c.role === 'date' && columns.has(c.key));
  const hasDate = (row: TableRow): boolean => dateCol !== undefined && !isMissing(cellAt(row, columns.get(dateCol.key)!));
  let totals = 0;
  const labelCol = [...kind.columns].find((c) => c.role === 'label' && columns.has(c.key));
  // Only the cells conversion reads are kept: roles, metrics, derived inputs (and the first, for totals rows).
  const used = kind.columns.filter(
    (c) =>
      columns.has(c.key) &&
      (c.role !== null || c.metric !== null || (kind.derived ?? []).some((d) => d.from === c.key || d.minus === c.key)),
  );
  const keep = [...new Set([0, ...used.map((c) => columns.get(c.key)!)])];
  const slot = new Map(keep.map((j, k) => [j, k]));
  const cellAt = (row: TableRow, j: number): CellValue => {
    const k = slot.get(j);
    return k === undefined ? '' : (row.cells[k] ?? '');
  };
  const numeric = new Set(used.filter((c) => c.role === null || c.role === 'value').map((c) => columns.get(c.key)!));
  for (const c of used) if (c.role !== null && c.role !== 'value') numeric.delete(columns.get(c.key)!);
  const all = readRows(table, keep, problems, numeric);
  if (!all) return null;
  // Whether a totals row gives a figure other than 0: then rows it sums were there to give (see `emptyExport`).
  const metricCells = kind.columns.filter((c) => c.metric && columns.has(c.key)).map((c) => columns.get(c.key)!);
  const carriesFigures = (row: TableRow): boolean =>
    metricCells.some((j) => {
      const cell = cellAt(row, j);
      return !isMissing(cell) && /[1-9]/.test(String(cell));
    });
  let totalsCarry = false;
  for (let r = detection.headerRow + 1; r < all.length; r++) {
    const row = all[r]!;
    if (row.cells.every((c) => isMissing(c))) continue;
    // Totals rows (YouTube `Total`, GA4 `Grand total`) head daily and range tables; in a per-post file
    // (Instagram's `Totale`) such a row has no publish date, as no post has (a post may be titled "Total").
    const first = cellAt(row, 0);
    if (typeof first === 'string' && isTotalsLabel(first) && (kind.grain !== 'post' || !hasDate(row))) {
      totals++;
      if (carriesFigures(row)) totalsCarry = true;
      continue;
    }
    if (kind.emptyLabelIsTotal && labelCol && isMissing(cellAt(row, columns.get(labelCol.key)!))) {
      totals++;
      if (carriesFigures(row)) totalsCarry = true;
      continue;
    }
    data.push(row);
  }
  if (totals > 0) notes.push(`${countOf(totals, 'totals row')} skipped`);
  // A last row without a date (X's overview ends with one whose first cell is empty) may be a totals
  // row: it is set aside, and skipped if each of its numbers is its column's sum over the rows above.
  const sumRow = dateCol && data.length >= 2 && !hasDate(data[data.length - 1]!) ? data.pop()! : null;
  const groupCol = kind.columns.find((c) => c.role === 'group' && columns.has(c.key));
  if (kind.keepGroups && groupCol) {
    const j = columns.get(groupCol.key)!;
    const kept = data.filter((row) => kind.keepGroups!.includes(normaliseHeader(String(cellAt(row, j)))));
    if (kept.length < data.length) notes.push(`${data.length - kept.length} rows of other channel groups skipped`);
    data = kept;
  }
  const accountCol = kind.columns.find((c) => c.role === 'account' && columns.has(c.key));
  if (kind.oneAccount && accountCol) {
    const j = columns.get(accountCol.key)!;
    const chosen = chooseAccount(
      data.map((row) => String(cellAt(row, j))),
      options.account ?? (Object.hasOwn(options.accounts, channel) ? options.accounts[channel]! : null),
    );
    if (typeof chosen === 'string') {
      addProblem(problems, cellProblem(table, headerRow, j, `${detection.headers[j]}: ${chosen}`));
      return null;
    }
    const kept = data.filter((_, i) => chosen.keep[i]);
    if (kept.length < data.length)
      notes.push(`${countOf(data.length - kept.length, 'post')} of other accounts than ${chosen.account} skipped (collabs)`);
    data = kept;
  }

  // Periods of the rows.
  const periods: Array<{ key: OutRow['key']; period: string; start: Day; end: Day } | null> = new Array(data.length).fill(null);
  const cellOf = (row: TableRow, key: string): CellValue => cellAt(row, columns.get(key)!);
  const dateKey = kind.columns.find((c) => c.role === 'date')?.key;
  if (kind.grain !== 'range' && dateKey) {
    const parsed = parseDateColumn(
      data.map((row) => cellOf(row, dateKey)),
      kind.dates,
      { ...options.dates, date1904: table.date1904 },
      isMissing,
    );
    if (parsed.note) notes.push(`dates ${parsed.note}`);
    // One period object per distinct day (rows share them: fewer objects to keep).
    const shared = new Map<Day, { key: OutRow['key']; period: string; start: Day; end: Day }>();
    data.forEach((row, i) => {
      const error = parsed.errors.get(i);
      if (error) {
        at(row, dateKey, error);
        return;
      }
      const day = parsed.days[i];
      if (day === null || day === undefined) {
        at(row, dateKey, 'the date is missing');
        return;
      }
      let p = shared.get(day);
      if (!p) {
        const { year, month } = partsOfDay(day);
        p = parsed.months
          ? {
              key: 'month',
              period: `${year}-${String(month).padStart(2, '0')}`,
              start: day,
              end: dayFromParts(year, month, daysInMonth(year, month)),
            }
          : { key: 'date', period: formatDay(day), start: day, end: day };
        shared.set(day, p);
      }
      periods[i] = p;
    });
  } else if (kind.rangeFromPreamble) {
    const range = preambleRange(table.preamble);
    if (!range) {
      addProblem(problems, {
        file: table.file,
        line: headerRow.line,
        column: 1,
        message: `the ${kind.label} has no "# Start date: YYYYMMDD" and "# End date: YYYYMMDD" lines above its header: download it again with its comment preamble`,
      });
      return null;
    }
    const p = rangePeriod(range[0], range[1]);
    if (typeof p === 'string') {
      addProblem(problems, {
        file: table.file,
        line: headerRow.line,
        column: 1,
        message: `${p}: export one day, one calendar month or one quarter, or an exploration with a Date dimension`,
      });
      return null;
    }
    periods.fill(p);
  } else {
    const context = { ...options.dates, date1904: table.date1904 };
    const starts = parseDateColumn(
      data.map((row) => cellOf(row, 'start')),
      kind.dates,
      context,
      isMissing,
    );
    const ends = parseDateColumn(
      data.map((row) => cellOf(row, 'end')),
      kind.dates,
      context,
      isMissing,
    );
    data.forEach((row, i) => {
      const e1 = starts.errors.get(i) ?? (starts.days[i] == null ? 'the date is missing' : null);
      const e2 = ends.errors.get(i) ?? (ends.days[i] == null ? 'the date is missing' : null);
      if (e1) {
        at(row, 'start', e1);
        return;
      }
      if (e2) {
        at(row, 'end', e2);
        return;
      }
      const p = rangePeriod(starts.days[i]!, ends.days[i]!);
      if (typeof p === 'string')
        at(row, 'start', `${p}: export with a daily breakdown, or for whole calendar months or quarters`);
      else periods[i] = p;
    });
  }

  // Values, summed per period.
  const metricCols = kind.columns.filter((c) => c.metric !== null && columns.has(c.key));
  const derived = (kind.derived ?? []).filter((d) => columns.has(d.from) && columns.has(d.minus));
  const byPeriod = new Map<
    string,
    { key: OutRow['key']; period: string; start: Day; end: Day; values: Record<string, number>; sources: Record<string, number> }
  >();
  // Counts are whole; money cells may carry the currency of the header, else of the site (the first one seen when unknown).
  let cellCurrency: string | null = null;
  const rulesOf = (metric: string): ValueRules =>
    MONEY.has(metric)
      ? { money: { currency: detection.currency ?? options.currency ?? cellCurrency } }
      : { count: !NOT_COUNTS.has(metric), credited: CREDITED.has(metric) };
  const numberAt = (row: TableRow, key: string, metric: string): number | null | undefined => {
    const r = parseNumber(cellOf(row, key), style, rulesOf(metric));
    if (!r.ok) {
      at(row, key, r.message);
      return undefined;
    }
    if (r.currency !== undefined) cellCurrency ??= r.currency;
    return r.value;
  };
  const columnSums = new Map<string, number>();
  /** Whether a row's numbers are each its column's sum over the data rows (one at least, not all 0): a totals row. */
  const isSumRow = (row: TableRow): boolean => {
    let compared = 0;
    for (const c of metricCols) {
      const cell = cellOf(row, c.key);
      if (isMissing(cell)) continue;
      const r = parseNumber(cell, style, rulesOf(c.metric!));
      const sum = columnSums.get(c.key) ?? 0;
      if (!r.ok || r.value === null || Math.abs(r.value - sum) > Math.max(0.01, Math.abs(sum) * 1e-9)) return false;
      if (sum !== 0) compared++;
    }
    return compared > 0;
  };
  // An account-level daily export has one row per day; per-post and per-campaign files are summed per day.
  const oneRowPerDay =
    kind.grain === 'day' &&
    !kind.columns.some((c) => (c.role === 'group' || c.role === 'label' || c.role === 'account') && columns.has(c.key));
  const firstLine = new Map<string, number>();
  data.forEach((row, i) => {
    const p = periods[i];
    if (!p) return;
    const id = `${p.key}:${p.period}`;
    if (oneRowPerDay && dateKey !== undefined) {
      const first = firstLine.get(id);
      if (first !== undefined) {
        at(
          row,
          dateKey,
          `${p.period} is given again (first on line ${first}): a daily export has one row per day, so one of them is ` +
            `not this account's day (two downloads pasted together?); remove one`,
        );
        return;
      }
      firstLine.set(id, row.line);
    }
    let entry = byPeriod.get(id);
    if (!entry) byPeriod.set(id, (entry = { ...p, values: {}, sources: {} }));
    const add = (metric: string, value: number, key?: string): void => {
      if (key !== undefined && (entry.values[metric] ?? 0) + value > MAX_EXACT) {
        at(row, key, `the values of ${metric} for ${p.period} add up past 2^53 − 1 (${MAX_EXACT}) here: such sums are not exact`);
        return;
      }
      entry.values[metric] = (entry.values[metric] ?? 0) + value;
      entry.sources[metric] = (entry.sources[metric] ?? 0) + 1;
    };
    if (title) {
      const v = numberAt(row, 'primary', title.metric);
      if (v != null) add(title.metric, v, 'primary');
    }
    for (const c of metricCols) {
      const v = numberAt(row, c.key, c.metric!);
      if (v == null) continue;
      columnSums.set(c.key, (columnSums.get(c.key) ?? 0) + v);
      if (STOCKS.has(c.metric!) && entry.sources[c.metric!]) {
        at(row, c.key, `${p.period} has a second ${c.metric} value: a stock is not summed`);
        continue;
      }
      add(c.metric!, v, c.key);
    }
    for (const d of derived) {
      const from = parseNumber(cellOf(row, d.from), style, rulesOf(d.metric));
      const minus = parseNumber(cellOf(row, d.minus), style, rulesOf(d.metric));
      // The `from` column is a metric of its own, its problems said there.
      if (!minus.ok) at(row, d.minus, minus.message);
      if (!from.ok || !minus.ok || from.value === null || minus.value === null) continue;
      if (minus.value > from.value) {
        at(
          row,
          d.minus,
          `${minus.value} is more than ${from.value} in ${detection.headers[columns.get(d.from)!]}: cannot derive ${d.metric}`,
        );
        continue;
      }
      add(d.metric, from.value - minus.value, d.from);
    }
    if (kind.grain === 'post') add('posts', 1);
  });
  if (sumRow) {
    if (isSumRow(sumRow)) notes.push('1 totals row (no date; each number the sum of its column) skipped');
    else at(sumRow, dateCol!.key, 'the date is missing');
  }
  if (failed) return null;

  // Unique counts (reach) are kept only where one row gives the period.
  const uniques = new Set(metricCols.filter((c) => c.unique).map((c) => c.metric!));
  let droppedUnique = 0;
  const rows: OutRow[] = [];
  for (const entry of byPeriod.values()) {
    const values: Record<string, number> = {};
    for (const metric of Object.keys(entry.values).sort()) {
      if (uniques.has(metric) && entry.sources[metric]! > 1) {
        droppedUnique++;
        continue;
      }
      values[metric] = round(entry.values[metric]!);
    }
    if (Object.keys(values).length === 0) continue;
    rows.push({ key: entry.key, period: entry.period, start: entry.start, end: entry.end, values });
  }
  if (droppedUnique > 0)
    notes.push(`reach left out of ${countOf(droppedUnique, 'period')} given by several rows (unique counts do not add up)`);
  rows.sort((a, b) => a.start - b.start || a.end - b.end);
  if (rows.length === 0) {
    const empty = totalsCarry ? null : emptyExport(kind, channel, options, detection.currency ?? cellCurrency, data.length);
    if (empty) return empty;
    addProblem(problems, {
      file: table.file,
      line: headerRow.line,
      column: 1,
      message:
        `the ${kind.label} has no data rows with values under its header` +
        (totalsCarry
          ? ': only a totals row, whose figures are not 0, so the rows it sums were left out of the export; export it again with them (by campaign or by day)'
          : paid(kind)
            ? ': if it covers days without delivery, give those days with --from and --through'
            : ''),
    });
    return null;
  }
  const metrics = [...new Set(rows.flatMap((r) => Object.keys(r.values)))].sort();
  return {
    kind,
    channel,
    rows,
    first: Math.min(...rows.map((r) => r.start)),
    last: Math.max(...rows.map((r) => r.end)),
    metrics,
    sourceRows: data.length,
    currency: detection.currency ?? cellCurrency,
    notes,
  };
}

/**
 * The account whose posts are kept: the one named (compared without case and a leading @),
 * else the only one in the file. Several accounts and none named is a problem listing them with
 * their post counts (a partner's collab posts must never pass for the team's own), as is a
 * named account with no post in the file.
 */
export function chooseAccount(cells: readonly string[], named: string | null): { account: string; keep: boolean[] } | string {
  const key = (a: string): string => a.trim().replace(/^@/, '').toLowerCase();
  const counts = new Map<string, { name: string; posts: number }>();
  for (const cell of cells) {
    const k = key(cell);
    const entry = counts.get(k) ?? { name: cell.trim() === '' ? '(no account name)' : cell.trim(), posts: 0 };
    entry.posts++;
    counts.set(k, entry);
  }
  const listed = [...counts.values()]
    .sort((x, y) => y.posts - x.posts || (x.name < y.name ? -1 : 1))
    .map((a) => `${a.name} (${countOf(a.posts, 'post')})`)
    .join(', ');
  if (named !== null) {
    const k = key(named);
    const found = counts.get(k);
    if (!found)
      return `no post of the account '${named}' in this file; its accounts are ${listed}: name one of them with --account`;
    return { account: found.name, keep: cells.map((c) => key(c) === k) };
  }
  if (counts.size > 1)
    return (
      `the file holds the posts of ${counts.size} accounts: ${listed}. ` +
      `Name the team's account with --account <name> (or account: under the channel in content/site.yaml); ` +
      `the others' posts (collabs) are then skipped`
    );
  const only = [...counts.values()][0];
  return { account: only?.name ?? '', keep: cells.map(() => true) };
}

function round(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9;
}

/** The period a reporting range covers: a day, a calendar month or a quarter; otherwise why not. */
export function rangePeriod(start: Day, end: Day): { key: OutRow['key']; period: string; start: Day; end: Day } | string {
  if (end < start) return `the range ${formatDay(start)} to ${formatDay(end)} ends before it starts`;
  if (start === end) return { key: 'date', period: formatDay(start), start, end };
  const s = partsOfDay(start);
  const e = partsOfDay(end);
  if (s.day === 1 && e.year === s.year && e.day === daysInMonth(e.year, e.month)) {
    if (e.month === s.month) return { key: 'month', period: `${s.year}-${String(s.month).padStart(2, '0')}`, start, end };
    if ((s.month - 1) % 3 === 0 && e.month === s.month + 2)
      return { key: 'quarter', period: `${s.year}-Q${(s.month + 2) / 3}`, start, end };
  }
  return `the range ${formatDay(start)} to ${formatDay(end)} is not a day, a calendar month or a quarter`;
}

/** `# Start date: 20260501` / `# End date: …` (or French `Date de début :`), or `# 20240101-20240131`. */
export function preambleRange(lines: readonly string[]): [Day, Day] | null {
  let start: Day | null = null;
  let end: Day | null = null;
  const day = (text: string): Day | null => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? dayFromParts(y, mo, d) : null;
  };
  for (const line of lines) {
    const text = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(?:start date|date de début|data di inizio|startdatum)\s*:\s*(\d{8})$/i.exec(text))) start = day(m[1]!);
    else if ((m = /^(?:end date|date de fin|data di fine|enddatum)\s*:\s*(\d{8})$/i.exec(text))) end = day(m[1]!);
    else if ((m = /^(\d{8})\s*-\s*(\d{8})$/.exec(text))) {
      start = day(m[1]!);
      end = day(m[2]!);
    }
  }
  return start !== null && end !== null ? [start, end] : null;
}
