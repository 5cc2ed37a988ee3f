/**
 * A paused campaign inside an ads export (red-team 23 #5, root imp1): Meta Ads Manager leaves out
 * the days without delivery, so an export for 1 July to 30 September (its `from` and `through`, as
 * `goalpost import` writes them) has no rows from 10 to 20 July. Those days are days of no spend,
 * clicks or impressions of that campaign, not unknown: the team's own activity is never a gap, and
 * an ads export's other metrics, like its spend, were none while it was paused. On main the hole
 * made spend "no export covers Spend … 2026-07-10 to 2026-07-20" and a kept €3,500 cap "Undecided".
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { days, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: cap, title: Cap, period: 2026-Q3, channel: meta-ads, kpi: spend, target: 3500 }
  - { id: cpc, title: CPC, period: 2026-Q3, channel: meta-ads, kpi: cpc, target: 0.5 }
`;
const rows = days('2026-07-01', '2026-09-30')
  .filter((d) => d < '2026-07-10' || d > '2026-07-20')
  .map((date) => ({ date, spend: 41, clicks: 100, impressions: 10000 }));
const root = loadRoot(site, goals, {
  'data/meta-ads/q3.json': JSON.stringify({
    channel: 'meta-ads',
    currency: 'EUR',
    from: '2026-07-01',
    through: '2026-09-30',
    rows,
  }),
});
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
const cells = report.kpis['meta-ads']!;

describe('an ads export with days left out while its campaign was paused', () => {
  it('counts those days as none: no gap on spend or its rates', () => {
    expect(cells['spend']).toMatchObject({ value: 81 * 41 });
    expect(cells['spend']!.gaps).toBeUndefined();
    expect(cells['cpc']).toMatchObject({ value: 0.41 });
    expect(cells['cpc']!.gaps).toBeUndefined();
  });

  it('settles a kept budget cap as "Achieved", not "Undecided"', () => {
    expect(report.goals.find((g) => g.id === 'cap') as SmartGoalJson).toMatchObject({ actual: 3321, status: 'achieved' });
  });

  it('has no validate note asking for the paused days', () => {
    expect(root.notes.filter((n) => n.includes('2026-07-10'))).toEqual([]);
  });
});
