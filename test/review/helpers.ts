/** Throwaway git repositories holding the basic fixture's settings and data, and goals we commit; the CLI run in memory. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { gitAs } from '../gitFixture.ts';

export interface Repo {
  readonly dir: string;
  /** Writes goals/goals.yaml, commits it on `date` and returns the short hash. */
  commit(goals: string, date: string, message?: string): string;
}

/** A new repository with the basic fixture's site and data (Instagram, 2026-03-31 to 2026-05-01) and no commit. */
export function repo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-moved-'));
  cpSync('test/fixtures/basic/content/site.yaml', join(dir, 'content/site.yaml'), { recursive: true });
  cpSync('test/fixtures/basic/data', join(dir, 'data'), { recursive: true });
  const git = (args: string[], date?: string) => gitAs(dir, args, date);
  git(['init', '-q', '-b', 'main']);
  return {
    dir,
    commit: (goals, date, message) => {
      mkdirSync(join(dir, 'goals'), { recursive: true });
      writeFileSync(join(dir, 'goals/goals.yaml'), goals);
      git(['add', '-A']);
      git(['commit', '-q', '--allow-empty', '-m', message ?? `goals on ${date}`], date);
      return git(['rev-parse', '--short', 'HEAD']).trim();
    },
  };
}

/**
 * A new repository like `repo()` whose Instagram data are daily, 2026-03-01 to 2026-05-15 (the
 * as-of day): 1,000 impressions, 20 clicks (CTR 2%) and €100 of spend a day (CPC €5).
 */
export function dailyRepo(): Repo {
  const r = repo();
  const rows = [];
  for (let day = Date.UTC(2026, 2, 1); day <= Date.UTC(2026, 4, 15); day += 86_400_000) {
    rows.push({ date: new Date(day).toISOString().slice(0, 10), impressions: 1000, clicks: 20, spend: 100 });
  }
  writeFileSync(join(r.dir, 'data/instagram/2026.json'), JSON.stringify({ channel: 'instagram', currency: 'EUR', rows }));
  return r;
}

/** Runs a goalpost command against a content root, capturing its output and exit status. */
export async function run(dir: string, args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env: { GOALPOST_ROOT: dir },
    cwd: process.cwd(),
  });
  return { status, out, err };
}
