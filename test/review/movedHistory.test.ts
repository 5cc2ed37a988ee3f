/**
 * A goal's moved goalposts from the git history (the site and `report --json` read the same):
 * renames followed, the original definition (as it was when the period began), the JSON
 * shape, and no field (never a crash) outside git.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { loadProject } from '../../src/load/project.ts';
import { movedGoalpostJson, movesOf, originalDefinition } from '../../src/review/history.ts';
import { readHistory, type SiteHistory } from '../../src/site/history.ts';
import { movedMarkerText, movedView } from '../../src/site/goalView.ts';
import { repo, run } from './helpers.ts';

/** A lead goal as the issue tells it: "1,400 leads", cut mid-period; leads on the basic fixture are clicks here. */
const LEADS = (id: string, target: number, title = '1,400 clicks from Instagram in Q2') => `goals:
  - { id: ${id}, title: "${title}", period: 2026-Q2, channel: instagram, kpi: clicks, target: ${target} }
  - { id: steady, title: Impressions, period: 2026-Q2, channel: instagram, kpi: impressions, target: 2500 }
`;

async function history(
  dir: string,
): Promise<{ h: SiteHistory & { available: true }; project: Awaited<ReturnType<typeof load>> }> {
  const project = await load(dir);
  const h = readHistory(dir, project, createEngine(project));
  if (!h.available) throw new Error(h.reason);
  return { h, project };
}

async function load(dir: string) {
  const loaded = await loadProject(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.project;
}

describe("a goal's moved goalposts from git", () => {
  it('keeps the changes before the period began in the original definition, and lists the later ones', async () => {
    const r = repo();
    r.commit(LEADS('ig-clicks', 80), '2026-03-01');
    r.commit(LEADS('ig-clicks', 60), '2026-03-20', 'Settle the target before the quarter');
    const cut = r.commit(LEADS('ig-clicks-q2', 45), '2026-05-10', 'Cut and rename');
    const { h, project } = await history(r.dir);
    const moves = movesOf(h.entries, 'ig-clicks-q2');
    expect(moves.map((m) => [m.commit.short, m.change.kind, m.change.field, m.change.old, m.change.new])).toEqual([
      [cut, 'renamed', 'id', 'ig-clicks', 'ig-clicks-q2'],
      [cut, 'changed', 'target', 60, 45],
    ]);
    const original = originalDefinition(h.entries, 'ig-clicks-q2') as SmartGoal;
    expect([original.id, original.target]).toEqual(['ig-clicks', { kind: 'absolute', value: 60 }]);
    expect(h.moved.get('ig-clicks-q2')?.original).toEqual(original);
    expect(h.moved.has('steady')).toBe(false);
    expect(movedGoalpostJson(moves[1]!)).toEqual({
      field: 'target',
      old: 60,
      new: 45,
      date: '2026-05-10',
      commit: cut,
      reason: 'target made easier (lowered on a KPI where up is good) after the period began on 2026-04-01',
    });

    // The page: what moved, and the status against the original (clicks 50 of 60) and the current target (45).
    const engine = createEngine(project);
    const goal = project.goals.find((g) => g.id === 'ig-clicks-q2')!;
    const view = movedView(project, engine, goal, h.moved.get('ig-clicks-q2')!);
    expect(view.items.map((i) => [i.what, i.before, i.after, i.date, i.commit])).toEqual([
      ['goal renamed', 'ig-clicks', 'ig-clicks-q2', 'May 10, 2026', cut],
      ['target', '60', '45', 'May 10, 2026', cut],
    ]);
    expect(view.targetMoved).toBe(true);
    expect(view.original).toEqual({ type: 'smart', status: 'missed', target: '60' });
    expect(view.current).toEqual({ type: 'smart', status: 'achieved', target: '45' });
    expect(movedMarkerText(project, engine, goal, h.moved.get('ig-clicks-q2')!)).toBe(
      'target 60 → 45 on May 10, 2026 (and 1 more)',
    );
  });

  it("takes the first version as the original when the goal was added after its period began, and scores an OKR's original", async () => {
    const r = repo();
    const okr = (krs: string) => `goals:
  - id: events
    type: okr
    title: Be seen at industry events
    period: 2026-Q2
    key_results:
${krs}`;
    r.commit(
      okr(
        '      - { id: talks, title: Talks, manual: { current: 7, target: 10 } }\n      - { id: booths, title: Booths, manual: { current: 6, target: 10 } }\n',
      ),
      '2026-04-10',
    );
    const dropped = r.commit(okr('      - { id: talks, title: Talks, manual: { current: 7, target: 10 } }\n'), '2026-07-15');
    const { h, project } = await history(r.dir);
    const moved = h.moved.get('events')!;
    expect(moved.moves.map((m) => [m.commit.short, m.change.kr, m.change.kind])).toEqual([[dropped, 'booths', 'removed']]);
    expect(moved.original?.type === 'okr' && moved.original.keyResults.map((k) => k.id)).toEqual(['talks', 'booths']);
    const view = movedView(project, createEngine(project), project.goals[0]!, moved);
    expect([view.original, view.current]).toEqual([
      { type: 'okr', score: '0.65', band: 'yellow' },
      { type: 'okr', score: '0.70', band: 'green' },
    ]);
    // The removed key result by its title (it is no longer in the goal), the reason's date as the locale writes it.
    expect(view.items.map((i) => [i.what, i.reason])).toEqual([
      [
        'key result Booths removed',
        "key result removed, which raises the objective's score (0.65 → 0.7) after the period began on Apr 1, 2026",
      ],
    ]);
    expect(movedMarkerText(project, createEngine(project), project.goals[0]!, moved)).toBe(
      'key result Booths removed on Jul 15, 2026',
    );
  });
});

describe('report --json moved_goalposts', () => {
  it("lists each goal's moved goalposts, and an empty list for the others", async () => {
    const r = repo();
    r.commit(LEADS('ig-clicks', 60), '2026-03-01');
    const cut = r.commit(LEADS('ig-clicks', 45), '2026-05-10');
    const out = await run(r.dir, ['report', '--period', '2026-Q2', '--json']);
    expect(out.status).toBe(0);
    const goals = (JSON.parse(out.out) as { goals: Array<{ id: string; moved_goalposts?: unknown[] }> }).goals;
    expect(goals.map((g) => [g.id, g.moved_goalposts])).toEqual([
      [
        'ig-clicks',
        [
          {
            field: 'target',
            old: 60,
            new: 45,
            date: '2026-05-10',
            commit: cut,
            reason: expect.stringContaining('target made easier'),
          },
        ],
      ],
      ['steady', []],
    ]);
  });

  it('the text report marks each goal whose goalpost moved, once, with its latest move (red-team 10 #13)', async () => {
    const r = repo();
    r.commit(LEADS('ig-clicks', 60), '2026-03-01');
    r.commit(LEADS('ig-clicks', 50), '2026-04-20');
    r.commit(LEADS('ig-clicks', 45), '2026-05-10');
    const out = await run(r.dir, ['report', '--period', '2026-Q2']);
    expect(out.status).toBe(0);
    const lines = out.out.split('\n');
    const at = lines.findIndex((l) => l.includes('ig-clicks:'));
    expect(lines.slice(at, at + 3)).toEqual([
      expect.stringContaining('ig-clicks: 1,400 clicks from Instagram in Q2'),
      expect.stringContaining('Clicks on instagram'),
      '      ⚠ Goalpost moved: target 50 → 45 on 2026-05-10 (and 1 more)',
    ]);
    expect(lines.filter((l) => l.includes('Goalpost moved'))).toHaveLength(1);
  });

  it('leaves the field out, without failing, when the content is not in git', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-nogit-'));
    for (const part of ['content/site.yaml', 'goals', 'data'])
      cpSync(join('test/fixtures/basic', part), join(dir, part), { recursive: true });
    const out = await run(dir, ['report', '--period', '2026-Q2', '--json']);
    expect([out.status, out.err]).toEqual([0, '']);
    const goals = (JSON.parse(out.out) as { goals: Array<Record<string, unknown>> }).goals;
    expect(goals.length).toBeGreaterThan(0);
    expect(goals.some((g) => 'moved_goalposts' in g)).toBe(false);
  });
});
