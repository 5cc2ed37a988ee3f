/**
 * All-channel KPIs over channels that report different metrics (SPEC "KPI catalogue", channel
 * `all`): a KPI is computed only over the channels that report every input of its formula, and
 * says which channels those are. Shaped like a real brand's exports: Instagram's per-post file
 * (impressions and engagements, no clicks), LinkedIn's content workbook (clicks too), and a help
 * desk channel with messages only. Expected values are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { MetricWindow } from '../../src/core/kpis.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { evaluateGoal } from '../../src/core/evaluate.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { engineOf, expectClose, period, rows } from '../coreFixtures.ts';

const instagram = rows('instagram', [
  ['2026-07-01', { impressions: 40000, likes: 900, comments: 100, posts: 2 }],
  ['2026-07-02', { impressions: 20000, likes: 450, comments: 50, posts: 1 }],
]);
const linkedin = rows('linkedin', [
  ['2026-07-01', { impressions: 3000, clicks: 60, engagements: 150, posts: 1 }],
  ['2026-07-02', { impressions: 2000, clicks: 40, engagements: 100 }],
]);
const helpdesk = rows('helpdesk', [['2026-07-01', { messages: 30, resolved: 27 }]]);
const engine = engineOf([...instagram, ...linkedin, ...helpdesk]);
const all = ['helpdesk', 'instagram', 'linkedin'];
const Q3 = period('2026-Q3');

const over = (kpi: string, channels = all) => new MetricWindow(engine, channels, Q3.start, Q3.end).value(engine.kpis.get(kpi)!);

describe('all-channel KPIs over the channels that report their inputs', () => {
  it('computes CTR over LinkedIn alone when Instagram reports impressions but no clicks', () => {
    const ctr = over('ctr');
    // LinkedIn: 100 clicks / 5,000 impressions = 2%, never 100 / 65,000.
    expectClose(ctr.value, 100 / 5000);
    expect(ctr.channels).toEqual(['linkedin']);
    expect(ctr.leftOut).toEqual(['helpdesk', 'instagram']);
  });

  it('computes engagement rate over both social channels, with engagements derived from likes and comments', () => {
    const rate = over('engagement_rate');
    expectClose(rate.value, (1000 + 500 + 150 + 100) / (60000 + 5000));
    expect(rate.channels).toEqual(['instagram', 'linkedin']);
    expect(rate.leftOut).toEqual(['helpdesk']);
  });

  it('sums a total over the channels that report it and names them', () => {
    const impressions = over('impressions');
    expect(impressions.value).toBe(65000);
    expect(impressions.channels).toEqual(['instagram', 'linkedin']);
    const resolution = over('resolution_rate');
    expectClose(resolution.value, 27 / 30);
    expect(resolution.channels).toEqual(['helpdesk']);
  });

  it('is null with no channel left when none reports every input', () => {
    const roi = over('roi');
    expect(roi.value).toBeNull();
    expect(roi.channels).toEqual([]);
    expect(roi.leftOut).toEqual(all);
  });

  it('carries no coverage for a single channel', () => {
    const ctr = over('ctr', ['instagram']);
    expect(ctr.value).toBeNull();
    expect(ctr.channels).toBeNull();
    expect(ctr.leftOut).toEqual([]);
  });

  it('keeps coverage in the changes kpiChanges gives', () => {
    const ctr = kpiChanges(engine, all, Q3).get('ctr')!;
    expectClose(ctr.value, 0.02);
    expect(ctr.channels).toEqual(['linkedin']);
  });

  it('evaluates a goal on several channels over the channels that report its KPI', () => {
    const goal: SmartGoal = {
      type: 'smart',
      id: 'ctr-q3',
      title: 'CTR 3%',
      description: null,
      category: null,
      objective: null,
      owner: null,
      period: Q3,
      file: 'goals/q3.yaml',
      channel: ['instagram', 'linkedin', 'linkedin'],
      kpi: 'ctr',
      baseline: 0.01,
      target: { kind: 'absolute', value: 0.03 },
      milestones: [],
    };
    const e = evaluateGoal(engine, goal, Q3.start + 1);
    expect(e.type).toBe('smart');
    if (e.type !== 'smart') return;
    expectClose(e.actual, 0.02);
    expect(e.leftOut).toEqual(['instagram']);
  });
});
