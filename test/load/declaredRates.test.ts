/**
 * A declared metric that is a rate (unit percent, ratio, per_post or score) with aggregation
 * flow (red-team 14 #2): a flow is summed over days and channels, so a video completion rate
 * exported as 45% a day added up to 4,140% over a quarter, and a goal of 50% on it was
 * "achieved" 83 times over. Declared metrics aggregate as declared (the format's contract), so it
 * loads, with a positioned note giving the way to declare it instead (its counts as flows and a
 * custom KPI that divides them); a count, an amount of money or minutes declared as a flow, and a
 * rate declared as a stock (as the documented `nps_delta`), load without one.
 */
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { day } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = (metrics: string) => `title: Acme\nlocale: en-US\ncurrency: EUR\nmetrics:\n${metrics}`;
const GOALS =
  'goals:\n  - { id: completion, type: smart, title: Completion, period: 2026-Q3, channel: instagram, kpi: completion_rate, target: 0.5 }\n';
// Instagram's video export: a completion rate of 45% every day of Q3.
const DATA = {
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({
    impressions: 5000,
    completion_rate: 0.45,
  })),
};

describe('a rate declared as a flow (red-team 14 #2)', () => {
  it('is noted at its unit, naming what to declare instead', () => {
    const root = loadRoot(
      site('  completion_rate: { label: Video completion rate, aggregation: flow, unit: percent }\n'),
      GOALS,
      DATA,
    );
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => n.includes('completion_rate'))).toEqual([
      expect.stringMatching(
        /^content\/site\.yaml:5:\d+: note: 'completion_rate' is declared a flow with unit percent: a flow is summed over days and channels, so its rates add up .*declare the counts it divides as flows \(unit count\) and a custom KPI that divides them/,
      ),
    ]);
  });

  it('every rate unit is noted as a flow', () => {
    for (const unit of ['ratio', 'per_post', 'score']) {
      const root = loadRoot(site(`  completion_rate: { label: Rate, aggregation: flow, unit: ${unit} }\n`), GOALS, DATA);
      expect(root.problems).toEqual([]);
      expect(root.notes).toContainEqual(expect.stringContaining(`'completion_rate' is declared a flow with unit ${unit}`));
    }
  });

  it('counts, money and minutes as flows, and a rate as a stock, still load', () => {
    for (const declared of [
      '  completion_rate: { label: Completed views, aggregation: flow, unit: count }\n',
      '  completion_rate: { label: Ad credit, aggregation: flow, unit: money }\n',
      '  completion_rate: { label: Watch time, aggregation: flow, unit: minutes }\n',
      '  completion_rate: { label: Completion rate, aggregation: stock, unit: percent }\n',
    ]) {
      const root = loadRoot(site(declared), GOALS, DATA);
      expect(root.problems).toEqual([]);
      expect(root.notes.filter((n) => n.includes('declared a flow'))).toEqual([]);
    }
    // As a stock, the rate is its value at the end of the period, never a sum of days.
    const root = loadRoot(
      site('  completion_rate: { label: Completion rate, aggregation: stock, unit: percent }\n'),
      GOALS,
      DATA,
    );
    const quarter = parseQuarter('2026-Q3');
    if (!quarter.ok) throw new Error(quarter.reason);
    const report = buildReport(root.project!, root.engine!, { quarter: quarter.period, asOf: day('2026-09-30') });
    expect(report.kpis.instagram!.completion_rate!.value).toBeCloseTo(0.45, 9);
  });
});
