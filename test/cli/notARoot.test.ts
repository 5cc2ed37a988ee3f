/**
 * A command run where there is no Goalpost repo (red-team 8 #6): from a sub-folder of a repo, or
 * with GOALPOST_ROOT pointing at an empty folder. `validate` said "OK: 0 goals" there, and `import`
 * started a new content root inside the repo's goals/ folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cliRunner.ts';

const NOT_A_REPO = /this folder holds none of content\/, goals\/, data\/ and reports\/, so it is not a Goalpost repo/;

describe('a folder that is not a Goalpost repo', () => {
  it('is refused by validate, report and import, and import writes nothing there', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'goalpost-notroot-'));
    mkdirSync(join(repo, 'goals'));
    writeFileSync(join(repo, 'goals/.gitkeep'), '');
    const inside = join(repo, 'goals');
    const csv = join(repo, 'overview.csv');
    writeFileSync(csv, 'Date,Impressions\n2026-09-01,5\n');
    for (const args of [['validate'], ['report', '--period', '2026-Q3'], ['import', csv, '--channel', 'instagram']]) {
      const r = await runCli(args, inside);
      expect(r.status, args[0]).toBe(1);
      expect(r.err, args[0]).toMatch(NOT_A_REPO);
    }
    expect(readdirSync(inside)).toEqual(['.gitkeep']);
    expect(existsSync(join(inside, 'content'))).toBe(false);
  });

  it('is still a repo with only goals/ or only data/ in it', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'goalpost-notroot-'));
    mkdirSync(join(repo, 'goals'));
    const r = await runCli(['validate'], repo);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^OK: 0 goals/);
  });
});
