/**
 * Follower totals on the 1st of each month inside a daily export (red-team 24 #3, roots b, b2): a
 * page export with impressions every day gives the count on 1 July, 1 August and 1 September only.
 * On main the count of 1 September stood for 30 September unflagged, and a follower-count goal
 * settled on it ("Missed" or "Achieved" on a figure 29 days old), while the same counts in a file
 * of their own end on 1 September: the goal undecided, the cell saying which day it is from.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = 'goals:\n  - { id: fc, title: Followers, period: 2026-Q3, channel: ig, kpi: follower_count, target: 10300 }\n';
const count = (d: string) => 10000 + (Number(d.slice(5, 7)) - 6) * 100;
const firsts = ['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'];

const inside = loadRoot(site, goals, {
  'data/ig/page.json': dailyExport('ig', '2026-04-01', '2026-09-30', (d) => ({
    impressions: 1000,
    ...(firsts.includes(d) ? { followers: count(d) } : {}),
  })),
});
const apart = loadRoot(site, goals, {
  'data/ig/page.json': dailyExport('ig', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
  'data/ig/followers.json': rowsExport(
    'ig',
    firsts.map((date) => ({ date, followers: count(date) })),
  ),
});

describe('monthly follower totals inside a daily export', () => {
  for (const [name, root] of [
    ['inside the daily export', inside],
    ['in a file of their own', apart],
  ] as const) {
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });

    it(`end on their last count, ${name}: the cell says its day`, () => {
      expect(report.kpis['ig']!['follower_count']).toMatchObject({
        value: 10300,
        inputs_to: { ig: { followers: '2026-09-01' } },
        data_to: '2026-09-01',
      });
    });

    it(`leave a goal on the count undecided at the deadline, ${name}, and validate says so`, () => {
      expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'undecided', data_to: '2026-09-01', ends_early: true });
      expect(root.notes).toContainEqual(expect.stringContaining('the data of ig for follower_count end on 2026-09-01'));
    });
  }
});

describe('monthly follower totals inside a daily export that runs on past the quarter (red-team 25 #2, root d)', () => {
  const on = loadRoot(site, goals, {
    'data/ig/page.json': dailyExport('ig', '2026-04-01', '2026-10-20', (d) => ({
      impressions: 1000,
      ...([...firsts, '2026-10-01'].includes(d) ? { followers: count(d) } : {}),
    })),
  });
  const report = buildReport(on.project!, on.engine!, { quarter: period('2026-Q3') });

  it('still end the quarter’s count on its last count in it, flagged, not 1 September’s as 30 September’s', () => {
    expect(report.kpis['ig']!['follower_count']).toMatchObject({ value: 10300, inputs_to: { ig: { followers: '2026-09-01' } } });
    expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'undecided', data_to: '2026-09-01' });
  });
});
