/**
 * Whether a KPI grows with the days counted is read from the metrics' real aggregations, as a
 * goal's is (`compileKpi`): a declared stock metric (club members) is a level, so a quarter to
 * date compares with whole quarters, while a declared flow grows. The summary's biggest moves of
 * a quarter that is not over keep the stock and leave the flow out.
 */
import { describe, expect, it } from 'vitest';
import { kpiGrowsWithWindow } from '../../src/core/comparable.ts';
import { computeQuarter, kpiMetas } from '../../src/core/figures.ts';
import { snapshotSchema } from '../../src/load/snapshotSchema.ts';
import { quarterSummary } from '../../src/site/summary.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE = `title: Acme
locale: en-US
currency: EUR
metrics:
  members: { label: Club members, aggregation: stock, unit: count }
  post_follows: { label: Follows from posts, aggregation: flow, unit: count }
`;
// Members double from one quarter to the next; the Q3 export runs to 15 August.
const root = loadRoot(SITE, 'goals: []\n', {
  'data/instagram/q2.json': dailyExport('instagram', '2026-04-01', '2026-06-30', () => ({ members: 100, post_follows: 5 })),
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-08-15', () => ({ members: 200, post_follows: 5 })),
});

describe('a declared stock metric', () => {
  const metas = new Map(kpiMetas(root.engine!).map((m) => [m.id, m]));

  it('does not grow with the window; a declared flow does', () => {
    expect(root.problems).toEqual([]);
    expect(kpiGrowsWithWindow(metas.get('members')!)).toBe(false);
    expect(kpiGrowsWithWindow(metas.get('post_follows')!)).toBe(true);
    // A meta frozen before it carried the flag is read from its formula, as before.
    expect(kpiGrowsWithWindow({ formula: 'impressions' })).toBe(true);
  });

  it('moves in the summary of a quarter to date, where a total does not', () => {
    const figures = computeQuarter(root.project!, root.engine!, { quarter: period('2026-Q3'), asOf: day('2026-08-15') });
    expect(figures.report.kpis.all!.members!.qoq).toBeCloseTo(1, 12);
    const movers = quarterSummary(figures.report, metas, 'all', 10).movers.map((m) => m.id);
    expect(movers).toContain('members');
    expect(movers).not.toContain('post_follows');
  });

  it('is frozen with its metas (the snapshot schema takes the flag)', () => {
    const kpis = snapshotSchema.shape.kpis.safeParse([...metas.values()]);
    expect(kpis.success, JSON.stringify(kpis.error?.issues)).toBe(true);
  });
});
