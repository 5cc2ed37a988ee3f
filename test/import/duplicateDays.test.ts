/**
 * A day given twice in an account-level daily export (red-team 23 #7, root imp2): X's account
 * overview with 2026-07-04 on two rows (two downloads pasted together). On main the import summed
 * them (1,999 impressions for the day) without a word. A daily export has one row per day: a second
 * one is an error at it, naming the first, and nothing is written. Per-post and per-campaign files,
 * whose rows are summed per day on purpose, are not concerned.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshRoot, run } from './helpers.ts';

const HEADER =
  'Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views';
const line = (date: string, impressions: number) => `"${date}",${impressions},10,20,1,1,10,1,1,1,1,0,0,0`;

describe('an account-level daily export with a day on two rows', () => {
  it('is an error at the second row, naming the first; nothing is written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'goalpost-dup-')), 'account_overview_analytics.csv');
    const days = ['Thu, Jul 02, 2026', 'Fri, Jul 03, 2026', 'Sat, Jul 04, 2026', 'Sat, Jul 04, 2026', 'Sun, Jul 05, 2026'];
    writeFileSync(file, `${HEADER}\n${days.map((d, i) => line(d, 1000 - (i === 3 ? 1 : 0))).join('\n')}\n`);
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${file}:5:1: Date: 2026-07-04 is given again (first on line 4)`);
    expect(r.err).toContain('nothing written');
  });
});
