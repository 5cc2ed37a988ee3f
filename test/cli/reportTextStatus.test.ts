/**
 * The text report's goal lines on red-team 6 #2, #3 and #14, from a root shaped like real exports
 * (one file per channel, daily rows, an export downloaded early): a target equal to a baseline
 * from the data, a cap decided on every day with data, an upper bound that leaves the status open.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport } from '../../src/core/report.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { earlyDownloadExports, INSTAGRAM_MONTHLY_REACH, LINKEDIN_NO_CLICKS, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
const GOALS = `goals:
  - { id: cap, title: Spend cap, period: 2026-Q3, channel: all, kpi: spend, target: 15000 }
  - { id: zero-ctr, title: CTR up, period: 2026-Q3, channel: linkedin, kpi: ctr, target: { change: "+10%" } }
  - { id: ig-reach, title: Reach 600k, period: 2026-Q3, channel: instagram, kpi: reach, baseline: 500000, target: 600000 }
  - { id: mid, title: Reach from mid-July, start: 2026-07-15, deadline: 2026-09-15, channel: instagram, kpi: reach, baseline: 300000, target: 400000 }
`;
const root = loadRoot(SITE, GOALS, {
  ...earlyDownloadExports({ impressions: 5000, spend: 100 }),
  ...INSTAGRAM_MONTHLY_REACH,
  ...LINKEDIN_NO_CLICKS,
});

function lines(): string[] {
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok || !root.project || !root.engine) throw new Error(`fixture: ${root.problems.join('; ')}`);
  const report = buildReport(root.project, root.engine, { quarter: quarter.period });
  const kpis = new Map(kpiMetas(root.engine).map((k) => [k.id, { unit: k.unit, label: k.label, good: k.good }]));
  return renderText(report, root.project.site, kpis).split('\n');
}
const after = (id: string) => {
  const all = lines();
  const i = all.findIndex((l) => l.includes(` ${id}: `));
  return `${all[i]}\n${all[i + 1]}`;
};

describe('goal lines of the text report', () => {
  it('give a cap the total that decides it, and the day its pace is taken as of', () => {
    expect(after('cap')).toContain('Off track');
    expect(after('cap')).toContain(
      'Spend on all: €16,500 of €15,000 (baseline €0.00), progress 110%, expected 45%, projection €27,600, without linkedin',
    );
    expect(after('cap')).toContain(
      'on every day with data to 2026-08-31, which already decides it; pace as of 2026-08-10 (Spend only to 2026-08-10)',
    );
  });

  it('say that a target equal to its baseline asks for no change', () => {
    expect(after('zero-ctr')).toContain('Achieved');
    expect(after('zero-ctr')).toContain(
      'progress n/a, expected 67%, projection 0.0%, the target equals the baseline: it asks for no change (at or above it is achieved)',
    );
  });

  it('say that a reach row cut by the window leaves the figure neither exact nor a bound', () => {
    expect(after('mid')).toContain('◇ Undecided');
    expect(after('mid')).toContain(
      'Reach on instagram: 350,000 of 400,000 (baseline 300,000), progress n/a, expected 76%, projection n/a, n/a: a month or quarter row straddles the goal’s window and is left out, so the actual is neither exact nor an upper bound',
    );
  });

  it('say that an upper bound leaves the status undecided', () => {
    expect(after('ig-reach')).toContain('◇ Undecided');
    expect(after('ig-reach')).toContain('≈700,000 (upper bound) of 600,000');
    expect(after('ig-reach')).toContain('projection n/a, undecided: the actual is only an upper bound');
  });

  it('give the progress of an upper-bound actual as a bound too', () => {
    expect(after('ig-reach')).toContain('(baseline 500,000), progress ≤ 200%, expected');
    expect(after('mid')).toContain('progress n/a,');
  });
});
