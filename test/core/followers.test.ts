/**
 * Followers from platforms that export daily follows instead of totals (SPEC "Metric JSON",
 * Followers): follower growth from new − lost followers, follower count from the latest total
 * plus the net follows since, each flagged as computed from net follows. Worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { MetricWindow } from '../../src/core/kpis.ts';
import { evaluateGoal } from '../../src/core/evaluate.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { buildReport } from '../../src/core/report.ts';
import type { Project } from '../../src/core/project.ts';
import { engineOf, expectClose, period, rows } from '../coreFixtures.ts';

// Instagram's follows file: daily follows, no total ever (the account's total is not exported).
const instagram = rows('instagram', [
  ['2026-06-30', { new_followers: 50 }],
  ['2026-07-01', { new_followers: 700 }],
  ['2026-08-15', { new_followers: 900, lost_followers: 100 }],
  ['2026-09-30', { new_followers: 596 }],
]);
// LinkedIn: one total from the page at the end of Q2, then the followers sheet's daily new followers.
const linkedin = rows('linkedin', [
  ['2026-06-30', { followers: 5000 }],
  ['2026-07-10', { new_followers: 120 }],
  ['2026-09-20', { new_followers: 80, lost_followers: 20 }],
]);
// TikTok: daily totals that stop on 09-28, and follows that run to 09-30.
const tiktok = rows('tiktok', [
  ['2026-07-01', { followers: 1000 }],
  ['2026-09-28', { followers: 1300 }],
  ['2026-09-29', { new_followers: 10 }],
  ['2026-09-30', { new_followers: 5, lost_followers: 1 }],
]);
// X: totals only, as before.
const x = rows('x', [
  ['2026-06-30', { followers: 2000 }],
  ['2026-09-30', { followers: 2100 }],
]);

const engine = engineOf([...instagram, ...linkedin, ...tiktok, ...x]);
const Q3 = period('2026-Q3');
const kpi = (id: string) => engine.kpis.get(id)!;
const over = (id: string, channels: string[], p = Q3) => new MetricWindow(engine, channels, p.start, p.end).value(kpi(id));

describe('follower growth where a platform gives daily follows', () => {
  it('is new − lost followers over the period when the channel never gives a total', () => {
    const growth = over('follower_growth', ['instagram']);
    expect(growth.value).toBe(700 + 900 - 100 + 596);
    expect(growth.netFollows).toBe(true);
  });

  it('leaves follower count and audience growth rate null without any total', () => {
    expect(over('follower_count', ['instagram']).value).toBeNull();
    expect(over('audience_growth_rate', ['instagram']).value).toBeNull();
  });

  it('counts followers as the latest total plus the net follows since', () => {
    const count = over('follower_count', ['linkedin']);
    expect(count.value).toBe(5000 + 120 + 80 - 20);
    expect(count.netFollows).toBe(true);
    expect(over('follower_growth', ['linkedin']).value).toBe(180);
    expectClose(over('audience_growth_rate', ['linkedin']).value, 180 / 5000);
  });

  it('adds the follows after the last total of a channel whose totals stop early', () => {
    expect(over('follower_count', ['tiktok']).value).toBe(1300 + 10 + 5 - 1);
    // Start: the first total in the quarter (nothing before it).
    expect(over('follower_growth', ['tiktok']).value).toBe(1314 - 1000);
  });

  it('keeps totals-only channels as they were, without the net-follows flag', () => {
    const growth = over('follower_growth', ['x']);
    expect(growth.value).toBe(100);
    expect(growth.netFollows).toBe(false);
    expect(over('follower_count', ['x']).netFollows).toBe(false);
  });

  it('carries the count into a month with neither a total nor a follow, whose growth is unknown', () => {
    // SPEC: follower_count at a date = the latest total before it plus the net follows since.
    expect(over('follower_count', ['x'], period('2026-08')).value).toBe(2000);
    expect(over('follower_growth', ['x'], period('2026-08')).value).toBeNull();
    expect(over('follower_growth', ['instagram'], period('2026-10')).value).toBeNull();
  });

  it('counts all channels over those it can: growth over all four, the count over the three with totals', () => {
    const all = ['instagram', 'linkedin', 'tiktok', 'x'];
    const growth = over('follower_growth', all);
    expect(growth.value).toBe(2096 + 180 + 314 + 100);
    expect(growth.channels).toEqual(all);
    const count = over('follower_count', all);
    expect(count.value).toBe(5180 + 1314 + 2100);
    expect(count.leftOut).toEqual(['instagram']);
  });

  it('feeds a goal "Gain 1,500 Instagram followers" from follows, and says so in the report', () => {
    const goal: SmartGoal = {
      type: 'smart',
      id: 'ig-gain',
      title: 'Gain 1,500 Instagram followers',
      description: null,
      category: null,
      objective: null,
      owner: null,
      period: Q3,
      file: 'goals/q3.yaml',
      channel: 'instagram',
      kpi: 'follower_growth',
      baseline: 0,
      target: { kind: 'absolute', value: 1500 },
      milestones: [],
    };
    const e = evaluateGoal(engine, goal, Q3.end);
    if (e.type !== 'smart') throw new Error('smart goal expected');
    expect(e.actual).toBe(2096);
    expect(e.status).toBe('achieved');
    expect(e.netFollows).toBe(true);
    const project = { goals: [goal], index: engine.index } as unknown as Project;
    const report = buildReport(project, engine, { quarter: Q3 });
    expect(report.kpis.instagram!.follower_growth).toMatchObject({ value: 2096, basis: 'net_follows' });
    expect(report.goals[0]).toMatchObject({ id: 'ig-gain', actual: 2096, basis: 'net_follows' });
    expect('basis' in report.kpis.x!.follower_growth!).toBe(false);
  });
});
