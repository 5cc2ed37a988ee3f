/**
 * Cell values → numbers (import-formats.md §1 "Empty and missing values", "Number format").
 * Missing markers are missing, never 0. Grouping separators are stripped per the file's
 * number style: `point` (1,234.5: English headers) or `comma` (1.234,5 / 1 234,5: other
 * languages). Pure.
 */
import type { CellValue } from './table.ts';

/** Cell texts that mean "no value" (compared after trimming, case-insensitively). */
export const MISSING_MARKERS = ['', 'n/a', 'na', '—', '–', '-', '--', 'undefined', 'nan', 'null', '(not set)'] as const;
const MISSING = new Set<string>(MISSING_MARKERS);

export type NumberStyle = 'point' | 'comma';

/** The largest value a metric may have, as in metric JSON: larger numbers are not exact doubles. */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER;

export type NumberResult = { ok: true; value: number | null; currency?: string } | { ok: false; message: string };

/** What a column holds, beyond a number: a count of things (whole), or an amount of money. */
export interface ValueRules {
  /** The metric counts things (impressions, likes, followers…): a fraction is a misread number. */
  readonly count?: boolean;
  /**
   * The metric counts things a platform may credit in fractions (GA4's key events under
   * data-driven attribution: 40.5): a fraction is read, but not one that reads as dot thousands
   * separators (1.234 in a file with English headers).
   */
  readonly credited?: boolean;
  /** The metric is an amount of money: a currency sign or code is read when it is this currency (null: any one). */
  readonly money?: { readonly currency: string | null };
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const POINT_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const COMMA_GROUPED = /^\d{1,3}([.\u00a0\u202f\u2009 ']\d{3})+(,\d+)?$/;
const DIGITS = /^\d{1,15}$/;
const PLAIN = /^\d+(\.\d+)?$/;
const PLAIN_COMMA = /^\d+,\d+$/;

/** Whether a cell is a missing-value marker. */
export function isMissing(value: CellValue): boolean {
  return typeof value === 'string' && MISSING.has(value.trim().toLowerCase());
}

/**
 * A non-negative number, null when missing; an error message for anything else. A count
 * (`rules.count`) must be whole; a money cell (`rules.money`) may carry its currency's sign or
 * code (`€400.25`, `1,400.25 EUR`), given back as `currency`.
 */
export function parseNumber(value: CellValue, style: NumberStyle, rules: ValueRules = {}): NumberResult {
  const result = parseAmount(value, style, rules.money ?? null);
  if (!result.ok || result.value === null || Number.isInteger(result.value)) return result;
  if (rules.count) return { ok: false, message: fractionalCount(value, style) };
  if (rules.credited && style === 'point' && typeof value === 'string' && DOT_GROUPED.test(value.trim().replace(/^[-−]/, '')))
    return { ok: false, message: fractionalCount(value, style) };
  return result;
}

/** Why a count cell that reads as a fraction is refused, with the likely cause. */
function fractionalCount(value: CellValue, style: NumberStyle): string {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const shown = `'${text.length > 30 ? `${text.slice(0, 30)}…` : text}'`;
  if (style === 'point' && typeof value === 'string' && DOT_GROUPED.test(text.replace(/^[-−]/, ''))) {
    return `${shown} is not a whole number, and this column counts things (${dotGrouping(text.replace(/^[-−]/, ''))})`;
  }
  return `${shown} is not a whole number, and this column counts things: check the cell (a count has no fraction)`;
}

function parseAmount(value: CellValue, style: NumberStyle, money: { readonly currency: string | null } | null): NumberResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: 'is not a finite number' };
    if (value < 0) return { ok: false, message: `${value} is negative: metric values are counts or amounts ≥ 0` };
    if (value > MAX_EXACT) return { ok: false, message: tooLarge(String(value)) };
    return { ok: true, value };
  }
  if (DIGITS.test(value)) return { ok: true, value: Number(value) };
  const text = value.trim();
  if (MISSING.has(text.toLowerCase())) return { ok: true, value: null };
  let body = text;
  let percent = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1).trimEnd();
  }
  let negative = false;
  if (/^[-−]/.test(body)) {
    negative = true;
    body = body.slice(1).trimStart();
  }
  let currency: string | undefined;
  const priced = splitCurrency(body);
  if (priced) {
    const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
    if (!money)
      return {
        ok: false,
        message: `'${shown}' is not a number (an amount in ${priced.name}, in a column that is no amount of money)`,
      };
    const code = priced.codes.find((c) => money.currency === null || c === money.currency);
    if (code === undefined)
      return {
        ok: false,
        message:
          `'${shown}' is an amount in ${priced.name}, and the amounts here are in ${money.currency}: ` +
          `convert it to ${money.currency}, or export the report in ${money.currency}`,
      };
    currency = code;
    body = priced.rest;
    if (/^[-−]/.test(body)) {
      negative = true;
      body = body.slice(1).trimStart();
    }
  }
  let n: number | null = null;
  const compact = body.replace(SPACES, ' ');
  if (style === 'comma' && COMMA_GROUPED.test(compact))
    n = Number(compact.replace(/[.\u00a0\u202f\u2009 ']/g, '').replace(',', '.'));
  else if (PLAIN.test(compact)) n = Number(compact);
  else if (style === 'point' && POINT_GROUPED.test(compact)) n = Number(compact.replace(/,/g, ''));
  else if (style === 'comma' && PLAIN_COMMA.test(compact)) n = Number(compact.replace(',', '.'));
  else if (style === 'point' && /^\d{1,3}( \d{3})+(\.\d+)?$/.test(compact)) n = Number(compact.replace(/ /g, ''));
  if (n === null || !Number.isFinite(n)) {
    const hint =
      style === 'point' && PLAIN_COMMA.test(compact)
        ? ' (a decimal comma in a file with English headers: write 12.5, or export in the UI language that uses commas)'
        : style === 'point' && DOT_GROUPED.test(compact)
          ? ` (${dotGrouping(compact)})`
          : '';
    return { ok: false, message: `'${text.length > 30 ? `${text.slice(0, 30)}…` : text}' is not a number${hint}` };
  }
  if (negative && n !== 0) return { ok: false, message: `${text} is negative: metric values are counts or amounts ≥ 0` };
  const result = percent ? n / 100 : n;
  if (result > MAX_EXACT) return { ok: false, message: tooLarge(text.length > 40 ? `${text.slice(0, 40)}…` : text) };
  return currency === undefined ? { ok: true, value: result } : { ok: true, value: result, currency };
}

/** `12.400`, `1.234.567`: what dot thousands separators make of a whole number. */
const DOT_GROUPED = /^\d{1,3}(\.\d{3})+$/;

/** The hint for dot thousands separators in a file with English headers (`12.400`). */
function dotGrouping(text: string): string {
  const whole = text.replace(/\./g, '');
  return (
    'dot thousands separators in a file with English headers: the file was probably re-saved by a European Excel; ' +
    `write ${whole} or ${Number(whole).toLocaleString('en-US')}, or export the file again from the platform`
  );
}

/**
 * A currency sign or ISO code before or after an amount (`€400.25`, `400,25 €`, `1,400.25 EUR`,
 * `CA$12`, `12 kr`): the codes it may stand for (a `$` is several currencies' sign), a name for
 * messages, and the amount's text. Null when the text has no such sign. Signs come from Intl.
 */
export function splitCurrency(text: string): { codes: string[]; name: string; rest: string } | null {
  const m = /^([^\d\s.,'%−-]+)\s*(.*\d.*)$/u.exec(text) ?? /^(.*\d.*?)\s*([^\d\s.,'%−-]+)$/u.exec(text);
  if (!m) return null;
  const [sign, rest] = /\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
  const upper = sign.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && currencyCodes().has(upper)) return { codes: [upper], name: upper, rest };
  const codes = currencySigns().get(sign) ?? [];
  if (codes.length === 0) return null;
  return {
    codes,
    name:
      codes.length === 1 ? `${codes[0]} (${sign})` : `${sign} (${codes.slice(0, 4).join(', ')}${codes.length > 4 ? '…' : ''})`,
    rest,
  };
}

let CODES: Set<string> | null = null;
let SIGNS: Map<string, string[]> | null = null;

function currencyCodes(): Set<string> {
  return (CODES ??= new Set(Intl.supportedValuesOf('currency')));
}

/** Each currency sign (English symbol, then narrow symbol) → the codes that write it, the symbol's own first. */
function currencySigns(): Map<string, string[]> {
  if (SIGNS) return SIGNS;
  const signs = new Map<string, string[]>();
  const add = (sign: string, code: string): void => {
    if (sign === code || /^[A-Z]{3}$/.test(sign)) return;
    const list = signs.get(sign) ?? [];
    if (!list.includes(code)) list.push(code);
    signs.set(sign, list);
  };
  const codes = [...currencyCodes()];
  for (const display of ['symbol', 'narrowSymbol'] as const)
    for (const code of codes) {
      const part = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: display })
        .formatToParts(1)
        .find((p) => p.type === 'currency')?.value;
      if (part) add(part, code);
    }
  return (SIGNS = signs);
}

/** The loaders' rule for metric JSON, said at the cell (with the cell's own text, never a rounded double). */
function tooLarge(text: string): string {
  return `${text} is above 2^53 − 1 (${MAX_EXACT}): such numbers cannot be summed exactly; check the cell`;
}
