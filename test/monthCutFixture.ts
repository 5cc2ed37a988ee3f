/**
 * rt13 #5's root: one channel, Facebook, whose page export gives a row every day of 2026-Q2 and
 * 2026-Q3, beside a listening export that gives mentions (and competitors' mentions) as a row per
 * month, as platforms export monthly listening data. In `MONTHS_TO_AUGUST` the month rows stop with
 * August while the quarter runs to September; in `MONTHS_TO_MAY` they stop with May, the previous
 * quarter's second month, while the current quarter is whole.
 */
import { dailyExport, loadRoot, type LoadedRoot, rowsExport } from './exportsFixture.ts';

export const MONTH_CUT_SITE = 'title: Acme\nlocale: en-US\nchannels:\n  facebook: { label: Facebook }\n';

/** A goal on the total over 2026-Q3 (300 mentions), one it has met (200), and one on share of voice. */
export const MONTH_CUT_GOALS = `goals:
  - { id: q3-mentions, title: 300 mentions in Q3, start: 2026-07-01, deadline: 2026-09-30, channel: facebook, kpi: mentions, target: 300 }
  - { id: q3-mentions-met, title: 200 mentions in Q3, start: 2026-07-01, deadline: 2026-09-30, channel: facebook, kpi: mentions, target: 200 }
`;

/** The page export: 1,000 impressions and 30 clicks every day from 1 April to 30 September 2026. */
const PAGE = dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 1000, clicks: 30 }));

/** 100 mentions a month in Q2, 120 in Q3; competitors 100 a month throughout. */
const MONTHS = [
  { month: '2026-04', mentions: 100, competitor_mentions: 100 },
  { month: '2026-05', mentions: 100, competitor_mentions: 100 },
  { month: '2026-06', mentions: 100, competitor_mentions: 100 },
  { month: '2026-07', mentions: 120, competitor_mentions: 100 },
  { month: '2026-08', mentions: 120, competitor_mentions: 100 },
  { month: '2026-09', mentions: 120, competitor_mentions: 100 },
];

function root(months: readonly object[]): LoadedRoot {
  const loaded = loadRoot(MONTH_CUT_SITE, MONTH_CUT_GOALS, {
    'data/facebook/page.json': PAGE,
    'data/facebook/listening.json': rowsExport('facebook', months),
  });
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join('\n'));
  return loaded;
}

/** The month rows stop with August: 2026-Q3's mentions are 240 over two months, 2026-Q2's 300 over three. */
export const monthsToAugust = (): LoadedRoot => root(MONTHS.filter((m) => m.month <= '2026-08'));
