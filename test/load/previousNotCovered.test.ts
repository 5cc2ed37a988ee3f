/**
 * A relative target whose previous period no day of which is covered by every input (red-team 19
 * #6, root v): lost followers exported from 1 August only, so 2026-Q2's follower growth is unknown.
 * On main the target (+10%) applied to Q2's new followers alone (1,001), the goal read "Missed",
 * and the note said the total "covers only 2026-04-01 to 2026-06-30 except 2026-04-01 to
 * 2026-06-30 (0 of 91 days)". And the note on a level that builds up as the period runs named
 * revenue per member, a total over a count, as shrinking (red-team 19 #4).
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';

describe('a relative target on a total whose previous period has no covered day', () => {
  const goals =
    'goals:\n  - { id: fg, title: Growth, period: 2026-Q3, channel: instagram, kpi: follower_growth, target: { change: "+10%" } }\n';
  const root = loadRoot(site, goals, {
    'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
      impressions: 1000,
      new_followers: 10,
      ...(d >= '2026-08-01' ? { lost_followers: 4 } : {}),
    })),
  });

  it('has no previous total and no target: "No data", not "Missed"', () => {
    const goal = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') }).goals[0] as SmartGoalJson;
    expect(goal).toMatchObject({ status: 'no_data', previous: null, target: null });
    expect(goal).not.toHaveProperty('previous_partial');
  });

  it('says so in validate, without a part of no days', () => {
    expect(root.notes.filter((n) => n.startsWith('goals/'))).toEqual([
      'goals/g.yaml:2:97: note: no previous total: follower_growth over 2026-Q2 has no day that an export of every input covers ' +
        '(what a relative target on a total applies to), so the target cannot be resolved and the goal shows "No data"; give the target as a number',
    ]);
  });
});

describe('the note on a level compared with a whole period before its deadline', () => {
  it('says a total over a count (revenue per member) builds up, and a count over a total shrinks', () => {
    const custom = `kpis:
  - { id: rev_per_member, label: Revenue per member, formula: revenue / members, unit: money, good: up }
  - { id: members_per_impression, label: Members per impression, formula: members / impressions, unit: ratio, good: up }
goals:
  - { id: rpm, title: RPM, period: 2026-Q3, channel: instagram, kpi: rev_per_member, target: { change: "+10%" } }
  - { id: mpi, title: MPI, period: 2026-Q3, channel: instagram, kpi: members_per_impression, target: { change: "+10%" } }
`;
    const root = loadRoot(`${site}metrics:\n  members: { label: Members, aggregation: stock, unit: count }\n`, custom, {
      'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({
        impressions: 1000,
        revenue: 50,
        members: 400,
      })),
    });
    expect(root.problems).toEqual([]);
    const notes = root.notes.filter((n) => /as the period runs/.test(n));
    expect(notes).toEqual([
      expect.stringContaining('rev_per_member builds up as the period runs (it counts what happened so far)'),
      expect.stringContaining('members_per_impression shrinks as the period runs (it divides by what happened so far)'),
    ]);
  });
});
