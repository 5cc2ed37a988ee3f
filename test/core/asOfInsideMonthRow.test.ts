/**
 * A report as of a day inside a channel's month row (red-team 19 #3, roots n2, n): LinkedIn as one
 * row a month beside Facebook every day, the Q3 report as of 20 July. July's row cannot be split,
 * so LinkedIn has no figure in the quarter yet; on main that cut every all-channel figure to
 * 30 June ("All channels: no data") and the started goals read "Not started", as of 30 June. Now
 * LinkedIn counts nothing, as if its July row had not come yet, and Facebook's days count.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: all, title: All, period: 2026-Q3, channel: all, kpi: impressions, target: 300000 }
  - { id: li, title: LinkedIn, period: 2026-Q3, channel: linkedin, kpi: impressions, target: 66000 }
  - { id: er, title: ER, period: 2026-Q3, channel: all, kpi: engagement_rate, target: 0.03 }
`;
const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
const root = (linkedinMonths: readonly string[]) =>
  loadRoot(site, goals, {
    'data/facebook.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 2000, engagements: 40 })),
    'data/linkedin.json': rowsExport(
      'linkedin',
      linkedinMonths.map((month) => ({ month, impressions: 30000, engagements: 1500 })),
    ),
  });
const reportOf = (r: ReturnType<typeof root>) =>
  buildReport(r.project!, r.engine!, { quarter: period('2026-Q3'), asOf: day('2026-07-20') });

describe('a report as of a day inside a month row of one channel', () => {
  const withJuly = reportOf(root(months));
  const withoutJuly = reportOf(root(months.slice(0, 3)));

  it("counts the other channels' days, as when that month's row has not come yet", () => {
    expect(withJuly.kpis['all']!['impressions']).toMatchObject({
      value: 20 * 2000,
      channels: ['facebook'],
      left_out: ['linkedin'],
    });
    expect(withJuly.kpis['all']!['impressions']!.value).toBe(withoutJuly.kpis['all']!['impressions']!.value);
    expect(withJuly.kpis['all']!['engagement_rate']!.value).toBeCloseTo(0.02, 12);
  });

  it('evaluates the started goals as of that day: not "Not started"', () => {
    const goal = (id: string) => withJuly.goals.find((g) => g.id === id) as SmartGoalJson;
    expect(goal('all')).toMatchObject({ status: 'off_track', actual: 40000 });
    expect(goal('er').status).not.toBe('not_started');
    expect(goal('li')).toMatchObject({ status: 'no_data', actual: null });
    for (const id of ['all', 'li', 'er']) expect(goal(id).elapsed).toBeGreaterThan(0);
  });
});

describe("a projection's points over a channel given as month rows", () => {
  it('keep one set of channels: a day inside a month row is no point, not a point without that channel', () => {
    const r = loadRoot(site, 'goals:\n  - { id: ctr, title: CTR, period: 2026-Q3, channel: all, kpi: ctr, target: 0.03 }\n', {
      'data/instagram.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000, clicks: 10 })),
      'data/facebook.json': rowsExport(
        'facebook',
        months.map((month) => ({ month, impressions: 300000, clicks: 15000 })),
      ),
    });
    // Whole months give 4.6% (1% on Instagram, 5% on Facebook's ten times as many impressions): the line is flat;
    // a point inside July without Facebook would be 1%.
    const goal = buildReport(r.project!, r.engine!, { quarter: period('2026-Q3') }).goals[0] as SmartGoalJson;
    expect(goal.actual).toBeCloseTo((920 + 45000) / (92000 + 900000), 12);
    expect(goal.projection).not.toBeNull();
    expect(Math.abs(goal.projection! - goal.actual!)).toBeLessThan(0.001);
  });
});

describe('the bundled example’s ROAS key result in 2025-Q4 (Facebook’s spend as month rows beside daily exports)', () => {
  it('projects from whole days only: near its actual, not from points that leave Facebook out (8.38 when they did)', async () => {
    const loaded = await loadProject('.');
    if (!loaded.ok) throw new Error('the example does not load');
    const report = buildReport(loaded.project, createEngine(loaded.project), { quarter: period('2025-Q4') });
    const roas = report.goals.flatMap((g) => ('key_results' in g ? g.key_results : [])).find((kr) => kr.id === 'roas') as
      SmartGoalJson | undefined;
    expect(roas?.actual).toBeCloseTo(2.4367, 3);
    expect(roas?.projection).toBeGreaterThan(1);
    expect(roas?.projection).toBeLessThan(3);
  });
});
