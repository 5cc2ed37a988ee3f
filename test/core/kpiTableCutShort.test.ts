/**
 * A channel whose data stop inside the quarter (red-team 15 #7, root s): Instagram's export ends
 * on 15 May, LinkedIn's runs to 30 June. Every figure that counts Instagram is marked incomplete
 * (the channel and its last day), and a figure that grows with the days counted (a total, a follower
 * growth) has no QoQ or YoY: −50% impressions would be only the days missing, as part of an earlier
 * quarter against a whole one is no change (red-team 7 #8). A rate or a count keeps its change, marked.
 */
import { describe, expect, it } from 'vitest';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, days, loadRoot } from '../exportsFixture.ts';

const Q2 = period('2026-Q2');
const index = (d: string) => days('2026-01-01', d).length - 1;
const r = loadRoot('title: S\n', 'goals: []\n', {
  'data/ig/q.json': dailyExport('ig', '2026-01-01', '2026-05-15', (d) => ({
    impressions: 100,
    engagements: 10,
    followers: 1000 + index(d),
  })),
  'data/li/q.json': dailyExport('li', '2026-01-01', '2026-06-30', () => ({
    impressions: 100,
    engagements: 2,
    clicks: 1,
    followers: 500,
  })),
});
if (!r.engine || !r.project) throw new Error(r.problems.join('\n'));
const engine = r.engine;
const project = r.project;
const igEnd = day('2026-05-15');

describe('a channel that stops inside the quarter', () => {
  const ig = kpiChanges(engine, ['ig'], Q2, day('2026-06-30'));
  const all = kpiChanges(engine, ['ig', 'li'], Q2, day('2026-06-30'));
  const li = kpiChanges(engine, ['li'], Q2, day('2026-06-30'));

  it('gives its totals no QoQ or YoY, marked with its last day', () => {
    expect(ig.get('impressions')!.value).toBe(4500);
    expect(ig.get('impressions')!.qoq).toBeNull();
    expect(ig.get('impressions')!.incomplete).toEqual({ ig: igEnd });
    expect(ig.get('follower_growth')!.qoq).toBeNull();
    expect(ig.get('engagements')!.qoq).toBeNull();
  });

  it('gives the all-channel totals that count it no QoQ either', () => {
    expect(all.get('impressions')!.value).toBe(4500 + 9100);
    expect(all.get('impressions')!.qoq).toBeNull();
    expect(all.get('impressions')!.incomplete).toEqual({ ig: igEnd });
  });

  it("keeps a rate's change and a count's, marked", () => {
    expect(ig.get('engagement_rate')!.qoq).toBe(0);
    expect(ig.get('engagement_rate')!.incomplete).toEqual({ ig: igEnd });
    expect(all.get('follower_count')!.qoq).not.toBeNull();
    expect(all.get('follower_count')!.incomplete).toEqual({ ig: igEnd });
  });

  it('does not mark a figure that does not count it', () => {
    // LinkedIn alone, and the all-channel CTR (Instagram gives no clicks: LinkedIn only).
    expect(li.get('impressions')!.qoq).toBeCloseTo(9100 / 9000 - 1, 12);
    expect(li.get('impressions')!.incomplete).toBeNull();
    expect(all.get('ctr')!.channels).toEqual(['li']);
    expect(all.get('ctr')!.incomplete).toBeNull();
  });

  it('marks it while the quarter is not over too, to the as-of day', () => {
    const toDate = kpiChanges(engine, ['ig', 'li'], Q2, day('2026-06-10'));
    expect(toDate.get('impressions')!.incomplete).toEqual({ ig: igEnd });
    expect(toDate.get('impressions')!.qoq).toBeNull();
    const before = kpiChanges(engine, ['ig', 'li'], Q2, day('2026-05-10'));
    expect(before.get('impressions')!.incomplete).toBeNull();
    expect(before.get('impressions')!.qoq).not.toBeNull();
  });

  it('says so in the report JSON, per figure', () => {
    const report = buildReport(project, engine, { quarter: Q2 });
    expect(report.incomplete).toEqual(['ig']);
    for (const scope of ['all', 'ig']) {
      const cell = report.kpis[scope]!['impressions']!;
      expect(cell.qoq).toBeNull();
      expect(cell.incomplete).toEqual(['ig']);
      expect(cell.incomplete_to).toEqual({ ig: '2026-05-15' });
    }
    expect(report.kpis['li']!['impressions']!.incomplete).toBeUndefined();
    expect(report.kpis['all']!['ctr']!.incomplete).toBeUndefined();
  });
});
