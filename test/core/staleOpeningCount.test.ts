/**
 * Follower growth from an opening count a week old or more (red-team 27 #3, root h1): a daily page export
 * gives the follower total on the 1st of each month only. On main a quarter's growth started from the
 * previous quarter's last count, a month before it began: Q4's growth as of 1 October was 1 October's count
 * minus 1 September's (September's growth, +143 where Q4's was −2), "On track" at 143% with a projection
 * of 13,156, unflagged; Q3's was 1 September's minus 1 June's, counting June. The figure stays SPEC's (the
 * last value before the period), but a count stands for the week after its day: one older at the start
 * is flagged (`counted_from`), and a goal on it is undecided, with no projection.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = (p: string) =>
  'goals:\n' +
  `  - { id: fg, title: FG, period: ${p}, channel: ig, kpi: follower_growth, target: 100 }\n` +
  `  - { id: agr, title: AGR, period: ${p}, channel: ig, kpi: audience_growth_rate, target: 0.01 }\n`;

/** Followers +5 a day to 30 September, −2 a day in October; the export gives the total on the 1st only. */
function followersOn(d: string): number {
  const t = (Date.parse(`${d}T00:00:00Z`) - Date.parse('2026-04-01T00:00:00Z')) / 86_400_000;
  const sep30 = 182;
  return t <= sep30 ? 10000 + 5 * t : 10000 + 5 * sep30 - 2 * (t - sep30);
}

function monthly(p: string, extra: (d: string) => Record<string, number> = () => ({})) {
  return loadRoot(site, goals(p), {
    'data/ig/page.json': dailyExport('ig', '2026-04-01', '2026-10-31', (d) => ({
      impressions: 1000,
      ...(d.endsWith('-01') ? { followers: followersOn(d) } : {}),
      ...extra(d),
    })),
  });
}

/** A count on `day` too, beside the 1st of each month's. */
const countAlsoOn =
  (day: string) =>
  (d: string): Record<string, number> =>
    d === day ? { followers: followersOn(d) } : {};

describe('follower growth from an opening count a week old or more', () => {
  it('is flagged with the day of the count it is counted from, and a goal on it is undecided (Q4 as of 31 October)', () => {
    const root = monthly('2026-Q4');
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q4'), asOf: day('2026-10-31') });
    expect(report.kpis['ig']!['follower_growth']).toMatchObject({
      value: followersOn('2026-10-01') - followersOn('2026-09-01'),
      counted_from: { ig: '2026-09-01' },
    });
    expect(report.kpis['ig']!['audience_growth_rate']).toMatchObject({ counted_from: { ig: '2026-09-01' } });
    expect(report.kpis['ig']!['follower_count']!.counted_from).toBeUndefined();
    for (const id of ['fg', 'agr']) {
      const goal = report.goals.find((g) => g.id === id) as SmartGoalJson;
      expect(goal).toMatchObject({
        status: 'undecided',
        projection: null,
        bound: 'unbounded',
        counted_from: { ig: '2026-09-01' },
      });
    }
  });

  it('is flagged over a whole quarter too (Q3: counted from 1 June)', () => {
    const root = monthly('2026-Q3');
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    expect(report.kpis['ig']!['follower_growth']).toMatchObject({
      value: followersOn('2026-09-01') - followersOn('2026-06-01'),
      counted_from: { ig: '2026-06-01' },
    });
  });

  it('is not flagged where the count before the quarter is under a week old', () => {
    // A count on 24 June too: on the eve of Q3 (30 June) six days old.
    const root = monthly('2026-Q3', countAlsoOn('2026-06-24'));
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    expect(report.kpis['ig']!['follower_growth']!.value).toBe(followersOn('2026-09-01') - followersOn('2026-06-24'));
    expect(report.kpis['ig']!['follower_growth']!.counted_from).toBeUndefined();
  });

  it('is flagged where the count before the quarter is a week old on its eve', () => {
    const root = monthly('2026-Q3', countAlsoOn('2026-06-23'));
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    expect(report.kpis['ig']!['follower_growth']!.counted_from).toEqual({ ig: '2026-06-23' });
  });

  it('is not flagged where daily follows carry the count, however old the total', () => {
    const root = monthly('2026-Q3', () => ({ new_followers: 6, lost_followers: 1 }));
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    expect(report.kpis['ig']!['follower_growth']!.counted_from).toBeUndefined();
    expect((report.goals.find((g) => g.id === 'fg') as SmartGoalJson).counted_from).toBeUndefined();
  });
});
