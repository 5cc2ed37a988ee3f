/**
 * A goalpost moved and then put back (rt15 #10): a target lowered after the period began and
 * restored by a later commit leaves the goal at its original definition, so it is no moved
 * goalpost: no mark in `report` (text and JSON) or on the site, as a removal restored as it was is
 * none (red-team 11 #4). The history keeps both commits. A target moved again after its restore,
 * or put back only part of the way, still marks the goal.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { movesOf } from '../../src/review/history.ts';
import { readHistory } from '../../src/site/history.ts';
import { dailyRepo, run } from './helpers.ts';

/** CTR on Instagram (2% on the daily data). */
const CTR = (target: number) =>
  `  - { id: ctr, title: CTR, period: 2026-Q2, channel: instagram, kpi: ctr, baseline: 0.01, target: ${target} }\n`;
/** An OKR with one CTR key result. */
const OKR = (target: number) => `  - id: okr
    type: okr
    title: OKR
    period: 2026-Q2
    key_results:
      - { id: kr, kpi: ctr, channel: instagram, baseline: 0.01, target: ${target} }
`;

async function history(dir: string) {
  const loaded = await loadProject(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const h = readHistory(dir, loaded.project, createEngine(loaded.project));
  if (!h.available) throw new Error(h.reason);
  return h;
}

const moves = async (dir: string, id: string) =>
  movesOf((await history(dir)).entries, id).map((m) => [
    m.commit.short,
    m.change.kr ?? null,
    m.change.field,
    m.change.old,
    m.change.new,
  ]);

describe('a target lowered after the period began, then restored', () => {
  it('is no moved goalpost: no mark in the history’s moves, JSON or text', async () => {
    const r = dailyRepo();
    r.commit(`goals:\n${CTR(0.05)}${OKR(0.05)}`, '2026-03-01');
    r.commit(`goals:\n${CTR(0.01)}${OKR(0.015)}`, '2026-04-20');
    r.commit(`goals:\n${CTR(0.05)}${OKR(0.05)}`, '2026-04-21');
    expect(await moves(r.dir, 'ctr')).toEqual([]);
    expect(await moves(r.dir, 'okr')).toEqual([]);
    const h = await history(r.dir);
    expect(h.moved.has('ctr')).toBe(false);
    expect(h.moved.has('okr')).toBe(false);
    // The definition's history keeps both commits.
    expect(h.entries.filter((e) => e.changes.some((c) => c.goal === 'ctr' && c.field === 'target'))).toHaveLength(2);
    const json = await run(r.dir, ['report', '--period', '2026-Q2', '--json']);
    const goals = (JSON.parse(json.out) as { goals: Array<{ id: string; moved_goalposts?: unknown[] }> }).goals;
    expect(goals.find((g) => g.id === 'ctr')!.moved_goalposts).toEqual([]);
    expect(goals.find((g) => g.id === 'okr')!.moved_goalposts).toEqual([]);
    const text = await run(r.dir, ['report', '--period', '2026-Q2']);
    expect(text.out).not.toContain('Goalpost moved');
  });

  it('marks a move made again after the restore, and only that one', async () => {
    const r = dailyRepo();
    r.commit(`goals:\n${CTR(0.05)}`, '2026-03-01');
    r.commit(`goals:\n${CTR(0.01)}`, '2026-04-20');
    r.commit(`goals:\n${CTR(0.05)}`, '2026-04-21');
    const again = r.commit(`goals:\n${CTR(0.02)}`, '2026-04-22');
    expect(await moves(r.dir, 'ctr')).toEqual([[again, null, 'target', 0.05, 0.02]]);
  });

  it('still marks a target put back only part of the way, by the net move (5% → 3%, rt16 #11)', async () => {
    const r = dailyRepo();
    r.commit(`goals:\n${CTR(0.05)}`, '2026-03-01');
    const lowered = r.commit(`goals:\n${CTR(0.01)}`, '2026-04-20');
    r.commit(`goals:\n${CTR(0.03)}`, '2026-04-21');
    // Each commit's own change, in the definition's history:
    expect(await moves(r.dir, 'ctr')).toEqual([[lowered, null, 'target', 0.05, 0.01]]);
    // The mark: the move that stands, from the target before it to today's.
    expect(await netMoves(r.dir, 'ctr')).toEqual([[lowered, null, 'target', 0.05, 0.03]]);
  });
});

/** The moves the site and `report` mark (`readHistory`'s, each judged by its net change). */
const netMoves = async (dir: string, id: string) =>
  ((await history(dir)).moved.get(id)?.moves ?? []).map((m) => [
    m.commit.short,
    m.change.kr ?? null,
    m.change.field,
    m.change.old,
    m.change.new,
  ]);

describe('a target lowered after the period began, then raised past its start (rt16 #11)', () => {
  it('is no moved goalpost once harder than at the start, in the marks, JSON and text', async () => {
    const r = dailyRepo();
    r.commit(`goals:\n${CTR(0.05)}${OKR(0.05)}`, '2026-03-01');
    r.commit(`goals:\n${CTR(0.01)}${OKR(0.01)}`, '2026-04-10');
    r.commit(`goals:\n${CTR(0.06)}${OKR(0.06)}`, '2026-04-20');
    expect(await netMoves(r.dir, 'ctr')).toEqual([]);
    expect(await netMoves(r.dir, 'okr')).toEqual([]);
    const json = await run(r.dir, ['report', '--period', '2026-Q2', '--json']);
    const goals = (JSON.parse(json.out) as { goals: Array<{ id: string; moved_goalposts?: unknown[] }> }).goals;
    expect(goals.find((g) => g.id === 'ctr')!.moved_goalposts).toEqual([]);
    expect(goals.find((g) => g.id === 'okr')!.moved_goalposts).toEqual([]);
    expect((await run(r.dir, ['report', '--period', '2026-Q2'])).out).not.toContain('Goalpost moved');
  });

  it('marks the net move where it lands short of the start (5% → 1% → 4%: "5.0% → 4.0%"), key results too', async () => {
    const r = dailyRepo();
    r.commit(`goals:\n${CTR(0.05)}${OKR(0.05)}`, '2026-03-01');
    const lowered = r.commit(`goals:\n${CTR(0.01)}${OKR(0.01)}`, '2026-04-10');
    r.commit(`goals:\n${CTR(0.04)}${OKR(0.04)}`, '2026-04-20');
    expect(await netMoves(r.dir, 'ctr')).toEqual([[lowered, null, 'target', 0.05, 0.04]]);
    expect(await netMoves(r.dir, 'okr')).toEqual([[lowered, 'kr', 'target', 0.05, 0.04]]);
    const text = (await run(r.dir, ['report', '--period', '2026-Q2'])).out;
    expect(text).toContain('Goalpost moved: target 5.0% → 4.0%');
    expect(text).not.toContain('→ 1.0%');
  });
});
