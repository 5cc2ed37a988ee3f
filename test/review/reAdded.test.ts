/**
 * A goal that leaves and comes back (red-team 10 #3): removed and added again under its id after
 * its period began, it is judged against its earlier definition and its original definition is
 * the one its period began with; rewritten under a new id with its channel written as a list,
 * it is paired as a rename, and the successor carries the moved goalpost.
 */
import { describe, expect, it } from 'vitest';
import type { SmartGoal } from '../../src/core/goals.ts';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { movesOf, originalDefinition } from '../../src/review/history.ts';
import { movedView } from '../../src/site/goalView.ts';
import { readHistory } from '../../src/site/history.ts';
import { repo, run } from './helpers.ts';

/** Followers 1,000 → 1,100 on the basic fixture. */
const FOLLOWERS = (id: string, target: number, period = '2026-Q2', extra = '') =>
  `  - { id: ${id}, title: Grow Instagram followers, period: ${period}, channel: instagram, kpi: follower_count, baseline: 1000, target: ${target}${extra} }\n`;
const IMPRESSIONS =
  '  - { id: steady, title: Impressions, period: 2026-Q2, channel: instagram, kpi: impressions, target: 2500 }\n';

async function history(dir: string) {
  const loaded = await loadProject(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const engine = createEngine(loaded.project);
  const h = readHistory(dir, loaded.project, engine);
  if (!h.available) throw new Error(h.reason);
  return { h, project: loaded.project, engine };
}

describe('a goal removed and added again under its id (red-team 10 #3a)', () => {
  it('flags the easier re-added goal and keeps the definition its period began with as the original', async () => {
    const r = repo();
    r.commit(`goals:\n${FOLLOWERS('fol', 1200)}${IMPRESSIONS}`, '2026-03-01');
    const dropped = r.commit(`goals:\n${IMPRESSIONS}`, '2026-04-20');
    const back = r.commit(`goals:\n${IMPRESSIONS}${FOLLOWERS('fol', 1080)}`, '2026-04-21');
    const { h, project, engine } = await history(r.dir);
    const moves = movesOf(h.entries, 'fol');
    expect(moves.map((m) => [m.commit.short, m.change.kind, m.change.field ?? null, m.change.old ?? null, m.change.new])).toEqual(
      [
        [dropped, 'removed', null, expect.anything(), undefined],
        [back, 'changed', 'target', 1200, 1080],
      ],
    );
    expect(moves[1]!.change.reason).toMatch(/^target made easier/);
    const original = originalDefinition(h.entries, 'fol') as SmartGoal;
    expect(original.target).toEqual({ kind: 'absolute', value: 1200 });
    // "Against the original definition": 1,100 of 1,200 is missed; of 1,080 achieved.
    const view = movedView(
      project,
      engine,
      project.goals.find((g) => g.id === 'fol')!,
      h.moved.get('fol')!,
    );
    expect([view.original, view.current]).toEqual([
      { type: 'smart', status: 'missed', target: '1,200' },
      { type: 'smart', status: 'achieved', target: '1,080' },
    ]);
    const json = await run(r.dir, ['report', '--period', '2026-Q2', '--json']);
    const fol = (JSON.parse(json.out) as { goals: Array<{ id: string; moved_goalposts: Array<{ field: string }> }> }).goals.find(
      (g) => g.id === 'fol',
    )!;
    expect(fol.moved_goalposts.map((m) => m.field)).toEqual(['goal', 'target']);
  });

  it('flags the easier re-added goal in `diff` of the commit that adds it back, as the site does', async () => {
    const r = repo();
    r.commit(`goals:\n${FOLLOWERS('fol', 1200)}${IMPRESSIONS}`, '2026-03-01');
    const dropped = r.commit(`goals:\n${IMPRESSIONS}`, '2026-04-20');
    const back = r.commit(`goals:\n${IMPRESSIONS}${FOLLOWERS('fol', 1080)}`, '2026-04-21');
    const out = await run(r.dir, ['diff', dropped, back, '--format', 'json', '--fail-on-moved']);
    const list = (JSON.parse(out.out) as { changes: GoalChange[] }).changes;
    expect(list.map((c) => [c.goal, c.kind, c.field ?? null, c.moved_goalpost])).toEqual([
      ['fol', 'added', null, false],
      ['fol', 'changed', 'target', true],
    ]);
    expect(out.status).toBe(1);
  });

  it('drops the removal from the moved goalposts when a later commit restores the goal as it was (a revert)', async () => {
    const r = repo();
    r.commit(`goals:\n${FOLLOWERS('fol', 1200)}${IMPRESSIONS}`, '2026-03-01');
    const dropped = r.commit(`goals:\n${IMPRESSIONS}`, '2026-04-20');
    r.commit(`goals:\n${FOLLOWERS('fol', 1200)}${IMPRESSIONS}`, '2026-04-21');
    // The removal's own diff is flagged (that pull request did move it)...
    const out = await run(r.dir, ['diff', `${dropped}~1`, dropped, '--fail-on-moved']);
    expect(out.status).toBe(1);
    // ...but once restored as it was, the goal's definition never changed: no mark on the site or in JSON.
    const { h } = await history(r.dir);
    expect(movesOf(h.entries, 'fol')).toEqual([]);
    expect(h.moved.has('fol')).toBe(false);
    const json = await run(r.dir, ['report', '--period', '2026-Q2', '--json']);
    const fol = (JSON.parse(json.out) as { goals: Array<{ id: string; moved_goalposts?: unknown[] }> }).goals.find(
      (g) => g.id === 'fol',
    )!;
    expect(fol.moved_goalposts ?? []).toEqual([]);
  });

  it('keeps a re-added goal as it was a plain change, and an id reused for another period as a new goal', async () => {
    const r = repo();
    r.commit(`goals:\n${FOLLOWERS('fol', 1200)}${IMPRESSIONS}`, '2026-03-01');
    r.commit(`goals:\n${IMPRESSIONS}`, '2026-04-20');
    const same = r.commit(`goals:\n${IMPRESSIONS}${FOLLOWERS('fol', 1200)}`, '2026-04-21');
    const later = r.commit(`goals:\n${IMPRESSIONS}`, '2026-04-22');
    r.commit(`goals:\n${IMPRESSIONS}${FOLLOWERS('fol', 1080, '2026-Q3')}`, '2026-04-23');
    const { h } = await history(r.dir);
    const moves = movesOf(h.entries, 'fol');
    // Adding it back unchanged, or for Q3, is no moved goalpost; the first removal, restored as it was the
    // next day, is none either; the second, never restored as it was, is one.
    expect(moves.map((m) => [m.commit.short, m.change.kind])).toEqual([[later, 'removed']]);
    expect(h.entries.find((e) => e.commit.short === same)!.changes.map((c) => [c.goal, c.kind])).toEqual([['fol', 'added']]);
    expect((originalDefinition(h.entries, 'fol') as SmartGoal).period.label).toBe('2026-Q3');
  });
});

describe('a goal rewritten under a new id (red-team 10 #3b)', () => {
  it('pairs `instagram` and `[instagram]` (or a list in another order) as the same channels, so the rename is flagged and no channel change listed', async () => {
    const r = repo();
    const a = r.commit(
      `goals:
  - { id: ctr-q2, title: CTR up to 3%, period: 2026-Q2, channel: instagram, kpi: ctr, baseline: 0.02, target: 0.03 }
  - { id: both, title: Impressions on both, period: 2026-Q2, channel: [instagram, linkedin], kpi: impressions, target: 3000 }
`,
      '2026-03-01',
    );
    const b = r.commit(
      `goals:
  - { id: ig-clicks-rate, title: Click-through growth, period: 2026-Q2, channel: [instagram], kpi: ctr, baseline: 0.02, target: 0.025 }
  - { id: both-q2, title: Impressions on LinkedIn and Instagram, period: 2026-Q2, channel: [linkedin, instagram], kpi: impressions, target: 3000 }
`,
      '2026-04-20',
    );
    const out = await run(r.dir, ['diff', a, b, '--format', 'json']);
    const list = (JSON.parse(out.out) as { changes: GoalChange[] }).changes;
    expect(list.map((c) => [c.goal, c.kind, c.field ?? null, c.moved_goalpost])).toEqual([
      ['ig-clicks-rate', 'renamed', 'id', true],
      ['ig-clicks-rate', 'changed', 'title', false],
      ['ig-clicks-rate', 'changed', 'target', true],
      ['both-q2', 'renamed', 'id', true],
      ['both-q2', 'changed', 'title', false],
    ]);
    // After the merge the successor carries the moved goalpost (its page, the scorecards and home read this map).
    const { h } = await history(r.dir);
    expect(h.moved.get('ig-clicks-rate')?.moves.map((m) => m.change.field)).toEqual(['id', 'target']);
    expect(h.moved.get('both-q2')?.moves.map((m) => m.change.field)).toEqual(['id']);
    expect((h.moved.get('ig-clicks-rate')?.original as SmartGoal | null)?.id).toBe('ctr-q2');
  });
});
