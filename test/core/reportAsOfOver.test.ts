/**
 * The default as-of day of a quarter whose data stop inside it while later data exist (red-team 16
 * #13, root gapq): Instagram's export stops on 15 March and resumes on 10 April. The quarter is over,
 * so its report is as of its last day, with Instagram incomplete and its goal undecided, as `validate`
 * and an explicit `--as-of` after the quarter say; not "to date" as of 15 March, "on track" for ever.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, reportAsOf, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { loadRoot, rowsExport } from '../exportsFixture.ts';

const Q1 = period('2026-Q1');
const GOALS =
  'goals:\n  - { id: q1, title: Q1, category: awareness, period: 2026-Q1, channel: ig, kpi: impressions, target: 8000 }\n';

/** Daily impressions of 100 on Instagram from `a` to `b` (ISO days). */
function days(a: string, b: string): Array<{ date: string; impressions: number }> {
  const out: Array<{ date: string; impressions: number }> = [];
  for (let t = Date.parse(`${a}T00:00:00Z`); t <= Date.parse(`${b}T00:00:00Z`); t += 86_400_000)
    out.push({ date: new Date(t).toISOString().slice(0, 10), impressions: 100 });
  return out;
}

describe('the default as-of day of a quarter that is over', () => {
  it('is the quarter’s last day when later data exist, with the channel that stopped incomplete', () => {
    const r = loadRoot('title: G\n', GOALS, {
      'data/ig/q.json': rowsExport('ig', [...days('2026-01-01', '2026-03-15'), ...days('2026-04-10', '2026-06-30')]),
    });
    if (!r.engine || !r.project) throw new Error(r.problems.join('\n'));
    const report = buildReport(r.project, r.engine, { quarter: Q1 });
    expect(report.as_of).toBe('2026-03-31');
    expect(report.incomplete).toEqual(['ig']);
    expect(report.coverage).toEqual({ ig: '2026-03-15' });
    const goal = report.goals[0] as SmartGoalJson;
    expect(goal).toMatchObject({ status: 'undecided', data_to: '2026-03-15', projection: null });
  });

  it('stays the last day with data while no later data exist (a quarter in progress)', () => {
    const r = loadRoot('title: G\n', GOALS, { 'data/ig/q.json': rowsExport('ig', days('2026-01-01', '2026-03-15')) });
    if (!r.project) throw new Error(r.problems.join('\n'));
    expect(reportAsOf(r.project, Q1)).toBe(r.project.index.lastDay(Q1.end));
    expect(buildReport(r.project, r.engine!, { quarter: Q1 }).as_of).toBe('2026-03-15');
  });

  it('stays the last earlier day for a quarter without data of its own', () => {
    const r = loadRoot('title: G\n', GOALS, {
      'data/ig/q.json': rowsExport('ig', [...days('2025-10-01', '2025-12-31'), ...days('2026-04-01', '2026-04-30')]),
    });
    if (!r.project) throw new Error(r.problems.join('\n'));
    expect(buildReport(r.project, r.engine!, { quarter: Q1 }).as_of).toBe('2025-12-31');
  });
});
