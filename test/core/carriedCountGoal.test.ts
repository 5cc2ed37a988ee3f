/**
 * A goal on followers of a channel no longer exported (red-team 20 #7): Instagram's exports end on
 * 30 June, Facebook's go on. SPEC carries Instagram's last count into Q3 (its followers "as they
 * were then"), and the KPI table flags it ("Followers only to Jun 30"); on main the Q3 goals on it
 * were settled on that count without a flag: Instagram's "Missed", all channels' "Achieved". A
 * count carried from before the period is data that end before it: the goal is evaluated as of the
 * period's first day (the count then is what is known), flagged with the count's day, and cannot
 * settle on it (undecided at the deadline), as with a channel whose data stop inside the period.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: ig, title: Instagram followers, period: 2026-Q3, channel: instagram, kpi: follower_count, target: 1000 }
  - { id: all, title: All followers, period: 2026-Q3, channel: all, kpi: follower_count, target: 2000 }
  - { id: views, title: All impressions, period: 2026-Q3, channel: all, kpi: impressions, target: 50000 }
`;
const root = loadRoot(site, goals, {
  'data/instagram/page.json': dailyExport('instagram', '2026-01-01', '2026-06-30', () => ({
    impressions: 1000,
    followers: 1100,
  })),
  'data/facebook/page.json': dailyExport('facebook', '2026-01-01', '2026-09-30', () => ({ impressions: 1000, followers: 900 })),
});
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('a goal counting a follower count carried from before its period', () => {
  it('is flagged with the count’s day and left undecided, not settled on it', () => {
    for (const id of ['ig', 'all']) {
      expect(goal(id)).toMatchObject({
        status: 'undecided',
        incomplete: ['instagram'],
        inputs_to: { instagram: { followers: '2026-06-30' } },
        ends_early: true,
      });
    }
    expect(goal('ig').actual).toBe(1100);
    expect(goal('all').actual).toBe(2000);
  });

  it('leaves goals on figures the stopped channel has none of as they were: it is not counted in them', () => {
    expect(goal('views')).toMatchObject({ status: 'achieved', actual: 92000 });
    expect(goal('views').incomplete).toBeUndefined();
  });
});
