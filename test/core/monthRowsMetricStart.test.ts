/**
 * A summed metric given as month rows that start after the channel's other data (red-team 21 #4,
 * and its general case): clicks as a monthly overview from August beside a daily page export since
 * April, or saves as month rows from August beside daily likes. A month row of a total covers its
 * month, so the metric starts on the first day of its first row, as daily rows would start it;
 * before, it is unknown, not none. On main Q3's CTR divided August and September's clicks by the
 * impressions of the whole quarter (0.65% for 0.98%), unflagged, and derived engagements rose by
 * the new monthly saves alone: "+14.3%", both goals "Achieved".
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: ctr, title: CTR, period: 2026-Q3, channel: instagram, kpi: ctr, target: { change: "+10%" } }
  - { id: er, title: ER, period: 2026-Q3, channel: instagram, kpi: engagement_rate, target: { change: "+10%" } }
  - { id: eng, title: Engagements, period: 2026-Q3, channel: instagram, kpi: engagements, target: { change: "+10%" } }
`;
const page = dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({
  impressions: 1000,
  likes: 40,
  comments: 5,
  shares: 5,
}));
const root = loadRoot(site, goals, {
  'data/instagram/page.json': page,
  'data/instagram/overview.json': rowsExport(
    'instagram',
    ['2026-08', '2026-09'].map((month) => ({ month, clicks: 300, saves: 300 })),
  ),
});
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
const cells = report.kpis['instagram']!;
const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;
const july = [{ from: '2026-07-01', to: '2026-07-31' }];

describe('a summed metric given as month rows from a month after the channel’s other data', () => {
  it('starts on its first row’s first day: the rate is taken over the days every input covers, flagged', () => {
    // August and September: 600 clicks over 61,000 impressions.
    expect(cells['ctr']!.value).toBeCloseTo(600 / 61000, 12);
    expect(cells['ctr']!.gaps).toEqual({ instagram: { clicks: july } });
    expect(cells['ctr']!.qoq).toBeNull();
  });

  it('says so in validate, as for a column added to a daily export', () => {
    expect(root.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/clicks on instagram starts on 2026-08-01.*other data go back to 2026-04-01/),
      ]),
    );
  });

  it('leaves derived engagements flagged and without a previous quarter: "No data", not "Achieved" on the new saves', () => {
    expect(cells['engagements']).toMatchObject({ value: 92 * 50 + 600, qoq: null, gaps: { instagram: { engagements: july } } });
    expect(cells['engagement_rate']!.qoq).toBeNull();
    for (const id of ['ctr', 'er', 'eng']) expect(goal(id).status).toBe('no_data');
  });

  it('reads as before where the month rows start with the channel', () => {
    const together = loadRoot(site, goals, {
      'data/instagram/page.json': page,
      'data/instagram/overview.json': rowsExport(
        'instagram',
        ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({ month, clicks: 300 })),
      ),
    });
    const ctr = buildReport(together.project!, together.engine!, { quarter: period('2026-Q3') }).kpis['instagram']!['ctr']!;
    // Q2's 91 days against Q3's 92: the same clicks a month over more impressions.
    expect(ctr.value).toBeCloseTo(900 / 92000, 12);
    expect(ctr.qoq).toBeCloseTo(91 / 92 - 1, 12);
    expect(ctr.gaps).toBeUndefined();
  });
});
