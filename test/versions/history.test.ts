/**
 * The goals' definition history read from git (goal pages and /changes/), against
 * throwaway repositories: each commit's changes, moved goalposts, renames followed, and
 * "unavailable" in a shallow clone or outside git.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { changeSubject, changeValues } from '../../src/review/describe.ts';
import { historyOf } from '../../src/review/history.ts';
import { readHistory, type SiteHistory } from '../../src/site/history.ts';
import { gitAs } from '../gitFixture.ts';

const GOAL = (id: string, target: number, deadline = '2026-06-30') => `goals:
  - { id: ${id}, title: Instagram impressions, start: 2026-04-01, deadline: ${deadline}, channel: instagram, kpi: impressions, target: ${target} }
  - { id: steady, title: Clicks, period: 2026-Q2, channel: instagram, kpi: clicks, target: 40 }
`;

const git = (dir: string, args: string[], date?: string): string => gitAs(dir, args, date);

/** A new repository with the basic fixture's settings and data, an empty goals folder and no commit. */
function emptyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-history-'));
  cpSync('test/fixtures/basic/content/site.yaml', join(dir, 'content/site.yaml'));
  cpSync('test/fixtures/basic/data', join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'goals'));
  git(dir, ['init', '-q', '-b', 'main']);
  return dir;
}

/** A repository with four commits: goals set, target lowered after the start, data only, goal renamed. */
function repository(): string {
  const dir = emptyRepository();
  const commit = (goals: string | null, message: string, date: string) => {
    if (goals !== null) writeFileSync(join(dir, 'goals/goals.yaml'), goals);
    else writeFileSync(join(dir, 'data/note.json'), '{ "channel": "instagram", "rows": [] }');
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', message], date);
  };
  commit(GOAL('ig-impressions', 3000), 'Q2 goals', '2026-03-20');
  commit(GOAL('ig-impressions', 2000), 'Lower the impressions target', '2026-05-10');
  commit(null, 'May data', '2026-05-12');
  commit(GOAL('ig-reach', 2000), 'Rename the impressions goal', '2026-05-20');
  return dir;
}

async function history(dir: string): Promise<SiteHistory> {
  const loaded = await loadProject(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return readHistory(dir, loaded.project, createEngine(loaded.project));
}

describe('the goals history from git', () => {
  it('lists each commit that changed the goals with what changed, oldest first', async () => {
    const h = await history(repository());
    expect(h.available).toBe(true);
    if (!h.available) return;
    expect(h.entries.map((e) => [e.commit.date, e.commit.subject, e.commit.author])).toEqual([
      ['2026-03-20', 'Q2 goals', 'Ana'],
      ['2026-05-10', 'Lower the impressions target', 'Ana'],
      ['2026-05-20', 'Rename the impressions goal', 'Ana'],
    ]);
    expect(h.entries[0]!.changes.map((c) => [c.goal, c.kind])).toEqual([
      ['ig-impressions', 'added'],
      ['steady', 'added'],
    ]);
    expect(h.entries[1]!.changes).toEqual([
      expect.objectContaining({
        goal: 'ig-impressions',
        kind: 'changed',
        field: 'target',
        old: 3000,
        new: 2000,
        moved_goalpost: true,
      }),
    ]);
    expect(h.entries[2]!.changes).toEqual([
      expect.objectContaining({ goal: 'ig-reach', kind: 'renamed', old: 'ig-impressions', new: 'ig-reach' }),
    ]);
  });

  it('describes each change in words for the pages: added goals by KPI, target and deadline; old → new in the unit', async () => {
    const dir = repository();
    const loaded = await loadProject(dir);
    if (!loaded.ok) throw new Error('invalid');
    const engine = createEngine(loaded.project);
    const h = readHistory(dir, loaded.project, engine);
    if (!h.available) throw new Error(h.reason);
    const ctx = { engine, format: loaded.project.site, goals: new Map(loaded.project.goals.map((g) => [g.id, g])) };
    const rows = h.entries.flatMap((e) => e.changes.map((c) => [changeSubject(c), changeValues(ctx, c)]));
    expect(rows).toEqual([
      ['goal added', { before: '', after: 'Impressions: target 3,000 by 2026-06-30' }],
      ['goal added', { before: '', after: 'Clicks: target 40 by 2026-06-30' }],
      ['target', { before: '3,000', after: '2,000' }],
      ['goal renamed', { before: 'ig-impressions', after: 'ig-reach' }],
    ]);
  });

  it("gives one goal's history, following its renames", async () => {
    const h = await history(repository());
    if (!h.available) throw new Error(h.reason);
    expect(historyOf(h.entries, 'ig-reach').map((e) => e.changes.map((c) => c.kind))).toEqual([
      ['added'],
      ['changed'],
      ['renamed'],
    ]);
    expect(historyOf(h.entries, 'steady').map((e) => e.commit.subject)).toEqual(['Q2 goals']);
  });

  it('does not warn when a target is made harder or changed before the period began', async () => {
    const dir = emptyRepository();
    for (const [target, date] of [
      [3000, '2026-03-01'],
      [2000, '2026-03-15'],
      [5000, '2026-05-01'],
    ] as const) {
      writeFileSync(join(dir, 'goals/goals.yaml'), GOAL('ig-impressions', target));
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', `target ${target}`], date);
    }
    const h = await history(dir);
    if (!h.available) throw new Error(h.reason);
    expect(h.entries.slice(1).map((e) => e.changes.map((c) => [c.field, c.moved_goalpost]))).toEqual([
      [['target', false]],
      [['target', false]],
    ]);
  });

  it('follows the first-parent line: a merged branch is one change, never replayed against the wrong parent', async () => {
    const dir = emptyRepository();
    const write = (file: string, target: number, id: string) =>
      writeFileSync(
        join(dir, 'goals', file),
        `goals:\n  - { id: ${id}, title: ${id}, period: 2026-Q2, channel: instagram, kpi: impressions, target: ${target} }\n`,
      );
    write('a.yaml', 3000, 'a');
    write('b.yaml', 40, 'b');
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'goals'], '2026-03-01');
    git(dir, ['checkout', '-q', '-b', 'x']);
    write('a.yaml', 2000, 'a');
    git(dir, ['commit', '-q', '-am', 'lower a'], '2026-05-01');
    git(dir, ['checkout', '-q', 'main']);
    write('b.yaml', 50, 'b');
    git(dir, ['commit', '-q', '-am', 'raise b'], '2026-05-02');
    git(dir, ['merge', '-q', '--no-ff', '-m', 'merge x', 'x'], '2026-05-03');
    const h = await history(dir);
    if (!h.available) throw new Error(h.reason);
    expect(
      h.entries.map((e) => [
        e.commit.subject,
        e.changes.map((c) => `${c.goal} ${String(c.old ?? '')}→${String(c.new && typeof c.new !== 'object' ? c.new : '')}`),
      ]),
    ).toEqual([
      ['goals', ['a →', 'b →']],
      ['raise b', ['b 40→50']],
      ['merge x', ['a 3000→2000']],
    ]);
  });

  it('compares across a commit whose goals do not validate, and says so', async () => {
    const dir = emptyRepository();
    for (const [text, message, date] of [
      [GOAL('ig-impressions', 3000), 'goals', '2026-03-01'],
      [`${GOAL('ig-impressions', 3000)}  - { id: [broken\n`, 'typo', '2026-03-02'],
      [GOAL('ig-impressions', 3500), 'fix and raise', '2026-03-03'],
    ] as const) {
      writeFileSync(join(dir, 'goals/goals.yaml'), text);
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', message], date);
    }
    const h = await history(dir);
    if (!h.available) throw new Error(h.reason);
    expect(
      h.entries.map((e) => [e.commit.subject, e.invalid ?? false, e.changes.map((c) => `${c.kind} ${c.field ?? ''}`)]),
    ).toEqual([
      ['goals', false, ['added ', 'added ']],
      ['typo', true, []],
      ['fix and raise', false, ['changed target']],
    ]);
    expect(historyOf(h.entries, 'ig-impressions').map((e) => e.commit.subject)).toEqual(['goals', 'fix and raise']);
  });

  it('keeps goals on channels that no longer have data in their history', async () => {
    const dir = repository();
    writeFileSync(
      join(dir, 'goals/goals.yaml'),
      GOAL('ig-reach', 2000).replace('channel: instagram, kpi: clicks', 'channel: tiktok, kpi: clicks'),
    );
    git(dir, ['commit', '-q', '-am', 'steady on tiktok'], '2026-05-25');
    writeFileSync(join(dir, 'goals/goals.yaml'), GOAL('ig-reach', 2000));
    git(dir, ['commit', '-q', '-am', 'back to instagram'], '2026-05-26');
    const h = await history(dir);
    if (!h.available) throw new Error(h.reason);
    expect(
      h.entries
        .slice(-2)
        .map((e) => [e.commit.subject, e.invalid ?? false, e.changes.map((c) => [c.goal, c.field, c.old, c.new])]),
    ).toEqual([
      ['steady on tiktok', false, [['steady', 'channel', 'instagram', 'tiktok']]],
      ['back to instagram', false, [['steady', 'channel', 'tiktok', 'instagram']]],
    ]);
  });

  it('is unavailable in a shallow clone, and says why', async () => {
    const source = repository();
    const clone = mkdtempSync(join(tmpdir(), 'goalpost-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source}`, clone]);
    const h = await history(clone);
    expect(h).toEqual({ available: false, why: 'shallow', reason: expect.stringContaining('shallow clone') });
  });

  it('is unavailable outside git, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-nogit-'));
    for (const part of ['content/site.yaml', 'goals', 'data'])
      cpSync(join('test/fixtures/basic', part), join(dir, part), { recursive: true });
    const h = await history(dir);
    expect(h).toEqual({ available: false, why: 'no_repository', reason: expect.stringContaining('not in a git repository') });
  });
});
