/**
 * One follower total inside a period beside a daily follows export (red-team 10 #4, roots kpi2 and
 * kpi2b): the follows before the total are part of the period's growth. The start is the first
 * total in the period minus the net follows from the period's start to that day, so adding a
 * total never turns a right figure wrong: Facebook's Q3 growth is 186 (62 days × 3) whether the
 * page's total is given on 1 August, on 31 August or not at all.
 */
import { describe, expect, it } from 'vitest';
import type { SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { type LoadedRoot, dailyExport, evaluate, loadRoot, rowsExport } from '../exportsFixture.ts';

const smart = (r: LoadedRoot, id: string) => evaluate(r, id, '2026-08-31') as SmartEvaluation;

const site = 'title: T\nchannels:\n  facebook: { label: Facebook }\n';
const growth = '  - { id: fg, title: Follower growth, period: 2026-Q3, channel: facebook, kpi: follower_growth, target: 300 }\n';
const count = '  - { id: fc, title: Followers, period: 2026-Q3, channel: facebook, kpi: follower_count, target: 9200 }\n';
/** Facebook's page export: daily impressions and follows (5 new, 2 lost) from 1 April to 31 August. */
const follows = dailyExport('facebook', '2026-04-01', '2026-08-31', () => ({
  impressions: 2000,
  new_followers: 5,
  lost_followers: 2,
}));
const root = (total?: string) => {
  const r = loadRoot(site, `goals:\n${growth}${total ? count : ''}`, {
    'data/facebook.json': follows,
    ...(total ? { 'data/facebook-total.json': rowsExport('facebook', [{ date: total, followers: 9000 }]) } : {}),
  });
  if (!r.engine) throw new Error(r.problems.join('\n'));
  return r;
};

describe('a follower total inside the period beside daily follows', () => {
  const Q3 = period('2026-Q3');
  const asOf = day('2026-08-31');
  for (const total of [undefined, '2026-08-01', '2026-08-31']) {
    const r = root(total);
    const table = kpiChanges(r.engine!, ['facebook'], Q3, asOf);
    it(`growth over Q3 counts the follows before the total (total ${total ?? 'none'})`, () => {
      expect(table.get('follower_growth')!.value).toBe(186);
      // Q2 is follows alone (no total before Q3's): 91 days × 3.
      expect(table.get('follower_growth')!.previous).toBe(273);
      expect(table.get('follower_growth')!.qoq).toBeCloseTo(186 / 273 - 1, 12);
      const goal = smart(r, 'fg');
      expect(goal.actual).toBe(186);
    });
    if (total) {
      it(`the count and the rate agree with the growth (total on ${total})`, () => {
        // The total on `total`, plus the follows after it to 31 August.
        const end = 9000 + 3 * (day('2026-08-31') - day(total));
        expect(table.get('follower_count')!.value).toBe(end);
        // Q2's end is Q3's start: the total minus the follows from 1 July to its day.
        expect(table.get('follower_count')!.previous).toBe(end - 186);
        expect(table.get('audience_growth_rate')!.previous).toBeCloseTo(273 / (end - 186 - 273), 12);
        expect(table.get('audience_growth_rate')!.value).toBeCloseTo(186 / (end - 186), 12);
        expect(smart(r, 'fc').actual).toBe(end);
        const report = buildReport(r.project!, r.engine!, { quarter: Q3, asOf });
        expect(report.kpis['facebook']!['follower_growth']!.value).toBe(186);
      });
    }
  }
});
