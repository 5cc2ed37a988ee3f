/**
 * Goals counting a follower count carried into their period from before it (red-team 24 #4, #8,
 * root c): Instagram is no longer exported after 30 June, Facebook's counts go on. Such a goal is
 * read as of the period's first day (red-team 20 #7), so as of 20 August its pace was that of day
 * one: progress 0 against an expected 1%, "Off track" although nothing of the period is known. And
 * at the deadline an all-channel count stayed "Undecided" where Facebook alone had passed the
 * target: counts are never negative, so Instagram's, whatever it became, could only add to it.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: ig, title: Instagram followers, period: 2026-Q3, channel: instagram, kpi: follower_count, target: 1200 }
  - { id: all, title: All followers, period: 2026-Q3, channel: all, kpi: follower_count, target: 2100 }
  - { id: met, title: Followers past 1000, period: 2026-Q3, channel: all, kpi: follower_count, baseline: 500, target: 1000 }
`;
// Facebook: 900 followers to 30 June, then 3 more a day and 100 more a month (1,190 on 30 September).
const facebook = (d: string) => 900 + (d >= '2026-07-01' ? Number(d.slice(8)) * 3 + (Number(d.slice(5, 7)) - 7) * 100 : 0);
const root = loadRoot(site, goals, {
  'data/instagram/page.json': dailyExport('instagram', '2026-01-01', '2026-06-30', () => ({
    impressions: 1000,
    followers: 1100,
  })),
  'data/facebook/page.json': dailyExport('facebook', '2026-01-01', '2026-09-30', (d) => ({
    impressions: 1000,
    followers: facebook(d),
  })),
});
const goal = (asOf: string, id: string) =>
  buildReport(root.project!, root.engine!, { quarter: period('2026-Q3'), asOf: day(asOf) }).goals.find(
    (g) => g.id === id,
  ) as SmartGoalJson;

describe('a goal counting a follower count carried from before its period', () => {
  it('is undecided before its deadline too, not off track on the pace of its first day', () => {
    for (const id of ['ig', 'all', 'met']) {
      expect(goal('2026-08-20', id), id).toMatchObject({ status: 'undecided', data_to: '2026-07-01', ends_early: true });
      expect(goal('2026-08-20', id).projection, id).toBeNull();
    }
  });

  it('settles at the deadline where the channels with data alone meet the target', () => {
    expect(goal('2026-09-30', 'met')).toMatchObject({
      status: 'achieved',
      actual: 1190,
      actual_to: '2026-09-30',
      left_out: ['instagram'],
    });
  });

  it('stays undecided where they do not: the carried channel could make up the rest or not', () => {
    expect(goal('2026-09-30', 'all')).toMatchObject({ status: 'undecided', actual: 2003 });
    expect(goal('2026-09-30', 'ig')).toMatchObject({ status: 'undecided', actual: 1100 });
  });
});

describe('a carried count, more (red-team 25 #4, 26 #1)', () => {
  it('settles a goal asking for no change at the deadline where the other channels alone hold the count', () => {
    const hold = loadRoot(
      site,
      'goals:\n  - { id: hold, title: Hold, period: 2026-Q3, channel: all, kpi: follower_count, target: { change: "+0%" } }\n',
      {
        'data/instagram/page.json': dailyExport('instagram', '2026-01-01', '2026-06-30', () => ({
          impressions: 1000,
          followers: 100,
        })),
        'data/facebook/page.json': dailyExport('facebook', '2026-01-01', '2026-09-30', (d) => ({
          impressions: 1000,
          followers: facebook(d),
        })),
      },
    );
    const report = buildReport(hold.project!, hold.engine!, { quarter: period('2026-Q3'), asOf: day('2026-10-05') });
    // Baseline 900 + 100 = 1,000; Facebook alone has 1,190 on 30 September.
    expect(report.goals[0] as SmartGoalJson).toMatchObject({
      status: 'achieved',
      target: 1000,
      actual: 1190,
      left_out: ['instagram'],
    });
  });

  it('is carried though the channel has other data in the period (a listening tool’s quarter row of mentions)', () => {
    const listened = loadRoot(
      site,
      'goals:\n  - { id: yt, title: YouTube, period: 2026-Q3, channel: youtube, kpi: follower_count, target: { change: "+0%" } }\n',
      {
        'data/youtube/page.json': dailyExport('youtube', '2026-01-01', '2026-06-30', () => ({
          impressions: 1000,
          followers: 5000,
        })),
        'data/youtube/listening.json': rowsExport('youtube', [
          { quarter: '2026-Q2', mentions: 40 },
          { quarter: '2026-Q3', mentions: 50 },
        ]),
      },
    );
    const yt = buildReport(listened.project!, listened.engine!, { quarter: period('2026-Q3') }).goals[0] as SmartGoalJson;
    expect(yt).toMatchObject({
      status: 'undecided',
      ends_early: true,
      data_to: '2026-07-01',
      inputs_to: { youtube: { followers: '2026-06-30' } },
    });
    expect(listened.notes).toContainEqual(
      expect.stringContaining("youtube's follower data end on 2026-06-30, before the goal's period"),
    );
  });
});

describe('a rate over a carried follower count (red-team 27 #7)', () => {
  it('is flagged with the count’s day in the KPI table, as the count is', () => {
    const rates = loadRoot(site, 'goals: []\n', {
      'data/instagram/q2.json': dailyExport('instagram', '2026-04-01', '2026-06-30', () => ({
        impressions: 1000,
        likes: 30,
        posts: 1,
        followers: 10000,
      })),
      'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({
        impressions: 1000,
        likes: 30,
        posts: 1,
      })),
    });
    const cells = buildReport(rates.project!, rates.engine!, { quarter: period('2026-Q3') }).kpis['instagram']!;
    const carried = { instagram: { followers: '2026-06-30' } };
    expect(cells['follower_count']!.inputs_to).toEqual(carried);
    expect(cells['applause_rate']).toMatchObject({ value: 30 / 10000, inputs_to: carried });
    expect(cells['engagement_rate']!.inputs_to).toBeUndefined();
  });
});
