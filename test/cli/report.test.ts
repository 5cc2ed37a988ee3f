/**
 * The text report (`goalpost report` without --json): a quarter that is not over says what its
 * QoQ and YoY compare, and a rate computed over other channels in the earlier quarter says its
 * change is not comparable instead of "n/a".
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import type { ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';

const kpis = new Map([
  ['impressions', { unit: 'count' as const, label: 'Impressions' }],
  ['engagement_rate', { unit: 'percent' as const, label: 'Engagement rate' }],
  ['reach', { unit: 'count' as const, label: 'Reach' }],
]);
const report = (asOf: string): ReportJson => ({
  period: '2026-Q3',
  as_of: asOf,
  channels: ['all'],
  coverage: { instagram: asOf, linkedin: asOf },
  incomplete: [],
  kpis: {
    all: {
      impressions: { value: 63000, qoq: 63000 / 136500 - 1, yoy: null, channels: ['instagram', 'linkedin'], left_out: [] },
      engagement_rate: {
        value: 0.01,
        qoq: null,
        yoy: 0.2,
        channels: ['instagram', 'linkedin'],
        left_out: [],
        qoq_channels_differ: true,
      },
    },
  },
  goals: [],
});

describe('renderText', () => {
  it('says that a quarter not over is compared to date against whole quarters', () => {
    const out = renderText(report('2026-08-15'), DEFAULT_SITE, kpis);
    expect(out).toContain(
      'Partial quarter: QoQ and YoY compare 2026-Q3 to date (to 2026-08-15) against the whole of 2026-Q2 and the whole of 2025-Q3',
    );
    expect(out).toMatch(/Impressions +63,000 +-53\.8%/);
  });

  it('says nothing of the kind once the quarter is over', () => {
    expect(renderText(report('2026-09-30'), DEFAULT_SITE, kpis)).not.toContain('Partial quarter');
  });

  it('marks a rate whose previous quarter covered other channels as not comparable', () => {
    const out = renderText(report('2026-09-30'), DEFAULT_SITE, kpis);
    expect(out).toMatch(/Engagement rate +1\.0% +not comparable: channels differ +\+20\.0%/);
  });

  it("never calls a total's missing change over other channels not comparable: n/a, marked (red-team 26 #9)", () => {
    const r = report('2026-09-30');
    const cells = r.kpis['all']!;
    cells['impressions'] = { ...cells['impressions']!, qoq: null, qoq_channels_differ: true };
    const marked = new Map([
      ['impressions', { unit: 'count' as const, label: 'Impressions', rate: false }],
      ['engagement_rate', { unit: 'percent' as const, label: 'Engagement rate', rate: true }],
    ]);
    const out = renderText(r, DEFAULT_SITE, marked);
    expect(out).toMatch(/Impressions +63,000 +n\/a \(other channels\)/);
    expect(out).toMatch(/Engagement rate +1\.0% +not comparable: channels differ/);
  });
});

describe('renderText goal lines', () => {
  const goal: SmartGoalJson = {
    id: 'reach-q3',
    type: 'smart',
    title: 'Reach 200,000',
    category: null,
    objective: null,
    owner: null,
    kpi: 'reach',
    channel: 'instagram',
    start: '2026-07-01',
    deadline: '2026-09-30',
    mode: 'level',
    baseline: 100000,
    previous: null,
    target: 200000,
    actual: 150000,
    progress: 0.5,
    elapsed: 1,
    expected: 1,
    status: 'missed',
    projection: null,
  };
  const withGoal = (g: SmartGoalJson): ReportJson => ({ ...report('2026-09-30'), goals: [g] });

  it('marks an approximate actual (reach summed from finer rows, an upper bound) with ≈', () => {
    const out = renderText(withGoal({ ...goal, approximate: true }), DEFAULT_SITE, kpis);
    expect(out).toContain('Reach on instagram: ≈150,000 (upper bound) of 200,000');
  });

  it('does not mark an exact actual', () => {
    const out = renderText(withGoal(goal), DEFAULT_SITE, kpis);
    expect(out).toContain('Reach on instagram: 150,000 of 200,000');
  });
});
