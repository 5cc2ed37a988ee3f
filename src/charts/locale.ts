/**
 * d3 number and time locales (what Vega formats with) derived from Intl for the site's
 * locale and currency, so chart axes read like the tables: "4,42 %" in French.
 */
import { dateTimeFormat, memoByStrings, numberFormat } from '../format/intl.ts';

export interface D3NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent?: string;
  minus?: string;
}

export interface D3TimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

/** The d3 number locale of a BCP 47 locale and an ISO 4217 currency (computed once per pair, shared and frozen). */
export const numberLocale: (locale: string, currency: string) => D3NumberLocale = memoByStrings(computeNumberLocale);

/** The d3 time locale (month and day names) of a BCP 47 locale (computed once per locale, shared and frozen). */
export const timeLocale: (locale: string) => D3TimeLocale = memoByStrings(computeTimeLocale);

/** numberLocale without the memo of its result. */
export function computeNumberLocale(locale: string, currency: string): D3NumberLocale {
  const parts = numberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const thousands = parts.find((p) => p.type === 'group')?.value ?? ',';
  const money = numberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const symbol = money.find((p) => p.type === 'currency')?.value ?? currency;
  const first = money.findIndex((p) => p.type === 'currency');
  const integer = money.findIndex((p) => p.type === 'integer');
  const literal = money.find((p) => p.type === 'literal')?.value ?? '';
  const currencyPair: [string, string] = first < integer ? [symbol + literal, ''] : ['', literal + symbol];
  const pct = numberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const percentIndex = pct.findIndex((p) => p.type === 'percentSign');
  const beforePercent = pct[percentIndex - 1];
  const percent = (beforePercent?.type === 'literal' ? beforePercent.value : '') + '%';
  return { decimal, thousands, grouping: [3], currency: currencyPair, percent, minus: '\u2212' };
}

/** timeLocale without the memo. */
export function computeTimeLocale(locale: string): D3TimeLocale {
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 1)));
  const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 0, 4 + d)));
  const name = (date: Date, options: Intl.DateTimeFormatOptions) =>
    dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  return {
    dateTime: '%x, %X',
    date: '%-m/%-d/%Y',
    time: '%-I:%M:%S %p',
    periods: ['AM', 'PM'],
    days: days.map((d) => name(d, { weekday: 'long' })),
    shortDays: days.map((d) => name(d, { weekday: 'short' })),
    months: months.map((d) => name(d, { month: 'long' })),
    shortMonths: months.map((d) => name(d, { month: 'short' })),
  };
}
