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

export type NumberResult = { ok: true; value: number | null } | { ok: false; message: string };

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

/** A non-negative number, null when missing; an error message for anything else. */
export function parseNumber(value: CellValue, style: NumberStyle): NumberResult {
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
        : '';
    return { ok: false, message: `'${text.length > 30 ? `${text.slice(0, 30)}…` : text}' is not a number${hint}` };
  }
  if (negative && n !== 0) return { ok: false, message: `${text} is negative: metric values are counts or amounts ≥ 0` };
  const result = percent ? n / 100 : n;
  if (result > MAX_EXACT) return { ok: false, message: tooLarge(text.length > 40 ? `${text.slice(0, 40)}…` : text) };
  return { ok: true, value: result };
}

/** The loaders' rule for metric JSON, said at the cell (with the cell's own text, never a rounded double). */
function tooLarge(text: string): string {
  return `${text} is above 2^53 − 1 (${MAX_EXACT}): such numbers cannot be summed exactly; check the cell`;
}
