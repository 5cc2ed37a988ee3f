/** Variants the contract names: renamed headers, other encodings, other ranges, stocks, unknown daily metrics. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { utf16le } from '../../scripts/make-import-fixtures.ts';
import { dataFiles, expectValid, freshRoot, importOk, kpis, run } from './helpers.ts';

function temp(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'goalpost-import-edge-')), name);
  writeFileSync(path, content);
  return path;
}

describe('versioned and localised headers', () => {
  it('LinkedIn before the rename: `Shares (total)` is read as shares (legacy alias), header on row 2 of an .xls', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Aggregated engagement metrics'],
        [
          'Date',
          'Impressions (total)',
          'Unique impressions (organic)',
          'Clicks (total)',
          'Reactions (total)',
          'Comments (total)',
          'Shares (total)',
        ],
        ['01/15/2024', 900, 600, 12, 30, 4, 2],
        ['01/16/2024', 1100, 700, 18, 41, 5, 3],
      ]),
      'Update metrics (aggregated)',
    );
    const file = temp(
      'nordlys_updates_1705000000000.xls',
      new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer),
    );
    const root = freshRoot();
    await importOk(root, file);
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([
      { date: '2024-01-15', clicks: 12, comments: 4, impressions: 900, likes: 30, reach: 600, shares: 2 },
      { date: '2024-01-16', clicks: 18, comments: 5, impressions: 1100, likes: 41, reach: 700, shares: 3 },
    ]);
    await expectValid(root);
  });

  it('a windows-1252 French file (no BOM, not UTF-8) is decoded and read', async () => {
    const text =
      'Identifiant de la publication;Heure de publication;Vues;Réactions;Commentaires;Partages\r\n' +
      '1_1;15/03/2026 10:00;1 200;30;4;2\r\n1_2;16/03/2026 10:00;800;20;1;0\r\n';
    const file = temp('publications.csv', new Uint8Array(Buffer.from(text, 'latin1')));
    const root = freshRoot();
    await importOk(root, file);
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([
      { date: '2026-03-15', comments: 4, impressions: 1200, likes: 30, posts: 1, shares: 2 },
      { date: '2026-03-16', comments: 1, impressions: 800, likes: 20, posts: 1, shares: 0 },
    ]);
  });

  it('Facebook per-post with a Link Clicks column: link clicks are the clicks (CTR), never Total clicks', async () => {
    const file = temp(
      'facebook-posts.csv',
      '"Post ID","Publish time",Views,Reactions,Comments,Shares,"Total clicks","Link Clicks","Other Clicks"\n' +
        '1_1,09/02/2026 10:00,1000,10,2,1,90,12,30\n' +
        '1_2,09/02/2026 18:00,500,5,1,0,40,3,10\n' +
        '1_3,09/15/2026 09:00,800,8,0,2,25,N/A,5\n',
    );
    const root = freshRoot();
    await importOk(root, file);
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([
      // Link Clicks 12 + 3 (Total clicks 90 + 40 count photo views and "see more" too)
      { date: '2026-09-02', clicks: 15, comments: 3, impressions: 1500, likes: 15, posts: 2, shares: 1 },
      // Link Clicks N/A is missing, not 0, and Total clicks 25 does not stand in for it
      { date: '2026-09-15', impressions: 800, likes: 8, posts: 1, shares: 2, comments: 0 },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2026-Q3', 'facebook');
    expect(k['clicks']).toBe(15);
    // CTR = link clicks / impressions over the quarter: 15 / (1500 + 800)
    expect(k['ctr']).toBeCloseTo(15 / 2300, 12);
  });
});

describe('ranges and stocks', () => {
  it('Meta Ads with a daily breakdown gives date rows; reach is kept where one campaign gives the day', async () => {
    const file = temp(
      'ads.csv',
      'Reporting starts,Reporting ends,Campaign name,Reach,Impressions,Link clicks,Amount spent (EUR)\n' +
        '2026-05-01,2026-05-01,Spring,500,1000,20,12.5\n2026-05-02,2026-05-02,Spring,450,900,15,11\n2026-05-02,2026-05-02,Brand,300,600,5,4.25\n',
    );
    const root = freshRoot();
    await importOk(root, file, '--channel', 'meta-ads');
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([
      { date: '2026-05-01', clicks: 20, impressions: 1000, reach: 500, spend: 12.5 },
      { date: '2026-05-02', clicks: 20, impressions: 1500, spend: 15.25 },
    ]);
    await expectValid(root);
    expect((await kpis(root, '2026-Q2', 'meta-ads'))['spend']).toBe(12.5 + 11 + 4.25);
  });

  it('a reporting range that is no day, month or quarter is an error at its cell', async () => {
    const file = temp(
      'ads.csv',
      'Reporting starts,Reporting ends,Campaign name,Amount spent (EUR)\n2026-05-03,2026-05-20,Spring,12.5\n',
    );
    const r = await run(['import', file, '--channel', 'meta-ads'], freshRoot());
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${file}:2:1: Reporting starts: the range 2026-05-03 to 2026-05-20 is not a day, a calendar month or a quarter`,
    );
  });

  it('GA4 traffic acquisition for a quarter gives a quarter row; for another range, an error', async () => {
    const body = 'Session primary channel group (Default Channel Group),Sessions,Engaged sessions\nOrganic Social,900,600\n';
    const root = freshRoot();
    await importOk(root, temp('ga4.csv', `# Start date: 20260401\n# End date: 20260630\n${body}`), '--channel', 'website');
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([{ quarter: '2026-Q2', bounces: 300, sessions: 900 }]);
    const bad = temp('ga4.csv', `# Start date: 20260401\n# End date: 20260415\n${body}`);
    const r = await run(['import', bad, '--channel', 'website'], freshRoot());
    expect(r.err).toContain(`${bad}:3:1: the range 2026-04-01 to 2026-04-15 is not a day, a calendar month or a quarter`);
  });

  it('a stock given twice for a day is an error, not a sum', async () => {
    const file = temp(
      'FollowerHistory_2026-01-01.csv',
      '"Date","Followers","Difference in followers from previous day"\n"1 January","100","1"\n"1 January","101","1"\n',
    );
    const r = await run(['import', file], freshRoot());
    expect(r.status).toBe(1);
    // A daily export's second row for a day (red-team 23 #7).
    expect(r.err).toContain(`${file}:3:1: Date: 2026-01-01 is given again (first on line 2)`);
  });

  it('a Meta daily file naming an unknown metric lists the ones it knows', async () => {
    const file = temp('Reach.csv', utf16le('sep=,\n"Facebook reach per fan"\n"Date","Primary"\n"2025-08-01T00:00:00","20"\n'));
    const r = await run(['import', file], freshRoot());
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${file}:2:1: unknown daily metric 'Facebook reach per fan'`);
    expect(r.err).toContain('known: facebook follows, instagram follows');
  });
});
