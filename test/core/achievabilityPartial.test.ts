/**
 * Achievability judged on complete periods only, on data shaped like real exports (daily rows from
 * separate files): a past quarter whose clicks export was downloaded mid-quarter (CTR over clicks to
 * the 10th and impressions to the 30th), and a first quarter the exports begin inside, are no change
 * of the KPI: counted as changes, they gave a "best quarter" no team ever had.
 */
import { describe, expect, it } from 'vitest';
import { achievability, pastValues } from '../../src/core/achievability.ts';
import { formatDay } from '../../src/core/dates.ts';
import type { Measure } from '../../src/core/goals.ts';
import type { MetricRow } from '../../src/core/metricIndex.ts';
import { day, engineOf, period, rows } from '../coreFixtures.ts';

const Q3 = period('2026-Q3');

/** Daily rows of one channel from one export file, `from` to `to`. */
function daily(file: string, from: string, to: string, values: Record<string, number>): MetricRow[] {
  const entries: Array<[string, Record<string, number>]> = [];
  for (let d = day(from); d <= day(to); d++) entries.push([formatDay(d), values]);
  return rows('linkedin', entries, file);
}

const ctrGoal = (target: number): Measure => ({
  kpi: 'ctr',
  channel: 'linkedin',
  baseline: null,
  target: { kind: 'absolute', value: target },
  milestones: [],
});

describe('achievability on partial past quarters', () => {
  // Page analytics (impressions) for 2024-Q1 to 2026-Q2; CTR a steady 2% (10 clicks a day on 500),
  // but the 2025-Q3 Campaign Manager export was downloaded on 10 August.
  const impressions = daily('data/linkedin/page.json', '2024-01-01', '2026-06-30', { impressions: 500 });
  const clicks = [
    ...daily('data/linkedin/campaign-2024.json', '2024-01-01', '2025-06-30', { clicks: 10 }),
    ...daily('data/linkedin/campaign-2025q3.json', '2025-07-01', '2025-08-10', { clicks: 10 }),
    ...daily('data/linkedin/campaign-2025q4.json', '2025-10-01', '2026-06-30', { clicks: 10 }),
  ];
  const engine = engineOf([...impressions, ...clicks]);

  it('leaves a quarter whose inputs end apart out of the history', () => {
    const past = pastValues(engine, ctrGoal(0.03), Q3);
    // Shown as computed (clicks to 10 Aug over impressions to 30 Sep), not counted.
    expect(past.find((p) => p.period === '2025-Q3')).toMatchObject({ value: 410 / 46_000, complete: false });
    for (const p of past.filter((q) => q.period !== '2025-Q3')) {
      expect(p.complete).toBe(true);
      expect(p.value).toBeCloseTo(0.02, 10);
    }
  });

  it('judges a target of +50% CTR a stretch: no complete quarter ever moved it', () => {
    // Before: 2025-Q3 read 0.89% (clicks to 10 Aug over impressions to 30 Sep), so the history had a
    // -55% and a +124% quarter, and +50% was "ambitious" (beside a best of +124%), not a stretch.
    const verdict = achievability(engine, ctrGoal(0.03), Q3);
    expect(verdict.verdict).toBe('stretch');
    expect(verdict.best).toBeCloseTo(0, 10);
    // 10 quarters, one left out: 7 changes between consecutive complete quarters.
    expect(verdict.periods).toBe(7);
  });
});

describe('achievability from the first complete quarter', () => {
  it('leaves out the quarter the exports begin inside', () => {
    // Exports from 15 February 2025: 2025-Q1 holds 45 of its 90 days, the jump to Q2 is the export's start.
    const engine = engineOf(daily('data/linkedin/page.json', '2025-02-15', '2026-06-30', { impressions: 500 }));
    const goal: Measure = { ...ctrGoal(0), kpi: 'impressions', target: { kind: 'absolute', value: 60_000 } };
    const past = pastValues(engine, goal, Q3);
    expect(past[0]).toEqual({ period: '2025-Q1', value: 22_500, complete: false, sameChannels: true });
    expect(past.slice(1).map((p) => [p.value, p.complete])).toEqual([
      [45_500, true],
      [46_000, true],
      [46_000, true],
      [45_000, true],
      [45_500, true],
    ]);
    // Needs +30% on 2026-Q2; the complete quarters moved -2.2% to +1.1%: a stretch, not "realistic" beside a +102% start.
    const verdict = achievability(engine, goal, Q3);
    expect(verdict.verdict).toBe('stretch');
    expect(verdict.best).toBeCloseTo(500 / 45_000, 10);
  });

  it('counts that quarter for a rate or an end-of-period value: over the days there are, neither is partial', () => {
    const engine = engineOf(
      daily('data/linkedin/page.json', '2025-02-15', '2026-06-30', { impressions: 500, clicks: 10, followers: 1000 }),
    );
    for (const kpi of ['ctr', 'follower_count']) {
      const past = pastValues(engine, { ...ctrGoal(0), kpi }, Q3);
      expect(past[0], kpi).toMatchObject({ period: '2025-Q1', complete: true });
    }
  });
});
