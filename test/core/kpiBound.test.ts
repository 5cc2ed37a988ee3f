/**
 * A KPI value summed from finer reach rows is a bound of the true figure, and which side it is
 * follows the formula, in the KPI table and on key results as on SMART goals (red-team 7
 * follow-ups): reach itself is an upper bound, spend per thousand reached (dividing by that reach)
 * a lower one. On main the KPI table said only `approximate` (and its mark "upper bound") and key
 * results said neither.
 */
import { describe, expect, it } from 'vitest';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type OkrGoalJson } from '../../src/core/report.ts';
import { CPR_KPI, INSTAGRAM_SPEND_MONTHLY_REACH, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const GOALS = `kpis:
${CPR_KPI}  - { id: rr, label: Reach rate, formula: "reach / impressions", unit: percent, good: up }
goals:
  - { id: cpr-q3, title: CPR under 20, kpi: cpr, channel: instagram, period: 2026-Q3, target: 20 }
  - { id: okr, type: okr, title: Reach OKR, period: 2026-Q3, key_results: [
      { id: kr-cpr, kpi: cpr, channel: instagram, target: 20 },
      { id: kr-reach, kpi: reach, channel: instagram, baseline: 500000, target: 700000 },
      { id: kr-spend, kpi: spend, channel: instagram, target: 10000 } ] }
`;

const root = loadRoot(SITE, GOALS, INSTAGRAM_SPEND_MONTHLY_REACH);
const parsed = parseQuarter('2026-Q3');
if (!parsed.ok) throw new Error(parsed.reason);
const quarter = parsed.period;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('the bound of a KPI value over a reach summed from month rows', () => {
  it('is the side the formula moves with reach, in the KPI table', () => {
    expect(root.problems).toEqual([]);
    const table = kpiChanges(root.engine!, ['instagram'], quarter, day('2026-08-31'));
    expect(table.get('reach')).toMatchObject({ approximate: true, bound: 'upper' });
    expect(table.get('rr')).toMatchObject({ approximate: true, bound: 'upper' });
    // €6,200 over at most 600,000 reached: €10.33 at the least.
    expect(table.get('cpr')).toMatchObject({ approximate: true, bound: 'lower' });
    expect(table.get('cpr')!.value).toBeCloseTo(6200 / 600, 9);
    expect(table.get('spend')).toMatchObject({ approximate: false, bound: 'exact' });
  });

  const report = () => buildReport(root.project!, root.engine!, { quarter });

  it('is in the report JSON beside `approximate` on KPI cells, and only there', () => {
    const cells = report().kpis['instagram']!;
    expect(cells['cpr']).toMatchObject({ approximate: true, bound: 'lower' });
    expect(cells['reach']).toMatchObject({ approximate: true, bound: 'upper' });
    expect(cells['spend']).not.toHaveProperty('bound');
    expect(cells['spend']).not.toHaveProperty('approximate');
  });

  it('is on key results as on SMART goals', () => {
    const goals = report().goals;
    expect(goals.find((g) => g.id === 'cpr-q3')).toMatchObject({ approximate: true, bound: 'lower' });
    const krs = (goals.find((g) => g.id === 'okr') as OkrGoalJson).key_results;
    expect(krs.find((k) => k.id === 'kr-cpr')).toMatchObject({ approximate: true, bound: 'lower', status: 'undecided' });
    expect(krs.find((k) => k.id === 'kr-reach')).toMatchObject({ approximate: true, bound: 'upper' });
    const spend = krs.find((k) => k.id === 'kr-spend')!;
    expect(spend).not.toHaveProperty('approximate');
    expect(spend).not.toHaveProperty('bound');
  });
});
