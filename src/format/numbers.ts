/**
 * Locale-aware display of KPI values, changes and statuses (Intl only). Numbers in JSON
 * stay unrounded; rounding happens here, for people.
 */
import type { Unit } from '../core/catalogue.ts';
import type { GoalStatus } from '../core/status.ts';
import { dateTimeFormat, numberFormat } from './intl.ts';
import { uiStrings } from '../translations/index.ts';

export interface FormatOptions {
  readonly locale: string;
  readonly currency: string;
  /** The site's `strings:` overrides (the word for a missing value is one of them). */
  readonly strings?: Readonly<Record<string, string>>;
}

const inCurrency = new WeakMap<object, Map<string, object>>();

/**
 * `fmt` with its amounts in `currency` (a frozen report's, which may not be the site's of today):
 * `fmt` itself when it is already that currency, else one object per settings and currency.
 */
export function withCurrency<T extends FormatOptions>(fmt: T, currency: string): T {
  if (fmt.currency === currency) return fmt;
  let byCode = inCurrency.get(fmt);
  if (!byCode) inCurrency.set(fmt, (byCode = new Map()));
  let found = byCode.get(currency);
  if (!found) byCode.set(currency, (found = { ...fmt, currency }));
  return found as T;
}

/** The word for a value that cannot be computed, in the locale's language: "n/a", "n.d.". */
export function notAvailable(opts: FormatOptions): string {
  return uiStrings(opts.locale, opts.strings).values.notAvailable;
}

/** A KPI value in its unit: "4.4%", "0.45%", "€1,234.50", "12,050", "3.2×", "n/a" for null. */
export function formatKpiValue(value: number | null, unit: Unit, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  const name = kpiFormatName(value, unit);
  const text = kpiFormat(opts.locale, opts.currency, name).format(value);
  return unit === 'ratio' ? `${text}×` : text;
}

/**
 * KPI values a reader compares with a target (an actual, the target, a baseline, a projection),
 * each as `formatKpiValue` writes it; where that rounds a value and the target (`values[target]`)
 * to the same text although they differ ("2.0% of 2.0%" for a goal missed), all values of that
 * format get as many more fraction digits as tell them apart (at most four more; money at least
 * to its cents): "1.97% of 2.04%". Values of another format (0.45% beside 2.0%) keep theirs.
 */
export function formatKpiValues(values: readonly (number | null)[], unit: Unit, opts: FormatOptions, target = 1): string[] {
  const texts = values.map((v) => formatKpiValue(v, unit, opts));
  const goal = values[target];
  if (goal === null || goal === undefined || !Number.isFinite(goal)) return texts;
  const name = kpiFormatName(goal, unit);
  const options = KPI_FORMATS[name](opts.currency);
  const digits = numberFormat(opts.locale, options).resolvedOptions().maximumFractionDigits ?? 0;
  const finer = (more: number): string[] => {
    const f = numberFormat(opts.locale, {
      ...options,
      minimumFractionDigits: digits + more,
      maximumFractionDigits: digits + more,
    });
    return values.map((v, i) =>
      v !== null && Number.isFinite(v) && kpiFormatName(v, unit) === name
        ? `${f.format(v)}${unit === 'ratio' ? '×' : ''}`
        : texts[i]!,
    );
  };
  // The values that read as the target now and that the finest display tells apart from it (closer ones stay together).
  const finest = finer(MORE_DIGITS);
  const clashing = values.flatMap((v, i) =>
    i !== target && v !== goal && texts[i] === texts[target] && finest[i] !== finest[target] ? [i] : [],
  );
  if (clashing.length === 0) return texts;
  for (let more = unit === 'money' ? Math.max(1, 2 - digits) : 1; more < MORE_DIGITS; more++) {
    const written = finer(more);
    if (clashing.every((i) => written[i] !== written[target])) return written;
  }
  return finest;
}

/** The most fraction digits `formatKpiValues` adds to tell values apart. */
const MORE_DIGITS = 4;

/** An actual and its target as `formatKpiValues` writes them. */
export function formatKpiPair(a: number | null, b: number | null, unit: Unit, opts: FormatOptions): readonly [string, string] {
  const [x, y] = formatKpiValues([a, b], unit, opts);
  return [x!, y!];
}

/** The format a KPI value is written in, by its unit and size. */
function kpiFormatName(value: number, unit: Unit): keyof typeof KPI_FORMATS {
  switch (unit) {
    // One decimal everywhere (25.2% beside 28.0%), two below 1% where one would hide the figure (0.45%).
    case 'percent':
      return Math.abs(value) < 0.01 && value !== 0 ? 'percent2' : 'percent1';
    case 'money':
      return Math.abs(value) >= 100 ? 'money0' : 'money2';
    case 'ratio':
      return 'ratio';
    case 'minutes':
      return 'minutes';
    case 'score':
    case 'per_post':
      return 'one';
    case 'count':
      return Math.abs(value) >= 100 ? 'count0' : 'one';
  }
}

/** The number formats of KPI values, by name (what `formatKpiValue` picks from a unit and a value). */
const KPI_FORMATS = {
  percent1: () => ({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  percent2: () => ({ style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  money0: (currency) => ({ style: 'currency', currency, maximumFractionDigits: 0 }),
  money2: (currency) => ({ style: 'currency', currency, maximumFractionDigits: 2 }),
  ratio: () => ({ maximumFractionDigits: 2 }),
  minutes: () => ({ style: 'unit', unit: 'minute', maximumFractionDigits: 1 }),
  one: () => ({ maximumFractionDigits: 1 }),
  count0: () => ({ maximumFractionDigits: 0 }),
} as const satisfies Record<string, (currency: string) => Intl.NumberFormatOptions>;

/** A number format that keeps the texts it wrote: a quarter's values recur on its channels' pages, in the CSVs and the charts' tables. */
interface KeptFormat {
  format(value: number): string;
}

const kpiFormats = new Map<string, KeptFormat>();

/** At most this many texts kept per format (then it starts again). */
const KEPT = 20_000;

/** A KPI value's format, looked up without building its options (formatted values are many: every table cell and label). */
function kpiFormat(locale: string, currency: string, name: keyof typeof KPI_FORMATS): KeptFormat {
  const key = `${name}\u0000${locale}\u0000${currency}`;
  let f = kpiFormats.get(key);
  if (!f) kpiFormats.set(key, (f = kept(numberFormat(locale, KPI_FORMATS[name](currency)))));
  return f;
}

function kept(intl: Intl.NumberFormat): KeptFormat {
  const texts = new Map<number, string>();
  return {
    format(value: number): string {
      // A map's keys do not tell −0 from 0, the format does ("-0%"): −0 is formatted each time.
      if (Object.is(value, -0)) return intl.format(value);
      let text = texts.get(value);
      if (text === undefined) {
        if (texts.size >= KEPT) texts.clear();
        texts.set(value, (text = intl.format(value)));
      }
      return text;
    },
  };
}

/** A relative change with its sign: "+12.0%", "−3.1%", "n/a". */
export function formatChange(value: number | null, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  return numberFormat(opts.locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(value);
}

/** A share such as progress or a score, as a percentage: "79%". */
export function formatShare(value: number | null, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  // (`negative`: a share that rounds to 0 reads "0%", never "-0%".)
  return numberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'negative' }).format(value);
}

/** Plain-language status with a symbol, so status never relies on colour alone. */
export const STATUS_LABELS: Readonly<Record<GoalStatus, { label: string; symbol: string }>> = {
  achieved: { label: 'Achieved', symbol: '✔' },
  on_track: { label: 'On track', symbol: '●' },
  at_risk: { label: 'At risk', symbol: '▲' },
  off_track: { label: 'Off track', symbol: '✖' },
  missed: { label: 'Missed', symbol: '✖' },
  not_started: { label: 'Not started', symbol: '○' },
  undecided: { label: 'Undecided', symbol: '◇' },
  no_data: { label: 'No data', symbol: '?' },
};

/** An OKR score on its 0–1 scale with two decimals: "0.55" ("0,55" in French). */
export function formatScore(value: number | null, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  return numberFormat(opts.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** An ISO 8601 instant as a date and time in UTC: "July 3, 2026 at 9:30 AM UTC"; the text itself if unparsable. */
export function formatInstant(iso: string, opts: FormatOptions): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  return dateTimeFormat(opts.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(time) + ' UTC';
}
