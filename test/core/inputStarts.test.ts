/**
 * An export that starts inside the quarter beside another export of the channel that goes back
 * further. Most often it is an ads export from the day a campaign began (red-team 11 #1): no spend
 * before it, not unknown spend. Read as a gap (red-team 10 #5's first fix), it made a budget cap
 * spent at €1,830 of €2,000 "Undecided (lower bound)" and a CPC of €0.99 "Missed €1.50". Its days
 * before its first row count for nothing, as a channel launched mid-quarter's do, with no gap.
 * (A metric tracked only from a day on, revenue from the day a pixel was installed, reads the same:
 * docs/metrics.md says to start the goals on it that day.)
 */
import { describe, expect, it } from 'vitest';
import type { SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, evaluate, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const goals = `goals:
  - { id: cap, title: Ads budget, period: 2026-Q3, channel: instagram, kpi: spend, target: 2000 }
  - { id: cpc, title: CPC, period: 2026-Q3, channel: instagram, kpi: cpc, baseline: 2, target: 1 }
`;
const root = loadRoot(site, goals, {
  'data/instagram/organic-2026.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({
    impressions: 2000,
    engagements: 80,
    clicks: 20,
  })),
  'data/instagram/meta-ads-2026-08-01-2026-09-30.json': dailyExport('instagram', '2026-08-01', '2026-09-30', () => ({
    spend: 30,
    conversions: 2,
  })),
});
const Q3 = period('2026-Q3');

describe('an ads export that starts with its campaign, inside the quarter', () => {
  it('loads', () => expect(root.problems).toEqual([]));

  it('is no gap: the spend before it is none, and the KPI table says nothing of a gap', () => {
    const table = kpiChanges(root.engine!, ['instagram'], Q3, day('2026-09-30'));
    expect(table.get('spend')).toMatchObject({ value: 1830, gaps: null });
    // €1,830 over every click of the quarter (92 days × 20).
    expect(table.get('cpc')!.value).toBeCloseTo(1830 / 1840, 12);
    expect(table.get('cpc')!.gaps).toBeNull();
  });

  it('settles the budget cap and the CPC goal at the deadline', () => {
    expect(evaluate(root, 'cap', '2026-09-30') as SmartEvaluation).toMatchObject({
      actual: 1830,
      status: 'achieved',
      bound: 'exact',
    });
    expect(evaluate(root, 'cpc', '2026-09-30') as SmartEvaluation).toMatchObject({ status: 'achieved', bound: 'exact' });
  });
});
