/**
 * Follower totals given as month rows that stop before the quarter's end (test/
 * followerCutFixture.ts: month-end totals to August beside a content export every day to 30
 * September) are read as follows that stop early are (followsInputsEnd.test.ts,
 * followsKpiTable.test.ts): the follower count is flagged with where the totals end and taken
 * to that day, the follower growth over part of the quarter has no change against a whole one,
 * with the days the totals miss as its `gaps`, the per-follower rates are taken over the days
 * the totals cover, and a goal on either is evaluated as of the last total and is undecided at its
 * deadline. On main each read the August total as the quarter's end, unflagged: growth "−33.3%"
 * against Q2 and both goals "missed".
 */
import { describe, expect, it } from 'vitest';
import { dataEnds } from '../../src/core/coverage.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';
import { FOLLOWER_CUT_SITE, followsToAugust, totalsToAugust, totalsToSeptember } from '../followerCutFixture.ts';

const q3 = period('2026-Q3');
const AUG_31 = day('2026-08-31');
const SEPTEMBER = [[day('2026-09-01'), day('2026-09-30')]];

describe('follower totals as month rows that stop a month before the quarter ends', () => {
  const root = totalsToAugust();
  const table = kpiChanges(root.engine!, ['instagram'], q3);

  it('flag the follower count with where they end, taken to that day', () => {
    const count = table.get('follower_count')!;
    expect(count.value).toBe(12_200);
    expect(count.inputsEnd).toEqual({ instagram: { followers: AUG_31 } });
    expect(count.dataTo).toBe(AUG_31);
  });

  it('give the follower growth through August no change against the whole previous quarter, with the days they miss', () => {
    const growth = table.get('follower_growth')!;
    expect(growth.value).toBe(200);
    expect(growth.previous).toBe(300);
    expect(growth.qoq).toBeNull();
    expect(growth.gaps).toEqual({ instagram: { followers: SEPTEMBER } });
  });

  it('do the same for the audience growth rate', () => {
    const rate = table.get('audience_growth_rate')!;
    expect(rate.value).toBeCloseTo(200 / 12_000, 12);
    expect(rate.qoq).toBeNull();
    expect(rate.gaps).toEqual({ instagram: { followers: SEPTEMBER } });
    expect(rate.dataTo).toBe(AUG_31);
  });

  it('take the per-follower rates over the days the totals cover', () => {
    for (const [id, perPost] of [
      ['amplification_rate', 3],
      ['applause_rate', 60],
      ['conversation_rate', 6],
    ] as const) {
      const rate = table.get(id)!;
      expect(rate.value).toBeCloseTo(perPost / 12_200, 12);
      expect(rate.dataTo).toBe(AUG_31);
      expect(rate.inputsEnd?.['instagram']?.['followers']).toBe(AUG_31);
      expect(rate.previous).toBeCloseTo(perPost / 12_000, 12);
    }
  });

  it('leave the channel’s content KPIs as they were', () => {
    const impressions = table.get('impressions')!;
    expect(impressions.inputsEnd).toBeNull();
    expect(impressions.qoq).toBeCloseTo(92 / 91 - 1, 12);
  });

  it('end the data of a measure on a follower KPI there', () => {
    for (const id of ['follower_count', 'follower_growth']) {
      const kpi = root.engine!.kpis.get(id)!;
      expect(dataEnds(root.engine!, ['instagram'], q3, q3.end, kpi)).toMatchObject({
        incomplete: ['instagram'],
        dataTo: AUG_31,
      });
    }
  });

  describe('in the report JSON', () => {
    const report = buildReport(root.project!, root.engine!, { quarter: q3 });

    it('gives the growth no change, with its gaps beside where the totals end', () => {
      for (const scope of ['all', 'instagram']) {
        expect(report.kpis[scope]!['follower_growth']).toMatchObject({
          value: 200,
          qoq: null,
          inputs_to: { instagram: { followers: '2026-08-31' } },
          gaps: { instagram: { followers: [{ from: '2026-09-01', to: '2026-09-30' }] } },
        });
        expect(report.kpis[scope]!['follower_count']).toMatchObject({
          value: 12_200,
          inputs_to: { instagram: { followers: '2026-08-31' } },
          data_to: '2026-08-31',
        });
      }
    });

    it('leaves goals on the count and on the growth undecided at their deadline, as of the last total', () => {
      for (const id of ['q3-count', 'q3-growth']) {
        const goal = report.goals.find((g) => g.id === id) as SmartGoalJson;
        expect(goal).toMatchObject({ status: 'undecided', data_to: '2026-08-31', ends_early: true });
        expect(goal.inputs_to).toEqual({ instagram: { followers: '2026-08-31' } });
      }
    });
  });
});

describe('follower totals that cover the whole quarter', () => {
  const root = totalsToSeptember();
  const table = kpiChanges(root.engine!, ['instagram'], q3);
  const report = buildReport(root.project!, root.engine!, { quarter: q3 });

  it('are not flagged, and the growth compares with the previous quarter', () => {
    expect(table.get('follower_count')).toMatchObject({ value: 12_300, inputsEnd: null, dataTo: null });
    expect(table.get('follower_growth')).toMatchObject({ value: 300, qoq: 0, gaps: null, inputsEnd: null });
    expect(table.get('amplification_rate')).toMatchObject({ inputsEnd: null, dataTo: null });
  });

  it('settle the goals at the deadline', () => {
    expect(report.goals.find((g) => g.id === 'q3-count')).toMatchObject({ status: 'achieved', actual: 12_300 });
    expect(report.goals.find((g) => g.id === 'q3-growth')).toMatchObject({ status: 'achieved', actual: 300 });
  });
});

describe('daily follower totals in their own export that stop with August', () => {
  // The same reading as the month rows: one total a day, 12,200 from 1 July to 31 August.
  const daily = loadRoot(FOLLOWER_CUT_SITE, 'goals: []\n', {
    'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
    'data/instagram/followers.json': dailyExport('instagram', '2026-03-31', '2026-08-31', (d) => ({
      followers: d < '2026-04-01' ? 11_700 : d < '2026-07-01' ? 12_000 : 12_200,
    })),
  });
  const table = kpiChanges(daily.engine!, ['instagram'], q3);

  it('are read the same way', () => {
    expect(table.get('follower_count')).toMatchObject({ value: 12_200, dataTo: AUG_31 });
    expect(table.get('follower_growth')).toMatchObject({ value: 200, qoq: null, gaps: { instagram: { followers: SEPTEMBER } } });
  });
});

describe('follows as month rows that stop a month before the quarter ends (already flagged on main)', () => {
  const root = followsToAugust();
  const table = kpiChanges(root.engine!, ['instagram'], q3);
  const report = buildReport(root.project!, root.engine!, { quarter: q3 });
  const follows = { instagram: { new_followers: AUG_31, lost_followers: AUG_31 } };

  it('flag the count and give the growth no change, with the days they miss', () => {
    expect(table.get('follower_count')).toMatchObject({ value: 12_200, netFollows: true, inputsEnd: follows, dataTo: AUG_31 });
    expect(table.get('follower_growth')).toMatchObject({
      value: 200,
      previous: 300,
      qoq: null,
      gaps: { instagram: { new_followers: SEPTEMBER, lost_followers: SEPTEMBER } },
    });
  });

  it('leave goals on them undecided at their deadline', () => {
    for (const id of ['q3-count', 'q3-growth']) {
      expect(report.goals.find((g) => g.id === id)).toMatchObject({ status: 'undecided', data_to: '2026-08-31' });
    }
  });
});

describe('follower totals that stop in August on a channel beside one that gives follows', () => {
  // Instagram gives month-end totals to August and no follows; LinkedIn gives follows every day to 30 September.
  const both = loadRoot(
    'title: T\nchannels:\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n',
    'goals: []\n',
    {
      'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
      'data/instagram/followers.json': rowsExport('instagram', [
        { month: '2026-03', followers: 11_700 },
        { month: '2026-04', followers: 11_800 },
        { month: '2026-05', followers: 11_900 },
        { month: '2026-06', followers: 12_000 },
        { month: '2026-07', followers: 12_100 },
        { month: '2026-08', followers: 12_200 },
      ]),
      'data/linkedin/content.json': dailyExport('linkedin', '2026-04-01', '2026-09-30', () => ({ impressions: 500 })),
      'data/linkedin/follows.json': dailyExport('linkedin', '2026-04-01', '2026-09-30', () => ({
        new_followers: 3,
        lost_followers: 1,
      })),
    },
  );
  const growth = kpiChanges(both.engine!, ['instagram', 'linkedin'], q3).get('follower_growth')!;

  it('mark the all-channel growth with the days Instagram’s totals miss, and give it no change', () => {
    expect(growth.value).toBe(200 + 2 * 92);
    expect(growth.inputsEnd).toEqual({ instagram: { followers: AUG_31 } });
    expect(growth.gaps).toEqual({ instagram: { followers: SEPTEMBER } });
    expect(growth.qoq).toBeNull();
  });

  it('end the data of a measure on it there', () => {
    const kpi = both.engine!.kpis.get('follower_growth')!;
    expect(dataEnds(both.engine!, ['instagram', 'linkedin'], q3, q3.end, kpi)).toMatchObject({
      incomplete: ['instagram'],
      dataTo: AUG_31,
    });
  });
});

describe('an earlier quarter in which the follower totals stop early', () => {
  // The totals stop with May in one export and start again with July in the next, while the content goes on every day.
  const split = loadRoot(FOLLOWER_CUT_SITE, 'goals: []\n', {
    'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
    'data/instagram/followers-q2.json': rowsExport('instagram', [
      { month: '2026-03', followers: 11_700 },
      { month: '2026-04', followers: 11_800 },
      { month: '2026-05', followers: 11_900 },
    ]),
    'data/instagram/followers-q3.json': rowsExport('instagram', [
      { month: '2026-07', followers: 12_100 },
      { month: '2026-08', followers: 12_200 },
      { month: '2026-09', followers: 12_300 },
    ]),
  });
  const table = kpiChanges(split.engine!, ['instagram'], q3);
  const june = { from: day('2026-04-01'), to: day('2026-06-30'), gaps: [[day('2026-06-01'), day('2026-06-30')]] };

  it('makes that quarter partial for the growth, which has no change against it', () => {
    expect(table.get('follower_growth')).toMatchObject({ previous: 200, qoq: null, previousPartial: june });
  });

  it('does the same for the audience growth rate: two months’ growth is no quarter’s (not +96.6%)', () => {
    const rate = table.get('audience_growth_rate')!;
    expect(rate.previous).toBeCloseTo(200 / 11_700, 12);
    expect(rate.previousTo).toBe(day('2026-05-31'));
    expect(rate.previousPartial).toEqual(june);
    expect(rate.qoq).toBeNull();
  });

  it('keeps the count’s change against the last total of that quarter, taken to its day', () => {
    expect(table.get('follower_count')).toMatchObject({ previous: 11_900, previousTo: day('2026-05-31') });
    expect(table.get('follower_count')!.qoq).toBeCloseTo(12_300 / 11_900 - 1, 12);
  });
});

describe('an earlier quarter in which reach month rows stop early (the same rule for a unique count)', () => {
  const split = loadRoot(FOLLOWER_CUT_SITE, 'goals: []\n', {
    'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
    'data/instagram/reach-q2.json': rowsExport('instagram', [
      { month: '2026-04', reach: 5000 },
      { month: '2026-05', reach: 5000 },
    ]),
    'data/instagram/reach-q3.json': rowsExport(
      'instagram',
      ['07', '08', '09'].map((m) => ({ month: `2026-${m}`, reach: 5000 })),
    ),
  });
  const reach = kpiChanges(split.engine!, ['instagram'], q3).get('reach')!;

  it('has no change against two months of that quarter (not +50%)', () => {
    expect(reach.previous).toBe(10_000);
    expect(reach.qoq).toBeNull();
    expect(reach.previousPartial).toEqual({
      from: day('2026-04-01'),
      to: day('2026-06-30'),
      gaps: [[day('2026-06-01'), day('2026-06-30')]],
    });
  });
});

describe('follower totals as month rows that start after the quarter’s start (a late start)', () => {
  // The first total is August's; the content export runs from April. No total comes before the quarter.
  const late = loadRoot(FOLLOWER_CUT_SITE, 'goals: []\n', {
    'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
    'data/instagram/followers.json': rowsExport('instagram', [
      { month: '2026-08', followers: 12_200 },
      { month: '2026-09', followers: 12_300 },
    ]),
  });
  const table = kpiChanges(late.engine!, ['instagram'], q3);

  it('measure the growth from the first total in the quarter (SPEC: else first in it), compared with no quarter', () => {
    expect(table.get('follower_count')).toMatchObject({ value: 12_300, previous: null, qoq: null, yoy: null, inputsEnd: null });
    expect(table.get('follower_growth')).toMatchObject({ value: 100, previous: null, qoq: null, yoy: null });
    expect(table.get('audience_growth_rate')).toMatchObject({ previous: null, qoq: null, yoy: null });
  });
});
