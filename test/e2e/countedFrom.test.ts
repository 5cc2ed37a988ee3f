/**
 * Follower growth counted from a total a week old or more at the quarter's start (red-team 27 #3, root
 * h1): a daily page export gives the follower total on the 1st of each month only, so Q4's growth as of
 * 31 October is 1 October's total minus 1 September's. On main every view showed "Follower growth 143"
 * unflagged and the goal "On track" at 143% with a projection of 13,156. The quarter page's cell, the goal
 * page and the text report now say which count it is counted from, and the goal is undecided.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cliRunner.ts';
import { dailyExport } from '../exportsFixture.ts';
import { buildSite, kpiCell } from './harness.ts';

/** Followers +5 a day to 30 September, −2 a day in October. */
function followersOn(d: string): number {
  const t = (Date.parse(`${d}T00:00:00Z`) - Date.parse('2026-04-01T00:00:00Z')) / 86_400_000;
  return t <= 182 ? 10000 + 5 * t : 10910 - 2 * (t - 182);
}

describe('follower growth counted from an old total, on the pages and in the text report', () => {
  let root: string;
  let quarter: string;
  let goalPage: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'goalpost-counted-from-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('content/site.yaml', 'title: Counts\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n');
    write(
      'goals/q4.yaml',
      'goals:\n  - { id: fg4, title: Grow followers by 100, period: 2026-Q4, channel: instagram, kpi: follower_growth, target: 100 }\n',
    );
    write(
      'data/instagram/export.json',
      dailyExport('instagram', '2026-04-01', '2026-10-31', (d) => ({
        impressions: 1000,
        ...(d.endsWith('-01') ? { followers: followersOn(d) } : {}),
      })),
    );
    const dist = buildSite(root);
    quarter = readFileSync(join(dist, 'reports/2026-q4/index.html'), 'utf8');
    goalPage = readFileSync(join(dist, 'goals/fg4/index.html'), 'utf8');
  }, 300_000);

  it('marks the growth cell with the day of the total it is counted from', () => {
    const growth = kpiCell(quarter, 'follower_growth', 'instagram');
    expect(growth).toContain('143');
    expect(growth).toContain('counted from the count of Sep 1, 2026');
    expect(growth).toContain('the figure holds the change since that count');
    expect(kpiCell(quarter, 'follower_count', 'instagram')).not.toContain('counted from');
  });

  it('marks the goal’s actual in the quarter’s scorecard', () => {
    const row = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*goals\/fg4\/[\s\S]*?<\/tr>/.exec(quarter)?.[0] ?? '';
    expect(row).toContain('Undecided');
    expect(row).toMatch(/<span class="change coverage counted-from"[^>]*>counted from the count of Sep 1, 2026<\/span>/);
  });

  it('shows the goal undecided, without a projection, and says why on its page', () => {
    expect(goalPage).toMatch(/Undecided/);
    expect(goalPage).not.toMatch(/On track/);
    expect(goalPage).not.toContain('13,156');
    expect(goalPage).toContain('Instagram from its count of Sep 1, 2026');
    expect(goalPage).toMatch(/<p class="meta counted-from"[^>]*>counted from the count of Sep 1, 2026/);
  });

  it('says the same in the text report', async () => {
    const text = await runCli(['report', '--period', '2026-Q4', '--live'], root);
    expect(text.status, text.err).toBe(0);
    const lines = text.out.split('\n');
    expect(lines.find((l) => l.trimStart().startsWith('Follower growth ['))).toContain('counted from the count of 2026-09-01');
    const goal = lines[lines.findIndex((l) => l.includes(' fg4: ')) + 1]!;
    expect(lines.find((l) => l.includes(' fg4: '))).toContain('Undecided');
    expect(goal).toContain('projection n/a');
    expect(goal).toContain('counted from the count of 2026-09-01');
  });
});
