/**
 * Intl memoisation (issue 15): formatters and chart locales are built once per locale and
 * options, and what they produce is the same as with formatters built afresh every time
 * (the code before the memo, kept here as the oracle).
 */
import { describe, expect, it } from 'vitest';
import {
  computeNumberLocale,
  computeTimeLocale,
  type D3NumberLocale,
  type D3TimeLocale,
  numberLocale,
  timeLocale,
} from '../../src/charts/locale.ts';
import { renderFresh } from '../../src/charts/render.ts';
import { shortDate, trendChart } from '../../src/charts/specs.ts';
import { chartConfig, channelColors } from '../../src/charts/theme.ts';
import { dateTimeFormat, numberFormat } from '../../src/format/intl.ts';
import { formatInstant } from '../../src/format/numbers.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';

const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'it-IT', 'de-DE', 'de-CH', 'ja-JP', 'ar-EG', 'hi-IN'];
const CURRENCIES = ['EUR', 'USD', 'JPY', 'CHF', 'INR'];

/** The d3 number locale as main computed it: a new Intl object for every call. */
function freshNumberLocale(locale: string, currency: string): D3NumberLocale {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const symbol = money.find((p) => p.type === 'currency')?.value ?? currency;
  const first = money.findIndex((p) => p.type === 'currency');
  const integer = money.findIndex((p) => p.type === 'integer');
  const literal = money.find((p) => p.type === 'literal')?.value ?? '';
  const pct = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const before = pct[pct.findIndex((p) => p.type === 'percentSign') - 1];
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
    grouping: [3],
    currency: first < integer ? [symbol + literal, ''] : ['', literal + symbol],
    percent: (before?.type === 'literal' ? before.value : '') + '%',
    minus: '\u2212',
  };
}

function freshTimeLocale(locale: string): D3TimeLocale {
  const name = (date: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 1)));
  const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 0, 4 + d)));
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

describe('Intl formatters are built once per locale and options', () => {
  it('returns the same formatter for equal options, another for other options', () => {
    expect(numberFormat('fr-FR', { style: 'percent' })).toBe(numberFormat('fr-FR', { style: 'percent' }));
    expect(numberFormat('fr-FR', { style: 'percent' })).not.toBe(numberFormat('it-IT', { style: 'percent' }));
    expect(dateTimeFormat('fr-FR', { month: 'short' })).toBe(dateTimeFormat('fr-FR', { month: 'short' }));
    expect(dateTimeFormat('fr-FR', { month: 'short' })).not.toBe(dateTimeFormat('fr-FR', { month: 'long' }));
  });

  it('gives chart configs one shared locale per site locale and currency, frozen', () => {
    const a = chartConfig({ ...DEFAULT_SITE, locale: 'fr-FR', currency: 'EUR' });
    const b = chartConfig({ ...DEFAULT_SITE, locale: 'fr-FR', currency: 'EUR' });
    expect(a.locale).toEqual(b.locale);
    expect((a.locale as { number: unknown }).number).toBe((b.locale as { number: unknown }).number);
    expect((a.locale as { time: unknown }).time).toBe((b.locale as { time: unknown }).time);
    expect(Object.isFrozen(numberLocale('fr-FR', 'EUR'))).toBe(true);
    expect(Object.isFrozen(timeLocale('fr-FR').months)).toBe(true);
  });

  it('computes the same chart locales as fresh Intl objects, for every locale and currency', () => {
    for (const locale of LOCALES) {
      expect(timeLocale(locale)).toEqual(freshTimeLocale(locale));
      expect(computeTimeLocale(locale)).toEqual(freshTimeLocale(locale));
      for (const currency of CURRENCIES) {
        expect(numberLocale(locale, currency)).toEqual(freshNumberLocale(locale, currency));
        expect(computeNumberLocale(locale, currency)).toEqual(freshNumberLocale(locale, currency));
      }
    }
  });

  it('formats table dates and instants exactly like fresh formatters, every day of a year', () => {
    for (const locale of LOCALES) {
      for (let t = Date.UTC(2028, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
        const iso = new Date(t).toISOString().slice(0, 10);
        expect(shortDate(iso, locale)).toBe(
          new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(t),
        );
      }
      const instant = '2026-07-03T09:30:00.000Z';
      expect(formatInstant(instant, { locale, currency: 'EUR' })).toBe(
        `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(Date.parse(instant))} UTC`,
      );
    }
  });

  it('renders the same SVG from a spec whose locale came from fresh Intl objects', async () => {
    for (const locale of ['en-US', 'fr-FR', 'de-CH']) {
      const site = {
        ...DEFAULT_SITE,
        locale,
        currency: 'CHF',
        channels: { instagram: { label: 'Instagram', color: '#e1306c' } },
      };
      const ctx = { site, colors: channelColors(site, ['instagram', 'tiktok']) };
      const series = ['instagram', 'tiktok'].map((channel, c) => ({
        channel,
        label: channel,
        points: Array.from({ length: 13 }, (_, w) => ({
          date: new Date(Date.UTC(2026, 3, 6 + 7 * w)).toISOString().slice(0, 10),
          value: 1200 + 350 * w * (c + 1),
        })),
      }));
      const chart = trendChart(ctx, { id: 't', title: 'Spend', kpiLabel: 'Spend', unit: 'money', step: 'week', series });
      const fresh = structuredClone(chart.spec) as typeof chart.spec & { config: Record<string, unknown> };
      fresh.config = {
        ...fresh.config,
        locale: { number: freshNumberLocale(locale, 'CHF'), time: freshTimeLocale(locale) } as never,
      };
      expect(await renderFresh(fresh, 400)).toBe(await renderFresh(chart.spec, 400));
    }
  });
});
