/**
 * Which way an actual that is no exact figure can be wrong decides which statuses it may settle
 * (red-team 7 #2, #3):
 * - a custom KPI dividing by a reach summed from month rows (spend per thousand reached) is a
 *   LOWER bound of the true figure, not an upper one: "achieved" under a cap on it is undecided;
 * - at its deadline, a total over a week no export covers counts nothing for that week: the total
 *   is a lower bound, so an amount it falls short of is undecided (the week may have reached the
 *   target), while a total already past it stands. A week an ads export lacks is a paused campaign's:
 *   no spend, so a budget cap stands either way (red-team 23 #5).
 */
import { describe, expect, it } from 'vitest';
import { progressBound } from '../../src/format/progress.ts';
import {
  CPR_KPI,
  dailyExport,
  days as dailyRows,
  evaluate,
  INSTAGRAM_SPEND_MONTHLY_REACH,
  loadRoot,
  rowsExport,
} from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\nchannels:\n  instagram: { label: Instagram }\n  facebook: { label: Facebook }\n';

describe('a KPI that divides by a reach summed from month rows', () => {
  const goals = `kpis:
${CPR_KPI}goals:
  - { id: cpr-q3, title: CPR under 20, kpi: cpr, channel: instagram, period: 2026-Q3, target: 20 }
  - { id: cpr-q3-low, title: CPR under 5, kpi: cpr, channel: instagram, period: 2026-Q3, target: 5 }
`;
  const root = loadRoot(SITE, goals, INSTAGRAM_SPEND_MONTHLY_REACH);

  it('is a lower bound: under the target is undecided (the true reach may be half as large)', () => {
    expect(root.problems).toEqual([]);
    // €6,200 over at most 600,000 reached: €10.33 at the least; the true figure lies up to €20.67.
    const e = evaluate(root, 'cpr-q3', '2026-08-31');
    expect(e).toMatchObject({ approximate: true, bound: 'lower', status: 'undecided', projection: null });
    expect(e.type === 'smart' && e.actual).toBeCloseTo(6200 / 600, 9);
  });

  it('settles what even the bound misses: at the deadline, over a €5 target at €10.22 at the least', () => {
    const full = loadRoot(SITE, goals, {
      'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({
        spend: 100,
        impressions: 10000,
      })),
      'data/instagram/reach.json': rowsExport('instagram', [
        { quarter: '2026-Q2', reach: 400000 },
        { month: '2026-07', reach: 300000 },
        { month: '2026-08', reach: 300000 },
        { month: '2026-09', reach: 300000 },
      ]),
    });
    expect(evaluate(full, 'cpr-q3-low', '2026-09-30')).toMatchObject({ bound: 'lower', status: 'missed' });
    expect(evaluate(full, 'cpr-q3', '2026-09-30')).toMatchObject({ bound: 'lower', status: 'undecided' });
  });
});

describe('a total over a week no export covers, at its deadline', () => {
  // Facebook: April to June in one page export; July and August in another that lacks 13 to 19 July. Its ads
  // export lacks the same week: there the days are a paused campaign's, of no spend (red-team 23 #5).
  const july = (values: Record<string, number>) =>
    JSON.stringify({
      channel: 'facebook',
      rows: dailyRows('2026-07-01', '2026-08-31')
        .filter((d) => d < '2026-07-13' || d > '2026-07-19')
        .map((date) => ({ date, ...values })),
    });
  const data = {
    'data/facebook/apr-jun.json': dailyExport('facebook', '2026-04-01', '2026-06-30', () => ({ impressions: 10000 })),
    'data/facebook/jul-aug.json': july({ impressions: 10000 }),
    'data/facebook/ads.json': july({ spend: 100 }),
  };
  const goals = `goals:
  - { id: july-fb, title: July impressions, kpi: impressions, channel: facebook, start: 2026-07-01, deadline: 2026-07-31, target: 290000 }
  - { id: july-cap, title: July spend cap, kpi: spend, channel: facebook, start: 2026-07-01, deadline: 2026-07-31, target: 2900 }
  - { id: july-low, title: July impressions 200k, kpi: impressions, channel: facebook, start: 2026-07-01, deadline: 2026-07-31, target: 200000 }
  - { id: july-tight, title: July spend under 2000, kpi: spend, channel: facebook, start: 2026-07-01, deadline: 2026-07-31, target: 2000 }
`;
  const root = loadRoot(SITE, goals, data);

  it('is undecided where the week could change it: short of an amount', () => {
    expect(root.problems).toEqual([]);
    // 24 known days: 240,000 impressions; with the week at the same pace, 310,000.
    expect(evaluate(root, 'july-fb', '2026-08-31')).toMatchObject({
      actual: 240000,
      bound: 'lower',
      status: 'undecided',
      projection: null,
    });
  });

  it('stands where the known days decide it: past the amount', () => {
    expect(evaluate(root, 'july-low', '2026-08-31')).toMatchObject({ actual: 240000, status: 'achieved' });
  });

  it('is none where an ads export lacks the week: a spend cap kept or overspent stands', () => {
    expect(evaluate(root, 'july-cap', '2026-08-31')).toMatchObject({ actual: 2400, bound: 'exact', status: 'achieved' });
    expect(evaluate(root, 'july-tight', '2026-08-31')).toMatchObject({ actual: 2400, status: 'missed' });
  });

  it('is paced as before while the period runs (the bound settles nothing before the deadline)', () => {
    expect(evaluate(root, 'july-fb', '2026-07-25')).toMatchObject({ bound: 'exact' });
  });
});

describe('the progress of a bound', () => {
  it('is at most or at least by the way the actual is wrong and the way progress runs', () => {
    const g = { progress: 4.52, baseline: 22.75, target: 20 };
    // Spend per thousand reached at €10.33 at the least, a target below the baseline: progress at most 452%.
    expect(progressBound({ ...g, approximate: true, bound: 'lower' })).toBe('at_most');
    // Reach at most 700,000 against a target above its baseline: at most; below it: at least.
    expect(progressBound({ approximate: true, progress: 2, baseline: 500000, target: 600000 })).toBe('at_most');
    expect(progressBound({ approximate: true, bound: 'upper', progress: 3, baseline: 900000, target: 800000 })).toBe('at_least');
    // A total over a missing week: at least.
    expect(progressBound({ bound: 'lower', progress: 0.83, baseline: 0, target: 290000 })).toBe('at_least');
    expect(progressBound({ bound: 'unbounded', progress: 1, baseline: 0, target: 1 })).toBeNull();
    expect(progressBound({ approximate: true, cut_rows: true, progress: 1, baseline: 0, target: 1 })).toBeNull();
  });
});
