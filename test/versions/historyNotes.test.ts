/** The goals' history reads each commit's goals like validation: notes do not make them invalid, declared metrics are KPIs. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { readHistory } from '../../src/site/history.ts';
import { gitAs } from '../gitFixture.ts';

function git(dir: string, args: string[]): void {
  gitAs(dir, args, '2026-03-20');
}

describe('the goals history with notes and declared metrics', () => {
  it('keeps a commit whose goals only have notes (a repeated channel) and goals on a declared metric', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-history-'));
    cpSync('test/fixtures/basic/content/site.yaml', join(dir, 'content/site.yaml'));
    cpSync('test/fixtures/basic/data', join(dir, 'data'), { recursive: true });
    mkdirSync(join(dir, 'goals'));
    writeFileSync(
      join(dir, 'goals/goals.yaml'),
      `goals:
  - { id: twice, title: Impressions, period: 2026-Q2, channel: [instagram, instagram], kpi: impressions, target: 3000 }
  - { id: codes, title: Discount codes, period: 2026-Q2, channel: instagram, kpi: discount_code_uses, target: 10 }
`,
    );
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'Q2 goals']);
    const loaded = await loadProject(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.notes.map((n) => n.message)).toEqual(["channel 'instagram' is listed twice: it counts once"]);
    const history = readHistory(dir, loaded.project, createEngine(loaded.project));
    if (!history.available) throw new Error(history.reason);
    expect(history.entries.map((e) => [e.invalid ?? false, e.changes.map((c) => [c.goal, c.kind])])).toEqual([
      [
        false,
        [
          ['twice', 'added'],
          ['codes', 'added'],
        ],
      ],
    ]);
  });
});
