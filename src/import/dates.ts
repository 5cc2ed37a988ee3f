/**
 * Dates in platform exports, parsed with explicit per-export formats: never `new Date(str)`
 * (import-formats.md §1 "Dates"). A column is parsed as a whole, because two things depend
 * on every value: whether `03/06/2026` is day- or month-first (decided by values with a
 * part above 12, then by the date range in the file name, then by the narrower span of
 * the file's own dates, else reported), and the year of TikTok's `28 August` (inferred
 * from an anchor: the window start or the download time in the file name).
 */
import { type Day, dayFromParts, daysInMonth, formatDay, partsOfDay } from '../core/dates.ts';
import type { CellValue } from './table.ts';

/**
 * - `iso`: 2025-08-01, 2024/10/01, 2025-08-01T00:00:00, 2026-07-20 13:18:00, 2026-06-20 09:00 +0000
 * - `yyyymmdd`: 20260501 (GA4)         - `yyyymm`: 202504 (GA4 Year month: a month)
 * - `slash`: 08/31/2025 14:05 or 31/08/2025 (order decided per column)
 * - `month-name`: Sat, Sep 13, 2026 · Sep 20, 2026 · Sep 1 2026 · 20 Sep 2026 · Oct 20, 2025
 * - `no-year`: 28 August, August 28, 9月16日 (TikTok)
 * - `serial`: an Excel date cell (a number)
 */
export type DateFormat = 'iso' | 'yyyymmdd' | 'yyyymm' | 'slash' | 'month-name' | 'no-year' | 'serial';

export type DateOrder = 'mdy' | 'dmy';

export interface DateContext {
  /** The file's name (not path), searched for a date range or anchor. */
  readonly fileName: string;
  /** Forced order for ambiguous slash dates (`--date-order`). */
  readonly order: DateOrder | null;
  /** The day the file was saved, the last resort anchor for dates without a year. */
  readonly fallbackAnchor: Day | null;
  readonly date1904: boolean;
}

export interface DateColumn {
  /** Day of each value (first day of the month for `yyyymm`), null where it failed or is missing. */
  readonly days: Array<Day | null>;
  /** Whether the values are months (`yyyymm`). */
  readonly months: boolean;
  /** Errors by value index. */
  readonly errors: Map<number, string>;
  /** How the column was read, for the summary (e.g. "MM/DD/YYYY, by the file name's range"). */
  readonly note: string | null;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'janvier', 'janv', 'gennaio', 'gen', 'januar', 'janeiro', 'enero', 'ene']],
  [2, ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'febbraio', 'februar', 'fevereiro', 'fev', 'febrero']],
  [3, ['march', 'mar', 'mars', 'marzo', 'märz', 'marz', 'março', 'marco']],
  [4, ['april', 'apr', 'avril', 'avr', 'aprile', 'abril', 'abr']],
  [5, ['may', 'mai', 'maggio', 'mag', 'maio', 'mayo']],
  [6, ['june', 'jun', 'juin', 'giugno', 'giu', 'juni', 'junho', 'junio']],
  [7, ['july', 'jul', 'juillet', 'juil', 'luglio', 'lug', 'juli', 'julho', 'julio']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sep', 'sept', 'septembre', 'settembre', 'set', 'setembro', 'septiembre']],
  [10, ['october', 'oct', 'octobre', 'ottobre', 'ott', 'oktober', 'okt', 'outubro', 'out', 'octubre']],
  [11, ['november', 'nov', 'novembre', 'novembro', 'noviembre']],
  [12, ['december', 'dec', 'décembre', 'decembre', 'déc', 'dicembre', 'dic', 'dezember', 'dez', 'dezembro', 'diciembre']],
];
for (const [m, names] of MONTH_NAMES) for (const n of names) MONTHS[n] = m;

function monthOf(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const ISO = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;
const SLASH = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;
const NAME_FIRST = /^(?:[A-Za-zÀ-ÿ]+\.?,?\s+)?([A-Za-zÀ-ÿ]+\.?)\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+\d{1,2}:\d{2}.*)?$/;
const DAY_FIRST = /^(?:[A-Za-zÀ-ÿ]+\.?,?\s+)?(\d{1,2})\.?\s+([A-Za-zÀ-ÿ]+\.?),?\s+(\d{4})(?:,?\s+\d{1,2}:\d{2}.*)?$/;
const NO_YEAR_DM = /^(\d{1,2})\.?\s+([A-Za-zÀ-ÿ]+\.?)$/;
const NO_YEAR_MD = /^([A-Za-zÀ-ÿ]+\.?)\s+(\d{1,2})$/;
const NO_YEAR_JA = /^(\d{1,2})月(\d{1,2})日$/;

type One =
  | { kind: 'day'; day: Day }
  | { kind: 'month'; day: Day }
  | { kind: 'slash'; a: number; b: number; y: number }
  | { kind: 'no-year'; m: number; d: number }
  | { kind: 'bad'; message: string };

function parseOne(value: CellValue, formats: readonly DateFormat[], date1904: boolean): One {
  if (typeof value === 'number') {
    if (!formats.includes('serial')) return { kind: 'bad', message: `expected a date, got the number ${value}` };
    const serial = Math.floor(value);
    if (serial < 1 || serial > 200000) return { kind: 'bad', message: `${value} is not an Excel date` };
    // Excel's 1900 system counts a 29 February 1900 that did not exist: serial 25569 is 1970-01-01.
    return { kind: 'day', day: serial - (date1904 ? 24107 : 25569) };
  }
  const text = value.trim();
  let m: RegExpExecArray | null;
  for (const format of formats) {
    switch (format) {
      case 'iso':
        if ((m = ISO.exec(text))) {
          const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
          return valid(y, mo, d)
            ? { kind: 'day', day: dayFromParts(y, mo, d) }
            : { kind: 'bad', message: `'${text}' is not a date that exists` };
        }
        break;
      case 'yyyymmdd':
        if ((m = COMPACT_DAY.exec(text))) {
          const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
          return valid(y, mo, d)
            ? { kind: 'day', day: dayFromParts(y, mo, d) }
            : { kind: 'bad', message: `'${text}' is not a date that exists` };
        }
        break;
      case 'yyyymm':
        if ((m = COMPACT_MONTH.exec(text))) {
          const [y, mo] = [Number(m[1]), Number(m[2])];
          return valid(y, mo, 1)
            ? { kind: 'month', day: dayFromParts(y, mo, 1) }
            : { kind: 'bad', message: `'${text}' is not a month` };
        }
        break;
      case 'slash':
        if ((m = SLASH.exec(text))) return { kind: 'slash', a: Number(m[1]), b: Number(m[2]), y: Number(m[3]) };
        break;
      case 'month-name': {
        let mo: number | undefined;
        let d = 0;
        let y = 0;
        if ((m = NAME_FIRST.exec(text)) && (mo = monthOf(m[1]!)) !== undefined) {
          d = Number(m[2]);
          y = Number(m[3]);
        } else if ((m = DAY_FIRST.exec(text)) && (mo = monthOf(m[2]!)) !== undefined) {
          d = Number(m[1]);
          y = Number(m[3]);
        }
        if (mo !== undefined) {
          return valid(y, mo, d)
            ? { kind: 'day', day: dayFromParts(y, mo, d) }
            : { kind: 'bad', message: `'${text}' is not a date that exists` };
        }
        break;
      }
      case 'no-year': {
        let mo: number | undefined;
        let d = 0;
        if ((m = NO_YEAR_DM.exec(text)) && (mo = monthOf(m[2]!)) !== undefined) d = Number(m[1]);
        else if ((m = NO_YEAR_MD.exec(text)) && (mo = monthOf(m[1]!)) !== undefined) d = Number(m[2]);
        else if ((m = NO_YEAR_JA.exec(text))) {
          mo = Number(m[1]);
          d = Number(m[2]);
        }
        if (mo !== undefined) {
          return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(2024, mo)
            ? { kind: 'no-year', m: mo, d }
            : { kind: 'bad', message: `'${text}' is not a day of the year` };
        }
        break;
      }
      case 'serial':
        break;
    }
  }
  return {
    kind: 'bad',
    message: `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}' is not a date in a format this export uses (${formats.map(describe).join(', ')})`,
  };
}

function describe(format: DateFormat): string {
  return {
    iso: 'YYYY-MM-DD',
    yyyymmdd: 'YYYYMMDD',
    yyyymm: 'YYYYMM',
    slash: 'MM/DD/YYYY or DD/MM/YYYY',
    'month-name': 'Sep 13, 2026',
    'no-year': '28 August',
    serial: 'an Excel date cell',
  }[format];
}

/** Two dates (a window) or one in a file name: `Aug-01-2025_Aug-31-2025_…`, `…_20260601_20260630_…`, `2025-08-28`. */
export function datesInName(name: string): Day[] {
  const out: Day[] = [];
  const re = /(\d{4})-(\d{2})-(\d{2})|(?<![0-9])(\d{4})(\d{2})(\d{2})(?![0-9])|([A-Za-z]{3})-(\d{2})-(\d{4})/g;
  for (const m of name.matchAll(re)) {
    let y: number, mo: number | undefined, d: number;
    if (m[1]) {
      y = Number(m[1]);
      mo = Number(m[2]);
      d = Number(m[3]);
    } else if (m[4]) {
      y = Number(m[4]);
      mo = Number(m[5]);
      d = Number(m[6]);
    } else {
      y = Number(m[9]);
      mo = monthOf(m[7]!);
      d = Number(m[8]);
    }
    if (mo !== undefined && valid(y, mo, d)) out.push(dayFromParts(y, mo, d));
  }
  return out;
}

/** A 10-digit Unix time in a file name (TikTok: `Overview_2025-08-28_1787841428_…`): the download day. */
function downloadDayInName(name: string): Day | null {
  const m = /(?<![0-9])(1[5-9]\d{8})(?![0-9])/.exec(name);
  return m ? Math.floor(Number(m[1]) / 86400) : null;
}

/** Parses a date column. Missing markers (empty, N/A…) give null without an error. */
export function parseDateColumn(
  values: readonly CellValue[],
  formats: readonly DateFormat[],
  context: DateContext,
  isMissing: (v: CellValue) => boolean,
): DateColumn {
  const days: Array<Day | null> = new Array<Day | null>(values.length).fill(null);
  const errors = new Map<number, string>();
  const parsed: Array<One | null> = values.map((v) => (isMissing(v) ? null : parseOne(v, formats, context.date1904)));
  let months = false;
  let note: string | null = null;
  const slashes: number[] = [];
  const noYears: number[] = [];
  parsed.forEach((p, i) => {
    if (!p) return;
    if (p.kind === 'bad') errors.set(i, p.message);
    else if (p.kind === 'day') days[i] = p.day;
    else if (p.kind === 'month') {
      days[i] = p.day;
      months = true;
    } else if (p.kind === 'slash') slashes.push(i);
    else noYears.push(i);
  });

  if (slashes.length > 0) {
    const s = slashes.map((i) => parsed[i] as Extract<One, { kind: 'slash' }>);
    const mdyOk = s.every((p) => valid(p.y, p.a, p.b));
    const dmyOk = s.every((p) => valid(p.y, p.b, p.a));
    let order: DateOrder | null = context.order;
    let why = '--date-order';
    if (!order && mdyOk !== dmyOk) {
      order = mdyOk ? 'mdy' : 'dmy';
      why = 'a day above 12';
    }
    if (!order && mdyOk && dmyOk) {
      const window = datesInName(context.fileName);
      if (window.length >= 2) {
        const [lo, hi] = [Math.min(...window), Math.max(...window)];
        const inside = (o: DateOrder): boolean =>
          s.every((p) => {
            const d = o === 'mdy' ? dayFromParts(p.y, p.a, p.b) : dayFromParts(p.y, p.b, p.a);
            return d >= lo && d <= hi;
          });
        const [mi, di] = [inside('mdy'), inside('dmy')];
        if (mi !== di) {
          order = mi ? 'mdy' : 'dmy';
          why = "the file name's date range";
        }
      }
      if (!order) {
        const span = (o: DateOrder): number => {
          const ds = s.map((p) => (o === 'mdy' ? dayFromParts(p.y, p.a, p.b) : dayFromParts(p.y, p.b, p.a)));
          return Math.max(...ds) - Math.min(...ds);
        };
        const [ms, ds] = [span('mdy'), span('dmy')];
        if (ms !== ds) {
          order = ms < ds ? 'mdy' : 'dmy';
          why = "the narrower range of the file's dates";
        }
      }
    }
    if (!order) {
      const neither = slashes.filter((_, k) => !valid(s[k]!.y, s[k]!.a, s[k]!.b) && !valid(s[k]!.y, s[k]!.b, s[k]!.a));
      for (const i of neither) {
        const p = parsed[i] as Extract<One, { kind: 'slash' }>;
        errors.set(i, `${p.a}/${p.b}/${p.y} is not a date, day-first or month-first`);
      }
      if (neither.length === 0) {
        const first = s[0]!;
        errors.set(
          slashes[0]!,
          !mdyOk && !dmyOk
            ? 'the dates mix day-first (DD/MM/YYYY) and month-first (MM/DD/YYYY) order'
            : `${first.a}/${first.b}/${first.y} could be ${describeDay(first.y, first.a, first.b)} or ${describeDay(first.y, first.b, first.a)}, ` +
                'and neither the other dates nor the file name decide: pass --date-order mdy or --date-order dmy',
        );
      }
    } else {
      note = `${order === 'mdy' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'} (by ${why})`;
      for (const i of slashes) {
        const p = parsed[i] as Extract<One, { kind: 'slash' }>;
        const [mo, d] = order === 'mdy' ? [p.a, p.b] : [p.b, p.a];
        if (valid(p.y, mo, d)) days[i] = dayFromParts(p.y, mo, d);
        else
          errors.set(
            i,
            `${p.a}/${p.b}/${p.y} is not a date in ${order === 'mdy' ? 'MM/DD/YYYY' : 'DD/MM/YYYY'} order (${why} decided the order)`,
          );
      }
    }
  }

  if (noYears.length > 0)
    inferYears(noYears, parsed, days, errors, context, (n) => {
      note = n;
    });
  return { days, months, errors, note };
}

function describeDay(y: number, m: number, d: number): string {
  return valid(y, m, d) ? formatDay(dayFromParts(y, m, d)) : 'no date';
}

/** TikTok dates without a year: forward from a window start, or back from a download day. */
function inferYears(
  indexes: number[],
  parsed: Array<One | null>,
  days: Array<Day | null>,
  errors: Map<number, string>,
  context: DateContext,
  setNote: (note: string) => void,
): void {
  const md = (i: number): { m: number; d: number } => parsed[i] as Extract<One, { kind: 'no-year' }>;
  const key = (p: { m: number; d: number }): number => p.m * 100 + p.d;
  const download = downloadDayInName(context.fileName);
  const named = datesInName(context.fileName);
  const place = (i: number, y: number): void => {
    const p = md(i);
    if (valid(y, p.m, p.d)) days[i] = dayFromParts(y, p.m, p.d);
    else errors.set(i, `${p.d}/${p.m} does not exist in ${y}, the year inferred for it`);
  };
  if (named.length > 0 && download === null) {
    const start = partsOfDay(Math.min(...named));
    let y = start.year;
    let previous = start.month * 100 + start.day;
    for (const i of indexes) {
      const k = key(md(i));
      if (k < previous) y++;
      previous = k;
      place(i, y);
    }
    setNote(`year from the window start ${formatDay(Math.min(...named))} in the file name`);
    return;
  }
  const anchor = download ?? context.fallbackAnchor;
  if (anchor === null) {
    for (const i of indexes) errors.set(i, 'the date has no year and the file name has no date to infer it from');
    return;
  }
  const a = partsOfDay(anchor);
  let y = a.year;
  let next = a.month * 100 + a.day;
  for (let j = indexes.length - 1; j >= 0; j--) {
    const i = indexes[j]!;
    const k = key(md(i));
    if (k > next) y--;
    next = k;
    place(i, y);
  }
  setNote(
    `year counted back from ${download !== null ? 'the download time in the file name' : "the file's modification date"} (${formatDay(anchor)})`,
  );
}
