/**
 * A deadline pulled in on a budget cap makes it easier (red-team 10 #9): the same cap over fewer
 * days. Deadline changes show their status effect as target changes do. A target raised on a
 * KPI good when down is "a budget cap raised" only when it is one (red-team 10 #13: not for CPC).
 */
import { describe, expect, it } from 'vitest';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { dailyRepo, run } from './helpers.ts';

/** €100 a day: €4,500 spent by May 15. */
const CAP = (period: string, target = 8000) => `goals:
  - { id: cap, title: Spend at most, ${period}, channel: instagram, kpi: spend, target: ${target} }
`;
const IMPRESSIONS = (period: string) => `goals:
  - { id: impr, title: Impressions, ${period}, channel: instagram, kpi: impressions, target: 60000 }
`;

async function changes(dir: string, base: string, head: string): Promise<GoalChange[]> {
  const r = await run(dir, ['diff', base, head, '--format', 'json']);
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { changes: GoalChange[] }).changes;
}

describe('a deadline pulled in (red-team 10 #9)', () => {
  it('is a moved goalpost on a budget cap, with its status effect', async () => {
    const r = dailyRepo();
    const a = r.commit(CAP('period: 2026-Q2'), '2026-03-01');
    // €8,000 over 61 days instead of 91: €4,500 is behind that pace, ahead of the quarter's.
    const b = r.commit(CAP('start: 2026-04-01, deadline: 2026-05-31'), '2026-04-20');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        field: 'deadline',
        old: '2026-06-30',
        new: '2026-05-31',
        moved_goalpost: true,
        reason: 'deadline pulled in on a cap (fewer days count against it) after the period began on 2026-04-01',
        status: { old: 'at_risk', new: 'on_track' },
      }),
    ]);
    expect((await run(r.dir, ['diff', a, b, '--fail-on-moved'])).status).toBe(1);
    const markdown = (await run(r.dir, ['diff', a, b])).out;
    expect(markdown).toContain('status as of the data: At risk → On track');
  });

  it('is a plain change on a total to reach, its status effect shown all the same', async () => {
    const r = dailyRepo();
    const a = r.commit(IMPRESSIONS('period: 2026-Q2'), '2026-03-01');
    const b = r.commit(IMPRESSIONS('start: 2026-04-01, deadline: 2026-05-20'), '2026-04-20');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        field: 'deadline',
        moved_goalpost: false,
        // 45,000 of 60,000: ahead of the quarter's pace, behind that of 50 days.
        status: { old: 'on_track', new: 'at_risk' },
      }),
    ]);
  });

  it('shows the status effect of a deadline pushed back', async () => {
    const r = dailyRepo();
    // CTR 2% from 1.5% to 3%: progress 33%, behind the quarter's pace, ahead of five months'.
    const ctr = (period: string) => `goals:
  - { id: ctr, title: CTR up, ${period}, channel: instagram, kpi: ctr, baseline: 0.015, target: 0.03 }
`;
    const a = r.commit(ctr('period: 2026-Q2'), '2026-03-01');
    const b = r.commit(ctr('start: 2026-04-01, deadline: 2026-08-31'), '2026-04-20');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        field: 'deadline',
        moved_goalpost: true,
        reason: 'deadline pushed back after the period began on 2026-04-01',
        status: { old: 'off_track', new: 'on_track' },
      }),
    ]);
  });
});

describe('a target raised on a KPI good when down (red-team 10 #13)', () => {
  it('is "a budget cap raised" on spend, and no budget cap on CPC', async () => {
    const r = dailyRepo();
    const goals = (cap: number, cpc: number) => `goals:
  - { id: cap, title: Spend at most, period: 2026-Q2, channel: instagram, kpi: spend, target: ${cap} }
  - { id: cpc, title: CPC down, period: 2026-Q2, channel: instagram, kpi: cpc, baseline: 6, target: ${cpc} }
`;
    const a = r.commit(goals(8000, 4), '2026-03-01');
    const b = r.commit(goals(9000, 4.5), '2026-04-20');
    expect((await changes(r.dir, a, b)).map((c) => [c.goal, c.moved_goalpost, c.reason])).toEqual([
      ['cap', true, 'target made easier (a budget cap raised) after the period began on 2026-04-01'],
      ['cpc', true, 'target made easier (raised on a KPI where down is good) after the period began on 2026-04-01'],
    ]);
  });
});
