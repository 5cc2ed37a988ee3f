/**
 * Per-post exports that hold several accounts (red-team 10 #7): Instagram collab posts of a
 * partner, a Business Suite export of several pages. The team's account is named (--account,
 * or `account:` of the channel in content/site.yaml); a file with several accounts and none
 * named stops with the accounts and their post counts. A totals row is a totals row (#13).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseAccount } from '../../src/import/convert.ts';
import { dataFiles, FIXTURES, freshRoot, importOk, run } from './helpers.ts';

const MAJORITY = `${FIXTURES}/meta/instagram-partner-majority.csv`;
const TOTALE = `${FIXTURES}/meta/instagram-luglio-totale.csv`;
const OWN = [{ date: '2026-07-01', comments: 30, impressions: 4000, likes: 300, posts: 2, saves: 20, shares: 20 }];

describe("an Instagram export whose partner's collab posts outnumber the account's own", () => {
  it('without --account: a problem listing the accounts and their post counts, with the hint; nothing written', async () => {
    const root = freshRoot();
    const r = await run(['import', MAJORITY], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${MAJORITY}:1:15: Nome utente dell'account: the file holds the posts of 2 accounts: fjell.partner (3 posts), nordlys.outdoor (2 posts).`,
    );
    expect(r.err).toContain('--account <name>');
    expect(dataFiles(root)).toEqual({});
  });

  it("with --account (any case, a leading @): the account's own posts, the partner's skipped", async () => {
    const root = freshRoot();
    const r = await importOk(root, MAJORITY, '--account', '@Nordlys.Outdoor', '--date-order', 'mdy');
    expect(r.out).toContain('3 posts of other accounts than nordlys.outdoor skipped (collabs)');
    expect(Object.values(dataFiles(root)).map((f) => [f.channel, f.rows])).toEqual([['instagram', OWN]]);
  });

  it("with the channel's account in content/site.yaml", async () => {
    const root = freshRoot();
    const site = join(root, 'content', 'site.yaml');
    writeFileSync(site, `${readFileSync(site, 'utf8')}channels:\n  instagram: { label: Instagram, account: nordlys.outdoor }\n`);
    await importOk(root, MAJORITY, '--date-order', 'mdy');
    expect(Object.values(dataFiles(root)).map((f) => f.rows)).toEqual([OWN]);
    expect((await run(['validate'], root)).status).toBe(0);
  });

  it('an account named that the file does not hold: a problem listing the accounts', async () => {
    const r = await run(['import', MAJORITY, '--account', 'nordlys'], freshRoot());
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      "no post of the account 'nordlys' in this file; its accounts are fjell.partner (3 posts), nordlys.outdoor (2 posts)",
    );
  });

  it('one account only: imported as before, without --account', async () => {
    const dir = join(freshRoot(), 'in');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const own = join(dir, 'instagram-own.csv');
    writeFileSync(
      own,
      readFileSync(MAJORITY, 'utf8')
        .split('\n')
        .filter((l) => !l.includes('fjell.partner'))
        .join('\n'),
    );
    const root = freshRoot();
    const r = await importOk(root, own, '--date-order', 'mdy');
    expect(r.out).not.toContain('skipped (collabs)');
    expect(Object.values(dataFiles(root)).map((f) => f.rows)).toEqual([OWN]);
  });
});

describe('a totals row in a per-post export (red-team 10 #13)', () => {
  it('"Totale" with no publish date is reported as a totals row, not as a post of another account', async () => {
    const root = freshRoot();
    const r = await importOk(root, TOTALE, '--account', 'nordlys.outdoor');
    expect(r.out).toContain('1 totals row skipped');
    expect(r.out).toContain('1 post of other accounts than nordlys.outdoor skipped (collabs)');
    const [file] = Object.values(dataFiles(root));
    expect(file!.rows.map((row) => row['posts'])).toEqual([2, 1]);
    // Without --account, the accounts listed are the two real ones: the totals row is none.
    const listed = await run(['import', TOTALE], freshRoot());
    expect(listed.err).toContain('the file holds the posts of 2 accounts: nordlys.outdoor (3 posts), fjell.partner (1 post).');
  });

  it.each(['Total', 'Grand total'])('"%s" in a per-post file is a totals row too', async (label) => {
    const root = freshRoot();
    const dir = join(root, 'in');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const file = join(dir, 'instagram-total.csv');
    writeFileSync(file, readFileSync(TOTALE, 'utf8').replace('Totale,', `${label},`));
    const r = await importOk(root, file, '--account', 'nordlys.outdoor');
    expect(r.out).toContain('1 totals row skipped');
  });
});

describe('chooseAccount', () => {
  it('keeps the only account, the named one, or says why not', () => {
    expect(chooseAccount(['a', 'a'], null)).toEqual({ account: 'a', keep: [true, true] });
    expect(chooseAccount(['a', 'B', 'b'], '@b')).toEqual({ account: 'B', keep: [false, true, true] });
    expect(chooseAccount(['a', '', 'a'], null)).toMatch(/2 accounts: a \(2 posts\), \(no account name\) \(1 post\)/);
  });
});

describe('a Facebook Content export of several pages (Business Suite)', () => {
  it("stops listing the pages; --account keeps the team's page", async () => {
    const root = freshRoot();
    const { mkdirSync } = await import('node:fs');
    const dir = join(root, 'in');
    mkdirSync(dir);
    const fixture = readFileSync(`${FIXTURES}/meta/Aug-01-2025_Aug-31-2025_1039829308656930.csv`, 'utf8');
    const last = fixture.lastIndexOf(',Nordlys Outdoor,');
    const file = join(dir, 'Aug-01-2025_Aug-31-2025_pages.csv');
    writeFileSync(file, `${fixture.slice(0, last)},Fjell Partner,${fixture.slice(last + ',Nordlys Outdoor,'.length)}`);
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(
      /:1:\d+: Page name: the file holds the posts of 2 accounts: Nordlys Outdoor \(\d+ posts?\), Fjell Partner \(1 post\)\./,
    );
    const ok = await importOk(root, file, '--account', 'nordlys outdoor');
    expect(ok.out).toContain('1 post of other accounts than Nordlys Outdoor skipped (collabs)');
  });
});
