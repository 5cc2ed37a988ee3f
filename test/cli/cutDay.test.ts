/**
 * Which channel's data end on which day, in the report's JSON, the text report's goal lines
 * (red-team 9 #9) and its partial-quarter line (#10): with channels that end on different days, each is named with its own last day,
 * never beside another channel's. From exports shaped like real ones (one file per channel and
 * source, daily rows, a `through`).
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { CHANNELS_END_APART, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
const GOALS = `goals:
  - { id: all-ctr, title: CTR all, period: 2026-Q3, channel: all, kpi: ctr, target: 0.02 }
  - { id: two-impr, title: Impressions, period: 2026-Q3, channel: [instagram, linkedin], kpi: impressions, target: 900000 }
  - { id: ig-impr, title: IG impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 900000 }
`;
const root = loadRoot(SITE, GOALS, CHANNELS_END_APART);

function report() {
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok || !root.project || !root.engine) throw new Error(`fixture: ${root.problems.join('; ')}`);
  return buildReport(root.project, root.engine, { quarter: quarter.period });
}
const goal = (id: string) => report().goals.find((g) => g.id === id) as SmartGoalJson;
function line(id: string): string {
  const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, { unit: k.unit, label: k.label, good: k.good }]));
  const all = renderText(report(), root.project!.site, kpis).split('\n');
  const i = all.findIndex((l) => l.includes(` ${id}: `));
  return all[i + 1]!;
}

describe('channels whose data end on different days', () => {
  it('carry each incomplete channel`s own last day in the JSON', () => {
    expect(root.problems).toEqual([]);
    expect(report().as_of).toBe('2026-09-30');
    expect(goal('all-ctr')).toMatchObject({
      incomplete: ['facebook', 'instagram'],
      data_to: '2026-09-10',
      incomplete_to: { facebook: '2026-09-10', instagram: '2026-09-15' },
      inputs_to: { facebook: { clicks: '2026-09-10', impressions: '2026-09-30' } },
    });
    expect(goal('two-impr')).toMatchObject({
      incomplete: ['instagram', 'linkedin'],
      data_to: '2026-09-05',
      incomplete_to: { instagram: '2026-09-15', linkedin: '2026-09-05' },
    });
  });

  it('leave incomplete_to out when one channel ends, or all end on one day', () => {
    expect(goal('ig-impr')).toMatchObject({ incomplete: ['instagram'], data_to: '2026-09-15' });
    expect(goal('ig-impr')).not.toHaveProperty('incomplete_to');
  });

  it('name in the text only the channel whose data end on the day the goal is taken as of', () => {
    expect(line('all-ctr')).toContain('as of 2026-09-10 (Clicks only to 2026-09-10; the data from instagram ends on 2026-09-15)');
    expect(line('all-ctr')).not.toContain('instagram ends there');
    expect(line('two-impr')).toContain(
      'as of 2026-09-05 (the data from linkedin ends there; the data from instagram ends on 2026-09-15)',
    );
  });

  it('keep the wording of one channel that ends early', () => {
    expect(line('ig-impr')).toContain('as of 2026-09-15 (the data from instagram ends there)');
  });

  it('give each early channel`s own day in the partial-quarter line (red-team 9 #10)', () => {
    const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, { unit: k.unit, label: k.label, good: k.good }]));
    expect(renderText(report(), root.project!.site, kpis)).toContain(
      'Partial quarter: QoQ and YoY compare 2026-Q3 in part (linkedin to 2026-09-05; instagram to 2026-09-15; other channels to 2026-09-30) ' +
        'against the whole of 2026-Q2 and the whole of 2025-Q3, except for totals that count a channel stopped early, which have none',
    );
  });
});
