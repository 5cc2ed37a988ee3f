/**
 * A rate goal with a target written as a number, whose implicit baseline is over other channels and
 * equal to the target (red-team 23 #10, root e): Instagram's CTR 2.0% in July; LinkedIn from 1 August
 * at 5.0%; an August goal of CTR 2.0% over all channels reads 3.0% in August. On main it was
 * "Undecided": a baseline over other channels settles nothing while it could be beyond the target,
 * but one at the target cannot be: 3.0% meets 2.0% whatever the mix was.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = 'goals:\n  - { id: ctr, title: CTR, period: 2026-08, channel: all, kpi: ctr, target: 0.02 }\n';
const root = loadRoot(site, goals, {
  'data/ig/d.json': dailyExport('ig', '2026-04-01', '2026-09-30', () => ({ impressions: 1000, clicks: 20 })),
  'data/li/d.json': dailyExport('li', '2026-08-01', '2026-09-30', () => ({ impressions: 500, clicks: 25 })),
});

describe('a rate goal whose baseline over other channels equals its target', () => {
  it('is achieved when the actual meets the target', () => {
    const goal = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') }).goals[0] as SmartGoalJson;
    expect(goal).toMatchObject({ baseline: 0.02, baseline_channels_differ: true, status: 'achieved' });
    expect(goal.actual).toBeCloseTo(45 / 1500, 12);
  });
});
