/**
 * Follower totals given as month rows that stop before the quarter's end: Instagram's content
 * export gives a row every day of 2026-Q2 and 2026-Q3, beside a follower sheet that gives the
 * month-end total (`{ "month": "2026-07", "followers": 12100 }`), as some platforms export
 * monthly follower totals. In `totalsToAugust` the sheet stops with August while the quarter runs
 * to September; in `followsToAugust` the channel gives one total (end of March) and its follows
 * (`new_followers`, `lost_followers`) as month rows that stop with August.
 */
import { dailyExport, loadRoot, type LoadedRoot, rowsExport } from './exportsFixture.ts';

export const FOLLOWER_CUT_SITE = 'title: Acme\nlocale: en-US\nchannels:\n  instagram: { label: Instagram }\n';

/** Goals over 2026-Q3: 12,300 followers at its end, and 250 followers gained in it. */
export const FOLLOWER_CUT_GOALS = `goals:
  - { id: q3-count, title: 12300 followers by the end of Q3, period: 2026-Q3, channel: instagram, kpi: follower_count, target: 12300 }
  - { id: q3-growth, title: 250 new followers in Q3, period: 2026-Q3, channel: instagram, kpi: follower_growth, target: 250 }
`;

/** The content export: every day from 1 April to 30 September 2026, one post a day. */
const CONTENT = dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({
  impressions: 1000,
  likes: 60,
  comments: 6,
  shares: 3,
  posts: 1,
}));

/** Month-end follower totals: 100 more each month, from 11,700 at the end of March. */
const TOTALS = [
  { month: '2026-03', followers: 11_700 },
  { month: '2026-04', followers: 11_800 },
  { month: '2026-05', followers: 11_900 },
  { month: '2026-06', followers: 12_000 },
  { month: '2026-07', followers: 12_100 },
  { month: '2026-08', followers: 12_200 },
  { month: '2026-09', followers: 12_300 },
];

/** The same growth as follows: 150 gained and 50 lost each month from April. */
const FOLLOWS = ['04', '05', '06', '07', '08', '09'].map((m) => ({
  month: `2026-${m}`,
  new_followers: 150,
  lost_followers: 50,
}));

function root(data: Readonly<Record<string, string>>, goals = FOLLOWER_CUT_GOALS): LoadedRoot {
  const loaded = loadRoot(FOLLOWER_CUT_SITE, goals, { 'data/instagram/content.json': CONTENT, ...data });
  if (loaded.problems.length > 0) throw new Error(loaded.problems.join('\n'));
  return loaded;
}

/** The month-end totals stop with August: 2026-Q3 ends at 12,200 as far as they tell (`goals`: other goals). */
export const totalsToAugust = (goals?: string): LoadedRoot =>
  root(
    {
      'data/instagram/followers.json': rowsExport(
        'instagram',
        TOTALS.filter((t) => t.month <= '2026-08'),
      ),
    },
    goals,
  );

/** Every month-end total through September (the quarter whole). */
export const totalsToSeptember = (): LoadedRoot => root({ 'data/instagram/followers.json': rowsExport('instagram', TOTALS) });

/** One total (end of March) and follows as month rows that stop with August. */
export const followsToAugust = (): LoadedRoot =>
  root({
    'data/instagram/followers.json': rowsExport('instagram', [TOTALS[0]!]),
    'data/instagram/follows.json': rowsExport(
      'instagram',
      FOLLOWS.filter((f) => f.month <= '2026-08'),
    ),
  });
