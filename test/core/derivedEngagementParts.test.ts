/**
 * Engagements derived from their parts (SPEC: a row without `engagements` gets the sum of likes,
 * comments, shares and saves present) where one part starts after the others (red-team 19 #5,
 * roots u3, u2): saves added to a daily export on 1 August, or comments in an export of their own
 * from 1 August. Engagements before that day lack the part: unknown, not its none. On main the
 * quarter's engagement rate rose +13.3% from the new column alone and two goals read "Achieved".
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: er, title: ER, period: 2026-Q3, channel: instagram, kpi: engagement_rate, target: { change: "+10%" } }
  - { id: eng, title: Engagements, period: 2026-Q3, channel: instagram, kpi: engagements, target: { change: "+10%" } }
`;
const Q3 = period('2026-Q3');
const base = () => ({ impressions: 1000, likes: 40, comments: 5, shares: 5 });
const savesFromAugust = loadRoot(site, goals, {
  'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
    ...base(),
    ...(d >= '2026-08-01' ? { saves: 10 } : {}),
  })),
});
const commentsApart = loadRoot(site, goals, {
  'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000, likes: 40 })),
  'data/instagram/comments.json': dailyExport('instagram', '2026-08-01', '2026-09-30', () => ({ comments: 10 })),
});
const reportOf = (root: typeof savesFromAugust) => buildReport(root.project!, root.engine!, { quarter: Q3 });
const goal = (root: typeof savesFromAugust, id: string) => reportOf(root).goals.find((g) => g.id === id) as SmartGoalJson;

describe('engagements derived from parts, one of which starts a month into the quarter', () => {
  it('take the engagement rate over the days every part covers, flagged, with no change against a quarter without the part', () => {
    const rate = reportOf(savesFromAugust).kpis['instagram']!['engagement_rate']!;
    // August and September: (40 + 5 + 5 + 10) / 1000 every day.
    expect(rate.value).toBeCloseTo(0.06, 12);
    expect(rate.qoq).toBeNull();
    expect(rate.gaps).toEqual({ instagram: { engagements: [{ from: '2026-07-01', to: '2026-07-31' }] } });
    expect(reportOf(commentsApart).kpis['instagram']!['engagement_rate']!.value).toBeCloseTo(0.05, 12);
  });

  it('flag the total, with no change against the previous quarter', () => {
    const total = reportOf(savesFromAugust).kpis['instagram']!['engagements']!;
    expect(total.value).toBe(92 * 50 + 61 * 10);
    expect(total.qoq).toBeNull();
    expect(total.gaps).toEqual({ instagram: { engagements: [{ from: '2026-07-01', to: '2026-07-31' }] } });
  });

  it('leave the goals without a baseline or a previous total ("No data"), not "Achieved" on the new column', () => {
    for (const root of [savesFromAugust, commentsApart]) {
      expect(goal(root, 'er')).toMatchObject({ status: 'no_data', baseline: null });
      expect(goal(root, 'eng')).toMatchObject({ status: 'no_data', previous: null, target: null });
    }
    expect(savesFromAugust.notes.filter((n) => /no (baseline|previous total)/.test(n))).toEqual([
      expect.stringContaining('no baseline: engagement_rate over 2026-Q2 has no day that an export of every input covers'),
      expect.stringContaining('no previous total: engagements over 2026-Q2 has no day that an export of every input covers'),
    ]);
  });

  it('read as before where the parts start together, or where engagements are given (a part starting late changes nothing)', () => {
    const together = loadRoot(site, goals, {
      'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ ...base(), saves: 10 })),
    });
    expect(reportOf(together).kpis['instagram']!['engagement_rate']).toMatchObject({ value: 0.06, qoq: 0 });
    const given = loadRoot(site, goals, {
      'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
        impressions: 1000,
        engagements: 60,
        ...(d >= '2026-08-01' ? { saves: 10 } : {}),
      })),
    });
    expect(reportOf(given).kpis['instagram']!['engagement_rate']).toMatchObject({ value: 0.06, qoq: 0 });
    expect(reportOf(given).kpis['instagram']!['engagement_rate']!.gaps).toBeUndefined();
  });
});

describe('engagements derived from parts given at different grains (red-team 20 #1, root c1)', () => {
  // Likes, comments and shares every day; saves only as a monthly overview, in a file of their own.
  const root = loadRoot(site, goals, {
    'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', base),
    'data/instagram/saves.json': JSON.stringify({
      channel: 'instagram',
      rows: ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({ month, saves: 300 })),
    }),
  });

  it("sum each part's own total: the month rows of saves beside the days' likes, not saves alone for whole months", () => {
    const cells = reportOf(root).kpis['instagram']!;
    expect(cells['engagements']!.value).toBe(92 * 50 + 3 * 300);
    expect(cells['engagement_rate']!.value).toBeCloseTo((92 * 50 + 900) / 92000, 12);
  });

  it('flag a dropped part: engagements go on without it, its last day named, no change (red-team 20 #3, 21 #5)', () => {
    const dropped = loadRoot(site, goals, {
      'data/instagram/page.json': dailyExport('instagram', '2026-01-01', '2026-09-30', (d) => ({
        impressions: 1000,
        likes: 40,
        comments: 5,
        ...(d <= '2026-05-31' ? { shares: 5 } : {}),
      })),
    });
    const q2 = buildReport(dropped.project!, dropped.engine!, { quarter: period('2026-Q2') }).kpis['instagram']!['engagements']!;
    expect(q2.value).toBe(91 * 45 + 61 * 5);
    expect(q2).toMatchObject({ qoq: null, inputs_to: { instagram: { shares: '2026-05-31' } } });
    expect(q2.gaps).toEqual({ instagram: { shares: [{ from: '2026-06-01', to: '2026-06-30' }] } });
  });
});

describe('quarters before a part was added, and engagements given by an older tool (red-team 20 #2)', () => {
  it('keep their engagement rate, unflagged, before the part exists: engagements are the sum of the parts there were', () => {
    const q2 = buildReport(savesFromAugust.project!, savesFromAugust.engine!, { quarter: period('2026-Q2') }).kpis['instagram']!;
    expect(q2['engagement_rate']!.value).toBeCloseTo(0.05, 12);
    expect(q2['engagement_rate']!.gaps).toBeUndefined();
    expect(q2['engagements']!.gaps).toBeUndefined();
  });

  // Q1 from an old tool that gave engagements; Meta's export from April gives the parts, saves from 1 August.
  const mixed = loadRoot(site, goals, {
    'data/instagram/q1-oldtool.json': dailyExport('instagram', '2026-01-01', '2026-03-31', () => ({
      impressions: 1000,
      engagements: 50,
    })),
    'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
      ...base(),
      ...(d >= '2026-08-01' ? { saves: 10 } : {}),
    })),
  });
  const cells = (quarter: string) => buildReport(mixed.project!, mixed.engine!, { quarter: period(quarter) }).kpis['instagram']!;

  it('flag the quarter the part joins, as without the older tool’s quarter: "No data", not "Achieved"', () => {
    expect(cells('2026-Q3')['engagement_rate']).toMatchObject({
      qoq: null,
      gaps: { instagram: { engagements: [{ from: '2026-07-01', to: '2026-07-31' }] } },
    });
    expect(goal(mixed, 'er').status).toBe('no_data');
    expect(goal(mixed, 'eng').status).toBe('no_data');
  });

  it('leave the quarters given by the older tool, and those before the part, whole and comparable', () => {
    expect(cells('2026-Q1')['engagements']).toMatchObject({ value: 90 * 50 });
    expect(cells('2026-Q1')['engagements']!.gaps).toBeUndefined();
    expect(cells('2026-Q2')['engagement_rate']).toMatchObject({ value: 0.05, qoq: 0 });
  });
});
