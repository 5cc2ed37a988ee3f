/**
 * A month missing inside one export of month rows: one channel, Facebook, whose page export gives
 * a row every day of 2026-Q2 and 2026-Q3, beside a listening export that gives mentions (and
 * competitors' mentions) as a row per month for April, May, July, August and September, in one
 * file: June is absent from it. Read as months without mentions, Q3's 360 would be +80% against
 * Q2's 200, two months against three.
 */
import { dailyExport, loadRoot, type LoadedRoot, rowsExport } from './exportsFixture.ts';

export const MONTH_HOLE_SITE = 'title: Acme\nlocale: en-US\nchannels:\n  facebook: { label: Facebook }\n';

/** The page export: 1,000 impressions and 30 clicks every day from 1 April to 30 September 2026. */
export const MONTH_HOLE_PAGE = dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 1000, clicks: 30 }));

/** 100 mentions a month in Q2, 120 in Q3; competitors 100 a month throughout; no row for June. */
export const MONTH_HOLE_MONTHS = [
  { month: '2026-04', mentions: 100, competitor_mentions: 100 },
  { month: '2026-05', mentions: 100, competitor_mentions: 100 },
  { month: '2026-07', mentions: 120, competitor_mentions: 100 },
  { month: '2026-08', mentions: 120, competitor_mentions: 100 },
  { month: '2026-09', mentions: 120, competitor_mentions: 100 },
];

/** The root, with `extra` metric files beside the two exports (path → text). */
export function monthHoleRoot(
  extra: Readonly<Record<string, string>> = {},
  months: readonly object[] = MONTH_HOLE_MONTHS,
): LoadedRoot {
  const loaded = loadRoot(MONTH_HOLE_SITE, 'goals: []\n', {
    'data/facebook/page.json': MONTH_HOLE_PAGE,
    'data/facebook/listening.json': rowsExport('facebook', months),
    ...extra,
  });
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join('\n'));
  return loaded;
}
