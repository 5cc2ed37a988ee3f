/**
 * A goal's progress chart draws the actual only on days where every input of its KPI is whole,
 * as its projection does: a KPI over a reach given as month rows beside daily spend (spend per
 * thousand reached) counted no reach for the month under way, so its points climbed through
 * August (€10.00 on 31 July up to €20.33 on the 30th) and dropped to €10.33 on the 31st when the
 * August row entered the window (a saw-tooth; red-team 7 review, root c). The same for a rate
 * whose clicks come as month rows beside daily impressions (CTR 0 until the month's row came in).
 */
import { describe, expect, it } from 'vitest';
import { type Day, formatDay } from '../../src/core/dates.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { trajectory } from '../../src/core/trajectory.ts';
import { dailyExport, evaluate, type LoadedRoot, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE =
  'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  youtube: { label: YouTube }\n';
const GOALS = `kpis:
  - { id: cpr, label: Cost per 1000 reached, formula: "spend / reach * 1000", unit: money, good: down }
goals:
  - { id: cpr-q3, title: CPR under 20, kpi: cpr, channel: instagram, period: 2026-Q3, target: 20 }
  - { id: ctr-q3, title: YouTube CTR, kpi: ctr, channel: youtube, period: 2026-Q3, baseline: 0.02, target: 0.04 }
  - { id: spend-q3, title: Spend, kpi: spend, channel: instagram, period: 2026-Q3, target: 9000 }
`;
const root = loadRoot(SITE, GOALS, {
  'data/instagram/content.json': dailyExport('instagram', '2026-07-01', '2026-08-31', () => ({ spend: 100 })),
  'data/instagram/reach.json': rowsExport('instagram', [
    { month: '2026-07', reach: 310000 },
    { month: '2026-08', reach: 300000 },
  ]),
  'data/youtube/daily.json': dailyExport('youtube', '2026-07-01', '2026-08-31', () => ({ impressions: 3000 })),
  'data/youtube/monthly.json': rowsExport('youtube', [
    { month: '2026-07', clicks: 2790 },
    { month: '2026-08', clicks: 2790 },
  ]),
});

/** The progress chart's actual points of goal `id` as of `asOf`, as ISO days and values. */
function points(r: LoadedRoot, id: string, asOf: string): Array<[string, number]> {
  const goal = r.project!.goals.find((g) => g.id === id) as SmartGoal;
  const e = evaluate(r, id, asOf);
  if (e.type !== 'smart') throw new Error('a SMART goal');
  const day = Date.parse(`${asOf}T00:00:00Z`) / 86_400_000;
  return trajectory(r.engine!, goal, goal.period, day as Day, e).actual.map((p) => [formatDay(p.day), p.value]);
}

describe('the progress points of a goal whose KPI has month rows beside daily ones', () => {
  it('are drawn only on the last day of each month row of reach, never climbing inside a month', () => {
    expect(root.problems).toEqual([]);
    const path = points(root, 'cpr-q3', '2026-08-31');
    expect(path.map(([d]) => d)).toEqual(['2026-07-31', '2026-08-31']);
    // €3,100 over 310,000 reached; then €6,200 over (at most) 610,000.
    expect(path[0]![1]).toBeCloseTo(10, 9);
    expect(path[1]![1]).toBeCloseTo(6200 / 610, 9);
  });

  it('are drawn only on days every summed input is whole (clicks as month rows, impressions daily)', () => {
    const path = points(root, 'ctr-q3', '2026-08-31');
    expect(path.map(([d]) => d)).toEqual(['2026-07-31', '2026-08-31']);
    for (const [, v] of path) expect(v).toBeCloseTo(2790 / 93000, 9);
  });

  it('stop at the last whole day before a month row that is still to come', () => {
    // As of 20 August: August's reach row is not in yet; the path ends on 31 July.
    expect(points(root, 'cpr-q3', '2026-08-20').map(([d]) => d)).toEqual(['2026-07-31']);
  });

  it('are every day with data for a KPI of daily inputs only', () => {
    const path = points(root, 'spend-q3', '2026-08-31');
    expect(path).toHaveLength(62);
    expect(path.at(-1)).toEqual(['2026-08-31', 6200]);
  });
});
