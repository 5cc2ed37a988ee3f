/**
 * A part of derived engagements dropped at a quarter's boundary (red-team 22 #1, roots h, i): saves
 * given every day to 30 June, then no longer in the export; comments exported for Q2 only. On main
 * Q3 against Q2 read the missing part as a fall: engagements "−22.1%", the engagement rate "−22.8%",
 * goals "Missed", unflagged. It is the mirror of a part added later (derivedEngagementParts.test.ts):
 * a quarter summed from more parts is nothing to compare with, so QoQ is n/a and a goal's implicit
 * baseline or previous total is none ("No data", with a note), while Q3 keeps its own figure.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: er, title: ER, period: 2026-Q3, channel: tiktok, kpi: engagement_rate, target: { change: "+10%" } }
  - { id: eng, title: Engagements, period: 2026-Q3, channel: tiktok, kpi: engagements, target: { change: "+10%" } }
`;
const base = () => ({ impressions: 1000, likes: 40, comments: 5, shares: 5 });
const reportOf = (root: ReturnType<typeof loadRoot>, quarter = '2026-Q3') =>
  buildReport(root.project!, root.engine!, { quarter: period(quarter) });

const dropped = loadRoot(site, goals, {
  'data/tiktok/page.json': dailyExport('tiktok', '2026-01-01', '2026-09-30', (d) => ({
    ...base(),
    ...(d <= '2026-06-30' ? { saves: 10 } : {}),
  })),
});
const ownExport = loadRoot(site, goals, {
  'data/tiktok/page.json': dailyExport('tiktok', '2026-01-01', '2026-09-30', base),
  'data/tiktok/saves-q2.json': dailyExport('tiktok', '2026-04-01', '2026-06-30', () => ({ saves: 10 })),
});

describe('a part of derived engagements that stops at the end of a quarter', () => {
  for (const [name, root] of [
    ['dropped from the daily export', dropped],
    ['in an export for the earlier quarter only', ownExport],
  ] as const) {
    it(`${name}: the next quarter keeps its own figures, with no change against the quarter with the part`, () => {
      const cells = reportOf(root).kpis['tiktok']!;
      expect(cells['engagements']).toMatchObject({ value: 92 * 50, qoq: null });
      expect(cells['engagement_rate']).toMatchObject({ value: 0.05, qoq: null });
    });

    it(`${name}: goals have no baseline or previous total ("No data"), not "Missed" on the part's absence`, () => {
      const report = reportOf(root);
      for (const id of ['er', 'eng']) expect((report.goals.find((g) => g.id === id) as SmartGoalJson).status).toBe('no_data');
      expect(root.notes.filter((n) => /no (baseline|previous total)/.test(n))).toHaveLength(2);
    });
  }

  it('leaves quarters with the same parts comparable: Q2 against Q1, and Q3 where the part never existed', () => {
    expect(reportOf(dropped, '2026-Q2').kpis['tiktok']!['engagement_rate']).toMatchObject({ value: 0.06, qoq: 0 });
    const never = loadRoot(site, goals, { 'data/tiktok/page.json': dailyExport('tiktok', '2026-01-01', '2026-09-30', base) });
    expect(reportOf(never).kpis['tiktok']!['engagement_rate']).toMatchObject({ value: 0.05, qoq: 0 });
  });
});
