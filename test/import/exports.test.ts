/**
 * One test per export kind: the metric JSON written (values per day worked out by hand
 * from the fixture), `validate` passing on the result, and `report --json` totals equal
 * to the column sums of the file.
 */
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayOfInstant, formatDay } from '../../src/core/dates.ts';
import { dataFiles, expectValid, FIXTURES, freshRoot, importOk, kpis, run } from './helpers.ts';

const META = `${FIXTURES}/meta`;

/** The modification day of a file, as the import writes it into `source` for per-post exports. */
const modifiedDay = (path: string): string => formatDay(dayOfInstant(statSync(path).mtimeMs));

describe('Meta Business Suite', () => {
  it('Facebook per-post CSV (English, multi-line caption, quoted thousands, N/A): posts on their publish day, summed', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${META}/Aug-01-2025_Aug-31-2025_1039829308656930.csv`);
    expect(r.out).toMatch(/facebook-posts\s+facebook\s+3\s+2025-08-03\.\.2025-08-15/);
    expect(dataFiles(root)).toEqual({
      'data/facebook/facebook-posts-2025-08-03-2025-08-15.json': {
        channel: 'facebook',
        source: `Aug-01-2025_Aug-31-2025_1039829308656930.csv (facebook-posts, lifetime totals as of ${modifiedDay(`${META}/Aug-01-2025_Aug-31-2025_1039829308656930.csv`)})`,
        // the posts of the export's window (the range in its name), from its start to its end
        from: '2025-08-01',
        through: '2025-08-31',
        rows: [
          // two posts on 08/03: Views "1,200" + 800, Reactions 40 + 20, Comments 12 + 3, Shares 8 + 2,
          // 3-Second Video Views N/A + 150; Total clicks (30 + 10: photo views, "see more"… too) are not link clicks
          { date: '2025-08-03', comments: 15, impressions: 2000, likes: 60, posts: 2, shares: 10, video_views: 150 },
          // one post on 08/15: 3-second views empty are missing, not 0
          { date: '2025-08-15', comments: 1, impressions: 500, likes: 9, posts: 1, shares: 1 },
        ],
      },
    });
    await expectValid(root);
    const k = await kpis(root, '2025-Q3', 'facebook');
    expect(k['impressions']).toBe(1200 + 800 + 500);
    // the export has no Link Clicks column: no clicks, so no CTR from all clicks on a post
    expect(k['clicks']).toBeNull();
    expect(k['ctr']).toBeNull();
    expect(k['total_posts']).toBe(3);
    expect(k['total_video_views']).toBe(150);
    // engagements derived by the SPEC rule: Reactions + Comments + Shares (the platform's column is not read)
    expect(k['engagements']).toBe(40 + 20 + 9 + (12 + 3 + 1) + (8 + 2 + 1));
    // per-post Reach (900, 700, 450) is never summed into reach
    expect(k['reach']).toBeNull();
  });

  it('Facebook per-post CSV in French: `;` delimiter, day-first dates, 1 234 with spaces, — missing', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${META}/publications-juin-2026.csv`);
    expect(r.out).toContain('dates DD/MM/YYYY (by a day above 12)');
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([
      // 03/06/2026 is 3 June (25/06 shows the order): Vues 1 234 + 766, Réactions 20 + 8, Commentaires 6 + 3, Partages 4 + 1;
      // Total des clics (all clicks on a post) is not read as link clicks
      { date: '2026-06-03', comments: 9, impressions: 2000, likes: 28, posts: 2, shares: 5 },
      // Vues "1 000" with a no-break space; Commentaires — is missing
      { date: '2026-06-25', impressions: 1000, likes: 10, posts: 1, shares: 2 },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2026-Q2', 'facebook');
    expect(k['impressions']).toBe(1234 + 766 + 1000);
    expect(k['clicks']).toBeNull();
    expect(k['engagements']).toBe(20 + 8 + 10 + (6 + 3) + (4 + 1 + 2));
  });

  it('Instagram per-post CSV in Italian with a BOM: 1.500 grouping, collab posts of accounts other than --account dropped', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${META}/instagram-luglio-2026.csv`, '--account', 'nordlys.outdoor');
    expect(r.out).toContain('1 post of other accounts than nordlys.outdoor skipped');
    const [file] = Object.values(dataFiles(root));
    expect(file!.channel).toBe('instagram');
    expect(file!.rows).toEqual([
      // Visualizzazioni 1.500 + 2.500, Mi piace 100 + 200, Commenti 10 + 20, Condivisioni 5 + 15, Salvataggi 7 + 13
      { date: '2026-07-01', comments: 30, impressions: 4000, likes: 300, posts: 2, saves: 20, shares: 20 },
      // Commenti N/A is missing; fjell.partner's 07/10 collab post is not ours
      { date: '2026-07-20', impressions: 800, likes: 50, posts: 1, saves: 3, shares: 2 },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2026-Q3', 'instagram');
    expect(k['impressions']).toBe(1500 + 2500 + 800);
    expect(k['total_saves']).toBe(7 + 13 + 3);
    expect(k['engagements']).toBe(100 + 200 + 50 + (10 + 20) + (5 + 15 + 2) + (7 + 13 + 3));
  });

  it('daily single-metric file (UTF-16LE, sep=, preamble, metric on line 2)', async () => {
    const root = freshRoot();
    await importOk(root, `${META}/Facebook_follows.csv`);
    expect(dataFiles(root)).toEqual({
      'data/facebook/meta-daily-2025-08-01-2025-08-03.json': {
        channel: 'facebook',
        source: 'Facebook_follows.csv (meta-daily)',
        rows: [
          { date: '2025-08-01', new_followers: 20 },
          { date: '2025-08-02', new_followers: 0 },
          { date: '2025-08-03', new_followers: 7 },
        ],
      },
    });
    await expectValid(root);
    expect((await kpis(root, '2025-Q3', 'facebook'))['total_new_followers']).toBe(20 + 0 + 7);
  });

  it('a daily metric without a network in its name needs --channel; with it, it joins the per-post file', async () => {
    const root = freshRoot();
    const { run } = await import('./helpers.ts');
    const missing = await run(['import', `${META}/Content_interactions.csv`], root);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain(
      `${META}/Content_interactions.csv:3:1: this Meta Business Suite: daily metric file (Results/Overview export) names no network: pass --channel`,
    );
    expect(dataFiles(root)).toEqual({});
    await importOk(
      root,
      `${META}/Content_interactions.csv`,
      `${META}/Aug-01-2025_Aug-31-2025_1039829308656930.csv`,
      '--channel',
      'facebook',
    );
    expect(dataFiles(root)['data/facebook/meta-daily-2025-08-03-2025-08-15.json']!.rows).toEqual([
      { date: '2025-08-03', engagements: 85 },
      { date: '2025-08-15', engagements: 11 },
    ]);
    await expectValid(root);
    // Content interactions is Meta's reactions + comments + shares: the given values (85 + 11) win over the derived ones
    expect((await kpis(root, '2025-Q3', 'facebook'))['engagements']).toBe(85 + 11);
  });

  it('Meta Ads Manager spend: the summary row is skipped, a calendar-month range gives a month row, currency from the header', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${META}/Meta-Ads-Nordlys-Apr-2026.csv`, '--channel', 'meta-ads');
    expect(r.out).toContain('1 totals row skipped');
    expect(r.out).toContain('reach left out of 1 period given by several rows');
    expect(dataFiles(root)).toEqual({
      'data/meta-ads/meta-ads-2026-04-01-2026-04-30.json': {
        channel: 'meta-ads',
        source: 'Meta-Ads-Nordlys-Apr-2026.csv (meta-ads)',
        currency: 'EUR',
        // two campaigns: Amount spent 400.25 + 150.25, Impressions 12000 + 8000, Link clicks 300 + 100
        rows: [{ month: '2026-04', clicks: 400, impressions: 20000, spend: 550.5 }],
      },
    });
    await expectValid(root);
    const k = await kpis(root, '2026-Q2', 'meta-ads');
    expect(k['spend']).toBe(400.25 + 150.25);
    expect(k['cpc']).toBeCloseTo(550.5 / 400, 12);
  });
});

describe('Meta Ads Manager: a download without delivery (red-team 25 #5)', () => {
  it('with its range in the file name: an export with no rows from its first day to its last', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${META}/Nordlys-Campaigns-Aug-01-2026-Aug-31-2026.csv`, '--channel', 'meta-ads');
    expect(r.out).toContain('no data rows: 2026-08-01 to 2026-08-31 written as days without delivery');
    expect(dataFiles(root)).toEqual({
      'data/meta-ads/meta-ads-2026-08-01-2026-08-31.json': {
        channel: 'meta-ads',
        source: 'Nordlys-Campaigns-Aug-01-2026-Aug-31-2026.csv (meta-ads)',
        currency: 'EUR',
        from: '2026-08-01',
        through: '2026-08-31',
        rows: [],
      },
    });
    await expectValid(root);
  });

  it('with --from and --through where the name gives no range', async () => {
    const root = freshRoot();
    const args = ['--channel', 'meta-ads', '--from', '2026-08-01', '--through', '2026-08-31'];
    await importOk(root, `${META}/Meta-Ads-no-delivery.csv`, ...args);
    expect(dataFiles(root)['data/meta-ads/meta-ads-2026-08-01-2026-08-31.json']).toMatchObject({ rows: [] });
    await expectValid(root);
  });

  it('with a totals row whose figures are not 0: refused, since the rows it sums were left out (red-team 28 #4)', async () => {
    const root = freshRoot();
    const file = `${META}/Filtered-Campaigns-Aug-01-2026-Aug-31-2026.csv`;
    const r = await run(['import', file, '--channel', 'meta-ads'], root);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/no data rows.*only a totals row, whose figures are not 0/);
    expect(dataFiles(root)).toEqual({});
  });

  it('without a range: refused, with the way to give one', async () => {
    const root = freshRoot();
    const r = await run(['import', `${META}/Meta-Ads-no-delivery.csv`, '--channel', 'meta-ads'], root);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/Meta-Ads-no-delivery\.csv:1:1: .*no data rows.*give those days with --from and --through/);
    expect(dataFiles(root)).toEqual({});
  });
});

describe('LinkedIn Page analytics workbooks', () => {
  it('.xlsx content workbook: Metrics (note row above the header, Excel date cells) and All posts', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${FIXTURES}/linkedin/nordlys_content_1742193384396.xlsx`);
    expect(r.out).toMatch(/\[Metrics\]\s+linkedin\s+linkedin-metrics/);
    const files = dataFiles(root);
    expect(files['data/linkedin/linkedin-metrics-2026-03-01-2026-03-03.json']!.rows).toEqual([
      { date: '2026-03-01', clicks: 40, comments: 6, impressions: 1200, likes: 55, reach: 700, shares: 3 },
      { date: '2026-03-02', clicks: 20, comments: 2, impressions: 800, likes: 40, reach: 500, shares: 1 },
      { date: '2026-03-03', clicks: 60, comments: 10, impressions: 1800, likes: 80, reach: 1100, shares: 6 },
    ]);
    // Created date 03/01/2026 twice and 03/03/2026: month-first gives the narrower range (2 days, not 59)
    expect(files['data/linkedin/linkedin-posts-2026-03-01-2026-03-03.json']!.rows).toEqual([
      { date: '2026-03-01', posts: 2 },
      { date: '2026-03-03', posts: 1 },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2026-Q1', 'linkedin');
    expect(k['impressions']).toBe(1200 + 800 + 1800);
    expect(k['clicks']).toBe(40 + 20 + 60);
    expect(k['engagements']).toBe(55 + 40 + 80 + (6 + 2 + 10) + (3 + 1 + 6));
    expect(k['total_posts']).toBe(3);
    // reach: daily organic unique impressions; the quarter's value is their sum, flagged approximate by the core
    expect(k['reach']).toBe(700 + 500 + 1100);
  });

  it('.xls followers workbook (BIFF8): New followers imported, the Location sheet skipped', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${FIXTURES}/linkedin/nordlys_followers_1742193384396.xls`);
    expect(r.out).toContain(
      'skipped test/fixtures/import/linkedin/nordlys_followers_1742193384396.xls (sheet Location): not a known export',
    );
    expect(dataFiles(root)['data/linkedin/linkedin-followers-2026-03-01-2026-03-03.json']!.rows).toEqual([
      { date: '2026-03-01', new_followers: 12 },
      { date: '2026-03-02', new_followers: 7 },
      { date: '2026-03-03', new_followers: 5 },
    ]);
    await expectValid(root);
    expect((await kpis(root, '2026-Q1', 'linkedin'))['total_new_followers']).toBe(12 + 7 + 5);
  });
});

describe('X analytics', () => {
  it('account overview (daily) and content (per post) together', async () => {
    const root = freshRoot();
    await importOk(
      root,
      `${FIXTURES}/x/account_overview_analytics.csv`,
      `${FIXTURES}/x/account_analytics_content_2026-09-13_2026-09-15.csv`,
    );
    const files = dataFiles(root);
    expect(files['data/x/x-overview-2026-09-13-2026-09-15.json']!.rows).toEqual([
      {
        date: '2026-09-13',
        comments: 25,
        impressions: 12400,
        likes: 310,
        lost_followers: 2,
        new_followers: 9,
        profile_visits: 40,
        saves: 12,
        shares: 18,
        video_views: 800,
        x_create_post: 3,
        x_shares: 4,
      },
      {
        date: '2026-09-14',
        comments: 10,
        impressions: 9800,
        likes: 200,
        lost_followers: 0,
        new_followers: 5,
        profile_visits: 22,
        saves: 8,
        shares: 9,
        video_views: 600,
        x_create_post: 1,
        x_shares: 1,
      },
      // Bookmarks N/A and Video views empty are missing
      {
        date: '2026-09-15',
        comments: 7,
        impressions: 7000,
        likes: 150,
        lost_followers: 1,
        new_followers: 3,
        profile_visits: 15,
        shares: 6,
        x_create_post: 2,
        x_shares: 0,
      },
    ]);
    expect(files['data/x/x-content-2026-09-13-2026-09-15.json']!.rows).toEqual([
      // URL Clicks 55 + 21 (the first post's text spans two lines)
      { date: '2026-09-13', clicks: 76, posts: 2 },
      // URL Clicks — is missing
      { date: '2026-09-15', posts: 1 },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2026-Q3', 'x');
    expect(k['impressions']).toBe(12400 + 9800 + 7000);
    expect(k['clicks']).toBe(55 + 21);
    expect(k['total_posts']).toBe(3);
    // Likes + Replies + Reposts + Bookmarks (X's own Engagements column is not read)
    expect(k['engagements']).toBe(310 + 200 + 150 + (25 + 10 + 7) + (18 + 9 + 6) + (12 + 8));
    expect(k['total_new_followers']).toBe(9 + 5 + 3);
    expect(k['total_lost_followers']).toBe(2 + 0 + 1);
  });

  it('legacy tweet activity file (time with +0000, quoted numbers, - as missing)', async () => {
    const root = freshRoot();
    await importOk(root, `${FIXTURES}/x/tweet_activity_metrics_nordlys_20200601_20200630_en.csv`);
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([
      {
        date: '2020-06-02',
        clicks: 36,
        comments: 6,
        impressions: 4000,
        likes: 80,
        post_follows: 2,
        posts: 2,
        shares: 12,
        video_views: 400,
      },
      {
        date: '2020-06-20',
        clicks: 12,
        comments: 4,
        impressions: 2000,
        likes: 40,
        post_follows: 1,
        posts: 1,
        shares: 5,
        video_views: 300,
      },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2020-Q2', 'x');
    expect(k['impressions']).toBe(3000 + 1000 + 2000);
    expect(k['engagements']).toBe(60 + 20 + 40 + (5 + 1 + 4) + (10 + 2 + 5));
  });
});

describe('TikTok Studio', () => {
  it('Overview, FollowerHistory and Content: dates without a year across New Year', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${FIXTURES}/tiktok`);
    expect(r.out).toContain('year from the window start 2025-12-30 in the file name');
    expect(r.out).toContain('year counted back from the download time in the file name (2026-01-03)');
    const files = dataFiles(root);
    expect(files['data/tiktok/tiktok-overview-2025-12-30-2026-01-02.json']!.rows).toEqual([
      { date: '2025-12-30', comments: 12, likes: 150, profile_views: 80, shares: 9, video_views: 1200 },
      { date: '2025-12-31', comments: 8, likes: 110, profile_views: 60, shares: 4, video_views: 900 },
      { date: '2026-01-01', comments: 30, likes: 260, profile_views: 140, shares: 21, video_views: 2000 },
      // Profile Views NaN and Comments undefined are missing
      { date: '2026-01-02', likes: 180, shares: 11, video_views: 1500 },
    ]);
    expect(files['data/tiktok/tiktok-followers-2025-12-30-2026-01-02.json']!.rows).toEqual([
      { date: '2025-12-30', followers: 1000 },
      { date: '2025-12-31', followers: 1004 },
      { date: '2026-01-01', followers: 1003 },
      { date: '2026-01-02', followers: 1010 },
    ]);
    expect(files['data/tiktok/tiktok-content-2025-12-30-2026-01-01.json']!.rows).toEqual([
      // Add to favorites 25 + undefined
      { date: '2025-12-30', posts: 2, saves: 25 },
      { date: '2026-01-01', posts: 1, saves: 61 },
    ]);
    await expectValid(root);
    const q4 = await kpis(root, '2025-Q4', 'tiktok');
    expect(q4['total_video_views']).toBe(1200 + 900);
    expect(q4['follower_count']).toBe(1004);
    expect(q4['engagements']).toBe(150 + 12 + 9 + 25 + (110 + 8 + 4));
    const q1 = await kpis(root, '2026-Q1', 'tiktok');
    expect(q1['total_video_views']).toBe(2000 + 1500);
    expect(q1['follower_count']).toBe(1010);
    expect(q1['total_posts']).toBe(1);
  });
});

describe('YouTube Studio', () => {
  const dir = `${FIXTURES}/youtube/Content 2026-07-01_2026-07-03 Nordlys`;

  it('Table data by Date: the Total row skipped, — missing, net Subscribers not imported', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${dir}/Table data.csv`);
    expect(r.out).toContain('1 totals row skipped');
    expect(Object.values(dataFiles(root))[0]!.rows).toEqual([
      { date: '2026-07-01', comments: 14, impressions: 21000, likes: 120, shares: 10, video_views: 1500 },
      { date: '2026-07-02', impressions: 19000, likes: 100, shares: 7, video_views: 1320 },
      { date: '2026-07-03', comments: 17, impressions: 16000, likes: 70, shares: 5, video_views: 980 },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2026-Q3', 'youtube');
    // equal to the file's own Total row: Views 3800, Impressions 56000, Likes 290, Comments added 31
    expect(k['total_video_views']).toBe(3800);
    expect(k['impressions']).toBe(56000);
    expect(k['engagements']).toBe(290 + 31 + (10 + 7 + 5));
  });

  it('Totals.csv: Date and the chart metric', async () => {
    const root = freshRoot();
    await importOk(root, `${dir}/Totals.csv`);
    expect(dataFiles(root)).toEqual({
      'data/youtube/youtube-totals-2026-07-01-2026-07-03.json': {
        channel: 'youtube',
        source: 'Totals.csv (youtube-totals)',
        rows: [
          { date: '2026-07-01', video_views: 1500 },
          { date: '2026-07-02', video_views: 1320 },
          { date: '2026-07-03', video_views: 980 },
        ],
      },
    });
    await expectValid(root);
    expect((await kpis(root, '2026-Q3', 'youtube'))['total_video_views']).toBe(1500 + 1320 + 980);
  });

  it('a whole download folder: Table data preferred, Totals.csv adds nothing it already gives (no duplicate)', async () => {
    const root = freshRoot();
    const r = await importOk(root, dir);
    expect(r.out).toContain(`skipped ${dir}/Totals.csv: video_views taken from Table data.csv of the same download`);
    expect(Object.keys(dataFiles(root))).toEqual(['data/youtube/youtube-table-2026-07-01-2026-07-03.json']);
    await expectValid(root);
    expect((await kpis(root, '2026-Q3', 'youtube'))['total_video_views']).toBe(3800);
  });

  it('Totals.csv from another download still collides with Table data: the duplicate error names both', async () => {
    const root = freshRoot();
    await importOk(root, `${dir}/Table data.csv`);
    const other = mkdtempSync(join(tmpdir(), 'goalpost-yt-'));
    copyFileSync(`${dir}/Totals.csv`, join(other, 'Totals.csv'));
    const r = await run(['import', join(other, 'Totals.csv')], root);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(
      /youtube 2026-07-01 'video_views' is given twice: also at data\/youtube\/youtube-table-2026-07-01-2026-07-03\.json/,
    );
  });
});

describe('GA4', () => {
  it('traffic acquisition (comment preamble, Grand total, a second table) and an exploration by Date, with --channel', async () => {
    const root = freshRoot();
    const r = await importOk(root, `${FIXTURES}/ga4`, '--channel', 'website');
    expect(r.out).toContain('1 totals row skipped');
    expect(r.out).toMatch(/skipped .*\(table at line 20\): not a known export/);
    const files = dataFiles(root);
    expect(files['data/website/ga4-traffic-2026-05-01-2026-05-31.json']).toEqual({
      channel: 'website',
      source: 'Traffic_acquisition_Session_primary_channel_group_(Default_Channel_Group).csv (ga4-traffic)',
      // Organic Social + Paid Social: Sessions 1800 + 1200, bounces (1800 − 1000) + (1200 − 700), Key events 40 + 30
      rows: [{ month: '2026-05', bounces: 1300, conversions: 70, revenue: 5500.5, sessions: 3000 }],
    });
    expect(files['data/website/ga4-exploration-2026-06-01-2026-06-02.json']!.rows).toEqual([
      { date: '2026-06-01', bounces: 40 + 30, conversions: 6, revenue: 410, sessions: 180 },
      // Key events N/A and Total revenue empty are missing
      { date: '2026-06-02', bounces: 30, sessions: 100 },
    ]);
    await expectValid(root);
    const k = await kpis(root, '2026-Q2', 'website');
    expect(k['sessions']).toBe(1800 + 1200 + 120 + 60 + 100);
    expect(k['conversions']).toBe(40 + 30 + 4 + 2);
    expect(k['bounce_rate']).toBeCloseTo((1300 + 70 + 30) / 3280, 12);
  });
});
