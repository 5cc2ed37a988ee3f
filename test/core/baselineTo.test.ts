/**
 * A level goal without a baseline is measured from the KPI over the previous period (SPEC "Goal
 * evaluation"). When an input's export ends early in that period (LinkedIn's Campaign Manager
 * clicks downloaded on 10 September beside page analytics impressions to the 30th), the KPI over
 * the whole period divides clicks to the 10th by impressions to the 30th: a diluted baseline that
 * overstates progress and lowers a relative target. The baseline is taken over the days both
 * inputs cover instead (`baselineTo`); a total's reference is kept as it is and flagged
 * (`referenceTo`). A previous period whose inputs all reach its end gives the same baseline as
 * before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievability } from '../../src/core/achievability.ts';
import { formatDay } from '../../src/core/dates.ts';
import { evaluateGoal, type KeyResultEvaluation, type SmartEvaluation } from '../../src/core/evaluate.ts';
import { measureTarget } from '../../src/core/targets.ts';
import { buildSnapshot } from '../../src/core/freeze.ts';
import type { Measure, SmartGoal } from '../../src/core/goals.ts';
import { windowFor } from '../../src/core/kpis.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport, type OkrGoalJson, type SmartGoalJson } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { snapshotSchema } from '../../src/load/snapshotSchema.ts';
import { CLICKS_Q3_END, clicksOver, ctrOver, DATA_END, impressionsOver, sources } from '../baselineToFixture.ts';
import { day, engineOf, expectClose, period, rows, smartGoal } from '../coreFixtures.ts';

const Q4 = period('2026-Q4');

function load(clicksQ3End?: string) {
  const s = sources('en-US', clicksQ3End);
  const result = loadFromSources(s.site, s.goals, s.data);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { project: result.project, engine: createEngine(result.project) };
}
const { project, engine } = load();
const goalOf = (id: string) => project.goals.find((g) => g.id === id)!;
const smart = (id: string) => evaluateGoal(engine, goalOf(id), day(DATA_END)) as SmartEvaluation;
const keyResult = (): KeyResultEvaluation => {
  const e = evaluateGoal(engine, goalOf('li-okr'), day(DATA_END));
  if (e.type !== 'okr') throw new Error('li-okr is an OKR');
  return e.keyResults[0]!;
};

/** The rate over the days both inputs cover, and the diluted rate of the whole quarter. */
const shared = ctrOver('2026-07-01', CLICKS_Q3_END);
const diluted = clicksOver('2026-07-01', CLICKS_Q3_END) / impressionsOver('2026-07-01', '2026-09-30');

describe('an implicit level baseline whose previous period has an input export ending early', () => {
  it('is the KPI over the previous period to the day its inputs stop sharing, not the diluted rate', () => {
    const m = measureTarget(engine, goalOf('li-ctr') as Measure, Q4);
    expect(diluted).toBeLessThan(0.012); // what main measured from: a goalpost moved by the data
    expect(shared).toBeGreaterThan(0.014);
    expectClose(m.baseline, shared);
    expect(m.baselineTo).toBe(day(CLICKS_Q3_END));
    expect(m.referenceTo).toBeNull();
    // The previous period's own figure is kept as computed (shown beside, as the KPI table does).
    expectClose(m.previous, diluted);
    // The relative target applies to the honest baseline.
    expectClose(m.target, shared * 1.2);
  });

  it('drives progress and status of the goal, and is what an explicit baseline of that value gives', () => {
    const e = smart('li-ctr');
    const actual = ctrOver('2026-10-01', DATA_END);
    expectClose(e.actual, actual);
    expectClose(e.baseline, shared);
    expect(e.baselineTo).toBe(day(CLICKS_Q3_END));
    expectClose(e.progress, (actual - shared) / (shared * 1.2 - shared));
    const given = evaluateGoal(
      engine,
      { ...(goalOf('li-ctr') as SmartGoal), baseline: e.baseline },
      day(DATA_END),
    ) as SmartEvaluation;
    expect({ progress: given.progress, status: given.status, target: given.target }).toEqual({
      progress: e.progress,
      status: e.status,
      target: e.target,
    });
    expect(given.baselineTo).toBeNull();
  });

  it('with an absolute target too; not with a baseline given', () => {
    const abs = smart('li-ctr-abs');
    expectClose(abs.baseline, shared);
    expect(abs.target).toBe(0.016);
    expect(abs.baselineTo).toBe(day(CLICKS_Q3_END));
    const given = smart('li-ctr-given');
    expect(given).toMatchObject({ baseline: 0.012, baselineTo: null, referenceTo: null });
  });

  it('for a key result on the KPI too', () => {
    const kr = keyResult();
    expectClose(kr.baseline, shared);
    expect(kr.baselineTo).toBe(day(CLICKS_Q3_END));
    expectClose(kr.target, shared * 1.2);
  });

  it("keeps a total's relative reference as it is, flagged with the day the input ends", () => {
    const e = smart('li-clicks');
    expect(e.mode).toBe('cumulative');
    expect(e.baseline).toBe(0);
    expect(e.baselineTo).toBeNull();
    expect(e.referenceTo).toBe(day(CLICKS_Q3_END));
    expect(e.previous).toBe(clicksOver('2026-07-01', CLICKS_Q3_END));
    expectClose(e.target, clicksOver('2026-07-01', CLICKS_Q3_END) * 1.1);
  });

  it('achievability judges the target against the same baseline', () => {
    const m = measureTarget(engine, goalOf('li-ctr') as Measure, Q4);
    expectClose(achievability(engine, goalOf('li-ctr') as Measure, Q4).needed, (m.target! - m.baseline!) / m.baseline!);
  });

  it('is in report JSON (baseline_to, reference_to) only where it applies, and frozen with it', () => {
    const report = buildReport(project, engine, { quarter: Q4 });
    const g = (id: string) => report.goals.find((x) => x.id === id) as SmartGoalJson;
    expect(g('li-ctr').baseline_to).toBe(CLICKS_Q3_END);
    expect(g('li-ctr-abs').baseline_to).toBe(CLICKS_Q3_END);
    expect(g('li-ctr')).not.toHaveProperty('reference_to');
    expect(g('li-ctr-given')).not.toHaveProperty('baseline_to');
    expect(g('li-clicks').reference_to).toBe(CLICKS_Q3_END);
    expect(g('li-clicks')).not.toHaveProperty('baseline_to');
    const kr = (report.goals.find((x) => x.id === 'li-okr') as OkrGoalJson).key_results[0]!;
    expect(kr.baseline_to).toBe(CLICKS_Q3_END);
    expectClose(kr.baseline, shared);
    const snapshot = buildSnapshot(project, engine, Q4, {
      version: 1,
      frozenAt: '2026-12-01T00:00:00Z',
      commit: null,
      uncommittedChanges: false,
    });
    const parsed = snapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("is today's baseline when the clicks export reaches the end of the previous period", () => {
    const complete = load('2026-09-30');
    const goal = complete.project.goals.find((g) => g.id === 'li-ctr') as Measure;
    const m = measureTarget(complete.engine, goal, Q4);
    expect(m.baselineTo).toBeNull();
    expect(m.baseline).toBe(m.previous);
    expectClose(m.baseline, ctrOver('2026-07-01', '2026-09-30'));
  });
});

describe('a previous period whose inputs all reach its end (property)', () => {
  const Q3 = period('2026-Q3');
  const q3Days = Array.from({ length: 92 }, (_, i) => formatDay(day('2026-07-01') + i));
  const q4Days = Array.from({ length: 30 }, (_, i) => formatDay(day('2026-10-01') + i));
  it('gives exactly the KPI over the whole previous period, for any daily values and split of files', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 92, maxLength: 92 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 92, maxLength: 92 }),
        fc.integer({ min: 1, max: 91 }),
        fc.constantFrom('ctr', 'engagement_rate', 'cpc'),
        (impr, other, split, kpi) => {
          const second = kpi === 'engagement_rate' ? 'engagements' : kpi === 'cpc' ? 'spend' : 'clicks';
          const first = kpi === 'cpc' ? 'clicks' : 'impressions';
          // Each input from its own export; the second export comes in two files split on a random day.
          const all = [
            ...rows(
              'linkedin',
              q3Days.map((d, i) => [d, { [first]: impr[i]! }] as const),
              'data/linkedin/page.json',
            ),
            ...rows(
              'linkedin',
              q3Days.slice(0, split).map((d, i) => [d, { [second]: other[i]! }] as const),
              'data/linkedin/a.json',
            ),
            ...rows(
              'linkedin',
              q3Days.slice(split).map((d, i) => [d, { [second]: other[split + i]! }] as const),
              'data/linkedin/b.json',
            ),
            ...rows(
              'linkedin',
              q4Days.map((d) => [d, { [first]: 100, [second]: 5 }] as const),
              'data/linkedin/q4.json',
            ),
          ];
          const e = engineOf(all);
          const goal = smartGoal(kpi, { kind: 'percent', ratio: 0.1 }, { channel: 'linkedin', period: period('2026-Q4') });
          const m = measureTarget(e, goal, period('2026-Q4'));
          const whole = windowFor(e, ['linkedin'], Q3.start, Q3.end).value(e.kpis.get(kpi)!).value;
          expect(m.baselineTo).toBeNull();
          expect(m.baseline).toBe(whole);
          expect(m.previous).toBe(whole);
        },
      ),
      { numRuns: 60 },
    );
  });
});
