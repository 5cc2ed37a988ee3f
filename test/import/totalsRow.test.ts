/**
 * A totals row with no label (red-team 14 #7): X's account overview can end with a row whose
 * first cell, the date, is empty and whose numbers are the sums of the rows above. Import refused
 * the file ("the date is missing"). Such a last row is now skipped when each of its numbers is its
 * column's sum; a dateless last row that is not one is still the problem it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles, FIXTURES, freshRoot, importOk, run } from './helpers.ts';

const overview = readFileSync(join(FIXTURES, 'x', 'account_overview_analytics.csv'), 'utf8').trimEnd();

function withLastRow(root: string, row: string): string {
  const file = join(root, 'account_overview_analytics.csv');
  writeFileSync(file, `${overview}\n${row}\n`);
  return file;
}

describe('a totals row without a date at the end of an export (red-team 14 #7)', () => {
  it('is skipped when each of its numbers is the sum of its column, and said so', async () => {
    const root = freshRoot();
    // The three days' sums; bookmarks 12 + 8 (the third is N/A), video views 800 + 600 (the third is empty).
    const done = await importOk(root, withLastRow(root, ',"29,200",660,1090,20,5,17,3,42,33,77,6,1400,2500'));
    expect(done.out + done.err).toContain('1 totals row (no date; each number the sum of its column) skipped');
    const rows = Object.values(dataFiles(root)).flatMap((f) => f.rows);
    expect(rows.map((r) => r['date'])).toEqual(['2026-09-13', '2026-09-14', '2026-09-15']);
    expect(rows.reduce((sum, r) => sum + Number(r['impressions']), 0)).toBe(29200);
  });

  it('is still a problem at its date when a number is not its column’s sum', async () => {
    const root = freshRoot();
    const r = await run(['import', withLastRow(root, ',"29,201",660,1090,20,5,17,3,42,33,77,6,1400,2500')], root);
    expect(r.status).not.toBe(0);
    expect(r.err).toMatch(/account_overview_analytics\.csv:5:1: .*the date is missing/);
    expect(dataFiles(root)).toEqual({});
  });
});
