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

const GOAL = (id: string, target: number, deadline = '2026-06-30') => `goals:
  - { id: ${id}, title: Instagram impressions, start: 2026-04-01, deadline: ${deadline}, channel: instagram, kpi: impressions, target: ${target} }
  - { id: steady, title: Clicks, period: 2026-Q2, channel: instagram, kpi: clicks, target: 40 }
`;

function git(dir: string, args: string[], date?: string): string {
  return execFileSync('git', args, {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Ana', GIT_AUTHOR_EMAIL: 'ana@example.org', GIT_COMMITTER_NAME: 'Ana', GIT_COMMITTER_EMAIL: 'ana@example.org',
      ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) },
  });
}

/** A repository with four commits: goals set, target lowered after the start, data only, goal renamed. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-history-'));
  cpSync('test/fixtures/basic/content/site.yaml', join(dir, 'content/site.yaml'));
  cpSync('test/fixtures/basic/data', join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'goals'));
  git(dir, ['init', '-q', '-b', 'main']);
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
    expect(h.entries[0]!.changes.map((c) => [c.goal, c.kind])).toEqual([['ig-impressions', 'added'], ['steady', 'added']]);
    expect(h.entries[1]!.changes).toEqual([expect.objectContaining({ goal: 'ig-impressions', kind: 'changed', field: 'target', old: 3000, new: 2000, moved_goalpost: true })]);
    expect(h.entries[2]!.changes).toEqual([expect.objectContaining({ goal: 'ig-reach', kind: 'renamed', old: 'ig-impressions', new: 'ig-reach' })]);
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
      ['goal added', { before: '', after: 'Impressions: target 3000 by 2026-06-30' }],
      ['goal added', { before: '', after: 'Clicks: target 40 by 2026-06-30' }],
      ['target', { before: '3,000', after: '2,000' }],
      ['goal renamed', { before: 'ig-impressions', after: 'ig-reach' }],
    ]);
  });

  it("gives one goal's history, following its renames", async () => {
    const h = await history(repository());
    if (!h.available) throw new Error(h.reason);
    expect(historyOf(h.entries, 'ig-reach').map((e) => e.changes.map((c) => c.kind))).toEqual([['added'], ['changed'], ['renamed']]);
    expect(historyOf(h.entries, 'steady').map((e) => e.commit.subject)).toEqual(['Q2 goals']);
  });

  it('does not warn when a target is made harder or changed before the period began', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-history-'));
    cpSync('test/fixtures/basic/content/site.yaml', join(dir, 'content/site.yaml'));
    cpSync('test/fixtures/basic/data', join(dir, 'data'), { recursive: true });
    mkdirSync(join(dir, 'goals'));
    git(dir, ['init', '-q', '-b', 'main']);
    for (const [target, date] of [[3000, '2026-03-01'], [2000, '2026-03-15'], [5000, '2026-05-01']] as const) {
      writeFileSync(join(dir, 'goals/goals.yaml'), GOAL('ig-impressions', target));
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '-m', `target ${target}`], date);
    }
    const h = await history(dir);
    if (!h.available) throw new Error(h.reason);
    expect(h.entries.slice(1).map((e) => e.changes.map((c) => [c.field, c.moved_goalpost]))).toEqual([[['target', false]], [['target', false]]]);
  });

  it('is unavailable in a shallow clone, and says why', async () => {
    const source = repository();
    const clone = mkdtempSync(join(tmpdir(), 'goalpost-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source}`, clone]);
    const h = await history(clone);
    expect(h).toEqual({ available: false, reason: expect.stringContaining('shallow clone') });
  });

  it('is unavailable outside git, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-nogit-'));
    for (const part of ['content/site.yaml', 'goals', 'data']) cpSync(join('test/fixtures/basic', part), join(dir, part), { recursive: true });
    const h = await history(dir);
    expect(h).toEqual({ available: false, reason: expect.stringContaining('not in a git repository') });
  });
});
