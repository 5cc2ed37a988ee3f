import { describe, expect, it } from 'vitest';
import type { KpiMeta } from '../../src/core/figures.ts';
import type { ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import type { GoalStatus } from '../../src/core/status.ts';
import { formatMove, formatPoints } from '../../src/format/moves.ts';
import { kpiMove, quarterSummary, sortByStatus, statusCounts } from '../../src/site/summary.ts';

const meta = (id: string, unit: KpiMeta['unit'], good: KpiMeta['good']): KpiMeta => ({
  id,
  label: id.toUpperCase(),
  unit,
  good,
  formula: '',
  description: '',
});
const goal = (id: string, status: GoalStatus): SmartGoalJson => ({
  id,
  type: 'smart',
  title: id,
  category: null,
  objective: null,
  owner: null,
  kpi: 'reach',
  channel: 'all',
  start: '2026-07-01',
  deadline: '2026-09-30',
  mode: 'cumulative',
  baseline: null,
  previous: null,
  target: 10,
  actual: 5,
  progress: 0.5,
  elapsed: 0.5,
  expected: 0.5,
  status,
  projection: 10,
});
const fr = { locale: 'fr-FR', currency: 'EUR' };
const en = { locale: 'en-US', currency: 'USD' };

describe('sortByStatus', () => {
  it('puts off track, at risk and missed first and achieved last, keeping the order within a status', () => {
    const goals = [
      goal('a', 'achieved'),
      goal('b', 'missed'),
      goal('c', 'on_track'),
      goal('d', 'off_track'),
      goal('e', 'missed'),
      goal('f', 'at_risk'),
    ];
    expect(sortByStatus(goals).map((g) => g.id)).toEqual(['d', 'f', 'b', 'e', 'c', 'a']);
  });
});

describe('statusCounts', () => {
  it('counts SMART goals by status in the summary line order, leaving out empty statuses', () => {
    const goals = [goal('a', 'missed'), goal('b', 'achieved'), goal('c', 'achieved'), goal('d', 'at_risk')];
    expect(statusCounts(goals)).toEqual([
      { status: 'achieved', count: 2 },
      { status: 'at_risk', count: 1 },
      { status: 'missed', count: 1 },
    ]);
  });
});

describe('kpiMove', () => {
  it('judges a fall good for a KPI whose good direction is down, and bad for one that should rise', () => {
    expect(kpiMove(meta('cpc', 'money', 'down'), 2, -0.2)?.good).toBe(true);
    expect(kpiMove(meta('conversions', 'count', 'up'), 96, -0.004)?.good).toBe(false);
  });
  it('gives a percentage KPI its change in points, not a relative change', () => {
    // ROI from 2% to 5.2%: +160% relative, +3.2 points.
    const move = kpiMove(meta('roi', 'percent', 'up'), 0.052, 0.052 / 0.02 - 1)!;
    expect(move.kind).toBe('points');
    expect(move.change).toBeCloseTo(3.2, 10);
    expect(formatMove(move, en)).toBe('+3.2 pts');
    expect(formatPoints(-1.25, fr)).toMatch(/^[-\u2212]1,3 pts$/);
  });
  it("takes a rate's points from the previous value, below zero too (red-team 12 #1)", () => {
    // Net sentiment from −16.7% to +20.0%: qoq = (0.2 + 0.1667) / 0.1667 = +2.2, and +36.7 points.
    const previous = -240 / 1440;
    const qoq = (0.2 - previous) / Math.abs(previous);
    expect(kpiMove(meta('net_sentiment', 'percent', 'up'), 0.2, qoq, previous)?.change).toBeCloseTo(36.67, 2);
    // And back: a fall through zero is a move (−36.7 points), not dropped.
    const fall = kpiMove(meta('net_sentiment', 'percent', 'up'), previous, (previous - 0.2) / 0.2, 0.2)!;
    expect(fall.change).toBeCloseTo(-36.67, 2);
    expect(fall.good).toBe(false);
    // A total that falls through zero (net mentions 300 → −240) is a relative move of −180%.
    expect(kpiMove(meta('net_mentions', 'count', 'up'), -240, -1.8, 300)).toMatchObject({ kind: 'relative', change: -1.8 });
  });
  it('gives a score its change in points where the previous value is known (red-team 12 #13)', () => {
    // NPS from −10 to 10: +20 points, not +200%.
    expect(kpiMove(meta('nps', 'score', 'up'), 10, 2, -10)).toMatchObject({ kind: 'points', change: 20, good: true });
    expect(kpiMove(meta('nps', 'score', 'up'), 10, 2)).toMatchObject({ kind: 'relative', change: 2 });
  });
  it('is null when there is no change to tell', () => {
    expect(kpiMove(meta('reach', 'count', 'up'), 5, null)).toBeNull();
    expect(kpiMove(meta('reach', 'count', 'up'), null, 0.2)).toBeNull();
    expect(kpiMove(meta('reach', 'count', 'up'), 5, 0)).toBeNull();
  });
});

describe('quarterSummary', () => {
  it('lists the goals needing attention first and the KPIs with the largest moves', () => {
    const report: ReportJson = {
      period: '2026-Q3',
      as_of: '2026-09-30',
      channels: ['all'],
      coverage: {},
      incomplete: [],
      kpis: {
        all: {
          reach: { value: 100, qoq: 0.1, yoy: null },
          spend: { value: 50, qoq: -0.428, yoy: null },
          cpc: { value: 1, qoq: null, yoy: null },
        },
      },
      goals: [goal('a', 'achieved'), goal('b', 'missed'), goal('c', 'off_track')],
    };
    const kpis = new Map(
      [meta('reach', 'count', 'up'), meta('spend', 'money', 'down'), meta('cpc', 'money', 'down')].map((k) => [k.id, k]),
    );
    const s = quarterSummary(report, kpis, 'all', 4);
    expect(s.attention.map((g) => g.id)).toEqual(['c', 'b']);
    expect(s.movers.map((m) => [m.id, m.good])).toEqual([
      ['spend', true],
      ['reach', true],
    ]);
    expect(s.counts.reduce((n, c) => n + c.count, 0)).toBe(3);
  });
});

describe('quarterSummary of a figure whose inputs end apart', () => {
  it('leaves it out of the largest moves: clicks to the 10th over impressions to the 30th is no fall', () => {
    const report: ReportJson = {
      period: '2026-Q3',
      as_of: '2026-09-30',
      channels: ['all'],
      coverage: {},
      incomplete: [],
      kpis: {
        all: {
          ctr: { value: 0.011, qoq: -0.25, yoy: null, inputs_to: { x: { clicks: '2026-09-10', impressions: '2026-09-30' } } },
          engagement_rate: { value: 0.04, qoq: 0.05, yoy: null },
        },
      },
      goals: [],
    };
    const kpis = new Map([meta('ctr', 'percent', 'up'), meta('engagement_rate', 'percent', 'up')].map((k) => [k.id, k]));
    expect(quarterSummary(report, kpis, 'all', 4).movers.map((m) => m.id)).toEqual(['engagement_rate']);
  });
});

describe('quarterSummary on a quarter that is not over', () => {
  const kpis = new Map(
    [
      { ...meta('impressions', 'count', 'up'), formula: 'impressions' },
      { ...meta('spend', 'money', 'down'), formula: 'spend' },
      { ...meta('engagement_rate', 'percent', 'up'), formula: 'engagements / impressions' },
      { ...meta('follower_count', 'count', 'up'), formula: 'followers' },
    ].map((k) => [k.id, k]),
  );
  const report = (asOf: string): ReportJson => ({
    period: '2026-Q3',
    as_of: asOf,
    channels: ['all'],
    coverage: {},
    incomplete: [],
    kpis: {
      all: {
        // 63,000 in 46 days against 136,500 in the 91 days of Q2: the same daily rate, −53.8%
        impressions: { value: 63000, qoq: 63000 / 136500 - 1, yoy: null },
        spend: { value: 400, qoq: -0.5, yoy: null },
        engagement_rate: { value: 0.05, qoq: 0.25, yoy: null },
        follower_count: { value: 1050, qoq: 0.05, yoy: null },
      },
    },
    goals: [],
  });

  it('leaves totals out of the biggest moves (a quarter to date is no match for a whole quarter) and says so', () => {
    const s = quarterSummary(report('2026-08-15'), kpis, 'all', 4);
    // neither "impressions −53.8% bad" nor "spend −50% good": only rates and stocks are compared
    expect(s.movers.map((m) => [m.id, m.good])).toEqual([
      ['engagement_rate', true],
      ['follower_count', true],
    ]);
    expect(s.partial).toEqual({
      quarter: '2026-Q3',
      asOf: '2026-08-15',
      previous: '2026-Q2',
      yearAgo: '2025-Q3',
      over: false,
      apart: null,
    });
  });

  it('compares every KPI once the quarter is over', () => {
    const s = quarterSummary(report('2026-09-30'), kpis, 'all', 4);
    expect(s.movers.map((m) => m.id)).toEqual(['impressions', 'spend', 'engagement_rate', 'follower_count']);
    expect(s.partial).toBeNull();
  });
});
