/**
 * Memoised Intl formatters: one `Intl.NumberFormat` / `Intl.DateTimeFormat` per locale and
 * options for the whole process. Building them is costly (tens of microseconds and ~30 KB
 * each); formatting with a shared one gives the same text.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

const plainNumberFormats = new Map<string, Intl.NumberFormat>();

/** The `Intl.NumberFormat` of a locale and options, built once. */
export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  if (options === undefined) {
    // The locale's default format (counts in words, table cells): found without writing out its options.
    let plain = plainNumberFormats.get(locale);
    if (!plain) plainNumberFormats.set(locale, (plain = numberFormat(locale, {})));
    return plain;
  }
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** The `Intl.DateTimeFormat` of a locale and options, built once. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) dateTimeFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** Memoises a function of string arguments (results are frozen: they are shared). */
export function memoByStrings<A extends string[], R extends object>(fn: (...args: A) => R): (...args: A) => R {
  const results = new Map<string, R>();
  return (...args: A) => {
    const key = args.join('\u0000');
    let r = results.get(key);
    if (!r) results.set(key, (r = deepFreeze(fn(...args))));
    return r;
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
}

/** The UTC instant of an ISO day (`2026-09-28`), or null when it is not one. */
function dayInstant(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/**
 * A calendar day (ISO `2026-09-28`) as the locale writes it, for page text: "Sep 28, 2026"
 * (en-US), "28 Sept 2026" (en-GB), "28 sept. 2026" (fr-FR), "28 set 2026" (it-IT). Anything
 * that is not an ISO day is returned as it is. CSV and JSON keep ISO; `<time datetime>` too.
 */
export function formatDate(iso: string, locale: string): string {
  const t = dayInstant(iso);
  return t === null ? iso : dateTimeFormat(locale, DAY).format(t);
}

/** Two ISO days as a range in the locale's words: "Jul 1 – Dec 31, 2026", "1 juil. – 31 déc. 2026". */
export function formatDateRange(start: string, end: string, locale: string): string {
  const a = dayInstant(start);
  const b = dayInstant(end);
  if (a === null || b === null) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  return dateTimeFormat(locale, DAY).formatRange(a, b);
}

/**
 * A period as a reader names it, from its label: a quarter or a year as written (`2026-Q3`,
 * `2026`); a month, a day or a range of days in the locale's words ("July 2026", "Jul 1 – Dec 31, 2026").
 */
export function formatPeriod(label: string, locale: string): string {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(label);
  if (range) return formatDateRange(range[1]!, range[2]!, locale);
  if (/^\d{4}-\d{2}$/.test(label))
    return dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${label}-01T00:00:00Z`),
    );
  return formatDate(label, locale);
}
