/**
 * A channel whose first data are month rows starting inside a quarter (red-team 19 #2, root l):
 * Instagram's Q2 as month rows for May and June (no April), daily from July. On main Q2 read as
 * whole: impressions "+50.8%" QoQ, all-channel figures and a relative goal unflagged. A month row
 * of totals covers its month, so the channel starts on 1 May, as with daily rows from 1 May.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals =
  'goals:\n  - { id: all, title: All, period: 2026-Q3, channel: all, kpi: impressions, target: { change: "+10%" } }\n';
const facebook = dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 2000, engagements: 40 }));
const q3 = dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ impressions: 1000, engagements: 50 }));
const months = loadRoot(site, goals, {
  'data/facebook.json': facebook,
  'data/instagram/q2.json': rowsExport('instagram', [
    { month: '2026-05', impressions: 31000, engagements: 1550 },
    { month: '2026-06', impressions: 30000, engagements: 1500 },
  ]),
  'data/instagram/q3.json': q3,
});
const days = loadRoot(site, goals, {
  'data/facebook.json': facebook,
  'data/instagram/q2.json': dailyExport('instagram', '2026-05-01', '2026-06-30', () => ({ impressions: 1000, engagements: 50 })),
  'data/instagram/q3.json': q3,
});
const reportOf = (root: typeof months) => buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
const partial = { from: '2026-05-01', to: '2026-06-30' };

describe("a channel's first month rows, for May and June", () => {
  it('start it on 1 May: the earlier quarter is covered in part, as with daily rows from 1 May', () => {
    expect(months.engine!.index.knownStart('instagram')).toEqual({
      day: months.engine!.index.firstDay('instagram'),
      by: 'months',
    });
    for (const root of [months, days]) {
      const report = reportOf(root);
      expect(report.kpis['instagram']!['impressions']).toMatchObject({ qoq: null, qoq_partial: partial });
      expect(report.kpis['all']!['impressions']).toMatchObject({ qoq: null, qoq_partial: partial });
      expect(report.kpis['all']!['engagement_rate']!.qoq_partial).toEqual(partial);
      expect((report.goals[0] as SmartGoalJson).previous_partial).toEqual(partial);
    }
  });

  it('say so in validate', () => {
    expect(months.notes.filter((n) => n.startsWith('goals/'))).toEqual([
      expect.stringContaining("is partial: instagram's data start on 2026-05-01, with its first month or quarter row"),
    ]);
  });

  it('leave a channel whose month rows start with a quarter whole', () => {
    const whole = loadRoot(site, goals, {
      'data/facebook.json': facebook,
      'data/instagram/q2.json': rowsExport('instagram', [
        { month: '2026-04', impressions: 30000 },
        { month: '2026-05', impressions: 31000 },
        { month: '2026-06', impressions: 30000 },
      ]),
      'data/instagram/q3.json': q3,
    });
    expect(reportOf(whole).kpis['instagram']!['impressions']).not.toHaveProperty('qoq_partial');
  });
});
