/**
 * A change is judged against the day the goal's period began as it was first in force (red-team
 * 10 #1): a start moved later once the period began is a moved goalpost, and a target lowered in
 * a later commit is still a change after the period began, in `diff` (one commit or a range), in
 * the site's history and in `report --json`. A start moved earlier on a total to reach adds days
 * to it; the status effect of a changed period shows as a target's does.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { movesOf } from '../../src/review/history.ts';
import { readHistory } from '../../src/site/history.ts';
import { dailyRepo, run } from './helpers.ts';

/** Impressions (1,000 a day): 45,000 of 100,000 by 2026-05-15, on track over Q2. */
const IMPRESSIONS = (period: string, target: number, extra = '') => `goals:
  - id: impr
    title: Instagram impressions
    ${period}
    channel: instagram
    kpi: impressions
    target: ${target}
${extra}`;
const Q2 = 'period: 2026-Q2';
const FROM_MAY = 'start: 2026-05-01\n    deadline: 2026-06-30';

async function changes(dir: string, base: string, head: string): Promise<GoalChange[]> {
  const r = await run(dir, ['diff', base, head, '--format', 'json']);
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { changes: GoalChange[] }).changes;
}

async function siteMoves(dir: string, goal: string) {
  const loaded = await loadProject(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const h = readHistory(dir, loaded.project, createEngine(loaded.project));
  if (!h.available) throw new Error(h.reason);
  return movesOf(h.entries, goal).map((m) => [m.commit.short, m.change.field, m.change.old, m.change.new]);
}

describe('a start moved later, then the target lowered in another commit (red-team 10 #1)', () => {
  it('flags both, each commit on its own, in diff, the site history and report --json', async () => {
    const r = dailyRepo();
    const c1 = r.commit(IMPRESSIONS(Q2, 100000), '2026-03-01');
    const c2 = r.commit(IMPRESSIONS(FROM_MAY, 100000), '2026-04-20', 'Start in May');
    const c3 = r.commit(IMPRESSIONS(FROM_MAY, 60000), '2026-04-21', 'Lower the target');

    expect(await changes(r.dir, c1, c2)).toEqual([
      expect.objectContaining({
        field: 'start',
        old: '2026-04-01',
        new: '2026-05-01',
        moved_goalpost: true,
        reason: 'start moved later (days already measured no longer count) after the period began on 2026-04-01',
        // 15,000 of 100,000 with a quarter of May and June gone: behind the pace.
        status: { old: 'on_track', new: 'off_track' },
      }),
    ]);
    // The target change alone: its period began on Apr 1, as first committed, not on May 1.
    expect(await changes(r.dir, c2, c3)).toEqual([
      expect.objectContaining({
        field: 'target',
        old: 100000,
        new: 60000,
        moved_goalpost: true,
        reason: 'target made easier (lowered on a KPI where up is good) after the period began on 2026-04-01',
        status: { old: 'off_track', new: 'on_track' },
      }),
    ]);
    expect((await run(r.dir, ['diff', c2, c3, '--fail-on-moved'])).status).toBe(1);
    // The range of both commits.
    expect((await changes(r.dir, c1, c3)).map((c) => [c.field, c.moved_goalpost])).toEqual([
      ['start', true],
      ['target', true],
    ]);

    expect(await siteMoves(r.dir, 'impr')).toEqual([
      [c2, 'start', '2026-04-01', '2026-05-01'],
      [c3, 'target', 100000, 60000],
    ]);
    const report = await run(r.dir, ['report', '--period', '2026-Q2', '--json']);
    const goal = (JSON.parse(report.out) as { goals: Array<{ id: string; moved_goalposts: Array<{ field: string }> }> })
      .goals[0]!;
    expect(goal.moved_goalposts.map((m) => m.field)).toEqual(['start', 'target']);
  });

  it('keeps a start moved before the period began, and a later change before the new start, plain', async () => {
    const r = dailyRepo();
    r.commit(IMPRESSIONS(Q2, 100000), '2026-03-01');
    const c2 = r.commit(IMPRESSIONS(FROM_MAY, 100000), '2026-03-20');
    // Apr 10: after the first start, but that start was moved before it came; the period begins on May 1.
    const c3 = r.commit(IMPRESSIONS(FROM_MAY, 60000), '2026-04-10');
    expect((await changes(r.dir, c2, c3)).map((c) => [c.field, c.moved_goalpost])).toEqual([['target', false]]);
    expect(await siteMoves(r.dir, 'impr')).toEqual([]);
  });

  it('with --as-committed, judges a range of merged history by when each change was made (red-team 11 #3)', async () => {
    const r = dailyRepo();
    const c1 = r.commit(IMPRESSIONS(Q2, 100000), '2026-02-01');
    // March: the start moved and the target lowered, before the period began on Apr 1.
    r.commit(IMPRESSIONS(FROM_MAY, 100000), '2026-03-10');
    r.commit(IMPRESSIONS(FROM_MAY, 60000), '2026-03-20');
    // April: only a harder target.
    const c4 = r.commit(IMPRESSIONS(FROM_MAY, 70000), '2026-04-20');
    const asCommitted = async (base: string, head: string) => {
      const out = await run(r.dir, ['diff', base, head, '--format', 'json', '--as-committed']);
      return (JSON.parse(out.out) as { changes: GoalChange[] }).changes.map((c) => [c.field, c.moved_goalpost]);
    };
    expect(await asCommitted(c1, c4)).toEqual([
      ['start', false],
      ['target', false],
    ]);
    expect((await run(r.dir, ['diff', c1, c4, '--fail-on-moved', '--as-committed'])).status).toBe(0);
    expect(await siteMoves(r.dir, 'impr')).toEqual([]);
    // Without it, a range is judged as of its head, as a pull request whose commits were written in
    // March takes effect when merged in April: then the period has begun.
    expect((await changes(r.dir, c1, c4)).map((c) => [c.field, c.moved_goalpost])).toEqual([
      ['start', true],
      ['target', true],
    ]);
  });

  it('follows a rename: the renamed goal keeps the day its period began', async () => {
    const r = dailyRepo();
    r.commit(IMPRESSIONS(Q2, 100000), '2026-03-01');
    const c2 = r.commit(IMPRESSIONS(FROM_MAY, 100000), '2026-04-20');
    const c3 = r.commit(IMPRESSIONS(FROM_MAY, 100000).replace('id: impr', 'id: impr-may'), '2026-04-21');
    const c4 = r.commit(IMPRESSIONS(FROM_MAY, 60000).replace('id: impr', 'id: impr-may'), '2026-04-22');
    expect((await changes(r.dir, c3, c4)).map((c) => [c.field, c.moved_goalpost])).toEqual([['target', true]]);
    expect((await siteMoves(r.dir, 'impr-may')).map(([commit, field]) => [commit, field])).toEqual([
      [c2, 'start'],
      [c3, 'id'],
      [c4, 'target'],
    ]);
  });
});

describe("an OKR's start moved later, then a key result's target lowered", () => {
  it('flags both: the key result changed after the period began as first committed', async () => {
    const r = dailyRepo();
    const okr = (period: string, talks: number) => `goals:
  - id: events
    type: okr
    title: Be seen at events
    ${period}
    key_results:
      - { id: talks, title: Talks, manual: { current: 1, target: ${talks} } }
      - { id: k-impr, kpi: impressions, channel: instagram, target: 100000 }
`;
    const a = r.commit(okr(Q2, 4), '2026-03-01');
    const b = r.commit(okr(FROM_MAY, 4), '2026-04-20');
    const c = r.commit(okr(FROM_MAY, 2), '2026-04-21');
    expect((await changes(r.dir, a, b)).map((x) => [x.field, x.moved_goalpost])).toEqual([['start', true]]);
    expect((await changes(r.dir, b, c)).map((x) => [x.kr, x.field, x.moved_goalpost])).toEqual([['talks', 'target', true]]);
  });
});

describe('a start moved earlier after the period began', () => {
  const EARLY = 'start: 2026-03-15\n    deadline: 2026-06-30';

  it('is a moved goalpost on a total to reach (days before the period count towards it)', async () => {
    const r = dailyRepo();
    const a = r.commit(IMPRESSIONS(Q2, 100000), '2026-03-01');
    const b = r.commit(IMPRESSIONS(EARLY, 100000), '2026-04-20');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        field: 'start',
        moved_goalpost: true,
        reason: expect.stringContaining('start moved earlier on a total to reach'),
      }),
    ]);
  });

  it('is a plain change on a budget cap and on a level', async () => {
    const r = dailyRepo();
    const goals = (period: string) => `goals:
  - { id: cap, title: Spend cap, ${period}, channel: instagram, kpi: spend, target: 9000 }
  - { id: ctr, title: CTR, ${period}, channel: instagram, kpi: ctr, baseline: 0.01, target: 0.03 }
`;
    const a = r.commit(goals('period: 2026-Q2'), '2026-03-01');
    const b = r.commit(goals('start: 2026-03-15, deadline: 2026-06-30'), '2026-04-20');
    expect((await changes(r.dir, a, b)).map((c) => [c.goal, c.field, c.moved_goalpost])).toEqual([
      ['cap', 'start', false],
      ['ctr', 'start', false],
    ]);
  });
});
