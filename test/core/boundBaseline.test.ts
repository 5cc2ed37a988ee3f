/**
 * An implicit baseline that is only a bound of the true figure is no baseline. TikTok exports its
 * reach as month rows: the quarter's reach summed from them counts people more than once (an upper
 * bound). Taken as a goal's baseline, it decided the goal's direction and its status: a reach goal
 * whose target sat below the bound read "✔ Achieved, progress ≥ 375%" on a reach that may well
 * have fallen short, and a custom cost per thousand reached (a lower bound, dividing by it)
 * likewise. Such a goal now has no implicit baseline and says why (`baseline_bound`), as a goal
 * whose previous quarter has no value does.
 */
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/core/periods.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { parse } from 'csv-parse/sync';
import { CPR_KPI, dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
/** TikTok's daily spend (€100) all along, and its reach as month rows only (Q2: 504,000 summed; Q3: 346,500). */
const TIKTOK_MONTHLY_REACH = {
  'data/tiktok/ads.json': dailyExport('tiktok', '2026-04-01', '2026-09-30', () => ({ spend: 100 })),
  'data/tiktok/reach.json': rowsExport('tiktok', [
    { month: '2026-04', reach: 168000 },
    { month: '2026-05', reach: 168000 },
    { month: '2026-06', reach: 168000 },
    { month: '2026-07', reach: 115500 },
    { month: '2026-08', reach: 115500 },
    { month: '2026-09', reach: 115500 },
  ]),
};
const GOALS = `kpis:
${CPR_KPI}goals:
  - { id: reach, title: TikTok reach, period: 2026-Q3, channel: tiktok, kpi: reach, target: 462000 }
  - { id: reach-given, title: TikTok reach from 300000, period: 2026-Q3, channel: tiktok, kpi: reach, baseline: 300000, target: 462000 }
  - { id: cpr, title: Cheaper reach, period: 2026-Q3, channel: tiktok, kpi: cpr, target: 20 }
  - { id: okr, type: okr, title: Reach OKR, period: 2026-Q3, key_results: [ { id: kr-reach, kpi: reach, channel: tiktok, target: 462000 } ] }
`;

const quarter = (() => {
  const q = parseQuarter('2026-Q3');
  if (!q.ok) throw new Error(q.reason);
  return q.period;
})();
const root = loadRoot(SITE, GOALS, TIKTOK_MONTHLY_REACH);
const report = buildReport(root.project!, root.engine!, { quarter });
const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('an implicit baseline that is only a bound', () => {
  it('is no baseline: the goal says which bound it would be, and decides nothing from it', () => {
    expect(root.problems).toEqual([]);
    expect(goal('reach')).toMatchObject({
      baseline: null,
      baseline_bound: 'upper',
      previous: 504000,
      progress: null,
      status: 'no_data',
    });
    expect(goal('cpr')).toMatchObject({ baseline: null, baseline_bound: 'lower', progress: null, status: 'no_data' });
  });

  it('leaves a baseline given as it was', () => {
    expect(goal('reach-given')).toMatchObject({ baseline: 300000, target: 462000 });
    expect(goal('reach-given').baseline_bound).toBeUndefined();
  });

  it('is no baseline for a key result either', () => {
    const okr = report.goals.find((g) => g.id === 'okr');
    expect(okr?.type === 'okr' && okr.key_results[0]).toMatchObject({ baseline: null, baseline_bound: 'upper', score: null });
  });

  it('says which bound in the scorecard CSV', () => {
    const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, k]));
    const rows = parse(scorecardCsv(report, kpis, { kind: 'live' }, 'EUR'), { columns: true }) as Array<Record<string, string>>;
    const row = (goal: string) => rows.find((r) => r['goal'] === goal && r['key_result'] === '')!;
    expect([row('reach')['baseline'], row('reach')['baseline_bound']]).toEqual(['', 'upper']);
    expect([row('reach-given')['baseline'], row('reach-given')['baseline_bound']]).toEqual(['300000', '']);
  });

  it('gets a validate note saying why and what to do', () => {
    expect(root.notes).toContainEqual(
      expect.stringMatching(
        /^goals\/g\.yaml:\d+:\d+: note: no baseline: reach over 2026-Q2 \(the baseline when none is given\) is only an upper bound/,
      ),
    );
  });
});
