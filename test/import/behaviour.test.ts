/**
 * The command's contract beyond single exports: re-import replaces, duplicates across
 * exports, unknown files, all-or-nothing batches, --dry-run, ambiguous dates, positions.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { importFixtures } from '../../scripts/make-import-fixtures.ts';
import { dataFiles, FIXTURES, freshRoot, importOk, kpis, run } from './helpers.ts';

const FB = `${FIXTURES}/meta/Aug-01-2025_Aug-31-2025_1039829308656930.csv`;
const YT = `${FIXTURES}/youtube/Content 2026-07-01_2026-07-03 Nordlys`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'goalpost-import-in-'));
}

describe('re-import', () => {
  it('importing the same export again replaces its file: totals never double', async () => {
    const root = freshRoot();
    await importOk(root, FB);
    const first = dataFiles(root);
    const again = await importOk(root, FB);
    expect(again.out).toContain('wrote data/facebook/facebook-posts-2025-08-03-2025-08-15.json');
    expect(dataFiles(root)).toEqual(first);
    expect((await kpis(root, '2025-Q3', 'facebook'))['impressions']).toBe(2500);
  });

  it('a later export of the same page covering the earlier range replaces the earlier file', async () => {
    const root = freshRoot();
    await importOk(root, FB);
    const dir = tempDir();
    const later = join(dir, 'Aug-01-2025_Aug-31-2025_1039829308656930.csv');
    // the September re-export: lifetime totals grew, and a post of 08/20 was added
    writeFileSync(
      later,
      readFileSync(FB, 'utf8').replace(',500,450,11,9,1,1,N/A,', ',650,600,14,12,1,1,N/A,') +
        '1039829308656930_122100000000000004,1039829308656930,Nordlys Outdoor,,Late summer,,08/20/2025 12:00,N/A,https://www.facebook.com/p/4,No,No,Photos,,,,,Lifetime,300,250,5,4,1,0,2,0,0,\n',
    );
    const r = await importOk(root, later);
    expect(r.out).toContain(
      'wrote data/facebook/facebook-posts-2025-08-03-2025-08-20.json (replacing data/facebook/facebook-posts-2025-08-03-2025-08-15.json)',
    );
    expect(Object.keys(dataFiles(root))).toEqual(['data/facebook/facebook-posts-2025-08-03-2025-08-20.json']);
    expect((await kpis(root, '2025-Q3', 'facebook'))['impressions']).toBe(1200 + 800 + 650 + 300);
  });

  it('a later download of the same range replaces the earlier file when its first or last post is gone (red-team 31 #4)', async () => {
    const root = freshRoot();
    await importOk(root, FB);
    const dir = tempDir();
    const later = join(dir, 'Aug-01-2025_Aug-31-2025_1039829308656930.csv');
    // The post of 08/15 was deleted since; the two of 08/03 grew.
    const lines = readFileSync(FB, 'utf8').trimEnd().split('\n');
    writeFileSync(later, `${lines.slice(0, -1).join('\n').replace('"1,200",900', '"1,300",950')}\n`);
    const r = await importOk(root, later);
    expect(r.out).toContain(
      'wrote data/facebook/facebook-posts-2025-08-03-2025-08-03.json (replacing data/facebook/facebook-posts-2025-08-03-2025-08-15.json)',
    );
    expect(Object.keys(dataFiles(root))).toEqual(['data/facebook/facebook-posts-2025-08-03-2025-08-03.json']);
    expect((await kpis(root, '2025-Q3', 'facebook'))['impressions']).toBe(1300 + 800);
  });

  it("does not replace an earlier import with rows outside the later download's range", async () => {
    const root = freshRoot();
    await importOk(root, FB);
    const dir = tempDir();
    // A download of 1–10 August only: the earlier file's post of 08/15 lies outside it.
    const later = join(dir, 'Aug-01-2025_Aug-10-2025_1039829308656930.csv');
    const lines = readFileSync(FB, 'utf8').trimEnd().split('\n');
    writeFileSync(later, `${lines.slice(0, -1).join('\n')}\n`);
    const r = await run(['import', later], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain("'impressions' is given twice");
    expect(Object.keys(dataFiles(root))).toEqual(['data/facebook/facebook-posts-2025-08-03-2025-08-15.json']);
  });
});

describe('duplicates and unknown files', () => {
  it('two exports giving the same (channel, day, metric) are the duplicate error naming both files; nothing is written', async () => {
    const root = freshRoot();
    // Totals.csv of another download (in its own folder), imported with Table data.csv in one batch.
    const other = mkdtempSync(join(tmpdir(), 'goalpost-yt-'));
    copyFileSync(`${YT}/Totals.csv`, join(other, 'Totals.csv'));
    const r = await run(['import', `${YT}/Table data.csv`, join(other, 'Totals.csv')], root);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/youtube 2026-07-0\d 'video_views' is given twice/);
    expect(r.err).toContain(`youtube-table-2026-07-01-2026-07-03.json (imported from ${YT}/Table data.csv)`);
    expect(r.err).toContain(`(in the file imported from ${join(other, 'Totals.csv')})`);
    expect(r.err).toContain('nothing written');
    expect(dataFiles(root)).toEqual({});
  });

  it('a duplicate against data already in the content root names the existing file', async () => {
    const root = freshRoot();
    await importOk(root, `${YT}/Totals.csv`);
    const r = await run(['import', `${YT}/Table data.csv`], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain('data/youtube/youtube-totals-2026-07-01-2026-07-03.json');
    expect(r.err).toContain(`(in the file imported from ${YT}/Table data.csv)`);
    expect(Object.keys(dataFiles(root))).toEqual(['data/youtube/youtube-totals-2026-07-01-2026-07-03.json']);
  });

  it('a file that is no known export fails with the header it found and the exports it knows', async () => {
    const root = freshRoot();
    const dir = tempDir();
    writeFileSync(join(dir, 'products.csv'), 'Name,Colour,Price\nFjell boots,Moss,189\n');
    const r = await run(['import', join(dir, 'products.csv')], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${join(dir, 'products.csv')}:1:1: not a known export: its header is "Name", "Colour", "Price". Known exports: facebook-posts, instagram-posts,`,
    );
    expect(r.err).toContain('ga4-exploration');
  });

  it('a near miss names the closest export and the columns it lacks', async () => {
    const root = freshRoot();
    const dir = tempDir();
    const file = join(dir, 'posts.csv');
    writeFileSync(file, readFileSync(FB, 'utf8').replace(',Reactions,Comments,', ',Reacts,Comments,'));
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain('closest: facebook-posts (missing "Reactions")');
  });

  it('--platform restricts detection', async () => {
    const root = freshRoot();
    const r = await run(['import', `${YT}/Totals.csv`, '--platform', 'x'], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain('Known exports: x-overview, x-content, x-tweets');
    await importOk(root, `${YT}/Totals.csv`, '--platform', 'youtube');
  });
});

describe('all or nothing', () => {
  it('a batch with one bad cell writes nothing and positions the cell as path:line:col', async () => {
    const root = freshRoot();
    await importOk(root, `${YT}/Totals.csv`);
    const before = dataFiles(root);
    const dir = tempDir();
    const bad = join(dir, 'account_overview_analytics.csv');
    const text = readFileSync(`${FIXTURES}/x/account_overview_analytics.csv`, 'utf8').replace(
      '"Sun, Sep 14, 2026",9800,',
      '"Sun, Sep 14, 2026",98O0,',
    );
    writeFileSync(bad, text);
    const line = text.split('\n').findIndex((l) => l.includes('98O0')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('98O0') + 1;
    const r = await run(['import', FB, `${FIXTURES}/tiktok`, bad], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${bad}:${line}:${column}: Impressions: '98O0' is not a number`);
    expect(r.err).toContain('1 problem found: nothing written.');
    expect(dataFiles(root)).toEqual(before);
  });

  it('a negative count is a positioned error, not a value', async () => {
    const root = freshRoot();
    const dir = tempDir();
    const file = join(dir, 'Totals.csv');
    writeFileSync(file, 'Date,Views\n2026-07-01,1500\n2026-07-02,-3\n');
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${file}:3:12: Views: -3 is negative`);
  });

  it('a bad cell inside a multi-line record is positioned on its own line', async () => {
    const root = freshRoot();
    const dir = tempDir();
    const file = join(dir, 'account_analytics_content_2026-09-13_2026-09-15.csv');
    // the first post's text spans lines 2–3; its URL Clicks (55) sits on line 3
    writeFileSync(
      file,
      readFileSync(`${FIXTURES}/x/account_analytics_content_2026-09-13_2026-09-15.csv`, 'utf8').replace(
        ',40,55,3,4',
        ',40,5x5,3,4',
      ),
    );
    const lines = readFileSync(file, 'utf8').split('\n');
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${file}:3:${lines[2]!.indexOf('5x5') + 1}: URL Clicks: '5x5' is not a number`);
  });

  it('a bad workbook cell names its sheet and address', async () => {
    const root = freshRoot();
    const dir = tempDir();
    const wb = XLSX.read(readFileSync(`${FIXTURES}/linkedin/nordlys_content_1742193384396.xlsx`), { type: 'buffer' });
    wb.Sheets['Metrics']!['D4'] = { t: 's', v: 'lots' };
    const file = join(dir, 'nordlys_content_1.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${file}:4:4: Metrics!D4: Impressions (total): 'lots' is not a number`);
  });

  it('--dry-run prints what would be written and writes nothing', async () => {
    const root = freshRoot();
    const r = await importOk(root, FB, `${FIXTURES}/meta/Facebook_follows.csv`, '--dry-run');
    expect(r.out).toMatch(/^file\s+platform\s+export\s+channel\s+rows\s+dates\s+metrics$/m);
    expect(r.out).toContain('would write data/facebook/facebook-posts-2025-08-03-2025-08-15.json');
    expect(r.out).toContain('would write data/facebook/meta-daily-2025-08-01-2025-08-03.json');
    expect(r.out).toContain('Dry run: nothing written.');
    expect(dataFiles(root)).toEqual({});
  });

  it('usage errors: no file, a missing file, a bad --channel', async () => {
    const root = freshRoot();
    expect((await run(['import'], root)).err).toContain('import needs at least one file or folder');
    const missing = await run(['import', 'no/such.csv'], root);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('no/such.csv:1:1: no such file or folder');
    expect((await run(['import', FB, '--channel', 'Face Book'], root)).err).toContain(
      "--channel: 'Face Book' is not a channel id",
    );
    expect((await run(['import', FB, '--channel', 'all'], root)).status).toBe(1);
  });
});

describe('ambiguous day and month', () => {
  const header = readFileSync(FB, 'utf8').split('\n')[0]!;
  const post = (date: string): string =>
    `1_2,1,Nordlys Outdoor,,Hello,,${date},N/A,https://www.facebook.com/p/9,No,No,Photos,,,,,Lifetime,100,90,3,2,1,0,1,0,0,\n`;

  it('are reported when neither the dates nor the file name decide; --date-order settles it', async () => {
    const root = freshRoot();
    const dir = tempDir();
    const file = join(dir, 'posts.csv');
    writeFileSync(file, `${header}\n${post('03/04/2026 10:00')}`);
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    const column = readFileSync(file, 'utf8').split('\n')[1]!.indexOf('03/04/2026') + 1;
    expect(r.err).toContain(
      `${file}:2:${column}: Publish time: 3/4/2026 could be 2026-03-04 or 2026-04-03, and neither the other dates nor the file name decide: pass --date-order mdy or --date-order dmy`,
    );
    await importOk(root, file, '--date-order', 'dmy');
    expect(Object.keys(dataFiles(root))).toEqual(['data/facebook/facebook-posts-2026-04-03-2026-04-03.json']);
  });

  it("are decided by the date range in Meta's file name", async () => {
    const root = freshRoot();
    const dir = tempDir();
    const file = join(dir, 'Apr-01-2026_Apr-30-2026_1039829308656930.csv');
    writeFileSync(file, `${header}\n${post('03/04/2026 10:00')}${post('05/04/2026 10:00')}`);
    const r = await importOk(root, file);
    expect(r.out).toContain("dates DD/MM/YYYY (by the file name's date range)");
    expect(Object.keys(dataFiles(root))).toEqual(['data/facebook/facebook-posts-2026-04-03-2026-04-05.json']);
  });
});

describe('fixtures', () => {
  it('the committed binary fixtures are what scripts/make-import-fixtures.ts writes (its output is deterministic)', () => {
    for (const [path, bytes] of importFixtures()) {
      expect(new Uint8Array(readFileSync(join(FIXTURES, path))), path).toEqual(bytes);
    }
  });

  it('the UTF-16LE fixture really is UTF-16LE with a BOM and the sep= preamble', () => {
    const bytes = readFileSync(`${FIXTURES}/meta/Facebook_follows.csv`);
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x73, 0x00]);
  });

  it('a copied fixture imports the same as the original', async () => {
    const root = freshRoot();
    const dir = tempDir();
    copyFileSync(`${FIXTURES}/meta/Facebook_follows.csv`, join(dir, 'Facebook_follows.csv'));
    await importOk(root, join(dir, 'Facebook_follows.csv'));
    expect(Object.keys(dataFiles(root))).toEqual(['data/facebook/meta-daily-2025-08-01-2025-08-03.json']);
  });
});
