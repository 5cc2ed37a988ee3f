/**
 * Red-team 12's root c, shared by the tests of earlier periods with days no export covers: a Facebook
 * export from 2024-07-01 that misses 2025-10-20..2025-11-30, growing 5% a quarter.
 */
import { days } from './exportsFixture.ts';

export const HOLED_SITE = 'title: Acme\nlocale: en-US\nchannels:\n  facebook: { label: Facebook }\n';

/** 1,000 impressions a day in 2024-Q3, 5% more each quarter after; clicks 3% of them. */
export function growingRow(date: string): { date: string; impressions: number; clicks: number } {
  const quarters = (Number(date.slice(0, 4)) - 2024) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3) - 2;
  const impressions = Math.round(1000 * 1.05 ** quarters);
  return { date, impressions, clicks: Math.round(impressions * 0.03) };
}

/** The days the export misses: 2025-10-20 to 2025-11-30. */
export const inHole = (d: string): boolean => d >= '2025-10-20' && d <= '2025-11-30';

/** The sum of impressions or clicks over [first, last], the hole's days left out (what the exports give). */
export const coveredSum = (first: string, last: string, key: 'impressions' | 'clicks'): number =>
  days(first, last)
    .filter((d) => !inHole(d))
    .reduce((s, d) => s + growingRow(d)[key], 0);
