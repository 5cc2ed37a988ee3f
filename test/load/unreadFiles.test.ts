/**
 * Files a team put in the content folders that no page or check reads (red-team 8 #5, #12): a
 * narrative named in capitals, as `.md`, in a sub-folder or after a quarter without a page; a
 * `site.yml`, a CSV download in data/, a goals file saved as `.yaml.txt`. Each is noted where it
 * is, and validate still passes: they are notes, not errors.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';

const GOALS = `goals:
  - { id: q3, title: Reach more, period: 2026-Q3, channel: instagram, kpi: impressions, target: 200000 }
`;

function root(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-unread-'));
  const rows = Array.from({ length: 31 }, (_, i) => ({ date: `2026-07-${String(i + 1).padStart(2, '0')}`, impressions: 1000 }));
  const all: Record<string, string> = {
    'content/site.yaml': 'title: T\n',
    'goals/goals.yaml': GOALS,
    'data/instagram/q3.json': JSON.stringify({ channel: 'instagram', rows }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function notesOf(files: Record<string, string>): Promise<string[]> {
  const loaded = await loadProject(root(files));
  expect(loaded.ok, JSON.stringify(loaded.ok ? null : loaded.problems)).toBe(true);
  return loaded.notes.map((n) => `${n.file}: ${n.message}`);
}

describe('files nothing reads', () => {
  it('notes narratives that no page shows, each where it is', async () => {
    const notes = await notesOf({
      'content/reports/2026-q3.mdx': 'Shown.\n',
      'content/reports/2026-Q3.mdx': 'Hello.\n',
      'content/reports/2026-q2.md': 'Hello.\n',
      'content/reports/sub/2026-q3.mdx': 'Hello.\n',
      'content/reports/2030-q1.mdx': 'Hello.\n',
      'content/other.mdx': 'Hello.\n',
    });
    const about = (file: string) => notes.filter((n) => n.startsWith(`${file}: `));
    expect(about('content/reports/2026-Q3.mdx').join()).toMatch(/shows content\/reports\/2026-q3\.mdx.*name it in lower case/);
    expect(about('content/reports/2026-q2.md').join()).toMatch(/not read: a narrative is content\/reports\/<yyyy-qn>\.mdx/);
    expect(about('content/reports/sub/2026-q3.mdx').join()).toMatch(/not read: a narrative is .*directly in content\/reports\//);
    expect(about('content/reports/2030-q1.mdx').join()).toMatch(
      /no page for 2030-Q1 .*here: 2026-Q3\), so no page shows this narrative/,
    );
    expect(about('content/other.mdx').join()).toMatch(/not read: content\/ holds the site settings/);
    expect(about('content/reports/2026-q3.mdx')).toEqual([]);
  });

  it('notes a settings file, a metric download and a goals file under names that are not read', async () => {
    const notes = await notesOf({
      'content/site.yml': 'title: Other\n',
      'data/instagram/q3.csv': 'Date,Impressions\n',
      'goals/more.yaml.txt': GOALS,
      'data/.gitkeep': '',
    });
    expect(notes).toContain(
      'content/site.yml: not read: content/ holds the site settings (content/site.yaml) and the narratives (content/reports/<yyyy-qn>.mdx)',
    );
    expect(notes).toContain(
      'data/instagram/q3.csv: not read: metric files end in .json; a platform download goes through `goalpost import`',
    );
    expect(notes).toContain('goals/more.yaml.txt: not read: goals files end in .yaml or .yml');
    expect(notes.some((n) => n.includes('.gitkeep'))).toBe(false);
  });
});

describe('a content folder that is a file', () => {
  it('is named itself, not the content/reports folder under it (red-team 8 #15)', async () => {
    const dir = root({});
    rmSync(join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'content'), 'not a folder\n');
    const loaded = await loadProject(dir);
    expect(loaded.ok).toBe(false);
    const lines = loaded.ok ? [] : loaded.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    expect(lines).toEqual(['content:1:1: is not a folder: it is not read']);
  });
});
