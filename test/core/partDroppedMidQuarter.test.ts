/**
 * A part of derived engagements that stops inside the quarter before a goal's (red-team 24 #6,
 * root n): saves given every day to 15 May, then no longer in the export. Q3 has none. On main a
 * "+1%" target on engagements applied to the whole Q2 total with saves (4,545), so Q3 "Missed" on
 * the part's absence, while two notes said the reference covered only 16 May to 30 June and only
 * to 15 May; and the engagement rate's baseline, cut to 15 May (saves' end) and to the days after
 * it (like with like) at once, was none: "No data", "no day that an export of every input covers".
 * As at the quarter's end (engagementPartDropped.test.ts), a total summed from more parts is no
 * reference; a rate compares over the days after the part stopped, as the KPI table does.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: eng, title: Engagements, period: 2026-Q3, channel: ig, kpi: engagements, target: { change: "+1%" } }
  - { id: er, title: Engagement rate, period: 2026-Q3, channel: ig, kpi: engagement_rate, target: { change: "+1%" } }
`;
const root = loadRoot(site, goals, {
  'data/ig/page.json': dailyExport('ig', '2026-01-01', '2026-09-30', (d) => ({
    impressions: 1000,
    likes: 40,
    comments: 5,
    ...(d <= '2026-05-15' ? { saves: 10 } : {}),
  })),
});
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('a part of engagements dropped inside the previous quarter', () => {
  it('leaves a total no previous total to apply a change to: "No data", not "Missed"', () => {
    expect(goal('eng')).toMatchObject({ status: 'no_data', previous: null, target: null, actual: 92 * 45 });
    expect(goal('eng').reference_to).toBeUndefined();
    expect(root.notes.filter((n) => n.includes('goals/g.yaml:2:'))).toEqual([
      expect.stringContaining(
        'no previous total: engagements over 2026-Q2 counts saves on ig to 2026-05-15, which 2026-Q3 has none of',
      ),
    ]);
  });

  it('takes a rate’s baseline over the days after the part stopped, as the KPI table compares the quarters', () => {
    expect(goal('er')).toMatchObject({
      baseline: 0.045,
      previous_partial: { from: '2026-05-16', to: '2026-06-30' },
      actual: 0.045,
      progress: 0,
      status: 'missed',
    });
    expect(goal('er').baseline_to).toBeUndefined();
    expect(report.kpis['ig']!['engagement_rate']).toMatchObject({ value: 0.045, qoq: 0, previous: 0.045 });
    expect(report.kpis['ig']!['engagement_rate']!.qoq_to).toBeUndefined();
    expect(root.notes.filter((n) => n.includes('goals/g.yaml:3:'))).toEqual([
      expect.stringContaining('covers only 2026-05-16 to 2026-06-30 (46 of 91 days: 2026-Q2 counts saves on ig to 2026-05-15'),
    ]);
  });
});
