/**
 * Month rows of one input beside day rows of another, with the window cut inside a month (red-team
 * 6 #5), shaped as a team gets them: LinkedIn page analytics impressions every day (daily.json, to
 * 20 August) and Campaign Manager clicks as one row a month (monthly.json, April to August). A total
 * over a window ending on 20 August counts none of August's clicks row while impressions count
 * their days, so a rate over it divides totals over different days. The goal, the KPI table and
 * the projection's points are taken to 31 July, the last day where every input is whole, and
 * flagged as an input ending early is (`dataTo`, `inputsEnd`); n/a where nothing whole remains.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal, type SmartEvaluation } from '../../src/core/evaluate.ts';
import { buildSnapshot } from '../../src/core/freeze.ts';
import { wholeInputsTo } from '../../src/core/kpis.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import type { MetricRow } from '../../src/core/metricIndex.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport } from '../../src/core/report.ts';
import { kpiSeries } from '../../src/core/series.ts';
import { inputsNote } from '../../src/format/inputs.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { snapshotSchema } from '../../src/load/snapshotSchema.ts';
import { day, engineOf, expectClose, period, rows, smartGoal } from '../coreFixtures.ts';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
const impressions = (d: string) => 5000 + 100 * (Number(d.slice(8)) % 3);
const sum = (list: readonly string[], f: (d: string) => number) => list.reduce((a, d) => a + f(d), 0);
const MONTH_END: Record<string, string> = {
  '2026-04': '2026-04-30',
  '2026-05': '2026-05-31',
  '2026-06': '2026-06-30',
  '2026-07': '2026-07-31',
  '2026-08': '2026-08-31',
  '2026-09': '2026-09-30',
};
/** Campaign Manager's clicks for a month: about 3% of the month's impressions, 3.2% from August. */
const clicksOf = (month: string) =>
  Math.round((month >= '2026-08' ? 0.032 : 0.03) * sum(days(`${month}-01`, MONTH_END[month]!), impressions));

/** LinkedIn as two exports: impressions daily to `impressionsEnd`, clicks a row a month for `months`. */
function linkedin(impressionsEnd: string, months: readonly string[]): MetricRow[] {
  return [
    ...rows(
      'linkedin',
      days('2026-04-01', impressionsEnd).map((d) => [d, { impressions: impressions(d) }] as const),
      'data/linkedin/daily.json',
    ),
    ...rows(
      'linkedin',
      months.map((m) => [m, { clicks: clicksOf(m) }] as const),
      'data/linkedin/monthly.json',
    ),
  ];
}
const Q3 = period('2026-Q3');
const ctrGoal = smartGoal('ctr', { kind: 'absolute', value: 0.033 }, { channel: 'linkedin', baseline: 0.03 });
const julyCtr = clicksOf('2026-07') / sum(days('2026-07-01', '2026-07-31'), impressions);

describe('month rows beside day rows, the window cut inside a month', () => {
  const engine = engineOf(linkedin('2026-08-20', ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08']), { cache: true });
  // The report's as-of day: August's clicks row ends on the 31st.
  const asOf = day('2026-08-31');

  it('evaluates a rate goal as of the last day where every input is whole, flagged like an input ending early', () => {
    const e = evaluateGoal(engine, ctrGoal, asOf) as SmartEvaluation;
    expectClose(e.actual, julyCtr);
    expect(e.dataTo).toBe(day('2026-07-31'));
    expect(e.incomplete).toEqual(['linkedin']);
    expect(e.inputsEnd).toEqual({ linkedin: { clicks: day('2026-07-31'), impressions: day('2026-08-20') } });
    expectClose(e.elapsed, 31 / 92);
  });

  it('gives the KPI table the same rate over the same days, with inputs_to', () => {
    const table = kpiChanges(engine, ['linkedin'], Q3, asOf);
    const ctr = table.get('ctr')!;
    expectClose(ctr.value, julyCtr);
    expect(ctr.inputsEnd).toEqual({ linkedin: { clicks: day('2026-07-31'), impressions: day('2026-08-20') } });
    // A total of one input is whole to the as-of day: August's clicks row counts.
    expect(table.get('clicks')!.value).toBe(clicksOf('2026-07') + clicksOf('2026-08'));
    expect(table.get('clicks')!.inputsEnd).toBeNull();
  });

  it('is n/a where nothing whole remains (impressions stop on 20 July, inside July’s clicks row)', () => {
    const early = engineOf(linkedin('2026-07-20', ['2026-04', '2026-05', '2026-06', '2026-07']));
    expect(kpiChanges(early, ['linkedin'], Q3, day('2026-07-31')).get('ctr')!.value).toBeNull();
    const e = evaluateGoal(early, ctrGoal, day('2026-07-31')) as SmartEvaluation;
    expect(e.actual).toBeNull();
    expect(e.projection).toBeNull();
  });

  it('projects a level from points on days where every input is whole, not a sawtooth', () => {
    // Impressions every day to 20 September, clicks rows to September: July's and August's rates.
    const longer = engineOf(linkedin('2026-09-20', ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']));
    // As of the day before the deadline: from the deadline on, a goal whose data end early has no projection.
    const e = evaluateGoal(longer, ctrGoal, day('2026-09-29')) as SmartEvaluation;
    expect(e.dataTo).toBe(day('2026-08-31'));
    const july = julyCtr;
    const toAugust = (clicksOf('2026-07') + clicksOf('2026-08')) / sum(days('2026-07-01', '2026-08-31'), impressions);
    expectClose(e.actual, toAugust);
    // The line through (31 July, july) and (31 August, toAugust), read on 30 September.
    const slope = (toAugust - july) / 31;
    expectClose(e.projection, toAugust + slope * 30);
    expect(e.projection!).toBeGreaterThan(0);
  });

  it('changes nothing where every input is daily', () => {
    const daily = engineOf([
      ...rows(
        'linkedin',
        days('2026-07-01', '2026-08-20').map((d) => [d, { impressions: impressions(d), clicks: 150 }] as const),
      ),
    ]);
    expect(wholeInputsTo(daily, daily.kpis.get('ctr')!, ['linkedin'], Q3.start, day('2026-08-20'))).toBeNull();
    const e = evaluateGoal(daily, ctrGoal, day('2026-08-20')) as SmartEvaluation;
    expect(e.dataTo).toBeNull();
    expectClose(e.actual, (150 * 51) / sum(days('2026-07-01', '2026-08-20'), impressions));
  });
});

describe('the quarter report on the two export files', () => {
  const file = (rowsOf: Array<Record<string, string | number>>) =>
    JSON.stringify({ channel: 'linkedin', source: 'export', rows: rowsOf });
  const loaded = loadFromSources(
    { path: 'content/site.yaml', text: 'title: Test\nchannels:\n  linkedin: { label: LinkedIn }\n' },
    [
      {
        path: 'goals/q3.yaml',
        text: 'goals:\n  - { id: ctr, title: CTR 3.3%, kpi: ctr, channel: linkedin, period: 2026-Q3, target: 0.033 }\n',
      },
    ],
    [
      {
        path: 'data/linkedin/daily.json',
        text: file(days('2026-04-01', '2026-08-20').map((date) => ({ date, impressions: impressions(date) }))),
      },
      {
        path: 'data/linkedin/monthly.json',
        text: file(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'].map((month) => ({ month, clicks: clicksOf(month) }))),
      },
    ],
  );
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const { project } = loaded;
  const engine = createEngine(project);

  it('gives the KPI its data_to and inputs_to in JSON and snapshots, and tells the reader', () => {
    const report = buildReport(project, engine, { quarter: Q3 });
    expect(report.as_of).toBe('2026-08-31');
    const cell = report.kpis['linkedin']!['ctr']!;
    expectClose(cell.value, julyCtr);
    expect(cell.data_to).toBe('2026-07-31');
    expect(cell.inputs_to).toEqual({ linkedin: { clicks: '2026-07-31', impressions: '2026-08-20' } });
    const goal = report.goals[0]!;
    expect(goal.type === 'smart' && goal.data_to).toBe('2026-07-31');
    const note = inputsNote(cell, project.site, (iso) => iso, 'kpi')!;
    expect(note.short).toBe('Clicks only to 2026-07-31');
    expect(note.long).toContain('Computed to 2026-07-31, the last day every input is whole');
    expect(note.long).not.toContain('mixes');
    const snapshot = buildSnapshot(project, engine, Q3, {
      version: 1,
      frozenAt: '2026-09-01T00:00:00Z',
      commit: null,
      uncommittedChanges: false,
    });
    const parsed = snapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('leaves August out of the monthly trend rather than divide its whole clicks by 20 days of impressions', () => {
    const points = kpiSeries(engine, 'ctr', ['linkedin'], Q3, 'month', day('2026-08-31'));
    expect(points.map((p) => p.date)).toEqual(['2026-07-01', '2026-08-01']);
    expectClose(points[0]!.value, julyCtr);
    expect(points[1]!.value).toBeNull();
  });
});
