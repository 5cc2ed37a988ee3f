/**
 * A total that decides a goal is taken over the channels its target was set from (red-team 23 #2,
 * root d2): a listening tool gives Instagram's mentions as quarter rows (Q2 1,000, Q3 1,100) and
 * Facebook's as a Q2 row (400), then month rows for July and August only (its licence stopped). As
 * of Facebook's last day, 31 August, Instagram's Q3 row is not whole, so the goal's actual and its
 * "+20%" reference leave Instagram out: 480, from Facebook alone. On main the total that "already
 * decides" the goal then counted Instagram again, 1,400 of 480: "Achieved". Over the channels the
 * target was set from, 300 of 480 decides nothing while Facebook's September is unknown: undecided.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: mentions, title: Mentions, period: 2026-Q3, channel: [ig, fb], kpi: mentions, target: { change: "+20%" } }
`;
const page = (channel: string) =>
  dailyExport(channel, '2026-04-01', '2026-09-30', () => ({ impressions: 1000, engagements: 40 }));
const root = loadRoot(site, goals, {
  'data/ig/daily.json': page('ig'),
  'data/fb/daily.json': page('fb'),
  'data/ig/listening.json': rowsExport('ig', [
    { quarter: '2026-Q2', mentions: 1000 },
    { quarter: '2026-Q3', mentions: 1100 },
  ]),
  'data/fb/listening.json': rowsExport('fb', [
    { quarter: '2026-Q2', mentions: 400 },
    { month: '2026-07', mentions: 150 },
    { month: '2026-08', mentions: 150 },
  ]),
});

describe('a total past its target on other channels than its target was set from', () => {
  it('decides nothing: the goal is undecided, not "Achieved" on a channel its target left out', () => {
    const goal = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') }).goals[0] as SmartGoalJson;
    expect(goal.status).toBe('undecided');
    expect(goal.actual_to).toBeUndefined();
    expect(goal.actual).toBe(300);
  });
});
