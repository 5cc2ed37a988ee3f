/**
 * What makes an export an ads export, whose days without rows are days without delivery (red-team
 * 24 #1, #2). A page export with a boosted post's spend on one row is not one: a ten-day hole in
 * it read as ten days of no impressions and settled an impressions goal as "Missed" (roots a4,
 * a5). And a campaign's export that starts a campaign says nothing of days no export of its
 * channel covers inside its quarter: monthly ads downloads with August's missing counted August
 * as no spend and a budget cap "Achieved" while validate said those days were flagged (root a3).
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, days, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const Q3 = period('2026-Q3');

describe('a page export with spend on a boosted post', () => {
  const goals =
    'goals:\n  - { id: imp, title: Impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 900000 }\n';
  const rows = days('2026-07-01', '2026-09-30')
    .filter((d) => d < '2026-08-01' || d > '2026-08-10')
    .map((date) => ({ date, impressions: 10000, likes: 100, ...(date === '2026-07-05' ? { spend: 50 } : {}) }));
  const root = loadRoot(site, goals, {
    'data/instagram/q3.json': JSON.stringify({ channel: 'instagram', currency: 'EUR', rows }),
  });
  const report = buildReport(root.project!, root.engine!, { quarter: Q3 });

  it('keeps its ten days without rows a hole: impressions flagged, the goal "Undecided", not "Missed"', () => {
    const hole = { instagram: { impressions: [{ from: '2026-08-01', to: '2026-08-10' }] } };
    expect(report.kpis['instagram']!['impressions']!.gaps).toEqual(hole);
    expect(report.goals[0] as SmartGoalJson).toMatchObject({ actual: 820000, status: 'undecided', gaps: hole });
  });

  it('has validate note the hole', () => {
    expect(root.notes).toEqual([expect.stringContaining('10 days without a row for instagram (2026-08-01 to 2026-08-10)')]);
  });
});

describe('ads exports downloaded by month, one month missing', () => {
  const goals = 'goals:\n  - { id: cap, title: Cap, period: 2026-Q3, channel: meta-ads, kpi: spend, target: 3500 }\n';
  const month = (from: string, through: string) =>
    JSON.stringify({
      channel: 'meta-ads',
      currency: 'EUR',
      from,
      through,
      rows: days(from, through).map((date) => ({ date, spend: 30, clicks: 100, impressions: 10000 })),
    });
  const root = loadRoot(site, goals, {
    'data/meta-ads/2026-07.json': month('2026-07-01', '2026-07-31'),
    'data/meta-ads/2026-09.json': month('2026-09-01', '2026-09-30'),
  });
  const report = buildReport(root.project!, root.engine!, { quarter: Q3 });
  const august = { 'meta-ads': { spend: [{ from: '2026-08-01', to: '2026-08-31' }] } };

  it('flags August on spend and leaves a kept cap "Undecided", not "Achieved"', () => {
    expect(report.kpis['meta-ads']!['spend']).toMatchObject({ value: 61 * 30, gaps: august });
    expect(report.goals[0] as SmartGoalJson).toMatchObject({ actual: 1830, status: 'undecided', gaps: august });
  });

  it('says so in validate, as the figures do', () => {
    expect(root.notes).toEqual([
      expect.stringContaining('no export covers 2026-08-01 to 2026-08-31, so figures over those days are flagged'),
    ]);
  });
});

describe('campaign exports with days between them', () => {
  const ads = (first: string, last: string) => dailyExport('ig', first, last, () => ({ spend: 20, clicks: 30 }));

  it('flags days of a quarter no export of the channel covers, as validate notes them', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/ads-1.json': ads('2026-07-01', '2026-07-20'),
      'data/ig/ads-2.json': ads('2026-08-10', '2026-09-30'),
    });
    expect(root.notes).toEqual([expect.stringContaining('no export covers 2026-07-21 to 2026-08-09')]);
    expect(buildReport(root.project!, root.engine!, { quarter: Q3 }).kpis['ig']!['spend']!.gaps).toEqual({
      ig: { spend: [{ from: '2026-07-21', to: '2026-08-09' }] },
    });
  });

  it('reads a pause that began in an earlier quarter as a pause: no gap, no note', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/ads-1.json': ads('2026-04-10', '2026-05-20'),
      'data/ig/ads-2.json': ads('2026-08-01', '2026-09-30'),
    });
    expect(root.notes).toEqual([]);
    const kpis = buildReport(root.project!, root.engine!, { quarter: Q3 }).kpis['ig']!;
    expect(kpis['spend']!.gaps).toBeUndefined();
    expect(kpis['clicks']!.gaps).toBeUndefined();
  });
});

describe('what an ads export is (red-team 25)', () => {
  const goals =
    'goals:\n  - { id: imp, title: Impressions, period: 2026-Q3, channel: facebook, kpi: impressions, target: 460000 }\n';
  const page = (spend: number) =>
    days('2026-04-01', '2026-09-30')
      .filter((d) => d < '2026-08-05' || d > '2026-08-16')
      .map((date, i) => ({ date, impressions: 5000, engagements: 500, followers: 10000 + i, spend }));

  for (const [name, spend] of [
    ['"spend": 0 on every row', 0],
    ['a boost on every day, beside its followers', 20],
  ] as const) {
    it(`is not a page export with ${name}: its 12 days without rows are a hole (#1)`, () => {
      const root = loadRoot(site, goals, {
        'data/facebook/page.json': JSON.stringify({
          channel: 'facebook',
          from: '2026-04-01',
          through: '2026-09-30',
          rows: page(spend),
        }),
      });
      const hole = { facebook: { impressions: [{ from: '2026-08-05', to: '2026-08-16' }] } };
      const report = buildReport(root.project!, root.engine!, { quarter: Q3 });
      expect(report.kpis['facebook']!['impressions']!.gaps).toEqual(hole);
      expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'undecided', gaps: hole });
    });
  }

  it('is a campaign export followed by rows of conversions attributed after it ended: clicks end with the campaign (#6)', () => {
    const goalsAds = `goals:
  - { id: conv, title: Conversions, period: 2026-Q3, channel: facebook, kpi: conversions, target: 300 }
  - { id: cpc, title: CPC, period: 2026-Q3, channel: facebook, kpi: cpc, baseline: 4, target: 3 }
`;
    const rows = [
      ...days('2026-07-15', '2026-08-31').map((date) => ({ date, spend: 100, clicks: 50, conversions: 5 })),
      ...days('2026-09-01', '2026-09-10').map((date) => ({ date, conversions: 2 })),
    ];
    const root = loadRoot(site, goalsAds, {
      'data/facebook/page.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 5000 })),
      'data/facebook/ads.json': JSON.stringify({ channel: 'facebook', from: '2026-07-15', through: '2026-09-30', rows }),
    });
    expect(root.notes).toEqual([]);
    const report = buildReport(root.project!, root.engine!, { quarter: Q3 });
    expect(report.goals.find((g) => g.id === 'conv') as SmartGoalJson).toMatchObject({ actual: 48 * 5 + 20, status: 'missed' });
    expect(report.goals.find((g) => g.id === 'cpc') as SmartGoalJson).toMatchObject({ actual: 2, status: 'achieved' });
  });

  it('leaves a month missing between monthly ads downloads flagged beside a page export of the same channel (#3)', () => {
    const goalsCap = 'goals:\n  - { id: cap, title: Cap, period: 2026-Q3, channel: facebook, kpi: spend, target: 8500 }\n';
    const month = (from: string, through: string) =>
      JSON.stringify({
        channel: 'facebook',
        from,
        through,
        rows: days(from, through).map((date) => ({ date, spend: 100, clicks: 50 })),
      });
    const root = loadRoot(site, goalsCap, {
      'data/facebook/page.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({
        impressions: 5000,
        engagements: 400,
      })),
      'data/facebook/ads-07.json': month('2026-07-01', '2026-07-31'),
      'data/facebook/ads-09.json': month('2026-09-01', '2026-09-30'),
    });
    const august = { facebook: { spend: [{ from: '2026-08-01', to: '2026-08-31' }] } };
    expect(buildReport(root.project!, root.engine!, { quarter: Q3 }).goals[0] as SmartGoalJson).toMatchObject({
      status: 'undecided',
      actual: 6100,
      gaps: august,
    });
    expect(root.notes).toContainEqual(expect.stringContaining('no export covers it from 2026-08-01 to 2026-08-31'));
  });
});

describe('monthly ads downloads missing at the start of a quarter (red-team 27)', () => {
  const goalsCap = 'goals:\n  - { id: cap, title: Cap, period: 2026-Q3, channel: meta-ads, kpi: spend, target: 8800 }\n';
  const month = (from: string, through: string) =>
    JSON.stringify({
      channel: 'meta-ads',
      from,
      through,
      rows: days(from, through).map((date) => ({ date, spend: 100, impressions: 5000 })),
    });
  const july = { 'meta-ads': { spend: [{ from: '2026-07-01', to: '2026-07-31' }] } };

  for (const [name, files] of [
    ['July’s, between June’s and August’s (#1)', { jun: ['2026-06-01', '2026-06-30'], aug: ['2026-08-01', '2026-08-31'] }],
    ['June’s and July’s, after May’s (#2)', { may: ['2026-05-01', '2026-05-31'], aug: ['2026-08-01', '2026-08-31'] }],
  ] as const) {
    it(`flags the quarter's missing days on spend as on impressions: ${name}`, () => {
      const data: Record<string, string> = { 'data/meta-ads/sep.json': month('2026-09-01', '2026-09-30') };
      for (const [file, [from, through]] of Object.entries(files)) data[`data/meta-ads/${file}.json`] = month(from, through);
      const root = loadRoot(site, goalsCap, data);
      const report = buildReport(root.project!, root.engine!, { quarter: Q3 });
      expect(report.kpis['meta-ads']!['spend']!.gaps).toEqual(july);
      expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'undecided', actual: 6100, gaps: july });
      expect(root.notes).toContainEqual(expect.stringContaining('no export covers 2026-07-01 to 2026-07-31'));
    });
  }

  it('keeps a TikTok ads export with the follows its campaign paid for an ads export: a paused campaign is no gap (#8)', () => {
    const rows = days('2026-07-01', '2026-09-30')
      .filter((d) => d < '2026-08-10' || d > '2026-08-20')
      .map((date) => ({ date, spend: 50, impressions: 8000, clicks: 40, new_followers: 8 }));
    const root = loadRoot(site, 'goals: []\n', {
      'data/tiktok-ads/ads.json': JSON.stringify({ channel: 'tiktok-ads', from: '2026-07-01', through: '2026-09-30', rows }),
    });
    expect(root.notes).toEqual([]);
    expect(buildReport(root.project!, root.engine!, { quarter: Q3 }).kpis['tiktok-ads']!['impressions']!.gaps).toBeUndefined();
  });
});
