/**
 * Follower counts for dates before a channel's data (red-team 15 #3, roots f2 and f): the count at
 * a day before the first day the channel's follower data cover is unknown. A year-ago or
 * previous-quarter count, its QoQ and YoY, and a relative target's baseline are then n/a, not the
 * first total minus the follows the export happens to start with. Red-team 10 #4's rule stays:
 * where the data cover a quarter's first day, the previous quarter's end count is that start count.
 */
import { describe, expect, it } from 'vitest';
import type { SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, evaluate, loadRoot, rowsExport } from '../exportsFixture.ts';

const Q2 = period('2026-Q2');
/** Facebook: 40 net follows on 10 April, a total of 2100 on 15 May, 15 net follows on 20 June (root f2). */
const f2 = {
  'data/fb/q.json': rowsExport('fb', [
    { date: '2026-04-10', new_followers: 50, lost_followers: 10 },
    { date: '2026-05-15', followers: 2100 },
    { date: '2026-06-20', new_followers: 20, lost_followers: 5 },
  ]),
};
const relative =
  '  - { id: fc, title: F, category: awareness, period: 2026-Q2, channel: fb, kpi: follower_count, target: { change: "+10%" } }\n';

describe('follower counts before any data of the channel', () => {
  const r = loadRoot('title: F2\n', `goals:\n${relative}`, f2);
  if (!r.engine || !r.project) throw new Error(r.problems.join('\n'));

  it('has no count at the end of 2026-Q1 or 2025-Q2, so no QoQ and no YoY', () => {
    const fc = kpiChanges(r.engine!, ['fb'], Q2, day('2026-06-20')).get('follower_count')!;
    expect(fc.value).toBe(2115);
    expect(fc.previous).toBeNull();
    expect(fc.yearAgo).toBeNull();
    expect(fc.qoq).toBeNull();
    expect(fc.yoy).toBeNull();
    const report = buildReport(r.project!, r.engine!, { quarter: Q2 });
    for (const scope of ['all', 'fb']) {
      const cell = report.kpis[scope]!['follower_count']!;
      expect(cell.qoq).toBeNull();
      expect(cell.yoy).toBeNull();
      expect(cell.previous).toBeUndefined();
      expect(cell.year_ago).toBeUndefined();
    }
  });

  it('gives a relative target no baseline: the goal has no target to measure against', () => {
    const goal = evaluate(r, 'fc', '2026-06-20') as SmartEvaluation;
    expect(goal.previous).toBeNull();
    expect(goal.baseline).toBeNull();
    expect(goal.target).toBeNull();
    expect(goal.progress).toBeNull();
    expect(goal.status).toBe('no_data');
  });

  it('keeps the count at the start of the first day with data, not before it', () => {
    // The end of 9 April is the start of 10 April: 15 May's total less 10 April's follows.
    expect(r.engine!.index.followersAtEnd('fb', day('2026-04-01'), day('2026-04-09'))?.value).toBe(2060);
    expect(r.engine!.index.followersAtEnd('fb', day('2026-04-01'), day('2026-04-08'))).toBeNull();
    expect(r.engine!.index.followersAtStart('fb', day('2026-04-01'), day('2026-04-09'))).toBeNull();
  });
});

describe('follows from January and a first total on 1 April (root f)', () => {
  const r = loadRoot('title: F\n', 'goals: []\n', {
    'data/fb/follows.json': dailyExport('fb', '2026-01-10', '2026-06-30', () => ({ new_followers: 3, lost_followers: 1 })),
    'data/fb/total.json': rowsExport('fb', [{ date: '2026-04-01', followers: 2000 }]),
  });
  if (!r.engine) throw new Error(r.problems.join('\n'));
  const fc = kpiChanges(r.engine, ['fb'], Q2, day('2026-06-30')).get('follower_count')!;

  it("counts Q1's end from the total, as Q2's start (red-team 10 #4)", () => {
    // 2000 on 1 April less that day's 2 net follows; then 90 days × 2 to 30 June.
    expect(fc.value).toBe(2000 + 2 * 90);
    expect(fc.previous).toBe(1998);
    expect(fc.qoq).toBeCloseTo(2180 / 1998 - 1, 12);
  });

  it('has no count a year before: 2025 has no data', () => {
    expect(fc.yearAgo).toBeNull();
    expect(fc.yoy).toBeNull();
  });
});

describe("a daily export from the quarter's first day", () => {
  const r = loadRoot('title: D\n', 'goals: []\n', {
    'data/fb/q.json': dailyExport('fb', '2026-04-01', '2026-06-30', (d) => ({
      new_followers: 3,
      lost_followers: 1,
      ...(d === '2026-05-15' ? { followers: 5000 } : {}),
    })),
  });
  if (!r.engine) throw new Error(r.problems.join('\n'));
  const table = kpiChanges(r.engine, ['fb'], Q2, day('2026-06-30'));

  it("keeps the previous quarter's end count: the count at the start of 1 April", () => {
    // 15 May's total less the follows from 1 April to 15 May (45 days × 2).
    expect(table.get('follower_count')!.previous).toBe(5000 - 90);
    expect(table.get('follower_growth')!.value).toBe(91 * 2);
    expect(table.get('follower_count')!.yearAgo).toBeNull();
  });
});

describe('follower columns added to a daily export that started earlier (red-team 16 #2)', () => {
  // Facebook's daily export runs from January 2025; its follower columns start on 10 April 2026,
  // with a total of 2100 on 15 May. The rows before say nothing of the follows then.
  const rows = JSON.parse(
    dailyExport('fb', '2025-01-01', '2026-06-30', (d) => ({
      impressions: 100,
      ...(d >= '2026-04-10' ? { new_followers: 3, lost_followers: 1 } : {}),
      ...(d === '2026-05-15' ? { followers: 2100 } : {}),
    })),
  ).rows as Array<Record<string, unknown>>;
  const oneFile = loadRoot('title: F\n', `goals:\n${relative}`, { 'data/fb/q.json': rowsExport('fb', rows) });
  const split = loadRoot('title: F\n', `goals:\n${relative}`, {
    'data/fb/a.json': rowsExport(
      'fb',
      rows.map(({ date, impressions }) => ({ date, impressions })),
    ),
    'data/fb/b.json': rowsExport(
      'fb',
      rows.filter((r) => 'new_followers' in r).map(({ impressions: _, ...follows }) => follows),
    ),
  });

  it('has no count before the first follower figure, in one file as in two', () => {
    for (const r of [oneFile, split]) {
      const fc = kpiChanges(r.engine!, ['fb'], Q2, day('2026-06-30')).get('follower_count')!;
      expect(fc.value).toBe(2100 + 2 * 46);
      expect(fc.previous).toBeNull();
      expect(fc.yearAgo).toBeNull();
      const goal = evaluate(r, 'fc', '2026-06-30') as SmartEvaluation;
      expect(goal).toMatchObject({ baseline: null, status: 'no_data' });
    }
  });
});
