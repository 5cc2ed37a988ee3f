/**
 * Red-team 14 findings left open, each written as the check it should pass and marked
 * `it.fails` while it does not: when one is fixed, its test fails here, and the `.fails` goes.
 */
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { day } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const quarter = parseQuarter('2026-Q3');
if (!quarter.ok) throw new Error(quarter.reason);
const Q3 = quarter.period;

describe('red-team 14, open', () => {
  // #3: a declared stock in percent (a story exit rate) is summed over channels on `all`: 10% on
  // Instagram and 20% on Facebook show as 30%. The same holds for the documented `nps_delta`
  // (stock, score) and a unique metric in percent.
  it.fails('#3 a rate declared as a stock is not summed over channels on all', () => {
    const site = 'title: Acme\nmetrics:\n  story_exit_rate: { label: Story exit rate, aggregation: stock, unit: percent }\n';
    const root = loadRoot(site, 'goals: []\n', {
      'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ story_exit_rate: 0.1 })),
      'data/facebook/q3.json': dailyExport('facebook', '2026-07-01', '2026-09-30', () => ({ story_exit_rate: 0.2 })),
    });
    const report = buildReport(root.project!, root.engine!, { quarter: Q3, asOf: day('2026-09-30') });
    const all = report.kpis.all!.story_exit_rate!.value;
    expect(all === null || all <= 0.2).toBe(true);
  });
});
