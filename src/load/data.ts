/**
 * Metric JSON files (SPEC "Metric JSON"): the envelope is checked with zod; rows are
 * checked one by one here (there may be millions) with the same positioned messages.
 */
import { formatDay, parseIsoDate } from '../core/dates.ts';
import type { MetricRow } from '../core/metricIndex.ts';
import {
  customFlow,
  isDeclaredMetric,
  isSpecialVariable,
  type MetricDef,
  type MetricTable,
  type SpecialVariable,
} from '../core/metrics.ts';
import { dayPeriod, type Period, parsePeriod } from '../core/periods.ts';
import type { DataSource } from '../core/project.ts';
import { FileReporter, type SourceFile } from './files.ts';
import { describeValue, issuesToProblems } from './issues.ts';
import { parseJson } from './locate.ts';
import { addProblem, countMore, type Problem } from './problems.ts';
import { dataFileSchema } from './schemas.ts';
import { computedName } from './site.ts';
import { hint } from './suggest.ts';

const METRIC_NAME = /^[a-z][a-z0-9_]*$/;
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;
const MONTH = /^\d{4}-\d{2}$/;
const QUARTER = /^\d{4}-Q\d$/;

export interface DataContext {
  /** Built-in and declared metrics (custom ones found in rows are added as flows). */
  readonly metrics: MetricTable;
  /** Declared channel ids, or null when the site does not declare channels. */
  readonly channels: readonly string[] | null;
  readonly currency: string;
}

/** A metric name neither built in nor declared, where it first occurs in a file. */
export interface UndeclaredMetric {
  readonly name: string;
  readonly file: string;
  readonly row: number;
  /** Rows of the file that give it. */
  readonly rows: number;
}

export interface LoadedData {
  readonly rows: MetricRow[];
  readonly sources: DataSource[];
  /** Custom metrics found in rows (neither built in nor declared), as flows. */
  readonly discovered: MetricDef[];
  /** Where they occur: an error unless a custom KPI's formula names them (see `reportUndeclared`). */
  readonly undeclared: UndeclaredMetric[];
  /** A reporter per file, to position problems found later (duplicates). */
  readonly reporters: ReadonlyMap<string, FileReporter>;
}

/** Validates every metric file and returns its rows; problems are appended to `problems`. */
export function loadData(files: readonly SourceFile[], context: DataContext, problems: Problem[]): LoadedData {
  const rows: MetricRow[] = [];
  const sources: DataSource[] = [];
  const discovered = new Map<string, MetricDef>();
  const undeclared = new Map<string, Occurrence>();
  const reporters = new Map<string, FileReporter>();
  for (const file of files) {
    const parsed = parseJson(file.text);
    if (!parsed.ok) {
      addProblem(problems, { file: file.path, ...parsed.position, message: parsed.message });
      continue;
    }
    for (const d of parsed.duplicates) addProblem(problems, { file: file.path, ...d.position, message: d.message });
    if (parsed.duplicates.length > 0)
      countMore(problems, { file: file.path, ...parsed.duplicates[0]!.position, message: '' }, parsed.moreDuplicates);
    const envelope = dataFileSchema.safeParse(parsed.value);
    const report = new FileReporter(file.path, parsed.locator, problems);
    const mayUnderflow = MAY_UNDERFLOW.test(file.text);
    reporters.set(file.path, report);
    if (!envelope.success) {
      for (const p of issuesToProblems(file.path, parsed.locator, dataFileSchema, parsed.value, envelope.error.issues))
        addProblem(problems, p);
      const raw = parsed.value as { channel?: unknown; rows?: unknown } | null;
      if (raw && Array.isArray(raw.rows)) {
        const channel = typeof raw.channel === 'string' ? raw.channel : null;
        raw.rows.forEach((r, i) => checkRow(report, i, r, channel, context, discovered, undeclared, mayUnderflow));
      }
      continue;
    }
    const { source, currency, from, through, rows: rawRows } = envelope.data;
    const channel = envelope.data.channel ?? null;
    if (channel !== null) checkChannel(report, ['channel'], channel, context);
    const before = rows.length;
    rawRows.forEach((raw, i) => {
      const row = checkRow(report, i, raw, channel, context, discovered, undeclared, mayUnderflow);
      if (row) rows.push(row);
    });
    const fileRows = rows.slice(before);
    // Only amounts of money are in a currency: an export of impressions labelled USD in a EUR site says nothing wrong.
    if (currency && currency !== context.currency && holdsMoney(fileRows, context.metrics)) {
      report.at(
        ['currency'],
        `currency ${currency} differs from the site currency ${context.currency}: ` +
          `convert the values to ${context.currency} or change currency in content/site.yaml`,
      );
    }
    // An export with no rows speaks for its channel (a month without delivery), over its `from` to `through`.
    const channels = rawRows.length === 0 && channel !== null ? [channel] : [...new Set(fileRows.map((r) => r.channel))].sort();
    if (through !== undefined) checkThrough(report, through, rawRows);
    if (from !== undefined) checkFrom(report, from, through, rawRows);
    if (rawRows.length === 0) noteUndatedEmpty(report, channel, from, through);
    sources.push({
      file: file.path,
      channels,
      source: source ?? null,
      currency: currency ?? null,
      from: from ?? null,
      through: through ?? null,
      rows: fileRows.length,
    });
  }
  checkSums(rows, context, discovered, reporters);
  return { rows, sources, discovered: [...discovered.values()], undeclared: [...undeclared.values()], reporters };
}

/**
 * Refuses a summed metric whose values, over every file and channel, add up past 2^53 − 1: a
 * quarter's or the all-channel total could then not be summed exactly, though each value is
 * exact. Reported once per metric, at the row where the sum passes it.
 */
function checkSums(
  rows: readonly MetricRow[],
  context: DataContext,
  discovered: ReadonlyMap<string, MetricDef>,
  reporters: ReadonlyMap<string, FileReporter>,
): void {
  const sums = new Map<string, number>();
  for (const row of rows) {
    for (const key in row.values) {
      const sum = sums.get(key) ?? 0;
      if (sum > MAX_EXACT) continue;
      const def = context.metrics.get(key) ?? discovered.get(key);
      if (def?.aggregation === 'stock') continue;
      const next = sum + Math.abs(row.values[key]!);
      sums.set(key, next);
      if (next <= MAX_EXACT) continue;
      reporters
        .get(row.origin.file)
        ?.at(
          ['rows', row.origin.row, key],
          `${key}: the values of ${key} add up past 2^53 − 1 (${MAX_EXACT}) at this row: ` +
            'their totals cannot be summed exactly (check the unit: a value in thousandths, or a value pasted twice)',
        );
    }
  }
}

/**
 * Reports metric names that are neither built in, declared, nor named in a custom KPI's
 * formula (nor under `metrics:` with a problem of their own): once per file, at the first
 * row, with "did you mean".
 */
export function reportUndeclared(data: LoadedData, known: readonly string[], allowed: ReadonlySet<string>): void {
  for (const u of data.undeclared) {
    if (allowed.has(u.name)) continue;
    const more = u.rows > 1 ? `; also in ${u.rows - 1} more row${u.rows > 2 ? 's' : ''} of this file` : '';
    data.reporters
      .get(u.file)!
      .at(
        ['rows', u.row, u.name],
        `unknown metric '${u.name}'${hint(u.name, known, 'metrics')} (declare custom metrics under metrics: in content/site.yaml${more})`,
        'key',
      );
  }
}

function checkChannel(report: FileReporter, path: Array<string | number>, channel: string, context: DataContext): boolean {
  if (channel === 'all') {
    report.at(path, "channel 'all' is reserved for every channel together: name the channel the data comes from");
    return false;
  }
  if (/^v\d+$/.test(channel)) {
    report.at(
      path,
      `channel '${channel}' would clash with the URLs of frozen report versions (/reports/<quarter>/v1/): give the channel another id`,
    );
    return false;
  }
  if (context.channels && !context.channels.includes(channel)) {
    report.at(
      path,
      `unknown channel '${channel}'${hint(channel, context.channels, 'channels')}` +
        ' (channels are declared in content/site.yaml)',
    );
    return false;
  }
  return true;
}

type Occurrence = { -readonly [K in keyof UndeclaredMetric]: UndeclaredMetric[K] };

/** Why a name that formulas may read besides metrics cannot be given in data, and what to do. */
function notInData(name: SpecialVariable): string {
  const instead =
    name === 'customer_ltv'
      ? 'remove it from the data'
      : name === 'followers_start'
        ? 'give followers instead'
        : 'give followers, new_followers or lost_followers instead';
  return `${computedName(name)}: ${instead}`;
}

/** The largest integer a double holds exactly: bigger values cannot be summed exactly. */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * Text that may hold a number too small for a double (below about 5e-324, read as 0): an exponent
 * of -100 or less, or a point followed by 300 zeros. Only then are the zeros of a file read again
 * from its text, so that files of many zeros load at parse speed.
 */
const MAY_UNDERFLOW = /[eE]-0*[1-9][0-9]{2}|\.0{300}/;

function checkRow(
  report: FileReporter,
  i: number,
  raw: unknown,
  fileChannel: string | null,
  context: DataContext,
  discovered: Map<string, MetricDef>,
  undeclared: Map<string, Occurrence>,
  /** Whether the file's text may hold a number that underflows to 0 (`MAY_UNDERFLOW`). */
  mayUnderflow = false,
): MetricRow | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report.at(
      ['rows', i],
      `a row must be an object with a date, month or quarter and metric values, got ${describeValue(raw, true)}`,
    );
    return null;
  }
  const record = raw as Record<string, unknown>;
  let ok = true;
  let period: Period | null = null;
  let periodKey: string | null = null;
  let channel = fileChannel;
  const values: Record<string, number> = {};
  let metricCount = 0;
  for (const key in record) {
    const value = record[key];
    if (key === 'date' || key === 'month' || key === 'quarter') {
      if (periodKey !== null) {
        report.at(['rows', i, key], `a row covers one period: it has both '${periodKey}' and '${key}'`, 'key');
        ok = false;
        continue;
      }
      periodKey = key;
      period = checkPeriod(report, i, key, value);
      if (!period) ok = false;
      continue;
    }
    if (key === 'channel') {
      if (typeof value !== 'string' || !SLUG.test(value)) {
        report.at(['rows', i, key], `channel must be a channel id, got ${describeValue(value, true)}`);
        ok = false;
      } else if (checkChannel(report, ['rows', i, key], value, context)) channel = value;
      else ok = false;
      continue;
    }
    let def = context.metrics.get(key) ?? discovered.get(key);
    if (!def) {
      if (!METRIC_NAME.test(key)) {
        const near = hint(key.toLowerCase(), context.metrics.ids(), 'metrics');
        report.at(['rows', i, key], `'${key}' is not a metric name: metric names are lower_snake_case${near}`, 'key');
        ok = false;
        continue;
      }
      if (isSpecialVariable(key)) {
        report.at(['rows', i, key], notInData(key), 'key');
        ok = false;
        continue;
      }
      def = customFlow(key);
      discovered.set(key, def);
    }
    if (!def.builtIn && !context.metrics.get(key)) {
      const where = `${report.file}\u0000${key}`;
      const seen = undeclared.get(where);
      if (seen) seen.rows++;
      else undeclared.set(where, { name: key, file: report.file, row: i, rows: 1 });
    }
    const written = value === 0 && mayUnderflow ? report.numberText(['rows', i, key]) : null;
    if (written !== null && /[1-9]/.test(written.split(/[eE]/)[0]!)) {
      // 1e-400 is read as 0 as 1e400 is read as Infinity: a typo either way.
      report.at(
        ['rows', i, key],
        `${key}: ${shownNumber(written)} is too small for a number (it would be read as 0): write 0, or check the value`,
      );
      ok = false;
      continue;
    }
    if (typeof value === 'number' && Number.isFinite(value) && (value >= 0 || def.signed) && Math.abs(value) <= MAX_EXACT) {
      // (−0 is 0: a count, and a page would print it "-0".)
      values[key] = value === 0 ? 0 : value;
      metricCount++;
      continue;
    }
    ok = false;
    if (typeof value !== 'number') {
      report.at(
        ['rows', i, key],
        `${key}: expected a number, got ${describeValue(value, true)}` +
          (value === null || value === '' ? ' (leave a missing value out of the row)' : ''),
      );
    } else if (!Number.isFinite(value)) {
      report.at(['rows', i, key], `${key}: the number is out of range (not finite)`);
    } else if (Math.abs(value) > MAX_EXACT) {
      // The text as written: the value read is the nearest double (9007199254740993 reads as …992).
      const shown = report.numberText(['rows', i, key]) ?? String(value);
      report.at(
        ['rows', i, key],
        `${key}: ${shownNumber(shown)} is above 2^53 − 1 (${MAX_EXACT}): such numbers cannot be summed exactly`,
      );
    } else {
      report.at(
        ['rows', i, key],
        `${key}: ${value} is negative: metric values are counts or amounts ≥ 0` +
          // A built-in metric's aggregation and sign are fixed (red-team 31 #6): only a custom one can be declared signed.
          (def.builtIn
            ? ` (${key} is a built-in metric and cannot be negative: check the value, or the export it came from)`
            : ' (declare the metric signed under metrics: in content/site.yaml if negatives are meant)'),
      );
    }
  }
  if (periodKey === null) {
    report.at(['rows', i], `the row has no period: give it a date (2026-04-01), a month (2026-04) or a quarter (2026-Q2)`);
    return null;
  }
  if (ok && metricCount === 0) {
    report.at(['rows', i], 'the row has no metric values');
    return null;
  }
  if (channel === null) {
    report.at(['rows', i], 'the row names no channel and the file gives none: add "channel" to the file or to the row');
    return null;
  }
  if (!ok || !period) return null;
  return { channel, period, values, origin: { file: report.file, row: i } };
}

function checkPeriod(report: FileReporter, i: number, key: string, value: unknown): Period | null {
  if (typeof value !== 'string') {
    report.at(['rows', i, key], `${key}: expected text such as ${example(key)}, got ${describeValue(value, true)}`);
    return null;
  }
  if (key === 'date') {
    const parsed = parseIsoDate(value);
    if (!parsed.ok) {
      report.at(['rows', i, key], `date: ${parsed.reason}`);
      return null;
    }
    return dayPeriod(parsed.day, value);
  }
  const shape = key === 'month' ? MONTH : QUARTER;
  const parsed = parsePeriod(value);
  if (!shape.test(value) || !parsed.ok) {
    report.at(['rows', i, key], `${key}: ${parsed.ok ? `'${value}' is not written like ${example(key)}` : parsed.reason}`);
    return null;
  }
  return parsed.period;
}

function example(key: string): string {
  return key === 'date' ? '2026-04-01' : key === 'month' ? '2026-04' : '2026-Q2';
}

/**
 * `through` (a valid day) is on or after the file's last row. Every row with a valid period
 * counts, refused or not, so that every problem of the file is reported at once.
 */
function checkThrough(report: FileReporter, through: string, rawRows: readonly unknown[]): void {
  const parsed = parseIsoDate(through);
  if (!parsed.ok) return;
  let last = { end: -Infinity, row: -1 };
  rawRows.forEach((raw, i) => {
    const end = rawPeriod(raw)?.end ?? null;
    if (end !== null && end > last.end) last = { end, row: i };
  });
  if (last.end > parsed.day) {
    report.at(
      ['through'],
      `through ${through} is before the last row of the file (${formatDay(last.end)}, rows[${last.row}]): ` +
        'through is the last day the export covers; correct it or remove it',
    );
  }
}

/**
 * An export with no rows covers days only where it names its channel and gives both `from` and
 * `through` (a month without delivery: none of the channel's flows on those days, see
 * `MetricIndex.build`); otherwise it says nothing, which is worth a note rather than silence.
 */
function noteUndatedEmpty(
  report: FileReporter,
  channel: string | null,
  from: string | undefined,
  through: string | undefined,
): void {
  if (channel !== null && from !== undefined && through !== undefined) return;
  const missing = [
    channel === null ? '"channel"' : null,
    from === undefined ? '"from"' : null,
    through === undefined ? '"through"' : null,
  ]
    .filter((m) => m !== null)
    .join(' and ');
  report.note(
    ['rows'],
    `this export has no rows and no ${missing}, so it covers no days: an export of days without activity ` +
      '(a month without delivery) covers them when it gives its channel and its first and last day (from, through); ' +
      'add them, or delete the file',
    'key',
  );
}

/**
 * `from` (a valid day) is on or before the file's first row (the first day of its period: a month
 * row covers its month from the 1st) and on or before `through`. As for `through`, every row with
 * a valid period counts, refused or not.
 */
function checkFrom(report: FileReporter, from: string, through: string | undefined, rawRows: readonly unknown[]): void {
  const parsed = parseIsoDate(from);
  if (!parsed.ok) return;
  const last = through === undefined ? null : parseIsoDate(through);
  if (last?.ok && last.day < parsed.day) {
    report.at(
      ['from'],
      `from ${from} is after through (${through}): from is the first day the export covers and through its last; ` +
        'correct them or remove from',
    );
    return;
  }
  let first = { start: Infinity, row: -1 };
  rawRows.forEach((raw, i) => {
    const start = rawPeriod(raw)?.start ?? null;
    if (start !== null && start < first.start) first = { start, row: i };
  });
  if (first.start < parsed.day) {
    report.at(
      ['from'],
      `from ${from} is after the first row of the file (${formatDay(first.start)}, rows[${first.row}]): ` +
        'from is the first day the export covers; correct it or remove it',
    );
  }
}

/** The first and last day of a raw row's period, when it gives exactly one valid date, month or quarter; else null. */
function rawPeriod(raw: unknown): { start: number; end: number } | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const record = raw as Record<string, unknown>;
  const keys = (['date', 'month', 'quarter'] as const).filter((k) => k in record);
  if (keys.length !== 1) return null;
  const key = keys[0]!;
  const value = record[key];
  if (typeof value !== 'string') return null;
  if (key === 'date') {
    const day = parseIsoDate(value);
    return day.ok ? { start: day.day, end: day.day } : null;
  }
  const period = parsePeriod(value);
  return period.ok && (key === 'month' ? MONTH : QUARTER).test(value)
    ? { start: period.period.start, end: period.period.end }
    : null;
}

/** Metrics that are amounts of money: spend and revenue, and declared metrics in unit `money`. */
const MONEY_METRICS: ReadonlySet<string> = new Set(['spend', 'revenue']);

/** Whether rows give an amount of money (a row that failed its checks is not among them: its problems stand). */
function holdsMoney(rows: readonly MetricRow[], metrics: MetricTable): boolean {
  const isMoney = (name: string): boolean => {
    if (MONEY_METRICS.has(name)) return true;
    const def = metrics.get(name);
    return def !== undefined && isDeclaredMetric(def) && def.unit === 'money';
  };
  return rows.some((row) => Object.keys(row.values).some(isMoney));
}

/** A number as the file writes it, for a message: its first 40 characters and its length beyond that (never a file's bytes at length). */
function shownNumber(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}… (${text.length.toLocaleString('en-US')} characters)`;
}
