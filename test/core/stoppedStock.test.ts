/**
 * A goal over several channels where one channel's count (followers, a declared stock) stopped before
 * the period while its other data go on (red-team 27 #5, #6: roots f3, c2). On main that channel was left
 * out of the actual "for lacking an input" and the goal settled on the other channel alone: "Missed" on
 * Facebook's 1,000 members (Instagram's last 600 would make 1,600 of 1,500), "Achieved" on Facebook's
 * balance of 25 (Instagram's last −5 makes 20 of 22), "Achieved" on Facebook's follower growth (Instagram's
 * growth is unknown and may be negative). What the stopped channel holds is unknown: the goal is undecided,
 * read as of the period's first day, with the stock's last day in `inputs_to`, as a carried follower count is.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const declared =
  'title: T\nlocale: en-US\ncurrency: EUR\nmetrics:\n' +
  '  balance: { label: Sentiment balance, aggregation: stock, unit: count, signed: true }\n' +
  '  members: { label: Club members, aggregation: stock, unit: count }\n';

describe('a count that stopped before the period on one channel of a goal', () => {
  it('leaves a goal on a declared stock undecided, not settled on the other channel (rt27 #5)', () => {
    const root = loadRoot(
      declared,
      'goals:\n' +
        '  - { id: bal, title: Bal, period: 2026-Q3, channel: [instagram, facebook], kpi: balance, baseline: 10, target: 22 }\n' +
        '  - { id: mem, title: Mem, period: 2026-Q3, channel: [instagram, facebook], kpi: members, target: 1500 }\n',
      {
        'data/instagram/ig.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
          impressions: 100,
          ...(d <= '2026-06-30' ? { balance: -5, members: 600 } : {}),
        })),
        'data/facebook/fb.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({
          impressions: 100,
          balance: 25,
          members: 1000,
        })),
      },
    );
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    for (const [id, input] of [
      ['bal', 'balance'],
      ['mem', 'members'],
    ] as const) {
      const goal = report.goals.find((g) => g.id === id) as SmartGoalJson;
      expect(goal.status).toBe('undecided');
      expect(goal).toMatchObject({ incomplete: ['instagram'], inputs_to: { instagram: { [input]: '2026-06-30' } } });
      expect(root.notes).toContainEqual(expect.stringContaining(`the data of instagram for ${input} end on 2026-06-30`));
    }
  });

  it('leaves a goal on follower growth undecided where one channel’s totals stopped (rt27 #6)', () => {
    const root = loadRoot(
      'title: T\nlocale: en-US\ncurrency: EUR\n',
      'goals:\n' +
        '  - { id: fgboth, title: FG, period: 2026-Q3, channel: [instagram, facebook], kpi: follower_growth, target: 150 }\n' +
        '  - { id: fgall, title: FG, period: 2026-Q3, channel: all, kpi: follower_growth, target: 150 }\n' +
        '  - { id: agr, title: AGR, period: 2026-Q3, channel: [instagram, facebook], kpi: audience_growth_rate, target: 0.03 }\n',
      {
        'data/instagram/ig.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
          impressions: 100,
          likes: 5,
          ...(d <= '2026-06-30' ? { followers: 10000 + Number(d.slice(8, 10)) } : {}),
        })),
        'data/facebook/fb.json': dailyExport('facebook', '2026-04-01', '2026-09-30', (d) => ({
          impressions: 100,
          followers: 5000 + 2 * ((Date.parse(`${d}T00:00:00Z`) - Date.parse('2026-04-01T00:00:00Z')) / 86_400_000),
        })),
      },
    );
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    for (const id of ['fgboth', 'fgall', 'agr']) {
      const goal = report.goals.find((g) => g.id === id) as SmartGoalJson;
      expect(goal.status, id).toBe('undecided');
      expect(goal, id).toMatchObject({ incomplete: ['instagram'], inputs_to: { instagram: { followers: '2026-06-30' } } });
    }
    expect(root.notes).toContainEqual(expect.stringContaining('the data of instagram for follower_growth end on 2026-06-30'));
  });

  it('still settles a goal whose channels all give the count through the period', () => {
    const root = loadRoot(
      declared,
      'goals:\n  - { id: mem, title: Mem, period: 2026-Q3, channel: [instagram, facebook], kpi: members, baseline: 1000, target: 1500 }\n',
      {
        'data/instagram/ig.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ members: 600 })),
        'data/facebook/fb.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ members: 1000 })),
      },
    );
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'achieved', actual: 1600 });
  });
});
