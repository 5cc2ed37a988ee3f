/**
 * A follower count taken back from a total by follows that exceed it (red-team 23 #1, roots h2, h):
 * Meta's daily "Facebook follows" file gives new follows only (5 a day from 1 April), and the team
 * read one total off the page on 1 August (300). Counting back, Q1 ended at 300 − 123 × 5 = −315
 * followers; on main the count showed "+144.4%" QoQ against −315, the audience growth rate −144.4%,
 * and a "+20%" goal was "Achieved: 140 of −252 (baseline −315)". A count below 0 is impossible: the
 * follows miss the unfollows, or the total is wrong. Such a count is n/a, and `validate` says why.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: fc, title: Followers, period: 2026-Q2, channel: facebook, kpi: follower_count, target: { change: "+20%" } }
`;
const root = loadRoot(site, goals, {
  'data/facebook/page.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
  'data/facebook/follows.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ new_followers: 5 })),
  'data/facebook/total.json': rowsExport('facebook', [{ date: '2026-08-01', followers: 300 }]),
});
const report = (quarter: string) => buildReport(root.project!, root.engine!, { quarter: period(quarter) });

describe('a follower count that the follows take below 0', () => {
  it('is n/a, and nothing is compared with it', () => {
    const cells = report('2026-Q2').kpis['facebook']!;
    // 30 June: 300 − 32 × 5 = 140 (1 July to 1 August); 31 March: 140 − 91 × 5 = −315.
    expect(cells['follower_count']).toMatchObject({ value: 140, qoq: null });
    expect(cells['audience_growth_rate']!.value).toBeNull();
    expect(cells['follower_growth']!.value).toBe(91 * 5);
  });

  it('gives a goal on it no baseline ("No data"), not "Achieved" against −315', () => {
    const goal = report('2026-Q2').goals[0] as SmartGoalJson;
    expect(goal.status).toBe('no_data');
    expect(goal.baseline).toBeNull();
  });

  it('is noted by validate, with the total and the day the count goes below 0', () => {
    expect(root.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /facebook's follower count, taken back from the total of 300 on 2026-08-01 by the follows since 2026-04-01, is below 0 on 2026-03-31 \(-315\)/,
        ),
      ]),
    );
  });
});
