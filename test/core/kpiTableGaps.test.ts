/**
 * The KPI table over days no export of an input covers (red-team 6 #7 root b3, #15 root a) and
 * over month rows beside day rows in an earlier quarter (#5): a rate of flows is taken over the
 * days every input covers, to the last day every input is whole, the previous and year-ago
 * values too, so that the table and a goal on the same KPI agree. CTR is 3% on every day.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { evaluateGoal, type SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { day, period } from '../coreFixtures.ts';

const days = (from: string, to: string, skip: readonly [string, string][] = []) => {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d++) if (!skip.some(([a, b]) => d >= day(a) && d <= day(b))) out.push(formatDay(d));
  return out;
};
const impressions = (from: string, to: string) => days(from, to).map((date) => ({ date, impressions: 10_000 }));
const clicks = (from: string, to: string, skip: readonly [string, string][] = []) =>
  days(from, to, skip).map((date) => ({ date, clicks: 300 }));

const goals = `goals:
  - { id: q3-ctr, title: CTR in Q3, start: 2026-07-01, deadline: 2026-09-30, channel: linkedin, kpi: ctr, target: 0.033 }
`;

function load(files: Record<string, { channel: string; rows: object[] }>) {
  const result = loadFromSources(
    { path: 'content/site.yaml', text: 'title: T\n' },
    [{ path: 'goals/g.yaml', text: goals }],
    Object.entries(files).map(([path, body]) => ({ path, text: JSON.stringify(body) })),
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { project: result.project, engine: createEngine(result.project) };
}

describe('a KPI over a week missing inside one export (root a, #15)', () => {
  // A week of clicks missing in Q3, two in Q2: the same 3% either way.
  const { project, engine } = load({
    'data/linkedin/page.json': { channel: 'linkedin', rows: impressions('2026-04-01', '2026-09-30') },
    'data/linkedin/ads.json': {
      channel: 'linkedin',
      rows: clicks('2026-04-01', '2026-09-30', [
        ['2026-05-10', '2026-05-23'],
        ['2026-08-10', '2026-08-16'],
      ]),
    },
  });
  const ctr = kpiChanges(engine, ['linkedin'], period('2026-Q3')).get('ctr')!;

  it('takes the rate over the days every input covers, flagged with the gap, as the goal does', () => {
    expect(ctr.value).toBeCloseTo(0.03, 12);
    expect(ctr.gaps).toEqual({ linkedin: { clicks: [[day('2026-08-10'), day('2026-08-16')]] } });
    const goal = evaluateGoal(engine, project.goals[0]!, day('2026-09-30')) as SmartEvaluation;
    expect(goal.actual).toBeCloseTo(ctr.value!, 12);
  });

  it('takes the previous quarter the same way, so the rate has not moved', () => {
    expect(ctr.previous).toBeCloseTo(0.03, 12);
    expect(ctr.qoq).toBeCloseTo(0, 12);
  });

  it('keeps a total as it is, flagged', () => {
    const total = kpiChanges(engine, ['linkedin'], period('2026-Q3')).get('clicks')!;
    expect(total.value).toBe(300 * (92 - 7));
    expect(total.gaps).toEqual({ linkedin: { clicks: [[day('2026-08-10'), day('2026-08-16')]] } });
  });

  it('flags no KPI without a value (no shares: no virality rate)', () => {
    const virality = kpiChanges(engine, ['linkedin'], period('2026-Q3')).get('virality_rate')!;
    expect(virality.value).toBeNull();
    expect(virality.gaps).toBeNull();
  });

  it('carries gaps on the KPI cell in report JSON, in the published shape', () => {
    const report = buildReport(project, engine, { quarter: period('2026-Q3') });
    const gap = { linkedin: { clicks: [{ from: '2026-08-10', to: '2026-08-16' }] } };
    expect(report.kpis.linkedin!.ctr!.gaps).toEqual(gap);
    expect(report.kpis.all!.ctr!.gaps).toEqual(gap);
    expect(report.kpis.linkedin!.impressions).not.toHaveProperty('gaps');
    const parsed = reportJsonSchema.safeParse({
      ...report,
      figures: 'live',
      version: null,
      frozen_at: null,
      partial: false,
      currency: 'EUR',
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});

describe('a KPI over days between two exports of an input (root b3, #7)', () => {
  // Root b3's clicks, one file per export: the first downloaded on 10 June, the next from 1 July,
  // the one after downloaded on 10 August, then from 1 September.
  const { engine } = load({
    'data/linkedin/page.json': { channel: 'linkedin', rows: impressions('2026-04-01', '2026-09-30') },
    'data/linkedin/ads-1.json': { channel: 'linkedin', rows: clicks('2026-04-01', '2026-06-10') },
    'data/linkedin/ads-2.json': { channel: 'linkedin', rows: clicks('2026-07-01', '2026-08-10') },
    'data/linkedin/ads-3.json': { channel: 'linkedin', rows: clicks('2026-09-01', '2026-09-30') },
  });
  const ctr = kpiChanges(engine, ['linkedin'], period('2026-Q3')).get('ctr')!;

  it('takes the quarter over the days both inputs cover', () => {
    // Not 71 days of clicks over 92 days of impressions (2.32%).
    expect(ctr.value).toBeCloseTo(0.03, 12);
    expect(ctr.gaps).toEqual({ linkedin: { clicks: [[day('2026-08-11'), day('2026-08-31')]] } });
  });

  it('compares it with the previous quarter to the day its clicks stop', () => {
    expect(ctr.previous).toBeCloseTo(0.03, 12);
    expect(ctr.previousTo).toBe(day('2026-06-10'));
    expect(ctr.qoq).toBeCloseTo(0, 12);
  });
});

describe('an earlier quarter with a month row beside day rows (#5)', () => {
  // Q2: clicks as month rows, impressions daily to 20 June only; Q3: both daily.
  const months = [
    { month: '2026-04', clicks: 300 * 30 },
    { month: '2026-05', clicks: 300 * 31 },
    { month: '2026-06', clicks: 300 * 30 },
  ];
  const { engine } = load({
    'data/linkedin/page-q2.json': { channel: 'linkedin', rows: impressions('2026-04-01', '2026-06-20') },
    'data/linkedin/page-q3.json': { channel: 'linkedin', rows: impressions('2026-07-01', '2026-09-30') },
    'data/linkedin/ads-q2.json': { channel: 'linkedin', rows: months },
    'data/linkedin/ads-q3.json': { channel: 'linkedin', rows: clicks('2026-07-01', '2026-09-30') },
  });

  it('takes the previous quarter to the last day every input is whole, and says so', () => {
    const ctr = kpiChanges(engine, ['linkedin'], period('2026-Q3')).get('ctr')!;
    expect(ctr.previous).toBeCloseTo(0.03, 12);
    expect(ctr.previousTo).toBe(day('2026-05-31'));
    expect(ctr.qoq).toBeCloseTo(0, 12);
  });
});
