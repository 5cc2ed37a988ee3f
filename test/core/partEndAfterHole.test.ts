/**
 * A part of derived engagements dropped from a daily export that also has a week-long hole (red-team
 * 26 #2, root a): saves on every row to 31 August, none from 1 September, and no rows at all from
 * 10 to 16 August. The hole made the saves' own rows look less than daily, so their end went
 * unnoticed: the engagement rate mixed parts over the quarter (4.5% where it is 4.65% to 31
 * August) and a goal on it settled. A hole is days the export missed, not days it left saves out.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { days, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals =
  'goals:\n  - { id: er, title: ER, period: 2026-Q3, channel: ig, kpi: engagement_rate, baseline: 0.05, target: 0.052 }\n';
const rows = days('2026-07-01', '2026-09-30')
  .filter((d) => d < '2026-08-10' || d > '2026-08-16')
  .map((date) => ({ date, impressions: 1000, likes: 40, comments: 5, ...(date <= '2026-08-31' ? { saves: 10 } : {}) }));
const root = loadRoot(site, goals, { 'data/ig/q3.json': JSON.stringify({ channel: 'ig', rows }) });
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });

describe('a part of engagements dropped from an export with a hole', () => {
  it('ends the part on its last row: the rate is taken to that day, flagged', () => {
    expect(report.kpis['ig']!['engagement_rate']).toMatchObject({
      value: 0.055,
      data_to: '2026-08-31',
      inputs_to: { ig: { saves: '2026-08-31' } },
    });
  });

  it('leaves a goal on the rate undecided at the deadline, not settled on mixed parts', () => {
    expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'undecided', data_to: '2026-08-31', ends_early: true });
  });
});
