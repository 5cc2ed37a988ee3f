/**
 * Follower totals that stop while the channel's export goes on (red-team 23 #4, root a): a daily
 * export gives impressions every day to 30 September and `followers` on each row only to 15 August,
 * with no follows. On main the count was carried flat from 15 August, unflagged: follower growth
 * "−48.9%" QoQ (46 days against 91) and the goal "Missed". The totals end early, as an input whose
 * export stops giving it does (`inputs_to`), the growth has no QoQ, and the goal is read as of that day.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, days, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: fc, title: Followers, period: 2026-Q3, channel: ig, kpi: follower_count, target: { change: "+5%" } }
`;
const dayIndex = (d: string) => days('2026-04-01', d).length;
const root = loadRoot(site, goals, {
  'data/ig/page.json': dailyExport('ig', '2026-04-01', '2026-09-30', (d) => ({
    impressions: 1000,
    ...(d <= '2026-08-15' ? { followers: 20000 + 10 * dayIndex(d) } : {}),
  })),
});
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
const cells = report.kpis['ig']!;

describe('follower totals that stop while the export goes on', () => {
  it('flag the count and its growth with the totals’ last day; the growth has no QoQ', () => {
    expect(cells['follower_count']).toMatchObject({ value: 20000 + 10 * dayIndex('2026-08-15') });
    expect(cells['follower_count']!.inputs_to).toEqual({ ig: { followers: '2026-08-15' } });
    expect(cells['follower_growth']!.inputs_to).toEqual({ ig: { followers: '2026-08-15' } });
    expect(cells['follower_growth']!.qoq).toBeNull();
  });

  it('read the goal as of that day, not "Missed" on a count carried flat', () => {
    const goal = report.goals[0] as SmartGoalJson;
    expect(goal.status).not.toBe('missed');
    expect(goal).toMatchObject({ data_to: '2026-08-15', inputs_to: { ig: { followers: '2026-08-15' } } });
  });

  it('leave totals on some days only (a weekly count) as they were', () => {
    const weekly = loadRoot(site, goals, {
      'data/ig/page.json': dailyExport('ig', '2026-04-01', '2026-09-30', (d) => ({
        impressions: 1000,
        ...(dayIndex(d) % 7 === 1 ? { followers: 20000 + 10 * dayIndex(d) } : {}),
      })),
    });
    const cell = buildReport(weekly.project!, weekly.engine!, { quarter: period('2026-Q3') }).kpis['ig']!['follower_count']!;
    expect(cell.inputs_to).toBeUndefined();
  });
});
