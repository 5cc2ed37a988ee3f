/**
 * An honest pause is not a gap (red-team 11 #6, root gap2): one Instagram daily export from April
 * to September with impressions, clicks and engagements on every row, `spend` on every row but
 * 1–9 August (the campaign paused) and `posts` on every row but 10–23 August (a holiday without
 * posts). Exports leave the team's own activity out of a row on a day there was none, so a run of
 * rows without spend or posts is days of none, not days the export missed (which a week without
 * clicks still is: test/core/missingKeys.test.ts). The metric table says which metrics read so
 * (`absentMeans`), and the key-hole check follows it.
 */
import { describe, expect, it } from 'vitest';
import { keyHolesByExport } from '../../src/core/exportHoles.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { BUILT_IN_METRICS, metricTable } from '../../src/core/metrics.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period, rows } from '../coreFixtures.ts';
import { dailyExport, days, loadRoot } from '../exportsFixture.ts';

const site = 'title: Gaps\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const goals = `goals:
  - { id: cpc, title: CPC down, period: 2026-Q3, channel: instagram, kpi: cpc, baseline: 0.6, target: 0.4 }
  - { id: cap, title: Spend cap, period: 2026-Q3, channel: instagram, kpi: spend, target: 1700 }
  - { id: avg, title: Avg engagement, period: 2026-Q3, channel: instagram, kpi: average_engagement, baseline: 70, target: 90 }
`;
const paused = (d: string) => d >= '2026-08-01' && d <= '2026-08-09';
const holiday = (d: string) => d >= '2026-08-10' && d <= '2026-08-23';
const instagram = dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
  impressions: 2000,
  clicks: 40,
  engagements: 80,
  ...(paused(d) ? {} : { spend: 20 }),
  ...(holiday(d) ? {} : { posts: 1 }),
}));
const root = loadRoot(site, goals, { 'data/instagram/2026.json': instagram });
const Q3 = period('2026-Q3');
const q3Days = days('2026-07-01', '2026-09-30');
// What the rows say, with no key read as none.
const spend = q3Days.filter((d) => !paused(d)).length * 20;
const clicks = q3Days.length * 40;
const engagements = q3Days.length * 80;
const posts = q3Days.filter((d) => !holiday(d)).length;

describe('a campaign paused and a holiday without posts, inside a daily export', () => {
  const report = buildReport(root.project!, root.engine!, { quarter: Q3 });
  const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

  it('loads with no note about rows without spend or posts', () => {
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => / rows without /.test(n))).toEqual([]);
  });

  it('decides the budget cap at its deadline on the spend the rows give', () => {
    expect(report.as_of).toBe('2026-09-30');
    expect(goal('cap')).toMatchObject({ status: 'achieved', actual: spend });
    expect(goal('cap').gaps).toBeUndefined();
    expect(goal('cap').bound).toBeUndefined();
  });

  it('takes cost per click over every day of the quarter', () => {
    expect(goal('cpc').actual).toBeCloseTo(spend / clicks, 12);
    expect(goal('cpc').gaps).toBeUndefined();
  });

  it('takes average engagement as the quarter’s engagements over its posts', () => {
    expect(goal('avg').actual).toBeCloseTo(engagements / posts, 12);
    expect(goal('avg').status).toBe('achieved');
    expect(goal('avg').gaps).toBeUndefined();
  });

  it('flags no gap in the KPI table', () => {
    const table = kpiChanges(root.engine!, ['instagram'], Q3, day('2026-09-30'));
    for (const kpi of ['spend', 'cpc', 'average_engagement']) expect(table.get(kpi)!.gaps).toBeNull();
    expect(table.get('spend')!.value).toBe(spend);
  });
});

describe('which metrics a row without their key gives none of (the metric table)', () => {
  it('is the team’s own activity: spend and posts', () => {
    const none = BUILT_IN_METRICS.filter((m) => m.absentMeans === 'none').map((m) => m.id);
    expect(none.sort()).toEqual(['posts', 'spend']);
  });

  // Every built-in metric in turn missing from a week of rows of a daily export that gives the others.
  const week = (d: string) => d >= '2026-07-13' && d <= '2026-07-19';
  const table = metricTable();
  it.each(BUILT_IN_METRICS.map((m) => [m.id, m.absentMeans] as const))(
    'a week without %s is a hole unless the table reads it as none (%s)',
    (metric, absentMeans) => {
      const others = ['impressions', 'clicks', 'spend'].filter((m) => m !== metric);
      const exportRows = rows(
        'instagram',
        days('2026-07-01', '2026-08-31').map((d) => [
          d,
          Object.fromEntries([...others, ...(week(d) ? [] : [metric])].map((m) => [m, 1])),
        ]),
      );
      const holes = keyHolesByExport(exportRows, table).get('data/instagram.json\u0000instagram')?.get(metric)?.holes;
      if (absentMeans === 'none') expect(holes).toBeUndefined();
      else expect(holes?.map((h) => [h.from, h.to])).toEqual([[day('2026-07-13'), day('2026-07-19')]]);
    },
  );
});
