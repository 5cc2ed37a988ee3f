/**
 * A metric's exports that stop and resume a quarter or more later, inside a quarter (red-team 16
 * #3): follows exported for January–July 2025 and again from February 2026. The days between are
 * in no export, yet Q1 2026 read as whole (118 net follows over 59 days against 180 over 90: YoY
 * −34%), and the count at 31 December 2025 was made up from the follows after it with the six
 * months between as none. The days of the quarter before the export resumes are now gaps, and a
 * count carried across them is unknown. A campaign's spend resuming after months without one is a
 * campaign starting, not a gap.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type KpiJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const follows = () => ({ new_followers: 3, lost_followers: 1 });
const data = {
  'data/fb/f2025.json': dailyExport('fb', '2025-01-01', '2025-07-31', follows),
  'data/fb/f2026.json': dailyExport('fb', '2026-02-01', '2026-06-30', (d) => ({
    ...follows(),
    ...(d === '2026-05-12' ? { followers: 5000 } : {}),
  })),
};

function cells(files: Record<string, string>, quarter: string): Record<string, KpiJson> {
  const root = loadRoot('title: T\n', 'goals: []\n', files);
  if (!root.project || !root.engine) throw new Error(root.problems.join('\n'));
  return buildReport(root.project, root.engine, { quarter: period(quarter) }).kpis['fb']!;
}

describe('follows exports that resume inside a quarter after a pause', () => {
  it('flag the days of the quarter before they resume, and give its growth no YoY', () => {
    const growth = cells(data, '2026-Q1')['follower_growth']!;
    expect(growth.value).toBe(59 * 2);
    expect(growth.yoy).toBeNull();
    expect(growth.gaps).toEqual({
      fb: {
        new_followers: [{ from: '2026-01-01', to: '2026-01-31' }],
        lost_followers: [{ from: '2026-01-01', to: '2026-01-31' }],
      },
    });
  });

  it('give no follower count across the days no export covers (31 December 2025, 30 June 2025)', () => {
    const count = cells(data, '2026-Q1')['follower_count']!;
    expect(count.value).toBe(5000 - 42 * 2);
    expect(count.qoq).toBeNull();
    expect(count.yoy).toBeNull();
    expect(count).not.toHaveProperty('previous');
    expect(cells(data, '2026-Q2')['follower_count']!.yoy).toBeNull();
  });

  it('compare the next quarter with a partial one: QoQ n/a', () => {
    const growth = cells(data, '2026-Q2')['follower_growth']!;
    expect(growth.qoq).toBeNull();
    expect(growth.qoq_partial).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      gaps: [{ from: '2026-01-01', to: '2026-01-31' }],
    });
  });

  it('the same for any metric (impressions)', () => {
    const impressions = cells(
      {
        'data/fb/a.json': dailyExport('fb', '2025-01-01', '2025-07-31', () => ({ impressions: 100 })),
        'data/fb/b.json': dailyExport('fb', '2026-02-01', '2026-06-30', () => ({ impressions: 100 })),
      },
      '2026-Q1',
    )['impressions']!;
    expect(impressions.yoy).toBeNull();
    expect(impressions.gaps).toEqual({ fb: { impressions: [{ from: '2026-01-01', to: '2026-01-31' }] } });
  });

  it('but not spend: a campaign export after months without one starts a campaign', () => {
    const spend = cells(
      {
        'data/fb/a.json': dailyExport('fb', '2025-01-01', '2026-06-30', () => ({ impressions: 100 })),
        'data/fb/ads-2025.json': dailyExport('fb', '2025-01-01', '2025-07-31', () => ({ spend: 5 })),
        'data/fb/ads-2026.json': dailyExport('fb', '2026-02-01', '2026-06-30', () => ({ spend: 5 })),
      },
      '2026-Q1',
    )['spend']!;
    expect(spend.value).toBe(59 * 5);
    expect(spend).not.toHaveProperty('gaps');
  });
});

describe('follows between downloads (red-team 17)', () => {
  it('carry a count across a day or two between two downloads, and keep each quarter’s growth (rt17 #1)', () => {
    const files = {
      'data/li/q1.json': dailyExport('li', '2026-01-01', '2026-03-29', (d) => ({
        new_followers: 10,
        lost_followers: 2,
        ...(d === '2026-01-01' ? { followers: 5000 } : {}),
      })),
      'data/li/q2.json': dailyExport('li', '2026-04-01', '2026-06-30', () => ({ new_followers: 10, lost_followers: 2 })),
    };
    const root = loadRoot('title: T\n', 'goals: []\n', files);
    const kpis = buildReport(root.project!, root.engine!, { quarter: period('2026-Q2') }).kpis['li']!;
    expect(kpis['follower_growth']!.value).toBe(91 * 8);
    expect(kpis['follower_count']!.value).toBe(5000 + (87 + 91) * 8);
  });

  it('give growth over a quarter whose follows are all exported, though the count is unknown (rt17 #4)', () => {
    const files = {
      'data/li/content.json': dailyExport('li', '2025-01-01', '2026-06-30', () => ({ impressions: 100 })),
      'data/li/f2025.json': dailyExport('li', '2025-01-01', '2025-07-31', (d) => ({
        new_followers: 10,
        lost_followers: 2,
        ...(d === '2025-01-01' ? { followers: 5000 } : {}),
      })),
      'data/li/f2026.json': dailyExport('li', '2026-02-01', '2026-06-30', () => ({ new_followers: 10, lost_followers: 2 })),
    };
    const root = loadRoot('title: T\n', 'goals: []\n', files);
    const at = (q: string) => buildReport(root.project!, root.engine!, { quarter: period(q) }).kpis['li']!;
    expect(at('2026-Q2')['follower_growth']!.value).toBe(91 * 8);
    expect(at('2026-Q2')['follower_count']!.value).toBeNull();
    // 31 December 2025: five months after the follows stopped, and they resume later: unknown, not the July count.
    expect(at('2025-Q4')['follower_count']!.value).toBeNull();
    // 30 September 2025: the follows stop inside that quarter (its input ends early, flagged), carried as before.
    expect(at('2025-Q3')['follower_count']!.value).toBe(5000 + 211 * 8);
    expect(at('2025-Q3')['follower_count']!.inputs_to).toEqual({
      li: { new_followers: '2025-07-31', lost_followers: '2025-07-31' },
    });
  });
});

describe('follows between downloads (red-team 18)', () => {
  const follows = () => ({ new_followers: 10, lost_followers: 2 });
  /** Monthly follows downloads, each missing its month's last two days, one total on 1 January. */
  const monthly = () => {
    const files: Record<string, string> = {};
    for (const [m, last] of [
      ['01', '29'],
      ['02', '26'],
      ['03', '29'],
      ['04', '28'],
      ['05', '29'],
      ['06', '28'],
      ['07', '29'],
      ['08', '29'],
      ['09', '28'],
    ] as const)
      files[`data/li/f${m}.json`] = dailyExport('li', `2026-${m}-01`, `2026-${m}-${last}`, (d) => ({
        ...follows(),
        ...(d === '2026-01-01' ? { followers: 5000 } : {}),
      }));
    return files;
  };

  it('carry a count across two days missed between each of many downloads (rt18 #1)', () => {
    const root = loadRoot('title: T\n', 'goals: []\n', monthly());
    const kpis = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') }).kpis['li']!;
    // 2 January to 30 September is 272 days, 18 of them in no download (two at each month's end).
    expect(kpis['follower_count']!.value).toBe(5000 + (272 - 18) * 8);
    expect(kpis['follower_growth']!.value).toBe((92 - 6) * 8);
  });

  it('give a quarter with a week-long hole in its follows its growth, flagged, beside an earlier total (rt18 #2)', () => {
    const root = loadRoot('title: T\n', 'goals: []\n', {
      'data/li/a.json': dailyExport('li', '2026-01-01', '2026-08-09', (d) => ({
        ...follows(),
        ...(d === '2026-01-01' ? { followers: 5000 } : {}),
      })),
      'data/li/b.json': dailyExport('li', '2026-08-18', '2026-09-30', follows),
    });
    const growth = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') }).kpis['li']!['follower_growth']!;
    expect(growth.value).toBe((92 - 8) * 8);
    expect(growth.gaps).toEqual({
      li: {
        new_followers: [{ from: '2026-08-10', to: '2026-08-17' }],
        lost_followers: [{ from: '2026-08-10', to: '2026-08-17' }],
      },
    });
  });
});
