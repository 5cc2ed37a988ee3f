/**
 * A part of derived engagements given as month rows, read as of a day inside the quarter's first
 * month (red-team 22 #2, root f): Instagram's likes, comments and shares every day, its saves as a
 * monthly overview (July, August, September); Facebook's every part every day; as of 20 July. On
 * main every channel was cut back to 30 June: goals on engagements "Not started" (elapsed 0) and the
 * all-channel engagements gone from the table, while Facebook had 20 days of them. Instagram has
 * no countable engagements yet (July's saves are one row): it is left out ("facebook only"), as a
 * channel whose clicks are a month row is, and a goal on it alone has no actual ("No data").
 */
import { describe, expect, it } from 'vitest';
import { type Day, parseIsoDate } from '../../src/core/dates.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: all-eng, title: All engagements, period: 2026-Q3, channel: all, kpi: engagements, target: 8000 }
  - { id: ig-er, title: ER, period: 2026-Q3, channel: instagram, kpi: engagement_rate, target: 0.06 }
`;
const root = loadRoot(site, goals, {
  'data/instagram/daily.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({
    impressions: 1000,
    likes: 40,
    comments: 5,
    shares: 5,
  })),
  'data/instagram/monthly.json': rowsExport(
    'instagram',
    ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({ month, saves: 300 })),
  ),
  'data/facebook/daily.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({
    impressions: 2000,
    likes: 30,
    saves: 10,
  })),
});
const report = buildReport(root.project!, root.engine!, {
  quarter: period('2026-Q3'),
  asOf: (parseIsoDate('2026-07-20') as { day: Day }).day,
});
const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('a monthly part read as of a day inside its first month', () => {
  it('leaves the channel out of the all-channel engagements, which keep the other channels’ days', () => {
    expect(report.kpis['all']!['engagements']).toMatchObject({ value: 20 * 40, channels: ['facebook'], left_out: ['instagram'] });
    expect(report.kpis['instagram']!['engagements']!.value).toBeNull();
  });

  it('keeps the goals started: the all-channel one on Facebook, Instagram’s without an actual', () => {
    expect(goal('all-eng')).toMatchObject({ actual: 800, left_out: ['instagram'] });
    expect(goal('all-eng').status).not.toBe('not_started');
    expect(goal('ig-er')).toMatchObject({ actual: null, status: 'no_data' });
  });
});
